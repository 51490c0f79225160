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

/// Header values that are not visible ASCII are skipped, as no vendor sends such ids.
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl Headers for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get_all(name).iter().find_map(|value| value.to_str().ok())
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

    #[cfg(feature = "http")]
    #[test]
    fn header_maps_are_headers() {
        let mut map = http::HeaderMap::new();
        map.insert("x-amz-request-id", http::HeaderValue::from_static("R1"));
        assert_eq!(map.header("X-Amz-Request-Id"), Some("R1"));
        assert_eq!(map.header("x-amz-id-2"), None);
    }

    #[test]
    fn a_vec_of_pairs_is_read_like_a_slice() {
        let headers = vec![("X-Request-Id".to_owned(), "r1".to_owned())];
        assert_eq!(headers.header("x-request-id"), Some("r1"));
        assert_eq!(headers.header("x-other"), None);
    }
}
