//! Runs the S3 mock on 127.0.0.1 for a bounded number of requests (default 100), printing its
//! address: `cargo run --manifest-path interop/s3-mock/Cargo.toml -- [REQUESTS]`.

use std::sync::Arc;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let limit = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100);
    let (listener, address) = s3_mock::bind().await?;
    println!("S3 mock on http://{address}, answering {limit} requests");
    s3_mock::serve(listener, Arc::new(s3_mock::Served::default()), limit).await;
    Ok(())
}
