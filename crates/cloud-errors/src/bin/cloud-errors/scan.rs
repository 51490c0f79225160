//! `scan`: the responses of HAR 1.2 files and NDJSON captures, read one entry at a time so that
//! a large file is read in bounded memory.

use std::fmt;
use std::io::{BufRead, BufReader, Read};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// One captured exchange.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Capture {
    /// Its place in the file: the HAR entry's index, or the NDJSON line number (1-based).
    pub entry: usize,
    pub method: Option<String>,
    pub url: Option<String>,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// A HAR entry, as much of it as a capture needs.
#[derive(Deserialize)]
struct HarEntry {
    #[serde(default)]
    request: HarRequest,
    response: HarResponse,
}

#[derive(Deserialize, Default)]
struct HarRequest {
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize)]
struct HarResponse {
    status: i64,
    #[serde(default)]
    headers: Vec<HarHeader>,
    #[serde(default)]
    content: HarContent,
}

#[derive(Deserialize)]
struct HarHeader {
    name: String,
    value: String,
}

#[derive(Deserialize, Default)]
struct HarContent {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    encoding: Option<String>,
}

/// Walks `{"log": {"entries": [...]}}`, handing each entry to `each` as it is read.
struct Har<'f> {
    each: &'f mut dyn FnMut(Capture) -> Result<(), String>,
    entries: usize,
}

impl<'de> DeserializeSeed<'de> for &mut Har<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for &mut Har<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a HAR document")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                // `log` holds `entries`; both are walked with this same visitor.
                "log" => map.next_value_seed(&mut *self)?,
                "entries" => map.next_value_seed(Entries(&mut *self))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

struct Entries<'a, 'f>(&'a mut Har<'f>);

impl<'de> DeserializeSeed<'de> for Entries<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Entries<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the HAR entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<HarEntry>()? {
            let index = self.0.entries;
            self.0.entries += 1;
            let capture = capture_of(index, entry).map_err(de::Error::custom)?;
            (self.0.each)(capture).map_err(de::Error::custom)?;
        }
        Ok(())
    }
}

fn capture_of(entry: usize, har: HarEntry) -> Result<Capture, String> {
    let status = u16::try_from(har.response.status).unwrap_or(0);
    let text = har.response.content.text.unwrap_or_default();
    let body = match har.response.content.encoding.as_deref() {
        Some("base64") => {
            base64_decode(&text).ok_or_else(|| format!("entry {entry}: its base64 body is not base64"))?
        }
        _ => text.into_bytes(),
    };
    Ok(Capture {
        entry,
        method: har.request.method,
        url: har.request.url,
        status,
        headers: har.response.headers.into_iter().map(|h| (h.name, h.value)).collect(),
        body,
    })
}

/// An NDJSON capture line: `{"status": 404, "headers": {...} or [[name, value], ...], "body": "..."}`,
/// optionally with `method` and `url`.
#[derive(Deserialize)]
struct NdjsonCapture {
    status: u16,
    #[serde(default)]
    headers: Headers,
    #[serde(default)]
    body: String,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(untagged)]
enum Headers {
    #[default]
    None,
    Map(std::collections::BTreeMap<String, String>),
    Pairs(Vec<(String, String)>),
}

/// Reads every capture of `reader` (HAR when it starts with `{` and is not one NDJSON object
/// per line; decided by the file name's `.har` ending or a first line that is not a capture),
/// handing each to `each`.
pub fn read(
    name: &str,
    reader: impl Read,
    each: &mut dyn FnMut(Capture) -> Result<(), String>,
) -> Result<(), String> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    if name.ends_with(".ndjson") || name.ends_with(".jsonl") {
        return read_ndjson(reader, each);
    }
    let starts_with_brace =
        reader.fill_buf().map_err(|e| e.to_string())?.iter().find(|b| !b.is_ascii_whitespace())
            == Some(&b'{');
    if !starts_with_brace {
        // The caller names the file in front of this reason.
        return Err("neither a HAR file nor NDJSON captures".to_owned());
    }
    if name.ends_with(".har") {
        return read_har(reader, each);
    }
    // Without a telling name: a HAR document's first key is `log`.
    let head = String::from_utf8_lossy(reader.fill_buf().map_err(|e| e.to_string())?).into_owned();
    if head.trim_start().trim_start_matches('{').trim_start().starts_with("\"log\"") {
        read_har(reader, each)
    } else {
        read_ndjson(reader, each)
    }
}

fn read_har(reader: impl Read, each: &mut dyn FnMut(Capture) -> Result<(), String>) -> Result<(), String> {
    let mut har = Har { each, entries: 0 };
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    (&mut har).deserialize(&mut deserializer).map_err(|e| format!("not a HAR file: {e}"))?;
    deserializer.end().map_err(|e| format!("not a HAR file: {e}"))
}

fn read_ndjson(
    reader: impl BufRead,
    each: &mut dyn FnMut(Capture) -> Result<(), String>,
) -> Result<(), String> {
    for (index, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let capture: NdjsonCapture =
            serde_json::from_str(&line).map_err(|e| format!("line {}: not a capture: {e}", index + 1))?;
        let headers = match capture.headers {
            Headers::None => Vec::new(),
            Headers::Map(map) => map.into_iter().collect(),
            Headers::Pairs(pairs) => pairs,
        };
        each(Capture {
            entry: index + 1,
            method: capture.method,
            url: capture.url,
            status: capture.status,
            headers,
            body: capture.body.into_bytes(),
        })?;
    }
    Ok(())
}

/// Standard base64 (HAR's `encoding: "base64"`), padding optional; `None` for anything else.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let digits = digits.strip_suffix(b"==").or_else(|| digits.strip_suffix(b"=")).unwrap_or(&digits);
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            bits |= u32::from(value(c)?) << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(name: &str, text: &str) -> Result<Vec<Capture>, String> {
        let mut captures = Vec::new();
        read(name, text.as_bytes(), &mut |c| {
            captures.push(c);
            Ok(())
        })?;
        Ok(captures)
    }

    #[test]
    fn reads_har_entries_with_plain_and_base64_bodies() {
        let har = r#"{"log":{"version":"1.2","creator":{"name":"x"},"entries":[
            {"request":{"method":"GET","url":"https://b.s3.amazonaws.com/k"},"response":{"status":404,"headers":[{"name":"x-amz-request-id","value":"R"}],"content":{"size":8,"text":"<Error/>"}}},
            {"request":{"method":"PUT","url":"https://x"},"response":{"status":200,"headers":[],"content":{"text":"PEVycm9yLz4=","encoding":"base64"}}}
        ]}}"#;
        let captures = all("session.har", har).unwrap();
        assert_eq!(captures.len(), 2);
        assert_eq!(
            (captures[0].entry, captures[0].status, captures[0].method.as_deref()),
            (0, 404, Some("GET"))
        );
        assert_eq!(captures[0].headers, [("x-amz-request-id".to_owned(), "R".to_owned())]);
        assert_eq!(captures[1].body, b"<Error/>");
        // Without the `.har` ending, the `log` key tells.
        assert_eq!(all("capture.json", har).unwrap().len(), 2);
    }

    #[test]
    fn reads_ndjson_captures_with_either_header_form() {
        let text = "{\"status\":403,\"headers\":{\"X-Request-Id\":\"h\"},\"body\":\"{}\"}\n\n{\"status\":200,\"headers\":[[\"a\",\"b\"]],\"body\":\"\",\"method\":\"GET\",\"url\":\"u\"}\n";
        let captures = all("c.ndjson", text).unwrap();
        assert_eq!((captures[0].entry, captures[1].entry), (1, 3));
        assert_eq!(captures[0].headers, [("X-Request-Id".to_owned(), "h".to_owned())]);
        assert_eq!(captures[1].url.as_deref(), Some("u"));
        assert!(all("c.ndjson", "{\"nope\":1}").unwrap_err().starts_with("line 1: not a capture"));
        assert!(all("c.txt", "hello").unwrap_err().contains("neither a HAR file nor NDJSON"));
    }

    #[test]
    fn base64_is_decoded_strictly() {
        assert_eq!(base64_decode("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64_decode("aGVsbG8").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64_decode("").as_deref(), Some(&b""[..]));
        assert_eq!(base64_decode("a"), None);
        assert_eq!(base64_decode("a*bc"), None);
    }
}
