"""Real SDKs consume what we build: every golden body of every envelope an official SDK reads is
handed to that SDK's own error handling, and the code, message and request id it extracts must
equal what `cloud-errors decode` reads from the same bytes.

- S3 REST bodies: botocore's RestXMLParser (S3 GetObject's error path), with the request id in
  `x-amz-request-id` as S3 sends it.
- S3 Query bodies (plain and with <Errors>): botocore's QueryParser (IAM GetUser's error path).
- EC2 Query bodies (<Response><Errors>…<RequestID>): botocore's EC2QueryParser (DescribeInstances).
- S3 REST bodies with a default namespace on <Error>, as S3-compatible stores send them:
  botocore's RestXMLParser, which reads their elements but files them beside `Error` (it takes
  S3's form only for a root tagged exactly `Error`): the elements must be ours.
- AWS JSON-protocol bodies (`__type`): botocore's JSONParser (DynamoDB DescribeTable), with the
  request id in `x-amzn-requestid`; and restJson1's RestJSONParser with the code only in
  `x-amzn-errortype`, and the query-compatible code of `x-amzn-query-error`.
- STS/IAM bodies in JSON: botocore has no parser for them (it asks the Query APIs for XML), so
  each is compared with botocore's QueryParser reading the same error in the Query XML form
  our builder writes for the same code: the code, message, type and request id must agree.
- Tencent Cloud API 3.0 bodies: tencentcloud-sdk-python-common's AbstractClient._check_error,
  which raises TencentCloudSDKException.
- Huawei IAM bodies: huaweicloudsdkcore's DefaultExceptionHandler, with the request id in
  `X-Request-Id` as Huawei sends it.
- Authing V3 bodies: the Authing SDK's management-token request against a server on
  127.0.0.1 that answers with the golden body; its statusCode check raises AuthingException.
  Success bodies of both SDKs must not raise.

Usage: sdk_consume.py CLOUD_ERRORS_BINARY GOLDEN_DIR. Prints one line per failure and a count.
"""

import json
import pathlib
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import botocore.parsers
import botocore.session
import requests
from authing.AuthingException import AuthingException
from authing.ManagementTokenProvider import ManagementTokenProvider
from huaweicloudsdkcore.exceptions import exceptions as huawei_exceptions
from huaweicloudsdkcore.exceptions.exception_handler import DefaultExceptionHandler
from tencentcloud.common.abstract_client import AbstractClient
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException


class Tally:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def compare(self, where, what, ours, theirs):
        if ours == theirs:
            self.passed += 1
        else:
            self.failures.append(f"{where}: {what}: cloud-errors read {ours!r}, the SDK read {theirs!r}")


def decode(binary, path):
    """What cloud-errors reads from the file: (code, message, request id, http status)."""
    out = subprocess.run([binary, "decode", "--format", "json", str(path)], capture_output=True, check=True)
    decoded = json.loads(out.stdout)
    return decoded["code"], decoded["message"], decoded["request_id"], decoded["http_status"], decoded


def decode_http(binary, path, status, headers):
    """What cloud-errors reads from a body with its HTTP context."""
    args = [binary, "decode", "--format", "json", "--status", str(status)]
    for name, value in headers.items():
        args += ["--header", f"{name}: {value}"]
    out = subprocess.run(args + [str(path)], capture_output=True, check=True)
    decoded = json.loads(out.stdout)
    return decoded["code"], decoded["message"], decoded["request_id"], decoded


def check_aws_shapes(binary, golden, tally, scratch):
    """EC2, namespaced REST, the JSON protocols and STS's JSON, as botocore reads each."""
    session = botocore.session.get_session()
    ec2_shape = session.get_service_model("ec2").operation_model("DescribeInstances").output_shape
    for path in sorted((golden / "s3" / "ec2").iterdir()):
        code, message, request_id, status, _ = decode(binary, path)
        parsed = botocore.parsers.EC2QueryParser().parse(
            {"status_code": status or 400, "headers": {}, "body": path.read_bytes()}, ec2_shape)
        error, where = parsed.get("Error", {}), f"s3/ec2/{path.name}"
        tally.compare(where, "code", code, error.get("Code"))
        tally.compare(where, "message", message, error.get("Message"))
        tally.compare(where, "request id", request_id, parsed["ResponseMetadata"].get("RequestId"))

    rest_shape = session.get_service_model("s3").operation_model("GetObject").output_shape
    for path in sorted((golden / "s3" / "rest").iterdir()):
        body = path.read_bytes().replace(b"<Error>", b'<Error xmlns="http://doc.example-store.com">', 1)
        namespaced = scratch / f"ns-{path.name}"
        namespaced.write_bytes(body)
        code, message, request_id, status, _ = decode(binary, namespaced)
        parsed = botocore.parsers.RestXMLParser().parse(
            {"status_code": status or 400, "headers": {"x-amz-request-id": request_id}, "body": body}, rest_shape)
        # botocore takes only a root tagged exactly `Error` for S3's form; a namespaced one goes
        # down its path for other rest-xml services, which reads the same elements but files them
        # beside `Error` (whose code it leaves empty). The elements must be ours.
        where = f"s3/rest (namespaced)/{path.name}"
        tally.compare(where, "code", code, parsed.get("Code"))
        tally.compare(where, "message", message, parsed.get("Message"))
        tally.compare(where, "botocore's own Error.Code (empty for this form)", "", parsed["Error"].get("Code"))

    json_shape = session.get_service_model("dynamodb").operation_model("DescribeTable").output_shape
    for path in sorted((golden / "s3" / "aws-json").iterdir()):
        headers = {"x-amzn-requestid": "R-" + path.stem}
        code, message, request_id, _ = decode_http(binary, path, 400, headers)
        parsed = botocore.parsers.JSONParser().parse(
            {"status_code": 400, "headers": headers, "body": path.read_bytes()}, json_shape)
        error, where = parsed.get("Error", {}), f"s3/aws-json/{path.name}"
        tally.compare(where, "code", code, error.get("Code"))
        tally.compare(where, "message", message, error.get("Message"))
        tally.compare(where, "request id", request_id, parsed["ResponseMetadata"].get("RequestId"))

    # The code only in a header, and the query-compatible code (SQS).
    rest_json = session.get_service_model("lambda").operation_model("GetFunction").output_shape
    variants = [
        ("x-amzn-errortype", {"x-amzn-errortype": "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/"},
         b'{"Message":"User is not authorized"}', botocore.parsers.RestJSONParser(), rest_json),
        ("query-compatible", {"x-amzn-query-error": "AWS.SimpleQueueService.NonExistentQueue;Sender"},
         b'{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}',
         botocore.parsers.JSONParser(), json_shape),
    ]
    for name, headers, body, parser, shape in variants:
        path = scratch / f"{name}.json"
        path.write_bytes(body)
        code, message, _, _ = decode_http(binary, path, 400, headers)
        error = parser.parse({"status_code": 400, "headers": headers, "body": body}, shape).get("Error", {})
        tally.compare(f"aws-json {name}", "code", code, error.get("Code"))
        tally.compare(f"aws-json {name}", "message", message, error.get("Message"))

    query_shape = session.get_service_model("sts").operation_model("GetCallerIdentity").output_shape
    for path in sorted((golden / "s3" / "query-json").iterdir()):
        code, message, request_id, _, decoded = decode(binary, path)
        twin = golden / "s3" / "query" / path.with_suffix(".xml").name
        parsed = botocore.parsers.QueryParser().parse({"status_code": 400, "headers": {}, "body": twin.read_bytes()}, query_shape)
        error, where = parsed.get("Error", {}), f"s3/query-json/{path.name}"
        tally.compare(where, "code", code, error.get("Code"))
        tally.compare(where, "message", message, error.get("Message"))
        tally.compare(where, "type", decoded["fields"].get("Error.Type"), error.get("Type"))
        tally.compare(where, "request id", request_id, parsed["ResponseMetadata"].get("RequestId"))


def check_s3(binary, golden, tally):
    session = botocore.session.get_session()
    rest_shape = session.get_service_model("s3").operation_model("GetObject").output_shape
    query_shape = session.get_service_model("iam").operation_model("GetUser").output_shape
    for kind, parser, shape in [
        ("rest", botocore.parsers.RestXMLParser(), rest_shape),
        ("query", botocore.parsers.QueryParser(), query_shape),
        ("query-errors", botocore.parsers.QueryParser(), query_shape),
    ]:
        for path in sorted((golden / "s3" / kind).iterdir()):
            code, message, request_id, status, _ = decode(binary, path)
            headers = {"x-amz-request-id": request_id} if kind == "rest" else {}
            parsed = parser.parse({"status_code": status, "headers": headers, "body": path.read_bytes()}, shape)
            error = parsed.get("Error", {})
            where = f"s3/{kind}/{path.name}"
            tally.compare(where, "code", code, error.get("Code"))
            tally.compare(where, "message", message, error.get("Message"))
            tally.compare(where, "request id", request_id, parsed["ResponseMetadata"].get("RequestId"))


class FakeTencentResponse:
    def __init__(self, body):
        self.headers = {"Content-Type": "application/json"}
        self.content = body


def check_tencent(binary, golden, tally):
    for path in sorted((golden / "tencent-cam" / "v3").iterdir()):
        code, message, request_id, _, _ = decode(binary, path)
        where = f"tencent-cam/v3/{path.name}"
        try:
            AbstractClient._check_error(None, FakeTencentResponse(path.read_bytes()))
            tally.failures.append(f"{where}: the Tencent SDK raised no TencentCloudSDKException")
        except TencentCloudSDKException as err:
            tally.compare(where, "code", code, err.get_code())
            tally.compare(where, "message", message, err.get_message())
            tally.compare(where, "request id", request_id, err.get_request_id())
    success = b'{"Response":{"RequestId":"r-ok","UserInfo":[]}}'
    try:
        AbstractClient._check_error(None, FakeTencentResponse(success))
        tally.passed += 1
    except TencentCloudSDKException as err:
        tally.failures.append(f"tencent-cam success body: the SDK raised {err}")


def check_huawei(binary, golden, tally):
    handler = DefaultExceptionHandler()
    # IAM v5 bodies and the classic codes' (`IAM.*`, 1100-1120), which the same endpoints send.
    paths = [p for kind in ("body", "classic") for p in sorted((golden / "huawei-iam" / kind).iterdir())]
    for path in paths:
        code, message, request_id, status, _ = decode(binary, path)
        response = requests.Response()
        response.status_code = status
        response._content = path.read_bytes()
        response.headers["X-Request-Id"] = request_id
        where = f"huawei-iam/{path.parent.name}/{path.name}"
        try:
            handler.handle_exception(None, response)
            tally.failures.append(f"{where}: the Huawei SDK raised nothing")
        except (huawei_exceptions.ClientRequestException, huawei_exceptions.ServerResponseException) as err:
            tally.compare(where, "code", code, err.error_code)
            tally.compare(where, "message", message, err.error_msg)
            tally.compare(where, "request id", request_id, err.request_id)


class AuthingServer(BaseHTTPRequestHandler):
    """Answers every POST with the body queued for it; only ever on 127.0.0.1."""

    body = b""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(AuthingServer.body)))
        self.end_headers()
        self.wfile.write(AuthingServer.body)

    def log_message(self, *args):
        pass


def check_authing(binary, golden, tally):
    server = HTTPServer(("127.0.0.1", 0), AuthingServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"http://127.0.0.1:{server.server_port}"
    try:
        for kind in ["v3-status", "v3-api"]:
            for path in sorted((golden / "authing" / kind).iterdir()):
                code, message, _, _, decoded = decode(binary, path)
                AuthingServer.body = path.read_bytes()
                where = f"authing/{kind}/{path.name}"
                try:
                    ManagementTokenProvider(host, "ak", "sk").get_access_token()
                    tally.failures.append(f"{where}: the Authing SDK's error check did not fire")
                except AuthingException as err:
                    sdk_code = err.apiCode if err.apiCode is not None else err.statusCode
                    tally.compare(where, "code", code, str(sdk_code))
                    tally.compare(where, "message", message, err.message)
                    status_code = decoded["fields"].get("statusCode", int(code) if err.apiCode is None else None)
                    tally.compare(where, "statusCode", status_code, err.statusCode)
        # A success body: the check must not fire (the token is a minimal JWT).
        payload = "eyJzY29wZWRfdXNlcnBvb2xfaWQiOiJwMSJ9"  # {"scoped_userpool_id":"p1"}
        AuthingServer.body = json.dumps(
            {"statusCode": 200, "message": "", "data": {"access_token": f"h.{payload}.s", "expires_in": 60}}
        ).encode()
        try:
            token, pool = ManagementTokenProvider(host, "ak", "sk").get_access_token()
            tally.compare("authing success body", "userpool", "p1", pool)
        except AuthingException as err:
            tally.failures.append(f"authing success body: the SDK raised {err}")
    finally:
        server.shutdown()
        server.server_close()


def main():
    binary, golden = sys.argv[1], pathlib.Path(sys.argv[2])
    tally = Tally()
    for check in [check_s3, check_tencent, check_huawei, check_authing]:
        check(binary, golden, tally)
    with tempfile.TemporaryDirectory() as scratch:
        check_aws_shapes(binary, golden, tally, pathlib.Path(scratch))
    for failure in tally.failures:
        print(failure)
    print(f"sdk-consume: {tally.passed} passed, {len(tally.failures)} failed")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
