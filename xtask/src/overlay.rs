//! Overlays: the small hand-kept files in `docs/vendor/` that decide what a document leaves
//! open (variant names, retry classes, the status of vendors that answer errors with 200,
//! Tencent's lost column borders), and the step that turns parsed rows into final specs.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::model::{CodeSpec, Doc, Retry, Row};
use crate::parse::{pascal_case, tencent_cam::Split};

/// The contents of `docs/vendor/<vendor>.overlay.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// The status every error of this vendor is sent with, for documents that give none.
    pub http_status: Option<u16>,
    /// Wire code → variant name, where the document's text makes a poor name.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    /// Wire codes whose retry class is not `no`.
    #[serde(default)]
    pub retry: RetryLists,
    /// Tencent: common code → its error type (the border the text lost).
    #[serde(default)]
    pub common_types: BTreeMap<String, String>,
    /// Tencent: codeDesc → its action (the border the text lost).
    #[serde(default)]
    pub actions: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetryLists {
    #[serde(default)]
    pub throttling: Vec<String>,
    #[serde(default)]
    pub transient: Vec<String>,
}

impl Overlay {
    pub fn parse(file: &str, text: &str) -> Result<Overlay, String> {
        toml::from_str(text).map_err(|e| format!("{file}: {e}"))
    }

    pub fn split(&self) -> Split {
        Split { common_types: self.common_types.clone(), actions: self.actions.clone() }
    }

    fn retry_of(&self, wire: &str) -> Retry {
        if self.retry.throttling.iter().any(|c| c == wire) {
            Retry::Throttling
        } else if self.retry.transient.iter().any(|c| c == wire) {
            Retry::Transient
        } else {
            Retry::No
        }
    }

    /// Every wire code the overlay mentions, so regen can check each names a real code.
    fn mentioned_codes(&self) -> impl Iterator<Item = &String> {
        self.names.keys().chain(&self.retry.throttling).chain(&self.retry.transient)
    }

    /// Checks that every code the overlay names exists in one of `docs`.
    pub fn check_codes(&self, file: &str, docs: &[&Doc]) -> Result<(), String> {
        for code in self.mentioned_codes() {
            if !docs.iter().any(|doc| doc.rows.iter().any(|row| row.wire == *code)) {
                return Err(format!("{file}: `{code}` is not a code of the vendor's document"));
            }
        }
        Ok(())
    }
}

/// The longest name derived from a message without an overlay's say: longer ones read badly in
/// a `match`.
const MAX_DERIVED_WORDS: usize = 6;

/// A variant name made from a message: its words, without placeholders, in PascalCase; `None`
/// when that would be too long to read.
pub fn name_from_message(message: &str) -> Option<String> {
    let without_placeholders =
        ["%s", "%d", "{}", "s%"].iter().fold(message.to_owned(), |text, p| text.replace(p, " "));
    let words: Vec<&str> = without_placeholders
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    (!words.is_empty() && words.len() <= MAX_DERIVED_WORDS).then(|| pascal_case(words))
}

fn is_variant_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase()) && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Decides every open field of `rows` and checks the result: each code has a name (the
/// document's, the overlay's, or one made from its message), names are unique readable
/// identifiers, and each code has a status.
pub fn finish(file: &str, rows: &[Row], overlay: &Overlay) -> Result<Vec<CodeSpec>, String> {
    let mut seen_names: BTreeMap<String, &str> = BTreeMap::new();
    let mut seen_codes = BTreeSet::new();
    let mut seen_fingerprints: BTreeMap<(usize, u128), &str> = BTreeMap::new();
    let mut specs = Vec::with_capacity(rows.len());
    for row in rows {
        let name = overlay
            .names
            .get(&row.wire)
            .cloned()
            .or_else(|| row.name.clone())
            .or_else(|| name_from_message(&row.message))
            .ok_or_else(|| {
                format!("{file}: code `{}` needs a name: its message is too long to make one; add it under [names]", row.wire)
            })?;
        if !is_variant_name(&name) {
            return Err(format!("{file}: `{name}` (code `{}`) is not a PascalCase identifier", row.wire));
        }
        if let Some(other) = seen_names.insert(name.clone(), &row.wire) {
            return Err(format!(
                "{file}: codes `{other}` and `{}` would both be named `{name}`; give one a name under [names]",
                row.wire
            ));
        }
        let key = (row.wire.len(), crate::emit::fingerprint(row.wire.as_bytes()));
        if let Some(other) = seen_fingerprints.insert(key, &row.wire) {
            return Err(format!(
                "{}: codes `{other}` and `{}` share a lookup fingerprint; the emitter needs another lookup for them",
                row.source, row.wire
            ));
        }
        if !seen_codes.insert(row.wire.as_str()) {
            return Err(format!("{}: code `{}` is documented twice", row.source, row.wire));
        }
        let http_status = row.http_status.or(overlay.http_status).ok_or_else(|| {
            format!("{file}: the document gives no HTTP status for `{}`; set http_status", row.wire)
        })?;
        specs.push(CodeSpec {
            wire: row.wire.clone(),
            number: row.number,
            name,
            http_status,
            message: row.message.clone(),
            description: row.description.clone(),
            remediation: row.remediation.clone(),
            retry: overlay.retry_of(&row.wire),
            common: row.common,
            source: row.source,
            line: row.line,
        });
    }
    Ok(specs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(wire: &str, message: &str) -> Row {
        Row::new(wire, message, "doc", 1)
    }

    #[test]
    fn names_come_from_short_messages_without_placeholders() {
        assert_eq!(name_from_message("access denied: %s").as_deref(), Some("AccessDenied"));
        assert_eq!(
            name_from_message("missing header `x-user-profile`").as_deref(),
            Some("MissingHeaderXUserProfile")
        );
        assert_eq!(
            name_from_message("Preview with id s% cannot be found.").as_deref(),
            Some("PreviewWithIdCannotBeFound")
        );
        assert_eq!(name_from_message("one two three four five six seven"), None);
    }

    #[test]
    fn overlay_names_win_and_collisions_are_errors() {
        let overlay = Overlay { http_status: Some(200), ..Overlay::default() };
        let rows = [row("1", "No such key"), row("2", "no such key")];
        let err = finish("o.toml", &rows, &overlay).unwrap_err();
        assert!(err.contains("would both be named `NoSuchKey`"), "{err}");

        let mut overlay = overlay;
        overlay.names.insert("2".into(), "NoSuchKeyAgain".into());
        let specs = finish("o.toml", &rows, &overlay).unwrap();
        assert_eq!(specs[1].name, "NoSuchKeyAgain");
        assert_eq!(specs[0].http_status, 200);
    }

    #[test]
    fn long_messages_need_an_overlay_name() {
        let overlay = Overlay { http_status: Some(200), ..Overlay::default() };
        let err = finish("o.toml", &[row("7", "a b c d e f g h")], &overlay).unwrap_err();
        assert!(err.contains("needs a name"), "{err}");
    }

    #[test]
    fn retry_lists_and_their_codes_are_checked() {
        let overlay = Overlay::parse(
            "o.toml",
            "http_status = 200\n[retry]\nthrottling = [\"1\"]\ntransient = [\"9\"]\n",
        )
        .unwrap();
        let doc = Doc { snapshot: String::new(), rows: vec![row("1", "Slow down")] };
        assert_eq!(finish("o.toml", &doc.rows, &overlay).unwrap()[0].retry, Retry::Throttling);
        assert!(overlay.check_codes("o.toml", &[&doc]).unwrap_err().contains("`9` is not a code"));
    }

    #[test]
    fn unknown_overlay_keys_are_rejected() {
        assert!(Overlay::parse("o.toml", "nmaes = {}").is_err());
    }
}
