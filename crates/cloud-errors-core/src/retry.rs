use core::fmt;
use core::str::FromStr;

/// Whether a failed call is worth retrying, as the vendor's documentation (or the project's
/// overlay, where the documentation is silent) classifies the error code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RetryClass {
    /// The caller is sending too fast: retry after backing off.
    Throttling,
    /// A passing server-side failure: retrying the same request may succeed.
    Transient,
    /// Retrying the same request will fail the same way.
    No,
}

impl RetryClass {
    /// Every class, in declaration order.
    pub const ALL: [RetryClass; 3] = [RetryClass::Throttling, RetryClass::Transient, RetryClass::No];

    /// The class as a lowercase word: `"throttling"`, `"transient"` or `"no"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryClass::Throttling => "throttling",
            RetryClass::Transient => "transient",
            RetryClass::No => "no",
        }
    }

    /// True for the classes where retrying the same request can succeed.
    pub const fn is_retryable(self) -> bool {
        !matches!(self, RetryClass::No)
    }

    /// The retry class of a response: the documented class of a known code; for a code the
    /// document does not list, transient when the HTTP status is a 5xx, otherwise no.
    pub fn of_response(documented: Option<RetryClass>, status: Option<u16>) -> RetryClass {
        match (documented, status) {
            (Some(class), _) => class,
            (None, Some(500..=599)) => RetryClass::Transient,
            (None, _) => RetryClass::No,
        }
    }
}

impl fmt::Display for RetryClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The word given to [`RetryClass::from_str`] was none of `throttling`, `transient`, `no`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRetryClass(pub String);

impl fmt::Display for UnknownRetryClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown retry class `{}`: expected throttling, transient or no", self.0)
    }
}

impl std::error::Error for UnknownRetryClass {}

impl FromStr for RetryClass {
    type Err = UnknownRetryClass;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RetryClass::ALL
            .into_iter()
            .find(|class| class.as_str() == s)
            .ok_or_else(|| UnknownRetryClass(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for class in RetryClass::ALL {
            assert_eq!(class.as_str().parse::<RetryClass>(), Ok(class));
            assert_eq!(class.to_string(), class.as_str());
        }
        assert_eq!("maybe".parse::<RetryClass>(), Err(UnknownRetryClass("maybe".into())));
    }

    #[test]
    fn unknown_codes_retry_only_on_server_errors() {
        assert_eq!(RetryClass::of_response(Some(RetryClass::Throttling), Some(400)), RetryClass::Throttling);
        assert_eq!(RetryClass::of_response(None, Some(503)), RetryClass::Transient);
        assert_eq!(RetryClass::of_response(None, Some(404)), RetryClass::No);
        assert_eq!(RetryClass::of_response(None, None), RetryClass::No);
    }

    #[test]
    fn only_no_is_final() {
        assert!(RetryClass::Throttling.is_retryable());
        assert!(RetryClass::Transient.is_retryable());
        assert!(!RetryClass::No.is_retryable());
    }

    #[test]
    fn an_unknown_class_names_the_word_and_the_choices() {
        let err = "sometimes".parse::<RetryClass>().unwrap_err();
        assert_eq!(err.to_string(), "unknown retry class `sometimes`: expected throttling, transient or no");
    }
}
