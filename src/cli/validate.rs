//! `sme-export validate FILE`: the engine's loader on a dataset file, every problem on one line.

use sme_export::load::dataset_from_json;

use super::{print_out, problem_line, read_dataset_text, usage_of, wants_help, Failure, EXIT_INVALID, EXIT_OK};

pub fn run(words: Vec<String>) -> Result<u8, Failure> {
    if wants_help(&words) {
        print_out(usage_of("validate"))?;
        return Ok(EXIT_OK);
    }
    let args = super::args::Args::parse("validate", words, &[])?;
    let path = match args.positional.as_slice() {
        [p] => p.as_str(),
        _ => {
            return Err(Failure::usage(
                ["validate takes one FILE\n", usage_of("validate")].concat(),
            ))
        }
    };
    let loaded = read_dataset_text(path)?
        .map_err(|p| vec![p])
        .and_then(|t| dataset_from_json(&t));
    match loaded {
        Ok(ds) => {
            print_out(&format!(
                "{path}: valid dataset {} (figures as of {}): {} sectors, {} markets, {} regions, {} programs\n",
                ds.version,
                ds.figures_as_of,
                ds.sectors.len(),
                ds.markets.len(),
                ds.regions.len(),
                ds.programs.len(),
            ))?;
            Ok(EXIT_OK)
        }
        Err(problems) => {
            let mut text = String::new();
            for p in &problems {
                text.push_str(&problem_line(p));
                text.push('\n');
            }
            let n = problems.len();
            text.push_str(&format!(
                "{path}: invalid dataset, {n} problem{}\n",
                if n == 1 { "" } else { "s" }
            ));
            print_out(&text)?;
            Ok(EXIT_INVALID)
        }
    }
}
