//! S3: the store's server-side error list, TypeScript constants
//! `export const Name: ErrorFormat = { code: 404, description: 'text' };`. Only the sections its
//! S3 server sends to clients are read ("Amazon errors" and "Special non-AWS S3 errors", up to
//! "Internal project errors", and the last one, "quotaErros": its bucket quotas); the
//! description is the `<Message>` its servers send. Commented-out constants are skipped.

use super::{content_stamp, Doc, Row};
use crate::model::{EnumRows, FieldOrigins};

pub const DOC: &str = "s3-server-errors.ts";

/// The section marker the S3 sections start after, and the one that ends them.
const FIRST_SECTION: &str = "Amazon errors";
const END_SECTION: &str = "Internal project errors";
/// The section of quota errors, which runs to the end of the list (the vendor's spelling).
const QUOTA_SECTION: &str = "quotaErros";

/// A JavaScript string literal's contents (single or double quotes), escapes undone; `None`
/// when `text` is not exactly one string literal (a trailing comma allowed).
fn string_literal(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches(',').trim_end();
    let quote = text.chars().next().filter(|q| *q == '\'' || *q == '"')?;
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                other => out.push(other),
            },
            c if c == quote => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

pub fn parse(ts: &str) -> Result<Doc, String> {
    let lines: Vec<&str> = ts.lines().collect();
    let is_section = |line: &str, name: &str| line.trim_start().starts_with("//") && line.contains(name);
    let start = lines
        .iter()
        .position(|line| is_section(line, FIRST_SECTION))
        .ok_or_else(|| format!("{DOC}: no `{FIRST_SECTION}` section"))?;
    let end = lines[start..]
        .iter()
        .position(|line| is_section(line, END_SECTION))
        .map(|at| start + at)
        .ok_or_else(|| format!("{DOC}: no `{END_SECTION}` section"))?;
    let quota = lines
        .iter()
        .position(|line| is_section(line, QUOTA_SECTION))
        .ok_or_else(|| format!("{DOC}: no `{QUOTA_SECTION}` section"))?;
    if lines[quota + 1..].iter().any(|line| line.trim_start().starts_with("// ---")) {
        return Err(format!("{DOC} line {}: `{QUOTA_SECTION}` is no longer the last section", quota + 1));
    }
    let mut rows = Vec::new();
    read_constants(&lines, start + 1, end, &mut rows)?;
    read_constants(&lines, quota + 1, lines.len(), &mut rows)?;
    Ok(Doc { snapshot: content_stamp(&[ts]), rows })
}

/// Reads the constants of `lines[start..end]` into `rows`.
fn read_constants(lines: &[&str], start: usize, end: usize, rows: &mut Vec<Row>) -> Result<(), String> {
    let mut index = start;
    while index < end {
        let line = lines[index];
        let line_no = index as u32 + 1;
        index += 1;
        let Some(rest) = line.strip_prefix("export const ") else {
            if !line.trim().is_empty() && !line.trim_start().starts_with("//") && line.trim() != "};" {
                return Err(format!("{DOC} line {line_no}: unexpected `{}`", line.trim()));
            }
            continue;
        };
        let name = rest
            .strip_suffix(": ErrorFormat = {")
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()))
            .ok_or_else(|| format!("{DOC} line {line_no}: expected `export const Name: ErrorFormat = {{`"))?;
        // The object's members run to the `};` line; a value may stand on the line after its key.
        let close = lines[index..end]
            .iter()
            .position(|l| l.trim() == "};")
            .map(|at| index + at)
            .ok_or_else(|| format!("{DOC} line {line_no}: `{name}` is never closed"))?;
        let body: String = lines[index..close].iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
        index = close + 1;
        let member = |key: &str| -> Result<String, String> {
            let (_, after) = body
                .split_once(&format!("{key}:"))
                .ok_or_else(|| format!("{DOC} line {line_no}: `{name}` has no `{key}`"))?;
            Ok(after.trim().to_owned())
        };
        let code_text = member("code")?;
        let status = code_text
            .split(',')
            .next()
            .and_then(|n| n.trim().parse::<u16>().ok())
            .filter(|s| (100..600).contains(s))
            .ok_or_else(|| format!("{DOC} line {line_no}: `{name}` has no HTTP status"))?;
        let message = string_literal(&member("description")?)
            .ok_or_else(|| format!("{DOC} line {line_no}: the description of `{name}` is not one string"))?;
        let mut row = Row::new(name, message.clone(), DOC, line_no);
        row.name = Some(name.to_owned());
        row.http_status = Some(status);
        row.wire_message = Some(message);
        // Each member cites its own lines: `code:`'s, and those the description's text runs over
        // (from the line its text starts on to the next member or the closing `};`).
        let member_lines: Vec<(u32, &str)> =
            (line_no as usize..close).map(|at| (at as u32 + 1, lines[at].trim())).collect();
        let key_line = |key: &str| member_lines.iter().position(|(_, l)| l.starts_with(&format!("{key}:")));
        if let Some(at) = key_line("code") {
            row.places.status = Some((member_lines[at].0, member_lines[at].0));
        }
        if let Some(at) = key_line("description") {
            let starts_empty = member_lines[at].1 == "description:";
            let first = if starts_empty { at + 1 } else { at };
            let end = member_lines[at + 1..]
                .iter()
                .position(|(_, l)| l.starts_with("code:"))
                .map_or(member_lines.len(), |after| at + 1 + after);
            let span = (member_lines[first].0, member_lines[end - 1].0);
            row.places.message = Some(span);
            row.places.description = Some(span);
        }
        rows.push(row);
    }
    Ok(())
}

/// Joins the documentation page's rows (`documented`, from `s3.rst`) and the server list's: a
/// code in both keeps the page's description and gains the server's text as its wire message;
/// a code only in the server list joins the table after the page's codes, with the server list
/// as its source. Where the two give different statuses, the row records the disagreement for
/// the overlay to decide.
pub fn merge(documented: Doc, server: Doc, summary: &str) -> EnumRows {
    let mut rows = Vec::with_capacity(documented.rows.len() + server.rows.len());
    let mut field_origins = Vec::with_capacity(rows.capacity());
    for mut row in documented.rows {
        let mut origins = FieldOrigins::default();
        if let Some(sent) = server.rows.iter().find(|s| s.wire == row.wire) {
            row.wire_message.clone_from(&sent.wire_message);
            origins.wire_message = Some(sent.at(sent.places.message));
            if sent.http_status != row.http_status {
                origins.http_status_conflict = Some(format!(
                    "{} line {} gives `{}` status {} and {DOC} line {} gives {}",
                    row.source,
                    row.line,
                    row.wire,
                    row.http_status.unwrap_or_default(),
                    sent.line,
                    sent.http_status.unwrap_or_default()
                ));
            }
        }
        rows.push(row);
        field_origins.push(origins);
    }
    for sent in server.rows {
        if !rows.iter().any(|row| row.wire == sent.wire) {
            rows.push(sent);
            field_origins.push(FieldOrigins::default());
        }
    }
    EnumRows {
        rust_name: "ErrorCode",
        numeric: false,
        summary: summary.to_owned(),
        rows,
        field_origins,
        success: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    const FRAGMENT: &str = "export type ErrorFormat = {\n    code: number,\n    description: string,\n}\n\n// ------------------- Amazon errors ------------------\nexport const AccessDenied: ErrorFormat = {\n    code: 403,\n    description: 'Access Denied',\n};\n\nexport const BadDigest: ErrorFormat = {\n    code: 400,\n    description:\n        'The Content-MD5 you specified did not match what we received.',\n};\n// export const ServiceUnavailable: ErrorFormat = {\n//     code: 503,\n//     description: 'Reduce your request rate.',\n// };\n\nexport const InvalidPart: ErrorFormat = {\n    code: 400,\n    description:\n        \"The specified entity tag might not have matched the part's entity tag.\",\n};\n\nexport const Found: ErrorFormat = {\n    code: 302,\n    description: 'Resource Found'\n};\n\n// ------------- Special non-AWS S3 errors -------------\n\nexport const LocationNotFound: ErrorFormat = {\n    code: 424,\n    description: 'The object data location does not exist.',\n};\n\n// -------------- Internal project errors --------------\nexport const Internal: ErrorFormat = {\n    code: 500,\n    description: 'not read',\n};\n\n// --------------------- quotaErros ---------------------\n\nexport const QuotaExceeded: ErrorFormat = {\n    code: 429,\n    description: 'The quota set for the resource is exceeded.',\n};\n";

    #[test]
    fn reads_the_s3_sections_only_with_wrapped_and_double_quoted_values() {
        let doc = parse(FRAGMENT).unwrap();
        let codes: Vec<&str> = doc.rows.iter().map(|r| r.wire.as_str()).collect();
        // The quota section, after the internal ones, is read too.
        assert_eq!(
            codes,
            ["AccessDenied", "BadDigest", "InvalidPart", "Found", "LocationNotFound", "QuotaExceeded"]
        );
        assert_eq!(doc.rows[0].wire_message.as_deref(), Some("Access Denied"));
        assert_eq!((doc.rows[0].http_status, doc.rows[0].line), (Some(403), 7));
        assert_eq!(
            doc.rows[1].wire_message.as_deref(),
            Some("The Content-MD5 you specified did not match what we received.")
        );
        assert_eq!(
            doc.rows[2].wire_message.as_deref(),
            Some("The specified entity tag might not have matched the part's entity tag.")
        );
        assert_eq!(doc.rows[3].wire_message.as_deref(), Some("Resource Found"));
        assert_eq!(doc.rows[4].http_status, Some(424));
        let quota_line =
            FRAGMENT.lines().position(|l| l.starts_with("export const QuotaExceeded")).unwrap() + 1;
        assert_eq!((doc.rows[5].http_status, doc.rows[5].line), (Some(429), quota_line as u32));
        let moved =
            FRAGMENT.replace("quotaErros ---------------------\n", "quotaErros ---\n// ---- more ----\n");
        assert!(parse(&moved).unwrap_err().contains("no longer the last section"));
    }

    #[test]
    fn string_literals_undo_escapes_and_refuse_anything_else() {
        assert_eq!(string_literal("'it\\'s',").as_deref(), Some("it's"));
        assert_eq!(string_literal("\"a 'b'\"").as_deref(), Some("a 'b'"));
        assert_eq!(string_literal("'a' + 'b'"), None);
        assert_eq!(string_literal("42"), None);
    }

    #[test]
    fn merging_keeps_the_page_description_and_adds_the_server_text_and_codes() {
        let mut page = Row::new("AccessDenied", "Access denied", "s3.rst", 13);
        page.http_status = Some(403);
        let mut slow = Row::new("BadDigest", "The Content-MD5 specified did not match", "s3.rst", 25);
        slow.http_status = Some(503);
        let documented = Doc { snapshot: String::new(), rows: vec![page, slow] };
        let merged = merge(documented, parse(FRAGMENT).unwrap(), "s");
        let codes: Vec<&str> = merged.rows.iter().map(|r| r.wire.as_str()).collect();
        // The quota section, after the internal ones, is read too.
        assert_eq!(
            codes,
            ["AccessDenied", "BadDigest", "InvalidPart", "Found", "LocationNotFound", "QuotaExceeded"]
        );
        let access = &merged.rows[0];
        assert_eq!(
            (access.description.as_str(), access.wire_message.as_deref()),
            ("Access denied", Some("Access Denied"))
        );
        assert_eq!(merged.field_origins[0].wire_message, Some(Origin::at(DOC, 9)));
        assert_eq!(merged.field_origins[0].http_status_conflict, None);
        let conflict = merged.field_origins[1].http_status_conflict.as_deref().unwrap();
        assert_eq!(
            conflict,
            "s3.rst line 25 gives `BadDigest` status 503 and s3-server-errors.ts line 12 gives 400"
        );
        assert_eq!((merged.rows[4].source, merged.rows[4].http_status), (DOC, Some(424)));
    }

    #[test]
    fn a_constant_without_a_status_is_an_error() {
        let broken = FRAGMENT.replace("    code: 403,\n", "");
        assert!(parse(&broken).unwrap_err().contains("`AccessDenied` has no `code`"));
    }
}
