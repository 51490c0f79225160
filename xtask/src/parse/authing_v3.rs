//! Authing, V3 API: a markdown page with two tables. The `statusCode` table lists error classes
//! as `[400]InvalidArgumentError：description` items, several to a cell, separated by `<br>`;
//! the `apiCode` table is `| code | description |`. The page says every V3 response travels
//! with HTTP status 200.

use super::{content_stamp, Doc, Row};

pub const DOC: &str = "authing-v3.md";

/// The sentence that gives the HTTP status of every V3 response.
const ALL_200: &str = "所有接口返回的 HTTP 状态码均为 `200`";

/// The sentence that gives the `statusCode` of a successful call.
const SUCCESS: &str = "当且仅当 statusCode 为 200 时，表示接口请求成功";

/// The `statusCode` of a successful call (200), where the page says it.
pub fn success(markdown: &str) -> Result<crate::model::Success, String> {
    super::success_stated(DOC, markdown, SUCCESS, 200)
}

/// The line (1-based) of the first line containing `needle`.
fn line_of(markdown: &str, needle: &str) -> Result<u32, String> {
    markdown
        .lines()
        .position(|line| line.contains(needle))
        .map(|index| index as u32 + 1)
        .ok_or_else(|| format!("{DOC}: no line says `{needle}`"))
}

/// One `[400]InvalidArgumentError：description` item: its code, class name and description.
fn status_item(item: &str) -> Option<(i64, &str, &str)> {
    let rest = item.trim().strip_prefix("- ")?.trim().strip_prefix('[')?;
    let (code, rest) = rest.split_once(']')?;
    let (name, description) = rest.split_once('：')?;
    Some((code.parse().ok()?, name.trim(), description.trim()))
}

/// Reads both tables: (status classes, api codes).
pub fn parse(markdown: &str) -> Result<(Doc, Doc), String> {
    let status_line = line_of(markdown, ALL_200)?;
    let api_heading = line_of(markdown, "## apiCode")?;
    let status_heading = line_of(markdown, "## statusCode")?;
    let mut classes = Vec::new();
    let mut codes = Vec::new();
    for (index, line) in markdown.lines().enumerate() {
        let line_no = index as u32 + 1;
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let [_, first, .., ""] = cells.as_slice() else { continue };
        if line_no > status_heading && line_no < api_heading && cells.len() == 5 {
            // `| 4xx | 客户端异常 | - [400]...<br>- [401]... |`; the 2xx row's `- 200: OK` is success.
            for item in cells[3].split("<br>") {
                let Some((code, name, description)) = status_item(item) else {
                    if item.contains('[') {
                        return Err(format!(
                            "{DOC} line {line_no}: cannot read status class `{}`",
                            item.trim()
                        ));
                    }
                    continue;
                };
                let mut row = Row::new(code.to_string(), description, DOC, line_no);
                row.number = Some(code);
                row.name = Some(name.to_owned());
                row.title = Some(name.to_owned());
                row.http_status = Some(200);
                classes.push(row);
            }
        } else if line_no > api_heading && cells.len() == 4 {
            let Ok(code) = first.parse::<i64>() else { continue };
            let description = cells[2];
            if description.is_empty() {
                return Err(format!("{DOC} line {line_no}: apiCode {code} has no description"));
            }
            let mut row = Row::new(code.to_string(), description, DOC, line_no);
            row.number = Some(code);
            row.http_status = Some(200);
            codes.push(row);
        }
    }
    // The status every V3 code travels with is given once, by the page's opening sentence.
    for row in classes.iter_mut().chain(codes.iter_mut()) {
        row.places.status = Some((status_line, status_line));
    }
    let snapshot = content_stamp(&[markdown]);
    Ok((Doc { snapshot: snapshot.clone(), rows: classes }, Doc { snapshot, rows: codes }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENT: &str = "# Authing 错误码\n\nAuthing V3 API 和 SDK 如果没有特殊说明，所有接口返回的 HTTP 状态码均为 `200`。\n\n## statusCode\n\n| 错误码大类 | 错误类型 | 包含详细错误码 |\n| --- | --- | --- |\n| 2xx | 请求正常 | - 200: OK |\n| 4xx | 客户端异常 | - [400]InvalidArgumentError：请求参数格式错误 <br> - [429]ThrottleError：触发限流机制 |\n| 5xx | 服务器端异常 | - [500]ServerError：通用服务端异常<br>  - [503]ServiceUnavailableError：维护中 |\n\n## apiCode\n\n| apiCode | 描述 |\n| :------ | :--- |\n| 1300    | AK/SK 签名不合法 |\n| 2120008 | 用户已停用或不是此租户成员 |\n";

    #[test]
    fn reads_status_classes_and_api_codes() {
        let (classes, codes) = parse(FRAGMENT).unwrap();
        let read: Vec<(i64, Option<&str>, &str)> = classes
            .rows
            .iter()
            .map(|r| (r.number.unwrap(), r.name.as_deref(), r.description.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (400, Some("InvalidArgumentError"), "请求参数格式错误"),
                (429, Some("ThrottleError"), "触发限流机制"),
                (500, Some("ServerError"), "通用服务端异常"),
                (503, Some("ServiceUnavailableError"), "维护中"),
            ]
        );
        assert_eq!(classes.rows[0].line, 10);
        assert_eq!((classes.rows[0].http_status, classes.rows[0].places.status), (Some(200), Some((3, 3))));
        assert_eq!(codes.rows.len(), 2);
        assert_eq!(
            (codes.rows[1].number, codes.rows[1].description.as_str()),
            (Some(2120008), "用户已停用或不是此租户成员")
        );
        assert_eq!(codes.rows[0].name, None);
    }

    #[test]
    fn an_unreadable_class_is_an_error() {
        let broken = FRAGMENT.replace("[429]ThrottleError：", "[429]ThrottleError:");
        assert!(parse(&broken).unwrap_err().contains("cannot read status class"));
    }
}
