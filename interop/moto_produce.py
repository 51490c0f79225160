"""Real servers produce: moto, in server mode on 127.0.0.1, answers a fixed list of requests
that provoke S3 (REST, HEAD without a body), IAM and STS (Query) errors and errors of AWS's JSON
protocols (DynamoDB's `__type` bodies; SQS's, query-compatible with `x-amzn-query-error`), first
without and then with request signing enforced. boto3 sends them; every raw response (status, headers, body) is
captured before botocore parses it. For each capture:

- `cloud-errors scan --format json` must read the same code, message and request id as
  botocore's parse of the same bytes (for a body-less response, botocore's code is the status
  and ours its name; the status is compared instead);
- `cloud-errors roundtrip` must give the body back byte for byte.

The captures are written to interop/fixtures/moto.ndjson when run with --record. Otherwise the
run fails when a case no longer gives the recorded status, code and message (request ids and
dates change every run, so they are not compared).

Usage: moto_produce.py CLOUD_ERRORS_BINARY [--record]
"""

import json
import os
import re
import pathlib
import socket
import subprocess
import sys
import tempfile
import time

import boto3
import botocore.exceptions
from botocore.config import Config

FIXTURE = pathlib.Path(__file__).parent / "fixtures" / "moto.ndjson"
CONFIG = Config(retries={"max_attempts": 1, "mode": "standard"}, s3={"addressing_style": "path"})


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MotoServer:
    """moto's server on 127.0.0.1; stopped by its process id."""

    def __init__(self, enforce_auth):
        self.port = free_port()
        env = dict(os.environ)
        if enforce_auth:
            # moto checks signatures once this many actions have run without (here: at once).
            env["INITIAL_NO_AUTH_ACTION_COUNT"] = "0"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("moto's server did not start within 30 s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def clients(port, key="testing", secret="testing"):
    kwargs = dict(
        endpoint_url=f"http://127.0.0.1:{port}",
        region_name="us-east-1",
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        config=CONFIG,
    )
    return {name: boto3.client(name, **kwargs) for name in ["s3", "iam", "sts", "dynamodb", "sqs"]}


def setup(c):
    """The state the cases provoke errors against."""
    s3, iam = c["s3"], c["iam"]
    s3.create_bucket(Bucket="photos")
    s3.put_object(Bucket="photos", Key="beach.jpg", Body=b"0123456789")
    s3.create_bucket(Bucket="full")
    s3.put_object(Bucket="full", Key="a", Body=b"a")
    iam.create_user(UserName="alice")
    iam.create_role(RoleName="reader", AssumeRolePolicyDocument="{}")
    c["dynamodb"].create_table(**TABLE)


TABLE = {
    "TableName": "events",
    "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST",
}


def cases(c):
    """(name, call) for every request; each call is expected to fail."""
    s3, iam, dynamodb, sqs = c["s3"], c["iam"], c["dynamodb"], c["sqs"]
    missing_queue = f"{sqs.meta.endpoint_url}/123456789012/missing"
    etag_mismatch = {"Bucket": "photos", "Key": "beach.jpg", "IfMatch": '"0000"'}
    return [
        ("s3 get missing key", lambda: s3.get_object(Bucket="photos", Key="missing.jpg")),
        ("s3 head missing key (no body)", lambda: s3.head_object(Bucket="photos", Key="missing.jpg")),
        ("s3 get from missing bucket", lambda: s3.get_object(Bucket="nobucket", Key="k")),
        ("s3 head missing bucket (no body)", lambda: s3.head_bucket(Bucket="nobucket")),
        ("s3 list missing bucket", lambda: s3.list_objects_v2(Bucket="nobucket")),
        ("s3 delete non-empty bucket", lambda: s3.delete_bucket(Bucket="full")),
        ("s3 acl of missing bucket", lambda: s3.get_bucket_acl(Bucket="nobucket")),
        ("s3 bucket tagging absent", lambda: s3.get_bucket_tagging(Bucket="photos")),
        ("s3 lifecycle absent", lambda: s3.get_bucket_lifecycle_configuration(Bucket="photos")),
        ("s3 cors absent", lambda: s3.get_bucket_cors(Bucket="photos")),
        ("s3 website absent", lambda: s3.get_bucket_website(Bucket="photos")),
        ("s3 object lock absent", lambda: s3.get_object_lock_configuration(Bucket="photos")),
        ("s3 encryption absent", lambda: s3.get_bucket_encryption(Bucket="photos")),
        ("s3 replication absent", lambda: s3.get_bucket_replication(Bucket="photos")),
        ("s3 policy absent", lambda: s3.get_bucket_policy(Bucket="photos")),
        ("s3 public access block absent", lambda: s3.get_public_access_block(Bucket="photos")),
        ("s3 ownership controls absent", lambda: s3.get_bucket_ownership_controls(Bucket="photos")),
        ("s3 invalid tag", lambda: s3.put_bucket_tagging(
            Bucket="photos", Tagging={"TagSet": [{"Key": "aws:reserved", "Value": "x"}]})),
        ("s3 missing upload", lambda: s3.list_parts(Bucket="photos", Key="beach.jpg", UploadId="nope")),
        ("s3 abort missing upload", lambda: s3.abort_multipart_upload(Bucket="photos", Key="k", UploadId="nope")),
        ("s3 unsatisfiable range", lambda: s3.get_object(Bucket="photos", Key="beach.jpg", Range="bytes=100-200")),
        ("s3 if-match fails", lambda: s3.get_object(**etag_mismatch)),
        ("s3 head if-match fails (no body)", lambda: s3.head_object(**etag_mismatch)),
        ("s3 copy from missing key", lambda: s3.copy_object(
            Bucket="photos", Key="copy.jpg", CopySource={"Bucket": "photos", "Key": "missing.jpg"})),
        ("s3 object tagging of missing key", lambda: s3.get_object_tagging(Bucket="photos", Key="missing.jpg")),
        ("s3 object acl of missing key", lambda: s3.get_object_acl(Bucket="photos", Key="missing.jpg")),
        ("s3 delete missing bucket", lambda: s3.delete_bucket(Bucket="nobucket")),
        ("s3 versioning of missing bucket", lambda: s3.get_bucket_versioning(Bucket="nobucket")),
        ("iam get missing user", lambda: iam.get_user(UserName="nobody")),
        ("iam create existing user", lambda: iam.create_user(UserName="alice")),
        ("iam delete missing user", lambda: iam.delete_user(UserName="nobody")),
        ("iam get missing role", lambda: iam.get_role(RoleName="norole")),
        ("iam create existing role", lambda: iam.create_role(RoleName="reader", AssumeRolePolicyDocument="{}")),
        ("iam get missing policy", lambda: iam.get_policy(PolicyArn="arn:aws:iam::123456789012:policy/none")),
        ("iam malformed policy", lambda: iam.create_policy(PolicyName="p", PolicyDocument="not json")),
        ("iam get missing group", lambda: iam.get_group(GroupName="nogroup")),
        ("iam attach to missing role", lambda: iam.attach_role_policy(
            RoleName="norole", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")),
        ("iam access key of missing user", lambda: iam.create_access_key(UserName="nobody")),
        ("iam delete missing login profile", lambda: iam.delete_login_profile(UserName="alice")),
        ("iam detach unattached policy", lambda: iam.detach_role_policy(
            RoleName="reader", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")),
        ("s3 location of missing bucket", lambda: s3.get_bucket_location(Bucket="nobucket")),
        ("dynamodb describe missing table", lambda: dynamodb.describe_table(TableName="missing")),
        ("dynamodb get item from missing table", lambda: dynamodb.get_item(TableName="missing", Key={"id": {"S": "1"}})),
        ("dynamodb create existing table", lambda: dynamodb.create_table(**TABLE)),
        ("dynamodb delete missing table", lambda: dynamodb.delete_table(TableName="missing")),
        ("sqs url of missing queue", lambda: sqs.get_queue_url(QueueName="missing")),
        ("sqs send to missing queue", lambda: sqs.send_message(QueueUrl=missing_queue, MessageBody="m")),
        ("sqs attributes of missing queue", lambda: sqs.get_queue_attributes(QueueUrl=missing_queue)),
    ]


def run(named_calls, all_clients):
    """Runs each call, capturing its raw response and botocore's parse of it."""
    captures = []
    current = {}

    def hook(http_response, parsed, model, **_):
        current["capture"] = {
            "status": http_response.status_code,
            "headers": [[k, v] for k, v in http_response.headers.items()],
            "body": http_response.content.decode("utf-8"),
            "botocore": {
                "code": parsed.get("Error", {}).get("Code"),
                "message": parsed.get("Error", {}).get("Message"),
                "request_id": parsed.get("ResponseMetadata", {}).get("RequestId"),
            },
            "operation": model.name,
        }

    for client in all_clients:
        client.meta.events.register("after-call.*.*", hook)
    for name, call in named_calls:
        current.clear()
        try:
            call()
            captures.append({"case": name, "unexpected": "the call succeeded"})
            continue
        except botocore.exceptions.ClientError:
            pass
        except botocore.exceptions.BotoCoreError as err:
            captures.append({"case": name, "unexpected": f"botocore refused the request: {err}"})
            continue
        capture = current.get("capture")
        if capture is None:
            captures.append({"case": name, "unexpected": "no response was captured"})
            continue
        capture["case"] = name
        captures.append(capture)
    return captures


def compare(binary, captures):
    passed, failures = 0, []
    good = [c for c in captures if "unexpected" not in c]
    failures += [f"{c['case']}: {c['unexpected']}" for c in captures if "unexpected" in c]
    with tempfile.NamedTemporaryFile("w", suffix=".ndjson", delete=False) as handle:
        for capture in good:
            handle.write(json.dumps({k: capture[k] for k in ["status", "headers", "body"]}) + "\n")
        ndjson = handle.name
    try:
        scanned = json.loads(subprocess.run(
            [binary, "scan", "--format", "json", ndjson], capture_output=True, check=True).stdout)
    finally:
        os.unlink(ndjson)
    by_line = {entry["entry"]: entry for entry in scanned}
    for line, capture in enumerate(good, start=1):
        case, theirs = capture["case"], capture["botocore"]
        ours = by_line.get(line)
        if ours is None:
            failures.append(f"{case}: cloud-errors found no error in the response (HTTP {capture['status']})")
            continue
        checks = [("message", ours["message"], theirs["message"])]
        # botocore reads the request id from the headers for S3's <Error> (x-amzn-requestid,
        # then x-amz-request-id; only the latter for a body-less one) and from the body for the
        # Query envelope; we read the body's, else any of those headers. Where botocore finds
        # one, ours must equal it; where it finds none, ours must be one the response carries.
        if theirs["request_id"]:
            checks.append(("request id", ours["request_id"], theirs["request_id"]))
        else:
            carried = {v for k, v in capture["headers"] if k.lower() in ("x-amzn-requestid", "x-amz-request-id")}
            carried |= set(re.findall(r"<RequestId>([^<]*)</RequestId>", capture["body"]))
            checks.append(("request id (one the response carries)", ours["request_id"] in carried or ours["request_id"] is None and not carried, True))
        if ours["code_from_status"]:
            # botocore names a body-less error by its status ("404") and gives the reason phrase
            # as its message; we name it as aws-sdk-s3 does (NotFound) and claim no message.
            checks.append(("status", str(ours["http_status"]), theirs["code"]))
            checks[0] = ("no message in the response", ours["message"], None)
        else:
            checks.append(("code", ours["code"], theirs["code"]))
        for what, mine, boto in checks:
            if mine == boto:
                passed += 1
            else:
                failures.append(f"{case}: {what}: cloud-errors read {mine!r}, botocore {boto!r}")
        # The body comes back byte for byte.
        body = capture["body"].encode("utf-8")
        written = subprocess.run(
            [binary, "roundtrip", "--status", str(capture["status"])]
            + [arg for name, value in capture["headers"] for arg in ("--header", f"{name}: {value}")],
            input=body, capture_output=True)
        if written.returncode == 0 and written.stdout == body:
            passed += 1
        else:
            failures.append(f"{case}: round trip: {written.stderr.decode().strip() or 'the body changed'}")
    return passed, failures


def essentials(capture):
    """What must not drift between runs: request ids, dates and host ids may."""
    boto = capture.get("botocore", {})
    return capture.get("status"), boto.get("code"), boto.get("message"), capture.get("unexpected")


def main():
    binary = sys.argv[1]
    record = "--record" in sys.argv[2:]
    captures = []
    for enforce in [False, True]:
        server = MotoServer(enforce_auth=enforce)
        try:
            if enforce:
                captures += run_signed(server.port)
            else:
                c = clients(server.port)
                setup(c)
                captures += run(cases(c), c.values())
        finally:
            server.stop()
    passed, failures = compare(binary, captures)
    distinct = {capture["case"] for capture in captures}
    if record:
        FIXTURE.parent.mkdir(exist_ok=True)
        with FIXTURE.open("w") as out:
            for capture in captures:
                out.write(json.dumps(capture, ensure_ascii=False) + "\n")
    else:
        recorded = {}
        if FIXTURE.exists():
            for line in FIXTURE.read_text().splitlines():
                entry = json.loads(line)
                recorded[entry["case"]] = entry
        for capture in captures:
            before = recorded.get(capture["case"])
            if before is None:
                failures.append(f"{capture['case']}: not in {FIXTURE.name}; run with --record")
            elif essentials(before) != essentials(capture):
                failures.append(f"{capture['case']}: drifted from {FIXTURE.name}: {essentials(before)} → {essentials(capture)}")
            else:
                passed += 1
    for failure in failures:
        print(failure)
    print(f"moto cases: {len(distinct)} distinct")
    print(f"moto-produce: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


def run_signed(port):
    """Requests with credentials moto does not know, while it enforces signatures."""
    unknown = clients(port, key="AKIAUNKNOWNKEY000000", secret="secret")
    named = [
        ("signed: s3 list with unknown key", lambda: unknown["s3"].list_buckets()),
        ("signed: s3 get with unknown key", lambda: unknown["s3"].get_object(Bucket="photos", Key="k")),
        ("signed: s3 head with unknown key (no body)", lambda: unknown["s3"].head_bucket(Bucket="photos")),
        ("signed: iam with unknown key", lambda: unknown["iam"].get_user(UserName="alice")),
        ("signed: iam list with unknown key", lambda: unknown["iam"].list_users()),
        ("signed: sts with unknown key", lambda: unknown["sts"].get_caller_identity()),
    ]
    return run(named, unknown.values())


if __name__ == "__main__":
    sys.exit(main())
