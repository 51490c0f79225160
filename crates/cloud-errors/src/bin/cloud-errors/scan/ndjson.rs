//! NDJSON captures: one `{"status", "headers", "body", "method", "url"}` object a line.

use std::borrow::Cow;
use std::fmt;
use std::io::Read;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{fill, without_position, Batch, Capture, MAX_ITEM};

/// An NDJSON capture line: `{"status": 404, "headers": {...} or [[name, value], ...], "body": "..."}`,
/// optionally with `method` and `url`. Strings without escapes are borrowed from the line.
#[derive(Deserialize)]
struct NdjsonCapture<'a> {
    status: u16,
    #[serde(default, borrow)]
    headers: HeaderList<'a>,
    #[serde(default, borrow)]
    body: Cow<'a, str>,
    #[serde(default, borrow)]
    method: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    url: Option<Cow<'a, str>>,
}

impl<'a> NdjsonCapture<'a> {
    fn into_capture(self, line: usize) -> Capture<'a> {
        let body = match self.body {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        };
        Capture {
            entry: line,
            method: self.method,
            url: self.url,
            status: self.status,
            headers: self.headers.0,
            body,
        }
    }
}

/// Headers as an object or as a list of `[name, value]` pairs, read in one pass either way.
#[derive(Default)]
struct HeaderList<'a>(Vec<(Cow<'a, str>, Cow<'a, str>)>);

impl<'de: 'a, 'a> Deserialize<'de> for HeaderList<'a> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HeaderListVisitor(std::marker::PhantomData))
    }
}

/// A borrowed string where the JSON allows it.
#[derive(Deserialize)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

struct HeaderListVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for HeaderListVisitor<'a> {
    type Value = HeaderList<'a>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("headers as an object of strings or a list of [name, value] pairs")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut headers = Vec::new();
        while let Some((Text(name), Text(value))) = map.next_entry()? {
            headers.push((name, value));
        }
        Ok(HeaderList(headers))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut headers = Vec::new();
        while let Some((Text(name), Text(value))) = seq.next_element()? {
            headers.push((name, value));
        }
        Ok(HeaderList(headers))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(HeaderList::default())
    }
}

/// Calls `each` with the capture of every line of `text`, whose first line is `first_line`; stops
/// at the first line that is not one capture, with the reason.
pub fn for_each(first_line: usize, text: &[u8], each: &mut dyn FnMut(&Capture<'_>)) -> Result<(), String> {
    // One deserializer for the whole batch, so that its buffer for unescaping strings is grown
    // once, not once a line.
    let mut stream = serde_json::Deserializer::from_slice(text).into_iter::<NdjsonCapture<'_>>();
    let (mut line, mut counted) = (first_line, 0);
    loop {
        let end = stream.byte_offset();
        let Some(start) = text[end..].iter().position(|b| !b.is_ascii_whitespace()).map(|i| end + i) else {
            return Ok(());
        };
        line += memchr::memchr_iter(b'\n', &text[counted..start]).count();
        counted = start;
        if end > 0 && memchr::memchr(b'\n', &text[end..start]).is_none() {
            return Err(format!("line {line}: a second capture on the line; NDJSON holds one a line"));
        }
        let capture = match stream.next() {
            Some(Ok(capture)) => capture,
            Some(Err(e)) => return Err(format!("line {line}: not a capture: {}", without_position(&e))),
            None => return Ok(()),
        };
        if memchr::memchr(b'\n', &text[start..stream.byte_offset()]).is_some() {
            return Err(format!("line {line}: a capture runs over several lines; NDJSON holds one a line"));
        }
        each(&capture.into_capture(line));
    }
}

/// Reads whole lines, about `batch_bytes` at a time (`BATCH_BYTES`; small in tests, so that
/// reads and batches end anywhere), handing each batch to `each`; a line longer than `MAX_ITEM`
/// is refused.
pub(super) fn read(
    mut reader: impl Read,
    batch_bytes: usize,
    each: &mut dyn FnMut(Batch) -> Result<(), String>,
) -> Result<(), String> {
    let mut first_line = 1;
    let mut text = Vec::new();
    loop {
        // Fill the batch to its size, then cut it after its last line break; what follows goes
        // to the next batch. A batch with no line break grows, up to the longest line allowed.
        let ended = fill(&mut reader, &mut text, batch_bytes)?;
        let cut = if ended { Some(text.len()) } else { memchr::memrchr(b'\n', &text).map(|i| i + 1) };
        let Some(cut) = cut else {
            if text.len() > MAX_ITEM {
                return Err(format!(
                    "line {first_line} is longer than {} MiB; a capture is one response",
                    MAX_ITEM >> 20
                ));
            }
            continue;
        };
        let rest = text.split_off(cut);
        let lines = memchr::memchr_iter(b'\n', &text).count();
        if text.is_empty() {
            text = rest;
        } else {
            each(Batch::Lines { first_line, text: std::mem::replace(&mut text, rest) })?;
        }
        first_line += lines;
        if ended {
            return Ok(());
        }
    }
}
