//! Authing's GraphQL generation (the API its older SDKs call): errors the GraphQL way, with the
//! Authing code inside the first error's `message`:
//! `{"errors":[{"message":{"code":2004,"message":"用户不存在"},"locations":[…],"path":[…],"extensions":{…}}],"data":null}`.

use cloud_errors_core::__private::json::{
    self, JsonObject, JsonWriter, MemberValue, Members, Optional, Placeholder, Raw, RawJson, RawValue,
    Required, Scanned,
};
use cloud_errors_core::{Code, FieldValue, RetryClass};
use serde::de;
use serde::ser::SerializeMap;
use serde::Deserializer;

use crate::{ErrorCode, ERROR_STATUS};

cloud_errors_core::json_object! {
    /// An Authing GraphQL error response: the first error's code and message are the error's;
    /// every other error, the first one's `locations`, `path` and `extensions`, and `data` are kept
    /// as sent, and the body comes back byte for byte.
    ///
    /// ```
    /// use authing_errors::{ErrorCode, GraphQlErrorResponse};
    ///
    /// let body = r#"{"errors":[{"message":{"code":2004,"message":"用户不存在"},"locations":[{"line":2,"column":5}],"path":["updateUser"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#;
    /// let error = GraphQlErrorResponse::parse(body.as_bytes()).unwrap();
    /// assert_eq!(error.code(), ErrorCode::UserDoesNotExist);
    /// assert_eq!(error.message(), Some("用户不存在"));
    /// assert_eq!(error.to_bytes(), body.as_bytes());
    /// ```
    #[derive(Clone)]
    pub struct GraphQlErrorResponse: "an Authing GraphQL response body", kept: source {
        ERRORS = "errors" => errors: Required<Errors>,
        DATA = "data" => data: Optional<Raw> => get data -> Option<&RawValue>,
    }
    // Without `errors` the body is a success, which `parse` tells apart.
    requires one of [];
}

/// The `errors` array, as sent, and what its first error says.
#[derive(Clone)]
struct Errors {
    raw: RawJson,
    first: FirstError,
}

/// What the first error says: its Authing code and message, and its other members.
#[derive(Clone, Debug, Default)]
struct FirstError {
    code: i64,
    /// The code as sent.
    code_text: String,
    message: Option<String>,
    /// The members of `message` besides `code` and `message`, in order, as sent (JSON text the
    /// reader has read: they are only ever listed as fields).
    message_members: Vec<(String, String)>,
    /// The error's members besides `message` (`locations`, `path`, `extensions`), in order.
    members: Vec<(String, String)>,
    /// The errors after the first, as sent.
    others: Vec<String>,
}

impl FirstError {
    /// Reads the `errors` array: its first error must carry an Authing code in `message`. The
    /// first `message`, and the first `code` and `message` inside it, are the error's; a repeated
    /// one is kept with the other members.
    fn read(errors: &Scanned<'_>) -> Result<FirstError, String> {
        let mut first: Option<Result<FirstError, String>> = None;
        let mut others = Vec::new();
        errors
            .for_each_element(|error| {
                match first {
                    None => first = Some(Self::read_error(error)),
                    Some(_) => others.push(error.raw().to_owned()),
                }
                Some(())
            })
            .ok_or("`errors` is not an array")?;
        let first = first.ok_or("`errors` is empty")??;
        Ok(FirstError { others, ..first })
    }

    /// Reads the first error of the array, its `message` as the walk reaches it.
    fn read_error(error: &Scanned<'_>) -> Result<FirstError, String> {
        let mut first = FirstError::default();
        let (mut has_message, mut refusal) = (false, None);
        let walked = error.for_each_member(|key, value| {
            if key == "message" && !has_message {
                has_message = true;
                if let Err(why) = first.read_message(value) {
                    refusal = Some(why);
                    return None;
                }
            } else {
                first.members.push((key.to_owned(), value.raw().to_owned()));
            }
            Some(())
        });
        if let Some(why) = refusal {
            return Err(why);
        }
        walked.ok_or("the first error is not an object")?;
        if !has_message {
            return Err("the first error has no `message`".to_owned());
        }
        if first.code_text.is_empty() {
            return Err("the first error's `message` has no Authing `code`".to_owned());
        }
        Ok(first)
    }

    /// Reads the first error's `message`: Authing's `code` and `message`, and its other members.
    fn read_message(&mut self, message: &Scanned<'_>) -> Result<(), String> {
        let mut refusal = None;
        let walked = message.for_each_member(|key, value| {
            match key {
                "code" if self.code_text.is_empty() => match value.raw().parse() {
                    Ok(code) => (self.code, self.code_text) = (code, value.raw().to_owned()),
                    Err(_) => {
                        refusal = Some(format!(
                            "the first error's `message.code` is `{}`, not an integer",
                            value.raw()
                        ));
                        return None;
                    }
                },
                "message" if self.message.is_none() => match value.string() {
                    Some(text) => self.message = Some(text.into()),
                    None => {
                        refusal = Some(format!(
                            "the first error's `message.message` is `{}`, not a string",
                            value.raw()
                        ));
                        return None;
                    }
                },
                _ => self.message_members.push((key.to_owned(), value.raw().to_owned())),
            }
            Some(())
        });
        match (refusal, walked) {
            (Some(why), _) => Err(why),
            (None, Some(())) => Ok(()),
            (None, None) => {
                Err("the first error's `message` (an Authing error is an object) is not an object".to_owned())
            }
        }
    }
}

impl GraphQlErrorResponse {
    /// The body Authing's GraphQL API sends for `code`: one error, its documented message, and
    /// `"data": null`.
    pub fn new(code: ErrorCode) -> Self {
        Self::from_wire(code.number(), code.message())
    }

    /// A body with any numeric code and message, documented or not.
    pub fn from_wire(code: i64, message: &str) -> Self {
        let text = serde_json::to_string(message).expect("a string serializes");
        let errors = format!(r#"[{{"message":{{"code":{code},"message":{text}}}}}]"#);
        let errors = RawValue::from_string(errors).expect("the builder writes JSON");
        let first = FirstError {
            code,
            code_text: code.to_string(),
            message: Some(message.to_owned()),
            ..FirstError::default()
        };
        GraphQlErrorResponse {
            errors: Errors { raw: RawJson::new(errors), first },
            data: Some(RawJson::Null),
            members: Members::of(&[ERRORS, DATA]),
            ..Self::empty()
        }
    }

    /// The code: a documented [`ErrorCode`] of the legacy table, or the number as sent.
    pub fn code(&self) -> Code<'_, ErrorCode> {
        match ErrorCode::from_number(self.errors.first.code) {
            Some(code) => Code::Known(code),
            None => Code::Unknown(&self.errors.first.code_text),
        }
    }

    /// The code as sent.
    pub fn wire_code(&self) -> &str {
        self.code().as_str()
    }

    /// The code as a number.
    pub fn number(&self) -> i64 {
        self.errors.first.code
    }

    /// The table row of the code, when it is documented.
    pub fn spec(&self) -> Option<&'static cloud_errors_core::CodeSpec> {
        self.code().known().map(ErrorCode::spec)
    }

    /// The first error's message.
    pub fn message(&self) -> Option<&str> {
        self.errors.first.message.as_deref()
    }

    /// GraphQL bodies carry no request id.
    pub fn request_id(&self) -> Option<&str> {
        None
    }

    /// The `errors` array, as sent.
    pub fn errors(&self) -> &RawValue {
        self.errors.raw.get()
    }

    /// Whether retrying can succeed: the documented class, else what the status says.
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.code().known().map(ErrorCode::retry), self.received.status())
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists: the first
    /// error's other members (`errors[0].locations`…), those of its `message`, the other
    /// errors (`errors[1]`…), `data`, and any other member.
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        let raw = |value: &str| FieldValue::Json(value.to_owned());
        let first = &self.errors.first;
        let message = first.message_members.iter().map(|(k, v)| (format!("errors[0].message.{k}"), raw(v)));
        let members = first.members.iter().map(|(k, v)| (format!("errors[0].{k}"), raw(v)));
        let others = first.others.iter().enumerate().map(|(i, v)| (format!("errors[{}]", i + 1), raw(v)));
        let data = self.data().map(|data| ("data".to_owned(), raw(data.get())));
        message
            .chain(members)
            .chain(others)
            .chain(data)
            .chain(json::fields(self.members.extras(), ""))
            .collect()
    }
}

/// An empty envelope's `errors`, until the member is read.
impl Placeholder for Errors {
    fn placeholder() -> Errors {
        Errors { raw: RawJson::Null, first: FirstError::default() }
    }
}

/// The `errors` array is kept as sent, and read for what its first error says.
impl MemberValue for Errors {
    type Stored = Errors;
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Errors, D::Error> {
        // Serde hands the array over as raw JSON, which the reader then reads as `take` does.
        let raw: Box<RawValue> = serde::Deserialize::deserialize(deserializer)?;
        let errors = Scanned::of(raw.get()).ok_or_else(|| de::Error::custom("`errors` is not JSON"))?;
        let first = FirstError::read(&errors).map_err(de::Error::custom)?;
        Ok(Errors { raw: RawJson::new(raw), first })
    }
    fn take(value: &Scanned<'_>) -> Option<Errors> {
        // A refusal is explained by `deserialize`, which the slot then calls on the same text.
        let first = FirstError::read(value).ok()?;
        Some(Errors { raw: value.raw_json()?, first })
    }
    fn write(errors: &Errors, writer: &mut JsonWriter<'_>) {
        writer.raw(errors.raw.get());
    }
    fn serialize<M: SerializeMap>(errors: &Errors, key: &str, map: &mut M, _: &str) -> Result<(), M::Error> {
        map.serialize_entry(key, errors.raw.get())
    }
}

cloud_errors_core::json_envelope! {
    impl GraphQlErrorResponse: ErrorCode, "authing-graphql" {
        /// The GraphQL API sends its errors with status 200.
        const ERROR_STATUS: Option<u16> = Some(ERROR_STATUS);
        fn success(&self) -> Option<&'static str> {
            (!self.members.is_marked(ERRORS)).then_some("the body has no `errors`: it reports success")
        }
    }
}
