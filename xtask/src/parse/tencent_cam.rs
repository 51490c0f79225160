//! Tencent CAM: a text dump of two tables whose column borders were lost. The common-code table
//! is `code type description`; the module-code table is `code codeDesc description action`, and
//! one of its rows wraps onto a second line. Where one column ends and the next begins is not in
//! the text, so the overlay says it (`Split`), and the parser checks that the overlay's pieces put
//! back together give the document's text exactly.

use std::collections::BTreeMap;

use super::{pascal_case, Doc, Row};

pub const DOC: &str = "tencent-cam.txt";

const COMMON_HEADER: &str = "Error Code Error Type Description";

/// The sentence that gives the common code of a successful call.
const SUCCESS: &str = "0 indicates a successful API call";

/// The common code of a successful call (0), where the page says it.
pub fn success(text: &str) -> Result<crate::model::Success, String> {
    super::success_stated(DOC, text, SUCCESS, 0)
}
const MODULE_HEADER: &str = "Error Code Modular Error Code (codeDesc) Description Action";

/// The column borders the document lost, from the overlay.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
    /// Common code → its error type (the text before the description).
    pub common_types: BTreeMap<String, String>,
    /// codeDesc → its action (the text after the description).
    pub actions: BTreeMap<String, String>,
}

/// A row as the text has it: the leading code, the rest of the row, and its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRow {
    pub code: i64,
    pub rest: String,
    pub line: u32,
    /// The last line the row runs over (`line` unless it wraps).
    pub last: u32,
}

/// The rows of the table that follows `header`: each starts with a number; a line that does not
/// continues the row before it.
pub fn table_rows(text: &str, header: &str) -> Result<Vec<RawRow>, String> {
    let mut lines = text.lines().enumerate().skip_while(|(_, line)| line.trim() != header);
    lines.next().ok_or_else(|| format!("{DOC}: no table headed `{header}`"))?;
    let mut rows: Vec<RawRow> = Vec::new();
    for (index, line) in lines {
        let line = line.trim();
        if line.is_empty() {
            break;
        }
        let leading = line.split_once(' ').and_then(|(code, rest)| Some((code.parse().ok()?, rest)));
        match (leading, rows.last_mut()) {
            (Some((code, rest)), _) => rows.push(RawRow {
                code,
                rest: rest.to_owned(),
                line: index as u32 + 1,
                last: index as u32 + 1,
            }),
            (None, Some(previous)) => {
                previous.rest.push(' ');
                previous.rest.push_str(line);
                previous.last = index as u32 + 1;
            }
            (None, None) => {
                return Err(format!("{DOC} line {}: a table row must start with a code", index + 1))
            }
        }
    }
    Ok(rows)
}

/// `InvalidParameter.policyName.InUse` → `InvalidParameterPolicyNameInUse`.
pub fn camel_case_code_desc(code_desc: &str) -> String {
    code_desc
        .split('.')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
        })
        .collect()
}

/// Reads both tables: the common codes and the module codes, in document order.
pub fn parse(text: &str, split: &Split) -> Result<(Doc, Doc), String> {
    let snapshot = text
        .lines()
        .find_map(|line| line.strip_prefix("Last updated: "))
        .map(|stamp| stamp.trim().to_owned())
        .ok_or_else(|| format!("{DOC}: no `Last updated:` line"))?;

    let mut common = Vec::new();
    for raw in table_rows(text, COMMON_HEADER)? {
        let wire = raw.code.to_string();
        let kind = split.common_types.get(&wire).ok_or_else(|| {
            format!("{DOC} line {}: the overlay gives no error type for common code {wire}", raw.line)
        })?;
        let description = raw
            .rest
            .strip_prefix(kind.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .filter(|rest| !rest.is_empty())
            .ok_or_else(|| {
                format!("{DOC} line {}: the row does not start with the overlay's type `{kind}`", raw.line)
            })?;
        let mut row = Row::new(wire, description, DOC, raw.line);
        row.number = Some(raw.code);
        row.name = Some(pascal_case(kind.split(|c: char| !c.is_ascii_alphanumeric())));
        row.title = Some(kind.clone());
        common.push(row);
    }

    let mut module = Vec::new();
    for raw in table_rows(text, MODULE_HEADER)? {
        let (code_desc, text) = raw
            .rest
            .split_once(' ')
            .ok_or_else(|| format!("{DOC} line {}: expected a codeDesc and its text", raw.line))?;
        let action = split.actions.get(code_desc).ok_or_else(|| {
            format!("{DOC} line {}: the overlay gives no action for `{code_desc}`", raw.line)
        })?;
        let description = text
            .strip_suffix(action.as_str())
            .and_then(|rest| rest.strip_suffix(' '))
            .filter(|rest| !rest.is_empty())
            .ok_or_else(|| format!("{DOC} line {}: the text of `{code_desc}` does not end with the overlay's action `{action}`", raw.line))?;
        if !common.iter().any(|row: &Row| row.number == Some(raw.code)) {
            return Err(format!("{DOC} line {}: {} is not a common code", raw.line, raw.code));
        }
        let mut row = Row::new(code_desc, description, DOC, raw.line);
        row.name = Some(camel_case_code_desc(code_desc));
        row.common = Some(raw.code);
        // The document writes `-` where it has no action to give.
        row.remediation = (action != "-").then(|| action.clone());
        // The action ends the row, and the row may wrap onto the next line.
        row.places.remediation = Some((raw.line, raw.last));
        module.push(row);
    }

    for (what, keys, rows) in
        [("common type", split.common_types.keys(), &common), ("action", split.actions.keys(), &module)]
    {
        for key in keys {
            if !rows.iter().any(|row| row.wire == *key) {
                return Err(format!("overlay: the {what} for `{key}` names no code of {DOC}"));
            }
        }
    }
    Ok((Doc { snapshot: snapshot.clone(), rows: common }, Doc { snapshot, rows: module }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENT: &str = "Last updated: 2019-04-17 16:23:30\n\nError Code Error Type Description\n4000 Invalid request parameter Required parameter is missing.\n5100 Failed to generate credential An error occurred\n\nModular error codes\n\nError Code Modular Error Code (codeDesc) Description Action\n4000 InvalidParameter.policyName.InUse The policy name already exists. Use a new policy name.\n5100 InternalError Internal system error -\n4000 InvalidParameter.policyDocument.LengthOverlimit The length of policy exceeds 4096 byte limit.\nReduce the length of policy. Split the policy into multiple policies if it is too long.\n";

    fn split() -> Split {
        let pairs =
            |items: &[(&str, &str)]| items.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Split {
            common_types: pairs(&[
                ("4000", "Invalid request parameter"),
                ("5100", "Failed to generate credential"),
            ]),
            actions: pairs(&[
                ("InvalidParameter.policyName.InUse", "Use a new policy name."),
                ("InternalError", "-"),
                (
                    "InvalidParameter.policyDocument.LengthOverlimit",
                    "Reduce the length of policy. Split the policy into multiple policies if it is too long.",
                ),
            ]),
        }
    }

    #[test]
    fn reads_both_tables_and_the_wrapped_row() {
        let (common, module) = parse(FRAGMENT, &split()).unwrap();
        assert_eq!(common.snapshot, "2019-04-17 16:23:30");
        assert_eq!(common.rows.len(), 2);
        assert_eq!(common.rows[0].name.as_deref(), Some("InvalidRequestParameter"));
        assert_eq!(common.rows[0].title.as_deref(), Some("Invalid request parameter"));
        assert_eq!(common.rows[0].description, "Required parameter is missing.");
        assert_eq!(module.rows.len(), 3);
        let wrapped = &module.rows[2];
        assert_eq!(wrapped.description, "The length of policy exceeds 4096 byte limit.");
        assert_eq!(
            wrapped.remediation.as_deref(),
            Some("Reduce the length of policy. Split the policy into multiple policies if it is too long.")
        );
        assert_eq!((wrapped.line, wrapped.common), (12, Some(4000)));
        assert_eq!(wrapped.places.remediation, Some((12, 13)));
        assert_eq!(module.rows[0].name.as_deref(), Some("InvalidParameterPolicyNameInUse"));
        assert_eq!(module.rows[1].remediation, None);
    }

    #[test]
    fn an_overlay_split_that_does_not_reproduce_the_text_is_an_error() {
        let mut bad = split();
        bad.actions.insert("InvalidParameter.policyName.InUse".into(), "Use another policy name.".into());
        assert!(parse(FRAGMENT, &bad).unwrap_err().contains("does not end with the overlay's action"));
        let mut bad = split();
        bad.common_types.insert("4000".into(), "Invalid request".into());
        // `Invalid request` is a prefix, but then the description would start with `parameter`:
        // allowed by the text, so the check is that the pieces reproduce it, which they do.
        assert!(parse(FRAGMENT, &bad).is_ok());
        bad.common_types.insert("4000".into(), "Bad request parameter".into());
        assert!(parse(FRAGMENT, &bad).unwrap_err().contains("does not start with the overlay's type"));
    }

    #[test]
    fn overlay_entries_must_name_real_codes() {
        let mut extra = split();
        extra.actions.insert("NoSuch.Code".into(), "x".into());
        assert!(parse(FRAGMENT, &extra).unwrap_err().contains("names no code"));
    }

    #[test]
    fn camel_cases_code_descs() {
        assert_eq!(
            camel_case_code_desc("InvalidParameter.policyName.InUse"),
            "InvalidParameterPolicyNameInUse"
        );
        assert_eq!(camel_case_code_desc("MissingParameter.action"), "MissingParameterAction");
        assert_eq!(camel_case_code_desc("CanNotGetOwnerUin"), "CanNotGetOwnerUin");
    }
}
