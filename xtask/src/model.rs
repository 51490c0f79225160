//! The vendor-neutral model every document parser produces and the emitter consumes.

/// Whether retrying can succeed; mirrors `cloud_errors_core::RetryClass`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    Throttling,
    Transient,
    No,
}

impl Retry {
    /// The variant's path in generated code.
    pub fn rust_path(self) -> &'static str {
        match self {
            Retry::Throttling => "RetryClass::Throttling",
            Retry::Transient => "RetryClass::Transient",
            Retry::No => "RetryClass::No",
        }
    }
}

/// One documented code, as a document parser reads it. Fields a document does not give are
/// `None` and are decided by the vendor's overlay (see `overlay.rs`).
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
    /// The message or message template sent on the wire.
    pub message: String,
    /// The description.
    pub description: String,
    /// What to do about it.
    pub remediation: Option<String>,
    /// Tencent only: the common code the module code travels with.
    pub common: Option<i64>,
    /// The document the row was read from, relative to `docs/vendor/`.
    pub source: &'static str,
    /// The document line the row starts on (1-based).
    pub line: u32,
}

impl Row {
    /// A row with only the wire code, message and place set; the description is the message.
    pub fn new(wire: impl Into<String>, message: impl Into<String>, source: &'static str, line: u32) -> Row {
        let message = message.into();
        Row {
            wire: wire.into(),
            number: None,
            name: None,
            http_status: None,
            description: message.clone(),
            message,
            remediation: None,
            common: None,
            source,
            line,
        }
    }
}

/// What a parser read out of one document: its date or version, and its rows in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub snapshot: String,
    pub rows: Vec<Row>,
}

/// A fully decided code: every field the emitter writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeSpec {
    pub wire: String,
    pub number: Option<i64>,
    pub name: String,
    pub http_status: u16,
    pub message: String,
    pub description: String,
    pub remediation: Option<String>,
    pub retry: Retry,
    pub common: Option<i64>,
    pub source: &'static str,
    pub line: u32,
}

/// One generated enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeEnum {
    /// `ErrorCode`, or `CommonCode` for Tencent's common codes.
    pub rust_name: &'static str,
    /// Whether wire codes are numbers (emits `number()` and `TryFrom<i64>`).
    pub numeric: bool,
    pub codes: Vec<CodeSpec>,
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
