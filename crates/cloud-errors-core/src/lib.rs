#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod body;
mod code;
mod envelope;
mod error;
mod headers;
mod language;
mod lookup;
mod macros;
mod retry;
mod table;

pub use body::BodyKind;
pub use code::{CloudError, Code, DocumentedCode, UnknownCode};
pub use envelope::{Envelope, FieldValue};
pub use error::{ParseError, ParseErrorKind};
pub use headers::Headers;
pub use language::{Description, Language};
pub use retry::RetryClass;
pub use table::{CodeSpec, Source, Sources};

/// What the vendor crates' generated tables, envelopes and macros share: the JSON document
/// machinery, the code lookups, the table-row constructors. Not a stable API: it changes
/// whenever the vendor crates need it to, in any release.
#[doc(hidden)]
pub mod __private;
