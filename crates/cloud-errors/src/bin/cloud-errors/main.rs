//! The `cloud-errors` command: list, explain, decode, round-trip and scan cloud API error
//! responses.
//!
//! Exit status: 0 on success; 1 when the input is not an error it can read (or a code is not
//! documented), with a one-line reason on stderr; 2 on a usage error.

mod http_input;
mod ordered;
mod output;
mod scan;
mod suggest;
mod visible;

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use cloud_errors::{
    decode, decode_http, documented_codes, find_codes, recognize_http, AnyError, CodeInfo, DecodeError,
    Vendor,
};

use output::{DecodedJson, Style};

/// The largest input read at once, so that a runaway pipe cannot exhaust memory (`scan` reads
/// its files entry by entry instead).
const MAX_INPUT: u64 = 64 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "cloud-errors",
    version,
    about = "List, explain, decode, round-trip and scan cloud API error responses"
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
    /// Explain a code (NoSuchKey, PAP5.0003, 2004, FailedOperation.PolicyNameInUse); a bare
    /// number may match several vendors, and each is shown. An unknown code gets the nearest
    /// documented ones suggested.
    #[command(
        override_usage = "cloud-errors explain [OPTIONS] <CODE>\n       cloud-errors explain [OPTIONS] --search <WORDS>..."
    )]
    Explain {
        /// The code, as sent on the wire, or its variant name.
        #[arg(required_unless_present = "search")]
        code: Option<String>,
        /// Find codes whose message or description holds all these words instead.
        #[arg(long, num_args = 1.., conflicts_with = "code")]
        search: Option<Vec<String>>,
        /// Only look in this vendor's tables.
        #[arg(long, value_parser = parse_vendor)]
        vendor: Option<Vendor>,
        /// Output format; `json` prints each code's fields and a `sources` object.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Decode an error from FILE (or standard input): a bare body, or a whole HTTP response as
    /// `curl -i` prints it, and say what it means.
    Decode {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Decode an error and write it back: byte for byte as received (a whole HTTP response is
    /// printed whole), or with --canonical in the vendor's own layout.
    ///
    /// What it prints is the body itself, not a report about it: exact bytes, nothing added (not
    /// even a newline) and nothing made safe for a terminal, so that it can be piped or saved.
    Roundtrip {
        #[command(flatten)]
        input: Input,
        /// Write the body in the vendor's canonical layout instead of as received.
        #[arg(long)]
        canonical: bool,
    },
    /// Find every cloud error response in HAR 1.2 files or NDJSON captures
    /// (`{"status", "headers", "body"}` per line).
    Scan {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The files to scan.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write every page (one per subcommand) into a directory.
    Man {
        /// Write `cloud-errors.1` and a `cloud-errors-<SUBCOMMAND>.1` for each subcommand here
        /// (e.g. ~/.local/share/man/man1), and print the paths written.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
struct Input {
    /// The vendor; recognized from the response when left out.
    #[arg(long, value_parser = parse_vendor)]
    vendor: Option<Vendor>,
    /// The HTTP status the body came with (a pasted response's own status line gives it too).
    #[arg(long)]
    status: Option<u16>,
    /// A response header, `Name: value` (repeatable), added to those of a pasted response.
    #[arg(long = "header", value_name = "NAME: VALUE", value_parser = http_input::header_arg)]
    headers: Vec<(String, String)>,
    /// The file; standard input when left out.
    file: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn parse_vendor(name: &str) -> Result<Vendor, String> {
    name.parse().map_err(|e: cloud_errors::UnknownVendor| e.to_string())
}

/// A failure that ends the command with status 1 and a one-line reason.
struct Failure(String);

impl From<DecodeError> for Failure {
    fn from(err: DecodeError) -> Self {
        Failure(err.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    let style = Style::for_stdout();
    let mut out = Vec::new();
    let result = match cli.command {
        Command::List { vendor, format } => output::list(&mut out, vendor, format),
        Command::Explain { code, search, vendor, format } => {
            explain(&mut out, code.as_deref(), search.as_deref(), vendor, format, style)
        }
        Command::Decode { input, format } => decode_command(&mut out, &input, format, style),
        Command::Roundtrip { input, canonical } => roundtrip(&mut out, &input, canonical),
        Command::Scan { format, files } => scan_command(&files, format, style),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "cloud-errors", &mut out);
            Ok(())
        }
        Command::Man { dir } => man_pages(&mut out, dir.as_deref()),
    };
    match result {
        Ok(()) => {
            let mut stdout = io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = stdout.write_all(&out).and_then(|()| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(Failure(reason)) => {
            // One line, whatever the reason quotes: a line break in it is spelled out too.
            eprintln!("cloud-errors: {}", visible::visible(&reason));
            ExitCode::from(1)
        }
    }
}

/// `--help` and `--version` print as clap does; a usage error is printed plain, with what it
/// quotes of the arguments made visible, and exits 2.
fn usage_error(err: &clap::Error) -> ExitCode {
    if !err.use_stderr() {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    eprint!("{}", visible::visible_lines(&err.render().to_string()));
    ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
}

/// The manual pages, as clap_mangen writes them: `cloud-errors(1)` on standard output, or with
/// `dir` that page and one per subcommand (`cloud-errors-decode(1)`, ...) written there.
fn man_pages(out: &mut Vec<u8>, dir: Option<&Path>) -> Result<(), Failure> {
    let failed = |e: io::Error| Failure(format!("cannot write the manual pages: {e}"));
    let command = Cli::command();
    let Some(dir) = dir else {
        return clap_mangen::Man::new(command).render(out).map_err(failed);
    };
    clap_mangen::generate_to(command, dir).map_err(failed)?;
    let mut pages: Vec<String> = std::fs::read_dir(dir)
        .map_err(failed)?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("cloud-errors") && name.ends_with(".1"))
        .collect();
    pages.sort();
    for page in pages {
        out.extend_from_slice(format!("{}\n", dir.join(page).display()).as_bytes());
    }
    Ok(())
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

/// What the input holds: a bare body, or a whole response.
struct Received {
    response: Option<http_input::Response>,
    status: Option<u16>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn receive(input: &Input) -> Result<Received, Failure> {
    let bytes = read_input(input.file.as_ref())?;
    let response = http_input::parse(&bytes).map_err(Failure)?;
    let (mut headers, body) = match &response {
        Some(response) => (response.headers.clone(), response.body.clone()),
        None => (Vec::new(), bytes),
    };
    headers.extend(input.headers.iter().cloned());
    let status = input.status.or(response.as_ref().map(|r| r.status));
    Ok(Received { response, status, headers, body })
}

fn decode_received(received: &Received, vendor: Option<Vendor>) -> Result<AnyError, Failure> {
    let headers = received.headers.as_slice();
    let decoded = match received.status {
        Some(status) => decode_http(vendor, status, headers, &received.body),
        // Headers without a status still help tell the vendor.
        None if vendor.is_none() && !headers.is_empty() => {
            recognize_http(None, headers, &received.body).and_then(|v| decode(&received.body, Some(v)))
        }
        None => decode(&received.body, vendor),
    };
    Ok(decoded?)
}

fn decode_command(out: &mut Vec<u8>, input: &Input, format: Format, style: Style) -> Result<(), Failure> {
    let received = receive(input)?;
    let error = decode_received(&received, input.vendor)?;
    match format {
        Format::Json => {
            visible::write_json(&mut *out, visible::TerminalSafeJson::pretty(), &DecodedJson::new(&error))
                .expect("writing to memory");
            out.push(b'\n');
        }
        Format::Text => output::write_decoded(out, &error, style),
    }
    Ok(())
}

fn roundtrip(out: &mut Vec<u8>, input: &Input, canonical: bool) -> Result<(), Failure> {
    let received = receive(input)?;
    let error = decode_received(&received, input.vendor)?;
    // A whole response is printed whole: its head as received, then the body as written.
    if let Some(response) = &received.response {
        out.extend_from_slice(&response.head);
    }
    // The body is written as bytes, exactly, with no newline added.
    out.extend_from_slice(&if canonical { error.to_canonical_bytes() } else { error.to_bytes() });
    Ok(())
}

fn explain(
    out: &mut Vec<u8>,
    code: Option<&str>,
    search: Option<&[String]>,
    vendor: Option<Vendor>,
    format: Format,
    style: Style,
) -> Result<(), Failure> {
    let scope = vendor.map_or_else(|| "any enabled vendor".to_owned(), |v| v.to_string());
    let in_scope = || -> Vec<CodeInfo> {
        Vendor::enabled().filter(|v| vendor.is_none_or(|o| o == *v)).flat_map(documented_codes).collect()
    };
    let matches = match (code, search) {
        (_, Some(words)) => {
            let found = suggest::search(words, &in_scope());
            if found.is_empty() {
                return Err(Failure(format!(
                    "no code {scope} documents has the words `{}`",
                    words.join(" ")
                )));
            }
            found
        }
        (Some(code), None) => {
            let found = find_codes(code, vendor);
            if found.is_empty() {
                let near = suggest::nearest(code, &in_scope(), 3);
                let hint = if near.is_empty() {
                    String::new()
                } else {
                    let names: Vec<String> =
                        near.iter().map(|i| format!("{} {}", i.vendor(), i.code())).collect();
                    format!("; did you mean {}?", names.join(", "))
                };
                return Err(Failure(format!("`{code}` is not a code {scope} documents{hint}")));
            }
            found
        }
        (None, None) => unreachable!("clap requires a code or --search"),
    };
    match format {
        Format::Json => {
            visible::write_json(&mut *out, visible::TerminalSafeJson::pretty(), &matches)
                .expect("writing to memory");
            out.push(b'\n');
        }
        Format::Text => output::write_explained(out, &matches, style),
    }
    Ok(())
}

fn scan_command(files: &[PathBuf], format: Format, style: Style) -> Result<(), Failure> {
    let stdout = io::stdout();
    let mut writer = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut report = output::ScanReport::new(format);
    let progress = output::Progress::for_stderr();
    // Batches are decoded on every core; one core's worth is left for reading and writing
    // only when there are cores to spare.
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    for path in files {
        let name = path.display().to_string();
        let fail = |reason: String| Failure(format!("{name}: {reason}"));
        let file = std::fs::File::open(path).map_err(|e| Failure(format!("cannot read {name}: {e}")))?;
        let mut seen = 0usize;
        let decode_batch = |batch: scan::Batch| {
            let finder = output::FindingWriter::new(format, style, &name);
            let mut findings = output::Findings { seen: batch.len(), ..Default::default() };
            findings.error = batch
                .for_each(&mut |capture| {
                    if let Ok(error) = decode_http(None, capture.status, &capture.headers, &capture.body) {
                        finder.add(&mut findings, capture, &error);
                    }
                })
                .err();
            findings
        };
        ordered::map_ordered(
            workers,
            decode_batch,
            |submit| scan::read(&name, file, submit),
            |findings| {
                report.write(&mut writer, &findings).map_err(|e| e.to_string())?;
                seen += findings.seen;
                progress.tick(&name, seen);
                findings.error.map_or(Ok(()), Err)
            },
        )
        .map_err(fail)?;
        progress.done();
    }
    report.finish(&mut writer).map_err(|e| Failure(e.to_string()))?;
    writer.flush().map_err(|e| Failure(e.to_string()))
}
