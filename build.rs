//! Compiles a trimmed copy of `data/dataset.json` into the crate: the same figures, sources and
//! rules, without the `note` members (how an assumed figure was derived). Notes are for the people
//! who maintain the file and stay in `data/dataset.json` and `docs/SOURCES.md`; the widget never
//! shows them, and they were 2 KB gzip of the Wasm bundle. Tests load the trimmed copy, so a
//! mistake here fails `cargo test`.

use std::{env, fs, path::Path};

fn strip_notes(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("note");
            map.values_mut().for_each(strip_notes);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_notes),
        _ => {}
    }
}

fn main() {
    let source = Path::new("data/dataset.json");
    println!("cargo::rerun-if-changed={}", source.display());
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.json");
    let text = fs::read_to_string(source).expect("data/dataset.json is readable");
    // A file that is not JSON is copied as it is, so the loader reports it with line and column.
    let trimmed = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(mut value) => {
            strip_notes(&mut value);
            serde_json::to_string(&value).expect("a parsed value serialises")
        }
        Err(_) => text,
    };
    fs::write(out, trimmed).expect("OUT_DIR is writable");
}
