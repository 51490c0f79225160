//! XML's tokens as quick-xml's tokenizer cuts them (text, references, tags, comments, CDATA,
//! processing instructions), borrowed from the body: what the reader (`read.rs`) builds the
//! envelope from and what edits (`kept.rs`) find elements with. Each rule here is quick-xml's,
//! not a stricter or looser XML; the tests compare every event with quick-xml's own.

use std::ops::Range;

use memchr::{memchr, memchr2, memchr3, memchr3_iter, memchr_iter};

use crate::syntax::{is_name_start, is_xml_name, name_len};

/// Whether text between elements is only whitespace (as `str::trim` has it, which is what
/// quick-xml's reader is asked).
pub(crate) fn is_blank(text: &str) -> bool {
    text.bytes().all(is_xml_space) || text.trim().is_empty()
}

/// XML's whitespace, as quick-xml's tokenizer has it.
fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// One of quick-xml's events, borrowed from the body.
#[derive(Debug, PartialEq)]
pub(crate) enum Event<'a> {
    /// A run of text up to the next `<` or `&`, never empty.
    Text(&'a str),
    /// `&name;`: the name.
    Ref(&'a str),
    Start(Tag<'a>),
    Empty(Tag<'a>),
    /// `</name>`: the name, without the whitespace after it.
    End(&'a str),
    Comment,
    /// `<![CDATA[…]]>`: the text inside.
    CData(&'a str),
    /// A processing instruction other than a declaration.
    Pi,
    /// `<?xml …?>`: what follows `xml`.
    Decl(&'a str),
    Eof,
}

/// A start tag's content: its name (what comes before the first whitespace) and its attributes
/// as written.
#[derive(Debug, PartialEq)]
pub(crate) struct Tag<'a> {
    pub(crate) name: &'a str,
    pub(crate) attributes: &'a str,
    /// The name is known to be an XML name, and there are no attributes: the tag was read on
    /// the short path.
    pub(crate) plain: bool,
}

impl<'a> Tag<'a> {
    /// A tag as a field or envelope element: its name must be an XML name and its attributes
    /// well-formed. The attributes, trimmed.
    #[inline]
    pub(crate) fn checked_attributes(&self) -> Option<&'a str> {
        if self.plain {
            return Some("");
        }
        if !is_xml_name(self.name) || !attributes_are_well_formed(self.attributes) {
            return None;
        }
        Some(self.attributes.trim())
    }
}

/// Whether `attributes` reads as quick-xml's attribute iterator reads them: each a key, `=`
/// (whitespace around it allowed) and a quoted value, keys distinct; nothing else is checked.
fn attributes_are_well_formed(attributes: &str) -> bool {
    let bytes = attributes.as_bytes();
    let skip_space = |mut at: usize| {
        while bytes.get(at).is_some_and(|&b| is_xml_space(b)) {
            at += 1;
        }
        at
    };
    // The keys so far: a few in place (a tag seldom has more), any more in a set, so that a
    // tag with very many attributes costs no more than linear time.
    let mut few: [&[u8]; 4] = [&[]; 4];
    let mut count = 0;
    let mut more = std::collections::HashSet::new();
    let mut at = skip_space(0);
    while at < bytes.len() {
        // A key is at least its first byte, whatever that is, up to `=` or whitespace.
        let start = at;
        at += 1;
        while bytes.get(at).is_some_and(|&b| b != b'=' && !is_xml_space(b)) {
            at += 1;
        }
        let key = &bytes[start..at];
        at = skip_space(at);
        if bytes.get(at) != Some(&b'=') || few[..count.min(few.len())].contains(&key) {
            return false;
        }
        if count < few.len() {
            few[count] = key;
        } else if !more.insert(key) {
            return false;
        }
        count += 1;
        at = skip_space(at + 1);
        let Some(&quote @ (b'"' | b'\'')) = bytes.get(at) else { return false };
        let Some(close) = memchr(quote, &bytes[at + 1..]) else { return false };
        at = skip_space(at + 1 + close + 1);
    }
    true
}

/// Decodes a reference's name (`lt`, `#x41`) to its character: XML's five predefined entities
/// and character references, which is what quick-xml's reader decodes.
pub(crate) fn decode_reference(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16),
                None => number.parse(),
            };
            char::from_u32(value.ok()?)?
        }
    })
}

/// Appends `text` with XML 1.0's line ends (`\r\n` and a lone `\r` become `\n`).
pub(crate) fn push_text(out: &mut String, mut text: &str) {
    while let Some(at) = memchr(b'\r', text.as_bytes()) {
        out.push_str(&text[..at]);
        out.push('\n');
        text = &text[at + 1..];
        text = text.strip_prefix('\n').unwrap_or(text);
    }
    out.push_str(text);
}

/// The body and how far it has been read.
pub(crate) struct Reader<'a> {
    pub(crate) text: &'a str,
    pub(crate) at: usize,
}

impl<'a> Reader<'a> {
    /// The next event, as quick-xml's tokenizer would give it; `None` where it would fail, and
    /// for a DOCTYPE, which no S3 body may hold.
    #[inline]
    pub(crate) fn next(&mut self) -> Option<Event<'a>> {
        match self.plain_tag() {
            Some(tag) => Some(tag),
            None => self.any_event(),
        }
    }

    /// The tags most bodies are made of, without a call: `<name>`, `<name/>` and `</name>`.
    #[inline(always)]
    fn plain_tag(&mut self) -> Option<Event<'a>> {
        let (text, at) = (self.text, self.at);
        let bytes = text.as_bytes();
        if bytes.get(at) != Some(&b'<') {
            return None;
        }
        let is_end = bytes.get(at + 1) == Some(&b'/');
        let start = if is_end { at + 2 } else { at + 1 };
        let name_end = start + name_len(&bytes[start..]);
        let name = &text[start..name_end];
        let plain = bytes.get(start).is_some_and(|&b| is_name_start(b));
        let (event, end) = match bytes.get(name_end)? {
            b'>' if is_end => (Event::End(name), name_end + 1),
            b'>' => (Event::Start(Tag { name, attributes: "", plain }), name_end + 1),
            b'/' if !is_end && bytes.get(name_end + 1) == Some(&b'>') => {
                (Event::Empty(Tag { name, attributes: "", plain }), name_end + 2)
            }
            _ => return None,
        };
        self.at = end;
        Some(event)
    }

    /// Any event (the short path's too).
    #[inline(never)]
    fn any_event(&mut self) -> Option<Event<'a>> {
        let (text, at) = (self.text, self.at);
        let bytes = text.as_bytes();
        match bytes.get(at) {
            None => Some(Event::Eof),
            Some(b'<') => self.markup(),
            Some(b'&') => {
                // A reference runs to `;`; a `&` or `<` before it is an error.
                let length = memchr3(b';', b'&', b'<', &bytes[at + 1..])?;
                if bytes[at + 1 + length] != b';' {
                    return None;
                }
                self.at = at + length + 2;
                Some(Event::Ref(&text[at + 1..at + 1 + length]))
            }
            Some(_) => {
                // Whitespace between elements is the usual text: it ends where the next tag
                // starts, with no search.
                let mut end = at;
                while bytes.get(end).is_some_and(|&b| is_xml_space(b)) {
                    end += 1;
                }
                if !matches!(bytes.get(end), None | Some(b'<' | b'&')) {
                    end = memchr2(b'<', b'&', &bytes[end..]).map_or(bytes.len(), |length| end + length);
                }
                self.at = end;
                Some(Event::Text(&text[at..end]))
            }
        }
    }

    /// The markup at `<`.
    fn markup(&mut self) -> Option<Event<'a>> {
        let (text, at) = (self.text, self.at);
        let bytes = text.as_bytes();
        match *bytes.get(at + 1)? {
            b'!' => self.bang(),
            b'/' => {
                let close = tag_close(bytes, at)?;
                self.at = close + 1;
                let content = &text[at + 2..close];
                // The whitespace after the name goes, where there is a name.
                let name = match content.bytes().rposition(|b| !is_xml_space(b)) {
                    Some(last) => &content[..=last],
                    None => content,
                };
                Some(Event::End(name))
            }
            b'?' => {
                // The first `?>`, where that `?` may be the one after `<`.
                let close = first_close_after(bytes, at + 2, b"?")?;
                self.at = close + 1;
                if close - at < 3 {
                    return None;
                }
                let content = &text[at + 2..close - 1];
                let declaration = content
                    .strip_prefix("xml")
                    .filter(|rest| rest.as_bytes().first().is_none_or(|&b| is_xml_space(b)));
                Some(declaration.map_or(Event::Pi, Event::Decl))
            }
            _ => {
                let close = tag_close(bytes, at)?;
                self.at = close + 1;
                let (content, empty) = match text[at + 1..close].strip_suffix('/') {
                    Some(content) => (content, true),
                    None => (&text[at + 1..close], false),
                };
                let name_length = content.bytes().position(is_xml_space).unwrap_or(content.len());
                let tag =
                    Tag { name: &content[..name_length], attributes: &content[name_length..], plain: false };
                Some(if empty { Event::Empty(tag) } else { Event::Start(tag) })
            }
        }
    }

    /// The markup at `<!`: a comment or CDATA (a DOCTYPE, or anything else, is refused).
    fn bang(&mut self) -> Option<Event<'a>> {
        let (text, at) = (self.text, self.at);
        let bytes = text.as_bytes();
        match bytes.get(at + 2)? {
            b'[' => {
                let end = first_close_after(bytes, at + 3, b"]]")? - 2;
                self.at = end + 3;
                text[at..].starts_with("<![CDATA[").then(|| Event::CData(&text[at + 9..end]))
            }
            b'-' => {
                // The first `>` after `--`, where `<!---->` is the shortest comment.
                let close = first_close_after(bytes, at + 6, b"--")?;
                self.at = close + 1;
                text[at..].starts_with("<!--").then_some(Event::Comment)
            }
            _ => None,
        }
    }
}

/// Where an element stands in a body the reader took: the spans an edit splices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ElementAt {
    pub(crate) name: Range<usize>,
    /// From `<` through the end tag's `>` (or the `/>` of an empty-element tag).
    pub(crate) whole: Range<usize>,
    /// Between the start tag and the end tag; `None` for `<Name/>`.
    pub(crate) content: Option<Range<usize>>,
}

/// The root element of `text`, a body the reader took, found by the reader's own tokens (so
/// that what looks like an element inside a comment or CDATA is not one, exactly as when the
/// body was read).
pub(crate) fn root_at(text: &str) -> Option<ElementAt> {
    let mut reader = Reader { text, at: 0 };
    loop {
        let at = reader.at;
        match reader.next()? {
            event @ (Event::Start(_) | Event::Empty(_)) => return reader.element_from(at, event),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The elements directly inside `parent`, in order.
pub(crate) fn children_at(text: &str, parent: &ElementAt) -> Vec<ElementAt> {
    let Some(content) = &parent.content else { return Vec::new() };
    let mut reader = Reader { text, at: content.start };
    let mut children = Vec::new();
    while reader.at < content.end {
        let at = reader.at;
        match reader.next() {
            Some(event @ (Event::Start(_) | Event::Empty(_))) => match reader.element_from(at, event) {
                Some(child) => children.push(child),
                None => break,
            },
            Some(Event::End(_) | Event::Eof) | None => break,
            Some(_) => {}
        }
    }
    children
}

impl<'a> Reader<'a> {
    /// The element whose start tag (`tag`, read from `at`) was just read, through its end tag.
    fn element_from(&mut self, at: usize, tag: Event<'a>) -> Option<ElementAt> {
        let (name, content_start) = match tag {
            Event::Start(tag) => (at + 1..at + 1 + tag.name.len(), self.at),
            Event::Empty(tag) => {
                return Some(ElementAt {
                    name: at + 1..at + 1 + tag.name.len(),
                    whole: at..self.at,
                    content: None,
                })
            }
            _ => return None,
        };
        let mut depth = 0usize;
        loop {
            let end_at = self.at;
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => {
                    return Some(ElementAt { name, whole: at..self.at, content: Some(content_start..end_at) })
                }
                Event::End(_) => depth -= 1,
                Event::Eof => return None,
                _ => {}
            }
        }
    }
}

/// The first `>` from `from` on that follows `before` (which must fit between it and `from - 2`).
fn first_close_after(bytes: &[u8], from: usize, before: &[u8]) -> Option<usize> {
    memchr_iter(b'>', bytes.get(from..)?).map(|i| from + i).find(|&close| bytes[..close].ends_with(before))
}

/// Where the `>` that closes the tag at `at` stands: the first one outside quotes.
fn tag_close(bytes: &[u8], at: usize) -> Option<usize> {
    let mut quote = None;
    for i in memchr3_iter(b'>', b'\'', b'"', &bytes[at..]) {
        let byte = bytes[at + i];
        match quote {
            None if byte == b'>' => return Some(at + i),
            None => quote = Some(byte),
            Some(open) if open == byte => quote = None,
            Some(_) => {}
        }
    }
    None
}

/// Where the text of an element that starts at `at` ends (at the next `<`), where it is plain:
/// `None` where a `&` or `\r` comes first, or no `<` at all. A short text is scanned once,
/// eight bytes at a time (a call into `memchr` for each element's few bytes would cost more
/// than it saves); a long one with `memchr`'s vector search.
pub(crate) fn plain_text_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bit of each byte of the result is set where that byte of `word` is `byte`
    // (exact at the lowest set bit, as borrows only run upwards from a true match).
    let equal = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x
    };
    let end = |at: usize| (bytes[at] == b'<').then_some(at);
    let short = (at + SHORT_TEXT).min(bytes.len());
    while let Some(chunk) = bytes.get(at..at + 8).filter(|_| at + 8 <= short) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let found = (equal(word, b'<') | equal(word, b'&') | equal(word, b'\r')) & (ONES << 7);
        if found != 0 {
            return end(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    if let Some(found) = bytes[at..short].iter().position(|b| matches!(b, b'<' | b'&' | b'\r')) {
        return end(at + found);
    }
    at = short;
    let stop = at + memchr3(b'<', b'&', b'\r', &bytes[at..])?;
    end(stop)
}

/// How many bytes of an element's text [`plain_text_end`] scans itself before it calls
/// `memchr`.
const SHORT_TEXT: usize = 128;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every event of `text`, through the end or the first refusal (`None`), checked against
    /// quick-xml's tokenizer on the same text.
    fn events(text: &str) -> Vec<Option<Event<'_>>> {
        let mut reader = Reader { text, at: 0 };
        let mut out = Vec::new();
        loop {
            let event = reader.next();
            let last = matches!(event, None | Some(Event::Eof));
            out.push(event);
            if last {
                break;
            }
        }
        // Which tags took the short path is the reader's own business.
        for event in &mut out {
            if let Some(Event::Start(tag) | Event::Empty(tag)) = event {
                tag.plain = false;
            }
        }
        assert_eq!(format!("{out:?}"), quick_xml_events(text), "{text:?}");
        out
    }

    /// quick-xml's events for `text`, spelled as [`events`] spells ours (a DOCTYPE, which the
    /// reader refuses as it reads it, is `None`).
    fn quick_xml_events(text: &str) -> String {
        use quick_xml::events::Event as Quick;
        let mut reader = quick_xml::Reader::from_str(text);
        reader.config_mut().check_end_names = false;
        reader.config_mut().allow_unmatched_ends = true;
        let mut out = Vec::new();
        loop {
            let event = match reader.read_event() {
                Err(_) | Ok(Quick::DocType(_)) => None,
                Ok(Quick::Eof) => Some(Event::Eof),
                Ok(Quick::Text(t)) => Some(Event::Text(&text[offset(text, &t)..][..t.len()])),
                Ok(Quick::GeneralRef(r)) => Some(Event::Ref(&text[offset(text, &r)..][..r.len()])),
                Ok(Quick::CData(c)) => Some(Event::CData(&text[offset(text, &c)..][..c.len()])),
                Ok(Quick::Comment(_)) => Some(Event::Comment),
                Ok(Quick::PI(_)) => Some(Event::Pi),
                Ok(Quick::Decl(d)) => Some(Event::Decl(&text[offset(text, &d)..][..d.len()][3..])),
                Ok(Quick::End(e)) => {
                    Some(Event::End(&text[offset(text, e.name().as_ref())..][..e.name().as_ref().len()]))
                }
                Ok(Quick::Start(t)) => Some(Event::Start(quick_tag(text, &t))),
                Ok(Quick::Empty(t)) => Some(Event::Empty(quick_tag(text, &t))),
            };
            let last = matches!(event, None | Some(Event::Eof));
            out.push(event);
            if last {
                return format!("{out:?}");
            }
        }
    }

    /// Where `part` (borrowed from `text`) starts in it.
    fn offset(text: &str, part: &str) -> usize {
        part.as_ptr() as usize - text.as_ptr() as usize
    }

    fn quick_tag<'a>(text: &'a str, tag: &quick_xml::events::BytesStart<'_>) -> Tag<'a> {
        let name = tag.name();
        let start = offset(text, name.as_ref());
        let attributes = tag.attributes_raw();
        Tag {
            name: &text[start..start + name.as_ref().len()],
            attributes: &text[offset(text, attributes)..][..attributes.len()],
            plain: false,
        }
    }

    /// A tag as the events compare it (whether it took the short path aside).
    fn tag<'a>(name: &'a str, attributes: &'a str) -> Tag<'a> {
        Tag { name, attributes, plain: false }
    }

    #[test]
    fn tags_are_cut_where_quick_xml_cuts_them() {
        use Event::*;
        assert_eq!(events("<a>"), [Some(Start(tag("a", ""))), Some(Eof)]);
        assert_eq!(events("<a/>"), [Some(Empty(tag("a", ""))), Some(Eof)]);
        assert_eq!(events("<a b='>'/>"), [Some(Empty(tag("a", " b='>'"))), Some(Eof)]);
        assert_eq!(events("<a\tb=\"/>\">"), [Some(Start(tag("a", "\tb=\"/>\""))), Some(Eof)]);
        // A name is what comes before whitespace, whatever it holds.
        assert_eq!(events("<a/b>"), [Some(Start(tag("a/b", ""))), Some(Eof)]);
        assert_eq!(events("<a/ >"), [Some(Start(tag("a/", " "))), Some(Eof)]);
        assert_eq!(events("<>"), [Some(Start(tag("", ""))), Some(Eof)]);
        assert_eq!(events("< a>"), [Some(Start(tag("", " a"))), Some(Eof)]);
        // End tags lose the whitespace after their name, and keep anything else.
        assert_eq!(events("</a \n>"), [Some(End("a")), Some(Eof)]);
        assert_eq!(events("</a b='>'>"), [Some(End("a b='>'")), Some(Eof)]);
        assert_eq!(events("</ >"), [Some(End(" ")), Some(Eof)]);
        for unclosed in ["<", "<a", "<a b='>", "</a", "<a b=\">'"] {
            assert_eq!(events(unclosed), [None], "{unclosed:?}");
        }
    }

    #[test]
    fn text_references_and_special_markup_are_cut_where_quick_xml_cuts_them() {
        use Event::*;
        assert_eq!(
            events(" \n x&amp;y"),
            [Some(Text(" \n x")), Some(Ref("amp")), Some(Text("y")), Some(Eof)]
        );
        assert_eq!(events("&#x41;<"), [Some(Ref("#x41")), None]);
        for dangling in ["&", "&amp", "&a&b;", "&a<b;"] {
            assert_eq!(events(dangling).last(), Some(&None), "{dangling:?}");
        }
        assert_eq!(events("<![CDATA[a]]b]]>"), [Some(CData("a]]b")), Some(Eof)]);
        assert_eq!(events("<![CDATA[]]>"), [Some(CData("")), Some(Eof)]);
        for refused in
            ["<![CDATA[a]>", "<![CDAT[a]]>", "<![]]>", "<!DOCTYPE a>", "<!doctype a>", "<!x>", "<!"]
        {
            assert_eq!(events(refused), [None], "{refused:?}");
        }
        // The shortest comment is `<!---->`: the `-->` of `<!-->` and `<!--->` does not end one.
        assert_eq!(events("<!---->"), [Some(Comment), Some(Eof)]);
        assert_eq!(events("<!-->-->"), [Some(Comment), Some(Eof)]);
        assert_eq!(events("<!--->-->"), [Some(Comment), Some(Eof)]);
        for refused in ["<!-->", "<!--->", "<!-x-->", "<!-- a ->"] {
            assert_eq!(events(refused), [None], "{refused:?}");
        }
        assert_eq!(events("<?xml version='1.0'?>"), [Some(Decl(" version='1.0'")), Some(Eof)]);
        assert_eq!(events("<?xml?>"), [Some(Decl("")), Some(Eof)]);
        assert_eq!(events("<?xml\tx?>"), [Some(Decl("\tx")), Some(Eof)]);
        assert_eq!(events("<?xml-x?>"), [Some(Pi), Some(Eof)]);
        assert_eq!(events("<??>"), [Some(Pi), Some(Eof)]);
        assert_eq!(events("<?a > b?>"), [Some(Pi), Some(Eof)]);
        for refused in ["<?>", "<?a", "<?a>"] {
            assert_eq!(events(refused), [None], "{refused:?}");
        }
        assert_eq!(events("x<?>"), [Some(Text("x")), None], "`<?>` anywhere");
    }

    #[test]
    fn attributes_are_checked_as_quick_xml_checks_them() {
        let quick_xml = |attributes: &str| {
            let tag = quick_xml::events::BytesStart::from_content(format!("a{attributes}"), 1);
            tag.attributes().all(|attribute| attribute.is_ok())
        };
        for attributes in [
            "",
            " ",
            " a='1'",
            " a = \"1\" ",
            " a='1'b='2'",
            " a=\"'\" b='\"'",
            " ==''",
            " a='<&>'",
            " a",
            " a ",
            " a=",
            " a=1",
            " a='1",
            " a='1' a='2'",
            " a b='1'",
            " a='1' b",
            "\u{a0}a='1'",
            " a='1' \u{a0}",
        ] {
            assert_eq!(attributes_are_well_formed(attributes), quick_xml(attributes), "{attributes:?}");
        }
        for well_formed in
            ["", " ", " a='1'", " a = \"1\" ", " a='1'b='2'", " a=\"'\" b='\"'", " ==''", " a='<&>'"]
        {
            assert!(attributes_are_well_formed(well_formed), "{well_formed:?}");
        }
        for ill_formed in [" a", " a ", " a=", " a=1", " a='1", " a='1' a='2'", " a b='1'", " a='1' b"] {
            assert!(!attributes_are_well_formed(ill_formed), "{ill_formed:?}");
        }
        assert_eq!(tag("Error", " a='1' ").checked_attributes(), Some("a='1'"));
        assert_eq!(tag("1a", "").checked_attributes(), None, "not an XML name");
    }

    #[test]
    fn references_decode_as_quick_xml_decodes_them() {
        for (name, decoded) in [
            ("lt", '<'),
            ("gt", '>'),
            ("amp", '&'),
            ("quot", '"'),
            ("apos", '\''),
            ("#65", 'A'),
            ("#x42", 'B'),
        ] {
            assert_eq!(decode_reference(name), Some(decoded), "{name}");
        }
        // `u32`'s parsers take a leading `+`, and so does quick-xml's reader.
        assert_eq!(
            (decode_reference("#+67"), decode_reference("#x+44"), decode_reference("#0")),
            (Some('C'), Some('D'), Some('\0'))
        );
        for refused in ["nbsp", "#", "#x", "#X41", "#xD800", "#x110000", "#99999999999", "LT"] {
            assert_eq!(decode_reference(refused), None, "{refused}");
        }
        let mut out = String::new();
        push_text(&mut out, "a\r\nb\rc\n\r\r\nd\r");
        assert_eq!(out, "a\nb\nc\n\n\nd\n");
    }

    #[test]
    fn plain_text_ends_at_the_next_tag_or_is_read_by_events() {
        // Within the first eight bytes, past them, and in the tail shorter than eight.
        for (text, end) in [("ab<", Some(2)), ("0123456789abcdef<", Some(16)), ("0123456789<x", Some(10))] {
            assert_eq!(plain_text_end(text.as_bytes(), 0), end, "{text:?}");
        }
        assert_eq!(plain_text_end(b"xx<", 1), Some(2), "from where the text starts");
        // A long text is searched by memchr past its first bytes, with the same answers.
        let long = "x".repeat(SHORT_TEXT + 70);
        assert_eq!(plain_text_end(format!("{long}<").as_bytes(), 0), Some(long.len()));
        assert_eq!(plain_text_end(format!("ab{long}<").as_bytes(), 2), Some(long.len() + 2));
        assert_eq!(plain_text_end(format!("{long}>]]><").as_bytes(), 0), Some(long.len() + 4));
        for stop in ["&", "\r"] {
            assert_eq!(plain_text_end(format!("{long}{stop}<").as_bytes(), 0), None, "{stop:?}");
        }
        assert_eq!(plain_text_end(long.as_bytes(), 0), None, "no tag after it");
        assert_eq!(plain_text_end("ünïcödé > text<".as_bytes(), 0), Some("ünïcödé > text".len()));
        for text in ["a&b<", "a\rb<", "no tag at all", "0123456789"] {
            assert_eq!(plain_text_end(text.as_bytes(), 0), None, "{text:?}");
        }
        // Each stop at each place of the eight-byte words, of the bytes after them and past
        // the short stretch, with a tag after it.
        for place in 0..SHORT_TEXT + 20 {
            for stop in ['<', '&', '\r'] {
                let text = format!("{}{stop}{}<", "x".repeat(place), "y".repeat(20));
                let expected = (stop == '<').then_some(place);
                assert_eq!(plain_text_end(text.as_bytes(), 0), expected, "{stop:?} at {place}");
            }
        }
    }

    #[test]
    fn elements_are_found_where_the_reader_finds_them() {
        let text = "<?xml?><!--<x>--><Error><A/><B x='>'>b<![CDATA[</B>]]><C>c</C></B>\n<D></D></Error>";
        let root = root_at(text).expect("a root");
        assert_eq!((&text[root.name.clone()], root.whole.clone()), ("Error", 17..text.len()));
        let children = children_at(text, &root);
        let names: Vec<&str> = children.iter().map(|child| &text[child.name.clone()]).collect();
        assert_eq!(names, ["A", "B", "D"]);
        assert_eq!((&text[children[0].whole.clone()], children[0].content.clone()), ("<A/>", None));
        let b = &children[1];
        assert_eq!(&text[b.content.clone().expect("content")], "b<![CDATA[</B>]]><C>c</C>");
        assert_eq!(&text[children[2].whole.clone()], "<D></D>");
        assert!(children_at(text, &children[0]).is_empty(), "an empty element has no children");
        // Text that is not a whole body has no root.
        for partial in ["", "<!-- x -->", "<Error>", "<Error><A>"] {
            assert_eq!(root_at(partial), None, "{partial:?}");
        }
    }

    #[test]
    fn whitespace_between_elements_is_what_trim_removes() {
        for blank in ["", " \t\r\n", "\u{a0}", "\u{2003}\u{85}"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["x", " x ", "\u{200b}"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }
}
