/// Response headers, as the HTTP-context constructors of the vendor crates read them.
///
/// Implemented for slices and vectors of `(name, value)` pairs; names are matched without
/// regard to ASCII case, and the first match wins.
pub trait Headers {
    /// The value of the first header called `name` (ASCII case-insensitive).
    fn header(&self, name: &str) -> Option<&str>;
}

impl<K: AsRef<str>, V: AsRef<str>> Headers for [(K, V)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter().find(|(key, _)| key.as_ref().eq_ignore_ascii_case(name)).map(|(_, value)| value.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>, const N: usize> Headers for [(K, V); N] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Headers for Vec<(K, V)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_case_insensitively_and_first_wins() {
        let headers = [("X-Amz-Request-Id", "A1"), ("x-amz-request-id", "B2")];
        assert_eq!(headers.header("x-amz-request-id"), Some("A1"));
        assert_eq!(headers.header("x-amz-id-2"), None);
        let empty: Vec<(String, String)> = Vec::new();
        assert_eq!(empty.header("x"), None);
    }
}
