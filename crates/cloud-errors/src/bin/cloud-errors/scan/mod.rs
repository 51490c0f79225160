//! `scan`: the responses of HAR 1.2 files and NDJSON captures, read in batches so that a large
//! file is read in bounded memory and its batches can be decoded on every core.

mod har;
mod ndjson;

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};

/// One captured exchange; it borrows from the batch it was read from where it can.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Capture<'a> {
    /// Its place in the file: the HAR entry's index, or the NDJSON line number (1-based).
    pub entry: usize,
    pub method: Option<Cow<'a, str>>,
    pub url: Option<Cow<'a, str>>,
    pub status: u16,
    pub headers: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub body: Cow<'a, [u8]>,
}

/// A part of a file, read but not yet parsed, to be decoded as a unit (on any thread).
pub enum Batch {
    /// Whole NDJSON lines.
    Lines {
        /// The number of the first line.
        first_line: usize,
        text: Vec<u8>,
    },
    /// The texts of HAR entries, one after another.
    Entries {
        /// The index of the first entry.
        first_entry: usize,
        text: Vec<u8>,
        /// Where each entry's text ends in `text`.
        ends: Vec<usize>,
    },
}

/// How much of a file one batch holds, about.
const BATCH_BYTES: usize = 1 << 20;
/// The longest NDJSON line or HAR entry read: a capture is one response, and error bodies are far
/// smaller.
const MAX_ITEM: usize = 64 << 20;

impl Batch {
    /// Calls `each` with every capture of the batch, in order; stops at the first line or entry
    /// that is not a capture, with the reason.
    pub fn for_each(&self, each: &mut dyn FnMut(&Capture<'_>)) -> Result<(), String> {
        match self {
            Batch::Lines { first_line, text } => ndjson::for_each(*first_line, text, each),
            Batch::Entries { first_entry, text, ends } => har::for_each(*first_entry, text, ends, each),
        }
    }

    /// Responses (NDJSON lines, blank ones included, or HAR entries) the batch holds.
    pub fn len(&self) -> usize {
        match self {
            Batch::Lines { text, .. } => {
                memchr::memchr_iter(b'\n', text).count() + usize::from(!text.ends_with(b"\n"))
            }
            Batch::Entries { ends, .. } => ends.len(),
        }
    }
}

/// Reads from `reader` onto the end of `buffer` until `want` more bytes are there or the input
/// ends; says whether it ended.
fn fill(reader: &mut impl Read, buffer: &mut Vec<u8>, want: usize) -> Result<bool, String> {
    let goal = buffer.len() + want;
    let mut filled = buffer.len();
    buffer.resize(goal, 0);
    let ended = loop {
        if filled == goal {
            break false;
        }
        match reader.read(&mut buffer[filled..]) {
            Ok(0) => break true,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.to_string()),
        }
    };
    buffer.truncate(filled);
    Ok(ended)
}

/// serde_json's message without its ` at line L column C`, which counts from a batch's start, not
/// the file's; the line or entry is named in front instead.
fn without_position(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    message.strip_suffix(&suffix).unwrap_or(&message).to_owned()
}

/// Reads every capture of `reader` (HAR when it starts with `{` and is not one NDJSON object
/// per line; decided by the file name's `.har` ending or a first line that is not a capture),
/// handing them to `each` in batches.
pub fn read(
    name: &str,
    reader: impl Read,
    each: &mut dyn FnMut(Batch) -> Result<(), String>,
) -> Result<(), String> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    if name.ends_with(".ndjson") || name.ends_with(".jsonl") {
        return ndjson::read(reader, BATCH_BYTES, each);
    }
    let starts_with_brace =
        reader.fill_buf().map_err(|e| e.to_string())?.iter().find(|b| !b.is_ascii_whitespace())
            == Some(&b'{');
    if !starts_with_brace {
        // The caller names the file in front of this reason.
        return Err("neither a HAR file nor NDJSON captures".to_owned());
    }
    if name.ends_with(".har") {
        return har::read(reader, BATCH_BYTES, each);
    }
    // Without a telling name: a HAR document's first key is `log`.
    let head = String::from_utf8_lossy(reader.fill_buf().map_err(|e| e.to_string())?).into_owned();
    if head.trim_start().trim_start_matches('{').trim_start().starts_with("\"log\"") {
        har::read(reader, BATCH_BYTES, each)
    } else {
        ndjson::read(reader, BATCH_BYTES, each)
    }
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

    /// Every capture of a file, owned, in order.
    fn all(name: &str, text: &str) -> Result<Vec<Capture<'static>>, String> {
        let mut captures = Vec::new();
        read(name, text.as_bytes(), &mut |batch| {
            batch.for_each(&mut |c| {
                captures.push(Capture {
                    entry: c.entry,
                    method: c.method.as_deref().map(|m| Cow::Owned(m.to_owned())),
                    url: c.url.as_deref().map(|u| Cow::Owned(u.to_owned())),
                    status: c.status,
                    headers: c
                        .headers
                        .iter()
                        .map(|(n, v)| (Cow::Owned(n.to_string()), Cow::Owned(v.to_string())))
                        .collect(),
                    body: Cow::Owned(c.body.to_vec()),
                })
            })
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
        assert_eq!(captures[0].headers, [(Cow::from("x-amz-request-id"), Cow::from("R"))]);
        assert_eq!(&*captures[1].body, b"<Error/>");
        // Without the `.har` ending, the `log` key tells.
        assert_eq!(all("capture.json", har).unwrap().len(), 2);
    }

    #[test]
    fn reads_ndjson_captures_with_either_header_form() {
        let text = "{\"status\":403,\"headers\":{\"X-Request-Id\":\"h\"},\"body\":\"{}\"}\n\n{\"status\":200,\"headers\":[[\"a\",\"b\"]],\"body\":\"\",\"method\":\"GET\",\"url\":\"u\"}\n";
        let captures = all("c.ndjson", text).unwrap();
        assert_eq!((captures[0].entry, captures[1].entry), (1, 3));
        assert_eq!(captures[0].headers, [(Cow::from("X-Request-Id"), Cow::from("h"))]);
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

/// Properties of both readers on generated files, read and batched a few bytes at a time so
/// that reads and batches end everywhere: every capture comes out once, in order, as serde_json
/// reads the same document; and no input at all makes a reader panic.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A capture as the generator writes it and as the readers must give it back.
    #[derive(Clone, Debug, PartialEq)]
    struct Exchange {
        status: u16,
        method: Option<String>,
        url: Option<String>,
        headers: Vec<(String, String)>,
        body: String,
    }

    /// Text that exercises the scanners: quotes, backslashes, brackets, line breaks, non-ASCII.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex(r#"([a-z"\\{}\[\]:, \n\t]|é|用|\u{1b}){0,24}"#).unwrap()
    }

    fn exchange() -> impl Strategy<Value = Exchange> {
        (
            0u16..1000,
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::collection::vec((text(), text()), 0..3),
            text(),
        )
            .prop_map(|(status, method, url, headers, body)| Exchange {
                status,
                method,
                url,
                headers,
                body,
            })
    }

    fn collect(batch: &Batch, seen: &mut Vec<(usize, Exchange)>) -> Result<(), String> {
        batch.for_each(&mut |c| {
            seen.push((
                c.entry,
                Exchange {
                    status: c.status,
                    method: c.method.as_deref().map(str::to_owned),
                    url: c.url.as_deref().map(str::to_owned),
                    headers: c.headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
                    body: String::from_utf8(c.body.to_vec()).unwrap(),
                },
            ))
        })
    }

    fn json_of(e: &Exchange) -> serde_json::Value {
        serde_json::json!({"status": e.status, "method": e.method, "url": e.url,
                           "headers": e.headers, "body": e.body})
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn ndjson_gives_every_capture_with_its_line(
            lines in proptest::collection::vec(proptest::option::of(exchange()), 0..12),
            batch in 1usize..96,
        ) {
            let mut file = String::new();
            let mut expected = Vec::new();
            for (index, line) in lines.iter().enumerate() {
                match line {
                    Some(e) => {
                        file.push_str(&json_of(e).to_string());
                        expected.push((index + 1, e.clone()));
                    }
                    None => file.push_str("  "),
                }
                file.push('\n');
            }
            let mut seen = Vec::new();
            ndjson::read(file.as_bytes(), batch, &mut |b| collect(&b, &mut seen)).unwrap();
            prop_assert_eq!(seen, expected);
        }

        #[test]
        fn har_gives_every_entry_as_serde_reads_the_document(
            entries in proptest::collection::vec(exchange(), 0..8),
            decoy in text(),
            pretty in any::<bool>(),
            batch in 1usize..96,
        ) {
            let entries_json: Vec<serde_json::Value> = entries.iter().map(|e| serde_json::json!({
                "request": {"method": e.method, "url": e.url},
                "response": {"status": e.status,
                             "headers": e.headers.iter().map(|(n, v)| serde_json::json!({"name": n, "value": v})).collect::<Vec<_>>(),
                             "content": {"text": e.body}},
            })).collect();
            // Keys and arrays that look like entries elsewhere must not be taken for them.
            let document = serde_json::json!({
                "entries": [{"response": {"status": 1}}],
                "log": {"creator": {"name": decoy, "entries": [{"response": {"status": 2}}]},
                        "entries": entries_json, "pages": [[{}]]},
            });
            let text = if pretty { serde_json::to_string_pretty(&document) } else { serde_json::to_string(&document) }.unwrap();
            let mut seen = Vec::new();
            har::read(text.as_bytes(), batch, &mut |b| collect(&b, &mut seen)).unwrap();
            let expected: Vec<(usize, Exchange)> = entries.into_iter().enumerate().collect();
            prop_assert_eq!(seen, expected);
        }

        #[test]
        fn no_input_makes_a_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256), batch in 1usize..64) {
            let mut seen = Vec::new();
            let _ = ndjson::read(bytes.as_slice(), batch, &mut |b| collect(&b, &mut seen));
            let _ = har::read(bytes.as_slice(), batch, &mut |b| collect(&b, &mut seen));
        }

        #[test]
        fn no_damage_to_a_har_file_makes_it_panic(
            entries in proptest::collection::vec(exchange(), 1..4),
            at in any::<prop::sample::Index>(),
            byte in any::<u8>(),
            batch in 1usize..64,
        ) {
            let document = serde_json::json!({"log": {"entries": entries.iter().map(|e| serde_json::json!({
                "response": {"status": e.status, "content": {"text": e.body}}})).collect::<Vec<_>>()}});
            let mut bytes = serde_json::to_vec(&document).unwrap();
            let at = at.index(bytes.len());
            bytes[at] = byte;
            let mut seen = Vec::new();
            let _ = har::read(bytes.as_slice(), batch, &mut |b| collect(&b, &mut seen));
            bytes.truncate(at);
            let _ = har::read(bytes.as_slice(), batch, &mut |b| collect(&b, &mut seen));
        }
    }
}
