//! `sme-export validate FILE`: the engine's loader on a dataset file, every problem on one line.

use sme_export::load::dataset_from_json;

use super::{print_out, problem_line, read_dataset_text, Failure, EXIT_INVALID, EXIT_OK};

pub const HELP: &str = "\
Prints every problem, one a line:
  PATH: KIND: MESSAGE (hint: HINT)
Exit 0 when valid (prints version and counts), 1 when invalid, 2 when FILE cannot be read.";

#[derive(clap::Args)]
pub struct ValidateArgs {
    /// The dataset JSON to check
    #[arg(value_name = "FILE")]
    file: String,
}

pub fn run(args: ValidateArgs) -> Result<u8, Failure> {
    let path = args.file.as_str();
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
