//! What every JSON envelope does the same way: reading a body (refusing one that reports
//! success), reading an HTTP response, writing the body back.

use serde::de::DeserializeOwned;

use super::{from_slice_kept, to_canonical_vec, to_vec, JsonObject, JsonStyle};
use crate::{Headers, ParseError, ParseErrorKind};

/// A vendor's JSON envelope: how it tells a success from an error, what it takes from the HTTP
/// response, and the layout the vendor writes. [`json_envelope_methods!`](crate::json_envelope_methods)
/// writes `parse`, `from_http`, `to_bytes` and `to_canonical_bytes` from it.
#[doc(hidden)]
pub trait JsonEnvelope: JsonObject + DeserializeOwned {
    /// The layout the vendor writes.
    const STYLE: JsonStyle;

    /// Why the body reports success (for the refusal's message), or `None` for an error.
    fn success(&self) -> Option<&'static str> {
        None
    }

    /// Whether a response with this status is a success whatever its body.
    fn success_status(status: u16) -> bool {
        let _ = status;
        false
    }

    /// Takes what the HTTP response said besides the body (its status, a request-id header).
    fn receive<H: Headers + ?Sized>(&mut self, status: u16, headers: &H);
}

/// Reads an error body; a success body is [`ParseErrorKind::NotAnError`].
pub fn parse<T: JsonEnvelope>(body: &[u8]) -> Result<T, ParseError> {
    let envelope: T = from_slice_kept(body)?;
    match envelope.success() {
        Some(why) => Err(ParseError::new(ParseErrorKind::NotAnError, 1, 1, why)),
        None => Ok(envelope),
    }
}

/// Reads an HTTP response: `Ok(None)` for a success.
pub fn from_http<T: JsonEnvelope, H: Headers + ?Sized>(
    status: u16,
    headers: &H,
    body: &[u8],
) -> Result<Option<T>, ParseError> {
    if T::success_status(status) {
        return Ok(None);
    }
    let mut envelope: T = from_slice_kept(body)?;
    if envelope.success().is_some() {
        return Ok(None);
    }
    envelope.receive(status, headers);
    Ok(Some(envelope))
}

/// The body: the kept text with its edits, or the envelope in the vendor's layout.
#[inline]
pub fn write<T: JsonEnvelope>(envelope: &T) -> Vec<u8> {
    to_vec(envelope, T::STYLE)
}

/// The body in the vendor's canonical layout.
pub fn write_canonical<T: JsonEnvelope>(envelope: &T) -> Vec<u8> {
    to_canonical_vec(envelope, T::STYLE)
}
