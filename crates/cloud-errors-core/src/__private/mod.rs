//! Shared by the vendor crates' generated tables, envelopes and macros; not a stable API.

#[cfg(feature = "json")]
pub mod json;
pub mod template;

pub use crate::code::wire_fingerprint;
pub use crate::envelope::private::Sealed;
pub use crate::error::{check_body, offset_of};
pub use crate::lookup::{exact_key, short_key, BuiltHash, CodeHash, HashBuildError};
pub use crate::macros::write_summary;
pub use crate::table::{row, sources};
