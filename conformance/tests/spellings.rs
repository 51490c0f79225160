//! Bodies in spellings servers rarely use but JSON allows: the reader takes each one itself
//! and reads it as serde_json does, and refuses what serde_json refuses.

use conformance::json_readers_agree;

/// Both readers agree on `body`, and the reader takes it (`taken`) or refuses it.
fn read<T>(body: &str, taken: bool)
where
    T: cloud_errors_core::__private::json::JsonObject
        + serde::de::DeserializeOwned
        + cloud_errors_core::CloudError
        + PartialEq
        + std::fmt::Debug,
{
    assert_eq!(json_readers_agree::<T>(body.as_bytes()), Ok(taken), "{body}");
}

#[test]
fn escaped_keys_deep_values_and_other_number_spellings_are_read_by_the_reader() {
    let deep = format!("{}1{}", "[{\"a\":".repeat(300), "}]".repeat(300));
    for body in [
        r#"{"\u006dessage":"User does not exist","code":2004,"data":null}"#.to_owned(),
        r#"{"message":"m","code":2004.0}"#.to_owned(),
        r#"{"message":"m","code":2.004e3}"#.to_owned(),
        r#"{"message":"m","code":-0}"#.to_owned(),
        format!(r#"{{"message":"m","code":2004,"data":{deep}}}"#),
        r#"{"message":"m","code":2004,"data":"\ud800"}"#.to_owned(),
    ] {
        read::<authing_errors::ErrorResponse>(&body, true);
    }
    for body in [
        r#"{"code":4000.0,"message":"m","codeDesc":"InvalidParameter.policyName.InUse"}"#.to_owned(),
        r#"{"code":4000,"message":"m","c\u006fdeDesc":"InvalidParameter.policyName.InUse"}"#.to_owned(),
        format!(r#"{{"code":4000,"message":"m","codeDesc":"X","data":{deep}}}"#),
    ] {
        read::<tencent_cam_errors::ErrorResponse>(&body, true);
    }
    read::<tencent_cam_errors::V3ErrorResponse>(
        r#"{"Response":{"\u0045rror":{"Code":"FailedOperation","Message":"m"},"RequestId":"r"}}"#,
        true,
    );
    read::<aws_interface_errors::ErrorResponse>(
        r#"{"error": {"code": 5.0, "m\u0065ssage": "m"}, "duration": 1e-3}"#,
        true,
    );
    read::<huawei_iam_errors::ErrorResponse>(
        r#"{"error_msg":"m","error_\u0063ode":"PAP5.0003","request_id":"r"}"#,
        true,
    );
    read::<authing_errors::GraphQlErrorResponse>(
        r#"{"\u0065rrors":[{"message":{"code":2004,"message":"m"}}],"data":null}"#,
        true,
    );
}

#[test]
fn what_serde_json_refuses_the_reader_refuses() {
    for body in [
        // A lone surrogate where a string is decoded: a key, the message.
        r#"{"\ud800":1,"message":"m","code":2004}"#,
        r#"{"message":"\udc00","code":2004}"#,
        // Not an integer, or out of range.
        r#"{"message":"m","code":2004.5}"#,
        r#"{"message":"m","code":1e400}"#,
        r#"{"message":"m","code":9223372036854775808}"#,
        // A modelled member twice, through an escape.
        r#"{"message":"m","code":1,"\u0063ode":2}"#,
    ] {
        read::<authing_errors::ErrorResponse>(body, false);
    }
    // GraphQL's code is an integer as JSON spells it.
    read::<authing_errors::GraphQlErrorResponse>(
        r#"{"errors":[{"message":{"code":2004.0,"message":"m"}}]}"#,
        false,
    );
}
