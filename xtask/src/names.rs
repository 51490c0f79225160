//! The names files (`docs/vendor/<vendor>.names.toml`): every variant name, recorded, because
//! variant names are public API. Regen reads a code's name from here; only a code that is new
//! gets a name made for it, which regen then records. A recorded name never changes unless a
//! person edits the file.

use std::collections::{BTreeMap, BTreeSet};

/// The recorded names of one vendor, by enum and wire code, plus what this run added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Names {
    file: String,
    recorded: BTreeMap<String, BTreeMap<String, String>>,
    /// Every enum's names in table order, as this run decided them (the file regen writes).
    decided: Vec<(String, Vec<(String, String)>)>,
}

const HEADER: &str = "\
# Variant names of the generated enums, by wire code, in table order: public API.
# `cargo xtask regen` names a new code and records it here; it never changes a recorded
# name, whatever the documents say. A rename is an explicit, reviewed edit of this file.
";

impl Names {
    pub fn empty(file: &str) -> Names {
        Names { file: file.to_owned(), recorded: BTreeMap::new(), decided: Vec::new() }
    }

    pub fn parse(file: &str, text: &str) -> Result<Names, String> {
        let recorded = toml::from_str(text).map_err(|e| format!("{file}: {e}"))?;
        Ok(Names { file: file.to_owned(), recorded, decided: Vec::new() })
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    /// The recorded name of `code` in `enum_name`.
    pub fn get(&self, enum_name: &str, code: &str) -> Option<&str> {
        self.recorded.get(enum_name)?.get(code).map(String::as_str)
    }

    /// Records the name of a code this run named (new codes) or read (the rest), in table order.
    pub fn record(&mut self, enum_name: &str, code: &str, name: &str) {
        self.recorded.entry(enum_name.to_owned()).or_default().insert(code.to_owned(), name.to_owned());
    }

    /// Fails when the file names a code no document lists any more: dropping a public variant
    /// is a reviewed change, so the entry must be removed by hand. Then keeps the enum's
    /// names in `codes`' table order for [`render`](Self::render).
    pub fn check_all_listed(&mut self, enum_name: &str, codes: &BTreeSet<&str>) -> Result<(), String> {
        let recorded = self.recorded.get(enum_name).cloned().unwrap_or_default();
        if let Some(gone) = recorded.keys().find(|code| !codes.contains(code.as_str())) {
            return Err(format!(
                "{}: [{enum_name}] names `{gone}`, which no document lists; removing a variant is a reviewed change: delete the entry by hand",
                self.file
            ));
        }
        Ok(())
    }

    /// Notes the decided table order of one enum's codes.
    pub fn set_order(&mut self, enum_name: &str, codes: impl Iterator<Item = String>) {
        let recorded = self.recorded.get(enum_name).cloned().unwrap_or_default();
        let ordered = codes
            .map(|code| {
                let name = recorded.get(&code).cloned().unwrap_or_default();
                (code, name)
            })
            .collect();
        self.decided.push((enum_name.to_owned(), ordered));
    }

    /// The file as regen writes it: every enum's names in table order.
    pub fn render(&self) -> String {
        let mut out = String::from(HEADER);
        for (enum_name, names) in &self.decided {
            out.push_str(&format!("\n[{enum_name}]\n"));
            for (code, name) in names {
                out.push_str(&format!("{} = {}\n", toml_string(code), toml_string(name)));
            }
        }
        out
    }
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_in_table_order_and_reads_back() {
        let mut names = Names::parse("n.toml", "[ErrorCode]\n\"B.2\" = \"Second\"\n").unwrap();
        names.record("ErrorCode", "A.1", "First");
        names.set_order("ErrorCode", ["A.1".to_owned(), "B.2".to_owned()].into_iter());
        let text = names.render();
        assert!(text.ends_with("[ErrorCode]\n\"A.1\" = \"First\"\n\"B.2\" = \"Second\"\n"), "{text}");
        let again = Names::parse("n.toml", &text).unwrap();
        assert_eq!(again.get("ErrorCode", "A.1"), Some("First"));
    }

    #[test]
    fn a_recorded_code_no_document_lists_is_an_error() {
        let mut names = Names::parse("n.toml", "[ErrorCode]\n\"Gone\" = \"Gone\"\n").unwrap();
        let err = names.check_all_listed("ErrorCode", &BTreeSet::from(["Here"])).unwrap_err();
        assert!(err.contains("`Gone`, which no document lists"), "{err}");
    }
}
