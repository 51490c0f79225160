//! What every JSON envelope does the same way: reading a body (refusing one that reports
//! success), reading an HTTP response, writing the body back.

use serde::de::DeserializeOwned;

use super::scan::read_after_first;
use super::{
    from_slice_kept, to_canonical_vec, to_vec, FirstMember, JsonDocument, JsonObject, JsonStyle, Scanned,
};
use crate::{CodeSpec, Headers, ParseError, ParseErrorKind};

/// A vendor's JSON envelope: how it tells a success from an error, what it takes from the HTTP
/// response, and the layout the vendor writes. [`json_envelope_methods!`](crate::json_envelope_methods)
/// writes `parse`, `from_http`, `to_bytes` and `to_canonical_bytes` from it.
#[doc(hidden)]
pub trait JsonEnvelope: JsonObject + DeserializeOwned {
    /// The layout the vendor writes.
    const STYLE: JsonStyle = JsonStyle::Compact;

    /// The `Content-Type` the vendor sends its bodies with.
    const CONTENT_TYPE: &'static str = "application/json";

    /// Why the body reports success (for the refusal's message), or `None` for an error.
    fn success(&self) -> Option<&'static str> {
        None
    }

    /// Whether a response with this status is a success whatever its body.
    fn success_status(status: u16) -> bool {
        let _ = status;
        false
    }

    /// The header the vendor sends its request id in, if any.
    const REQUEST_ID_HEADER: Option<&'static str> = None;

    /// The status the vendor sends every error with, where its documents give none per code
    /// (`None`: the code's documented status stands in for a status not received).
    const ERROR_STATUS: Option<u16> = None;

    /// Where the envelope keeps what the HTTP response said besides the body (`None`: it keeps
    /// nothing of it).
    fn received_mut(&mut self) -> Option<&mut Received> {
        None
    }

    /// Takes what the HTTP response said besides the body: its status, and the request id in
    /// [`REQUEST_ID_HEADER`](Self::REQUEST_ID_HEADER).
    fn receive<H: Headers + ?Sized>(&mut self, status: u16, headers: &H) {
        let request_id = Self::REQUEST_ID_HEADER.and_then(|name| headers.header(name)).map(str::to_owned);
        if let Some(received) = self.received_mut() {
            *received = Received::new(status, request_id);
        }
    }

    /// A builder's last step once it has set modelled member `index`: the member is present
    /// with a value, and the kept text holds it (in place, or added in the vendor's order and
    /// the body's layout).
    fn with_member(mut self, index: usize) -> Self {
        self.members_mut().set_value(index);
        self.sync_member(index, Self::STYLE);
        self
    }

    /// A builder's last step once it has cleared modelled member `index`: the member is gone
    /// from the envelope and from the kept text.
    fn without_member(mut self, index: usize) -> Self {
        self.members_mut().unmark(index);
        self.sync_removed(Self::KEYS[index]);
        self
    }
}

/// What an HTTP response said besides its body, as an envelope keeps it: its status and the
/// request id in the vendor's header. Boxed: most uses read bodies alone, and a smaller envelope
/// is cheaper to move while parsing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Received(Option<Box<Response>>);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Response {
    status: Option<u16>,
    request_id: Option<String>,
}

impl Received {
    /// Nothing received: a body read or built alone.
    pub const NONE: Received = Received(None);

    /// A response's status and request id.
    pub fn new(status: u16, request_id: Option<String>) -> Received {
        Received(Some(Box::new(Response { status: Some(status), request_id })))
    }

    /// The status the response arrived with.
    pub fn status(&self) -> Option<u16> {
        self.0.as_ref().and_then(|response| response.status)
    }

    /// The request id the vendor's header carried.
    pub fn request_id(&self) -> Option<&str> {
        self.0.as_ref().and_then(|response| response.request_id.as_deref())
    }

    /// The HTTP status of envelope `T` whose code's row is `spec`: the one received, else the
    /// status the vendor sends every error with, else the code's documented status.
    pub fn http_status<T: JsonEnvelope>(&self, spec: Option<&CodeSpec>) -> Option<u16> {
        self.status().or(T::ERROR_STATUS).or_else(|| spec.and_then(CodeSpec::http_status))
    }

    /// Sets the status (a builder's `with_status`).
    pub fn set_status(&mut self, status: u16) {
        self.0.get_or_insert_with(Box::default).status = Some(status);
    }

    /// Sets the request id (a builder's `with_request_id`, where the id travels in a header).
    pub fn set_request_id(&mut self, request_id: String) {
        self.0.get_or_insert_with(Box::default).request_id = Some(request_id);
    }
}

/// Reads an error body; a success body is [`ParseErrorKind::NotAnError`].
pub fn parse<T: JsonEnvelope>(body: &[u8]) -> Result<T, ParseError> {
    // The result is passed on as it is, not taken apart and built again, which would copy the
    // envelope twice.
    let read = from_slice_kept::<T>(body);
    if let Some(why) = read.as_ref().ok().and_then(T::success) {
        return Err(ParseError::new(ParseErrorKind::NotAnError, 1, 1, why));
    }
    read
}

/// Reads an HTTP response: `Ok(None)` for a success.
pub fn from_http<T: JsonEnvelope, H: Headers + ?Sized>(
    status: u16,
    headers: &H,
    body: &[u8],
) -> Result<Option<T>, ParseError> {
    if T::success_status(status) {
        return Ok(None);
    }
    let mut envelope: T = from_slice_kept(body)?;
    if envelope.success().is_some() {
        return Ok(None);
    }
    envelope.receive(status, headers);
    Ok(Some(envelope))
}

/// Reads an error from a body already read into `document`, as [`from_http`] would with
/// `response` and [`parse`] without it: `Some(None)` for a success, `None` where the body is
/// not this envelope (a value of the wrong type, a missing member), so that the caller reads it
/// with [`parse`] or [`from_http`] and gets the error with its position.
#[inline]
pub fn from_document<T: JsonEnvelope, H: Headers + ?Sized>(
    document: &JsonDocument<'_>,
    response: Option<(u16, &H)>,
) -> Option<Option<T>> {
    if response.is_some_and(|(status, _)| T::success_status(status)) {
        return Some(None);
    }
    let mut envelope = T::empty();
    document.fill(&mut envelope)?;
    Some(finish(envelope, response))
}

/// Reads an error from the body `first` was read from, as [`from_document`] does from a
/// document, showing `look` each other member as it is read; `None` also where `look` answers
/// `None`.
#[inline]
pub fn read_looking<'a, T: JsonEnvelope, H: Headers + ?Sized>(
    first: &FirstMember<'a>,
    response: Option<(u16, &H)>,
    look: impl FnMut(&str, &Scanned<'a>) -> Option<()>,
) -> Option<Option<T>> {
    // Filled where it is returned, as `parse` fills its result: moving an envelope copies it.
    let mut read = Some(Some(T::empty()));
    if let Some(Some(envelope)) = &mut read {
        read_after_first(first, envelope, look)?;
        envelope.keep(first.text());
        // Read whatever the status: `look` is shown the whole body.
        if response.is_some_and(|(status, _)| T::success_status(status)) || envelope.success().is_some() {
            return Some(None);
        }
        if let Some((status, headers)) = response {
            envelope.receive(status, headers);
        }
    }
    read
}

/// An error read from a body: `None` where it reports success, else with what the response
/// said besides the body.
#[inline]
fn finish<T: JsonEnvelope, H: Headers + ?Sized>(mut envelope: T, response: Option<(u16, &H)>) -> Option<T> {
    if envelope.success().is_some() {
        return None;
    }
    if let Some((status, headers)) = response {
        envelope.receive(status, headers);
    }
    Some(envelope)
}

/// The body: the kept text with its edits, or the envelope in the vendor's layout.
#[inline]
pub fn write<T: JsonEnvelope>(envelope: &T) -> Vec<u8> {
    to_vec(envelope, T::STYLE)
}

/// The body in the vendor's canonical layout.
pub fn write_canonical<T: JsonEnvelope>(envelope: &T) -> Vec<u8> {
    to_canonical_vec(envelope, T::STYLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::__private::json::fixture::Loose;
    use crate::__private::json::{Optional, Str, Text};

    crate::json_object! {
        /// A probe envelope: `state: "ok"` is a success, statuses below 300 are too, and the
        /// response's status is kept.
        #[derive(Clone, Debug)]
        struct Probe: "a probe body", kept: source {
            CODE = "code" => code: Optional<Str>,
            STATE = "state" => state: Optional<Str> => set with_state(impl Into<String>),
        }
        requires one of [];
    }

    impl Probe {
        fn code(&self) -> Option<&str> {
            self.source.get(&self.code)
        }
    }

    impl<'de> serde::Deserialize<'de> for Probe {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            crate::__private::json::deserialize_object(d)
        }
    }

    impl JsonEnvelope for Probe {
        const STYLE: JsonStyle = JsonStyle::Python;
        fn success(&self) -> Option<&'static str> {
            (self.source.get(&self.state) == Some("ok")).then_some("the state is ok")
        }
        fn success_status(status: u16) -> bool {
            status < 300
        }
        const REQUEST_ID_HEADER: Option<&'static str> = Some("x-probe-id");
        fn received_mut(&mut self) -> Option<&mut Received> {
            Some(&mut self.received)
        }
    }

    const ERROR: &[u8] = br#"{"state":"failed","code":"E1"}"#;
    const SUCCESS: &[u8] = br#"{"code":"E1","state":"ok"}"#;
    const NO_HEADERS: [(&str, &str); 0] = [];

    #[test]
    fn parse_reads_an_error_and_refuses_a_success_at_its_start() {
        let error: Probe = parse(ERROR).unwrap();
        assert_eq!((error.code(), error.received.status()), (Some("E1"), None));
        let refused = parse::<Probe>(SUCCESS).unwrap_err();
        assert_eq!((refused.kind(), refused.line(), refused.column()), (ParseErrorKind::NotAnError, 1, 1));
        assert_eq!(refused.message(), "the state is ok");
        assert_eq!(parse::<Probe>(b"{").unwrap_err().kind(), ParseErrorKind::Eof);
    }

    #[test]
    fn from_http_answers_none_for_a_success_by_status_or_body_and_keeps_the_status() {
        let error: Probe = from_http(500, &NO_HEADERS, ERROR).unwrap().unwrap();
        assert_eq!((error.received.status(), error.received.request_id()), (Some(500), None));
        let with_id: Probe = from_http(500, &[("x-probe-id", "r7")], ERROR).unwrap().unwrap();
        assert_eq!((with_id.received.status(), with_id.received.request_id()), (Some(500), Some("r7")));
        assert!(from_http::<Probe, _>(500, &NO_HEADERS, SUCCESS).unwrap().is_none());
        // A success status wins before the body is read, even a broken one.
        assert!(from_http::<Probe, _>(200, &NO_HEADERS, b"not json").unwrap().is_none());
        assert_eq!(from_http::<Probe, _>(300, &NO_HEADERS, b"{").unwrap_err().kind(), ParseErrorKind::Eof);
    }

    #[test]
    fn a_document_read_once_gives_what_reading_the_body_gives() {
        let text = core::str::from_utf8(ERROR).unwrap();
        let document = JsonDocument::read(text).unwrap();
        let error: Probe = from_document(&document, None::<(u16, &[(&str, &str)])>).unwrap().unwrap();
        assert_eq!(
            (error.code(), error.received.status(), write(&error)),
            (Some("E1"), None, ERROR.to_vec())
        );
        let received: Probe = from_document(&document, Some((500, &NO_HEADERS))).unwrap().unwrap();
        assert_eq!(received.received.status(), Some(500));
        // A success, by its status or by its body.
        assert!(from_document::<Probe, _>(&document, Some((200, &NO_HEADERS))).unwrap().is_none());
        let success = JsonDocument::read(core::str::from_utf8(SUCCESS).unwrap()).unwrap();
        assert!(from_document::<Probe, _>(&success, None::<(u16, &[(&str, &str)])>).unwrap().is_none());
        // A member of the wrong type is left to the reader that explains it.
        let wrong = JsonDocument::read(r#"{"code":1}"#).unwrap();
        assert!(from_document::<Probe, _>(&wrong, None::<(u16, &[(&str, &str)])>).is_none());
        assert_eq!(parse::<Probe>(br#"{"code":1}"#).unwrap_err().kind(), ParseErrorKind::InvalidType);
    }

    #[test]
    fn a_body_read_after_its_first_member_gives_what_reading_the_body_gives() {
        let none = None::<(u16, &[(&str, &str)])>;
        let read = |body: &'static [u8], response| {
            let first = FirstMember::of(core::str::from_utf8(body).unwrap()).unwrap();
            let mut seen = Vec::new();
            let read = read_looking::<Probe, _>(&first, response, |key, _| {
                seen.push(key.to_owned());
                Some(())
            });
            (read, seen)
        };
        let (error, seen) = read(ERROR, none);
        let error = error.unwrap().unwrap();
        assert_eq!(
            (error.code(), error.received.status(), write(&error)),
            (Some("E1"), None, ERROR.to_vec())
        );
        assert_eq!(seen, ["code"], "every member but the first is shown");
        let (received, _) = read(ERROR, Some((500, &[("x-probe-id", "r9")][..])));
        let received = received.unwrap().unwrap();
        assert_eq!((received.received.status(), received.received.request_id()), (Some(500), Some("r9")));
        // A success, by its status or by its body; the body is read whole either way.
        let (by_status, seen) = read(ERROR, Some((200, &NO_HEADERS[..])));
        assert_eq!((by_status.map(|read| read.is_none()), seen), (Some(true), vec!["code".to_owned()]));
        assert_eq!(read(SUCCESS, none).0.map(|read| read.is_none()), Some(true));
        assert_eq!(read(SUCCESS, Some((500, &NO_HEADERS[..]))).0.map(|read| read.is_none()), Some(true));
        // A member of the wrong type, or a `look` that declines, is a refusal.
        assert!(read(br#"{"state":"failed","code":1}"#, none).0.is_none());
        let first = FirstMember::of(core::str::from_utf8(ERROR).unwrap()).unwrap();
        assert!(read_looking::<Probe, _>(&first, none, |_, _| None).is_none());
    }

    #[test]
    fn a_builder_sets_what_was_received_one_part_at_a_time() {
        let mut received = Received::NONE;
        assert_eq!((received.status(), received.request_id()), (None, None));
        received.set_status(503);
        assert_eq!((received.status(), received.request_id()), (Some(503), None));
        received.set_request_id("r2".to_owned());
        assert_eq!(received, Received::new(503, Some("r2".to_owned())));
        // The status: received, else the vendor's one status, else the documented one.
        assert_eq!(Received::NONE.http_status::<Probe>(None), None);
        assert_eq!(received.http_status::<Probe>(None), Some(503));
        let mut id_only = Received::NONE;
        id_only.set_request_id("r3".to_owned());
        assert_eq!((id_only.status(), id_only.request_id()), (None, Some("r3")));
    }

    #[test]
    fn writing_keeps_the_body_and_the_canonical_layout_is_the_styles() {
        let error: Probe = parse(ERROR).unwrap();
        assert_eq!(write(&error), ERROR);
        assert_eq!(write_canonical(&error), br#"{"state": "failed", "code": "E1"}"#);
    }

    #[test]
    fn a_builder_step_sets_or_clears_a_member_in_the_kept_text_in_the_style() {
        let spaced: Probe = parse(br#"{ "code" : "E1" }"#).unwrap();
        let set = spaced.clone().with_state("failed");
        assert_eq!(write(&set), br#"{ "code" : "E1", "state" : "failed" }"#);
        assert!(set.members.is_marked(STATE) && !set.members.is_null(STATE));
        let cleared = set.without_member(CODE);
        assert_eq!(write(&cleared), br#"{ "state" : "failed" }"#);
        assert!(!cleared.members.is_marked(CODE));
        // Without kept text, the members written are the ones marked.
        let mut built = Probe::empty();
        built.code = Some(Text::owned("E2"));
        assert_eq!(write(&built.with_member(CODE)), br#"{"code": "E2"}"#);
    }

    #[test]
    fn the_defaults_report_no_success() {
        let plain: Loose = parse(br#"{"a":"x"}"#).unwrap();
        assert_eq!(plain.success(), None);
        assert!(!Loose::success_status(200));
        assert!(from_http::<Loose, _>(200, &NO_HEADERS, br#"{"a":"x"}"#).unwrap().is_some());
    }
}
