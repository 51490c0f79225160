use crate::{CloudError, Headers, ParseError};

/// A vendor's error envelope: a [`CloudError`] read from, and written back to, the body it
/// travels in.
///
/// Every envelope type of every vendor crate implements it (each generation of a vendor's
/// envelopes is its own type), so code generic over `E: Envelope` reads, inspects and writes
/// any of them. The trait is sealed: the vendor crates are its only implementors.
///
/// Every envelope treats a body that reports success the same way: [`parse`](Self::parse)
/// refuses it with [`ParseErrorKind::NotAnError`](crate::ParseErrorKind::NotAnError) and
/// [`from_http`](Self::from_http) answers `Ok(None)`.
pub trait Envelope: CloudError + Clone + Sized + private::Sealed {
    /// The envelope's short name, as `cloud-errors decode --format json` gives it
    /// (`"s3"`, `"authing-v3"`).
    const NAME: &'static str;
    /// The vendor's name, as the `cloud-errors` command spells it (`"s3"`, `"huawei-iam"`).
    const VENDOR: &'static str;

    /// Reads an error body. Members the envelope does not model are kept as sent.
    fn parse(body: &[u8]) -> Result<Self, ParseError>;

    /// Reads an HTTP response: `Ok(None)` when it reports success. The status and headers
    /// fill in what the body leaves out (the request id, the status itself).
    fn from_http<H: Headers + ?Sized>(
        status: u16,
        headers: &H,
        body: &[u8],
    ) -> Result<Option<Self>, ParseError>;

    /// The body: byte for byte as it was read (edits are made in place), or for an envelope
    /// built here, as the vendor writes it.
    fn to_bytes(&self) -> impl AsRef<[u8]>;

    /// The body in the vendor's canonical layout, whatever layout it was read in.
    fn to_canonical_bytes(&self) -> Vec<u8>;

    /// Everything the envelope holds besides its primary code, message and request id, in
    /// order, values as sent. Members of nested objects are named with their path
    /// (`error.<member>`, `Response.<member>`).
    fn fields(&self) -> Vec<(String, FieldValue)>;

    /// The first member of the envelope's JSON body in the vendor's own layout (`None` for an
    /// envelope that is not JSON): a body that starts with it is most likely this envelope, so
    /// the facade reads it as this envelope (with [`__read_looking`](Self::__read_looking))
    /// while it reads it to recognize it. Not part of the public API.
    #[doc(hidden)]
    #[cfg(feature = "json")]
    const __FIRST_KEY: Option<&'static str> = None;

    /// Reads a JSON body, its first member already read (the facade judges from it which
    /// envelope the body likely is), as [`__from_document`](Self::__from_document) reads a
    /// document, showing `look` each other member as it is read; `None` also where `look`
    /// answers `None`, or for an envelope that is not JSON. Not part of the public API.
    #[doc(hidden)]
    #[cfg(feature = "json")]
    fn __read_looking<'a, H: Headers + ?Sized>(
        first: &crate::__private::json::FirstMember<'a>,
        response: Option<(u16, &H)>,
        look: impl FnMut(&str, &crate::__private::json::Scanned<'a>) -> Option<()>,
    ) -> Option<Option<Self>> {
        let _ = (first, response, look);
        None
    }

    /// Reads the envelope from a body already read as a JSON document (the facade reads a body
    /// once to recognize it, then hands the document over): as [`from_http`](Self::from_http)
    /// with `response` and [`parse`](Self::parse) without it, `Some(None)` for a success, and
    /// `None` where the caller must read the body itself (an envelope that is not JSON, or a
    /// body this envelope refuses, whose error the read explains). Not part of the public API.
    #[doc(hidden)]
    #[cfg(feature = "json")]
    fn __from_document<H: Headers + ?Sized>(
        document: &crate::__private::json::JsonDocument<'_>,
        response: Option<(u16, &H)>,
    ) -> Option<Option<Self>> {
        let _ = (document, response);
        None
    }
}

/// A member of an envelope, as it was sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldValue {
    /// A JSON value, as its exact text (`null`, `1.50`, `{"a": [1]}`, `"text"` with its quotes).
    Json(String),
    /// An XML element's text (or, for an element holding markup, the markup).
    Text(String),
}

impl FieldValue {
    /// The value's text: the JSON text, or the element's text.
    pub fn as_str(&self) -> &str {
        match self {
            FieldValue::Json(text) | FieldValue::Text(text) => text,
        }
    }
}

/// Implementation details the vendor crates' macros use; not part of the public API.
#[doc(hidden)]
pub mod private {
    /// Seals [`Envelope`](super::Envelope).
    #[doc(hidden)]
    pub trait Sealed {}
}

#[cfg(test)]
mod tests {
    use super::FieldValue;

    /// The trait's defaults, on an envelope that reads no JSON.
    #[cfg(feature = "json")]
    mod defaults {
        use super::super::{private, Envelope, FieldValue};
        use crate::macros::tests::Parts;
        use crate::{Headers, ParseError};

        const BARE: Parts = Parts { status: None, message: None, request_id: None };

        /// An envelope with nothing but what the trait requires, as S3's XML envelope is: it
        /// reads no JSON document.
        impl private::Sealed for Parts {}

        impl Envelope for Parts {
            const NAME: &'static str = "bare";
            const VENDOR: &'static str = "test";
            fn parse(_: &[u8]) -> Result<Self, ParseError> {
                Ok(BARE)
            }
            fn from_http<H: Headers + ?Sized>(_: u16, _: &H, _: &[u8]) -> Result<Option<Self>, ParseError> {
                Ok(Some(BARE))
            }
            fn to_bytes(&self) -> impl AsRef<[u8]> {
                []
            }
            fn to_canonical_bytes(&self) -> Vec<u8> {
                Vec::new()
            }
            fn fields(&self) -> Vec<(String, FieldValue)> {
                Vec::new()
            }
        }

        #[test]
        fn an_envelope_that_reads_no_json_leaves_a_read_document_to_its_own_reader() {
            let document = crate::__private::json::JsonDocument::read("{}").unwrap();
            assert!(Parts::__from_document(&document, None::<(u16, &[(&str, &str)])>).is_none());
            assert!(Parts::__from_document(&document, Some((500, &[("a", "b")]))).is_none());
        }
    }

    #[test]
    fn a_field_value_gives_its_text() {
        assert_eq!(FieldValue::Json("[1]".into()).as_str(), "[1]");
        assert_eq!(FieldValue::Text("x".into()).as_str(), "x");
    }
}
