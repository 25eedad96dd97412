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

use super::args::{Args, Spec};
use super::{print_out, usage_of, wants_help, Failure, EXIT_OK, EXIT_USAGE};

/// The built-in reference panel.
const PANEL: &str = include_str!("../../data/panel.csv");

/// Exit code when some outcome changes.
pub const EXIT_CHANGED: u8 = 1;

const SPECS: [Spec; 3] = [
    Spec {
        name: "panel",
        takes_value: true,
    },
    Spec {
        name: "json",
        takes_value: false,
    },
    Spec {
        name: "lang",
        takes_value: true,
    },
];

/// A dataset for `compare`: an invalid one is exit 2 here (1 means "changes found").
fn dataset(path: &str) -> Result<Dataset, Failure> {
    super::dataset(Some(path)).map_err(|f| Failure {
        code: EXIT_USAGE,
        message: f.message,
    })
}

pub fn run(words: Vec<String>) -> Result<u8, Failure> {
    if wants_help(&words) {
        print_out(usage_of("compare"))?;
        return Ok(EXIT_OK);
    }
    let args = Args::parse("compare", words, &SPECS)?;
    let (old_path, new_path) = match args.positional.as_slice() {
        [a, b] => (a.as_str(), b.as_str()),
        _ => {
            return Err(Failure::usage(
                ["compare takes two dataset files, OLD and NEW\n", usage_of("compare")].concat(),
            ))
        }
    };
    let lang = super::lang(args.value("lang"))?;
    let (panel_name, panel_text) = match args.value("panel") {
        None => ("the built-in panel".to_owned(), PANEL.to_owned()),
        Some(p) => (
            p.to_owned(),
            std::fs::read_to_string(p).map_err(|e| Failure::io("read", p, &e))?,
        ),
    };
    let panel = read_panel(&panel_text)
        .map_err(|e| Failure::usage(format!("--panel: {panel_name} is not a usable panel: {e}")))?;
    let old = dataset(old_path)?;
    let new = dataset(new_path)?;
    let cmp = compare(&panel, &old, &new, lang);
    if args.has("json") {
        let json = serde_json::to_string_pretty(&cmp)
            .map_err(|e| Failure::usage(format!("cannot write the comparison as JSON: {e}")))?;
        print_out(&[json.as_str(), "\n"].concat())?;
    } else {
        print_out(&text(&cmp, &panel_name, old_path, new_path))?;
    }
    Ok(if cmp.firms_changed == 0 { EXIT_OK } else { EXIT_CHANGED })
}

/// The readable report: what was compared, the counts, then the rows.
fn text(cmp: &Comparison, panel: &str, old: &str, new: &str) -> String {
    let mut out = format!("{panel}: {old} -> {new}\n{}\n", cmp.summary);
    for c in &cmp.counts {
        out.push_str(&format!("{:>6}  {}\n", c.firms, c.label));
    }
    if !cmp.changes.is_empty() {
        out.push_str("\nfirm\tfield\tbefore\tafter\tchange\n");
    }
    for c in &cmp.changes {
        let share = c.relative.map_or(String::new(), |r| format!("{:+.1} %", r * 100.0));
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            c.firm, c.field, c.before, c.after, share
        ));
    }
    out
}
