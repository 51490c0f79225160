//! Overlays: the small hand-kept files in `docs/vendor/` that decide what the documents leave
//! open (retry classes, HTTP statuses where two documents disagree, Tencent's lost column
//! borders), each decision with its evidence, and the step that turns parsed rows into final
//! specs.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::model::{
    CodeEnum, CodeSpec, EnumRows, Origin, RetryClass, Row, SpecSources, Success, Translation,
};
use crate::names::Names;
use crate::parse::tencent_cam::Split;

/// The contents of `docs/vendor/<vendor>.overlay.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// Wire code → its retry class, where it is not the default `no`.
    #[serde(default)]
    pub retry: BTreeMap<String, RetryDecision>,
    /// Wire code → its HTTP status, where the vendor's documents disagree.
    #[serde(default)]
    pub http_status: BTreeMap<String, StatusDecision>,
    /// Tencent: common code → its error type (the border the text lost).
    #[serde(default)]
    pub common_types: BTreeMap<String, String>,
    /// Tencent: codeDesc → its action (the border the text lost).
    #[serde(default)]
    pub actions: BTreeMap<String, String>,
    /// Enum name → the number that reports success where its codes travel, where no document
    /// says it.
    #[serde(default)]
    pub success: BTreeMap<String, SuccessDecision>,
}

/// The number that reports success, and why.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuccessDecision {
    pub code: i64,
    pub evidence: String,
}

/// A retry class and why.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetryDecision {
    pub class: String,
    /// Text of the code's own documented row that says so (checked to be there).
    pub quote: Option<String>,
    /// Other evidence, for decisions that rest on more than the row's words.
    pub evidence: Option<String>,
}

/// An HTTP status and why.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusDecision {
    pub status: u16,
    pub evidence: String,
}

impl Overlay {
    pub fn parse(file: &str, text: &str) -> Result<Overlay, String> {
        toml::from_str(text).map_err(|e| format!("{file}: {e}"))
    }

    pub fn split(&self) -> Split {
        Split { common_types: self.common_types.clone(), actions: self.actions.clone() }
    }

    /// Checks that every code the overlay decides for is a code of the vendor's tables.
    pub fn check_codes(&self, file: &str, enums: &[EnumRows]) -> Result<(), String> {
        let known = |code: &String| enums.iter().any(|e| e.rows.iter().any(|row| row.wire == *code));
        for code in self.retry.keys().chain(self.http_status.keys()) {
            if !known(code) {
                return Err(format!("{file}: `{code}` is not a code of the vendor's documents"));
            }
        }
        for name in self.success.keys() {
            if !enums.iter().any(|e| e.rust_name == name) {
                return Err(format!(
                    "{file}: [success] names `{name}`, which is not one of the vendor's tables"
                ));
            }
        }
        Ok(())
    }

    /// The number that reports success where `rows`' codes travel: what a document says, else
    /// the overlay's decision. Never both, and never one of the table's own error codes.
    fn success_of(&self, file: &str, rows: &EnumRows) -> Result<Option<Success>, String> {
        let decided = self.success.get(rows.rust_name).map(|decision| Success {
            number: decision.code,
            origin: Origin::Overlay { file: file.to_owned(), evidence: decision.evidence.clone() },
            quote: None,
        });
        let success = match (&rows.success, decided) {
            (Some(stated), Some(_)) => {
                return Err(format!(
                    "{file}: [success] decides `{}`, whose success code {} a document already states",
                    rows.rust_name, stated.number
                ))
            }
            (stated, decided) => stated.clone().or(decided),
        };
        if let Some(success) = &success {
            if let Some(row) = rows.rows.iter().find(|row| row.number == Some(success.number)) {
                return Err(format!(
                    "{}: `{}` reports success, yet the table lists it as an error (`{}`)",
                    row.source, success.number, rows.rust_name
                ));
            }
        }
        Ok(success)
    }

    /// The retry class of `row` and its origin.
    fn retry_of(&self, file: &str, row: &Row) -> Result<(RetryClass, Origin), String> {
        let Some(decision) = self.retry.get(&row.wire) else {
            return Ok((RetryClass::No, Origin::Unstated));
        };
        let class =
            decision.class.parse::<RetryClass>().map_err(|e| format!("{file}: `{}`: {e}", row.wire))?;
        let evidence = match (&decision.quote, &decision.evidence) {
            (Some(quote), None) => {
                // The row's own texts, then its other languages' and documents' texts, each
                // with the place that gives it: the evidence cites the one that says the words.
                let p = &row.places;
                let documented = [
                    (Some(&row.description), row.at(p.description)),
                    (row.remediation.as_ref(), row.at(p.remediation)),
                    (row.wire_message.as_ref(), row.at(p.message)),
                ]
                .into_iter()
                .filter_map(|(text, at)| Some((text?, at)))
                .chain(row.other_descriptions.iter().map(|t| (&t.text, t.origin.clone())));
                let Some((_, Origin::Document { file: file_said, line, last })) =
                    documented.into_iter().find(|(text, _)| text.contains(quote.as_str()))
                else {
                    return Err(format!(
                        "{file}: the retry class of `{}` quotes \"{quote}\", which its row in {} does not say",
                        row.wire, row.source
                    ));
                };
                if last > line {
                    format!("{file_said} lines {line}-{last} says \"{quote}\"")
                } else {
                    format!("{file_said} line {line} says \"{quote}\"")
                }
            }
            (None, Some(evidence)) => evidence.clone(),
            _ => {
                return Err(format!(
                    "{file}: the retry class of `{}` needs one of `quote` or `evidence`",
                    row.wire
                ))
            }
        };
        Ok((class, Origin::Overlay { file: file.to_owned(), evidence }))
    }
}

/// The longest name derived from a message without a names file's say: longer ones read badly
/// in a `match`.
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
    (!words.is_empty() && words.len() <= MAX_DERIVED_WORDS).then(|| crate::parse::pascal_case(words))
}

fn is_variant_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase()) && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Decides every open field of one enum's rows and checks the result: each code has a name
/// (recorded in the names file, or for a new code the document's or one made from its text,
/// which is then recorded), names are unique readable identifiers, codes are unique, and the
/// lookup can tell every code apart.
pub fn finish(
    overlay_file: &str,
    overlay: &Overlay,
    names: &mut Names,
    rows: &EnumRows,
) -> Result<CodeEnum, String> {
    let mut seen_names: BTreeMap<String, &str> = BTreeMap::new();
    let mut seen_codes = BTreeSet::new();
    let mut codes = Vec::with_capacity(rows.rows.len());
    for (index, row) in rows.rows.iter().enumerate() {
        let name = match names.get(rows.rust_name, &row.wire) {
            Some(recorded) => recorded.to_owned(),
            None => {
                let derived = row
                    .name
                    .clone()
                    .or_else(|| name_from_message(row.wire_message.as_deref().unwrap_or(&row.description)))
                    .ok_or_else(|| {
                        format!(
                            "{}: new code `{}` needs a name (its text is too long to make one); add it under [{}]",
                            names.file(),
                            row.wire,
                            rows.rust_name
                        )
                    })?;
                names.record(rows.rust_name, &row.wire, &derived);
                derived
            }
        };
        if !is_variant_name(&name) {
            return Err(format!(
                "{}: `{name}` (code `{}`) is not a PascalCase identifier",
                names.file(),
                row.wire
            ));
        }
        if let Some(other) = seen_names.insert(name.clone(), &row.wire) {
            return Err(format!(
                "{}: codes `{other}` and `{}` would both be named `{name}`; name one of them",
                names.file(),
                row.wire
            ));
        }
        if !seen_codes.insert(row.wire.as_str()) {
            return Err(format!("{}: code `{}` is documented twice", row.source, row.wire));
        }
        let overrides = rows.field_origins.get(index).cloned().unwrap_or_default();
        let (http_status, status_origin) = match overlay.http_status.get(&row.wire) {
            Some(decision) => (
                Some(decision.status),
                Origin::Overlay { file: overlay_file.to_owned(), evidence: decision.evidence.clone() },
            ),
            None => {
                if let Some(conflict) = &overrides.http_status_conflict {
                    return Err(format!(
                        "{conflict}; decide it under [http_status] of {overlay_file}: \"{}\" = {{ status = …, evidence = \"…\" }}",
                        row.wire
                    ));
                }
                (
                    row.http_status,
                    overrides
                        .http_status
                        .unwrap_or_else(|| Origin::of(&row.http_status, &row.at(row.places.status))),
                )
            }
        };
        let (retry, retry_origin) = overlay.retry_of(overlay_file, row)?;
        codes.push(CodeSpec {
            wire: row.wire.clone(),
            number: row.number,
            name,
            http_status,
            wire_message: row.wire_message.clone(),
            title: row.title.clone(),
            description: row.description.clone(),
            descriptions: std::iter::once(Translation {
                language: row.language,
                text: row.description.clone(),
                origin: row.at(row.places.description),
            })
            .chain(row.other_descriptions.iter().cloned())
            .collect(),
            remediation: row.remediation.clone(),
            retry,
            common: row.common,
            soap_fault: row.soap_fault.clone(),
            sources: SpecSources {
                code: row.at(row.places.code),
                http_status: status_origin,
                wire_message: overrides
                    .wire_message
                    .unwrap_or_else(|| Origin::of(&row.wire_message, &row.at(row.places.message))),
                title: Origin::of(&row.title, &row.at(row.places.title)),
                description: row.at(row.places.description),
                remediation: Origin::of(&row.remediation, &row.at(row.places.remediation)),
                retry: retry_origin,
            },
        });
    }
    names.check_all_listed(rows.rust_name, &seen_codes)?;
    names.set_order(rows.rust_name, codes.iter().map(|code| code.wire.clone()));
    Ok(CodeEnum {
        rust_name: rows.rust_name,
        numeric: rows.numeric,
        summary: rows.summary.clone(),
        codes,
        success: overlay.success_of(overlay_file, rows)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(list: &[(&str, &str)]) -> EnumRows {
        EnumRows {
            rust_name: "ErrorCode",
            numeric: false,
            summary: String::new(),
            rows: list.iter().enumerate().map(|(i, (w, m))| Row::new(*w, *m, "doc", i as u32 + 1)).collect(),
            field_origins: Vec::new(),
            success: None,
        }
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
    fn recorded_names_win_and_collisions_are_errors() {
        let overlay = Overlay::default();
        let table = rows(&[("1", "No such key"), ("2", "no such key")]);
        let err = finish("o.toml", &overlay, &mut Names::empty("n.toml"), &table).unwrap_err();
        assert!(err.contains("would both be named `NoSuchKey`"), "{err}");

        let mut names = Names::parse("n.toml", "[ErrorCode]\n\"2\" = \"NoSuchKey2\"\n").unwrap();
        let specs = finish("o.toml", &overlay, &mut names, &table).unwrap();
        assert_eq!((specs.codes[0].name.as_str(), specs.codes[1].name.as_str()), ("NoSuchKey", "NoSuchKey2"));
        assert_eq!(specs.codes[0].http_status, None);
        assert_eq!(specs.codes[0].sources.http_status, Origin::Unstated);
    }

    #[test]
    fn a_success_code_is_stated_or_decided_once_and_is_no_error_code() {
        let decided =
            Overlay::parse("o.toml", "[success]\nErrorCode = { code = 0, evidence = \"SDKs\" }\n").unwrap();
        let table = rows(&[("1", "Slow down")]);
        let specs = finish("o.toml", &decided, &mut Names::empty("n.toml"), &table).unwrap();
        let overlay = Origin::Overlay { file: "o.toml".into(), evidence: "SDKs".into() };
        assert_eq!(specs.success, Some(Success { number: 0, origin: overlay, quote: None }));
        let nothing = finish("o.toml", &Overlay::default(), &mut Names::empty("n.toml"), &table).unwrap();
        assert_eq!(nothing.success, None);

        let stated =
            Success { number: 0, origin: Origin::at("doc", 9), quote: Some("0 means success".into()) };
        let with_stated = EnumRows { success: Some(stated.clone()), ..table.clone() };
        let specs = finish("o.toml", &Overlay::default(), &mut Names::empty("n.toml"), &with_stated).unwrap();
        assert_eq!(specs.success, Some(stated));
        let twice = finish("o.toml", &decided, &mut Names::empty("n.toml"), &with_stated).unwrap_err();
        assert!(twice.contains("already states"), "{twice}");

        let mut numbered = rows(&[("0", "Failed")]);
        numbered.rows[0].number = Some(0);
        let listed = finish("o.toml", &decided, &mut Names::empty("n.toml"), &numbered).unwrap_err();
        assert!(listed.contains("reports success, yet the table lists it"), "{listed}");

        let unknown =
            Overlay::parse("o.toml", "[success]\nOtherCode = { code = 0, evidence = \"x\" }\n").unwrap();
        let err = unknown.check_codes("o.toml", &[table]).unwrap_err();
        assert!(err.contains("`OtherCode`, which is not one of the vendor's tables"), "{err}");
    }

    #[test]
    fn long_messages_need_a_recorded_name() {
        let err = finish(
            "o.toml",
            &Overlay::default(),
            &mut Names::empty("n.toml"),
            &rows(&[("7", "a b c d e f g h")]),
        )
        .unwrap_err();
        assert!(err.contains("needs a name"), "{err}");
    }

    #[test]
    fn retry_decisions_cite_the_row_or_other_evidence_and_name_real_codes() {
        let overlay = Overlay::parse(
            "o.toml",
            "[retry]\n\"1\" = { class = \"throttling\", quote = \"Slow\" }\n\"2\" = { class = \"transient\", evidence = \"SDKs retry it\" }\n",
        )
        .unwrap();
        let table = rows(&[("1", "Slow down"), ("2", "Busy")]);
        let specs = finish("o.toml", &overlay, &mut Names::empty("n.toml"), &table).unwrap();
        assert_eq!(specs.codes[0].retry, RetryClass::Throttling);
        assert_eq!(
            specs.codes[0].sources.retry,
            Origin::Overlay { file: "o.toml".into(), evidence: "doc line 1 says \"Slow\"".into() }
        );
        assert_eq!(
            specs.codes[1].sources.retry,
            Origin::Overlay { file: "o.toml".into(), evidence: "SDKs retry it".into() }
        );

        let misquoted =
            Overlay::parse("o.toml", "[retry]\n\"2\" = { class = \"transient\", quote = \"later\" }\n")
                .unwrap();
        let err = finish("o.toml", &misquoted, &mut Names::empty("n.toml"), &table).unwrap_err();
        assert!(err.contains("does not say"), "{err}");

        let stray =
            Overlay::parse("o.toml", "[retry]\n\"9\" = { class = \"transient\", evidence = \"x\" }\n")
                .unwrap();
        assert!(stray.check_codes("o.toml", &[table]).unwrap_err().contains("`9` is not a code"));
    }

    #[test]
    fn documents_that_disagree_on_a_status_need_an_overlay_decision() {
        let mut table = rows(&[("1", "Slow down")]);
        table.rows[0].http_status = Some(503);
        table.field_origins = vec![crate::model::FieldOrigins {
            http_status_conflict: Some("a says 503 and b says 500".into()),
            ..Default::default()
        }];
        let err = finish("o.toml", &Overlay::default(), &mut Names::empty("n.toml"), &table).unwrap_err();
        assert!(
            err.starts_with("a says 503 and b says 500; decide it under [http_status] of o.toml"),
            "{err}"
        );

        let decided = Overlay::parse(
            "o.toml",
            "[http_status]\n\"1\" = { status = 500, evidence = \"servers send 500\" }\n",
        )
        .unwrap();
        let specs = finish("o.toml", &decided, &mut Names::empty("n.toml"), &table).unwrap();
        assert_eq!(specs.codes[0].http_status, Some(500));
        assert_eq!(
            specs.codes[0].sources.http_status,
            Origin::Overlay { file: "o.toml".into(), evidence: "servers send 500".into() }
        );
    }

    #[test]
    fn unknown_overlay_keys_are_rejected() {
        assert!(Overlay::parse("o.toml", "names = {}").is_err());
    }
}
