#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod body;
mod code;
mod envelope;
mod error;
mod headers;
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub mod json;
mod language;
mod lookup;
mod macros;
mod retry;
mod table;
pub mod template;

pub use body::BodyKind;
pub use code::{wire_fingerprint, CloudError, Code, DocumentedCode, UnknownCode};
#[doc(hidden)]
pub use envelope::private;
pub use envelope::{Envelope, FieldValue};
pub use error::{check_body, ParseError, ParseErrorKind};
pub use headers::Headers;
pub use language::{Description, Language};
pub use lookup::{exact_key, short_key, BuiltHash, CodeHash, HashBuildError};
pub use macros::write_summary;
pub use retry::RetryClass;
pub use table::{CodeSpec, Source, Sources};
