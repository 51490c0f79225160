//! Huawei IAM: a text dump of a five-column table with one cell per paragraph (status, code,
//! message, description, measure), after an `Updated on` date line.

use super::{Doc, Row};

pub const DOC: &str = "huawei-iam.txt";

const HEADER: [&str; 5] = ["Status Code", "Error Code", "Error Message", "Description", "Measure"];

/// Splits text into blank-line-separated paragraphs, each with the lines (first, last) it runs
/// over; the lines of one paragraph are joined with one space.
fn paragraphs(text: &str) -> Vec<(String, (u32, u32))> {
    let mut out: Vec<(String, (u32, u32))> = Vec::new();
    let mut open = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
        } else if open {
            let last = out.last_mut().expect("an open paragraph exists");
            last.0.push(' ');
            last.0.push_str(line);
            last.1 .1 = index as u32 + 1;
        } else {
            out.push((line.to_owned(), (index as u32 + 1, index as u32 + 1)));
            open = true;
        }
    }
    out
}

pub fn parse(text: &str) -> Result<Doc, String> {
    let snapshot = text
        .lines()
        .find_map(|line| line.strip_prefix("Updated on "))
        .and_then(|rest| rest.split_whitespace().next())
        .ok_or_else(|| format!("{DOC}: no `Updated on` date line"))?
        .to_owned();
    let cells = paragraphs(text);
    let start = cells
        .windows(HEADER.len())
        .position(|window| window.iter().map(|(cell, _)| cell.as_str()).eq(HEADER))
        .ok_or_else(|| format!("{DOC}: no table header `{}`", HEADER.join(" / ")))?
        + HEADER.len();
    let body = &cells[start..];
    if body.len() % HEADER.len() != 0 {
        return Err(format!("{DOC}: {} cells after the header is not a whole number of rows", body.len()));
    }
    let rows = body
        .chunks(HEADER.len())
        .map(|row| {
            let [(status, status_at), (code, code_at), (message, message_at), (description, description_at), (measure, measure_at)] = row
            else {
                unreachable!("chunks are of the header's length")
            };
            let http_status = status
                .parse::<u16>()
                .ok()
                .filter(|s| (100..600).contains(s))
                .ok_or_else(|| format!("{DOC} line {}: `{status}` is not an HTTP status", status_at.0))?;
            if !is_code(code) {
                return Err(format!("{DOC} line {}: `{code}` is not an error code", code_at.0));
            }
            // One cell a paragraph: each field cites its own.
            let mut spec = Row::new(code.clone(), description.clone(), DOC, code_at.0);
            spec.http_status = Some(http_status);
            spec.wire_message = Some(message.clone());
            spec.remediation = Some(measure.clone());
            spec.places.status = Some(*status_at);
            spec.places.message = Some(*message_at);
            spec.places.description = Some(*description_at);
            spec.places.remediation = Some(*measure_at);
            Ok(spec)
        })
        .collect::<Result<_, _>>()?;
    Ok(Doc { snapshot, rows })
}

/// `PAP5.0010`, `STS5.1001`, `AccessAnalyzer.1001`: a word, a dot, digits.
fn is_code(cell: &str) -> bool {
    cell.split_once('.').is_some_and(|(prefix, number)| {
        !prefix.is_empty()
            && prefix.chars().all(|c| c.is_ascii_alphanumeric())
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENT: &str = "Updated on 2025-12-24 GMT+08:00\n\nError Codes\n\nStatus Code\n\nError Code\n\nError Message\n\nDescription\n\nMeasure\n\n403\n\nPAP5.0001\n\naccess denied: %s\n\nAccess denied.\n\nCheck whether this operation is allowed.\n\n404\n\nAccessAnalyzer.1018\n\nPreview with id s% cannot be found.\n\nPreview with ID \"%s\" not found.\n\nCheck the preview ID according to the returned error message.";

    #[test]
    fn reads_one_cell_per_paragraph_with_placeholders_and_typos_kept() {
        let doc = parse(FRAGMENT).unwrap();
        assert_eq!(doc.snapshot, "2025-12-24");
        assert_eq!(doc.rows.len(), 2);
        let first = &doc.rows[0];
        assert_eq!(
            (first.wire.as_str(), first.http_status, first.wire_message.as_deref().unwrap(), first.line),
            ("PAP5.0001", Some(403), "access denied: %s", 17)
        );
        // Each field cites the paragraph that holds it: status, code, message, description, measure.
        let p = &first.places;
        assert_eq!(
            (p.status, p.message, p.description, p.remediation),
            (Some((15, 15)), Some((19, 19)), Some((21, 21)), Some((23, 23)))
        );
        assert_eq!(first.description, "Access denied.");
        assert_eq!(first.remediation.as_deref(), Some("Check whether this operation is allowed."));
        assert_eq!(doc.rows[1].wire_message.as_deref().unwrap(), "Preview with id s% cannot be found.");
        assert_eq!(doc.rows[1].description, "Preview with ID \"%s\" not found.");
    }

    #[test]
    fn wrapped_cells_are_joined_with_one_space() {
        let doc = parse(&FRAGMENT.replace("Access denied.", "Access\ndenied.")).unwrap();
        assert_eq!(doc.rows[0].description, "Access denied.");
    }

    #[test]
    fn a_missing_cell_is_an_error_not_a_shifted_table() {
        let broken = FRAGMENT.replace("Access denied.\n\n", "");
        assert!(parse(&broken).unwrap_err().contains("whole number of rows"));
        let bad_status = FRAGMENT.replace("403", "4O3");
        assert!(parse(&bad_status).unwrap_err().contains("not an HTTP status"));
    }
}
