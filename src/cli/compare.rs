//! `sme-export compare OLD.json NEW.json [--panel FILE] [--json] [--lang ko|en]`: the reference
//! panel (`data/panel.csv`, compiled in; docs/PANEL.md) through two datasets, and what changes for
//! its firms: counts first (SME status, potential moving by more than 10 %, ranking, programme
//! outcome, firms the new dataset cannot score), then one row per change, largest first. The
//! comparison itself is `sme_export::panel::compare`, shared with the validator page.
//!
//! Exit codes (unlike the other commands, 1 means "differences", as for `diff`): 0 no outcome
//! changes, 1 some change, 2 a file cannot be read or is not a valid dataset or panel.

use sme_export::dataset::Dataset;
use sme_export::panel::{compare, read_panel, Comparison};

use super::{option_value, print_out, Failure, LangArg, EXIT_OK, EXIT_USAGE};

/// The built-in reference panel.
const PANEL: &str = include_str!("../../data/panel.csv");

/// Exit code when some outcome changes.
pub const EXIT_CHANGED: u8 = 1;

pub const HELP: &str = "\
Runs the reference panel of firms (docs/PANEL.md; built in, or --panel FILE in the same CSV
form as data/panel.csv) through both datasets and reports what changes for them: first how many
firms change SME status (size, table applied, newer-table hint), potential (base, low, high or
untapped moving by more than 10 %), market ranking (rank of the chosen market, best market),
programme outcome, or cannot be scored by NEW; then one row per change (firm, field, before,
after, relative change), largest first.
Exit 0 when no outcome changes, 1 when some do, 2 when a file cannot be read or is not a
valid dataset or panel (every dataset problem is listed on stderr).";

#[derive(clap::Args)]
pub struct CompareArgs {
    /// The dataset JSON in use
    #[arg(value_name = "OLD.json")]
    old: String,
    /// The dataset JSON to review
    #[arg(value_name = "NEW.json")]
    new: String,
    /// A panel CSV instead of the built-in one
    #[arg(long, value_name = "FILE", value_parser = option_value)]
    panel: Option<String>,
    /// The comparison as JSON (counts, changes, summary)
    #[arg(long)]
    json: bool,
    /// Words of the counts and summary
    #[arg(long, value_enum, default_value_t = LangArg::Ko, value_name = "ko|en")]
    lang: LangArg,
}

/// A dataset for `compare`: an invalid one is exit 2 here (1 means "changes found").
fn dataset(path: &str) -> Result<Dataset, Failure> {
    super::dataset(Some(path)).map_err(|failure| Failure {
        code: EXIT_USAGE,
        message: failure.message,
    })
}

pub fn run(args: CompareArgs) -> Result<u8, Failure> {
    let (old_path, new_path) = (args.old.as_str(), args.new.as_str());
    let lang = args.lang.into();
    let (panel_name, panel_text) = match args.panel.as_deref() {
        None => ("the built-in panel".to_owned(), PANEL.to_owned()),
        Some(path) => (
            path.to_owned(),
            std::fs::read_to_string(path).map_err(|e| Failure::io("read", path, &e))?,
        ),
    };
    let panel = read_panel(&panel_text)
        .map_err(|e| Failure::usage(format!("--panel: {panel_name} is not a usable panel: {e}")))?;
    let old = dataset(old_path)?;
    let new = dataset(new_path)?;
    let comparison = compare(&panel, &old, &new, lang);
    if args.json {
        let json = serde_json::to_string_pretty(&comparison)
            .map_err(|e| Failure::usage(format!("cannot write the comparison as JSON: {e}")))?;
        print_out(&[json.as_str(), "\n"].concat())?;
    } else {
        print_out(&text(&comparison, &panel_name, old_path, new_path))?;
    }
    Ok(if comparison.firms_changed == 0 {
        EXIT_OK
    } else {
        EXIT_CHANGED
    })
}

/// The readable report: what was compared, the counts, then the rows.
fn text(comparison: &Comparison, panel: &str, old: &str, new: &str) -> String {
    let mut out = format!("{panel}: {old} -> {new}\n{}\n", comparison.summary);
    for count in &comparison.counts {
        out.push_str(&format!("{:>6}  {}\n", count.firms, count.label));
    }
    if !comparison.changes.is_empty() {
        out.push_str("\nfirm\tfield\tbefore\tafter\tchange\n");
    }
    for change in &comparison.changes {
        let share = change
            .relative
            .map_or(String::new(), |relative| format!("{:+.1} %", relative * 100.0));
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            change.firm, change.field, change.before, change.after, share
        ));
    }
    out
}
