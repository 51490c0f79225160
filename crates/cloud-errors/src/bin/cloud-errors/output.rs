//! How the command shows things: text (coloured on a terminal), tables, and the JSON objects
//! whose schema the README documents.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};

use cloud_errors::{documented_codes, AnyError, CloudError, CodeInfo, FieldValue, Vendor};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::scan::Capture;
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
    info.spec.http_status.map_or_else(|| "-".to_owned(), |status| status.to_string())
}

pub fn list(out: &mut Vec<u8>, vendor: Option<Vendor>, format: ListFormat) -> Result<(), Failure> {
    let codes: Vec<CodeInfo> =
        Vendor::enabled().filter(|v| vendor.is_none_or(|o| o == *v)).flat_map(documented_codes).collect();
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &codes).expect("writing to memory");
            out.push(b'\n');
        }
        ListFormat::Markdown => {
            out.extend_from_slice(
                b"| vendor | code | name | status | retry | message |\n|---|---|---|---|---|---|\n",
            );
            for info in &codes {
                let message = info.spec.message().replace('|', "\\|");
                let line = format!(
                    "| {} | `{}` | {} | {} | {} | {} |\n",
                    info.vendor,
                    info.code(),
                    info.name(),
                    status_cell(info),
                    info.retry(),
                    message
                );
                out.extend_from_slice(line.as_bytes());
            }
        }
        ListFormat::Table => {
            let width = |f: &dyn Fn(&CodeInfo) -> usize| codes.iter().map(f).max().unwrap_or(0);
            let (w_vendor, w_code, w_name) = (
                width(&|i| i.vendor.name().len()).max(6),
                width(&|i| i.code().len()).max(4),
                width(&|i| i.name().len()).max(4),
            );
            let mut text = format!(
                "{:w_vendor$}  {:w_code$}  {:w_name$}  STATUS  {:10}  MESSAGE\n",
                "VENDOR", "CODE", "NAME", "RETRY"
            );
            for info in &codes {
                text.push_str(&format!(
                    "{:w_vendor$}  {:w_code$}  {:w_name$}  {:<6}  {:10}  {}\n",
                    info.vendor.name(),
                    info.code(),
                    info.name(),
                    status_cell(info),
                    info.retry().as_str(),
                    info.spec.message()
                ));
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
        let spec = info.spec;
        let sources = &spec.sources;
        let label = |name: &str| style.label(&format!("{name:<14}"));
        text.push_str(&format!(
            "{} {} ({}::{})\n",
            info.vendor,
            style.strong(spec.code),
            info.table,
            spec.name
        ));
        text.push_str(&format!("  {} {}\n", label("listed in:"), sources.code));
        let status = spec.http_status.map_or_else(|| "-".to_owned(), |s| s.to_string());
        text.push_str(&format!("  {} {status}  [{}]\n", label("http status:"), sources.http_status));
        if let Some(title) = spec.title {
            text.push_str(&format!("  {} {title}\n", label("title:")));
        }
        if let Some(message) = spec.wire_message {
            text.push_str(&format!("  {} {message}  [{}]\n", label("wire message:"), sources.wire_message));
        }
        text.push_str(&format!("  {} {}\n", label("description:"), spec.description));
        text.push_str(&format!("  {} {}\n", label("remediation:"), spec.remediation.unwrap_or("-")));
        text.push_str(&format!("  {} {}  [{}]\n", label("retry:"), spec.retry, sources.retry));
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
    text.push_str(&format!("{} {} ({known})\n", label("code:"), style.strong(error.wire_code())));
    if error.code_from_status() {
        text.push_str(&format!(
            "{} the response holds no error envelope: the code is the HTTP status's, as aws-sdk-s3 names it\n",
            label("note:")
        ));
    }
    let status = error.http_status().map_or_else(|| "-".to_owned(), |s| s.to_string());
    text.push_str(&format!("{} {status}\n", label("http status:")));
    text.push_str(&format!("{} {}\n", label("message:"), error.message().unwrap_or("-")));
    text.push_str(&format!("{} {}\n", label("request id:"), error.request_id().unwrap_or("-")));
    text.push_str(&format!("{} {}\n", label("retry:"), error.retry()));
    text.push_str(&format!("{} {}\n", label("description:"), error.code_description().unwrap_or("-")));
    text.push_str(&format!("{} {}\n", label("remediation:"), error.code_remediation().unwrap_or("-")));
    let fields = error.fields();
    if !fields.is_empty() {
        text.push_str(&format!("{}\n", style.label("fields:")));
        for (name, value) in fields {
            let shown = match value {
                FieldValue::Json(raw) => raw.get().to_owned(),
                FieldValue::Text(text) => text,
            };
            text.push_str(&format!("  {name}: {shown}\n"));
        }
    }
    out.extend_from_slice(text.as_bytes());
}

/// The one JSON object `decode --format json` prints (and each element of `scan --format
/// json`, with `entry`, `method` and `url` first).
pub struct DecodedJson<'a> {
    error: &'a AnyError,
    capture: Option<(&'a str, &'a Capture)>,
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
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// What `scan` prints: a row (or JSON object) per error as it is found, then a summary.
pub struct ScanReport {
    format: Format,
    style: Style,
    found: usize,
    by_code: BTreeMap<(String, String), usize>,
}

impl ScanReport {
    pub fn new(format: Format, style: Style) -> Self {
        ScanReport { format, style, found: 0, by_code: BTreeMap::new() }
    }

    pub fn add(
        &mut self,
        out: &mut impl Write,
        file: &str,
        capture: &Capture,
        error: &AnyError,
    ) -> io::Result<()> {
        match self.format {
            Format::Json => {
                out.write_all(if self.found == 0 { b"[\n" } else { b",\n" })?;
                let json = DecodedJson { error, capture: Some((file, capture)) };
                serde_json::to_writer(&mut *out, &json).map_err(io::Error::other)?;
            }
            Format::Text => {
                if self.found == 0 {
                    writeln!(
                        out,
                        "{}",
                        self.style.label("ENTRY  METHOD  URL  STATUS  VENDOR  CODE  MESSAGE  REQUEST ID")
                    )?;
                }
                let status = error.http_status().map_or_else(|| "-".to_owned(), |s| s.to_string());
                writeln!(
                    out,
                    "{file}#{}  {}  {}  {status}  {}  {}  {}  {}",
                    capture.entry,
                    capture.method.as_deref().unwrap_or("-"),
                    capture.url.as_deref().unwrap_or("-"),
                    error.vendor(),
                    self.style.strong(error.wire_code()),
                    error.message().unwrap_or("-"),
                    error.request_id().unwrap_or("-"),
                )?;
            }
        }
        self.found += 1;
        *self.by_code.entry((error.vendor().name().to_owned(), error.wire_code().to_owned())).or_default() +=
            1;
        Ok(())
    }

    pub fn finish(&self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            Format::Json => out.write_all(if self.found == 0 { b"[]\n" } else { b"\n]\n" }),
            Format::Text => {
                writeln!(out, "\n{} cloud error responses found", self.found)?;
                let mut by_vendor: BTreeMap<&str, usize> = BTreeMap::new();
                for ((vendor, _), count) in &self.by_code {
                    *by_vendor.entry(vendor).or_default() += count;
                }
                for (vendor, count) in by_vendor {
                    writeln!(out, "  {vendor}: {count}")?;
                    for ((_, code), n) in self.by_code.iter().filter(|((v, _), _)| v == vendor) {
                        writeln!(out, "    {code}: {n}")?;
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
        if self.on && seen % 500 == 0 {
            eprint!("\r{file}: {seen} entries scanned");
        }
    }

    pub fn done(&self) {
        if self.on {
            eprint!("\r\x1b[2K");
        }
    }
}
