//! One parser per vendor document: pure functions from the document's text to [`Doc`] rows.
//!
//! Parsers keep the vendor's text as written (typos included); they only undo the document's
//! own layout (HTML entities, wrapped cells, one-cell-per-line dumps).

pub mod authing;
pub mod authing_v3;
pub mod aws_interface;
pub mod huawei_iam;
pub mod huawei_iam_classic;
pub mod s3;
pub mod s3_aws;
pub mod s3_server;
pub mod tencent_cam;
pub mod tencent_cam_v3;
pub mod tencent_cam_v3_en;
pub mod tencent_common;

#[allow(unused_imports)] // used by the parsers' signatures
pub use crate::model::{Doc, Language, Row};

/// The language each document's texts are written in. A document that gives two languages
/// (Tencent's common codes) is read into rows of its primary language with the other as
/// translations.
pub fn language_of(document: &str) -> Language {
    match document {
        authing_v3::DOC | tencent_cam_v3::DOC | tencent_common::DOC => Language::Zh,
        _ => Language::En,
    }
}

/// One body row of a reStructuredText grid table: the line it starts on, each cell's lines
/// (trimmed, blank ones left out), and the lines (first, last) each cell's text runs over.
pub struct GridRow<'a> {
    pub line: u32,
    pub cells: Vec<Vec<&'a str>>,
    pub spans: Vec<(u32, u32)>,
}

/// The body rows of the first grid table in `rst`, which must have `columns` columns; a cell
/// whose borders are not where the table's corners are is an error.
pub fn grid_table<'a>(doc: &str, rst: &'a str, columns: usize) -> Result<Vec<GridRow<'a>>, String> {
    let is_border = |line: &str| {
        let line = line.trim();
        line.starts_with('+') && line.chars().all(|c| matches!(c, '+' | '-' | '='))
    };
    let lines: Vec<&str> = rst.lines().collect();
    let first_border =
        lines.iter().position(|line| is_border(line)).ok_or_else(|| format!("{doc}: no grid table"))?;
    let corners: Vec<usize> =
        lines[first_border].char_indices().filter(|&(_, c)| c == '+').map(|(i, _)| i).collect();
    if corners.len() != columns + 1 {
        return Err(format!("{doc} line {}: expected a table of {columns} columns", first_border + 1));
    }
    let mut rows = Vec::new();
    let mut cells: Vec<Vec<&str>> = vec![Vec::new(); columns];
    let mut spans: Vec<Option<(u32, u32)>> = vec![None; columns];
    let mut row_start = 0;
    let mut past_header = false;
    for (index, line) in lines.iter().enumerate().skip(first_border + 1) {
        let line_no = index as u32 + 1;
        if is_border(line) {
            if past_header {
                let spans = std::mem::replace(&mut spans, vec![None; columns]);
                rows.push(GridRow {
                    line: row_start,
                    cells: std::mem::replace(&mut cells, vec![Vec::new(); columns]),
                    spans: spans.into_iter().map(|span| span.unwrap_or((row_start, row_start))).collect(),
                });
            }
            past_header |= line.contains('=');
            cells.iter_mut().for_each(Vec::clear);
            spans.iter_mut().for_each(|span| *span = None);
            continue;
        }
        if line.trim().is_empty() {
            break;
        }
        if cells.iter().all(Vec::is_empty) {
            row_start = line_no;
        }
        for (column, (cell, span)) in cells.iter_mut().zip(spans.iter_mut()).enumerate() {
            let (start, end) = (corners[column], corners[column + 1]);
            let text = line.get(start..=end).filter(|t| t.starts_with('|') && t.ends_with('|')).ok_or_else(
                || format!("{doc} line {line_no}: cell borders are not where the table's corners are"),
            )?;
            let text = text[1..text.len() - 1].trim();
            if !text.is_empty() {
                cell.push(text);
                *span = Some((span.map_or(line_no, |(first, _)| first), line_no));
            }
        }
    }
    Ok(rows)
}

/// reStructuredText's strong emphasis as the page shows it: `**name**` is `name`.
pub fn rst_plain_text(text: &str) -> String {
    text.replace("**", "")
}

/// The words of a Markdown text as its page shows them: a link's text without its address,
/// code spans without their backticks.
pub fn markdown_plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['[', '`']) {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if rest[at..].starts_with('`') {
            rest = after;
            continue;
        }
        // `[words](address)`: keep the words; a lone `[` is text.
        let link = after
            .find(']')
            .filter(|&close| after[close..].starts_with("]("))
            .and_then(|close| Some((close, after[close + 2..].find(')')?)));
        match link {
            Some((close, end)) => {
                out.push_str(&after[..close]);
                rest = &after[close + 2 + end + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the HTML character references a markdown table may hold (`&lt;`, `&amp;`, `&#39;`).
pub fn decode_entities(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after
            .find(';')
            .filter(|&end| end <= 10)
            .ok_or_else(|| format!("unterminated character reference in `{text}`"))?;
        let name = &after[..end];
        let decoded = match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse))
                    .and_then(Result::ok)
                    .and_then(char::from_u32);
                number.ok_or_else(|| format!("unknown character reference `&{name};` in `{text}`"))?
            }
        };
        out.push(decoded);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The success code a document states in a sentence (the first line holding `sentence`, which
/// spells `number`), with that line as its origin.
pub fn success_stated(
    doc: &'static str,
    text: &str,
    sentence: &str,
    number: i64,
) -> Result<crate::model::Success, String> {
    let index = text
        .lines()
        .position(|line| line.contains(sentence))
        .ok_or_else(|| format!("{doc}: no line says `{sentence}` (the code that reports success)"))?;
    let origin = crate::model::Origin::at(doc, index as u32 + 1);
    Ok(crate::model::Success { number, origin, quote: Some(sentence.to_owned()) })
}

/// A stamp for documents that carry no date: a 64-bit FNV-1a hash of their bytes, so that
/// `DOCS_SNAPSHOT` changes whenever the document does.
pub fn content_stamp(texts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in texts.iter().flat_map(|text| text.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

/// Turns words into a PascalCase identifier: `["no", "SUCH", "key"]` → `NoSuchKey`.
pub fn pascal_case<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut name = String::new();
    for word in words {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.extend(first.to_uppercase());
            name.extend(chars.flat_map(char::to_lowercase));
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_reads_as_its_page_shows_it() {
        // Fragments of tencent-common-errors.swift.
        assert_eq!(
            markdown_plain_text("请求头部的`Authorization`不符合腾讯云标准。"),
            "请求头部的Authorization不符合腾讯云标准。"
        );
        assert_eq!(
            markdown_plain_text("[MFA](https://cloud.tencent.com/document/product/378/12036)错误。"),
            "MFA错误。"
        );
        assert_eq!(markdown_plain_text("see [a] and [b](u) [c"), "see [a] and b [c");
    }

    #[test]
    fn decodes_the_entities_the_aws_interface_table_uses() {
        assert_eq!(
            decode_entities("A combination of &lt;item._pk &amp; item._sk&gt; already exist").unwrap(),
            "A combination of <item._pk & item._sk> already exist"
        );
        assert_eq!(decode_entities("it&#39;s &#x41;&quot;").unwrap(), "it's A\"");
        assert!(decode_entities("a & b").is_err());
        assert!(decode_entities("&bogus;").is_err());
    }

    #[test]
    fn a_success_code_is_cited_at_the_line_that_states_it() {
        let text = "Codes\n\"code\": 0 indicates a successful API call, any other number a failure\n";
        let success = success_stated("t.txt", text, "0 indicates a successful API call", 0).unwrap();
        let origin = crate::model::Origin::at("t.txt", 2);
        let quote = Some("0 indicates a successful API call".to_owned());
        assert_eq!(success, crate::model::Success { number: 0, origin, quote });
        let err = success_stated("t.txt", "Codes\n", "0 indicates", 0).unwrap_err();
        assert!(err.contains("t.txt: no line says `0 indicates`"), "{err}");
    }

    #[test]
    fn stamps_change_with_the_text() {
        assert_eq!(content_stamp(&["a"]), content_stamp(&["a"]));
        assert_ne!(content_stamp(&["a"]), content_stamp(&["b"]));
        assert!(content_stamp(&[""]).starts_with("fnv1a64:"));
    }

    #[test]
    fn pascal_cases_words() {
        assert_eq!(pascal_case(["PERMISSION", "DENIED"]), "PermissionDenied");
        assert_eq!(pascal_case(["access", "denied"]), "AccessDenied");
        assert_eq!(pascal_case(["v5", "OIDC"]), "V5Oidc");
    }
}

/// Every document parser survives any text: it returns rows or an error, never panics.
#[cfg(test)]
mod hostile {
    use proptest::prelude::*;

    use super::*;

    fn real(file: &str) -> String {
        std::fs::read_to_string(crate::regen::workspace_root().join("docs/vendor").join(file)).unwrap()
    }

    /// A real document with a few lines dropped, duplicated or cut short.
    fn mutated(file: &'static str) -> impl Strategy<Value = String> {
        let text = real(file);
        let lines = text.lines().count().max(1);
        prop::collection::vec((0..lines, 0u8..3, 0usize..200), 1..8).prop_map(move |edits| {
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            for (at, op, cut) in edits {
                let at = at.min(lines.len().saturating_sub(1));
                match op {
                    0 if !lines.is_empty() => {
                        lines.remove(at);
                    }
                    1 if !lines.is_empty() => {
                        let line = lines[at].clone();
                        lines.insert(at, line);
                    }
                    _ if !lines.is_empty() => {
                        let line = &mut lines[at];
                        let cut = line.char_indices().nth(cut).map_or(line.len(), |(i, _)| i);
                        line.truncate(cut);
                    }
                    _ => {}
                }
            }
            lines.join("\n")
        })
    }

    fn run_all(text: &str) {
        let _ = aws_interface::parse(text, text);
        let _ = aws_interface::parse_table(text);
        let _ = aws_interface::parse_source_list(text);
        let _ = huawei_iam::parse(text);
        let _ = authing::parse(text);
        let _ = s3::parse(text);
        let _ = tencent_cam::parse(text, &tencent_cam::Split::default());
        let _ = decode_entities(text);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn any_text(text in any::<String>()) {
            run_all(&text);
        }

        #[test]
        fn table_like_text(text in "[+|=\\-| a-zA-Z0-9.&;#\n]{0,400}") {
            run_all(&text);
        }

        #[test]
        fn mutated_documents(
            s3 in mutated("s3.rst"),
            huawei in mutated("huawei-iam.txt"),
            tencent in mutated("tencent-cam.txt"),
            aws in mutated("aws-interface.md"),
            authing in mutated("authing.md"),
        ) {
            run_all(&s3);
            run_all(&huawei);
            run_all(&tencent);
            run_all(&aws);
            run_all(&authing);
        }
    }
}
