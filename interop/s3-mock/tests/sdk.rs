//! The official Rust SDK (aws-sdk-s3) against the mock: it must read the errors s3-errors
//! builds exactly as it reads S3's own.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use aws_sdk_s3::config::retry::RetryConfig;
use aws_sdk_s3::config::{Credentials, Region};
use aws_sdk_s3::error::ProvideErrorMetadata;
use aws_sdk_s3::operation::get_object::GetObjectError;
use aws_sdk_s3::operation::head_object::HeadObjectError;
use aws_sdk_s3::operation::RequestId;
use aws_sdk_s3::Client;
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};
use s3_mock::{request_id, Served};

/// A mock answering at most `limit` requests, and an SDK client pointed at it.
async fn setup(limit: usize) -> (Client, Arc<Served>) {
    let (listener, address) = s3_mock::bind().await.unwrap();
    let served = Arc::new(Served::default());
    tokio::spawn(s3_mock::serve(listener, Arc::clone(&served), limit));
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
        .build_https();
    let config = aws_sdk_s3::Config::builder()
        .behavior_version_latest()
        .endpoint_url(format!("http://{address}"))
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("AKIDMOCK", "mock-secret", None, None, "mock"))
        .force_path_style(true)
        .http_client(http)
        .retry_config(
            RetryConfig::standard().with_max_attempts(3).with_initial_backoff(Duration::from_millis(1)),
        )
        .build();
    (Client::from_conf(config), served)
}

#[tokio::test]
async fn get_object_on_a_missing_key_is_the_sdks_typed_no_such_key() {
    let (client, served) = setup(10).await;
    let err = client.get_object().bucket("photos").key("missing.jpg").send().await.unwrap_err();
    let service = err.into_service_error();
    assert!(matches!(service, GetObjectError::NoSuchKey(_)), "{service:?}");
    assert_eq!(service.code(), Some("NoSuchKey"));
    assert_eq!(service.message(), Some("The specified key does not exist."));
    assert_eq!(service.request_id(), Some(request_id(1).as_str()));
    assert_eq!(served.requests.load(Ordering::SeqCst), 1, "not retried");
}

#[tokio::test]
async fn head_object_on_a_missing_key_is_not_found_with_our_request_id() {
    let (client, _) = setup(10).await;
    let err = client.head_object().bucket("photos").key("missing.jpg").send().await.unwrap_err();
    let service = err.into_service_error();
    assert!(matches!(service, HeadObjectError::NotFound(_)), "{service:?}");
    assert_eq!(service.request_id(), Some(request_id(1).as_str()));
}

#[tokio::test]
async fn a_throttling_code_makes_the_sdk_retry() {
    let (client, served) = setup(10).await;
    let err = client.get_object().bucket("photos").key("busy.jpg").send().await.unwrap_err();
    let service = err.into_service_error();
    assert_eq!(service.code(), Some("SlowDown"));
    assert_eq!(service.message(), Some("Reduce your request rate."));
    // Three attempts: the SDK's retry classifier took our SlowDown for throttling.
    assert_eq!(served.requests.load(Ordering::SeqCst), 3);
    assert_eq!(service.request_id(), Some(request_id(3).as_str()));
}

#[tokio::test]
async fn other_errors_show_our_code_message_and_request_id_and_are_not_retried() {
    let (client, served) = setup(10).await;
    let err = client.get_object().bucket("photos").key("denied.jpg").send().await.unwrap_err();
    let service = err.into_service_error();
    assert_eq!((service.code(), service.message()), (Some("AccessDenied"), Some("Access Denied")));
    assert_eq!(service.request_id(), Some(request_id(1).as_str()));
    let err = client.list_objects_v2().bucket("nobucket").send().await.unwrap_err();
    let service = err.into_service_error();
    assert_eq!(service.code(), Some("NoSuchBucket"));
    assert_eq!(served.requests.load(Ordering::SeqCst), 2);
}
