use core::fmt;
use core::hash::Hash;

use crate::RetryClass;

/// What every generated `ErrorCode` enum answers, so that generic code (the conformance suite,
/// the `cloud-errors` command) can walk any vendor's table.
///
/// Each vendor crate also has the same methods as inherent `const fn`s, so a user of one crate
/// never needs to import this trait.
pub trait DocumentedCode: Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + Send + Sync + 'static {
    /// Every documented code, in the order of the vendor's document.
    const ALL: &'static [Self];
    /// The vendor's name, as the `cloud-errors` command spells it (`"s3"`, `"huawei-iam"`, ...).
    const VENDOR: &'static str;

    /// The code as it travels on the wire (`"NoSuchKey"`, `"PAP5.0003"`, `"2004"`).
    fn as_str(self) -> &'static str;
    /// The enum variant's name (`"NoSuchKey"`, `"ConcurrentModification"`).
    fn name(self) -> &'static str;
    /// The code as a number, for vendors whose codes are numbers.
    fn number(self) -> Option<i64>;
    /// The HTTP status the vendor answers with when it sends this code.
    fn http_status(self) -> u16;
    /// The documented message, or message template (see [`crate::template`]).
    fn message(self) -> &'static str;
    /// The documented description of the error.
    fn description(self) -> &'static str;
    /// What the vendor says to do about it, where it says anything.
    fn remediation(self) -> Option<&'static str>;
    /// Whether retrying can succeed.
    fn retry(self) -> RetryClass;
    /// The line of the vendor document this code was read from (1-based).
    fn doc_line(self) -> u32;
    /// Looks a wire code up; `None` when it is not documented. Allocates nothing.
    fn from_wire(code: &str) -> Option<Self>;
}

/// A 128-bit fingerprint of a wire code (its first, middle and last eight bytes with its length
/// folded in, or for shorter codes the code itself and its length), which generated `from_wire` functions `match` on before
/// confirming with one string comparison. `cargo xtask regen` checks that no two documented
/// codes of a table share a fingerprint.
#[inline]
pub const fn wire_fingerprint(code: &[u8]) -> u128 {
    let len = code.len();
    if len >= 8 {
        let first = read_u64(code, 0);
        let middle = read_u64(code, len / 2 - 4);
        let last = read_u64(code, len - 8);
        ((first ^ middle.rotate_left(32)) as u128 | (last as u128) << 64) ^ (len as u128) << 120
    } else {
        let mut padded = [0u8; 8];
        let mut i = 0;
        while i < len {
            padded[i] = code[i];
            i += 1;
        }
        u64::from_le_bytes(padded) as u128 | (len as u128) << 64
    }
}

/// The eight bytes of `code` from `at`, little-endian (`at + 8 <= code.len()`).
#[inline]
const fn read_u64(code: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    let mut i = 0;
    while i < 8 {
        bytes[i] = code[at + i];
        i += 1;
    }
    u64::from_le_bytes(bytes)
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
    /// The vendor whose table was searched.
    pub vendor: &'static str,
    /// The code that was not found.
    pub code: String,
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
    /// The vendor's name, as the `cloud-errors` command spells it.
    fn vendor(&self) -> &'static str;
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
    /// The documented description of a known code.
    fn description(&self) -> Option<&'static str>;
    /// The documented remediation of a known code.
    fn remediation(&self) -> Option<&'static str>;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-code table, shaped like a generated one.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    enum Tiny {
        Busy,
        Gone,
    }

    impl fmt::Display for Tiny {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.as_str())
        }
    }

    impl DocumentedCode for Tiny {
        const ALL: &'static [Self] = &[Tiny::Busy, Tiny::Gone];
        const VENDOR: &'static str = "tiny";
        fn as_str(self) -> &'static str {
            match self {
                Tiny::Busy => "Busy",
                Tiny::Gone => "Gone",
            }
        }
        fn name(self) -> &'static str {
            self.as_str()
        }
        fn number(self) -> Option<i64> {
            None
        }
        fn http_status(self) -> u16 {
            503
        }
        fn message(self) -> &'static str {
            "m"
        }
        fn description(self) -> &'static str {
            "d"
        }
        fn remediation(self) -> Option<&'static str> {
            None
        }
        fn retry(self) -> RetryClass {
            match self {
                Tiny::Busy => RetryClass::Throttling,
                Tiny::Gone => RetryClass::No,
            }
        }
        fn doc_line(self) -> u32 {
            1
        }
        fn from_wire(code: &str) -> Option<Self> {
            Self::ALL.iter().copied().find(|c| c.as_str() == code)
        }
    }

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
    fn unknown_code_error_names_vendor_and_code() {
        let err = UnknownCode { vendor: "tiny", code: "Nope".into() };
        assert_eq!(err.to_string(), "`Nope` is not a documented tiny error code");
    }
}
