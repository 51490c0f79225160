//! Every documented code is reachable: each table has the document's count, every wire string
//! and number parses back to its code, every status is a valid HTTP status, names are unique.

use std::collections::HashSet;

use cloud_errors_core::DocumentedCode;

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
        assert!((100..=599).contains(&code.http_status()), "{code}: status {}", code.http_status());
        assert!(names.insert(code.name()), "{code}: name {} is used twice", code.name());
        assert!(wires.insert(code.as_str()), "{code} is listed twice");
        assert!(!code.message().is_empty() && !code.description().is_empty(), "{code} has no text");
        assert!(code.doc_line() > 0);
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

#[test]
fn s3_has_105_codes() {
    check_table::<s3_errors::ErrorCode>(105);
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
        classified(authing_errors::ErrorCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()),
        [("1000", Transient), ("2100", Throttling)]
    );
    assert_eq!(
        classified(tencent_cam_errors::ErrorCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()),
        [("InternalError", Transient)]
    );
    assert_eq!(
        classified(tencent_cam_errors::CommonCode::ALL.iter().map(|c| (c.as_str(), c.retry())).collect()),
        [("4400", Throttling)]
    );
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
        authing_errors::ErrorCode::OriginalMailboxNotVerifiedAgain.message()
    );
}
