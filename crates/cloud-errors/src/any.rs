//! One value over every enabled vendor's error response, written from the facade's one
//! vendor list (`with_vendors!`).

use cloud_errors_core::__private::json::{FirstMember, JsonDocument, Scanned};
use cloud_errors_core::{CloudError, Envelope, FieldValue, Headers, ParseError, ParseErrorKind, RetryClass};

use crate::recognize::JsonShape;
use crate::{DecodeError, EnvelopeKind, Vendor};

macro_rules! any_error {
    ($($variant:ident, $name:literal, $krate:ident, [$($table:ident),*],
       [$($envelope:ident: $response:ident $envelope_name:literal),*], $prose:literal, $doc:literal;)*) => {
        /// A decoded error response of any enabled vendor's envelope.
        ///
        /// It answers [`CloudError`] (code, message, request id, status, retry class, documented
        /// description and remediation) the same way for every vendor; [`fields`](Self::fields)
        /// lists everything else the envelope held, and the vendor's own type is one `match` away.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum AnyError {
            $($(
                #[doc = concat!("An error of ", $doc, ": `", stringify!($krate), "::", stringify!($response), "`.")]
                #[cfg(feature = $name)]
                $envelope($krate::$response),
            )*)*
        }

        impl AnyError {
            /// Reads `body` as `envelope`; a body that reports success is
            /// [`DecodeError::NotAnError`].
            pub fn parse_as(envelope: EnvelopeKind, body: &[u8]) -> Result<AnyError, DecodeError> {
                AnyError::parse_read(envelope, body, None)
            }

            /// [`parse_as`](Self::parse_as), from `document` where recognition has already
            /// read the body.
            #[inline]
            pub(crate) fn parse_read(
                envelope: EnvelopeKind,
                body: &[u8],
                document: Option<&JsonDocument<'_>>,
            ) -> Result<AnyError, DecodeError> {
                AnyError::read(envelope, body, None::<(u16, &[(&str, &str)])>, document)?
                    .ok_or(DecodeError::NotAnError(envelope.vendor()))
            }

            /// Reads an HTTP response as `envelope`; `Ok(None)` when it reports success.
            pub fn from_http<H: Headers + ?Sized>(
                envelope: EnvelopeKind,
                status: u16,
                headers: &H,
                body: &[u8],
            ) -> Result<Option<AnyError>, DecodeError> {
                AnyError::read(envelope, body, Some((status, headers)), None)
            }

            /// Reads `body` as `envelope`, as [`from_http`](Self::from_http) with `response`
            /// and [`parse_as`](Self::parse_as) without it, from `document` where recognition
            /// has already read the body: `Ok(None)` for a success.
            #[inline]
            pub(crate) fn read<H: Headers + ?Sized>(
                envelope: EnvelopeKind,
                body: &[u8],
                response: Option<(u16, &H)>,
                document: Option<&JsonDocument<'_>>,
            ) -> Result<Option<AnyError>, DecodeError> {
                let vendor = envelope.vendor();
                let error = match envelope {
                    $($(
                        #[cfg(feature = $name)]
                        EnvelopeKind::$envelope => read::<$krate::$response, H>(body, response, document)
                            .map(|e| e.map(AnyError::$envelope)),
                    )*)*
                    #[allow(unreachable_patterns)]
                    _ => return Err(DecodeError::VendorNotIncluded(vendor)),
                };
                error.map_err(|error| DecodeError::Parse { vendor: Some(vendor), error })
            }

            /// Each enabled envelope's first member in its vendor's own layout (`None`: no JSON).
            #[cfg(test)]
            pub(crate) const FIRST_KEYS: &[(EnvelopeKind, Option<&str>)] = &[
                $($(
                    #[cfg(feature = $name)]
                    (EnvelopeKind::$envelope, <$krate::$response as Envelope>::__FIRST_KEY),
                )*)*
            ];

            /// The enabled JSON envelope whose body, in its vendor's own layout, starts with
            /// the member `key`.
            pub(crate) fn first_key_envelope(key: &str) -> Option<EnvelopeKind> {
                $($(
                    #[cfg(feature = $name)]
                    if <$krate::$response as Envelope>::__FIRST_KEY == Some(key) {
                        return Some(EnvelopeKind::$envelope);
                    }
                )*)*
                None
            }

            /// Reads a JSON body as `envelope`, its first member already read (`first`, whose
            /// shape `shape` holds), while taking the shape of the others, from which `choose`
            /// chooses the envelope: the error (or [`DecodeError::NotAnError`] for a success)
            /// where it chooses `envelope`, the body read again as the one it chooses where that
            /// is another, else (a refusal, or no choice) what `otherwise` reads (see
            /// `Envelope::__read_looking`).
            #[inline]
            pub(crate) fn read_looking<H: Headers + ?Sized>(
                envelope: EnvelopeKind,
                first: &FirstMember<'_>,
                response: Option<(u16, &H)>,
                mut shape: JsonShape,
                choose: impl FnOnce(&JsonShape) -> Option<EnvelopeKind>,
                otherwise: impl FnOnce() -> Result<AnyError, DecodeError>,
            ) -> Result<AnyError, DecodeError> {
                let look = |key: &str, value: &Scanned<'_>| shape.add(key, value);
                // Each arm builds its answer where it is returned: an error is large to move.
                match envelope {
                    $($(
                        #[cfg(feature = $name)]
                        EnvelopeKind::$envelope => {
                            let Some(read) = <$krate::$response as Envelope>::__read_looking(first, response, look) else {
                                return otherwise();
                            };
                            match choose(&shape) {
                                Some(chosen) if chosen == envelope => match read {
                                    Some(error) => Ok(AnyError::$envelope(error)),
                                    None => Err(DecodeError::NotAnError(envelope.vendor())),
                                },
                                Some(chosen) => AnyError::read_first(chosen, first, response).unwrap_or_else(otherwise),
                                None => otherwise(),
                            }
                        }
                    )*)*
                    #[allow(unreachable_patterns)]
                    _ => otherwise(),
                }
            }

            /// Reads a JSON body as `envelope`, its first member already read: `None` where the
            /// envelope refuses the body.
            fn read_first<H: Headers + ?Sized>(
                envelope: EnvelopeKind,
                first: &FirstMember<'_>,
                response: Option<(u16, &H)>,
            ) -> Option<Result<AnyError, DecodeError>> {
                let read = match envelope {
                    $($(
                        #[cfg(feature = $name)]
                        EnvelopeKind::$envelope => {
                            <$krate::$response as Envelope>::__read_looking(first, response, |_, _| Some(()))?
                                .map(AnyError::$envelope)
                        }
                    )*)*
                    #[allow(unreachable_patterns)]
                    _ => return None,
                };
                Some(read.ok_or(DecodeError::NotAnError(envelope.vendor())))
            }

            /// The envelope it was read as.
            pub fn envelope(&self) -> EnvelopeKind {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(_) => EnvelopeKind::$envelope,)*)*
                }
            }

            fn inner(&self) -> &dyn CloudError {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(e) => e,)*)*
                }
            }

            /// The body written back: byte for byte as it was read (with any edits made in
            /// place), or for an envelope built here, as the vendor writes it.
            pub fn to_bytes(&self) -> Vec<u8> {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(e) => e.to_bytes(),)*)*
                }
            }

            /// The body in the vendor's canonical layout, whatever layout it was read in.
            pub fn to_canonical_bytes(&self) -> Vec<u8> {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(e) => e.to_canonical_bytes(),)*)*
                }
            }

            /// Everything the envelope held besides its primary code, message and request id, in
            /// order, values as sent. Members of nested objects are named with their path
            /// (`error.<member>`, `Response.<member>`).
            pub fn fields(&self) -> Vec<(String, FieldValue)> {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(e) => Envelope::fields(e),)*)*
                }
            }
        }
    };
}

/// Reads an error as `E` from its HTTP response (`response`) or its body alone: from
/// `document` where the envelope takes it, else from `body`. `Ok(None)` for a success.
#[allow(dead_code)] // unused only in a build without vendors, which does not compile
fn read<E: Envelope, H: Headers + ?Sized>(
    body: &[u8],
    response: Option<(u16, &H)>,
    document: Option<&JsonDocument<'_>>,
) -> Result<Option<E>, ParseError> {
    if let Some(read) = document.and_then(|document| E::__from_document(document, response)) {
        return Ok(read);
    }
    match response {
        Some((status, headers)) => E::from_http(status, headers, body),
        None => match E::parse(body) {
            Ok(error) => Ok(Some(error)),
            Err(error) if error.kind() == ParseErrorKind::NotAnError => Ok(None),
            Err(error) => Err(error),
        },
    }
}

with_vendors!(any_error);

impl AnyError {
    /// Reads `body` as `vendor`'s envelope (the generation its shape is); a body that reports
    /// success is [`DecodeError::NotAnError`].
    pub fn parse(vendor: Vendor, body: &[u8]) -> Result<AnyError, DecodeError> {
        let mut document = JsonDocument::default();
        let (envelope, read) = crate::recognize::envelope_of_vendor(vendor, body, &mut document);
        AnyError::parse_read(envelope, body, read)
    }

    /// The vendor that sent it.
    pub fn vendor(&self) -> Vendor {
        self.envelope().vendor()
    }

    /// Whether the response held no error envelope, so that its code is the HTTP status's name
    /// (S3's body-less answers to HEAD, and a proxy's page in front of S3): `NotFound` for 404,
    /// as `aws-sdk-s3` names such errors, and S3's own code for 301 and 416.
    pub fn code_from_status(&self) -> bool {
        match self {
            #[cfg(feature = "s3")]
            AnyError::S3(e) => e.form() == s3_errors::Form::StatusOnly,
            #[allow(unreachable_patterns)]
            _ => false,
        }
    }
}

impl CloudError for AnyError {
    fn wire_code(&self) -> &str {
        self.inner().wire_code()
    }
    fn code_name(&self) -> Option<&'static str> {
        self.inner().code_name()
    }
    fn message(&self) -> Option<&str> {
        self.inner().message()
    }
    fn request_id(&self) -> Option<&str> {
        self.inner().request_id()
    }
    fn http_status(&self) -> Option<u16> {
        self.inner().http_status()
    }
    fn retry(&self) -> RetryClass {
        self.inner().retry()
    }
    fn code_description(&self) -> Option<&'static str> {
        self.inner().code_description()
    }
    fn code_remediation(&self) -> Option<&'static str> {
        self.inner().code_remediation()
    }
}

impl core::fmt::Display for AnyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: ", self.vendor())?;
        cloud_errors_core::__private::write_summary(self, f)
    }
}

impl std::error::Error for AnyError {}
