//! HAR 1.2 files: the entries of `log.entries`, cut out of the document as it is read.
//!
//! A HAR file is one JSON document, often of hundreds of megabytes, almost all of it the
//! entries. Rather than deserialize it as one stream on one thread, a small resumable scanner
//! follows the document's structure (strings, escapes, brackets, the keys `log` and `entries`)
//! and cuts out each entry's text; batches of entries are then deserialized and decoded on
//! every core. The rest of the document, with each entry replaced by `{}`, is kept (it is
//! small) and deserialized at the end, so a file that is not well-formed JSON is still refused.

use std::borrow::Cow;
use std::io::Read;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::{base64_decode, fill, without_position, Batch, Capture, MAX_ITEM};

/// A HAR entry, as much of it as a capture needs; strings without escapes are borrowed.
#[derive(Deserialize)]
struct HarEntry<'a> {
    #[serde(default, borrow)]
    request: HarRequest<'a>,
    #[serde(borrow)]
    response: HarResponse<'a>,
}

#[derive(Deserialize, Default)]
struct HarRequest<'a> {
    #[serde(default, borrow)]
    method: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    url: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct HarResponse<'a> {
    status: i64,
    #[serde(default, borrow)]
    headers: Vec<HarHeader<'a>>,
    #[serde(default, borrow)]
    content: HarContent<'a>,
}

#[derive(Deserialize)]
struct HarHeader<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow)]
    value: Cow<'a, str>,
}

#[derive(Deserialize, Default)]
struct HarContent<'a> {
    #[serde(default, borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    encoding: Option<Cow<'a, str>>,
}

/// The document with its entries replaced by `{}`: checked once the whole file is read.
#[derive(Deserialize)]
struct Skeleton {
    #[serde(default)]
    #[allow(dead_code)] // read to check its shape
    log: Log,
}

#[derive(Deserialize, Default)]
struct Log {
    #[serde(default)]
    #[allow(dead_code)] // read to check its shape
    entries: Vec<CutEntry>,
}

/// Where an entry was cut out: it must have been an object.
#[derive(Deserialize)]
struct CutEntry {}

fn capture_of<'a>(entry: usize, har: HarEntry<'a>) -> Result<Capture<'a>, String> {
    let status = u16::try_from(har.response.status).unwrap_or(0);
    let text = har.response.content.text.unwrap_or_default();
    let body = match har.response.content.encoding.as_deref() {
        Some("base64") => Cow::Owned(
            base64_decode(&text).ok_or_else(|| format!("entry {entry}: its base64 body is not base64"))?,
        ),
        _ => match text {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        },
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

/// Calls `each` with the capture of every entry of a batch: `text` holds the entries' texts one
/// after another, each ending at its offset in `ends`; the first is entry `first_entry`.
pub fn for_each(
    first_entry: usize,
    text: &[u8],
    ends: &[usize],
    each: &mut dyn FnMut(&Capture<'_>),
) -> Result<(), String> {
    let mut start = 0;
    for (index, &end) in ends.iter().enumerate() {
        let entry = first_entry + index;
        let har: HarEntry<'_> = serde_json::from_slice(&text[start..end])
            .map_err(|e| format!("entry {entry}: not a HAR entry: {}", without_position(&e)))?;
        each(&capture_of(entry, har)?);
        start = end;
    }
    Ok(())
}

/// The longest key the scanner needs to recognize (`entries`), and a little more.
const KEY: usize = 16;

/// Follows a JSON document's structure across reads; see the module's documentation.
#[derive(Default)]
struct Scanner {
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// Whether the containers open at depths 1 and 2 are objects.
    objects: [bool; 2],
    /// The last string closed at depths 1 and 2 (a key once `:` follows), if short.
    strings: [Option<Vec<u8>>; 2],
    /// The keys whose values are being read at depths 1 and 2.
    keys: [Option<Vec<u8>>; 2],
    /// Where the string being read at depth 1 or 2 started (absolute offset after the quote).
    string_start: Option<usize>,
    /// Inside `log.entries`.
    in_entries: bool,
    /// Where the entry being read started (absolute offset).
    entry_start: Option<usize>,
}

/// What the scanner found in one stretch of the input.
enum Found {
    /// An entry's text, from..to (absolute offsets).
    Entry(usize, usize),
}

impl Scanner {
    /// Scans `bytes` (whose first byte is at absolute offset `base`) from index `from`, calling
    /// `found` with each entry completed there.
    fn scan(
        &mut self,
        bytes: &[u8],
        base: usize,
        from: usize,
        found: &mut dyn FnMut(Found) -> Result<(), String>,
    ) -> Result<(), String> {
        let mut at = from;
        while at < bytes.len() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    at += 1;
                    continue;
                }
                // Strings are most of a HAR file: jump to the next quote or backslash.
                let Some(next) = memchr::memchr2(b'"', b'\\', &bytes[at..]) else {
                    return Ok(());
                };
                at += next;
                if bytes[at] == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                    self.end_string(bytes, base, base + at);
                }
                at += 1;
                continue;
            }
            let byte = bytes[at];
            match byte {
                b'"' => {
                    self.in_string = true;
                    if (1..=2).contains(&self.depth) && self.entry_start.is_none() {
                        self.string_start = Some(base + at + 1);
                    }
                }
                b':' if (1..=2).contains(&self.depth) => {
                    self.keys[self.depth - 1] = self.strings[self.depth - 1].take();
                }
                b',' if (1..=2).contains(&self.depth) => self.keys[self.depth - 1] = None,
                b'{' | b'[' => {
                    self.depth += 1;
                    let object = byte == b'{';
                    if self.depth <= 2 {
                        self.objects[self.depth - 1] = object;
                        self.keys[self.depth - 1] = None;
                    } else if self.depth == 3
                        && !object
                        && self.objects == [true, true]
                        && self.keys[0].as_deref() == Some(b"log")
                        && self.keys[1].as_deref() == Some(b"entries")
                    {
                        self.in_entries = true;
                    } else if self.in_entries && self.depth == 4 && object {
                        self.entry_start = Some(base + at);
                    }
                }
                b'}' | b']' => {
                    if self.depth == 0 {
                        return Err(format!(
                            "not a HAR file: `{}` closes nothing (byte {})",
                            byte as char,
                            base + at
                        ));
                    }
                    if self.in_entries && self.depth == 4 {
                        if let Some(start) = self.entry_start.take() {
                            found(Found::Entry(start, base + at + 1))?;
                        }
                    } else if self.in_entries && self.depth == 3 {
                        self.in_entries = false;
                    }
                    self.depth -= 1;
                }
                _ => {}
            }
            at += 1;
        }
        Ok(())
    }

    /// A string that started at depth 1 or 2 ended at `end`: remember it if short.
    fn end_string(&mut self, bytes: &[u8], base: usize, end: usize) {
        if let Some(start) = self.string_start.take() {
            // The buffer keeps an unfinished key from its start (`keep_from`).
            let text = (end - start <= KEY).then(|| bytes[start - base..end - base].to_vec());
            self.strings[self.depth - 1] = text;
        }
    }

    /// The earliest absolute offset the scanner may still need to look back at.
    fn keep_from(&self, end: usize) -> usize {
        self.entry_start.or(self.string_start).unwrap_or(end).min(end)
    }
}

/// Reads a HAR file about `batch_bytes` at a time (`BATCH_BYTES`; small in tests, so that reads
/// and batches end anywhere), handing its entries to `each` in batches of about that size.
pub(super) fn read(
    mut reader: impl Read,
    batch_bytes: usize,
    each: &mut dyn FnMut(Batch) -> Result<(), String>,
) -> Result<(), String> {
    let mut scanner = Scanner::default();
    let mut skeleton = Vec::new();
    let (mut buffer, mut base, mut scanned) = (Vec::new(), 0usize, 0usize);
    let mut skeleton_from = 0usize;
    let (mut entries, mut text, mut ends) = (0usize, Vec::new(), Vec::new());
    loop {
        let ended = fill(&mut reader, &mut buffer, batch_bytes)?;
        let end = base + buffer.len();
        let mut on_found = |Found::Entry(start, stop): Found| -> Result<(), String> {
            skeleton.extend_from_slice(&buffer[skeleton_from - base..start - base]);
            skeleton.extend_from_slice(b"{}");
            skeleton_from = stop;
            text.extend_from_slice(&buffer[start - base..stop - base]);
            ends.push(text.len());
            if text.len() >= batch_bytes {
                let first_entry = entries;
                entries += ends.len();
                let batch = Batch::Entries {
                    first_entry,
                    text: std::mem::take(&mut text),
                    ends: std::mem::take(&mut ends),
                };
                each(batch)?;
            }
            Ok(())
        };
        scanner.scan(&buffer, base, scanned - base, &mut on_found)?;
        scanned = end;
        // What no entry holds goes to the skeleton now; only an unfinished entry or key stays.
        let keep = scanner.keep_from(end);
        skeleton.extend_from_slice(&buffer[skeleton_from - base..keep - base]);
        skeleton_from = keep;
        if skeleton.len() > MAX_ITEM || end - keep > MAX_ITEM {
            return Err(format!("not a HAR file: a part of it is larger than {} MiB", MAX_ITEM >> 20));
        }
        buffer.drain(..keep - base);
        base = keep;
        if ended {
            break;
        }
    }
    if !ends.is_empty() {
        each(Batch::Entries { first_entry: entries, text, ends })?;
    }
    if let Some(start) = scanner.entry_start {
        return Err(format!("not a HAR file: it ends inside an entry (from byte {start})"));
    }
    skeleton.extend_from_slice(&buffer[skeleton_from - base..]);
    serde_json::from_slice::<Skeleton>(&skeleton)
        .map(drop)
        .map_err(|e| format!("not a HAR file: {}", without_position(&e)))
        .and_then(|()| {
            // A document of nothing but entries would also read as an empty one: check that the
            // top level was an object at all.
            serde_json::from_slice::<IgnoredAny>(&skeleton).map(drop).map_err(|e| e.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry text the scanner cuts out of `document`, read `chunk` bytes at a time, and the
    /// skeleton's verdict.
    fn cut(document: &str, chunk: usize) -> (Vec<String>, Result<(), String>) {
        let mut texts = Vec::new();
        let verdict = read(document.as_bytes(), chunk, &mut |batch| {
            if let Batch::Entries { text, ends, .. } = batch {
                let mut start = 0;
                for end in ends {
                    texts.push(String::from_utf8(text[start..end].to_vec()).unwrap());
                    start = end;
                }
            }
            Ok(())
        });
        (texts, verdict)
    }

    #[test]
    fn entries_are_cut_whole_however_the_file_is_read() {
        let document = r#"{"log":{"version":"1.2","creator":{"name":"x","entries":[{"no":1}]},
            "entries":[{"a":"}\"{[","b":[{"c":{}}]} , {"request":{}}],"pages":[]},"entries":[{"z":1}]}"#;
        for chunk in [1, 2, 3, 7, 64, 1 << 20] {
            let (texts, verdict) = cut(document, chunk);
            assert_eq!(texts, [r#"{"a":"}\"{[","b":[{"c":{}}]}"#, r#"{"request":{}}"#], "chunk {chunk}");
            assert_eq!(verdict, Ok(()), "chunk {chunk}");
        }
    }

    #[test]
    fn the_rest_of_the_document_is_still_checked() {
        for (document, reason) in [
            (r#"{"log":{"entries":[{}]}} trailing"#, "not a HAR file: trailing characters"),
            (r#"{"log":{"entries":[1,{}]}}"#, "not a HAR file: invalid type: integer `1`"),
            (r#"{"log":{"entries":[{}],"version":1.2.3}}"#, "not a HAR file: "),
            (r#"{"log":{"entries":[{"a":1}"#, "not a HAR file: EOF while parsing a list"),
            (r#"{"log":{"entries":[{"a":1"#, "not a HAR file: it ends inside an entry"),
            (r#"{"log":{"entries":[{}]}}}"#, "not a HAR file: `}` closes nothing"),
        ] {
            let (_, verdict) = cut(document, 5);
            let err = verdict.expect_err(document);
            assert!(err.starts_with(reason), "{document}: {err}");
        }
        // A document without entries has none, as before.
        assert_eq!(cut(r#"{"log":{"version":"1.2"}}"#, 3), (Vec::new(), Ok(())));
    }

    #[test]
    fn entries_decode_with_their_index_and_bodies() {
        let text = br#"{"request":{"method":"GET","url":"u"},"response":{"status":404,"headers":[{"name":"n","value":"v"}],"content":{"text":"PEVycm9yLz4=","encoding":"base64"}}}{"response":{"status":1}}"#;
        let first = text.iter().position(|&b| b == b'}').unwrap();
        let first = text[..text.len() - 1].windows(2).position(|w| w == b"}{").map_or(first, |i| i + 1);
        let mut seen = Vec::new();
        for_each(7, text, &[first, text.len()], &mut |c| seen.push((c.entry, c.status, c.body.to_vec())))
            .unwrap();
        assert_eq!(seen, [(7, 404, b"<Error/>".to_vec()), (8, 1, Vec::new())]);
        let err = for_each(3, b"{\"response\":{}}", &[15], &mut |_| ()).unwrap_err();
        assert_eq!(err, "entry 3: not a HAR entry: missing field `status`");
    }
}
