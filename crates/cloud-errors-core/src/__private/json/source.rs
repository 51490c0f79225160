//! The text an envelope was read from, kept so that writing it back is exact whatever its
//! layout, and edited in place (as `toml_edit` does for TOML) so that setting one member changes
//! only that member's bytes.
//!
//! The text is kept as read; where its members stand is found only when an edit needs it, by
//! the reader's own walk over the object (`scan::walk_object`), which records each member's
//! key and value spans.

use core::ops::Range;

use super::scan::{skip_ws, walk_object};
use super::Text;

/// Where one member of an object stands.
#[derive(Clone, Debug, PartialEq, Eq)]
struct MemberAt {
    /// The key, unescaped.
    name: String,
    /// The key, quotes included.
    key: Range<usize>,
    /// The value.
    value: Range<usize>,
}

/// Where an object's braces and members stand.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ObjectAt {
    open: usize,
    close: usize,
    members: Vec<MemberAt>,
}

/// The members of the object starting at `at` (its `{`).
fn scan_object(text: &str, at: usize) -> Option<ObjectAt> {
    let mut members = Vec::new();
    let end = walk_object(text, at, |name, key, value| {
        members.push(MemberAt { name: name.to_owned(), key, value: value.span()? });
        Some(())
    })?;
    Some(ObjectAt { open: at, close: end - 1, members })
}

/// The layout a body uses between members and after keys, to write a new member alike.
struct Style {
    /// Between one member's value and the next member's key (`,`, `, `, `,\n  `).
    between: String,
    /// Between a key and its value (`:`, `: `).
    colon: String,
}

fn style_of(text: &str, object: &ObjectAt, default_between: &str, default_colon: &str) -> Style {
    let colon = object
        .members
        .first()
        .map_or_else(|| default_colon.to_owned(), |m| text[m.key.end..m.value.start].to_owned());
    // One member: a comma, then what stood before it (the indentation of a pretty body).
    let before_only = |only: &MemberAt| &text[object.open + 1..only.key.start];
    let between = match object.members.as_slice() {
        [first, second, ..] => text[first.value.end..second.key.start].to_owned(),
        [only] if before_only(only).contains('\n') => format!(",{}", before_only(only)),
        _ => default_between.to_owned(),
    };
    Style { between, colon }
}

/// The text of a JSON body as it was received (none for an envelope built from scratch), and
/// in-place edits of it.
///
/// The received text is kept unchanged for as long as the envelope lives, since its modelled
/// values are [`Text`] positions in it; an edit copies it once and edits the copy.
#[derive(Clone, Debug, Default)]
pub struct JsonSource {
    original: Box<str>,
    text: Current,
}

/// What is written back.
#[derive(Clone, Debug, Default)]
enum Current {
    /// Nothing: the envelope is written in the vendor's canonical layout.
    #[default]
    None,
    /// The received text.
    Original,
    /// The received text with edits.
    Edited(String),
}

/// Kept text takes no part in equality: envelopes are equal when they hold the same members in
/// the same order, however each was laid out. Compare `to_bytes()` to compare bytes.
impl PartialEq for JsonSource {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for JsonSource {}

/// How a vendor writes a member the body did not have.
#[derive(Clone, Copy, Debug)]
pub struct Canonical<'a> {
    /// The object's keys in the vendor's order; a new member goes before the first present
    /// member that follows it in this order.
    pub order: &'a [&'a str],
    /// Between members, when the object shows no example (`","` or `", "`).
    pub between: &'a str,
    /// Between a key and its value, when the object shows no example (`":"` or `": "`).
    pub colon: &'a str,
}

/// How `style` lays out a new member in an object of `keys`.
pub fn canonical(keys: &'static [&'static str], style: super::JsonStyle) -> Canonical<'static> {
    let (between, colon) = match style {
        super::JsonStyle::Compact => (",", ":"),
        super::JsonStyle::Python => (", ", ": "),
    };
    Canonical { order: keys, between, colon }
}

impl JsonSource {
    /// No text: the envelope is written in the vendor's canonical layout.
    pub fn none() -> Self {
        JsonSource::default()
    }

    /// Keeps `text`, which has been read as a well-formed JSON object.
    pub fn new(text: &str) -> Self {
        JsonSource { original: text.into(), text: Current::Original }
    }

    /// The text, as received and edited, if any is to be written back.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match &self.text {
            Current::None => None,
            Current::Original => Some(&self.original),
            Current::Edited(text) => Some(text),
        }
    }

    /// The text as received, which [`Text`] positions point into (empty for an envelope built
    /// from scratch); edits and [`clear`](Self::clear) leave it as it is.
    #[inline]
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The value of a modelled member: `value` read against the received text.
    #[inline]
    pub fn get<'a>(&'a self, value: &'a Option<Text>) -> Option<&'a str> {
        super::resolve(value, &self.original)
    }

    /// Forgets the text to write back (the envelope is then written in the vendor's canonical
    /// layout); the received text stays, for the values that point into it.
    pub fn clear(&mut self) {
        self.text = Current::None;
    }

    /// The text to edit: the received text's copy, made on the first edit.
    fn editable(&mut self) -> Option<&mut String> {
        if let Current::Original = self.text {
            self.text = Current::Edited(self.original.to_string());
        }
        match &mut self.text {
            Current::Edited(text) => Some(text),
            _ => None,
        }
    }

    /// The object at `path` (member names from the top-level object down).
    fn object_at(text: &str, path: &[&str]) -> Option<ObjectAt> {
        let mut object = scan_object(text, skip_ws(text.as_bytes(), 0))?;
        for name in path {
            let member = object.members.iter().find(|m| m.name == *name)?;
            object = scan_object(text, member.value.start)?;
        }
        Some(object)
    }

    /// Sets member `key` of the object at `path` to `value` (JSON text): in place where it is,
    /// else added where `canonical` puts it, laid out as the object's other members are.
    /// Everything else keeps its bytes. Without kept text, nothing is to be done; where the text
    /// has no object at `path`, it is forgotten (the canonical layout then holds the change).
    pub fn set(&mut self, path: &[&str], key: &str, value: &str, canonical: Canonical<'_>) {
        if let Some(text) = self.editable() {
            if Self::set_in(text, path, key, value, canonical).is_none() {
                self.clear();
            }
        }
    }

    fn set_in(
        text: &mut String,
        path: &[&str],
        key: &str,
        value: &str,
        canonical: Canonical<'_>,
    ) -> Option<()> {
        let object = Self::object_at(text, path)?;
        if let Some(member) = object.members.iter().find(|m| m.name == key) {
            text.replace_range(member.value.clone(), value);
            return Some(());
        }
        let style = style_of(text, &object, canonical.between, canonical.colon);
        let key_json = serde_json::to_string(key).ok()?;
        let rank = |name: &str| canonical.order.iter().position(|k| *k == name);
        let mine = rank(key);
        let follower =
            object.members.iter().find(|m| matches!((mine, rank(&m.name)), (Some(a), Some(b)) if b > a));
        match (follower, object.members.last()) {
            (Some(next), _) => {
                let insert = format!("{key_json}{}{value}{}", style.colon, style.between);
                text.insert_str(next.key.start, &insert);
            }
            (None, Some(last)) => {
                let insert = format!("{}{key_json}{}{value}", style.between, style.colon);
                text.insert_str(last.value.end, &insert);
            }
            (None, None) => {
                let insert = format!("{key_json}{}{value}", style.colon);
                text.insert_str(object.open + 1, &insert);
            }
        }
        Some(())
    }

    /// Removes member `key` of the object at `path` (every one of that name) with its separator.
    pub fn remove(&mut self, path: &[&str], key: &str) {
        if let Some(text) = self.editable() {
            if Self::remove_in(text, path, key).is_none() {
                self.clear();
            }
        }
    }

    fn remove_in(text: &mut String, path: &[&str], key: &str) -> Option<()> {
        loop {
            let object = Self::object_at(text, path)?;
            let Some(index) = object.members.iter().position(|m| m.name == key) else {
                return Some(());
            };
            let member = &object.members[index];
            let range =
                match (object.members.get(index + 1), index.checked_sub(1).map(|i| &object.members[i])) {
                    // Take the separator after it, so that what precedes stays as it was.
                    (Some(next), _) => member.key.start..next.key.start,
                    (None, Some(previous)) => previous.value.end..member.value.end,
                    (None, None) => object.open + 1..object.close,
                };
            text.replace_range(range, "");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMPACT: Canonical<'static> =
        Canonical { order: &["message", "code", "data"], between: ",", colon: ":" };

    #[test]
    fn replaces_a_value_in_place_and_keeps_every_other_byte() {
        let mut source = JsonSource::new("{\n  \"message\" : \"old\",\n  \"code\": 2004\n}\n");
        source.set(&[], "message", "\"new\"", COMPACT);
        assert_eq!(source.as_str().unwrap(), "{\n  \"message\" : \"new\",\n  \"code\": 2004\n}\n");
    }

    #[test]
    fn adds_a_member_in_the_canonical_place_laid_out_like_the_others() {
        let mut pretty = JsonSource::new("{\n  \"message\": \"m\",\n  \"code\": 2004\n}");
        pretty.set(&[], "data", "null", COMPACT);
        assert_eq!(
            pretty.as_str().unwrap(),
            "{\n  \"message\": \"m\",\n  \"code\": 2004,\n  \"data\": null\n}"
        );
        let mut compact = JsonSource::new(r#"{"code":2004,"data":null}"#);
        compact.set(&[], "message", "\"m\"", COMPACT);
        assert_eq!(compact.as_str().unwrap(), r#"{"message":"m","code":2004,"data":null}"#);
        let mut one = JsonSource::new("{\n    \"code\": 1\n}");
        one.set(&[], "data", "{}", COMPACT);
        assert_eq!(one.as_str().unwrap(), "{\n    \"code\": 1,\n    \"data\": {}\n}");
        let mut empty = JsonSource::new("{}");
        empty.set(&[], "code", "1", COMPACT);
        assert_eq!(empty.as_str().unwrap(), r#"{"code":1}"#);
    }

    #[test]
    fn edits_nested_objects_by_path() {
        let mut source =
            JsonSource::new(r#"{"error": {"code": 5, "message": "a \"q\" {x}"}, "duration": 0.1}"#);
        let python = Canonical { order: &["code", "message"], between: ", ", colon: ": " };
        source.set(&["error"], "message", "\"b\"", python);
        assert_eq!(source.as_str().unwrap(), r#"{"error": {"code": 5, "message": "b"}, "duration": 0.1}"#);
        source.set(&["missing"], "x", "1", python);
        assert_eq!(source.as_str(), None, "an edit the text cannot hold forgets it");
    }

    #[test]
    fn removes_members_with_their_separator() {
        let mut source = JsonSource::new(r#"{"message":"m","code":1,"data":null}"#);
        source.remove(&[], "data");
        assert_eq!(source.as_str().unwrap(), r#"{"message":"m","code":1}"#);
        source.remove(&[], "message");
        assert_eq!(source.as_str().unwrap(), r#"{"code":1}"#);
        source.remove(&[], "code");
        assert_eq!(source.as_str().unwrap(), "{}");
    }

    #[test]
    fn escaped_keys_and_values_with_brackets_are_walked_correctly() {
        let mut source = JsonSource::new(r#"{"a\u0062":"}]\\","x":[{"y":"]"}],"code":1}"#);
        source.set(&[], "code", "2", COMPACT);
        assert_eq!(source.as_str().unwrap(), r#"{"a\u0062":"}]\\","x":[{"y":"]"}],"code":2}"#);
        source.set(&[], "ab", "3", COMPACT);
        assert_eq!(source.as_str().unwrap(), r#"{"a\u0062":3,"x":[{"y":"]"}],"code":2}"#);
    }

    #[test]
    fn a_one_member_object_gives_its_layout_to_the_next() {
        let python = Canonical { order: &["code", "message"], between: ", ", colon: ": " };
        let mut flat = JsonSource::new(r#"{"code": 1}"#);
        flat.set(&[], "message", "\"m\"", python);
        assert_eq!(
            flat.as_str().unwrap(),
            r#"{"code": 1, "message": "m"}"#,
            "no new line: the style's separator"
        );
        let mut tabbed = JsonSource::new("{\n\t\"code\":1\n}");
        tabbed.set(&[], "message", "\"m\"", python);
        assert_eq!(tabbed.as_str().unwrap(), "{\n\t\"code\":1,\n\t\"message\":\"m\"\n}");
    }

    #[test]
    fn kept_text_takes_no_part_in_equality() {
        assert_eq!(JsonSource::new(r#"{"a":1}"#), JsonSource::none());
        assert_eq!(JsonSource::none().as_str(), None);
    }

    #[test]
    fn members_are_found_by_the_readers_walk_at_any_depth() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let text = format!(r#" {{"a\u0062" : {deep}, "c":"}}"}} "#);
        let object = scan_object(&text, 1).unwrap();
        let found: Vec<_> = object
            .members
            .iter()
            .map(|m| (m.name.as_str(), &text[m.key.clone()], &text[m.value.clone()]))
            .collect();
        assert_eq!(found, [("ab", r#""a\u0062""#, deep.as_str()), ("c", r#""c""#, r#""}""#)]);
        assert_eq!((object.open, &text[object.close..]), (1, "} "));
        assert_eq!(scan_object("[1]", 0), None);
        assert_eq!(scan_object(r#"{"a":1,}"#, 0), None);
    }
}
