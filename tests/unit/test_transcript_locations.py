"""Where a job's document lives: S3 object URIs in every style, and which URLs may be fetched."""

from __future__ import annotations

import pytest

from transcribe_kit import UntrustedUrlError
from transcribe_kit.transcript._location import (
    S3Object,
    check_direct_url,
    is_presigned,
    s3_object,
)

SIGNED_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F&X-Amz-Signature=abc123"


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        pytest.param(
            "https://s3.us-east-1.amazonaws.com/my-bucket/out/job.json",
            S3Object("my-bucket", "out/job.json"),
            id="path-style-regional",
        ),
        pytest.param(
            "https://s3.amazonaws.com/my-bucket/job.json",
            S3Object("my-bucket", "job.json"),
            id="path-style-global",
        ),
        pytest.param(
            "https://s3-eu-west-1.amazonaws.com/my-bucket/job.json",
            S3Object("my-bucket", "job.json"),
            id="path-style-dash-region",
        ),
        pytest.param(
            "https://s3.dualstack.us-west-2.amazonaws.com/my-bucket/job.json",
            S3Object("my-bucket", "job.json"),
            id="path-style-dualstack",
        ),
        pytest.param(
            "https://s3.cn-north-1.amazonaws.com.cn/my-bucket/job.json",
            S3Object("my-bucket", "job.json"),
            id="path-style-china",
        ),
        pytest.param(
            "https://my-bucket.s3.us-east-1.amazonaws.com/out/job.json",
            S3Object("my-bucket", "out/job.json"),
            id="virtual-hosted-regional",
        ),
        pytest.param(
            "https://my-bucket.s3.amazonaws.com/job.json",
            S3Object("my-bucket", "job.json"),
            id="virtual-hosted-global",
        ),
        pytest.param(
            "https://my.dotted.bucket.s3.eu-west-1.amazonaws.com/job.json",
            S3Object("my.dotted.bucket", "job.json"),
            id="virtual-hosted-dotted-bucket",
        ),
        pytest.param(
            "https://my-bucket.s3.us-east-1.amazonaws.com/my%20folder/job%281%29.json",
            S3Object("my-bucket", "my folder/job(1).json"),
            id="percent-encoded-key",
        ),
        pytest.param(
            "https://S3.US-EAST-1.AMAZONAWS.COM/my-bucket/Job.json",
            S3Object("my-bucket", "Job.json"),
            id="host-case-insensitive",
        ),
        pytest.param(
            "s3://my-bucket/out/job.json", S3Object("my-bucket", "out/job.json"), id="s3-scheme"
        ),
        pytest.param(
            "s3://my-bucket/a file%20name.json",
            S3Object("my-bucket", "a file%20name.json"),
            id="s3-scheme-key-literal",
        ),
    ],
)
def test_s3_uri_styles_name_bucket_and_key(uri: str, expected: S3Object) -> None:
    assert s3_object(uri) == expected


@pytest.mark.parametrize(
    "uri",
    [
        pytest.param(
            f"https://s3.us-east-1.amazonaws.com/aws-transcribe-us-east-1-prod/1/j/asrOutput.json?{SIGNED_QUERY}",
            id="presigned",
        ),
        pytest.param("https://example.com/my-bucket/job.json", id="other-host"),
        pytest.param("https://s3.amazonaws.com.example.com/b/k.json", id="lookalike-host"),
        pytest.param("https://s3.us-east-1.amazonaws.com/my-bucket", id="no-key"),
        pytest.param("https://my-bucket.s3.amazonaws.com/", id="virtual-no-key"),
        pytest.param("s3://my-bucket", id="s3-no-key"),
        pytest.param("ftp://s3.amazonaws.com/b/k.json", id="other-scheme"),
        pytest.param("http://127.0.0.1:5000/b/k.json", id="local-without-endpoint"),
    ],
)
def test_uris_that_name_no_s3_object(uri: str) -> None:
    assert s3_object(uri) is None


def test_path_style_url_on_the_configured_endpoint_names_an_object() -> None:
    endpoint = "http://127.0.0.1:5000"
    assert s3_object("http://127.0.0.1:5000/out/job.json", endpoint_url=endpoint) == S3Object(
        "out", "job.json"
    )
    assert s3_object("http://127.0.0.1:5001/out/job.json", endpoint_url=endpoint) is None


@pytest.mark.parametrize(
    ("query", "presigned"),
    [
        (SIGNED_QUERY, True),
        ("AWSAccessKeyId=AKIA&Expires=1&Signature=abc", True),
        ("x-amz-security-token=abc", True),
        ("versionId=3", False),
        ("", False),
    ],
)
def test_presigned_links_are_recognised_by_their_query(query: str, presigned: bool) -> None:
    url = "https://s3.us-east-1.amazonaws.com/b/k.json" + (f"?{query}" if query else "")
    assert is_presigned(url) is presigned


@pytest.mark.parametrize(
    "url",
    [
        "https://s3.us-east-1.amazonaws.com/aws-transcribe-us-east-1-prod/k.json",
        "https://s3.amazonaws.com/b/k.json",
        "https://s3-eu-west-1.amazonaws.com/b/k.json",
        "https://s3-external-1.amazonaws.com/b/k.json",
        "https://s3.dualstack.ap-southeast-2.amazonaws.com/b/k.json",
        "https://s3-fips.us-gov-west-1.amazonaws.com/b/k.json",
        "https://s3-fips.dualstack.us-east-2.amazonaws.com/b/k.json",
        "https://s3.cn-northwest-1.amazonaws.com.cn/b/k.json",
        "https://s3.dualstack.cn-north-1.amazonaws.com.cn/b/k.json",
        "https://bucket.s3.amazonaws.com/k.json",
        "https://aws-transcribe-us-east-1-prod.s3.us-east-1.amazonaws.com/k.json",
        "https://my.dotted.bucket.s3.dualstack.eu-west-3.amazonaws.com/k.json",
        "https://bucket.s3-fips.us-east-1.amazonaws.com/k.json",
        "https://bucket.s3.cn-north-1.amazonaws.com.cn/k.json",
        "https://s3.us-east-1.amazonaws.com:443/b/k.json",
    ],
)
def test_https_on_s3_endpoints_is_allowed(url: str) -> None:
    check_direct_url(f"{url}?{SIGNED_QUERY}")


@pytest.mark.parametrize(
    "host",
    [
        pytest.param("abc123.execute-api.us-east-1.amazonaws.com", id="api-gateway"),
        pytest.param("my-lb-1234.us-east-1.elb.amazonaws.com", id="load-balancer"),
        pytest.param("bucket.s3-website-us-east-1.amazonaws.com", id="website-dash"),
        pytest.param("bucket.s3-website.eu-central-1.amazonaws.com", id="website-dot"),
        pytest.param("ec2-1-2-3-4.compute-1.amazonaws.com", id="ec2-instance"),
        pytest.param("ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com", id="access-point"),
        pytest.param("123456789012.s3-control.us-east-1.amazonaws.com", id="s3-control"),
        pytest.param("transcribe.us-east-1.amazonaws.com", id="another-service"),
        pytest.param("s3.evil.amazonaws.com", id="not-a-region"),
    ],
)
def test_other_hosts_under_amazonaws_are_refused(host: str) -> None:
    with pytest.raises(UntrustedUrlError, match="not an S3 endpoint"):
        check_direct_url(f"https://{host}/k.json?{SIGNED_QUERY}")


def test_an_s3_endpoint_on_another_port_is_refused() -> None:
    with pytest.raises(UntrustedUrlError, match="port 8443"):
        check_direct_url(f"https://s3.us-east-1.amazonaws.com:8443/b/k.json?{SIGNED_QUERY}")


def test_a_website_endpoint_names_no_s3_object() -> None:
    assert s3_object("https://bucket.s3-website-us-east-1.amazonaws.com/k.json") is None


@pytest.mark.parametrize(
    "url", ["https://[::1", "https://[::1/k.json", "http://[v7.zz]/k", "https://h:99999999/k"]
)
def test_a_url_that_is_no_url_is_refused_as_untrusted(url: str) -> None:
    assert s3_object(url) is None
    assert not is_presigned(url)
    with pytest.raises(UntrustedUrlError):
        check_direct_url(url)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        pytest.param("http://s3.us-east-1.amazonaws.com/b/k.json", "not https", id="plain-http"),
        pytest.param("https://example.com/k.json", "not an S3 endpoint", id="other-host"),
        pytest.param(
            "https://s3.amazonaws.com.evil.example/k.json", "not an S3 endpoint", id="suffix-trick"
        ),
        pytest.param("https://evilamazonaws.com/k.json", "not an S3 endpoint", id="no-dot"),
        pytest.param("https://amazonaws.com/k.json", "not an S3 endpoint", id="bare-domain"),
        pytest.param("http://127.0.0.1:8080/k.json", "not https", id="loopback-http"),
        pytest.param("https://127.0.0.1:8443/k.json", "not an S3 endpoint", id="loopback-https"),
        pytest.param("file:///etc/passwd", "not https", id="file"),
    ],
)
def test_other_urls_are_refused(url: str, reason: str) -> None:
    with pytest.raises(UntrustedUrlError, match=reason):
        check_direct_url(f"{url}?{SIGNED_QUERY}")


def test_credentials_in_a_url_are_refused_without_showing_them() -> None:
    with pytest.raises(UntrustedUrlError) as caught:
        check_direct_url("https://user:secret@s3.amazonaws.com/b/k.json")
    assert "secret" not in str(caught.value)


def test_the_configured_endpoint_may_be_plain_http() -> None:
    endpoint = "http://127.0.0.1:8080"
    check_direct_url(f"http://127.0.0.1:8080/k.json?{SIGNED_QUERY}", endpoint_url=endpoint)
    with pytest.raises(UntrustedUrlError):
        check_direct_url(f"http://127.0.0.1:8081/k.json?{SIGNED_QUERY}", endpoint_url=endpoint)
    with pytest.raises(UntrustedUrlError):
        check_direct_url(f"http://localhost:8080/k.json?{SIGNED_QUERY}", endpoint_url=endpoint)


def test_a_refusal_names_the_url_without_its_signature() -> None:
    with pytest.raises(UntrustedUrlError) as caught:
        check_direct_url(f"https://example.com/k.json?{SIGNED_QUERY}")
    assert "abc123" not in str(caught.value)
    assert caught.value.uri == "https://example.com/k.json?<redacted>"
