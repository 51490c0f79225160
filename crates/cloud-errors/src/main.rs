//! The `cloud-errors` command: list, explain, decode and round-trip cloud API error bodies.
//!
//! Exit status: 0 on success; 1 when the input is not an error body it can read (or a code is
//! not documented), with a one-line reason on stderr; 2 on a usage error.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use cloud_errors::{
    decode, decode_http, documented_codes, find_codes, AnyError, CloudError, CodeInfo, Vendor,
};

/// The largest input read, so that a runaway pipe cannot exhaust memory.
const MAX_INPUT: u64 = 64 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "cloud-errors",
    version,
    about = "List, explain, decode and round-trip cloud API error bodies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the documented codes of one vendor or all.
    List {
        /// Only this vendor's codes.
        #[arg(long, value_parser = parse_vendor)]
        vendor: Option<Vendor>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Explain a code (NoSuchKey, PAP5.0003, 2004, InvalidParameter.policyName.InUse); a bare
    /// number may match several vendors, and each is shown.
    Explain {
        /// The code, as sent on the wire, or its variant name.
        code: String,
        /// Only look in this vendor's table.
        #[arg(long, value_parser = parse_vendor)]
        vendor: Option<Vendor>,
        /// Output format; `json` prints each code's fields and a `sources` object.
        #[arg(long, value_enum, default_value_t = DecodeFormat::Text)]
        format: DecodeFormat,
    },
    /// Decode an error body from FILE (or standard input) and say what it means.
    Decode {
        /// The vendor; recognized from the body's shape when left out.
        #[arg(long, value_parser = parse_vendor)]
        vendor: Option<Vendor>,
        /// The HTTP status the body came with (needed for S3's body-less HEAD errors).
        #[arg(long)]
        status: Option<u16>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DecodeFormat::Text)]
        format: DecodeFormat,
        /// The file holding the body; standard input when left out.
        file: Option<PathBuf>,
    },
    /// Parse a body and print it re-serialized the way the vendor writes it.
    Roundtrip {
        /// The vendor; recognized from the body's shape when left out.
        #[arg(long, value_parser = parse_vendor)]
        vendor: Option<Vendor>,
        /// The file holding the body; standard input when left out.
        file: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum DecodeFormat {
    Text,
    Json,
}

fn parse_vendor(name: &str) -> Result<Vendor, String> {
    name.parse().map_err(|e: cloud_errors::UnknownVendor| e.to_string())
}

/// A failure that ends the command with status 1 and a one-line reason.
struct Failure(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = String::new();
    let result = match cli.command {
        Command::List { vendor, format } => list(&mut out, vendor, format),
        Command::Explain { code, vendor, format } => explain(&mut out, &code, vendor, format),
        Command::Decode { vendor, status, format, file } => {
            read_input(file.as_ref()).and_then(|body| decode_command(&mut out, &body, vendor, status, format))
        }
        Command::Roundtrip { vendor, file } => read_input(file.as_ref())
            .and_then(|body| {
                let error = decode(&body, vendor).map_err(|e| Failure(e.to_string()))?;
                Ok(error.to_bytes())
            })
            .map(|bytes| {
                // The body is written as bytes, exactly, with no newline added.
                let _ = io::stdout().write_all(&bytes);
            }),
    };
    match result {
        Ok(()) => {
            let mut stdout = io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(Failure(reason)) => {
            let line = reason.lines().next().unwrap_or_default();
            eprintln!("cloud-errors: {line}");
            ExitCode::from(1)
        }
    }
}

fn read_input(file: Option<&PathBuf>) -> Result<Vec<u8>, Failure> {
    let mut body = Vec::new();
    let (source, result) = match file {
        Some(path) => (
            path.display().to_string(),
            std::fs::File::open(path).and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut body)),
        ),
        None => ("standard input".to_owned(), io::stdin().lock().take(MAX_INPUT + 1).read_to_end(&mut body)),
    };
    result.map_err(|e| Failure(format!("cannot read {source}: {e}")))?;
    if body.len() as u64 > MAX_INPUT {
        return Err(Failure(format!(
            "{source} is larger than {} MiB; error bodies are far smaller",
            MAX_INPUT >> 20
        )));
    }
    Ok(body)
}

fn vendors(only: Option<Vendor>) -> Vec<Vendor> {
    Vendor::enabled().filter(|v| only.is_none_or(|o| o == *v)).collect()
}

/// A status for a table cell: `-` where no document gives one.
fn status_cell(info: &CodeInfo) -> String {
    info.spec.http_status.map_or_else(|| "-".to_owned(), |status| status.to_string())
}

fn list(out: &mut String, vendor: Option<Vendor>, format: ListFormat) -> Result<(), Failure> {
    let codes: Vec<CodeInfo> = vendors(vendor).into_iter().flat_map(documented_codes).collect();
    match format {
        ListFormat::Json => {
            *out = serde_json::to_string_pretty(&codes).expect("code data serializes");
            out.push('\n');
        }
        ListFormat::Markdown => {
            out.push_str("| vendor | code | name | status | retry | message |\n|---|---|---|---|---|---|\n");
            for info in &codes {
                let message = info.spec.message().replace('|', "\\|");
                writeln!(
                    out,
                    "| {} | `{}` | {} | {} | {} | {} |",
                    info.vendor,
                    info.code(),
                    info.name(),
                    status_cell(info),
                    info.retry(),
                    message
                )
                .unwrap();
            }
        }
        ListFormat::Table => {
            let width = |f: &dyn Fn(&CodeInfo) -> usize| codes.iter().map(f).max().unwrap_or(0);
            let (w_vendor, w_code, w_name) = (
                width(&|i| i.vendor.name().len()).max(6),
                width(&|i| i.code().len()).max(4),
                width(&|i| i.name().len()).max(4),
            );
            writeln!(
                out,
                "{:w_vendor$}  {:w_code$}  {:w_name$}  STATUS  {:10}  MESSAGE",
                "VENDOR", "CODE", "NAME", "RETRY"
            )
            .unwrap();
            for info in &codes {
                writeln!(
                    out,
                    "{:w_vendor$}  {:w_code$}  {:w_name$}  {:<6}  {:10}  {}",
                    info.vendor.name(),
                    info.code(),
                    info.name(),
                    status_cell(info),
                    info.retry().as_str(),
                    info.spec.message()
                )
                .unwrap();
            }
        }
    }
    Ok(())
}

fn explain(
    out: &mut String,
    code: &str,
    vendor: Option<Vendor>,
    format: DecodeFormat,
) -> Result<(), Failure> {
    let matches = find_codes(code, vendor);
    if matches.is_empty() {
        let scope = vendor.map_or_else(|| "any enabled vendor".to_owned(), |v| v.to_string());
        return Err(Failure(format!("`{code}` is not a code {scope} documents")));
    }
    if let DecodeFormat::Json = format {
        *out = serde_json::to_string_pretty(&matches).expect("code data serializes");
        out.push('\n');
        return Ok(());
    }
    for (n, info) in matches.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let spec = info.spec;
        let sources = &spec.sources;
        writeln!(out, "{} {} ({}::{})", info.vendor, spec.code, info.table, spec.name).unwrap();
        writeln!(out, "  listed in:     {}", sources.code).unwrap();
        match spec.http_status {
            Some(status) => writeln!(out, "  http status:   {status}  [{}]", sources.http_status),
            None => writeln!(out, "  http status:   -  [{}]", sources.http_status),
        }
        .unwrap();
        if let Some(title) = spec.title {
            writeln!(out, "  title:         {title}").unwrap();
        }
        if let Some(message) = spec.wire_message {
            writeln!(out, "  wire message:  {message}  [{}]", sources.wire_message).unwrap();
        }
        writeln!(out, "  description:   {}", spec.description).unwrap();
        writeln!(out, "  remediation:   {}", spec.remediation.unwrap_or("-")).unwrap();
        writeln!(out, "  retry:         {}  [{}]", spec.retry, sources.retry).unwrap();
    }
    Ok(())
}

fn decode_command(
    out: &mut String,
    body: &[u8],
    vendor: Option<Vendor>,
    status: Option<u16>,
    format: DecodeFormat,
) -> Result<(), Failure> {
    let decoded = match status {
        Some(status) => decode_http(vendor, status, &[] as &[(&str, &str)], body),
        None => decode(body, vendor),
    };
    let error = decoded.map_err(|e| Failure(e.to_string()))?;
    match format {
        DecodeFormat::Json => {
            *out = serde_json::to_string_pretty(&DecodedJson(&error)).expect("a decoded error serializes");
            out.push('\n');
        }
        DecodeFormat::Text => write_text(out, &error),
    }
    Ok(())
}

fn write_text(out: &mut String, error: &AnyError) {
    let known = match error.code_name() {
        Some(name) => format!("documented as {name}"),
        None => "not in the vendor's document".to_owned(),
    };
    writeln!(out, "vendor:       {}", error.vendor()).unwrap();
    writeln!(out, "code:         {} ({known})", error.wire_code()).unwrap();
    let status = error.http_status().map_or_else(|| "-".to_owned(), |s| s.to_string());
    writeln!(out, "http status:  {status}").unwrap();
    writeln!(out, "message:      {}", error.message().unwrap_or("-")).unwrap();
    writeln!(out, "request id:   {}", error.request_id().unwrap_or("-")).unwrap();
    writeln!(out, "retry:        {}", error.retry()).unwrap();
    writeln!(out, "description:  {}", error.code_description().unwrap_or("-")).unwrap();
    writeln!(out, "remediation:  {}", error.code_remediation().unwrap_or("-")).unwrap();
    let fields = error.fields();
    if !fields.is_empty() {
        writeln!(out, "fields:").unwrap();
        for (name, value) in fields {
            let shown = match value {
                cloud_errors::FieldValue::Json(raw) => raw.get().to_owned(),
                cloud_errors::FieldValue::Text(text) => text,
            };
            writeln!(out, "  {name}: {shown}").unwrap();
        }
    }
}

/// The one JSON object `decode --format json` prints.
struct DecodedJson<'a>(&'a AnyError);

impl serde::Serialize for DecodedJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let error = self.0;
        let mut map = serializer.serialize_map(Some(11))?;
        map.serialize_entry("vendor", error.vendor().name())?;
        map.serialize_entry("code", error.wire_code())?;
        map.serialize_entry("known", &error.code_name().is_some())?;
        map.serialize_entry("name", &error.code_name())?;
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
struct Fields(Vec<(String, cloud_errors::FieldValue)>);

impl serde::Serialize for Fields {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}
