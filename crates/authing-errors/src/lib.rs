#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod envelope;
mod generated;
mod graphql;
mod v3;

pub use cloud_errors_core::{
    CloudError, Code, CodeSpec, Description, DocumentedCode, Envelope, FieldValue, Language, ParseError,
    ParseErrorKind, RetryClass, Source, Sources, UnknownCode,
};
pub use envelope::{ErrorResponse, ERROR_STATUS};
pub use generated::{ErrorCode, V3ApiCode, V3StatusCode, DOCS_SNAPSHOT, DOCS_SOURCES, VENDOR};
pub use graphql::GraphQlErrorResponse;
pub use v3::V3ErrorResponse;
