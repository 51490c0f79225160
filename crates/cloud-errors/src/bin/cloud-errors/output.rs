//! How the command shows things: text (coloured on a terminal), tables, and the JSON objects
//! whose schema the README documents.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, IsTerminal, Write};

use cloud_errors::{documented_codes, AnyError, CloudError, CodeInfo, FieldValue, Language, Vendor};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::scan::Capture;
use crate::visible::{visible, write_json, TerminalSafeJson};
use crate::{Failure, Format, ListFormat};

/// ANSI styling, on only when writing to a terminal and `NO_COLOR` is unset.
#[derive(Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    pub fn for_stdout() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style { on: io::stdout().is_terminal() && !no_color }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn label(self, text: &str) -> String {
        self.paint("2", text)
    }

    fn strong(self, text: &str) -> String {
        self.paint("1", text)
    }

    fn warn(self, text: &str) -> String {
        self.paint("33", text)
    }
}

fn status_cell(info: &CodeInfo) -> String {
    info.spec().http_status().map_or_else(|| "-".to_owned(), |status| status.to_string())
}

/// A text value as a person should see it: `-` when there is none, `(empty)` when it is there
/// but empty, and otherwise the text with anything a terminal would act on spelled out.
pub fn shown(text: Option<&str>) -> Cow<'_, str> {
    match text {
        None => Cow::Borrowed("-"),
        Some("") => Cow::Borrowed("(empty)"),
        Some(text) => visible(text),
    }
}

/// The columns a table may take: the terminal's width, else `COLUMNS`, else 100.
fn table_width() -> usize {
    if let Some((terminal_size::Width(width), _)) = terminal_size::terminal_size() {
        return usize::from(width);
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).filter(|&w| w > 0).unwrap_or(100)
}

/// Where [`fit`] cuts a text too long for its column.
#[derive(Clone, Copy)]
enum Cut {
    /// Keep the start and the end (codes and names: `InvalidParam…olicyName.InUse`).
    Middle,
    /// Keep the start (messages).
    End,
}

/// `text` in exactly `width` terminal columns: padded with spaces, or cut with `…`.
fn fit(text: &str, width: usize, cut: Cut) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let text_width = text.width();
    if text_width <= width {
        return format!("{text}{:pad$}", "", pad = width - text_width);
    }
    // The longest run of whole characters, from `chars`, that fits in `room` columns.
    let take = |chars: &mut dyn Iterator<Item = char>, room: usize| {
        let mut taken = Vec::new();
        let mut used = 0;
        for c in chars {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                break;
            }
            taken.push(c);
            used += w;
        }
        (taken, used)
    };
    let room = width.saturating_sub(1);
    let (head, tail) = match cut {
        Cut::End => (take(&mut text.chars(), room), (Vec::new(), 0)),
        Cut::Middle => {
            let head = take(&mut text.chars(), room - room / 2);
            let mut tail = take(&mut text.chars().rev(), room / 2);
            tail.0.reverse();
            (head, tail)
        }
    };
    let used = head.1 + tail.1 + usize::from(width > 0);
    let mut shown: String = head.0.into_iter().collect();
    if width > 0 {
        shown.push('…');
    }
    shown.extend(tail.0);
    format!("{shown}{:pad$}", "", pad = width.saturating_sub(used))
}

/// Column widths for `list`'s table: the vendor, status and retry columns whole; the code and
/// name columns their longest value, narrowed (larger first) until the message column gets
/// `MIN_MESSAGE` columns of `width`, or only as far as `MIN_CODE` when the width is too small
/// for that (the message then takes what is left, down to `LEAST`).
fn list_columns(codes: &[CodeInfo], width: usize) -> [usize; 4] {
    use unicode_width::UnicodeWidthStr;
    const MIN_MESSAGE: usize = 24;
    const MIN_CODE: usize = 12;
    const LEAST: usize = 8;
    let longest = |f: &dyn Fn(&CodeInfo) -> usize| codes.iter().map(f).max().unwrap_or(0);
    let vendor = longest(&|i| i.vendor().name().len()).max("VENDOR".len());
    let (mut code, mut name) =
        (longest(&|i| i.code().width()).max("CODE".len()), longest(&|i| i.name().width()).max("NAME".len()));
    // Two spaces between six columns; STATUS and RETRY are 6 and 10 wide.
    let room = width.saturating_sub(vendor + 6 + 10 + 5 * 2);
    let mut narrow = |message: usize, floor: usize| {
        while code + name + message > room && (code > floor || name > floor) {
            if code >= name {
                code -= 1;
            } else {
                name -= 1;
            }
        }
    };
    narrow(MIN_MESSAGE, MIN_CODE);
    narrow(LEAST, LEAST);
    let message = room.saturating_sub(code + name).max(LEAST);
    [vendor, code, name, message]
}

pub fn list(out: &mut Vec<u8>, vendor: Option<Vendor>, format: ListFormat) -> Result<(), Failure> {
    let codes: Vec<CodeInfo> =
        Vendor::enabled().filter(|v| vendor.is_none_or(|o| o == *v)).flat_map(documented_codes).collect();
    match format {
        ListFormat::Json => {
            write_json(&mut *out, TerminalSafeJson::pretty(), &codes).expect("writing to memory");
            out.push(b'\n');
        }
        ListFormat::Markdown => {
            out.extend_from_slice(
                b"| vendor | code | name | status | retry | message |\n|---|---|---|---|---|---|\n",
            );
            for info in &codes {
                let message = visible(info.spec().message()).replace('|', "\\|");
                let line = format!(
                    "| {} | `{}` | {} | {} | {} | {} |\n",
                    info.vendor(),
                    visible(info.code()),
                    info.name(),
                    status_cell(info),
                    info.retry(),
                    message
                );
                out.extend_from_slice(line.as_bytes());
            }
        }
        ListFormat::Table => {
            let [w_vendor, w_code, w_name, w_message] = list_columns(&codes, table_width());
            let mut text = format!(
                "{:w_vendor$}  {}  {}  STATUS  {:10}  MESSAGE\n",
                "VENDOR",
                fit("CODE", w_code, Cut::End),
                fit("NAME", w_name, Cut::End),
                "RETRY"
            );
            for info in &codes {
                let row = format!(
                    "{:w_vendor$}  {}  {}  {:<6}  {:10}  {}",
                    info.vendor().name(),
                    fit(&visible(info.code()), w_code, Cut::Middle),
                    fit(info.name(), w_name, Cut::Middle),
                    status_cell(info),
                    info.retry().as_str(),
                    fit(&visible(info.spec().message()), w_message, Cut::End)
                );
                text.push_str(row.trim_end());
                text.push('\n');
            }
            out.extend_from_slice(text.as_bytes());
        }
    }
    Ok(())
}

pub fn write_explained(out: &mut Vec<u8>, matches: &[CodeInfo], style: Style) {
    let mut text = String::new();
    for (n, info) in matches.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        let spec = info.spec();
        let sources = &spec.sources();
        let label = |name: &str| style.label(&format!("{name:<14}"));
        text.push_str(&format!(
            "{} {} ({}::{})\n",
            info.vendor(),
            style.strong(&visible(spec.code())),
            info.table(),
            spec.name()
        ));
        text.push_str(&format!("  {} {}\n", label("listed in:"), sources.code()));
        let status = spec.http_status().map_or_else(|| "-".to_owned(), |s| s.to_string());
        text.push_str(&format!("  {} {status}  [{}]\n", label("http status:"), sources.http_status()));
        if let Some(title) = spec.title() {
            text.push_str(&format!("  {} {}\n", label("title:"), shown(Some(title))));
        }
        if let Some(message) = spec.wire_message() {
            let message = shown(Some(message));
            text.push_str(&format!("  {} {message}  [{}]\n", label("wire message:"), sources.wire_message()));
        }
        text.push_str(&format!(
            "  {} {}  [{}]\n",
            label("description:"),
            shown(Some(spec.description())),
            sources.description()
        ));
        // Every other text: the other languages, and other documents' words for the same code.
        for other in spec.descriptions().iter().skip(1) {
            let name = format!("  ({}):", other.language());
            text.push_str(&format!(
                "  {} {}  [{}]\n",
                label(&name),
                shown(Some(other.text())),
                other.source()
            ));
        }
        // A language the table publishes for other codes but not this one: said, not made up.
        let table_languages: BTreeSet<Language> = documented_codes(info.vendor())
            .iter()
            .filter(|other| other.table() == info.table())
            .flat_map(|other| other.spec().descriptions().iter().map(|d| d.language()))
            .collect();
        for language in table_languages {
            if spec.description_in(language).is_none() {
                let name = format!("  ({language}):");
                text.push_str(&format!(
                    "  {} (the vendor publishes no text in this language)\n",
                    label(&name)
                ));
            }
        }
        text.push_str(&format!("  {} {}\n", label("remediation:"), shown(spec.remediation())));
        text.push_str(&format!("  {} {}  [{}]\n", label("retry:"), spec.retry(), sources.retry()));
    }
    out.extend_from_slice(text.as_bytes());
}

pub fn write_decoded(out: &mut Vec<u8>, error: &AnyError, style: Style) {
    let known = match error.code_name() {
        Some(name) => format!("documented as {name}"),
        None => style.warn("not in the vendor's documents"),
    };
    let label = |name: &str| style.label(&format!("{name:<13}"));
    let mut text = String::new();
    text.push_str(&format!("{} {}\n", label("vendor:"), error.vendor()));
    text.push_str(&format!(
        "{} {} ({known})\n",
        label("code:"),
        style.strong(&shown(Some(error.wire_code())))
    ));
    if error.code_from_status() {
        text.push_str(&format!(
            "{} the response holds no error envelope: the code is the HTTP status's, as aws-sdk-s3 names it\n",
            label("note:")
        ));
    }
    let status = error.http_status().map_or_else(|| "-".to_owned(), |s| s.to_string());
    text.push_str(&format!("{} {status}\n", label("http status:")));
    text.push_str(&format!("{} {}\n", label("message:"), shown(error.message())));
    text.push_str(&format!("{} {}\n", label("request id:"), shown(error.request_id())));
    text.push_str(&format!("{} {}\n", label("retry:"), error.retry()));
    text.push_str(&format!("{} {}\n", label("description:"), shown(error.code_description())));
    text.push_str(&format!("{} {}\n", label("remediation:"), shown(error.code_remediation())));
    let fields = error.fields();
    if !fields.is_empty() {
        text.push_str(&format!("{}\n", style.label("fields:")));
        for (name, value) in fields {
            let value = match &value {
                FieldValue::Json(raw) => visible(raw),
                FieldValue::Text(text) => shown(Some(text)),
                other => visible(other.as_str()),
            };
            text.push_str(&format!("  {}: {value}\n", visible(&name)));
        }
    }
    out.extend_from_slice(text.as_bytes());
}

/// The one JSON object `decode --format json` prints (and each element of `scan --format
/// json`, with `entry`, `method` and `url` first).
pub struct DecodedJson<'a> {
    error: &'a AnyError,
    capture: Option<(&'a str, &'a Capture<'a>)>,
}

impl<'a> DecodedJson<'a> {
    pub fn new(error: &'a AnyError) -> Self {
        DecodedJson { error, capture: None }
    }
}

impl Serialize for DecodedJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.error;
        let mut map = serializer.serialize_map(None)?;
        if let Some((file, capture)) = self.capture {
            map.serialize_entry("file", file)?;
            map.serialize_entry("entry", &capture.entry)?;
            map.serialize_entry("method", &capture.method)?;
            map.serialize_entry("url", &capture.url)?;
        }
        map.serialize_entry("vendor", error.vendor().name())?;
        map.serialize_entry("envelope", error.envelope().name())?;
        map.serialize_entry("code", error.wire_code())?;
        map.serialize_entry("known", &error.code_name().is_some())?;
        map.serialize_entry("name", &error.code_name())?;
        map.serialize_entry("code_from_status", &error.code_from_status())?;
        map.serialize_entry("http_status", &error.http_status())?;
        map.serialize_entry("message", &error.message())?;
        map.serialize_entry("request_id", &error.request_id())?;
        map.serialize_entry("description", &error.code_description())?;
        map.serialize_entry("remediation", &error.code_remediation())?;
        map.serialize_entry("retry", error.retry().as_str())?;
        map.serialize_entry("fields", &Fields(error.fields()))?;
        map.end()
    }
}

/// Fields as a JSON object, in order.
struct Fields(Vec<(String, FieldValue)>);

impl Serialize for Fields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            match value {
                // JSON values go out as the JSON they were, not as strings holding it.
                FieldValue::Json(text) => {
                    let raw = serde_json::value::RawValue::from_string(text.clone())
                        .map_err(serde::ser::Error::custom)?;
                    map.serialize_entry(name, &raw)?;
                }
                other => map.serialize_entry(name, other.as_str())?,
            }
        }
        map.end()
    }
}

/// The findings of one batch of a file, rendered as `scan` prints them, with their counts.
#[derive(Default)]
pub struct Findings {
    /// The rendered findings: text blocks, or JSON objects each preceded by `,\n`.
    pub output: Vec<u8>,
    pub counts: Counts,
    pub found: usize,
    /// Responses read, errors or not.
    pub seen: usize,
    /// Why reading stopped inside the batch (a line that is not a capture), after the findings
    /// before it.
    pub error: Option<String>,
}

/// Renders findings of one file; made once per batch, so that batches render on any thread.
pub struct FindingWriter<'a> {
    format: Format,
    style: Style,
    file: &'a str,
    /// The file's name as shown, spelled out once.
    shown_file: String,
    /// The labels of a text block, styled once: `  status:      ` and so on.
    labels: [String; 5],
}

impl<'a> FindingWriter<'a> {
    pub fn new(format: Format, style: Style, file: &'a str) -> Self {
        let labels = ["status:", "vendor:", "code:", "message:", "request id:"]
            .map(|name| format!("  {} ", style.label(&format!("{name:<12}"))));
        FindingWriter { format, style, file, shown_file: style.strong(&visible(file)), labels }
    }

    pub fn add(&self, findings: &mut Findings, capture: &Capture<'_>, error: &AnyError) {
        let out = &mut findings.output;
        match self.format {
            Format::Json => {
                out.extend_from_slice(b",\n");
                let json = DecodedJson { error, capture: Some((self.file, capture)) };
                write_json(&mut *out, TerminalSafeJson::compact(), &json).expect("writing to memory");
            }
            Format::Text => {
                // One block per finding, its labels aligned as in `decode`: rows of URLs and
                // messages of any length cannot line up as table columns.
                let [status, vendor, code, message, request_id] = &self.labels;
                let entry = capture.entry.to_string();
                let http_status = error.http_status().map_or_else(|| "-".to_owned(), |s| s.to_string());
                for piece in [
                    &self.shown_file,
                    "#",
                    &entry,
                    "  ",
                    &shown(capture.method.as_deref()),
                    " ",
                    &shown(capture.url.as_deref()),
                    "\n",
                    status,
                    &http_status,
                    "\n",
                    vendor,
                    error.vendor().name(),
                    "\n",
                    code,
                    &self.style.strong(&shown(Some(error.wire_code()))),
                    "\n",
                    message,
                    &shown(error.message()),
                    "\n",
                    request_id,
                    &shown(error.request_id()),
                    "\n\n",
                ] {
                    out.extend_from_slice(piece.as_bytes());
                }
            }
        }
        findings.found += 1;
        count(&mut findings.counts, error.vendor(), error.wire_code(), 1);
    }
}

/// Findings by vendor (in name order) and wire code.
pub type Counts = BTreeMap<&'static str, BTreeMap<String, usize>>;

/// Adds `n` to the count of `code`, copying the code only the first time it is seen.
fn count(counts: &mut Counts, vendor: Vendor, code: &str, n: usize) {
    let codes = counts.entry(vendor.name()).or_default();
    match codes.get_mut(code) {
        Some(total) => *total += n,
        None => {
            codes.insert(code.to_owned(), n);
        }
    }
}

/// What `scan` prints: the findings of every batch in input order, then a summary.
pub struct ScanReport {
    format: Format,
    found: usize,
    by_code: Counts,
}

impl ScanReport {
    pub fn new(format: Format) -> Self {
        ScanReport { format, found: 0, by_code: Counts::new() }
    }

    /// Writes a batch's findings after those before it.
    pub fn write(&mut self, out: &mut impl Write, findings: &Findings) -> io::Result<()> {
        let mut output = findings.output.as_slice();
        if let (Format::Json, 0, Some(first)) = (self.format, self.found, output.strip_prefix(b",\n")) {
            out.write_all(b"[\n")?;
            output = first;
        }
        out.write_all(output)?;
        self.found += findings.found;
        for (vendor, codes) in &findings.counts {
            let total = self.by_code.entry(vendor).or_default();
            for (code, n) in codes {
                *total.entry(code.clone()).or_default() += n;
            }
        }
        Ok(())
    }

    pub fn finish(&self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            Format::Json => out.write_all(if self.found == 0 { b"[]\n" } else { b"\n]\n" }),
            Format::Text => {
                writeln!(out, "{} cloud error responses found", self.found)?;
                for (vendor, codes) in &self.by_code {
                    writeln!(out, "  {vendor}: {}", codes.values().sum::<usize>())?;
                    for (code, n) in codes {
                        writeln!(out, "    {}: {n}", shown(Some(code)))?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// A one-line progress count on stderr while scanning, only when stderr is a terminal.
pub struct Progress {
    on: bool,
}

impl Progress {
    pub fn for_stderr() -> Self {
        Progress { on: io::stderr().is_terminal() }
    }

    pub fn tick(&self, file: &str, seen: usize) {
        if self.on {
            eprint!("\r{}: {seen} entries scanned", visible(file));
        }
    }

    pub fn done(&self) {
        if self.on {
            eprint!("\r\x1b[2K");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_or_cuts_to_exact_terminal_columns() {
        assert_eq!(fit("NoSuchKey", 12, Cut::Middle), "NoSuchKey   ");
        assert_eq!(fit("InvalidParameter.policyName.InUse", 16, Cut::Middle), "InvalidP…e.InUse");
        assert_eq!(fit("The policy name already exists", 12, Cut::End), "The policy …");
        // Wide characters take two columns and are never split: `…` plus padding fill the gap.
        assert_eq!(fit("用户不存在", 6, Cut::End), "用户… ");
        assert_eq!(fit("用户不存在", 10, Cut::End), "用户不存在");
        assert_eq!(fit("abc", 0, Cut::End), "");
    }

    #[test]
    fn shown_tells_empty_from_missing() {
        assert_eq!(shown(None), "-");
        assert_eq!(shown(Some("")), "(empty)");
        assert_eq!(shown(Some("a\u{1b}")), "a\\u{1b}");
    }
}
