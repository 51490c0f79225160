//! S3: AWS's own list of S3 error codes, the documentation of the `Code` member of the `Error`
//! shape in AWS's S3 API model, written out as HTML: one `<li><ul>…</ul></li>` a code, holding
//! four `<li><p><i>Label:</i> value</p></li>` in a fixed order (code, description, HTTP status,
//! SOAP fault code prefix). Values wrap over lines and may hold `<code>` and entities.
//!
//! The list has slips of its own, read as what they mean, not as written: the third item of
//! `BucketAlreadyOwnedByYou` is labelled `Code:` (it is the status); the fourth item is labelled
//! `Code: N/A` in eight `InvalidRequest` entries and `HTTP Status Code: N/A` in
//! `AuthorizationHeaderMalformed` (no SOAP prefix either way); statuses carry their reason
//! phrase and one wraps onto the next line; `InvalidRequest` is listed nine times with different
//! descriptions.

use super::{content_stamp, decode_entities};
use crate::model::{EnumRows, FieldOrigins, Origin, Row, Translation};

pub const DOC: &str = "s3-aws-error-codes.html";

/// The lines (first, last) an item's text runs over.
pub type Span = (u32, u32);

/// One entry of the list, each value with the lines that hold it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub code: (String, Span),
    pub description: (String, Span),
    pub http_status: (Option<u16>, Span),
    pub soap_fault: (Option<String>, Span),
}

/// An item's label and text: tags dropped, entities decoded, whitespace collapsed.
fn item(paragraph: &str, line: u32) -> Result<(String, String), String> {
    let inner = paragraph
        .trim()
        .strip_prefix("<p>")
        .and_then(|p| p.strip_suffix("</p>"))
        .ok_or_else(|| format!("{DOC} line {line}: expected `<p>…</p>`"))?;
    let (label, value) = inner
        .trim()
        .strip_prefix("<i>")
        .and_then(|rest| rest.split_once(":</i>"))
        .ok_or_else(|| format!("{DOC} line {line}: expected `<i>Label:</i>`"))?;
    let mut text = String::new();
    let mut rest = value;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('>').ok_or_else(|| format!("{DOC} line {line}: unclosed tag"))?;
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let text = decode_entities(&text).map_err(|e| format!("{DOC} line {line}: {e}"))?;
    Ok((label.to_owned(), text.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// `400 Bad Request` → 400; `N/A` → `None`.
fn status(text: &str, line: u32) -> Result<Option<u16>, String> {
    if text == "N/A" {
        return Ok(None);
    }
    text.get(..3)
        .and_then(|digits| digits.parse::<u16>().ok())
        .filter(|s| (100..600).contains(s) && text[3..].starts_with(' '))
        .map(Some)
        .ok_or_else(|| format!("{DOC} line {line}: `{text}` is not an HTTP status"))
}

pub fn parse(html: &str) -> Result<(String, Vec<Entry>), String> {
    let lines: Vec<&str> = html.lines().collect();
    let mut entries = Vec::new();
    let mut depth = 0;
    let mut items: Vec<(String, String, Span)> = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim();
        let line_no = index as u32 + 1;
        index += 1;
        if line == "<ul>" {
            depth += 1;
            items.clear();
        } else if line == "</ul>" {
            if depth == 2 {
                entries.push(entry(&items, line_no)?);
            }
            depth -= 1;
        } else if depth == 2 && line.starts_with("<p>") {
            // A paragraph runs to the line that ends it; its text starts on the `<p>` line, or
            // on the next one when the `<p>` stands alone (as it does throughout the list).
            let text_line = if line == "<p>" { line_no + 1 } else { line_no };
            let mut paragraph = line.to_owned();
            while !paragraph.ends_with("</p>") {
                let next =
                    lines.get(index).ok_or_else(|| format!("{DOC} line {line_no}: `<p>` never closed"))?;
                paragraph.push(' ');
                paragraph.push_str(next.trim());
                index += 1;
            }
            let (label, text) = item(&paragraph, text_line)?;
            items.push((label, text, (text_line, index as u32)));
        }
    }
    if entries.is_empty() {
        return Err(format!("{DOC}: no entries"));
    }
    Ok((content_stamp(&[html]), entries))
}

/// An entry from its four items, by position; the labels must be the expected ones or one of
/// the list's known slips.
fn entry(items: &[(String, String, Span)], end: u32) -> Result<Entry, String> {
    let [code, description, status_item, soap] = items else {
        return Err(format!("{DOC} line {end}: an entry of {} items, not 4", items.len()));
    };
    let expect = |(label, text, span): &(String, String, Span), allowed: &[&str]| {
        if allowed.contains(&label.as_str()) {
            Ok((text.clone(), *span))
        } else {
            Err(format!("{DOC} line {}: `{label}:` where {} belongs", span.0, allowed[0]))
        }
    };
    let code = expect(code, &["Code"])?;
    let description = expect(description, &["Description"])?;
    let (status_text, status_line) = expect(status_item, &["HTTP Status Code", "Code"])?;
    let (soap_text, soap_line) = expect(soap, &["SOAP Fault Code Prefix", "Code", "HTTP Status Code"])?;
    let soap_fault = match soap_text.as_str() {
        "Client" | "Server" => Some(soap_text),
        "N/A" => None,
        other => {
            return Err(format!("{DOC} line {}: `{other}` is not a SOAP fault code prefix", soap_line.0))
        }
    };
    if soap.0 != "SOAP Fault Code Prefix" && soap_fault.is_some() {
        return Err(format!("{DOC} line {}: a prefix under `{}:`", soap_line.0, soap.0));
    }
    // The status the item gives, as the list's own slip may phrase it: a wrapped reason phrase
    // (`409 Conflict (in all Regions except the North Virginia Region)`) keeps its number.
    let number = status_text.split_whitespace().next().unwrap_or_default();
    let http_status = status(if number == "N/A" { "N/A" } else { &status_text }, status_line.0)?;
    Ok(Entry {
        code,
        description,
        http_status: (http_status, status_line),
        soap_fault: (soap_fault, soap_line),
    })
}

/// Adds AWS's list to the S3 table: a code the table has gains AWS's description as a second
/// English text (every one of them, for `InvalidRequest`), its status where the table had none
/// (a status that differs is left for the overlay to decide) and its SOAP prefix; a code only
/// AWS lists joins the table after the others, with AWS's list as its source.
pub fn merge(table: &mut EnumRows, entries: Vec<Entry>) {
    for entry in entries {
        let (code, code_span) = entry.code;
        let (text, text_span) = entry.description;
        let (status, status_span) = entry.http_status;
        let index = match table.rows.iter().position(|row| row.wire == code) {
            Some(index) => {
                table.rows[index].other_descriptions.push(Translation {
                    language: super::language_of(DOC),
                    text,
                    origin: Origin::lines(DOC, text_span),
                });
                index
            }
            None => {
                let mut row = Row::new(&code, text, DOC, code_span.0);
                row.name = Some(code.clone());
                row.places.description = Some(text_span);
                table.rows.push(row);
                table.field_origins.resize(table.rows.len(), FieldOrigins::default());
                table.rows.len() - 1
            }
        };
        table.field_origins.resize(table.rows.len(), FieldOrigins::default());
        let (row, origins) = (&mut table.rows[index], &mut table.field_origins[index]);
        match (row.http_status, status) {
            (None, Some(status)) => {
                row.http_status = Some(status);
                origins.http_status = Some(Origin::lines(DOC, status_span));
            }
            (Some(ours), Some(aws)) if ours != aws && origins.http_status_conflict.is_none() => {
                origins.http_status_conflict = Some(format!(
                    "{} line {} gives `{code}` status {ours} and {DOC} line {} gives {aws}",
                    row.source, row.line, status_span.0
                ));
            }
            _ => {}
        }
        if let (None, (Some(prefix), span)) = (&row.soap_fault, &entry.soap_fault) {
            row.soap_fault = Some((prefix.clone(), Origin::lines(DOC, *span)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(entries: &[[(&str, &str); 4]]) -> String {
        let mut html = String::from("<p>The error code is a string.</p>\n         <ul>\n");
        for items in entries {
            html.push_str("            <li>\n               <ul>\n");
            for (label, value) in items {
                html.push_str(&format!(
                    "                  <li>\n                     <p>\n                        <i>{label}:</i> {value}</p>\n                  </li>\n"
                ));
            }
            html.push_str("               </ul>\n            </li>\n");
        }
        html.push_str("         </ul>\n");
        html
    }

    #[test]
    fn reads_each_entry_with_wrapped_text_tags_and_entities() {
        let html = list(&[
            [
                ("Code", "AccessDenied "),
                ("Description", "Access Denied"),
                ("HTTP Status Code", "403 Forbidden"),
                ("SOAP Fault Code Prefix", "Client"),
            ],
            [
                ("Code", "InvalidRequest"),
                (
                    "Description",
                    "Please use\n                     <code>AWS4-HMAC-SHA256</code> &amp; retry.",
                ),
                ("HTTP Status Code", "400 Bad Request"),
                ("Code", "N/A"),
            ],
        ]);
        let (_, entries) = parse(&html).unwrap();
        assert_eq!(entries.len(), 2);
        // Each value cites the line its text starts on (after the `<p>` line).
        assert_eq!(entries[0].code, ("AccessDenied".to_owned(), (7, 7)));
        assert_eq!(entries[1].description.1, (31, 32));
        assert_eq!(
            (entries[0].http_status.0, entries[0].soap_fault.0.as_deref()),
            (Some(403), Some("Client"))
        );
        assert_eq!(entries[1].description.0, "Please use AWS4-HMAC-SHA256 & retry.");
        assert_eq!(entries[1].soap_fault.0, None);
    }

    #[test]
    fn the_lists_own_slips_read_as_meant_and_others_are_refused() {
        // BucketAlreadyOwnedByYou: its status under `Code:`, wrapped with a note.
        let slip = list(&[[
            ("Code", "BucketAlreadyOwnedByYou"),
            ("Description", "d"),
            ("Code", "409 Conflict (in all Regions except the North\n                     Virginia Region) "),
            ("SOAP Fault Code Prefix", "Client"),
        ]]);
        assert_eq!(parse(&slip).unwrap().1[0].http_status.0, Some(409));
        // AuthorizationHeaderMalformed: a second status line where the prefix belongs.
        let twice = list(&[[
            ("Code", "AuthorizationHeaderMalformed"),
            ("Description", "d"),
            ("HTTP Status Code", "400 Bad Request"),
            ("HTTP Status Code", "N/A"),
        ]]);
        assert_eq!(parse(&twice).unwrap().1[0].soap_fault.0, None);
        let wrong = list(&[[
            ("Code", "X"),
            ("Status", "d"),
            ("HTTP Status Code", "400 Bad Request"),
            ("SOAP Fault Code Prefix", "Client"),
        ]]);
        assert!(parse(&wrong).unwrap_err().contains("`Status:` where Description belongs"));
        let three = list(&[[
            ("Code", "X"),
            ("Description", "d"),
            ("HTTP Status Code", "400 Bad Request"),
            ("SOAP Fault Code Prefix", "Sender"),
        ]]);
        assert!(parse(&three).unwrap_err().contains("`Sender` is not a SOAP fault code prefix"));
    }
}
