#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod envelope;
mod generated;

pub use cloud_errors_core::{
    CloudError, Code, DocumentedCode, ParseError, ParseErrorKind, RetryClass, UnknownCode,
};
pub use envelope::{ErrorResponse, SUCCESS};
pub use generated::{CommonCode, ErrorCode, DOCS_SNAPSHOT, DOCS_SOURCES, VENDOR};
