//! The row type of every generated code table, where each field comes from, and the one macro
//! that gives every vendor's `ErrorCode` enum its methods and trait impls.
//!
//! A vendor crate's `src/generated.rs` holds only data: the enum, its [`CodeSpec`] rows and its
//! lookup; [`error_code_enum!`](crate::error_code_enum) writes the rest, the same for every
//! vendor, in the manner of the `http` crate's status table (one table, many allocation-free
//! views).

use core::fmt;

use crate::{Description, Language, RetryClass};

/// Where one field of a documented code comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// A vendor document in the repository's `docs/vendor/`, and the line (1-based) the field
    /// was read from.
    Document {
        /// The document's file name in `docs/vendor/`.
        file: &'static str,
        /// The line, 1-based: the first of the lines that hold the field's words.
        line: u32,
        /// The last line that holds them: `line` itself unless the text wraps over several.
        last_line: u32,
    },
    /// A decision of an overlay file in `docs/vendor/`, for what the documents leave open,
    /// with the evidence it cites.
    Overlay {
        /// The overlay's file name in `docs/vendor/`.
        file: &'static str,
        /// Why the overlay decides as it does.
        evidence: &'static str,
    },
    /// No document or overlay gives the field: an optional field is `None`, and a retry class
    /// is the default, [`RetryClass::No`].
    Unstated,
}

impl Source {
    /// A document and the one line that holds the field: what generated tables write for
    /// [`Source::Document`].
    pub const fn document(file: &'static str, line: u32) -> Source {
        Source::Document { file, line, last_line: line }
    }

    /// A document and the lines a wrapped text runs over, `line` to `last_line`.
    pub const fn document_lines(file: &'static str, line: u32, last_line: u32) -> Source {
        Source::Document { file, line, last_line }
    }

    /// An overlay and its evidence: what generated tables write for [`Source::Overlay`].
    pub const fn overlay(file: &'static str, evidence: &'static str) -> Source {
        Source::Overlay { file, evidence }
    }

    /// Whether a vendor document states the field.
    pub const fn is_documented(self) -> bool {
        matches!(self, Source::Document { .. })
    }
}

impl fmt::Display for Source {
    /// `docs/vendor/s3.rst:13` (or `:13-14` for a text over two lines),
    /// `overlay: docs/vendor/s3.overlay.toml (evidence)`, or `not stated by any document`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Document { file, line, last_line } if last_line > line => {
                write!(f, "docs/vendor/{file}:{line}-{last_line}")
            }
            Source::Document { file, line, .. } => write!(f, "docs/vendor/{file}:{line}"),
            Source::Overlay { file, evidence } => write!(f, "overlay: docs/vendor/{file} ({evidence})"),
            Source::Unstated => f.write_str("not stated by any document"),
        }
    }
}

/// Where each field of one documented code comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Sources {
    pub(crate) code: Source,
    pub(crate) http_status: Source,
    pub(crate) wire_message: Source,
    pub(crate) title: Source,
    pub(crate) description: Source,
    pub(crate) remediation: Source,
    pub(crate) retry: Source,
}

impl Sources {
    /// Where the code itself is listed.
    pub const fn code(&self) -> Source {
        self.code
    }

    /// Where its HTTP status is given.
    pub const fn http_status(&self) -> Source {
        self.http_status
    }

    /// Where the message sent on the wire is given.
    pub const fn wire_message(&self) -> Source {
        self.wire_message
    }

    /// Where the short title (Tencent's error type) is given.
    pub const fn title(&self) -> Source {
        self.title
    }

    /// Where the description is given.
    pub const fn description(&self) -> Source {
        self.description
    }

    /// Where the remediation is given.
    pub const fn remediation(&self) -> Source {
        self.remediation
    }

    /// Where the retry class is decided.
    pub const fn retry(&self) -> Source {
        self.retry
    }

    /// Each field's name (as `cloud-errors explain --format json` spells it) and source.
    pub const fn fields(&self) -> [(&'static str, Source); 7] {
        [
            ("code", self.code),
            ("http_status", self.http_status),
            ("wire_message", self.wire_message),
            ("title", self.title),
            ("description", self.description),
            ("remediation", self.remediation),
            ("retry", self.retry),
        ]
    }
}

/// One row of a generated code table: everything the documents (and overlays) say of a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CodeSpec {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) number: Option<i64>,
    pub(crate) http_status: Option<u16>,
    pub(crate) wire_message: Option<&'static str>,
    pub(crate) title: Option<&'static str>,
    pub(crate) description: &'static str,
    pub(crate) descriptions: &'static [Description],
    pub(crate) remediation: Option<&'static str>,
    pub(crate) retry: RetryClass,
    pub(crate) sources: Sources,
}

impl CodeSpec {
    /// The wire code as a one-element slice (strum's `get_serializations`).
    #[doc(hidden)]
    pub const fn code_as_slice(&self) -> &[&'static str] {
        core::slice::from_ref(&self.code)
    }

    /// The code as it travels on the wire (`"NoSuchKey"`, `"PAP5.0003"`, `"2004"`).
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The enum variant's name, as recorded in the vendor's names file.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The code as a number, for vendors whose codes are numbers.
    pub const fn number(&self) -> Option<i64> {
        self.number
    }

    /// The HTTP status a document gives for the code; `None` where none does.
    pub const fn http_status(&self) -> Option<u16> {
        self.http_status
    }

    /// The message the vendor's servers send, as a document gives it (possibly a template with
    /// `%s`, `%d` or `{}`); `None` where no document gives the wire text.
    pub const fn wire_message(&self) -> Option<&'static str> {
        self.wire_message
    }

    /// A short title the document gives the code besides its description (Tencent's error type).
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }

    /// The documented description.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The description in every language a document gives it, each with its source: the
    /// primary document's text ([`description`](Self::description)) first, then translations
    /// and other documents' texts (Tencent's common codes, for example, are also described by
    /// the common-code page).
    pub const fn descriptions(&self) -> &'static [Description] {
        self.descriptions
    }

    /// What the vendor says to do about it, where it says anything.
    pub const fn remediation(&self) -> Option<&'static str> {
        self.remediation
    }

    /// Whether retrying can succeed (see [`Sources::retry`] for who says so).
    pub const fn retry(&self) -> RetryClass {
        self.retry
    }

    /// Where each field comes from.
    pub const fn sources(&self) -> &Sources {
        &self.sources
    }

    /// The description in `language`: the first text in that language, if a document gives one.
    pub const fn description_in(&self, language: Language) -> Option<&'static str> {
        let mut at = 0;
        while at < self.descriptions.len() {
            // `==` on enums is not yet `const`; the discriminants say the same.
            if self.descriptions[at].language as u8 == language as u8 {
                return Some(self.descriptions[at].text);
            }
            at += 1;
        }
        None
    }

    /// The arguments `message` fills this code's documented text with: matched against the
    /// message template first, then against the description in every language, so that a
    /// message received in either of a vendor's languages is recognized.
    pub fn message_args<'m>(&self, message: &'m str) -> Option<Vec<&'m str>> {
        core::iter::once(self.message())
            .chain(self.descriptions.iter().map(|d| d.text))
            .find_map(|template| crate::__private::template::match_args(template, message))
    }

    /// The text a builder sends as the message: the wire message where a document gives one,
    /// otherwise the description.
    pub const fn message(&self) -> &'static str {
        match self.wire_message {
            Some(message) => message,
            None => self.description,
        }
    }
}

/// A table row, as generated tables write one.
#[allow(clippy::too_many_arguments)] // one argument per column of the table
pub const fn row(
    code: &'static str,
    name: &'static str,
    number: Option<i64>,
    http_status: Option<u16>,
    wire_message: Option<&'static str>,
    title: Option<&'static str>,
    description: &'static str,
    descriptions: &'static [Description],
    remediation: Option<&'static str>,
    retry: RetryClass,
    sources: Sources,
) -> CodeSpec {
    CodeSpec {
        code,
        name,
        number,
        http_status,
        wire_message,
        title,
        description,
        descriptions,
        remediation,
        retry,
        sources,
    }
}

/// A row's sources, as generated tables write them (in the order of [`Sources::fields`]).
pub const fn sources(
    code: Source,
    http_status: Source,
    wire_message: Source,
    title: Source,
    description: Source,
    remediation: Source,
    retry: Source,
) -> Sources {
    Sources { code, http_status, wire_message, title, description, remediation, retry }
}

/// Gives a generated code enum its methods and trait impls.
///
/// `generated.rs` defines, beside the enum, a const of every variant in table order, a const of
/// one [`CodeSpec`] row per variant in the same order, and the lookup: for codes that are
/// strings, a `fn(&str) -> Option<E>`; for numeric ones, two `CodeHash`es,
/// of the wire codes' `short_key`s and of the numbers. Called as
/// `error_code_enum!(VENDOR, ErrorCode, text, ALL, SPECS, lookup)` or
/// `error_code_enum!(VENDOR, ErrorCode, numeric, ALL, SPECS, HASH, NUMBER_HASH)` (`VENDOR` the
/// name of a `&str` constant naming the vendor), it adds `ALL`,
/// `COUNT` and:
///
/// - allocation-free `const fn` views (`as_str`, `name`, `http_status`, `message`,
///   `wire_message`, `title`, `description`, `remediation`, `retry`, `sources`, `spec`, and
///   `number` for numeric codes) and `from_wire`;
/// - `Display` (the wire code), `FromStr` and, for numeric codes, `TryFrom<i64>`;
/// - [`DocumentedCode`](crate::DocumentedCode);
/// - behind the calling crate's `http` feature, `http_status_code`, the status as an
///   `http::StatusCode`;
/// - behind its `serde` feature, `Serialize`/`Deserialize` as the wire code;
/// - behind its `strum` feature, strum's `EnumCount`, `IntoEnumIterator`, `VariantNames`,
///   `VariantArray`, `EnumMessage` and `EnumProperty`, without any proc macro.
#[doc(hidden)]
#[macro_export]
macro_rules! error_code_enum {
    ($vendor:ident, $name:ident, text, $all:ident, $specs:ident, $lookup:ident) => {
        $crate::error_code_enum!(@common $vendor, $name, $all, $specs);

        impl $name {
            /// The documented code with this wire string, if any. Allocates nothing.
            #[inline]
            pub fn from_wire(code: &str) -> ::core::option::Option<Self> {
                $lookup(code)
            }
        }

        $crate::error_code_enum!(@serde $vendor, $name, serialize_str, as_str);
    };
    ($vendor:ident, $name:ident, numeric, $all:ident, $specs:ident, $hash:ident, $number_hash:ident) => {
        $crate::error_code_enum!(@common $vendor, $name, $all, $specs);

        impl $name {
            /// The documented code with this wire string (the number in canonical decimal, so
            /// `"05"` is not `5`), if any. Allocates nothing.
            #[inline]
            pub fn from_wire(code: &str) -> ::core::option::Option<Self> {
                // Every documented number is at most seven characters (the generator checks),
                // so a longer code is none of them.
                let index = $hash.index($crate::__private::short_key(code.as_bytes())?)?;
                ::core::option::Option::Some($name::ALL[index])
            }

            /// The documented code with this number, if any. Allocates nothing.
            #[inline]
            pub const fn from_number(number: i64) -> ::core::option::Option<Self> {
                // The hash takes the number's bits as they are, as the generator did.
                match $number_hash.index(number as u64) {
                    ::core::option::Option::Some(index) => ::core::option::Option::Some($name::ALL[index]),
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }

            /// The code as a number.
            pub const fn number(self) -> i64 {
                match self.spec().number() {
                    ::core::option::Option::Some(number) => number,
                    ::core::option::Option::None => panic!("a numeric table row without a number"),
                }
            }
        }

        impl ::core::convert::TryFrom<i64> for $name {
            type Error = $crate::UnknownCode;

            /// Looks a numeric code up; a number no document lists is an error naming it.
            fn try_from(number: i64) -> ::core::result::Result<Self, $crate::UnknownCode> {
                Self::from_number(number)
                    .ok_or_else(|| $crate::UnknownCode::new($vendor, ::std::string::ToString::to_string(&number)))
            }
        }

        $crate::error_code_enum!(@serde $vendor, $name, serialize_i64, number);
    };

    (@common $vendor:ident, $name:ident, $all:ident, $specs:ident) => {
        impl $name {
            /// Every code, in table order.
            pub const ALL: &'static [$name] = $all;

            /// One row per variant, in the same order.
            const SPECS: &'static [$crate::CodeSpec] = $specs;

            /// How many codes the table has.
            pub const COUNT: usize = $name::SPECS.len();

            /// The variant names, in table order (for strum's `VariantNames`).
            #[cfg(feature = "strum")]
            const NAMES: [&'static str; $name::SPECS.len()] = {
                let mut names = [""; $name::SPECS.len()];
                let mut at = 0;
                while at < names.len() {
                    names[at] = $name::SPECS[at].name();
                    at += 1;
                }
                names
            };

            /// The code's whole table row.
            pub const fn spec(self) -> &'static $crate::CodeSpec {
                &Self::SPECS[self as usize]
            }

            /// The code as it travels on the wire.
            pub const fn as_str(self) -> &'static str {
                self.spec().code()
            }

            /// The variant's name, as written in a `match`.
            pub const fn name(self) -> &'static str {
                self.spec().name()
            }

            /// The HTTP status a document gives for this code; `None` where no document gives
            /// one (see [`sources`](Self::sources)).
            pub const fn http_status(self) -> ::core::option::Option<u16> {
                self.spec().http_status()
            }

            /// The documented HTTP status as an `http::StatusCode`; `None` where no document
            /// gives the code a status.
            #[cfg(feature = "http")]
            #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
            pub fn http_status_code(self) -> ::core::option::Option<::http::StatusCode> {
                self.http_status().and_then(|status| ::http::StatusCode::from_u16(status).ok())
            }

            /// The message a builder sends: the documented wire message (or its template: `%s`,
            /// `%d`, `{}`; see `cloud_errors_core::template`) where a document gives one,
            /// otherwise the documented description.
            pub const fn message(self) -> &'static str {
                self.spec().message()
            }

            /// The text the vendor's servers send as the message, where a document gives it.
            pub const fn wire_message(self) -> ::core::option::Option<&'static str> {
                self.spec().wire_message()
            }

            /// A short title the document gives besides the description, if any.
            pub const fn title(self) -> ::core::option::Option<&'static str> {
                self.spec().title()
            }

            /// The documented description.
            pub const fn description(self) -> &'static str {
                self.spec().description()
            }

            /// The description in `language`, where a document gives one (`description()` is
            /// the primary document's text, in whatever language it is written).
            pub const fn description_in(self, language: $crate::Language) -> ::core::option::Option<&'static str> {
                self.spec().description_in(language)
            }

            /// The description in every language documents give it, each with its source.
            pub const fn descriptions(self) -> &'static [$crate::Description] {
                self.spec().descriptions()
            }

            /// What the vendor says to do about it, where it says anything.
            pub const fn remediation(self) -> ::core::option::Option<&'static str> {
                self.spec().remediation()
            }

            /// Whether retrying the call can succeed; [`sources`](Self::sources) says whether a
            /// document, an overlay (with its evidence) or the default decided it.
            pub const fn retry(self) -> $crate::RetryClass {
                self.spec().retry()
            }

            /// Where each field of this code comes from.
            pub const fn sources(self) -> &'static $crate::Sources {
                self.spec().sources()
            }
        }

        impl ::core::fmt::Display for $name {
            /// Writes the wire code.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::UnknownCode;

            /// Parses a wire code; a code no document lists is an error naming it.
            fn from_str(code: &str) -> ::core::result::Result<Self, $crate::UnknownCode> {
                Self::from_wire(code)
                    .ok_or_else(|| $crate::UnknownCode::new($vendor, ::std::borrow::ToOwned::to_owned(code)))
            }
        }

        impl $crate::DocumentedCode for $name {
            const ALL: &'static [Self] = $name::ALL;
            const VENDOR: &'static str = $vendor;
            #[inline]
            fn spec(self) -> &'static $crate::CodeSpec {
                self.spec()
            }
            #[inline]
            fn from_wire(code: &str) -> ::core::option::Option<Self> {
                Self::from_wire(code)
            }
        }

        #[cfg(feature = "strum")]
        impl ::strum::EnumCount for $name {
            const COUNT: usize = $name::COUNT;
        }

        #[cfg(feature = "strum")]
        impl ::strum::IntoEnumIterator for $name {
            type Iterator = ::core::iter::Copied<::core::slice::Iter<'static, $name>>;
            fn iter() -> Self::Iterator {
                $name::ALL.iter().copied()
            }
        }

        #[cfg(feature = "strum")]
        impl ::strum::VariantNames for $name {
            const VARIANTS: &'static [&'static str] = &$name::NAMES;
        }

        #[cfg(feature = "strum")]
        impl ::strum::VariantArray for $name {
            const VARIANTS: &'static [Self] = $name::ALL;
        }

        #[cfg(feature = "strum")]
        impl ::strum::EnumMessage for $name {
            /// The message a builder sends (see `message`).
            fn get_message(&self) -> ::core::option::Option<&'static str> {
                ::core::option::Option::Some(self.message())
            }
            /// The documented description.
            fn get_detailed_message(&self) -> ::core::option::Option<&'static str> {
                ::core::option::Option::Some(self.description())
            }
            /// The remediation, where the vendor gives one.
            fn get_documentation(&self) -> ::core::option::Option<&'static str> {
                self.remediation()
            }
            /// The wire code, the one way the code is spelled.
            fn get_serializations(&self) -> &'static [&'static str] {
                $name::SPECS[*self as usize].code_as_slice()
            }
        }

        #[cfg(feature = "strum")]
        impl ::strum::EnumProperty for $name {
            /// `code`, `name`, `message`, `wire_message`, `title`, `description`,
            /// `remediation` and `retry`, as strings.
            fn get_str(&self, property: &str) -> ::core::option::Option<&'static str> {
                match property {
                    "code" => ::core::option::Option::Some(self.as_str()),
                    "name" => ::core::option::Option::Some(self.name()),
                    "message" => ::core::option::Option::Some(self.message()),
                    "wire_message" => self.wire_message(),
                    "title" => self.title(),
                    "description" => ::core::option::Option::Some(self.description()),
                    "remediation" => self.remediation(),
                    "retry" => ::core::option::Option::Some(self.retry().as_str()),
                    _ => ::core::option::Option::None,
                }
            }
            /// `number` (numeric codes) and `http_status` (where documented).
            fn get_int(&self, property: &str) -> ::core::option::Option<i64> {
                match property {
                    "number" => self.spec().number(),
                    "http_status" => self.http_status().map(i64::from),
                    _ => ::core::option::Option::None,
                }
            }
            /// `retryable`.
            fn get_bool(&self, property: &str) -> ::core::option::Option<bool> {
                match property {
                    "retryable" => ::core::option::Option::Some(self.retry().is_retryable()),
                    _ => ::core::option::Option::None,
                }
            }
        }
    };

    (@serde $vendor:ident, $name:ident, $write:ident, $view:ident) => {
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            /// Writes the code as it travels on the wire (a number for numeric vendors).
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.$write(self.$view())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            /// Reads the wire code; numeric vendors' codes are read from a number or a string.
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct Visitor;
                impl ::serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        write!(f, "a documented {} error code", $vendor)
                    }
                    fn visit_str<E: ::serde::de::Error>(self, code: &str) -> ::core::result::Result<$name, E> {
                        code.parse().map_err(E::custom)
                    }
                    fn visit_i64<E: ::serde::de::Error>(self, number: i64) -> ::core::result::Result<$name, E> {
                        self.visit_str(&::std::string::ToString::to_string(&number))
                    }
                    fn visit_u64<E: ::serde::de::Error>(self, number: u64) -> ::core::result::Result<$name, E> {
                        self.visit_str(&::std::string::ToString::to_string(&number))
                    }
                }
                deserializer.deserialize_any(Visitor)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_says_the_file_and_the_lines_its_text_runs_over() {
        assert_eq!(Source::document("s3.rst", 13).to_string(), "docs/vendor/s3.rst:13");
        assert_eq!(Source::document_lines("s3.rst", 13, 14).to_string(), "docs/vendor/s3.rst:13-14");
        assert_eq!(Source::document_lines("s3.rst", 13, 13).to_string(), "docs/vendor/s3.rst:13");
        assert_eq!(
            Source::overlay("s3.overlay.toml", "line 4 says so").to_string(),
            "overlay: docs/vendor/s3.overlay.toml (line 4 says so)"
        );
        assert_eq!(Source::Unstated.to_string(), "not stated by any document");
        assert!(Source::document("a", 1).is_documented());
        assert!(!Source::overlay("a", "b").is_documented());
        assert!(!Source::Unstated.is_documented());
    }

    #[test]
    fn a_row_gives_its_wire_message_and_title_apart_from_its_description() {
        let source = Source::document("t.md", 2);
        let spec = row(
            "Code",
            "Name",
            None,
            None,
            Some("wire"),
            Some("Title"),
            "description",
            &[],
            None,
            RetryClass::No,
            sources(source, source, source, source, source, source, source),
        );
        assert_eq!(
            (spec.wire_message(), spec.title(), spec.message()),
            (Some("wire"), Some("Title"), "wire")
        );
        assert_eq!(spec.sources().title(), source);
    }
}
