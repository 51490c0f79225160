//! Tencent CAM, API 3.0, in English: the vendor's Go SDK's list, `// text` above each
//! `CONSTANT = "Code"` inside `const ( ... )`. Some comments are empty: the vendor publishes no
//! English text for those codes, and none is made up.

pub const DOC: &str = "tencent-cam-v3-errors.en.go";

/// A code of the list, its English text (`None` where the comment is empty) and the line of
/// that comment.
pub type EnglishText = (String, Option<String>, u32);

/// The list's version stamp and every code of it.
pub fn parse(go: &str) -> Result<(String, Vec<EnglishText>), String> {
    let lines: Vec<&str> = go.lines().collect();
    let mut codes = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let Some((constant, value)) = line.trim().split_once(" = ") else { continue };
        let line_no = index as u32 + 1;
        let code = super::tencent_cam_v3::sdk_constant(DOC, line_no, constant, value, '"')?;
        let comment = index
            .checked_sub(1)
            .and_then(|above| lines[above].trim().strip_prefix("//"))
            .ok_or_else(|| format!("{DOC} line {line_no}: `{code}` has no comment above it"))?;
        let text = Some(comment.trim()).filter(|text| !text.is_empty()).map(str::to_owned);
        codes.push((code.to_owned(), text, line_no - 1));
    }
    Ok((super::content_stamp(&[go]), codes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENT: &str = "package v20190116\n\nconst (\n\t// error codes for specific actions\n\n\t// No permission.\n\tAUTHFAILURE_UNAUTHORIZEDOPERATION = \"AuthFailure.UnauthorizedOperation\"\n\n\t// \n\tFAILEDOPERATION_CICIDENTITYFORBIDDEN = \"FailedOperation.CICIdentityForbidden\"\n)\n";

    #[test]
    fn reads_each_text_at_its_comment_and_keeps_empty_ones_empty() {
        let (_, codes) = parse(FRAGMENT).unwrap();
        assert_eq!(
            codes,
            [
                ("AuthFailure.UnauthorizedOperation".to_owned(), Some("No permission.".to_owned()), 6),
                ("FailedOperation.CICIdentityForbidden".to_owned(), None, 9),
            ]
        );
    }

    #[test]
    fn a_constant_that_does_not_spell_its_code_is_an_error() {
        let renamed = FRAGMENT.replace("FAILEDOPERATION_CICIDENTITYFORBIDDEN", "OTHER");
        assert!(parse(&renamed).unwrap_err().contains("does not spell"));
    }
}
