//! The text an S3 body was read from, kept so that writing it back is exact whatever its
//! layout (indentation, CRLF, CDATA, `<Message/>`, `&apos;`), and edited in place so that
//! setting one element changes only that element's bytes.
//!
//! Where elements stand is found only when an edit needs it, by the reader's own tokens over
//! the text it took (`tokens::root_at`, `tokens::children_at`), so an edit sees the elements the
//! reader saw.

use crate::tokens::{children_at, root_at, ElementAt};

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
        let root = root_at(text)?;
        let name = |e: &ElementAt| &text[e.name.clone()];
        match (holder, name(&root)) {
            (Holder::Error, "Error") => Some(root),
            (Holder::Outer, "ErrorResponse" | "Response") => Some(root),
            (Holder::Error, "ErrorResponse" | "Response") => {
                let children = children_at(text, &root);
                if let Some(error) = children.iter().find(|c| name(c) == "Error") {
                    return Some(error.clone());
                }
                let errors = children.into_iter().find(|c| name(c) == "Errors")?;
                children_at(text, &errors).into_iter().find(|c| name(c) == "Error")
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
        let siblings = children_at(text, &parent);
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
            let siblings = children_at(text, &parent);
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
                match root_at(text) {
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
