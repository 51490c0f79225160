//! Every citation holds its field's words: for each field of each code whose source is a
//! document, the cited lines, read by the document's own reading rules, must contain the
//! field's words in order. Regen stops, naming the code and field, when one does not.
//!
//! The reading rules are the parsers': HTML entities decoded and tags dropped (`.html`, `.md`),
//! Markdown read as plain text (`.md`, `.swift`), reStructuredText's `**bold**` as its words,
//! and a grid table's cells read column by column, a `\`-ended code cell running on without a
//! space (`.rst`), JavaScript escapes undone (`.ts`).

use crate::model::{CodeSpec, Origin, VendorTable};
use crate::parse::{decode_entities, markdown_plain_text, rst_plain_text};

/// The texts to look for in the cited lines: the field's words as the table holds them.
fn fields(spec: &CodeSpec) -> Vec<(&'static str, String, &Origin)> {
    let s = &spec.sources;
    let mut out = vec![("code", spec.wire.clone(), &s.code)];
    if let Some(status) = spec.http_status {
        out.push(("http_status", status.to_string(), &s.http_status));
    }
    for (name, text, origin) in [
        ("wire_message", &spec.wire_message, &s.wire_message),
        ("title", &spec.title, &s.title),
        ("remediation", &spec.remediation, &s.remediation),
    ] {
        if let Some(text) = text {
            out.push((name, text.clone(), origin));
        }
    }
    // The primary description is `descriptions[0]` too; the emitter writes its source from there.
    out.push(("description", spec.description.clone(), &s.description));
    for text in spec.descriptions.iter().skip(1) {
        out.push(("description (other text)", text.text.clone(), &text.origin));
    }
    if let Some((prefix, origin)) = &spec.soap_fault {
        out.push(("soap_fault_prefix", prefix.clone(), origin));
    }
    out
}

/// The cited lines as the document's reading rules read them: one text, or for a grid table,
/// one text per column.
fn read(file: &str, lines: &[&str]) -> Vec<String> {
    if file.ends_with(".rst") {
        return grid_columns(lines).into_iter().map(|column| rst_plain_text(&column)).collect();
    }
    let joined = lines.join(" ");
    let text = if file.ends_with(".html") {
        let mut text = String::new();
        let mut rest = joined.as_str();
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            rest = rest[open..].find('>').map_or("", |close| &rest[open + close + 1..]);
        }
        text.push_str(rest);
        text
    } else if file.ends_with(".md") || file.ends_with(".swift") {
        markdown_plain_text(&joined)
    } else if file.ends_with(".ts") {
        joined.replace("\\'", "'").replace("\\\"", "\"")
    } else {
        joined
    };
    let text = if file.ends_with(".html") || file.ends_with(".md") {
        decode_entities(&text).unwrap_or(text)
    } else {
        text
    };
    vec![text]
}

/// A grid table's lines, column by column: each cell's segments joined with a space, or with
/// none after a segment that ends in `\`. Lines that are not table rows count as one column.
fn grid_columns(lines: &[&str]) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    for line in lines {
        let trimmed = line.trim();
        if !trimmed.starts_with('|') {
            columns.push(trimmed.to_owned());
            continue;
        }
        let cells: Vec<&str> = trimmed.trim_matches('|').split('|').map(str::trim).collect();
        if columns.len() < cells.len() {
            columns.resize(cells.len(), String::new());
        }
        for (column, cell) in columns.iter_mut().zip(cells) {
            if cell.is_empty() {
                continue;
            }
            match column.strip_suffix('\\') {
                Some(continued) => *column = format!("{continued}{cell}"),
                None if column.is_empty() => column.push_str(cell),
                None => {
                    column.push(' ');
                    column.push_str(cell);
                }
            }
        }
    }
    columns
}

/// Whether `read` holds the words of `text` in order, each as a whole word (not inside a
/// longer one: the code `1` is not found in `10`).
#[cfg(test)]
fn holds(read: &str, text: &str) -> bool {
    holds_in_order(read, text, true)
}

/// Whether `read` holds the words of `text` in order; with `whole`, each as a whole word.
fn holds_in_order(read: &str, text: &str, whole_words: bool) -> bool {
    let mut rest = read;
    text.split_whitespace().all(|word| {
        let whole = |at: usize| {
            let before = rest[..at].chars().next_back();
            let after = rest[at + word.len()..].chars().next();
            let edge = |c: Option<char>, inner: Option<char>| {
                !(c.is_some_and(char::is_alphanumeric) && inner.is_some_and(char::is_alphanumeric))
            };
            !whole_words || (edge(before, word.chars().next()) && edge(after, word.chars().next_back()))
        };
        match rest.match_indices(word).map(|(at, _)| at).find(|&at| whole(at)) {
            Some(at) => {
                rest = &rest[at + word.len()..];
                true
            }
            None => false,
        }
    })
}

/// Checks every documented field of `table`, and every retry evidence that quotes a line, with
/// `document` giving a document's text by file name. The error lists every citation that does not
/// hold its field (the first twenty).
pub fn check(table: &VendorTable, document: &dyn Fn(&str) -> Result<String, String>) -> Result<(), String> {
    let mut texts = std::collections::BTreeMap::new();
    let mut wrong = Vec::new();
    // A field's words stand whole in its lines; a quoted evidence may be part of a sentence.
    let mut cite = |file: &'static str,
                    line: u32,
                    last: u32,
                    what: String,
                    words: &str,
                    whole: bool|
     -> Result<(), String> {
        if !texts.contains_key(file) {
            texts.insert(file, document(file)?);
        }
        let lines: Vec<&str> = texts[file].lines().collect();
        let cited = lines.get(line as usize - 1..last as usize).unwrap_or_default();
        if cited.is_empty() || !read(file, cited).iter().any(|column| holds_in_order(column, words, whole)) {
            let place = if last > line { format!("{line}-{last}") } else { line.to_string() };
            wrong.push(format!("{file}:{place} does not hold {what}: \"{words}\""));
        }
        Ok(())
    };
    for e in &table.enums {
        if let Some(crate::model::Success { number, origin: Origin::Document { file, line, last }, quote }) =
            &e.success
        {
            // The sentence that says it, and the number in it.
            let what = format!("the success code of {}", e.rust_name);
            cite(file, *line, *last, what.clone(), quote.as_deref().unwrap_or_default(), false)?;
            cite(file, *line, *last, what, &number.to_string(), true)?;
        }
        for spec in &e.codes {
            for (field, text, origin) in fields(spec) {
                if let Origin::Document { file, line, last } = origin {
                    cite(
                        file,
                        *line,
                        *last,
                        format!("the {field} of {}::{} (`{}`)", e.rust_name, spec.name, spec.wire),
                        &text,
                        true,
                    )?;
                }
            }
            if let Origin::Overlay { evidence, .. } = &spec.sources.retry {
                if let Some((file, line, last, quote)) = quoted_line(evidence, &table.sources) {
                    cite(
                        file,
                        line,
                        last,
                        format!("the retry evidence of {}::{}", e.rust_name, spec.name),
                        &quote,
                        false,
                    )?;
                }
            }
        }
    }
    if wrong.is_empty() {
        return Ok(());
    }
    let shown: Vec<&String> = wrong.iter().take(20).collect();
    Err(format!(
        "{} citation(s) of {} do not hold their field's words:\n  {}",
        wrong.len(),
        table.vendor,
        shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")
    ))
}

/// `file line N says "quote"` (or `lines N-M`), as the overlay writes a quoted retry evidence.
fn quoted_line(evidence: &str, files: &[&'static str]) -> Option<(&'static str, u32, u32, String)> {
    let (place, quote) = evidence.split_once(" says \"")?;
    let quote = quote.strip_suffix('"')?;
    let (file, lines) = place.split_once(" line ").or_else(|| place.split_once(" lines "))?;
    let file = *files.iter().find(|f| **f == file)?;
    let (line, last) = match lines.split_once('-') {
        Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
        None => (lines.parse().ok()?, lines.parse().ok()?),
    };
    Some((file, line, last, quote.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regen::{build, workspace_root};
    use crate::vendors::VENDORS;

    /// Moves one citation of `table` by `by` lines: the first code's field of the given name.
    fn moved(mut table: VendorTable, field: &str, by: i32) -> VendorTable {
        let spec = &mut table.enums[0].codes[0];
        let s = &mut spec.sources;
        let origin = match field {
            "code" => &mut s.code,
            "description" => &mut s.description,
            "http_status" => &mut s.http_status,
            _ => unreachable!("a field this test moves"),
        };
        if let Origin::Document { line, last, .. } = origin {
            *line = line.saturating_add_signed(by);
            *last = last.saturating_add_signed(by);
        }
        table
    }

    #[test]
    fn every_vendors_citations_hold_their_words_and_a_citation_moved_one_line_does_not() {
        let root = workspace_root();
        let document = |file: &str| {
            std::fs::read_to_string(root.join("docs/vendor").join(file)).map_err(|e| e.to_string())
        };
        for vendor in VENDORS {
            let (table, _) = build(&root, vendor).unwrap();
            check(&table, &document).unwrap();
            for field in ["code", "description"] {
                for by in [1, -1] {
                    let Err(err) = check(&moved(table.clone(), field, by), &document) else {
                        panic!("{}: the {field} of the first code moved by {by} still passes", vendor.name)
                    };
                    let first = &table.enums[0].codes[0];
                    assert!(
                        err.contains(&format!(
                            "the {field} of {}::{} ",
                            table.enums[0].rust_name, first.name
                        )),
                        "{}: {err}",
                        vendor.name
                    );
                }
            }
        }
    }

    use crate::model::Success;

    #[test]
    fn a_stated_success_code_is_cited_and_a_moved_citation_fails() {
        let root = workspace_root();
        let document = |file: &str| {
            std::fs::read_to_string(root.join("docs/vendor").join(file)).map_err(|e| e.to_string())
        };
        let mut stated = 0;
        for vendor in VENDORS {
            let (table, _) = build(&root, vendor).unwrap();
            for (index, e) in table.enums.iter().enumerate() {
                let Some(Success { origin: Origin::Document { .. }, .. }) = &e.success else { continue };
                stated += 1;
                for by in [1, -1] {
                    let mut moved = table.clone();
                    if let Some(Success { origin: Origin::Document { line, last, .. }, .. }) =
                        &mut moved.enums[index].success
                    {
                        *line = line.saturating_add_signed(by);
                        *last = last.saturating_add_signed(by);
                    }
                    let err = check(&moved, &document).unwrap_err();
                    assert!(err.contains(&format!("the success code of {}", e.rust_name)), "{err}");
                }
            }
        }
        assert_eq!(stated, 2, "Tencent's common code and Authing's V3 statusCode");
    }

    #[test]
    fn words_must_stand_in_order() {
        assert!(holds("| SlowDown | Reduce the request rate | 503 |", "Reduce the request rate"));
        assert!(!holds("| SlowDown | the request Reduce rate | 503 |", "Reduce the request rate"));
        assert!(holds("请求的次数超过了频率限制。", "请求的次数超过了频率限制。"));
        assert!(holds("| 1 | Permission denied |", "1") && !holds("| 10 | x |", "1"));
    }

    #[test]
    fn grid_cells_are_read_column_by_column_and_continued_codes_join() {
        // Fragment of s3.rst: a wrapped description beside a `\`-continued code.
        let lines = [
            "   | IllegalVersioningConfigurationEx\\ | Indicates that the versioning configuration specified  | 400     |",
            "   | ception                           | in the request is invalid                              |         |",
        ];
        let columns = grid_columns(&lines);
        assert_eq!(columns[0], "IllegalVersioningConfigurationException");
        assert!(holds(
            &columns[1],
            "Indicates that the versioning configuration specified in the request is invalid"
        ));
    }

    #[test]
    fn html_and_markdown_are_read_as_their_pages_show_them() {
        let html = read(
            "s3-aws-error-codes.html",
            &["<i>Description:</i> Please use", "<code>AWS4-HMAC-SHA256</code> &amp; more.</p>"],
        );
        assert!(holds(&html[0], "Please use AWS4-HMAC-SHA256 & more."));
        let md = read("aws-interface.md", &["| 12 | No such &lt;item_id&gt; |"]);
        assert!(holds(&md[0], "No such <item_id>"));
    }
}
