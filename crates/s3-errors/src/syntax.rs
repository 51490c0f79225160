//! XML's lexical rules the readers and writers share: what a name is, how text is escaped.

/// XML's `Name` production, with every non-ASCII character allowed. Read byte by byte: every
/// byte of a non-ASCII character is non-ASCII, so a byte decides what its character would.
pub(crate) fn is_xml_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.first().is_some_and(|&b| is_name_start(b)) && name_len(bytes) == bytes.len()
}

/// How many of the first bytes of `bytes` could be in a name (its first is checked apart).
pub(crate) fn name_len(bytes: &[u8]) -> usize {
    let inside = |b: u8| is_name_start(b) || b.is_ascii_digit() || b == b'-' || b == b'.';
    bytes.iter().position(|&b| !inside(b)).unwrap_or(bytes.len())
}

/// Whether a name may start with byte `b`.
pub(crate) fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b':' || !b.is_ascii()
}

/// Escapes text for element content. `\r` and other control characters become character
/// references, so that they survive a reader's line-ending normalisation.
pub(crate) fn escape_into(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let escape: Option<&[u8]> = match byte {
            b'&' => Some(b"&amp;"),
            b'<' => Some(b"&lt;"),
            b'>' => Some(b"&gt;"),
            b'\t' | b'\n' => None,
            0..=0x1f | 0x7f => {
                out.extend_from_slice(&bytes[start..i]);
                out.extend_from_slice(format!("&#x{byte:X};").as_bytes());
                start = i + 1;
                continue;
            }
            _ => None,
        };
        if let Some(escape) = escape {
            out.extend_from_slice(&bytes[start..i]);
            out.extend_from_slice(escape);
            start = i + 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
}
