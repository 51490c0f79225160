#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod envelope;
mod generated;
mod kept;
mod xml;

pub use cloud_errors_core::{
    CloudError, Code, CodeSpec, DocumentedCode, ParseError, ParseErrorKind, RetryClass, Source, Sources,
    UnknownCode,
};
pub use envelope::{
    code_for_status, Content, Element, EnvelopeKind, ErrorResponse, InvalidElementName, DECLARATION,
    IAM_NAMESPACE,
};
pub use generated::{ErrorCode, DOCS_SNAPSHOT, DOCS_SOURCES, VENDOR};
