//! Tencent Cloud API 3.0 common codes: a transcription of the vendor's two pages (Chinese and
//! English) as two Swift dictionaries, `tcCommonErrors` (zh) and `tcIntlCommonErrors` (en), one
//! `"Code": "text",` a line. Texts are read as their pages show them (Markdown to plain text).

use super::markdown_plain_text;

pub const DOC: &str = "tencent-common-errors.swift";

/// One common code: its Chinese and English texts, each with its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommonCode {
    pub code: String,
    pub zh: (String, u32),
    pub en: (String, u32),
}

/// The codes in the Chinese dictionary's order, each with both texts.
pub fn parse(swift: &str) -> Result<(String, Vec<CommonCode>), String> {
    let zh = dictionary(swift, "tcCommonErrors")?;
    let en = dictionary(swift, "tcIntlCommonErrors")?;
    if zh.len() != en.len() {
        return Err(format!("{DOC}: {} Chinese and {} English texts", zh.len(), en.len()));
    }
    let codes = zh
        .into_iter()
        .map(|(code, zh_text, zh_line)| {
            let (_, en_text, en_line) = en
                .iter()
                .find(|(en_code, _, _)| *en_code == code)
                .ok_or_else(|| format!("{DOC} line {zh_line}: `{code}` has no English text"))?;
            Ok(CommonCode { code, zh: (zh_text, zh_line), en: (en_text.clone(), *en_line) })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok((super::content_stamp(&[swift]), codes))
}

/// The entries of the dictionary `name`: code, text as plain text, line.
fn dictionary(swift: &str, name: &str) -> Result<Vec<(String, String, u32)>, String> {
    let opening = format!("private let {name}: [String : String] = [");
    let mut lines = swift.lines().enumerate().skip_while(|(_, line)| *line != opening);
    lines.next().ok_or_else(|| format!("{DOC}: no dictionary `{name}`"))?;
    let mut entries = Vec::new();
    for (index, line) in lines {
        let line_no = index as u32 + 1;
        if line == "]" {
            return Ok(entries);
        }
        let entry = line.trim().trim_end_matches(',');
        let (code, text) = entry
            .strip_prefix('"')
            .and_then(|rest| rest.split_once("\": \""))
            .and_then(|(code, text)| Some((code, text.strip_suffix('"')?)))
            .filter(|(code, text)| !code.is_empty() && !text.contains('"') && !text.contains('\\'))
            .ok_or_else(|| format!("{DOC} line {line_no}: expected `\"Code\": \"text\",` in `{name}`"))?;
        if entries.iter().any(|(seen, _, _)| seen == code) {
            return Err(format!("{DOC} line {line_no}: `{code}` twice in `{name}`"));
        }
        entries.push((code.to_owned(), markdown_plain_text(text), line_no));
    }
    Err(format!("{DOC}: dictionary `{name}` is not closed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENT: &str = "// https://cloud.tencent.com/document/product/213/30435\nprivate let tcCommonErrors: [String : String] = [\n    \"AuthFailure.MFAFailure\": \"[MFA](https://cloud.tencent.com/document/product/378/12036)错误。\",\n    \"RequestLimitExceeded\": \"请求的次数超过了频率限制。\"\n]\n\n// https://www.tencentcloud.com/document/product/213/33281\nprivate let tcIntlCommonErrors: [String : String] = [\n    \"AuthFailure.MFAFailure\": \"MFA failed.\",\n    \"RequestLimitExceeded\": \"The number of requests exceeds the frequency limit.\",\n]\n";

    #[test]
    fn reads_both_languages_of_each_code_with_their_lines() {
        let (_, codes) = parse(FRAGMENT).unwrap();
        assert_eq!(codes.len(), 2);
        assert_eq!(codes[0].code, "AuthFailure.MFAFailure");
        assert_eq!(codes[0].zh, ("MFA错误。".to_owned(), 3));
        assert_eq!(codes[1].en, ("The number of requests exceeds the frequency limit.".to_owned(), 10));
    }

    #[test]
    fn a_code_missing_from_one_language_or_a_broken_line_is_an_error() {
        let missing = FRAGMENT.replace(
            "    \"RequestLimitExceeded\": \"The number of requests exceeds the frequency limit.\",\n",
            "",
        );
        assert!(parse(&missing).unwrap_err().contains("Chinese and 1 English"));
        let broken = FRAGMENT.replace("\"MFA failed.\"", "MFA failed.");
        assert!(parse(&broken).unwrap_err().contains("line 9: expected"));
    }
}
