#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod envelope;
mod generated;
mod v3;

pub use cloud_errors_core::{
    CloudError, Code, CodeSpec, Description, DocumentedCode, Envelope, FieldValue, Language, ParseError,
    ParseErrorKind, RetryClass, Source, Sources, UnknownCode,
};
pub use envelope::{ErrorResponse, ERROR_STATUS};
pub use generated::{CommonCode, ErrorCode, V3ErrorCode, DOCS_SNAPSHOT, DOCS_SOURCES, VENDOR};
pub use v3::V3ErrorResponse;

impl ErrorCode {
    /// The common code (`code`) this module code travels with, as the document pairs them.
    pub const fn common(self) -> CommonCode {
        generated::ERROR_CODE_COMMON[self as usize]
    }
}
