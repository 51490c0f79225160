//! AWS Interface: a markdown table of code and HTML-escaped message (`aws-interface.md`), checked
//! against the server source's list of constants and raw messages (`aws-interface-errorlist.tsv`),
//! which also supplies the code the table omits.

use super::{content_stamp, decode_entities, pascal_case, Doc, Row};

pub const TABLE: &str = "aws-interface.md";
pub const SOURCE_LIST: &str = "aws-interface-errorlist.tsv";

/// A row of the published table: code, decoded message, line.
pub type TableRow = (i64, String, u32);

/// Reads the published markdown table.
pub fn parse_table(markdown: &str) -> Result<Vec<TableRow>, String> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for (index, line) in markdown.lines().enumerate() {
        let line_no = index as u32 + 1;
        if line.starts_with("---") && line.contains('|') {
            in_table = true;
            continue;
        }
        if !in_table || line.trim().is_empty() {
            continue;
        }
        let (code, message) = line
            .split_once(" | ")
            .ok_or_else(|| format!("{TABLE} line {line_no}: expected `code | message`"))?;
        let code =
            code.trim().parse().map_err(|_| format!("{TABLE} line {line_no}: `{code}` is not a code"))?;
        let message = decode_entities(message.trim()).map_err(|e| format!("{TABLE} line {line_no}: {e}"))?;
        rows.push((code, message, line_no));
    }
    Ok(rows)
}

/// A row of the server's list: code, constant name, raw message, line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    pub code: i64,
    pub constant: String,
    pub message: String,
    pub line: u32,
}

/// Reads the server source's tab-separated list (comment lines start with `#`).
pub fn parse_source_list(tsv: &str) -> Result<Vec<SourceRow>, String> {
    let mut rows = Vec::new();
    for (index, line) in tsv.lines().enumerate() {
        let line_no = index as u32 + 1;
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("code\t") {
            continue;
        }
        let mut cells = line.splitn(3, '\t');
        let (Some(code), Some(constant), Some(message)) = (cells.next(), cells.next(), cells.next()) else {
            return Err(format!("{SOURCE_LIST} line {line_no}: expected code, constant and message"));
        };
        let code =
            code.parse().map_err(|_| format!("{SOURCE_LIST} line {line_no}: `{code}` is not a code"))?;
        rows.push(SourceRow {
            code,
            constant: constant.to_owned(),
            message: message.to_owned(),
            line: line_no,
        });
    }
    Ok(rows)
}

/// Joins the two documents: every code of the server list, in code order, named after its
/// constant. A code the table documents must carry the same message in both; the table's row
/// is the one cited.
pub fn parse(markdown: &str, tsv: &str) -> Result<Doc, String> {
    let table = parse_table(markdown)?;
    let source = parse_source_list(tsv)?;
    for (code, message, line) in &table {
        let listed = source
            .iter()
            .find(|row| row.code == *code)
            .ok_or_else(|| format!("{TABLE} line {line}: code {code} is not in {SOURCE_LIST}"))?;
        if listed.message != *message {
            return Err(format!(
                "{TABLE} line {line}: code {code} reads `{message}` but {SOURCE_LIST} line {} reads `{}`",
                listed.line, listed.message
            ));
        }
    }
    let rows = source
        .iter()
        .map(|listed| {
            let (source, line) = match table.iter().find(|(code, ..)| *code == listed.code) {
                Some((_, _, line)) => (TABLE, *line),
                None => (SOURCE_LIST, listed.line),
            };
            // The one text both documents give is the message the server sends.
            let mut row = Row::new(listed.code.to_string(), listed.message.clone(), source, line);
            row.wire_message = Some(listed.message.clone());
            row.number = Some(listed.code);
            row.name = Some(pascal_case(listed.constant.split('_')));
            row
        })
        .collect();
    Ok(Doc { snapshot: content_stamp(&[markdown, tsv]), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE_FRAGMENT: &str = "Error Code | Message\n---------- | -------\n1 | Permission denied\n62 | A combination of &lt;item._pk &amp; item._sk&gt; already exist\n71 | Need &lt;item_id&gt; param\n";
    const LIST_FRAGMENT: &str = "# comment\ncode\tconstant\tmessage\n1\tPERMISSION_DENIED\tPermission denied\n62\tITEM_PK_SK_PAIR_ALREADY_EXIST\tA combination of <item._pk & item._sk> already exist\n71\tNEED_ITEM_ID\tNeed <item_id> param\n85\tITEM_ALREADY_HAS_KEY_VALUE\t업데이트 하려는 항목이 이미 키-값을 가지고 있습니다.\n";

    #[test]
    fn decodes_html_entities_in_the_table() {
        let rows = parse_table(TABLE_FRAGMENT).unwrap();
        assert_eq!(rows[1], (62, "A combination of <item._pk & item._sk> already exist".to_owned(), 4));
        assert_eq!(rows[2].1, "Need <item_id> param");
    }

    #[test]
    fn takes_the_undocumented_code_from_the_source_list() {
        let doc = parse(TABLE_FRAGMENT, LIST_FRAGMENT).unwrap();
        let codes: Vec<_> = doc.rows.iter().map(|r| r.wire.as_str()).collect();
        assert_eq!(codes, ["1", "62", "71", "85"]);
        let last = &doc.rows[3];
        assert_eq!(last.name.as_deref(), Some("ItemAlreadyHasKeyValue"));
        assert_eq!(
            last.wire_message.as_deref().unwrap(),
            "업데이트 하려는 항목이 이미 키-값을 가지고 있습니다."
        );
        assert_eq!((last.source, last.line), (SOURCE_LIST, 6));
        assert_eq!((doc.rows[0].source, doc.rows[0].line), (TABLE, 3));
        assert_eq!(doc.rows[0].name.as_deref(), Some("PermissionDenied"));
    }

    #[test]
    fn a_table_message_that_disagrees_with_the_source_is_an_error() {
        let table = TABLE_FRAGMENT.replace("Permission denied", "Permission refused");
        let err = parse(&table, LIST_FRAGMENT).unwrap_err();
        assert!(err.contains("code 1 reads `Permission refused`"), "{err}");
    }
}
