//! Tencent CAM, API 3.0: the vendor's machine-readable list from its Python SDK, one comment
//! line (the description) above each `CONSTANT = 'Code'`.

use super::{content_stamp, Doc, Row};

pub const DOC: &str = "tencent-cam-v3-errorcodes.py";

/// The code of an SDK constant `CONSTANT = <quote>Code<quote>` (Python and Go alike): the SDKs
/// name each constant after its code, upper-cased with `.` as `_`, and regen checks they do.
pub fn sdk_constant<'a>(
    doc: &str,
    line_no: u32,
    constant: &str,
    value: &'a str,
    quote: char,
) -> Result<&'a str, String> {
    let code = value
        .strip_prefix(quote)
        .and_then(|rest| rest.strip_suffix(quote))
        .filter(|code| !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'))
        .ok_or_else(|| format!("{doc} line {line_no}: `{value}` is not a quoted error code"))?;
    if constant != code.replace('.', "_").to_ascii_uppercase() {
        return Err(format!("{doc} line {line_no}: constant `{constant}` does not spell code `{code}`"));
    }
    Ok(code)
}

pub fn parse(python: &str) -> Result<Doc, String> {
    let lines: Vec<&str> = python.lines().collect();
    let mut rows = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let line_no = index as u32 + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (constant, value) = line
            .split_once(" = ")
            .ok_or_else(|| format!("{DOC} line {line_no}: expected `CONSTANT = 'Code'`"))?;
        if !constant.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("{DOC} line {line_no}: `{constant}` is not a constant name"));
        }
        let code = sdk_constant(DOC, line_no, constant, value, '\'')?;
        let description = index
            .checked_sub(1)
            .and_then(|above| lines[above].strip_prefix('#'))
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .ok_or_else(|| format!("{DOC} line {line_no}: `{code}` has no description comment above it"))?;
        let mut row = Row::new(code, description, DOC, line_no);
        // The description is the comment on the line above the constant.
        row.places.description = Some((line_no - 1, line_no - 1));
        row.name = Some(super::tencent_cam::camel_case_code_desc(code));
        rows.push(row);
    }
    Ok(Doc { snapshot: content_stamp(&[python]), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENT: &str = "# -*- coding: utf8 -*-\n# Copyright (c) 2017-2025 Tencent. All Rights Reserved.\n\n\n# 没有权限。\nAUTHFAILURE_UNAUTHORIZEDOPERATION = 'AuthFailure.UnauthorizedOperation'\n\n# 策略名称已存在\nFAILEDOPERATION_POLICYNAMEINUSE = 'FailedOperation.PolicyNameInUse'\n";

    #[test]
    fn reads_each_code_with_the_comment_above_it() {
        let doc = parse(FRAGMENT).unwrap();
        assert_eq!(doc.rows.len(), 2);
        assert_eq!(
            (doc.rows[0].wire.as_str(), doc.rows[0].description.as_str(), doc.rows[0].line),
            ("AuthFailure.UnauthorizedOperation", "没有权限。", 6)
        );
        assert_eq!(doc.rows[0].places.description, Some((5, 5)));
        assert_eq!(doc.rows[1].name.as_deref(), Some("FailedOperationPolicyNameInUse"));
    }

    #[test]
    fn a_code_without_its_comment_or_with_a_mismatched_constant_is_an_error() {
        let bare = FRAGMENT.replace("# 策略名称已存在\n", "");
        assert!(parse(&bare).unwrap_err().contains("no description comment"));
        let renamed = FRAGMENT.replace("FAILEDOPERATION_POLICYNAMEINUSE", "FAILEDOPERATION_OTHER");
        assert!(parse(&renamed).unwrap_err().contains("does not spell"));
    }
}
