#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod document;
mod envelope;
mod explain;
mod generated;
mod json;
mod kept;
mod read;
mod syntax;
mod tokens;
mod write;

pub use cloud_errors_core::{
    CloudError, Code, CodeSpec, Description, DocumentedCode, Envelope, FieldValue, Language, ParseError,
    ParseErrorKind, RetryClass, Source, Sources, UnknownCode,
};
pub use document::{Content, Element, ErrorResponse, Form, InvalidElementName, DECLARATION, IAM_NAMESPACE};
pub use envelope::code_for_status;
pub use generated::{ErrorCode, DOCS_SNAPSHOT, DOCS_SOURCES, VENDOR};
pub use json::{JsonErrorResponse, QueryJsonErrorResponse};

/// Whose fault an error is, as AWS's S3 list says in its SOAP fault code prefix (the REST API's
/// Query envelope says the same in `<Type>`: `Sender` or `Receiver`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SoapFaultPrefix {
    /// The request was at fault (`Client`).
    Client,
    /// The service was at fault (`Server`).
    Server,
}

impl SoapFaultPrefix {
    /// As AWS writes it: `Client` or `Server`.
    pub const fn as_str(self) -> &'static str {
        match self {
            SoapFaultPrefix::Client => "Client",
            SoapFaultPrefix::Server => "Server",
        }
    }
}

impl ErrorCode {
    /// AWS's SOAP fault code prefix for the code, and the line of AWS's list that gives it;
    /// `None` for codes AWS's list lacks or gives none (`N/A`).
    pub const fn soap_fault_prefix(self) -> Option<(SoapFaultPrefix, Source)> {
        generated::ERROR_CODE_SOAP_FAULT[self as usize]
    }
}

/// The two readers [`ErrorResponse::parse`] uses, each alone, for tests and fuzzing that
/// compare them: the reader takes every body, and quick-xml's reader reads the ones it refuses
/// to report what is wrong and where. Each must take exactly what the other takes.
#[doc(hidden)]
pub mod readers {
    use crate::{ErrorResponse, ParseError};

    /// The reader alone: `None` where it refuses the body.
    pub fn ours(body: &[u8]) -> Option<ErrorResponse> {
        crate::read::read(cloud_errors_core::__private::check_body(body).ok()?)
    }

    /// quick-xml's reader alone.
    pub fn quick_xml(body: &[u8]) -> Result<ErrorResponse, ParseError> {
        crate::explain::parse_with_quick_xml(cloud_errors_core::__private::check_body(body)?)
    }
}
