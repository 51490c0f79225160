//! Every documented code is reachable: each table has the documents' count, every wire string
//! and number parses back to its code, every status is a valid HTTP status, names are unique,
//! and every field says where it comes from, never claiming a document that does not say it.
//! This file is the one home of the tables' counts and quirks.

use std::collections::HashSet;

use cloud_errors_core::DocumentedCode;

/// Each field's source is a document the vendor's table was generated from, an overlay with
/// evidence, or (for an absent value or the default retry class) unstated.
fn check_sources<C: DocumentedCode>(code: C) {
    use cloud_errors_core::Source;
    let spec = code.spec();
    let sources = &spec.sources();
    let documents = docs_sources(C::VENDOR);
    let from_vendor_docs = |source: Source| match source {
        Source::Document { file, line, last_line } => {
            documents.contains(&file) && line > 0 && last_line >= line
        }
        Source::Overlay { file, evidence } => {
            file == format!("{}.overlay.toml", C::VENDOR) && !evidence.is_empty()
        }
        Source::Unstated => true,
        _ => false,
    };
    for (field, source) in sources.fields() {
        assert!(from_vendor_docs(source), "{code}: the source of {field} is {source}");
    }
    assert!(sources.code().is_documented() && sources.description().is_documented(), "{code}");
    let present = [
        ("http_status", spec.http_status().is_some(), sources.http_status()),
        ("wire_message", spec.wire_message().is_some(), sources.wire_message()),
        ("title", spec.title().is_some(), sources.title()),
        ("remediation", spec.remediation().is_some(), sources.remediation()),
    ];
    for (field, has_value, source) in present {
        assert_eq!(has_value, source != Source::Unstated, "{code}: {field} and its source disagree");
    }
    if sources.retry() == Source::Unstated {
        assert_eq!(
            code.retry(),
            cloud_errors_core::RetryClass::No,
            "{code}: an unstated retry class is the default"
        );
    }
}

fn docs_sources(vendor: &str) -> &'static [&'static str] {
    match vendor {
        "aws-interface" => aws_interface_errors::DOCS_SOURCES,
        "huawei-iam" => huawei_iam_errors::DOCS_SOURCES,
        "authing" => authing_errors::DOCS_SOURCES,
        "s3" => s3_errors::DOCS_SOURCES,
        "tencent-cam" => tencent_cam_errors::DOCS_SOURCES,
        other => panic!("unknown vendor {other}"),
    }
}

fn check_table<C: DocumentedCode + std::str::FromStr>(expected: usize)
where
    <C as std::str::FromStr>::Err: std::fmt::Debug,
{
    assert_eq!(C::ALL.len(), expected, "{} table size", C::VENDOR);
    let mut names = HashSet::new();
    let mut wires = HashSet::new();
    for (index, &code) in C::ALL.iter().enumerate() {
        assert_eq!(C::from_wire(code.as_str()), Some(code));
        assert_eq!(code.as_str().parse::<C>().unwrap(), code);
        assert_eq!(code.to_string(), code.as_str());
        if let Some(status) = code.http_status() {
            assert!((100..=599).contains(&status), "{code}: status {status}");
        }
        assert!(names.insert(code.name()), "{code}: name {} is used twice", code.name());
        assert!(wires.insert(code.as_str()), "{code} is listed twice");
        assert!(!code.message().is_empty() && !code.description().is_empty(), "{code} has no text");
        check_sources(code);
        // ALL is in document order, which is the enum's order.
        if index > 0 {
            assert!(C::ALL[index - 1] < code);
        }
    }
    assert_eq!(C::from_wire("definitely-not-a-code"), None);
}

#[test]
fn aws_interface_has_84_documented_codes_plus_85_from_the_source() {
    use aws_interface_errors::ErrorCode;
    check_table::<ErrorCode>(85);
    for &code in ErrorCode::ALL {
        assert_eq!(ErrorCode::try_from(code.number()), Ok(code));
        assert_eq!(ErrorCode::from_number(code.number()), Some(code));
    }
    assert!(ErrorCode::try_from(-1).is_err());
    assert_eq!(ErrorCode::ALL.last().unwrap().number(), 85);
}

#[test]
fn huawei_iam_classic_codes_are_a_table_of_their_own() {
    use cloud_errors_core::Source;
    use huawei_iam_errors::ClassicCode;
    check_table::<ClassicCode>(115);
    let numeric = ClassicCode::ALL.iter().filter(|c| c.as_str().bytes().all(|b| b.is_ascii_digit())).count();
    assert_eq!((numeric, ClassicCode::ALL.len() - numeric), (17, 98));
    assert!(ClassicCode::ALL.iter().all(|c| matches!(
        c.sources().code(),
        Source::Document { file: "huawei-iam-classic-errors.rst", .. }
    )));
    // Bold reads as its words; wrapped cells join; templates keep Python's named placeholders.
    assert_eq!(ClassicCode::InvalidSubjectToken.description(), "X-Subject-Token in the request is invalid.");
    assert_eq!(
        ClassicCode::InvalidFieldInput.message(),
        "Invalid input for field '%(key)s'. The value is '%(value)s'."
    );
    assert_eq!(ClassicCode::ThrottlingThresholdReached.http_status(), Some(429));
    // The v5 and classic tables share no code.
    assert!(ClassicCode::ALL.iter().all(|c| huawei_iam_errors::ErrorCode::from_wire(c.as_str()).is_none()));
}

#[test]
fn huawei_iam_has_73_codes_in_three_families() {
    use huawei_iam_errors::ErrorCode;
    check_table::<ErrorCode>(73);
    let family = |prefix: &str| ErrorCode::ALL.iter().filter(|c| c.as_str().starts_with(prefix)).count();
    assert_eq!((family("PAP5."), family("STS5."), family("AccessAnalyzer.")), (40, 3, 30));
}

#[test]
fn authing_has_99_codes() {
    use authing_errors::ErrorCode;
    check_table::<ErrorCode>(99);
    for &code in ErrorCode::ALL {
        assert_eq!(ErrorCode::try_from(code.number()), Ok(code));
    }
    assert!(ErrorCode::try_from(2033).is_err());
}

/// 105 codes of the store's documentation page, all of which its server list also sends, and
/// 22 more that only the server list has.
#[test]
fn s3_has_105_documented_codes_24_more_from_the_server_list_and_3_from_aws() {
    use cloud_errors_core::{Language, Source};
    use s3_errors::{ErrorCode, SoapFaultPrefix};
    check_table::<ErrorCode>(132);
    let from = |file: &'static str| {
        ErrorCode::ALL
            .iter()
            .filter(move |c| matches!(c.sources().code(), Source::Document { file: f, .. } if f == file))
    };
    assert_eq!(
        (
            from("s3.rst").count(),
            from("s3-server-errors.ts").count(),
            from("s3-aws-error-codes.html").count()
        ),
        (105, 24, 3)
    );
    // Every code the page documents is also in the server list, with the same status.
    for code in from("s3.rst") {
        assert!(
            matches!(code.sources().wire_message(), Source::Document { file: "s3-server-errors.ts", .. }),
            "{code}"
        );
        assert!(matches!(code.sources().http_status(), Source::Document { file: "s3.rst", .. }), "{code}");
    }
    // The codes a real S3-compatible server (moto) sent that the page lacks.
    let expected = [
        ("NoSuchTagSet", 404),
        ("NoSuchLifecycleConfiguration", 404),
        ("NoSuchCORSConfiguration", 404),
        ("NoSuchWebsiteConfiguration", 404),
        ("ObjectLockConfigurationNotFoundError", 404),
        ("ServerSideEncryptionConfigurationNotFoundError", 404),
        ("ReplicationConfigurationNotFoundError", 404),
        ("InvalidTag", 400),
    ];
    for (wire, status) in expected {
        let code = ErrorCode::from_wire(wire).unwrap_or_else(|| panic!("{wire} is not in the table"));
        assert_eq!((code.name(), code.http_status()), (wire, Some(status)));
        assert!(
            matches!(code.sources().code(), Source::Document { file: "s3-server-errors.ts", line, .. } if line > 0)
        );
        assert_eq!(code.wire_message(), Some(code.description()));
    }
    // The store's quota errors, from the last section of its server list.
    assert_eq!(ErrorCode::QuotaExceeded.http_status(), Some(429));
    assert_eq!(ErrorCode::NoSuchQuota.http_status(), Some(404));
    // Codes only AWS's list has, with its status and SOAP fault prefix (`N/A` gives none).
    for (code, status, prefix) in [
        (ErrorCode::AllAccessDisabled, 403, Some(SoapFaultPrefix::Client)),
        (ErrorCode::AuthorizationHeaderMalformed, 400, None),
        (ErrorCode::KeyTooLongError, 400, Some(SoapFaultPrefix::Client)),
    ] {
        assert_eq!(
            (code.http_status(), code.soap_fault_prefix().map(|(p, _)| p)),
            (Some(status), prefix),
            "{code}"
        );
        assert!(matches!(
            code.sources().http_status(),
            Source::Document { file: "s3-aws-error-codes.html", .. }
        ));
    }
    // A code the store documents keeps its text as `description()` and gains AWS's wording.
    let texts: Vec<(Language, &str)> =
        ErrorCode::NoSuchKey.descriptions().iter().map(|d| (d.language(), d.text())).collect();
    assert_eq!(
        texts,
        [
            (Language::En, "The specified key does not exist"),
            (Language::En, "The specified key does not exist.")
        ]
    );
    assert_eq!(ErrorCode::InternalError.soap_fault_prefix().map(|(p, _)| p.as_str()), Some("Server"));
    // AWS lists InvalidRequest nine times with different texts: all nine are kept.
    assert_eq!(ErrorCode::InvalidRequest.descriptions().len(), 1 + 9);
    // Neither list has these: they stay unknown codes, kept as sent.
    assert_eq!(ErrorCode::from_wire("NoSuchPublicAccessBlockConfiguration"), None);
    assert_eq!(ErrorCode::from_wire("OwnershipControlsNotFoundError"), None);
}

#[test]
fn tencent_cam_has_39_module_codes_and_8_common_codes() {
    use tencent_cam_errors::{CommonCode, ErrorCode};
    check_table::<ErrorCode>(39);
    check_table::<CommonCode>(8);
    for &code in CommonCode::ALL {
        assert_eq!(CommonCode::try_from(code.number()), Ok(code));
    }
    for &code in ErrorCode::ALL {
        assert!(CommonCode::ALL.contains(&code.common()));
    }
}

#[test]
fn tencent_cam_api_3_has_cam_codes_then_the_common_codes_in_both_languages() {
    use cloud_errors_core::{Language, Source};
    use tencent_cam_errors::V3ErrorCode;
    check_table::<V3ErrorCode>(156);
    let from = |code: V3ErrorCode| match code.sources().code() {
        Source::Document { file, .. } => file,
        other => panic!("{code}: {other}"),
    };
    // CAM's 125 in its list's order, then the 31 common codes only the common page has.
    assert!(V3ErrorCode::ALL[..125].iter().all(|&c| from(c) == "tencent-cam-v3-errorcodes.py"));
    assert!(V3ErrorCode::ALL[125..].iter().all(|&c| from(c) == "tencent-common-errors.swift"));
    // A code both list: CAM's text is the description; the common page's two texts follow.
    let both = V3ErrorCode::RequestLimitExceeded;
    let texts: Vec<(Language, &str, String)> =
        both.descriptions().iter().map(|d| (d.language(), d.text(), d.source().to_string())).collect();
    assert_eq!(
        texts,
        [
            (
                Language::Zh,
                "请求的次数超过了频率限制。",
                "docs/vendor/tencent-cam-v3-errorcodes.py:350".to_owned()
            ),
            (
                Language::Zh,
                "请求的次数超过了频率限制。",
                "docs/vendor/tencent-common-errors.swift:31".to_owned()
            ),
            (
                Language::En,
                "The number of requests exceeds the frequency limit.",
                "docs/vendor/tencent-common-errors.swift:73".to_owned()
            ),
        ]
    );
    let shared = V3ErrorCode::ALL.iter().filter(|c| c.descriptions().len() >= 3).count();
    assert_eq!(shared, 7, "codes that are both CAM's and common");
    // English where the vendor publishes it, and nowhere else: 99 of CAM's codes in its English
    // list, RequestLimitExceeded (not there) from the common page, and the 31 common-only codes.
    let english = V3ErrorCode::ALL.iter().filter(|c| c.description_in(Language::En).is_some()).count();
    assert_eq!(english, 99 + 1 + 31);
    assert_eq!(V3ErrorCode::FailedOperationCICIdentityForbidden.description_in(Language::En), None);
    assert_eq!(
        V3ErrorCode::AuthFailureSignatureFailure.description_in(Language::En),
        Some("Invalid signature. Signature calculation error. Please ensure you’ve followed the signature calculation process described in the Signature API documentation.")
    );
    // Markdown on the common page reads as its page shows it.
    assert_eq!(V3ErrorCode::AuthFailureMFAFailure.description(), "MFA错误。");
}

#[test]
fn retry_classes_follow_the_overlays() {
    use cloud_errors_core::RetryClass::{Throttling, Transient};
    let classified = |all: Vec<(&'static str, cloud_errors_core::RetryClass)>| {
        all.into_iter().filter(|(_, class)| class.is_retryable()).collect::<Vec<_>>()
    };
    assert_eq!(
        classified(s3_errors::ErrorCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()),
        [
            ("InternalError", Transient),
            ("InternalFailure", Transient),
            ("OperationAborted", Transient),
            ("RequestTimeout", Transient),
            ("ServiceFailure", Transient),
            ("ServiceUnavailable", Transient),
            ("SlowDown", Throttling),
            ("Throttling", Throttling),
        ]
    );
    assert_eq!(
        classified(huawei_iam_errors::ErrorCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()),
        [("PAP5.0006", Transient), ("AccessAnalyzer.1005", Transient)]
    );
    assert_eq!(
        classified(huawei_iam_errors::ClassicCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()),
        [("IAM.0012", Throttling)]
    );
    assert_eq!(
        classified(authing_errors::ErrorCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()),
        [("1000", Transient), ("2100", Throttling)]
    );
    // One rule for every vendor (docs/ARCHITECTURE.md): a frequency limit is throttling, a
    // service "temporarily" unavailable is transient; Authing V3's 503 (维护中, maintenance) is not.
    assert_eq!(
        classified(tencent_cam_errors::V3ErrorCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()),
        [
            ("RequestLimitExceeded", Throttling),
            ("RequestLimitExceeded.CreateUser", Throttling),
            ("RequestLimitExceeded.UinLimitExceeded", Throttling),
            ("RequestLimitExceeded.GlobalRegionUinLimitExceeded", Throttling),
            ("RequestLimitExceeded.IPLimitExceeded", Throttling),
            ("ServiceUnavailable", Transient),
        ]
    );
    assert_eq!(
        classified(authing_errors::V3StatusCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()),
        [("429", Throttling)]
    );
    // The Tencent document says to retry none of its codes (4400 says to submit a ticket).
    assert!(classified(tencent_cam_errors::ErrorCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect())
        .is_empty());
    assert!(classified(
        tencent_cam_errors::CommonCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()
    )
    .is_empty());
    assert!(classified(
        aws_interface_errors::ErrorCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()
    )
    .is_empty());
}

#[test]
fn documented_quirks_survive_into_the_tables() {
    use huawei_iam_errors::ErrorCode as Huawei;
    use s3_errors::ErrorCode as S3;
    assert!(S3::NoSuchUpload.description().contains("does not exis. The"));
    assert_eq!(
        S3::IllegalVersioningConfigurationException.as_str(),
        "IllegalVersioningConfigurationException"
    );
    assert_eq!(Huawei::PreviewNotFound.message(), "Preview with id s% cannot be found.");
    assert_eq!(Huawei::AccessDenied.message(), "access denied: %s");
    assert_eq!(
        aws_interface_errors::ErrorCode::ItemPkSkPairAlreadyExist.message(),
        "A combination of <item._pk & item._sk> already exist"
    );
    assert_eq!(
        authing_errors::ErrorCode::OriginalMailboxNotVerified.message(),
        authing_errors::ErrorCode::OriginalMailboxNotVerified2228.message()
    );
    assert_eq!(
        huawei_iam_errors::ErrorCode::MissingParameter1026.message(),
        Huawei::MissingParameter.message()
    );
}

/// The documents of Authing, Tencent CAM (API 2.0) and AWS Interface give no HTTP status per
/// code, and no field may claim they do.
#[test]
fn no_table_claims_a_status_its_documents_do_not_give() {
    assert!(authing_errors::ErrorCode::ALL.iter().all(|c| c.http_status().is_none()));
    assert!(tencent_cam_errors::ErrorCode::ALL.iter().all(|c| c.http_status().is_none()));
    assert!(tencent_cam_errors::CommonCode::ALL.iter().all(|c| c.http_status().is_none()));
    assert!(aws_interface_errors::ErrorCode::ALL.iter().all(|c| c.http_status().is_none()));
    assert!(s3_errors::ErrorCode::ALL.iter().all(|c| c.sources().http_status().is_documented()));
    assert!(huawei_iam_errors::ErrorCode::ALL.iter().all(|c| c.sources().http_status().is_documented()));
}

/// What a field is: S3 and Tencent document descriptions, not the text their servers send;
/// Huawei and AWS Interface document the wire text; Tencent's common codes carry their error
/// type as a title, and the builder sends the description.
#[test]
fn wire_messages_are_only_what_a_document_gives_as_such() {
    // S3's page describes; its server list gives the text servers send.
    let slow = s3_errors::ErrorCode::SlowDown;
    assert_eq!(
        (slow.description(), slow.wire_message()),
        ("Reduce the request rate", Some("Reduce your request rate."))
    );
    assert_eq!(slow.message(), "Reduce your request rate.");
    assert!(s3_errors::ErrorCode::NoSuchUpload.description().contains("does not exis. The"));
    assert!(s3_errors::ErrorCode::NoSuchUpload.message().contains("does not exist. The"));
    assert_eq!(s3_errors::ErrorCode::AccessDenied.message(), "Access Denied");
    assert_eq!(tencent_cam_errors::ErrorCode::InvalidParameter.wire_message(), None);
    let quota = tencent_cam_errors::CommonCode::from_number(4400).unwrap();
    assert_eq!(quota.title(), Some("Quota exceeded"));
    assert_eq!(quota.message(), quota.description());
    use huawei_iam_errors::ErrorCode as Huawei;
    assert_eq!(Huawei::AccessDenied.wire_message(), Some("access denied: %s"));
    assert_eq!(Huawei::AccessDenied.description(), "Access denied.");
}

/// `from_wire` answers as a search of the table would, for every code and for near misses of
/// each (a byte changed, dropped or added, the case changed), and for every decimal number up to
/// 100,000 with its non-canonical spellings: the generated lookups (a `match` on fingerprints,
/// perfect hashes of numbers) neither miss a code nor take one for another.
fn check_lookup<C: DocumentedCode>() {
    let search = |wire: &str| C::ALL.iter().copied().find(|code| code.as_str() == wire);
    let mut inputs: Vec<String> = Vec::new();
    for code in C::ALL {
        let wire = code.as_str();
        inputs.push(wire.to_owned());
        inputs.push(wire.to_ascii_lowercase());
        inputs.push(format!("{wire}x"));
        inputs.push(format!("0{wire}"));
        for at in 0..wire.len() {
            let mut bytes = wire.as_bytes().to_vec();
            bytes.remove(at);
            inputs.push(String::from_utf8_lossy(&bytes).into_owned());
            for replacement in [b'0', b'9', b'.', b'A', b'z'] {
                let mut bytes = wire.as_bytes().to_vec();
                bytes[at] = replacement;
                inputs.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    for number in -100..100_000i64 {
        inputs.extend([number.to_string(), format!("+{number}"), format!("0{number}"), format!("{number} ")]);
    }
    inputs.extend(["", "\0", "-", "9223372036854775807", "-9223372036854775808"].map(String::from));
    for input in &inputs {
        assert_eq!(C::from_wire(input), search(input), "{} {input:?}", C::VENDOR);
    }
}

/// `from_number` answers as a search of the table would, around every documented number and
/// at the ends of the range.
fn check_numbers<C: DocumentedCode>(from_number: fn(i64) -> Option<C>) {
    let search = |number: i64| C::ALL.iter().copied().find(|code| code.number() == Some(number));
    let documented = C::ALL.iter().filter_map(|code| code.number());
    let around = documented
        .flat_map(|number| (number - 300..number + 300).chain([number << 8, number << 32, -number]));
    for number in around.chain((-1000..20_000).chain([i64::MIN, i64::MAX, i64::MIN + 1, u32::MAX.into()])) {
        assert_eq!(from_number(number), search(number), "{} {number}", C::VENDOR);
    }
}

#[test]
fn lookups_agree_with_searching_the_table() {
    check_lookup::<aws_interface_errors::ErrorCode>();
    check_lookup::<huawei_iam_errors::ErrorCode>();
    check_lookup::<huawei_iam_errors::ClassicCode>();
    check_lookup::<authing_errors::ErrorCode>();
    check_lookup::<authing_errors::V3StatusCode>();
    check_lookup::<authing_errors::V3ApiCode>();
    check_lookup::<s3_errors::ErrorCode>();
    check_lookup::<tencent_cam_errors::ErrorCode>();
    check_lookup::<tencent_cam_errors::CommonCode>();
    check_lookup::<tencent_cam_errors::V3ErrorCode>();
    check_numbers(aws_interface_errors::ErrorCode::from_number);
    check_numbers(authing_errors::ErrorCode::from_number);
    check_numbers(authing_errors::V3StatusCode::from_number);
    check_numbers(authing_errors::V3ApiCode::from_number);
    check_numbers(tencent_cam_errors::CommonCode::from_number);
}
