//! What a response body looks like before any envelope is read: enough to tell a vendor's
//! envelope from a proxy's HTML page, and to say so.

/// The kind of a response body, judged from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BodyKind {
    /// Nothing, or only whitespace.
    Empty,
    /// A JSON object or array.
    Json,
    /// XML that is not an HTML page.
    Xml,
    /// An HTML page (a proxy's or load balancer's error page).
    Html,
    /// Other text.
    Text,
    /// Bytes that are not UTF-8 text.
    Binary,
}

/// How far into a body to look for the signs of an HTML page.
const SNIFF: usize = 512;

impl BodyKind {
    /// Judges `body` from its first bytes (after whitespace and a byte-order mark).
    pub fn of(body: &[u8]) -> BodyKind {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let Some(start) = body.iter().position(|b| !b.is_ascii_whitespace()) else {
            return BodyKind::Empty;
        };
        let head = &body[start..body.len().min(start + SNIFF)];
        match head[0] {
            b'{' | b'[' => BodyKind::Json,
            b'<' if is_html(head) => BodyKind::Html,
            b'<' => BodyKind::Xml,
            // A cut through a multi-byte character at the sniff's end is still text.
            _ if core::str::from_utf8(head).is_err_and(|e| e.error_len().is_some()) => BodyKind::Binary,
            _ => BodyKind::Text,
        }
    }

    /// Whether the body is XML (S3's envelopes are).
    pub const fn is_xml(self) -> bool {
        matches!(self, BodyKind::Xml)
    }

    /// The kind in words: `an empty body`, `a JSON body`, `an XML body`, `an HTML page`,
    /// `plain text`, `binary data`.
    pub const fn describe(self) -> &'static str {
        match self {
            BodyKind::Empty => "an empty body",
            BodyKind::Json => "a JSON body",
            BodyKind::Xml => "an XML body",
            BodyKind::Html => "an HTML page",
            BodyKind::Text => "plain text",
            BodyKind::Binary => "binary data",
        }
    }
}

/// `<!DOCTYPE html`, or an `<html`, `<head`, `<body` or `<title` tag near the start (any case;
/// an element such as `<Headers>` is not one).
/// Looks only after each `<`, and allocates nothing.
fn is_html(head: &[u8]) -> bool {
    const TAGS: [&[u8]; 5] = [b"!doctype html", b"html", b"head", b"body", b"title"];
    // memchr finds each `<` without visiting every byte: every XML body a scan meets passes here.
    memchr::memchr_iter(b'<', head).any(|at| {
        let after = &head[at + 1..];
        // Most tags of an XML envelope are ruled out by their first letter.
        if !matches!(after.first().map(u8::to_ascii_lowercase), Some(b'!' | b'h' | b'b' | b't')) {
            return false;
        }
        TAGS.iter().any(|tag| {
            after.len() > tag.len()
                && after[..tag.len()].eq_ignore_ascii_case(tag)
                // The whole name: `<head>` or `<head ...`, not `<Headers>`.
                && matches!(after[tag.len()], b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_envelopes_from_pages() {
        assert_eq!(BodyKind::of(b" \r\n"), BodyKind::Empty);
        assert_eq!(BodyKind::of(b"{\"code\":1}"), BodyKind::Json);
        assert_eq!(BodyKind::of(b"<?xml version=\"1.0\"?><Error/>"), BodyKind::Xml);
        assert_eq!(
            BodyKind::of(b"<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>"),
            BodyKind::Html
        );
        assert_eq!(BodyKind::of(b"<html>\r\n<head><title>502 Bad Gateway</title></head>"), BodyKind::Html);
        assert_eq!(BodyKind::of(b"Service Unavailable"), BodyKind::Text);
        assert_eq!(BodyKind::of(b"\xff\xfe"), BodyKind::Binary);
        assert_eq!(BodyKind::Html.describe(), "an HTML page");
        // A tag anywhere in the first bytes, in any case; a tag cut off at the end is not one.
        assert_eq!(BodyKind::of(b"<?xml version=\"1.0\"?>\n<!-- x --><HTML><BODY>"), BodyKind::Html);
        assert_eq!(
            BodyKind::of(b"<Error><Code>NoSuchKey</Code><Message>head</Message></Error>"),
            BodyKind::Xml
        );
        assert_eq!(BodyKind::of(b"<Error><Titl"), BodyKind::Xml);
        assert_eq!(BodyKind::of(b"<Error><Headers/><BodyLength>1</BodyLength></Error>"), BodyKind::Xml);
    }

    #[test]
    fn only_xml_is_xml_and_a_tag_name_must_be_followed() {
        assert!(BodyKind::Xml.is_xml());
        for other in [BodyKind::Empty, BodyKind::Json, BodyKind::Html, BodyKind::Text, BodyKind::Binary] {
            assert!(!other.is_xml(), "{other:?}");
        }
        // `<html` at the very end has nothing after the name to show it is whole.
        assert!(!is_html(b"<html"));
        assert!(is_html(b"<html>"));
    }
}
