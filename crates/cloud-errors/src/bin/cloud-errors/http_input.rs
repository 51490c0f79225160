//! What people paste: a bare body, or a whole HTTP response as `curl -i` and `curl -sD -` print
//! it (status line, headers, a blank line, the body).

/// An HTTP response read from the input.
#[derive(Debug, PartialEq, Eq)]
pub struct Response {
    /// The status line as written (`HTTP/1.1 404 Not Found`).
    pub status_line: String,
    pub status: u16,
    /// Header lines in order, names as written.
    pub headers: Vec<(String, String)>,
    /// The header block as written, through the blank line (kept for `roundtrip`).
    pub head: Vec<u8>,
    pub body: Vec<u8>,
}

/// Whether `line` is an HTTP/1.0, 1.1, 2 or 2.0 status line; its status if so.
fn status_of(line: &str) -> Option<u16> {
    let mut parts = line.split_whitespace();
    let version = parts.next()?;
    if !matches!(version, "HTTP/1.0" | "HTTP/1.1" | "HTTP/2" | "HTTP/2.0" | "HTTP/3") {
        return None;
    }
    let status = parts.next()?;
    (status.len() == 3).then(|| status.parse().ok()).flatten().filter(|s| (100..600).contains(s))
}

/// Splits off one line (through `\n`), returning it without its line ending, and the rest.
fn split_line(input: &[u8]) -> Option<(&str, &[u8])> {
    let end = input.iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&input[..end]).ok()?;
    Some((line.strip_suffix('\r').unwrap_or(line), &input[end + 1..]))
}

/// Reads `input` as a whole HTTP response when its first line is a status line; `Ok(None)`
/// when it is a bare body. Interim responses (`100 Continue`, a proxy's `200 Connection
/// established`) before the final one are skipped, as `curl -i` prints them all.
pub fn parse(input: &[u8]) -> Result<Option<Response>, String> {
    let mut rest = input;
    let mut response = None;
    while let Some((first, after)) = split_line(rest) {
        let Some(status) = status_of(first) else { break };
        let mut headers = Vec::new();
        let mut remaining = after;
        loop {
            let (line, next) = split_line(remaining)
                .ok_or_else(|| format!("the headers after `{first}` end without a blank line"))?;
            remaining = next;
            if line.is_empty() {
                break;
            }
            let (name, value) = line
                .split_once(':')
                .ok_or_else(|| format!("`{line}` is not a header line (`Name: value`)"))?;
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
        let head_len = rest.len() - remaining.len();
        response = Some(Response {
            status_line: first.to_owned(),
            status,
            headers,
            head: rest[..head_len].to_vec(),
            body: remaining.to_vec(),
        });
        rest = remaining;
        // Another status line right after: that was an interim response.
        if split_line(rest).is_none_or(|(line, _)| status_of(line).is_none()) {
            break;
        }
    }
    Ok(response)
}

/// Parses `--header 'Name: value'`.
pub fn header_arg(text: &str) -> Result<(String, String), String> {
    let (name, value) = text.split_once(':').ok_or_else(|| format!("`{text}` is not `Name: value`"))?;
    let name = name.trim();
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err(format!("`{name}` is not a header name"));
    }
    Ok((name.to_owned(), value.trim().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_curl_i_output_of_every_http_version() {
        let input = b"HTTP/1.1 404 Not Found\r\nx-amz-request-id: R1\r\nContent-Type: application/xml\r\n\r\n<Error/>";
        let response = parse(input).unwrap().unwrap();
        assert_eq!((response.status, response.body.as_slice()), (404, &b"<Error/>"[..]));
        assert_eq!(response.headers[0], ("x-amz-request-id".to_owned(), "R1".to_owned()));
        assert_eq!(response.head.len() + response.body.len(), input.len());
        for line in ["HTTP/2 403", "HTTP/2.0 403 Forbidden", "HTTP/1.0 403 Forbidden"] {
            let text = format!("{line}\nserver: x\n\n{{}}");
            assert_eq!(parse(text.as_bytes()).unwrap().unwrap().status, 403, "{line}");
        }
    }

    #[test]
    fn skips_interim_responses_and_leaves_bare_bodies_alone() {
        let input = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Slow Down\r\nx-amz-request-id: R\r\n\r\n<Error><Code>SlowDown</Code></Error>";
        let response = parse(input).unwrap().unwrap();
        assert_eq!((response.status, response.status_line.as_str()), (503, "HTTP/1.1 503 Slow Down"));
        assert_eq!(parse(b"{\"code\":1}").unwrap(), None);
        assert_eq!(parse(b"<Error/>").unwrap(), None);
        assert!(parse(b"HTTP/1.1 404 Not Found\r\nno colon\r\n\r\n")
            .unwrap_err()
            .contains("not a header line"));
        let head_only = parse(b"HTTP/1.1 404 Not Found\r\nx-amz-request-id: R\r\n\r\n").unwrap().unwrap();
        assert!(head_only.body.is_empty());
    }

    #[test]
    fn header_arguments_are_name_colon_value() {
        assert_eq!(header_arg("X-Request-Id: abc").unwrap(), ("X-Request-Id".to_owned(), "abc".to_owned()));
        assert!(header_arg("no colon").is_err());
        assert!(header_arg("bad name: x").is_err());
    }
}
