use core::fmt;
use core::hash::Hash;

use crate::{CodeSpec, RetryClass, Sources};

/// What every generated `ErrorCode` enum answers, so that generic code (the conformance suite,
/// the `cloud-errors` command) can walk any vendor's table.
///
/// Each vendor crate also has the same methods as inherent `const fn`s (written by
/// [`error_code_enum!`](crate::error_code_enum)), so a user of one crate never needs to import
/// this trait.
pub trait DocumentedCode: Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + Send + Sync + 'static {
    /// Every documented code, in table order.
    const ALL: &'static [Self];
    /// The vendor's name, as the `cloud-errors` command spells it (`"s3"`, `"huawei-iam"`, ...).
    const VENDOR: &'static str;

    /// The code's whole table row.
    fn spec(self) -> &'static CodeSpec;
    /// Looks a wire code up; `None` when it is not documented. Allocates nothing.
    fn from_wire(code: &str) -> Option<Self>;

    /// The code as it travels on the wire (`"NoSuchKey"`, `"PAP5.0003"`, `"2004"`).
    fn as_str(self) -> &'static str {
        self.spec().code()
    }
    /// The enum variant's name (`"NoSuchKey"`, `"ConcurrentModification"`).
    fn name(self) -> &'static str {
        self.spec().name()
    }
    /// The code as a number, for vendors whose codes are numbers.
    fn number(self) -> Option<i64> {
        self.spec().number()
    }
    /// The HTTP status a document gives for the code, if any.
    fn http_status(self) -> Option<u16> {
        self.spec().http_status()
    }
    /// The message a builder sends: the documented wire message, else the description.
    fn message(self) -> &'static str {
        self.spec().message()
    }
    /// The documented description of the error.
    fn description(self) -> &'static str {
        self.spec().description()
    }
    /// The description in `language`, where a document gives one.
    fn description_in(self, language: crate::Language) -> Option<&'static str> {
        self.spec().description_in(language)
    }
    /// What the vendor says to do about it, where it says anything.
    fn remediation(self) -> Option<&'static str> {
        self.spec().remediation()
    }
    /// Whether retrying can succeed.
    fn retry(self) -> RetryClass {
        self.spec().retry()
    }
    /// Where each field comes from.
    fn sources(self) -> &'static Sources {
        self.spec().sources()
    }
}

/// A 128-bit fingerprint of a wire code (its first, middle and last eight bytes, or for shorter
/// codes the code itself), which generated `from_wire` functions `match` on, within the codes
/// of the same length, before confirming with one string comparison (codes that share a
/// fingerprint are told apart by comparison).
#[inline]
pub fn wire_fingerprint(code: &[u8]) -> u128 {
    let len = code.len();
    let eight =
        |at: usize| code.get(at..).and_then(<[u8]>::first_chunk::<8>).map_or(0, |b| u64::from_le_bytes(*b));
    if len >= 8 {
        let (first, middle, last) = (eight(0), eight(len / 2 - 4), eight(len - 8));
        u128::from(first ^ middle.rotate_left(32)) | u128::from(last) << 64
    } else {
        let mut padded = [0u8; 8];
        for (slot, byte) in padded.iter_mut().zip(code) {
            *slot = *byte;
        }
        u128::from(u64::from_le_bytes(padded))
    }
}

/// A wire code: one the vendor documents, or one it does not, kept exactly as it was sent.
///
/// Vendors send codes their documents do not list (Huawei's `APIGW.*`, Tencent's 4101 to 4110,
/// AWS Interface's -1 for unclassified exceptions); those are never dropped or rewritten.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code<'a, C> {
    /// A documented code.
    Known(C),
    /// A code the vendor's document does not list, as sent on the wire.
    Unknown(&'a str),
}

impl<'a, C: DocumentedCode> Code<'a, C> {
    /// Looks `wire` up in the vendor's table.
    pub fn from_wire(wire: &'a str) -> Self {
        C::from_wire(wire).map_or(Code::Unknown(wire), Code::Known)
    }

    /// The documented code, if it is one.
    pub fn known(self) -> Option<C> {
        match self {
            Code::Known(code) => Some(code),
            Code::Unknown(_) => None,
        }
    }

    /// The code as it travels on the wire.
    pub fn as_str(self) -> &'a str {
        match self {
            Code::Known(code) => code.as_str(),
            Code::Unknown(wire) => wire,
        }
    }

    /// The documented retry class; unknown codes are not retried.
    pub fn retry(self) -> RetryClass {
        self.known().map_or(RetryClass::No, C::retry)
    }
}

impl<C: DocumentedCode> fmt::Display for Code<'_, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<C: PartialEq> PartialEq<C> for Code<'_, C> {
    fn eq(&self, other: &C) -> bool {
        matches!(self, Code::Known(code) if code == other)
    }
}

/// The error of `ErrorCode::from_str` and `ErrorCode::try_from`: the code is not in the
/// vendor's document. It carries the code as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCode {
    vendor: &'static str,
    code: String,
}

impl UnknownCode {
    /// The error for `code`, not found in `vendor`'s table.
    #[doc(hidden)]
    pub fn new(vendor: &'static str, code: String) -> UnknownCode {
        UnknownCode { vendor, code }
    }

    /// The vendor whose table was searched.
    pub fn vendor(&self) -> &'static str {
        self.vendor
    }

    /// The code that was not found, as given.
    pub fn code(&self) -> &str {
        &self.code
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a documented {} error code", self.code, self.vendor)
    }
}

impl std::error::Error for UnknownCode {}

/// What generic code asks of any vendor's decoded error response.
///
/// Each vendor's `ErrorResponse` implements it; the `cloud-errors` facade uses it to present
/// every vendor the same way.
pub trait CloudError: std::error::Error {
    /// The primary wire code, exactly as sent, as a string (for Tencent, the `codeDesc`).
    fn wire_code(&self) -> &str;
    /// The variant name when the code is documented.
    fn code_name(&self) -> Option<&'static str>;
    /// The message as sent, if the envelope held one.
    fn message(&self) -> Option<&str>;
    /// The request id, from the body or the response headers.
    fn request_id(&self) -> Option<&str>;
    /// The HTTP status: the one received where known, else the documented one.
    fn http_status(&self) -> Option<u16>;
    /// Whether retrying can succeed.
    fn retry(&self) -> RetryClass;
    /// The documented description of a known code. (Named so as not to collide with the
    /// deprecated `std::error::Error::description`.)
    fn code_description(&self) -> Option<&'static str>;
    /// The documented remediation of a known code.
    fn code_remediation(&self) -> Option<&'static str>;
}

#[cfg(test)]
#[allow(unexpected_cfgs, dead_code)] // the table macro's serde and strum impls are for vendor crates
mod tests {
    use super::*;

    /// A two-code table, shaped like a generated one.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    enum Tiny {
        Busy,
        Gone,
    }

    const VENDOR: &str = "tiny";

    const fn row(code: &'static str, retry: RetryClass) -> CodeSpec {
        let source = crate::Source::document("tiny.md", 1);
        CodeSpec {
            code,
            name: code,
            number: None,
            http_status: Some(503),
            wire_message: None,
            title: None,
            description: "d",
            descriptions: &[],
            remediation: None,
            retry,
            sources: Sources {
                code: source,
                http_status: source,
                wire_message: crate::Source::Unstated,
                title: crate::Source::Unstated,
                description: source,
                remediation: crate::Source::Unstated,
                retry: source,
            },
        }
    }

    const TINY_ALL: &[Tiny] = &[Tiny::Busy, Tiny::Gone];
    const BUSY_TEXTS: &[crate::Description] =
        &[crate::Description { language: crate::Language::Zh, text: "忙", source: crate::Source::Unstated }];
    const TINY_SPECS: &[CodeSpec] = &[
        CodeSpec {
            number: Some(7),
            wire_message: Some("busy now"),
            remediation: Some("wait"),
            descriptions: BUSY_TEXTS,
            ..row("Busy", RetryClass::Throttling)
        },
        row("Gone", RetryClass::No),
    ];
    fn tiny_lookup(code: &str) -> Option<Tiny> {
        TINY_ALL.iter().copied().find(|c| c.as_str() == code)
    }

    crate::error_code_enum!(VENDOR, Tiny, text, TINY_ALL, TINY_SPECS, tiny_lookup);

    #[test]
    fn known_and_unknown_codes_keep_their_wire_text() {
        let known = Code::<Tiny>::from_wire("Busy");
        assert_eq!(known, Code::Known(Tiny::Busy));
        assert_eq!(known.as_str(), "Busy");
        assert_eq!(known.retry(), RetryClass::Throttling);
        assert!(known == Tiny::Busy);

        let unknown = Code::<Tiny>::from_wire("busy");
        assert_eq!(unknown, Code::Unknown("busy"));
        assert_eq!(unknown.known(), None);
        assert_eq!(unknown.to_string(), "busy");
        assert_eq!(unknown.retry(), RetryClass::No);
        assert!(unknown != Tiny::Busy);
    }

    #[test]
    fn fingerprints_tell_same_length_codes_apart() {
        let codes = ["InvalidParameter.user.NotExist", "InvalidParameter.role.NotExist"];
        assert_ne!(wire_fingerprint(codes[0].as_bytes()), wire_fingerprint(codes[1].as_bytes()));
        assert_eq!(wire_fingerprint(b"AB"), 0x4241);
    }

    #[test]
    fn unknown_code_error_names_vendor_and_code() {
        let err = UnknownCode::new("tiny", "Nope".into());
        assert_eq!((err.vendor(), err.code()), ("tiny", "Nope"));
        assert_eq!(err.to_string(), "`Nope` is not a documented tiny error code");
    }

    #[test]
    fn a_message_matches_the_template_or_any_languages_text() {
        const TEXTS: &[crate::Description] = &[
            crate::Description {
                language: crate::Language::Zh,
                text: "用户 %s 不存在",
                source: crate::Source::Unstated,
            },
            crate::Description {
                language: crate::Language::En,
                text: "user %s does not exist",
                source: crate::Source::Unstated,
            },
        ];
        let spec =
            CodeSpec { descriptions: TEXTS, wire_message: Some("no user %s"), ..row("X", RetryClass::No) };
        assert_eq!(spec.message_args("no user alice"), Some(vec!["alice"]));
        assert_eq!(spec.message_args("用户 bob 不存在"), Some(vec!["bob"]));
        assert_eq!(spec.message_args("user carol does not exist"), Some(vec!["carol"]));
        assert_eq!(spec.message_args("something else"), None);
        assert_eq!(
            (
                spec.description_in(crate::Language::En),
                row("Y", RetryClass::No).description_in(crate::Language::Zh)
            ),
            (Some("user %s does not exist"), None)
        );
    }

    #[test]
    fn a_documented_code_reads_each_field_from_its_own_row() {
        const TEXTS: &[crate::Description] = &[crate::Description {
            language: crate::Language::Zh,
            text: "忙",
            source: crate::Source::Unstated,
        }];
        let spec = CodeSpec {
            name: "Named",
            number: Some(4000),
            http_status: Some(429),
            wire_message: Some("wire"),
            description: "described",
            descriptions: TEXTS,
            remediation: Some("wait"),
            ..row("Coded", RetryClass::Throttling)
        };
        assert_eq!(
            (spec.code(), spec.name(), spec.number(), spec.http_status()),
            ("Coded", "Named", Some(4000), Some(429))
        );
        assert_eq!(
            (spec.message(), spec.description(), spec.remediation()),
            ("wire", "described", Some("wait"))
        );
        assert_eq!(spec.description_in(crate::Language::Zh), Some("忙"));
        // The trait's views (what generic code calls; the enum's own methods shadow them) are
        // the row's fields.
        fn views<C: DocumentedCode>(code: C) -> (&'static str, Option<i64>, Option<u16>, &'static str) {
            (code.name(), code.number(), code.http_status(), code.message())
        }
        fn texts<C: DocumentedCode>(code: C) -> (&'static str, Option<&'static str>, Option<&'static str>) {
            (code.description(), code.remediation(), code.description_in(crate::Language::Zh))
        }
        assert_eq!(views(Tiny::Busy), ("Busy", Some(7), Some(503), "busy now"));
        assert_eq!(texts(Tiny::Busy), ("d", Some("wait"), Some("忙")));
        assert_eq!(<Tiny as DocumentedCode>::sources(Tiny::Busy).code().to_string(), "docs/vendor/tiny.md:1");
    }

    /// Generated `from_wire` functions match on fingerprints computed at generation time, so
    /// the function must keep giving these values (a change shows here before any lookup fails).
    #[test]
    fn fingerprints_are_stable_values() {
        assert_eq!(wire_fingerprint(b""), 0);
        // First eight bytes ^ middle eight rotated by 32 bits, last eight above them.
        assert_eq!(wire_fingerprint(b"NoSuchKey"), 0x7965_4b68_6375_536f_1018_072d_1018_072d);
        assert_eq!(wire_fingerprint(b"PAP5.0003"), 0x3330_3030_2e35_5041_0560_717e_0560_717e);
        assert_eq!(
            wire_fingerprint(b"InvalidParameter.user.NotExist"),
            0x7473_6978_4574_6f4e_3510_0c01_1203_403b
        );
    }
}
