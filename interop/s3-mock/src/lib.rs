//! An S3 mock that answers with the errors S3 sends, built with `s3-errors`: the README's "build
//! a mock" example, working, and what `tests/sdk.rs` points the official Rust SDK at.
//!
//! Routes (path-style, `/{bucket}/{key}`), for any method:
//! - a key starting with `missing`: `NoSuchKey` (404); to `HEAD`, the same status with no body,
//!   as S3 answers HEAD;
//! - the bucket `nobucket`: `NoSuchBucket` (404);
//! - a key starting with `busy`: `SlowDown` (503), for the SDK's retry classifier;
//! - a key starting with `denied`: `AccessDenied` (403);
//! - anything else: `200 OK` with a small body.
//!
//! Every response carries `x-amz-request-id` and `x-amz-id-2`; the request id is the one the
//! body carries too.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use http::{Method, Request, Response, StatusCode};
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use s3_errors::{ErrorCode, ErrorResponse};
use tokio::net::TcpListener;

/// The host id every response carries.
pub const HOST_ID: &str = "bW9jay1ob3N0LWlk";

/// What the mock has served, for tests to inspect.
#[derive(Debug, Default)]
pub struct Served {
    /// How many requests it answered.
    pub requests: AtomicUsize,
}

/// The request id of the `n`th request (1-based): predictable, so tests can check it.
pub fn request_id(n: usize) -> String {
    format!("MOCK{n:012}")
}

/// The response to one request.
pub fn respond(method: &Method, path: &str, n: usize) -> Response<Vec<u8>> {
    let mut parts = path.trim_start_matches('/').splitn(2, '/');
    let bucket = parts.next().unwrap_or_default();
    let key = parts.next().unwrap_or_default();
    let code = if bucket == "nobucket" {
        Some(ErrorCode::NoSuchBucket)
    } else if key.starts_with("missing") {
        Some(ErrorCode::NoSuchKey)
    } else if key.starts_with("busy") {
        Some(ErrorCode::SlowDown)
    } else if key.starts_with("denied") {
        Some(ErrorCode::AccessDenied)
    } else {
        None
    };
    let id = request_id(n);
    let mut response = match code {
        // S3 answers HEAD without a body: the status says it all.
        Some(code) if method == Method::HEAD => {
            let mut response = Response::new(Vec::new());
            *response.status_mut() = code.http_status_code().unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            response
        }
        Some(code) => {
            let mut error = ErrorResponse::new(code).with_request_id(id.clone()).with_host_id(HOST_ID);
            if code == ErrorCode::NoSuchKey {
                error = error.with_field("Key", key).expect("Key is an XML name");
            }
            error.to_response()
        }
        None => Response::new(b"hello".to_vec()),
    };
    let headers = response.headers_mut();
    headers.insert("x-amz-request-id", id.parse().expect("an ASCII id"));
    headers.insert("x-amz-id-2", HOST_ID.parse().expect("an ASCII id"));
    response
}

/// Serves on `listener` until `limit` requests have been answered.
pub async fn serve(listener: TcpListener, served: Arc<Served>, limit: usize) {
    while served.requests.load(Ordering::SeqCst) < limit {
        let Ok((stream, _)) = listener.accept().await else { continue };
        let served = Arc::clone(&served);
        tokio::spawn(async move {
            let service = service_fn(move |request: Request<Incoming>| {
                let n = served.requests.fetch_add(1, Ordering::SeqCst) + 1;
                let response = respond(request.method(), request.uri().path(), n);
                async move { Ok::<_, Infallible>(response.map(|body| Full::new(Bytes::from(body)))) }
            });
            let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

/// Binds 127.0.0.1 on a free port.
pub async fn bind() -> std::io::Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
    let address = listener.local_addr()?;
    Ok((listener, address))
}
