//! The S3 error envelopes: the REST `<Error>` body and the IAM/STS Query `<ErrorResponse>` body.

use std::borrow::Cow;

use cloud_errors_core::{Code, FieldValue, Headers, ParseError, RetryClass};

use crate::document::{Content, Element, ErrorResponse, Form, InvalidElementName, DECLARATION, IAM_XMLNS};
use crate::kept::{Holder, KeptXml};
use crate::{explain, read, write, ErrorCode};

impl ErrorResponse {
    /// A REST error body for `code` with its documented message, as an S3 server would send it.
    ///
    /// ```
    /// use s3_errors::{ErrorCode, ErrorResponse};
    ///
    /// let body = ErrorResponse::new(ErrorCode::NoSuchBucket)
    ///     .with_field("BucketName", "photos")?
    ///     .with_request_id("R1")
    ///     .with_host_id("H1")
    ///     .to_bytes();
    /// assert_eq!(
    ///     String::from_utf8(body).unwrap(),
    ///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code>\
    ///      <Message>The specified bucket does not exist.</Message><BucketName>photos</BucketName>\
    ///      <RequestId>R1</RequestId><HostId>H1</HostId></Error>"
    /// );
    /// # Ok::<(), s3_errors::InvalidElementName>(())
    /// ```
    pub fn new(code: ErrorCode) -> Self {
        Self::from_wire(code.as_str(), code.message())
    }

    /// A REST error body with any code, documented or not.
    pub fn from_wire(code: &str, message: &str) -> Self {
        ErrorResponse {
            kind: Form::Rest,
            raw_body: None,
            kept: KeptXml::none(),
            declaration: Some(Cow::Borrowed(DECLARATION)),
            root_attributes: Cow::Borrowed(""),
            errors_attributes: String::new(),
            fields: vec![Element::known_text("Code", code), Element::known_text("Message", message)],
            outer_before: Vec::new(),
            outer_after: Vec::new(),
            status: None,
            header_request_id: None,
            header_host_id: None,
        }
    }

    /// A Query (IAM/STS) error body for `code`: `Type` is `Sender` for 4xx codes and
    /// `Receiver` for 5xx ones, the namespace IAM's.
    pub fn new_query(code: ErrorCode) -> Self {
        let sender =
            if code.http_status().is_some_and(|status| status >= 500) { "Receiver" } else { "Sender" };
        ErrorResponse {
            kind: Form::Query,
            root_attributes: Cow::Borrowed(IAM_XMLNS),
            fields: vec![
                Element::known_text("Type", sender),
                Element::known_text("Code", code.as_str()),
                Element::known_text("Message", code.message()),
            ],
            ..Self::new(code)
        }
    }

    /// A Query body for `code` as AWS-compatible servers write it, the `<Error>` wrapped in
    /// `<Errors>` (see [`Form::QueryErrors`]).
    pub fn new_query_errors(code: ErrorCode) -> Self {
        ErrorResponse { kind: Form::QueryErrors, ..Self::new_query(code) }
    }

    /// An EC2-style Query body for `code` (see [`Form::Ec2`]), as EC2 writes it:
    /// `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`.
    pub fn new_ec2(code: ErrorCode) -> Self {
        ErrorResponse { kind: Form::Ec2, ..Self::new(code) }
    }

    /// The error of a response without an envelope (see [`Form::StatusOnly`]): its code
    /// from `status` (see [`code_for_status`]), `body` kept as received.
    pub fn status_only(status: u16, body: &[u8]) -> Self {
        let mut error = Self::from_wire(code_for_status(status), "");
        error.fields.retain(|field| field.name != "Message");
        error.kind = Form::StatusOnly;
        error.raw_body = Some(body.to_vec());
        error.declaration = None;
        error.status = Some(status);
        error
    }

    /// Reads a body: either envelope, with or without an XML declaration, pretty-printed or not.
    ///
    /// Whitespace between elements is not kept; everything else is. A document whose root is
    /// neither `<Error>` nor `<ErrorResponse>` is a [`ParseErrorKind::WrongRoot`] error.
    ///
    /// [`ParseErrorKind::WrongRoot`]: cloud_errors_core::ParseErrorKind::WrongRoot
    pub fn parse(body: &[u8]) -> Result<Self, ParseError> {
        parse_body(body)
    }

    /// Reads an HTTP response. `Ok(None)` means the response is not an error.
    ///
    /// - A body with an error envelope is an error whatever the status (S3 can answer 200 with
    ///   an `<Error>` body).
    /// - An empty body with a 3xx, 4xx or 5xx status (the answer to a HEAD request) is an error
    ///   whose code comes from the status: the documented code when only one has that status,
    ///   otherwise the status's reason phrase as AWS SDKs spell it (`NotFound`, `BadRequest`).
    /// - `x-amz-request-id` and `x-amz-id-2` supply the request and host ids the body lacks.
    ///
    /// ```
    /// use s3_errors::{ErrorResponse, RetryClass};
    ///
    /// let headers = [("x-amz-request-id", "R9"), ("x-amz-id-2", "H9")];
    /// let error = ErrorResponse::from_http(404, &headers, b"").unwrap().unwrap();
    /// assert_eq!(error.code().as_str(), "NotFound");
    /// assert_eq!((error.request_id(), error.host_id()), (Some("R9"), Some("H9")));
    /// assert!(ErrorResponse::from_http(200, &headers, b"").unwrap().is_none());
    /// ```
    pub fn from_http<H: Headers + ?Sized>(
        status: u16,
        headers: &H,
        body: &[u8],
    ) -> Result<Option<Self>, ParseError> {
        let mut error = if !cloud_errors_core::BodyKind::of(body).is_xml() {
            // No envelope: an empty body (HEAD) or a proxy's page. The status says it all.
            if !(300..600).contains(&status) {
                return Ok(None);
            }
            Self::status_only(status, body)
        } else {
            match parse_body(body) {
                Ok(error) => error,
                Err(err) if err.kind() == cloud_errors_core::ParseErrorKind::WrongRoot && status < 300 => {
                    return Ok(None)
                }
                Err(err) => return Err(err),
            }
        };
        error.status = Some(status);
        // S3 sends `x-amz-request-id`; the Query APIs (IAM, STS) send `x-amzn-RequestId`.
        error.header_request_id = headers
            .header("x-amz-request-id")
            .or_else(|| headers.header("x-amzn-RequestId"))
            .map(str::to_owned);
        error.header_host_id = headers.header("x-amz-id-2").map(str::to_owned);
        Ok(Some(error))
    }

    /// The body as S3 writes it: the declaration (if the body had one, or was built here) on
    /// its own line, then the envelope without whitespace between elements.
    #[inline]
    pub fn to_bytes(&self) -> Vec<u8> {
        write::write(self)
    }

    /// The body in S3's canonical layout, whatever layout it was read in (for comparing or
    /// normalizing bodies; [`to_bytes`](Self::to_bytes) keeps the received bytes).
    pub fn to_canonical_bytes(&self) -> Vec<u8> {
        write::write_canonical(self)
    }

    /// The body as a string (see [`to_bytes`](Self::to_bytes)).
    pub fn to_xml(&self) -> String {
        String::from_utf8(self.to_bytes()).expect("the writer writes UTF-8")
    }

    /// Reads an XML body (the same as [`parse`](Self::parse), from text).
    pub fn from_xml(xml: &str) -> Result<Self, ParseError> {
        Self::parse(xml.as_bytes())
    }

    /// Which envelope the body is.
    pub fn form(&self) -> Form {
        self.kind
    }

    /// The error code: a documented [`ErrorCode`], or the code as sent.
    pub fn code(&self) -> Code<'_, ErrorCode> {
        Code::from_wire(self.field("Code").unwrap_or_default())
    }

    /// The code as sent.
    pub fn wire_code(&self) -> &str {
        self.code().as_str()
    }

    /// The table row of the code, when it is documented.
    pub fn spec(&self) -> Option<&'static cloud_errors_core::CodeSpec> {
        self.code().known().map(ErrorCode::spec)
    }

    /// The message as sent (`None` when the body has no `<Message>`).
    pub fn message(&self) -> Option<&str> {
        self.field("Message")
    }

    /// The request id: the body's `<RequestId>`, else the `x-amz-request-id` header.
    pub fn request_id(&self) -> Option<&str> {
        let in_body = match self.kind {
            Form::Rest | Form::StatusOnly => self.field("RequestId"),
            Form::Query | Form::QueryErrors | Form::Ec2 => {
                let outer = || self.outer_before.iter().chain(&self.outer_after);
                text_of(outer(), self.outer_request_id_name())
                    .or_else(|| text_of(outer(), "RequestId"))
                    .or_else(|| self.field("RequestId"))
            }
        };
        in_body.or(self.header_request_id.as_deref())
    }

    /// What the envelope calls its request id outside `<Error>`: EC2 spells it `RequestID`.
    fn outer_request_id_name(&self) -> &'static str {
        if self.kind == Form::Ec2 {
            "RequestID"
        } else {
            "RequestId"
        }
    }

    /// The default namespace the root element declares (`xmlns="…"`), if it declares one.
    pub fn namespace(&self) -> Option<&str> {
        let attributes = &self.root_attributes;
        let mut rest: &str = attributes;
        while let Some(at) = rest.find("xmlns") {
            let after = rest[at + 5..].trim_start();
            let is_attribute_start = at == 0 || rest[..at].ends_with(|c: char| c.is_ascii_whitespace());
            if let (true, Some(value)) = (is_attribute_start, after.strip_prefix('=')) {
                let value = value.trim_start();
                let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
                let value = &value[quote.len_utf8()..];
                return value.find(quote).map(|end| &value[..end]);
            }
            rest = &rest[at + 5..];
        }
        None
    }

    /// The host id: the body's `<HostId>`, else the `x-amz-id-2` header.
    pub fn host_id(&self) -> Option<&str> {
        self.field("HostId").or(self.header_host_id.as_deref())
    }

    /// Query envelope only: `Sender` or `Receiver`.
    pub fn error_type(&self) -> Option<&str> {
        self.field("Type")
    }

    /// The HTTP status: the one received, else the documented status of a known code.
    pub fn http_status(&self) -> Option<u16> {
        self.status.or_else(|| self.code().known().and_then(ErrorCode::http_status))
    }

    /// Whether retrying can succeed (unknown codes: a 5xx status is transient).
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.code().known().map(ErrorCode::retry), self.status)
    }

    /// The text of the first child of `<Error>` called `name` (`Key`, `BucketName`, `Resource`…).
    pub fn field(&self, name: &str) -> Option<&str> {
        text_of(&self.fields, name)
    }

    /// Every child of `<Error>`, in order.
    pub fn elements(&self) -> &[Element] {
        &self.fields
    }

    /// Query only: the children of `<ErrorResponse>` other than `<Error>`, in order.
    pub fn outer_elements(&self) -> impl Iterator<Item = &Element> {
        self.outer_before.iter().chain(&self.outer_after)
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists: every element
    /// but `Code`, `Message` and `RequestId`, with its text (or markup).
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        let primary = ["Code", "Message", "RequestId", self.outer_request_id_name()];
        self.elements()
            .iter()
            .chain(self.outer_elements())
            .filter(|element| !primary.contains(&element.name()))
            .map(|element| {
                let (Content::Text(text) | Content::Markup(text)) = element.content();
                (element.name().to_owned(), FieldValue::Text(text.clone()))
            })
            .collect()
    }

    /// The XML declaration's content, when the body has one.
    pub fn declaration(&self) -> Option<&str> {
        self.declaration.as_deref()
    }

    /// The root element's attributes as written (the Query envelope's `xmlns="…"`).
    pub fn root_attributes(&self) -> &str {
        &self.root_attributes
    }

    /// Sets (or adds) the message.
    pub fn with_message(self, message: impl Into<String>) -> Self {
        self.set_field("Message", message.into())
    }

    /// Sets (or adds) the request id where this envelope keeps it.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        match self.kind {
            Form::Rest => self.set_field("RequestId", request_id.into()),
            // No envelope to put it in: it is the header's.
            Form::StatusOnly => {
                self.header_request_id = Some(request_id.into());
                self
            }
            Form::Query | Form::QueryErrors | Form::Ec2 => {
                let (request_id, name) = (request_id.into(), self.outer_request_id_name());
                self.kept.set(Holder::Outer, name, &request_id, &[]);
                set_text(&mut self.outer_after, name, request_id);
                self
            }
        }
    }

    /// Sets (or adds) the host id.
    pub fn with_host_id(self, host_id: impl Into<String>) -> Self {
        self.set_field("HostId", host_id.into())
    }

    /// Sets the first child of `<Error>` called `name`, or adds it: before `RequestId` and
    /// `HostId`, where S3 puts its extra elements. `name` must be an XML element name
    /// (`BucketName`, `ArgumentName1`); any other is refused, since no body holding it could be
    /// read back.
    pub fn with_field(self, name: &str, text: impl Into<String>) -> Result<Self, InvalidElementName> {
        if !crate::syntax::is_xml_name(name) {
            return Err(InvalidElementName { name: name.to_owned() });
        }
        Ok(self.set_field(name, text.into()))
    }

    /// [`with_field`](Self::with_field) for names this crate knows to be valid.
    fn set_field(mut self, name: &str, text: String) -> Self {
        // S3 writes its extra elements before RequestId, and RequestId before HostId (a
        // RequestId already there is replaced, so it need not be told apart from the others).
        let goes_before: &[&str] = if name == "HostId" { &[] } else { &["RequestId", "HostId"] };
        self.kept.set(Holder::Error, name, &text, goes_before);
        if let Some(field) = self.fields.iter_mut().find(|f| f.name == name) {
            field.content = Content::Text(text);
            return self;
        }
        let at =
            self.fields.iter().position(|f| goes_before.contains(&&*f.name)).unwrap_or(self.fields.len());
        self.fields.insert(at, Element::known_text(name, text));
        self
    }

    /// Removes every child of `<Error>` called `name`.
    pub fn without_field(mut self, name: &str) -> Self {
        self.kept.remove(Holder::Error, name);
        self.fields.retain(|f| f.name != name);
        self
    }

    /// Leaves the XML declaration out of the body (some S3-compatible servers send none).
    pub fn without_declaration(mut self) -> Self {
        self.kept.remove_declaration();
        self.declaration = None;
        self
    }

    /// Sets the HTTP status the error arrived with (it is not part of the body).
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// The message's arguments, when the message fills a documented template. S3's documented
    /// messages have no placeholders, so this is `Some(vec![])` when the message is the
    /// documented one.
    pub fn message_args(&self) -> Option<Vec<&str>> {
        self.code().known()?.spec().message_args(self.message()?)
    }
}

fn text_of<'a>(elements: impl IntoIterator<Item = &'a Element>, name: &str) -> Option<&'a str> {
    elements.into_iter().find(|e| e.name == name).and_then(Element::as_text)
}

fn set_text(elements: &mut Vec<Element>, name: &str, text: String) {
    match elements.iter_mut().find(|e| e.name == name) {
        Some(element) => element.content = Content::Text(text),
        None => elements.push(Element::known_text(name, text)),
    }
}

/// The code of a body-less error response (S3 answers HEAD requests without a body): for the
/// two statuses S3 gives one meaning on those requests, its code (301 `PermanentRedirect`, a
/// bucket in another region; 416 `InvalidRange`); otherwise the status's reason phrase in
/// PascalCase, the name `aws-sdk-s3` gives such errors (`NotFound` for a HEAD 404).
pub fn code_for_status(status: u16) -> &'static str {
    match status {
        301 => "PermanentRedirect",
        416 => "InvalidRange",
        300 => "MultipleChoices",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        412 => "PreconditionFailed",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "UnknownError",
    }
}

cloud_errors_core::impl_cloud_error!(ErrorResponse, ErrorCode, "s3");
cloud_errors_core::impl_http!(ErrorResponse, "application/xml");

/// Reads a body with the reader; quick-xml's reader reads only a body the reader refuses, to say
/// what is wrong and where. (Were it ever to take one, its reading is returned: the fuzz target
/// and the properties check that it never does.)
fn parse_body(body: &[u8]) -> Result<ErrorResponse, ParseError> {
    let text = cloud_errors_core::__private::check_body(body)?;
    match read::read(text) {
        Some(error) => Ok(error),
        None => explain::parse_with_quick_xml(text),
    }
}
