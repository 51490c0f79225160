//! The S3 error body as data: its form, its elements, and the response that holds them. The
//! readers build it, the writer writes it, and `envelope.rs` gives it its methods.

use std::borrow::Cow;

use crate::kept::KeptXml;
use crate::syntax::is_xml_name;

/// Which of S3's error envelope forms a body is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Form {
    /// `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`, as S3's REST API sends (some
    /// S3-compatible stores put a default namespace on `<Error>`; it is kept).
    Rest,
    /// `<ErrorResponse xmlns="…"><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`,
    /// as the IAM and STS Query APIs send.
    Query,
    /// `<ErrorResponse><Errors><Error>…</Error></Errors><RequestId/></ErrorResponse>`, the Query
    /// envelope as AWS-compatible servers send it for signature failures (botocore unwraps
    /// `Errors`).
    QueryErrors,
    /// `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`, the
    /// Query envelope of EC2 and the EC2-style Query APIs (note `RequestID`).
    Ec2,
    /// No envelope: a response whose body is empty (the answer to a HEAD request) or is not an
    /// error envelope at all (a proxy's HTML page). The code comes from the status, as the AWS
    /// SDKs take it, and the body is kept as received.
    StatusOnly,
}

/// One child element, kept as sent: its name, its raw attributes (usually none) and its
/// content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub(crate) name: Cow<'static, str>,
    pub(crate) attributes: String,
    pub(crate) content: Content,
}

/// What an element held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    /// Text (with entities and character references decoded).
    Text(String),
    /// Nested markup, kept verbatim as it stood between the start and end tags.
    Markup(String),
}

/// A name given to [`Element::text`] or [`ErrorResponse::with_field`] is not an XML element
/// name, so no body with it could be written and read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidElementName {
    pub(crate) name: String,
}

impl InvalidElementName {
    /// The name as given.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl core::fmt::Display for InvalidElementName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "`{}` is not an XML element name (it must start with a letter, `_` or `:`, and hold only letters, digits, `-`, `.`, `_` and `:`)",
            self.name
        )
    }
}

impl std::error::Error for InvalidElementName {}

impl Element {
    /// A text element with no attributes; `name` must be an XML element name.
    pub fn text(name: &str, text: impl Into<String>) -> Result<Self, InvalidElementName> {
        if !is_xml_name(name) {
            return Err(InvalidElementName { name: name.to_owned() });
        }
        Ok(Self::known_text(name, text))
    }

    /// A text element whose name this crate knows to be valid.
    pub(crate) fn known_text(name: &str, text: impl Into<String>) -> Self {
        Element { name: element_name(name), attributes: String::new(), content: Content::Text(text.into()) }
    }

    /// The element's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The element's attributes as written in its start tag (empty when it has none).
    pub fn attributes(&self) -> &str {
        &self.attributes
    }

    /// The element's content.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The element's text, when it holds text rather than markup.
    pub fn as_text(&self) -> Option<&str> {
        match &self.content {
            Content::Text(text) => Some(text),
            Content::Markup(_) => None,
        }
    }
}

/// An S3 error response: every element of the body, in order, with typed accessors for the
/// ones S3 documents.
///
/// ```
/// use s3_errors::{ErrorCode, ErrorResponse};
///
/// let body = br#"<?xml version="1.0" encoding="UTF-8"?>
/// <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a.txt</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>abc=</HostId></Error>"#;
/// let error = ErrorResponse::parse(body).unwrap();
/// assert_eq!(error.code(), ErrorCode::NoSuchKey);
/// assert_eq!(error.field("Key"), Some("a.txt"));
/// assert_eq!(error.request_id(), Some("4442587FB7D0A2F9"));
/// assert_eq!(error.to_bytes(), body);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorResponse {
    pub(crate) kind: Form,
    /// A status-only response's body, kept as received (written back as is).
    pub(crate) raw_body: Option<Vec<u8>>,
    /// The text an envelope was read from, written back as it is (edits are made in place).
    pub(crate) kept: KeptXml,
    /// The XML declaration's content (`version="1.0" encoding="UTF-8"`), when the body had one.
    pub(crate) declaration: Option<Cow<'static, str>>,
    /// The root element's raw attributes (the Query envelope's `xmlns`, kept without
    /// allocating when it is IAM's).
    pub(crate) root_attributes: Cow<'static, str>,
    /// The children of `<Error>`, in order.
    pub(crate) fields: Vec<Element>,
    /// The `<Errors>` wrapper's raw attributes (a namespace some servers put on it).
    pub(crate) errors_attributes: String,
    /// Query only: the children of `<ErrorResponse>` before and after `<Error>`.
    pub(crate) outer_before: Vec<Element>,
    pub(crate) outer_after: Vec<Element>,
    /// What the HTTP response said besides the body.
    pub(crate) status: Option<u16>,
    pub(crate) header_request_id: Option<String>,
    pub(crate) header_host_id: Option<String>,
}

impl ErrorResponse {
    /// An envelope as a reader found it in `text`: its form, declaration, attributes and
    /// elements (`outer`: a Query envelope's children before and after its `<Error>`), with
    /// nothing received besides the body. Inlined into both readers, so that the envelope is
    /// built where they return it rather than copied there.
    #[inline(always)]
    pub(crate) fn read_from(
        text: &str,
        kind: Form,
        declaration: Option<Cow<'static, str>>,
        root_attributes: Cow<'static, str>,
        errors_attributes: String,
        fields: Vec<Element>,
        (outer_before, outer_after): (Vec<Element>, Vec<Element>),
    ) -> Self {
        ErrorResponse {
            kind,
            raw_body: None,
            kept: KeptXml::new(text),
            declaration,
            root_attributes,
            errors_attributes,
            fields,
            outer_before,
            outer_after,
            status: None,
            header_request_id: None,
            header_host_id: None,
        }
    }
}

/// The XML declaration S3 writes.
pub const DECLARATION: &str = r#"version="1.0" encoding="UTF-8""#;
/// The namespace of the IAM Query envelope.
pub const IAM_NAMESPACE: &str = "https://iam.amazonaws.com/doc/2010-05-08/";
/// The root attributes of IAM's Query envelope: its namespace.
pub(crate) const IAM_XMLNS: &str = "xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"";

/// A root element's raw attributes, IAM's namespace without allocating.
pub(crate) fn root_attributes(attributes: &str) -> Cow<'static, str> {
    match attributes {
        IAM_XMLNS => Cow::Borrowed(IAM_XMLNS),
        other => Cow::Owned(other.to_owned()),
    }
}

/// The children of `<Error>` S3 documents; each may appear once and must hold text.
pub(crate) const KNOWN_FIELDS: [&str; 5] = ["Code", "Message", "RequestId", "HostId", "Type"];

/// The element names S3 and S3-compatible servers send, kept without allocating.
const KNOWN_NAMES: [&str; 24] = [
    "Code",
    "Message",
    "RequestId",
    "HostId",
    "Type",
    "Key",
    "BucketName",
    "Resource",
    "Region",
    "Endpoint",
    "Bucket",
    "Condition",
    "ArgumentName",
    "ArgumentValue",
    "AWSAccessKeyId",
    "StringToSign",
    "StringToSignBytes",
    "SignatureProvided",
    "CanonicalRequest",
    "CanonicalRequestBytes",
    "UploadId",
    "VersionId",
    "Method",
    "ResourceType",
];

/// An element name: one of the usual ones without allocating, any other owned.
pub(crate) fn element_name(name: &str) -> Cow<'static, str> {
    match KNOWN_NAMES.iter().find(|known| **known == name) {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(name.to_owned()),
    }
}
