//! Authing: a markdown pipe table of code and description. The document does not say which
//! text the API sends as the message, so rows carry the description only.

use super::{content_stamp, Doc, Row};

pub const DOC: &str = "authing.md";

pub fn parse(markdown: &str) -> Result<Doc, String> {
    let mut rows = Vec::new();
    for (index, line) in markdown.lines().enumerate() {
        let line_no = index as u32 + 1;
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // A table row is `code | text |`: three cells, the last empty.
        let [code, text, ""] = cells.as_slice() else { continue };
        let Ok(number) = code.parse::<i64>() else { continue };
        if text.is_empty() {
            return Err(format!("{DOC} line {line_no}: code {code} has no description"));
        }
        let mut row = Row::new(*code, *text, DOC, line_no);
        row.number = Some(number);
        rows.push(row);
    }
    Ok(Doc { snapshot: content_stamp(&[markdown]), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENT: &str = "Code | Description |\n---|---|\n2032 | Password required for registration |\n2034 | Username already exists |\n2227 | Modify the mailbox must verify the original mailbox |\n2228 | Modify the mailbox must verify the original mailbox |\n";

    #[test]
    fn keeps_gaps_and_shared_texts() {
        let doc = parse(FRAGMENT).unwrap();
        let codes: Vec<_> = doc.rows.iter().map(|r| r.number.unwrap()).collect();
        assert_eq!(codes, [2032, 2034, 2227, 2228]);
        assert_eq!(doc.rows[2].description, doc.rows[3].description);
        assert_eq!(doc.rows[0].line, 3);
        assert_eq!(doc.rows[1].description, "Username already exists");
    }

    #[test]
    fn header_and_rule_lines_are_not_rows() {
        assert!(parse("Code | Description |\n---|---|\n").unwrap().rows.is_empty());
    }
}
