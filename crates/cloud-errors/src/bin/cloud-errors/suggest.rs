//! Finding codes a person meant: the nearest by edit distance, or by words of their text.

use cloud_errors::CodeInfo;

/// The edit distance (insertions, deletions, substitutions) between `a` and `b`, ignoring ASCII
/// case; `None` once it exceeds `limit`, so that long strings cost little.
fn distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        if current.iter().min().is_some_and(|&best| best > limit) {
            return None;
        }
        previous = current;
    }
    Some(previous[b.len()]).filter(|&d| d <= limit)
}

/// The codes nearest to `query` by their wire code or variant name: at most `max`, closest
/// first, none farther than a third of the query's length (at least 2 edits).
pub fn nearest(query: &str, codes: &[CodeInfo], max: usize) -> Vec<CodeInfo> {
    let limit = (query.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, CodeInfo)> = codes
        .iter()
        .filter_map(|info| {
            let by_code = distance(query, info.code(), limit);
            let by_name = distance(query, info.name(), limit);
            by_code.into_iter().chain(by_name).min().map(|d| (d, *info))
        })
        .collect();
    scored.sort_by_key(|(d, info)| (*d, info.vendor(), info.code()));
    scored.into_iter().take(max).map(|(_, info)| info).collect()
}

/// The codes whose message, wire message, title or description (in any language) contain every
/// one of `words` (case-insensitively), in table order.
pub fn search(words: &[String], codes: &[CodeInfo]) -> Vec<CodeInfo> {
    let words: Vec<String> = words.iter().flat_map(|w| w.split_whitespace()).map(str::to_lowercase).collect();
    codes
        .iter()
        .filter(|info| {
            let spec = info.spec();
            // Every language's text: a code is found by the words of any of them.
            let text = [
                Some(spec.description()),
                spec.wire_message(),
                spec.title(),
                Some(spec.code()),
                Some(spec.name()),
            ]
            .into_iter()
            .flatten()
            .chain(spec.descriptions().iter().map(|d| d.text()))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
            !words.is_empty() && words.iter().all(|word| text.contains(word.as_str()))
        })
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_case_blind_and_bounded() {
        assert_eq!(distance("NoSuchKy", "NoSuchKey", 3), Some(1));
        assert_eq!(distance("nosuchkey", "NoSuchKey", 3), Some(0));
        assert_eq!(distance("abc", "xyz", 2), None);
        assert_eq!(distance("a", "abcdefgh", 2), None);
    }

    #[test]
    fn the_nearest_documented_codes_come_first() {
        let codes: Vec<CodeInfo> =
            cloud_errors::Vendor::enabled().flat_map(cloud_errors::documented_codes).collect();
        if cloud_errors::Vendor::S3.is_enabled() {
            let found = nearest("NoSuchKy", &codes, 3);
            assert_eq!(found.first().map(|i| i.code()), Some("NoSuchKey"));
            let words = search(&["bucket".to_owned(), "not empty".to_owned()], &codes);
            assert!(
                words.iter().any(|i| i.code() == "BucketNotEmpty"),
                "{:?}",
                words.iter().map(|i| i.code()).collect::<Vec<_>>()
            );
        }
        assert!(nearest("zzzzzzzzzzzzzzzzzzzzzzzz", &codes, 3).is_empty());
    }
}
