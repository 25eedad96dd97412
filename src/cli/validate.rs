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
        .map_err(|problem| vec![problem])
        .and_then(|json| dataset_from_json(&json));
    match loaded {
        Ok(dataset) => {
            print_out(&format!(
                "{path}: valid dataset {} (figures as of {}): {} sectors, {} markets, {} regions, {} programs\n",
                dataset.version,
                dataset.figures_as_of,
                dataset.sectors.len(),
                dataset.markets.len(),
                dataset.regions.len(),
                dataset.programs.len(),
            ))?;
            Ok(EXIT_OK)
        }
        Err(problems) => {
            let mut text = String::new();
            for problem in &problems {
                text.push_str(&problem_line(problem));
                text.push('\n');
            }
            let count = problems.len();
            text.push_str(&format!(
                "{path}: invalid dataset, {count} problem{}\n",
                if count == 1 { "" } else { "s" }
            ));
            print_out(&text)?;
            Ok(EXIT_INVALID)
        }
    }
}
