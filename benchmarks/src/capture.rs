//! Generated captures for benchmarking `cloud-errors scan`: a mix of every vendor's golden
//! error bodies with the headers their servers send, success answers and proxy pages, as NDJSON
//! (one `{"status", "headers", "body", "method", "url"}` object a line) or as a HAR 1.2 file.
//!
//! The mix is fixed (a seeded generator), so two runs scan the same bytes.

use std::path::Path;

/// One response of the capture.
struct Exchange {
    method: &'static str,
    url: String,
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: String,
}

/// A capture of about `bytes` bytes, and what it holds.
pub struct Capture {
    /// The file's bytes.
    pub text: Vec<u8>,
    /// Responses in it.
    pub responses: usize,
    /// Responses that are errors of a known vendor (what `scan` reports).
    pub errors: usize,
}

/// The file formats `scan` reads.
#[derive(Clone, Copy, Debug)]
pub enum Format {
    /// One capture object a line.
    Ndjson,
    /// A HAR 1.2 document.
    Har,
}

/// A small deterministic generator (64-bit LCG, high bits).
struct Seeded(u64);

impl Seeded {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Every golden body under `golden/`, with the vendor directory it is in (`s3`, `authing`...).
fn golden_bodies(golden: &Path) -> Vec<(String, String)> {
    let mut bodies = Vec::new();
    let mut vendors: Vec<_> = std::fs::read_dir(golden).expect("golden/").flatten().collect();
    vendors.sort_by_key(|e| e.file_name());
    for vendor in vendors {
        let name = vendor.file_name().to_string_lossy().into_owned();
        if name == "snapshots" || !vendor.path().is_dir() {
            continue;
        }
        let mut kinds: Vec<_> = std::fs::read_dir(vendor.path()).unwrap().flatten().collect();
        kinds.sort_by_key(|e| e.file_name());
        for kind in kinds {
            // Only directories of bodies (`golden/public-api/` holds listings, not bodies).
            if !kind.path().is_dir() {
                continue;
            }
            let mut files: Vec<_> = std::fs::read_dir(kind.path()).unwrap().flatten().collect();
            files.sort_by_key(|e| e.file_name());
            for file in files {
                bodies.push((name.clone(), std::fs::read_to_string(file.path()).unwrap()));
            }
        }
    }
    bodies
}

fn request_id(random: &mut Seeded) -> String {
    format!("{:08X}{:08X}", random.below(1 << 30), random.below(1 << 30))
}

/// An error response of `vendor` with `body`, as its servers send it.
fn error_exchange(vendor: &str, body: String, random: &mut Seeded) -> Exchange {
    let id = request_id(random);
    let (method, url, status, headers) = match vendor {
        "s3" => {
            let status = [400, 403, 404, 409, 503][random.below(5)];
            let headers = vec![
                ("x-amz-request-id", id.clone()),
                ("x-amz-id-2", format!("{id}/{id}=")),
                ("Content-Type", "application/xml".to_owned()),
            ];
            ("GET", format!("https://bucket.s3.amazonaws.com/key/{}", random.below(100_000)), status, headers)
        }
        "huawei-iam" => {
            let headers = vec![("X-Request-Id", id), ("Content-Type", "application/json".to_owned())];
            ("GET", "https://iam.myhuaweicloud.com/v5/policies".to_owned(), 403, headers)
        }
        "tencent-cam" => {
            let headers = vec![("X-TC-RequestId", id), ("Content-Type", "application/json".to_owned())];
            ("POST", "https://cam.tencentcloudapi.com/".to_owned(), 200, headers)
        }
        "authing" => {
            let headers = vec![("Content-Type", "application/json".to_owned())];
            ("GET", "https://core.authing.cn/api/v3/get-user?userId=u1".to_owned(), 200, headers)
        }
        _ => {
            let headers = vec![("Content-Type", "application/json".to_owned())];
            ("POST", "https://interface.example.com/api".to_owned(), 200, headers)
        }
    };
    Exchange { method, url, status, headers, body }
}

/// A response that is not a cloud error: a success answer of one of the vendors, or a proxy's
/// HTML page with no vendor's headers.
fn other_exchange(random: &mut Seeded) -> Exchange {
    let id = request_id(random);
    match random.below(4) {
        0 => Exchange {
            method: "GET",
            url: "https://bucket.s3.amazonaws.com/?list-type=2".to_owned(),
            status: 200,
            headers: vec![("x-amz-request-id", id), ("Content-Type", "application/xml".to_owned())],
            body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bucket</Name><KeyCount>0</KeyCount></ListBucketResult>".to_owned(),
        },
        1 => Exchange {
            method: "POST",
            url: "https://cam.tencentcloudapi.com/".to_owned(),
            status: 200,
            headers: vec![("X-TC-RequestId", id.clone())],
            body: format!("{{\"Response\":{{\"TotalNum\":1,\"RequestId\":\"{id}\"}}}}"),
        },
        2 => Exchange {
            method: "GET",
            url: "https://core.authing.cn/api/v3/get-user?userId=u1".to_owned(),
            status: 200,
            headers: Vec::new(),
            body: format!("{{\"statusCode\":200,\"message\":\"ok\",\"requestId\":\"{id}\",\"data\":{{\"userId\":\"u1\"}}}}"),
        },
        _ => Exchange {
            method: "GET",
            url: "https://example.com/".to_owned(),
            status: 502,
            headers: vec![("Server", "nginx".to_owned())],
            body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n".to_owned(),
        },
    }
}

fn ndjson_line(exchange: &Exchange, out: &mut Vec<u8>) {
    let headers: serde_json::Map<String, serde_json::Value> =
        exchange.headers.iter().map(|(n, v)| ((*n).to_owned(), v.clone().into())).collect();
    let line = serde_json::json!({
        "status": exchange.status,
        "headers": headers,
        "body": exchange.body,
        "method": exchange.method,
        "url": exchange.url,
    });
    serde_json::to_writer(&mut *out, &line).unwrap();
    out.push(b'\n');
}

fn har_entry(exchange: &Exchange) -> serde_json::Value {
    let headers: Vec<serde_json::Value> =
        exchange.headers.iter().map(|(n, v)| serde_json::json!({"name": n, "value": v})).collect();
    serde_json::json!({
        "startedDateTime": "2026-12-03T08:00:00.000Z",
        "time": 12.5,
        "request": {"method": exchange.method, "url": exchange.url, "httpVersion": "HTTP/1.1",
                    "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
        "response": {"status": exchange.status, "statusText": "", "httpVersion": "HTTP/1.1",
                     "headers": headers, "cookies": [], "redirectURL": "", "headersSize": -1,
                     "bodySize": exchange.body.len(),
                     "content": {"size": exchange.body.len(), "mimeType": "text/plain", "text": exchange.body}},
        "cache": {},
        "timings": {"send": 0, "wait": 10, "receive": 2.5}
    })
}

/// A capture of at least `bytes` bytes in `format`, from the golden bodies under `golden`: about
/// five errors (every vendor's, every envelope generation) to one other response.
pub fn generate(golden: &Path, format: Format, bytes: usize) -> Capture {
    let bodies = golden_bodies(golden);
    let mut random = Seeded(0x5eed);
    let mut text = Vec::with_capacity(bytes + 4096);
    let (mut responses, mut errors) = (0, 0);
    if let Format::Har = format {
        text.extend_from_slice(br#"{"log":{"version":"1.2","creator":{"name":"cloud-errors benchmarks","version":"1"},"entries":["#);
    }
    while text.len() < bytes {
        let exchange = if random.below(6) == 0 {
            other_exchange(&mut random)
        } else {
            errors += 1;
            let (vendor, body) = &bodies[random.below(bodies.len())];
            error_exchange(vendor, body.clone(), &mut random)
        };
        match format {
            Format::Ndjson => ndjson_line(&exchange, &mut text),
            Format::Har => {
                if responses > 0 {
                    text.push(b',');
                }
                serde_json::to_writer(&mut text, &har_entry(&exchange)).unwrap();
            }
        }
        responses += 1;
    }
    if let Format::Har = format {
        text.extend_from_slice(b"]}}\n");
    }
    Capture { text, responses, errors }
}
