//! Impls every vendor's `ErrorResponse` shares, written once.

use core::fmt;

use crate::CloudError;

/// Writes the one-line summary every vendor's `ErrorResponse` displays:
/// `NoSuchKey (HTTP 404): The specified key does not exist. [request id 4442587FB7D0A2F9]`.
pub fn write_summary<E: CloudError + ?Sized>(error: &E, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(error.wire_code())?;
    if let Some(status) = error.http_status() {
        write!(f, " (HTTP {status})")?;
    }
    write!(f, ": {}", error.message().unwrap_or("(no message)"))?;
    if let Some(id) = error.request_id() {
        write!(f, " [request id {id}]")?;
    }
    Ok(())
}

/// Implements `Display`, `std::error::Error`, [`CloudError`] and [`Envelope`](crate::Envelope)
/// for a vendor's envelope type from its inherent `wire_code()`, `spec()` (the table row that
/// describes the response, if any), `message()`, `request_id()`, `http_status()`, `retry()`,
/// `parse()`, `from_http()`, `to_bytes()`, `to_canonical_bytes()` and `field_list()`. A JSON
/// envelope names the functions that read it from a document the facade has already read and
/// from a body the facade reads as it recognizes it (`json: from_document, read_looking`).
#[doc(hidden)]
#[macro_export]
macro_rules! impl_cloud_error {
    ($response:ty, $code:ty, $name:literal $(, json: $document_reader:path, $text_reader:path)?) => {
        impl $crate::__private::Sealed for $response {}

        impl $crate::Envelope for $response {
            const NAME: &'static str = $name;
            const VENDOR: &'static str = <$code as $crate::DocumentedCode>::VENDOR;
            fn parse(body: &[u8]) -> ::core::result::Result<Self, $crate::ParseError> {
                <$response>::parse(body)
            }
            fn from_http<H: $crate::Headers + ?Sized>(
                status: u16,
                headers: &H,
                body: &[u8],
            ) -> ::core::result::Result<::core::option::Option<Self>, $crate::ParseError> {
                <$response>::from_http(status, headers, body)
            }
            fn to_bytes(&self) -> impl ::core::convert::AsRef<[u8]> {
                <$response>::to_bytes(self)
            }
            fn to_canonical_bytes(&self) -> ::std::vec::Vec<u8> {
                <$response>::to_canonical_bytes(self)
            }
            fn fields(&self) -> ::std::vec::Vec<(::std::string::String, $crate::FieldValue)> {
                self.field_list()
            }
            $(
                const __FIRST_KEY: ::core::option::Option<&'static str> =
                    ::core::option::Option::Some(<Self as $crate::__private::json::JsonObject>::KEYS[0]);
                fn __read_looking<'a, H: $crate::Headers + ?Sized>(
                    first: &$crate::__private::json::FirstMember<'a>,
                    response: ::core::option::Option<(u16, &H)>,
                    look: impl FnMut(&str, &$crate::__private::json::Scanned<'a>) -> ::core::option::Option<()>,
                ) -> ::core::option::Option<::core::option::Option<Self>> {
                    $text_reader(first, response, look)
                }
                fn __from_document<H: $crate::Headers + ?Sized>(
                    document: &$crate::__private::json::JsonDocument<'_>,
                    response: ::core::option::Option<(u16, &H)>,
                ) -> ::core::option::Option<::core::option::Option<Self>> {
                    $document_reader(document, response)
                }
            )?
        }

        impl ::core::fmt::Display for $response {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::__private::write_summary(self, f)
            }
        }

        impl ::std::error::Error for $response {}

        impl $crate::CloudError for $response {
            fn wire_code(&self) -> &str {
                self.wire_code()
            }
            fn code_name(&self) -> ::core::option::Option<&'static str> {
                self.spec().map(|spec| spec.name())
            }
            fn message(&self) -> ::core::option::Option<&str> {
                self.message()
            }
            fn request_id(&self) -> ::core::option::Option<&str> {
                self.request_id()
            }
            fn http_status(&self) -> ::core::option::Option<u16> {
                self.http_status()
            }
            fn retry(&self) -> $crate::RetryClass {
                self.retry()
            }
            fn code_description(&self) -> ::core::option::Option<&'static str> {
                self.spec().map(|spec| spec.description())
            }
            fn code_remediation(&self) -> ::core::option::Option<&'static str> {
                self.spec().and_then(|spec| spec.remediation())
            }
        }
    };
}

/// Implements the `http` crate interop of an envelope (behind the calling crate's `http`
/// feature): `from_response` and `to_response`, with the `Content-Type` the vendor sends. The
/// codes' `http_status_code` comes with their table (see [`error_code_enum!`](crate::error_code_enum)).
#[doc(hidden)]
#[macro_export]
macro_rules! impl_http {
    ($response:ty, $content_type:expr) => {
        #[cfg(feature = "http")]
        #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
        impl $response {
            /// Reads a response from its `http::response::Parts` and body (see `from_http`):
            /// `Ok(None)` when the response is not an error.
            pub fn from_response(
                parts: &::http::response::Parts,
                body: &[u8],
            ) -> ::core::result::Result<::core::option::Option<Self>, $crate::ParseError> {
                Self::from_http(parts.status.as_u16(), &parts.headers, body)
            }

            /// The response a server sends: the status (received, else documented, else 500),
            /// the `Content-Type` the vendor sends, and the body.
            pub fn to_response(&self) -> ::http::Response<::std::vec::Vec<u8>> {
                let status = self
                    .http_status()
                    .and_then(|status| ::http::StatusCode::from_u16(status).ok())
                    .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR);
                let mut response = ::http::Response::new(self.to_bytes());
                *response.status_mut() = status;
                response
                    .headers_mut()
                    .insert(::http::header::CONTENT_TYPE, ::http::HeaderValue::from_static($content_type));
                response
            }
        }
    };
}

/// Implements serde's `Serialize` and `Deserialize` for types that implement
/// [`json::JsonObject`](crate::__private::json::JsonObject).
#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! impl_serde_via_json_object {
    ($($ty:ty),* $(,)?) => {$(
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::json::deserialize_object(deserializer)
            }
        }
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::json::serialize_object(self, serializer)
            }
        }
    )*};
}

/// Declares a JSON object from its member table: the struct, and its `JsonObject`. Each
/// modelled member is written once, as `INDEX = "key" => field: Slot<Value>` (see
/// [`Slot`](crate::__private::json::Slot) and
/// [`MemberValue`](crate::__private::json::MemberValue)), in the vendor's canonical order. An
/// envelope's member may add its accessor, `=> get name -> Output` (see
/// [`SlotGet`](crate::__private::json::SlotGet)), documented as the member as sent and by any doc
/// comment before `get`, and its setter, `=> set with_name(Input)` (see
/// [`FromInput`](crate::__private::json::FromInput)). An envelope, `kept: source`, keeps its
/// text in that field and what the HTTP response said besides the body in `received`. The
/// macro defines the struct's fields (one per member, then `members`, and an envelope's two),
/// each `INDEX` constant, the member names, how each member is read, taken from the fast
/// reader, written and serialized, the empty object, the accessors and setters, and which
/// members the object needs (at least one of those listed).
///
/// ```ignore
/// json_object! {
///     /// An Authing error response.
///     #[derive(Clone)]
///     pub struct ErrorResponse: "an Authing response body", kept: source {
///         MESSAGE = "message" => message: Optional<Str> => get message -> Option<&str>
///             => set with_message(impl Into<String>),
///         CODE = "code" => code: Required<Number>,
///     }
///     requires one of [CODE];
/// }
/// ```
#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! json_object {
    (
        $(#[$attr:meta])*
        $vis:vis struct $ty:ident: $expecting:literal $(, kept: $source:ident)? {
            $(
                $index:ident = $key:literal => $field:ident: $slot:ty
                $(=> $(#[$getter_attr:meta])* get $getter:ident -> $output:ty)?
                $(=> set $setter:ident($input:ty))?
            ),+ $(,)?
        }
        requires one of [$($required:ident),*];
    ) => {
        $(#[$attr])*
        $vis struct $ty {
            $($field: <$slot as $crate::__private::json::Slot>::Field,)+
            members: $crate::__private::json::Members,
            $(
                /// The text the body was read from, written back as it is (edits are made in
                /// place).
                $source: $crate::__private::json::JsonSource,
                /// What the HTTP response said besides the body.
                received: $crate::__private::json::Received,
            )?
        }

        $(
            const $index: usize = $crate::__private::json::position(
                <$ty as $crate::__private::json::JsonObject>::KEYS,
                $key,
            );
        )+

        impl $ty {
            $($(
                #[doc = concat!("The body's `", $key, "` member as sent, when it has one.")]
                $(#[$getter_attr])*
                pub fn $getter(&self) -> $output {
                    <$slot as $crate::__private::json::SlotGet>::get(
                        &self.$field,
                        $crate::__private::json::JsonObject::kept(self)
                            .map_or("", $crate::__private::json::JsonSource::original),
                    )
                }
            )?)+
            $($(
                #[doc = concat!("Sets the body's `", $key, "` member.")]
                pub fn $setter(mut self, value: $input) -> Self {
                    <$slot as $crate::__private::json::Slot>::set(&mut self.$field, value);
                    $crate::__private::json::JsonEnvelope::with_member(self, $index)
                }
            )?)+
        }

        impl $crate::__private::json::JsonObject for $ty {
            const KEYS: &'static [&'static str] = &[$($key),+];
            const EXPECTING: &'static str = $expecting;
            const ONE_OF: &'static [usize] = &[$($required),*];

            fn empty() -> Self {
                $ty {
                    $($field: <$slot as $crate::__private::json::Slot>::empty(),)+
                    members: $crate::__private::json::Members::new(),
                    $(
                        $source: $crate::__private::json::JsonSource::none(),
                        received: $crate::__private::json::Received::NONE,
                    )?
                }
            }

            #[inline]
            fn key_index(key: &str) -> ::core::option::Option<usize> {
                match key {
                    $($key => ::core::option::Option::Some($index),)+
                    _ => ::core::option::Option::None,
                }
            }

            $crate::json_object_fields!(members $(, $source)?);

            #[inline]
            fn read_member<'de, A: ::serde::de::MapAccess<'de>>(
                &mut self,
                index: usize,
                map: &mut A,
            ) -> ::core::result::Result<(), A::Error> {
                match index {
                    $($index => <$slot as $crate::__private::json::Slot>::read(
                        &mut self.$field,
                        map,
                        &mut self.members,
                        index,
                    ),)+
                    _ => ::core::result::Result::Ok(()),
                }
            }

            #[inline]
            fn take_member(
                &mut self,
                index: usize,
                value: &$crate::__private::json::Scanned<'_>,
            ) -> ::core::option::Option<()> {
                match index {
                    $($index => <$slot as $crate::__private::json::Slot>::take(
                        &mut self.$field,
                        value,
                        &mut self.members,
                        index,
                    ),)+
                    _ => ::core::option::Option::None,
                }
            }

            fn write_member(&self, index: usize, writer: &mut $crate::__private::json::JsonWriter<'_>) {
                match index {
                    $($index => <$slot as $crate::__private::json::Slot>::write(&self.$field, writer),)+
                    _ => {}
                }
            }

            fn serialize_member<M: ::serde::ser::SerializeMap>(
                &self,
                index: usize,
                map: &mut M,
                kept: &str,
            ) -> ::core::result::Result<(), M::Error> {
                match index {
                    $($index => <$slot as $crate::__private::json::Slot>::serialize(
                        &self.$field,
                        $key,
                        map,
                        kept,
                    ),)+
                    _ => ::core::result::Result::Ok(()),
                }
            }
        }
    };
}

/// Inside `impl JsonObject for T`, writes the accessors of the object's [`Members`] field and,
/// for an envelope that keeps its text, of its [`JsonSource`] field:
/// `json_object_fields!(members)` or `json_object_fields!(members, source)`.
///
/// [`Members`]: crate::__private::json::Members
/// [`JsonSource`]: crate::__private::json::JsonSource
#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! json_object_fields {
    ($members:ident) => {
        fn members(&self) -> &$crate::__private::json::Members {
            &self.$members
        }
        fn members_mut(&mut self) -> &mut $crate::__private::json::Members {
            &mut self.$members
        }
    };
    ($members:ident, $source:ident) => {
        $crate::json_object_fields!($members);
        fn kept(&self) -> ::core::option::Option<&$crate::__private::json::JsonSource> {
            ::core::option::Option::Some(&self.$source)
        }
        fn kept_mut(&mut self) -> ::core::option::Option<&mut $crate::__private::json::JsonSource> {
            ::core::option::Option::Some(&mut self.$source)
        }
    };
}

/// Implements `PartialEq`, `Eq` and `Debug` for a JSON envelope whose values are
/// [`Text`](crate::__private::json::Text) positions in its kept text: two envelopes are equal when they
/// hold the same members in the same order (their canonical bodies are equal) and the listed
/// fields (what the HTTP response said) are equal, however each body was laid out; `Debug`
/// shows the code, message, request id and body.
#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! impl_json_envelope_eq_debug {
    ($ty:ident $(, $field:ident)*) => {
        impl ::core::cmp::PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                true $(&& self.$field == other.$field)*
                    && self.to_canonical_bytes() == other.to_canonical_bytes()
            }
        }

        impl ::core::cmp::Eq for $ty {}

        impl ::core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let body = self.to_bytes();
                f.debug_struct(stringify!($ty))
                    .field("code", &self.wire_code())
                    .field("message", &self.message())
                    .field("request_id", &self.request_id())
                    .field("body", &::std::string::String::from_utf8_lossy(&body))
                    $(.field(stringify!($field), &self.$field))*
                    .finish()
            }
        }
    };
}

/// Writes a JSON envelope's inherent `extra_fields` and `with_extra_field`, over the members of
/// its top-level object that it does not model, written in `style`.
#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! json_extra_fields {
    ($ty:ty, $style:expr) => {
        impl $ty {
            /// The members of the body's top-level object the envelope does not model, in
            /// order, as raw JSON.
            pub fn extra_fields(
                &self,
            ) -> impl ::core::iter::Iterator<Item = (&str, &$crate::__private::json::RawValue)> {
                $crate::__private::json::JsonObject::members(self).extras()
            }

            /// Adds a member the envelope does not model to the body's top-level object, after
            /// the others.
            pub fn with_extra_field(
                mut self,
                key: impl ::core::convert::Into<::std::string::String>,
                value: ::std::boxed::Box<$crate::__private::json::RawValue>,
            ) -> Self {
                let key = key.into();
                $crate::__private::json::JsonObject::sync_extra(&mut self, &key, &value, $style);
                $crate::__private::json::JsonObject::members_mut(&mut self).push_extra(key, value);
                self
            }
        }
    };
}

/// Writes a JSON envelope's inherent `parse`, `from_http`, `to_bytes`, `to_canonical_bytes` and
/// `with_status` from its [`JsonEnvelope`](crate::__private::json::JsonEnvelope) impl, so that
/// its users need not import the [`Envelope`](crate::Envelope) trait.
#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! json_envelope_methods {
    ($ty:ty) => {
        impl $ty {
            /// Reads an error body. Members it does not model are kept as sent. A body that
            /// reports success is refused with
            /// [`ParseErrorKind::NotAnError`](cloud_errors_core::ParseErrorKind::NotAnError).
            pub fn parse(body: &[u8]) -> ::core::result::Result<Self, $crate::ParseError> {
                $crate::__private::json::envelope::parse(body)
            }

            /// Reads an HTTP response: `Ok(None)` when it reports success. The status and the
            /// vendor's request-id header fill in what the body leaves out.
            pub fn from_http<H: $crate::Headers + ?::core::marker::Sized>(
                status: u16,
                headers: &H,
                body: &[u8],
            ) -> ::core::result::Result<::core::option::Option<Self>, $crate::ParseError> {
                $crate::__private::json::envelope::from_http(status, headers, body)
            }

            /// The body: byte for byte as it was read (edits are made in place), or for an
            /// envelope built here, as the vendor writes it.
            #[inline]
            pub fn to_bytes(&self) -> ::std::vec::Vec<u8> {
                $crate::__private::json::envelope::write(self)
            }

            /// The body in the vendor's canonical layout, whatever layout it was read in (for
            /// comparing or normalizing bodies; `to_bytes` keeps the received bytes).
            pub fn to_canonical_bytes(&self) -> ::std::vec::Vec<u8> {
                $crate::__private::json::envelope::write_canonical(self)
            }

            /// Sets the HTTP status the response arrived with (it is not part of the body).
            pub fn with_status(mut self, status: u16) -> Self {
                if let ::core::option::Option::Some(received) =
                    $crate::__private::json::JsonEnvelope::received_mut(&mut self)
                {
                    received.set_status(status);
                }
                self
            }
        }
    };
}

/// Implements `JsonEnvelope` for a JSON envelope from the items given (the response kept in
/// its `received` field), and everything derived from that impl, its `JsonObject` impl and its
/// inherent accessors: the inherent read and write methods and `http_status`, serde,
/// `PartialEq`/`Debug` (with what was received), `CloudError`, `Envelope` and the `http`
/// interop:
/// `json_envelope! { impl ErrorResponse: ErrorCode, "name" { const STYLE: JsonStyle = …; } }`.
#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! json_envelope {
    (impl $ty:ident: $code:ty, $name:literal { $($item:tt)* }) => {
        impl $crate::__private::json::JsonEnvelope for $ty {
            $($item)*
            fn received_mut(&mut self) -> ::core::option::Option<&mut $crate::__private::json::Received> {
                ::core::option::Option::Some(&mut self.received)
            }
        }

        impl $ty {
            /// The HTTP status: the one the response arrived with, else the status the vendor
            /// sends every error with, else the code's documented status.
            pub fn http_status(&self) -> ::core::option::Option<u16> {
                self.received.http_status::<Self>(self.spec())
            }
        }

        $crate::json_envelope_methods!($ty);
        $crate::json_extra_fields!($ty, <$ty as $crate::__private::json::JsonEnvelope>::STYLE);
        $crate::impl_serde_via_json_object!($ty);
        $crate::impl_json_envelope_eq_debug!($ty, received);
        $crate::impl_cloud_error!(
            $ty,
            $code,
            $name,
            json: $crate::__private::json::envelope::from_document,
            $crate::__private::json::envelope::read_looking
        );
        $crate::impl_http!($ty, <$ty as $crate::__private::json::JsonEnvelope>::CONTENT_TYPE);
    };
}

#[cfg(test)]
pub(crate) mod tests {
    use core::fmt;

    use crate::{CloudError, RetryClass};

    /// An error with every part of the summary optional (the envelope tests use it too).
    #[derive(Clone)]
    pub(crate) struct Parts {
        pub(crate) status: Option<u16>,
        pub(crate) message: Option<&'static str>,
        pub(crate) request_id: Option<&'static str>,
    }

    impl CloudError for Parts {
        fn wire_code(&self) -> &str {
            "Busy"
        }
        fn code_name(&self) -> Option<&'static str> {
            None
        }
        fn message(&self) -> Option<&str> {
            self.message
        }
        fn request_id(&self) -> Option<&str> {
            self.request_id
        }
        fn http_status(&self) -> Option<u16> {
            self.status
        }
        fn retry(&self) -> RetryClass {
            RetryClass::No
        }
        fn code_description(&self) -> Option<&'static str> {
            None
        }
        fn code_remediation(&self) -> Option<&'static str> {
            None
        }
    }

    impl fmt::Display for Parts {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            super::write_summary(self, f)
        }
    }

    impl fmt::Debug for Parts {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Display::fmt(self, f)
        }
    }

    impl std::error::Error for Parts {}

    #[test]
    fn the_summary_shows_each_part_the_error_has() {
        let all = Parts { status: Some(503), message: Some("slow down"), request_id: Some("r1") };
        assert_eq!(all.to_string(), "Busy (HTTP 503): slow down [request id r1]");
        let none = Parts { status: None, message: None, request_id: None };
        assert_eq!(none.to_string(), "Busy: (no message)");
    }
}
