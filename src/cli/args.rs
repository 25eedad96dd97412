//! Command-line arguments: positional words and `--name value` / `--name=value` options, checked
//! against the options a command declares. No parser crate: the grammar is this small.

use std::collections::BTreeMap;

use super::Failure;

/// An option a command accepts.
pub struct Spec {
    pub name: &'static str,
    /// Takes a value (`--lang en`), or is a switch (`--json`).
    pub takes_value: bool,
}

/// Parsed arguments of one command.
pub struct Args {
    pub positional: Vec<String>,
    options: BTreeMap<&'static str, Option<String>>,
}

impl Args {
    /// Parses `words` (after the command name) for a command accepting `specs`.
    pub fn parse(command: &str, words: Vec<String>, specs: &[Spec]) -> Result<Args, Failure> {
        let mut positional = Vec::new();
        let mut options = BTreeMap::new();
        let mut words = words.into_iter();
        let mut only_positional = false;
        while let Some(w) = words.next() {
            if only_positional || w == "-" || !w.starts_with("--") {
                positional.push(w);
                continue;
            }
            if w == "--" {
                only_positional = true;
                continue;
            }
            let (name, inline) = match w.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (w.as_str(), None),
            };
            let key = name.trim_start_matches("--");
            let spec = specs.iter().find(|s| s.name == key).ok_or_else(|| {
                Failure::usage(format!(
                    "{command}: unknown option {name} (see `sme-export help {command}`)"
                ))
            })?;
            let value = match (spec.takes_value, inline) {
                (true, Some(v)) => Some(v),
                (true, None) => match words.next() {
                    Some(v) => Some(v),
                    None => return Err(Failure::usage(format!("{command}: {name} needs a value"))),
                },
                (false, Some(_)) => return Err(Failure::usage(format!("{command}: {name} takes no value"))),
                (false, None) => None,
            };
            if options.insert(spec.name, value).is_some() {
                return Err(Failure::usage(format!("{command}: {name} given twice")));
            }
        }
        Ok(Args { positional, options })
    }

    /// The value of an option that takes one.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.options.get(name).and_then(|v| v.as_deref())
    }

    /// Whether a switch (or any option) was given.
    pub fn has(&self, name: &str) -> bool {
        self.options.contains_key(name)
    }
}
