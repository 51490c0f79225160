#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod envelope;
mod generated;

pub use cloud_errors_core::{
    CloudError, Code, CodeSpec, Description, DocumentedCode, Envelope, FieldValue, Language, ParseError,
    ParseErrorKind, RetryClass, Source, Sources, UnknownCode,
};
pub use envelope::{ErrorResponse, NestedError};
pub use generated::{ClassicCode, ErrorCode, DOCS_SNAPSHOT, DOCS_SOURCES, VENDOR};
