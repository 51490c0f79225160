//! Decoding a body, or a whole HTTP response, into an [`AnyError`].

use cloud_errors_core::__private::json::JsonDocument;
use cloud_errors_core::Headers;

use crate::recognize::{envelope_of_vendor, read_recognized};
use crate::{AnyError, DecodeError, Vendor};

/// Decodes a body: with `vendor` as that vendor's envelope (the generation its shape is),
/// without it as whatever vendor's envelope it is shaped like. A body that reports success is
/// [`DecodeError::NotAnError`].
pub fn decode(body: &[u8], vendor: Option<Vendor>) -> Result<AnyError, DecodeError> {
    match vendor {
        Some(vendor) => AnyError::parse(vendor, body),
        None => read_recognized(None, &[] as &[(&str, &str)], body),
    }
}

/// Decodes an HTTP response with its status and headers (which fill in what the body lacks,
/// such as S3's request ids or Huawei's `X-Request-Id`, and help tell vendors apart). A response
/// that reports success is [`DecodeError::NotAnError`].
pub fn decode_http<H: Headers + ?Sized>(
    vendor: Option<Vendor>,
    status: u16,
    headers: &H,
    body: &[u8],
) -> Result<AnyError, DecodeError> {
    let Some(vendor) = vendor else {
        return read_recognized(Some(status), headers, body);
    };
    let mut document = JsonDocument::default();
    let (envelope, read) = envelope_of_vendor(vendor, body, &mut document);
    AnyError::read(envelope, body, Some((status, headers)), read)?
        .ok_or(DecodeError::NotAnError(envelope.vendor()))
}
