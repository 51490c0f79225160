//! The shared vocabulary of the `cloud-errors` crates.
//!
//! Every vendor crate (`s3-errors`, `huawei-iam-errors`, ...) generates its own `ErrorCode` enum
//! and hand-writes its own wire envelope, but they all speak in the terms defined here:
//!
//! - [`RetryClass`]: whether a failed call is worth retrying, and how.
//! - [`Code`]: a wire code that is either documented (a vendor `ErrorCode`) or unknown and kept
//!   exactly as it was sent.
//! - [`DocumentedCode`] and [`CloudError`]: the traits generic code uses to ask any vendor's code
//!   or error for its wire code, message, request id, HTTP status and retry class.
//! - [`template`]: the vendors' message templates (`%s`, `%d`, `{}`), rendered and matched back.
//! - [`ParseError`]: the one error every envelope parser returns, with a category, a line and a
//!   column.
//!
//! This crate knows nothing about any particular vendor.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod code;
mod error;
mod headers;
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub mod json;
mod macros;
mod retry;
pub mod template;

pub use code::{CloudError, Code, DocumentedCode, UnknownCode};
pub use error::{check_body, ParseError, ParseErrorKind};
pub use headers::Headers;
pub use macros::write_summary;
pub use retry::RetryClass;
