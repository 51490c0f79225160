//! The vendor-neutral model every document parser produces and the emitter consumes.

pub use cloud_errors_core::{Language, RetryClass};

/// Where a field of a code comes from, as regen knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A document in `docs/vendor/` and the lines (1-based, `line` to `last`) that hold the
    /// field's words.
    Document { file: &'static str, line: u32, last: u32 },
    /// An overlay decision and the evidence it cites.
    Overlay { file: String, evidence: String },
    /// Nothing gives it: the field is absent, or (for a retry class) the default.
    Unstated,
}

impl Origin {
    /// One line of a document.
    pub fn at(file: &'static str, line: u32) -> Origin {
        Origin::Document { file, line, last: line }
    }

    /// The lines `(first, last)` of a document.
    pub fn lines(file: &'static str, (line, last): (u32, u32)) -> Origin {
        Origin::Document { file, line, last }
    }

    /// `Some` value's origin is `place`; `None` is unstated.
    pub fn of<T>(value: &Option<T>, place: &Origin) -> Origin {
        if value.is_some() {
            place.clone()
        } else {
            Origin::Unstated
        }
    }
}

/// One documented code, as a document parser reads it. Fields a document does not give are
/// `None`; regen decides the rest from the vendor's overlay and names file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The code as it travels on the wire.
    pub wire: String,
    /// The code as a number, for numeric vendors.
    pub number: Option<i64>,
    /// A name the document itself suggests (S3 code, AWS constant, Tencent codeDesc), already
    /// turned into a Rust variant name.
    pub name: Option<String>,
    /// The HTTP status, where the document gives one per code.
    pub http_status: Option<u16>,
    /// The lines that hold each field, where they are not the row's own `line`.
    pub places: Places,
    /// The text the servers send as the message, where the document gives it.
    pub wire_message: Option<String>,
    /// A short title besides the description (Tencent's error type).
    pub title: Option<String>,
    /// The description.
    pub description: String,
    /// The language the description is written in (its document's).
    pub language: Language,
    /// The description in other languages, or as other documents give it.
    pub other_descriptions: Vec<Translation>,
    /// What to do about it.
    pub remediation: Option<String>,
    /// A code of another enum of the same vendor this one travels with (Tencent's common code).
    pub common: Option<i64>,
    /// AWS's SOAP fault code prefix (`Client` or `Server`), where AWS's S3 list gives one.
    pub soap_fault: Option<(String, Origin)>,
    /// The document the row was read from, relative to `docs/vendor/`.
    pub source: &'static str,
    /// The document line the row starts on (1-based).
    pub line: u32,
}

impl Row {
    /// A row with only the wire code, description and place set.
    pub fn new(
        wire: impl Into<String>,
        description: impl Into<String>,
        source: &'static str,
        line: u32,
    ) -> Row {
        Row {
            wire: wire.into(),
            number: None,
            name: None,
            http_status: None,
            places: Places::default(),
            wire_message: None,
            title: None,
            description: description.into(),
            language: crate::parse::language_of(source),
            other_descriptions: Vec::new(),
            remediation: None,
            common: None,
            soap_fault: None,
            source,
            line,
        }
    }

    /// Where a field is given: its own lines (`places`), else the row's line.
    pub fn at(&self, place: Option<(u32, u32)>) -> Origin {
        Origin::lines(self.source, place.unwrap_or((self.line, self.line)))
    }
}

/// The lines (first, last) that hold each field of a row, where a document puts a field
/// elsewhere than the row's first line: on a line of its own (a one-cell-per-line dump, a
/// comment above a constant), over several lines (a wrapped cell), or once for a whole table
/// (a page-wide status).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Places {
    pub code: Option<(u32, u32)>,
    pub status: Option<(u32, u32)>,
    pub message: Option<(u32, u32)>,
    pub title: Option<(u32, u32)>,
    pub description: Option<(u32, u32)>,
    pub remediation: Option<(u32, u32)>,
}

/// A description in one language, and where it is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    pub language: Language,
    pub text: String,
    pub origin: Origin,
}

/// What a parser read out of one document: its date or version, and its rows in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub snapshot: String,
    pub rows: Vec<Row>,
}

/// The rows of one generated enum, before names, retry classes and sources are decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumRows {
    /// `ErrorCode`, `CommonCode`, ...
    pub rust_name: &'static str,
    /// Whether wire codes are numbers (the lookup is then by number).
    pub numeric: bool,
    /// What the generated enum's documentation says it lists.
    pub summary: String,
    pub rows: Vec<Row>,
    /// Where a field of a row comes from, when a second document supplied it (S3's server
    /// list gives the wire message and status of codes the first document describes).
    pub field_origins: Vec<FieldOrigins>,
    /// The number that reports success where the enum's codes travel, where a document says it.
    pub success: Option<Success>,
}

/// The number a vendor sends, where its error codes travel, when a call succeeds (Tencent's
/// `code` 0, Authing V3's `statusCode` 200): no row lists it, and recognition and the envelopes
/// need it; with where it is said (a document's line, or an overlay decision).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Success {
    pub number: i64,
    pub origin: Origin,
    /// The document's words that say it (none for an overlay decision).
    pub quote: Option<String>,
}

/// Per-row overrides of where fields come from (by default, the row's own place).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldOrigins {
    pub http_status: Option<Origin>,
    pub wire_message: Option<Origin>,
    /// The documents disagree on the status (what each says): an overlay entry must decide.
    pub http_status_conflict: Option<String>,
}

/// Where each field of a decided code comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecSources {
    pub code: Origin,
    pub http_status: Origin,
    pub wire_message: Origin,
    pub title: Origin,
    pub description: Origin,
    pub remediation: Origin,
    pub retry: Origin,
}

/// A fully decided code: every field the emitter writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeSpec {
    pub wire: String,
    pub number: Option<i64>,
    pub name: String,
    pub http_status: Option<u16>,
    pub wire_message: Option<String>,
    pub title: Option<String>,
    pub description: String,
    /// Every language's description, the primary one first.
    pub descriptions: Vec<Translation>,
    pub remediation: Option<String>,
    pub retry: RetryClass,
    pub common: Option<i64>,
    pub soap_fault: Option<(String, Origin)>,
    pub sources: SpecSources,
}

/// One generated enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeEnum {
    pub rust_name: &'static str,
    pub numeric: bool,
    pub summary: String,
    pub codes: Vec<CodeSpec>,
    pub success: Option<Success>,
}

/// Everything generated for one vendor crate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VendorTable {
    pub vendor: &'static str,
    /// The vendor documents the table came from, relative to `docs/vendor/`.
    pub sources: Vec<&'static str>,
    pub snapshot: String,
    pub enums: Vec<CodeEnum>,
}
