//! The text an S3 body was read from, kept so that writing it back is exact whatever its
//! layout (indentation, CRLF, CDATA, `<Message/>`, `&apos;`), and edited in place so that
//! setting one element changes only that element's bytes.
//!
//! Where elements stand is found only when an edit needs it, by a small scanner that walks
//! text the reader has already checked (no DOCTYPE, well-formed, names checked).

use core::ops::Range;

/// One element of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ElementAt {
    name: Range<usize>,
    /// From `<` through the end tag's `>` (or the `/>` of an empty-element tag).
    whole: Range<usize>,
    /// Between the start tag and the end tag; `None` for `<Name/>`.
    content: Option<Range<usize>>,
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|at| from + at)
}

/// The end (exclusive) of the tag starting at `at` (its `<`), quotes respected.
fn tag_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut quote = None;
    // From the `<` itself, which is neither a quote nor a `>`.
    for (i, &b) in bytes.iter().enumerate().skip(at) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The end (exclusive) of the markup construct at `at` that is not an element: a comment,
/// CDATA section, processing instruction or declaration.
fn special_end(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = &bytes[at..];
    if rest.starts_with(b"<!--") {
        find(bytes, at + 4, b"-->").map(|end| end + 3)
    } else if rest.starts_with(b"<![CDATA[") {
        find(bytes, at + 9, b"]]>").map(|end| end + 3)
    } else if rest.starts_with(b"<?") {
        find(bytes, at + 2, b"?>").map(|end| end + 2)
    } else {
        None
    }
}

/// The element whose start tag begins at `at`.
fn element_at(bytes: &[u8], at: usize) -> Option<ElementAt> {
    let open_end = tag_end(bytes, at)?;
    let name_end = bytes[at + 1..open_end]
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .map(|n| at + 1 + n)?;
    let name = at + 1..name_end;
    if bytes[open_end - 2] == b'/' {
        return Some(ElementAt { name, whole: at..open_end, content: None });
    }
    // Walk to the matching end tag; nested elements of the same name count too.
    let mut depth = 1usize;
    let mut i = open_end;
    while let Some(&byte) = bytes.get(i) {
        if byte != b'<' {
            i += 1;
            continue;
        }
        if let Some(end) = special_end(bytes, i) {
            i = end;
            continue;
        }
        let end = tag_end(bytes, i)?;
        if bytes.get(i + 1) == Some(&b'/') {
            depth -= 1;
            if depth == 0 {
                return Some(ElementAt { name, whole: at..end, content: Some(open_end..i) });
            }
        } else if bytes[end - 2] != b'/' {
            depth += 1;
        }
        i = end;
    }
    None
}

/// The child elements of `parent`'s content, in order.
fn children(bytes: &[u8], parent: &ElementAt) -> Vec<ElementAt> {
    let Some(content) = &parent.content else { return Vec::new() };
    let mut out = Vec::new();
    let mut i = content.start;
    while i < content.end {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if let Some(end) = special_end(bytes, i) {
            i = end;
            continue;
        }
        match element_at(bytes, i) {
            Some(child) => {
                i = child.whole.end;
                out.push(child);
            }
            None => return out,
        }
    }
    out
}

/// The root element.
fn root(bytes: &[u8]) -> Option<ElementAt> {
    let mut i = 0;
    loop {
        let at = i + bytes.get(i..)?.iter().position(|&b| b == b'<')?;
        match special_end(bytes, at) {
            Some(end) => i = end,
            None => return element_at(bytes, at),
        }
    }
}

/// Escapes element text as the writer does.
fn escape(text: &str) -> String {
    let mut out = Vec::new();
    crate::syntax::escape_into(&mut out, text);
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

/// The kept text of an S3 body (none for one built from scratch).
#[derive(Clone, Debug, Default)]
pub(crate) struct KeptXml {
    text: Option<String>,
}

/// Kept text takes no part in equality: envelopes are equal when they hold the same elements
/// in the same order, however each was laid out. Compare `to_bytes()` to compare bytes.
impl PartialEq for KeptXml {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for KeptXml {}

/// Which element holds the fields an edit touches.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Holder {
    /// The `<Error>` element (the root, or inside `<ErrorResponse>`, or in its `<Errors>`).
    Error,
    /// The `<ErrorResponse>` root itself (the Query envelope's `RequestId`).
    Outer,
}

impl KeptXml {
    pub(crate) const fn none() -> Self {
        KeptXml { text: None }
    }

    pub(crate) fn new(text: &str) -> Self {
        KeptXml { text: Some(text.to_owned()) }
    }

    #[inline]
    pub(crate) fn as_str(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The element holding the fields.
    fn holder(text: &str, holder: Holder) -> Option<ElementAt> {
        let bytes = text.as_bytes();
        let root = root(bytes)?;
        let name = |e: &ElementAt| &text[e.name.clone()];
        match (holder, name(&root)) {
            (Holder::Error, "Error") => Some(root),
            (Holder::Outer, "ErrorResponse" | "Response") => Some(root),
            (Holder::Error, "ErrorResponse" | "Response") => {
                let children = children(bytes, &root);
                if let Some(error) = children.iter().find(|c| name(c) == "Error") {
                    return Some(error.clone());
                }
                let errors = children.into_iter().find(|c| name(c) == "Errors")?;
                self::children(bytes, &errors).into_iter().find(|c| name(c) == "Error")
            }
            _ => None,
        }
    }

    /// Sets child `name` of the holder to `value`: its content replaced where it is, else a new
    /// element added before the first of `before` present (or last), laid out as its siblings.
    /// Where the text cannot take the edit, it is forgotten (the canonical layout then holds it).
    pub(crate) fn set(&mut self, holder: Holder, name: &str, value: &str, before: &[&str]) {
        if let Some(text) = self.text.as_mut() {
            if Self::set_in(text, holder, name, value, before).is_none() {
                self.text = None;
            }
        }
    }

    fn set_in(text: &mut String, holder: Holder, name: &str, value: &str, before: &[&str]) -> Option<()> {
        let parent = Self::holder(text, holder)?;
        let bytes = text.as_bytes();
        let siblings = children(bytes, &parent);
        let escaped = escape(value);
        if let Some(child) = siblings.iter().find(|c| &text[c.name.clone()] == name) {
            match &child.content {
                Some(content) => text.replace_range(content.clone(), &escaped),
                // `<Message/>` becomes `<Message>text</Message>`, its attributes kept.
                None => {
                    let open = &text[child.whole.start..child.whole.end - 2];
                    let element = format!("{}>{escaped}</{name}>", open.trim_end());
                    text.replace_range(child.whole.clone(), &element);
                }
            }
            return Some(());
        }
        let element = format!("<{name}>{escaped}</{name}>");
        let anchor = siblings.iter().find(|c| before.contains(&&text[c.name.clone()]));
        // The whitespace that stands before the anchor (or the last child) lays out the new one.
        match (anchor, siblings.last()) {
            (Some(next), _) => {
                let index = siblings.iter().position(|c| c.whole == next.whole)?;
                let gap_start =
                    if index == 0 { parent.content.as_ref()?.start } else { siblings[index - 1].whole.end };
                let gap = text[gap_start..next.whole.start].to_owned();
                text.insert_str(next.whole.start, &format!("{element}{gap}"));
            }
            (None, Some(last)) => {
                let index = siblings.len() - 1;
                let gap_start =
                    if index == 0 { parent.content.as_ref()?.start } else { siblings[index - 1].whole.end };
                let gap = text[gap_start..last.whole.start].to_owned();
                text.insert_str(last.whole.end, &format!("{gap}{element}"));
            }
            (None, None) => {
                let content = parent.content?;
                text.insert_str(content.start, &element);
            }
        }
        Some(())
    }

    /// Removes every child `name` of the holder, with the whitespace before it.
    pub(crate) fn remove(&mut self, holder: Holder, name: &str) {
        let Some(text) = self.text.as_mut() else { return };
        loop {
            let Some(parent) = Self::holder(text, holder) else {
                self.text = None;
                return;
            };
            let siblings = children(text.as_bytes(), &parent);
            let Some(index) = siblings.iter().position(|c| &text[c.name.clone()] == name) else { return };
            let start = match index {
                0 => siblings[0].whole.start,
                _ => siblings[index - 1].whole.end,
            };
            text.replace_range(start..siblings[index].whole.end, "");
        }
    }

    /// Removes the XML declaration and what follows it up to the root element.
    pub(crate) fn remove_declaration(&mut self) {
        if let Some(text) = self.text.as_mut() {
            if text.starts_with("<?xml") {
                match root(text.as_bytes()) {
                    Some(root) => text.replace_range(..root.whole.start, ""),
                    None => self.text = None,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRETTY: &str = "<?xml version='1.0'?>\r\n<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\r\n  <Error>\r\n    <Type>Sender</Type>\r\n    <Code>Throttling</Code>\r\n    <Message/>\r\n  </Error>\r\n  <RequestId>r1</RequestId>\r\n</ErrorResponse>\r\n";

    #[test]
    fn replaces_content_in_place_and_expands_empty_elements() {
        let mut kept = KeptXml::new(PRETTY);
        kept.set(Holder::Error, "Message", "Rate <exceeded>", &[]);
        kept.set(Holder::Outer, "RequestId", "r2", &[]);
        assert_eq!(
            kept.as_str().unwrap(),
            PRETTY.replace("<Message/>", "<Message>Rate &lt;exceeded&gt;</Message>").replace("r1", "r2")
        );
    }

    #[test]
    fn adds_elements_laid_out_like_their_siblings() {
        let mut kept =
            KeptXml::new("<Error>\n  <Code>NoSuchKey</Code>\n  <RequestId>R</RequestId>\n</Error>");
        kept.set(Holder::Error, "Key", "a.txt", &["RequestId", "HostId"]);
        kept.set(Holder::Error, "HostId", "H", &[]);
        assert_eq!(
            kept.as_str().unwrap(),
            "<Error>\n  <Code>NoSuchKey</Code>\n  <Key>a.txt</Key>\n  <RequestId>R</RequestId>\n  <HostId>H</HostId>\n</Error>"
        );
        kept.remove(Holder::Error, "Key");
        assert_eq!(
            kept.as_str().unwrap(),
            "<Error>\n  <Code>NoSuchKey</Code>\n  <RequestId>R</RequestId>\n  <HostId>H</HostId>\n</Error>"
        );
    }

    #[test]
    fn walks_cdata_comments_and_nested_markup() {
        let text = "<Error><Code><![CDATA[X</Code>]]></Code><D><a/><!-- </Error> --><b>t</b></D><Message>m</Message></Error>";
        let mut kept = KeptXml::new(text);
        kept.set(Holder::Error, "Message", "n", &[]);
        assert_eq!(kept.as_str().unwrap(), text.replace("<Message>m</Message>", "<Message>n</Message>"));
        let mut wrapped =
            KeptXml::new("<ErrorResponse><Errors><Error><Code>A</Code></Error></Errors></ErrorResponse>");
        wrapped.set(Holder::Error, "Message", "m", &[]);
        assert_eq!(
            wrapped.as_str().unwrap(),
            "<ErrorResponse><Errors><Error><Code>A</Code><Message>m</Message></Error></Errors></ErrorResponse>"
        );
    }

    #[test]
    fn removes_the_declaration() {
        let mut kept = KeptXml::new("<?xml version=\"1.0\"?>\n<Error><Code>A</Code></Error>");
        kept.remove_declaration();
        assert_eq!(kept.as_str().unwrap(), "<Error><Code>A</Code></Error>");
    }
}
