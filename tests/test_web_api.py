"""`sourcing serve`'s JSON API and its limits, over HTTP (httpx) against a real uvicorn server on
127.0.0.1: each endpoint, each error with its status, the security headers, the body limit, and
the refusal of addresses inside the server's network (with --allow-private-urls: reached)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from analyzer.report.tables import ATTRIBUTION_COLUMNS, SENTENCE_COLUMNS, SOURCE_COLUMNS, result_rows
from analyzer.web.app import create_app
from analyzer.web.settings import ServerSettings

from webserver import article_page, news_site, running

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8")
SETTINGS = ServerSettings(max_body_bytes=300_000, max_text_chars=20_000, max_batch_articles=5)
PARAGRAPHS = ["A US official told CNN on Tuesday that the talks had stalled over the border question.",
              "Police said three people were arrested near the station after the protest turned violent.",
              "According to a Treasury Department fact sheet, the sanctions apply to eleven companies."]


@pytest.fixture(scope="module")
def server(analyzer):
    with running(create_app(SETTINGS, analyzer)) as base:
        yield base


@pytest.fixture(scope="module")
def open_server(analyzer):
    """The same app started with --allow-private-urls."""
    with running(create_app(ServerSettings(allow_private_urls=True), analyzer)) as base:
        yield base


@pytest.fixture(scope="module")
def site():
    pages = {"/news/talks-stall.html": (200, {"Content-Type": "text/html; charset=utf-8"},
                                       article_page("Talks stall", PARAGRAPHS)),
             "/moved": (302, {"Location": "http://127.0.0.2:{port}/news/talks-stall.html"}, b""),
             "/file.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")}
    with news_site(pages) as base:
        yield base


def post(base: str, path: str, **kwargs) -> httpx.Response:
    return httpx.post(base + path, timeout=60, **kwargs)


def error_of(response: httpx.Response) -> str:
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == response.status_code
    return body["error"]["message"]


def test_healthz_answers_with_the_security_headers(server):
    response = httpx.get(server + "/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok" and response.json()["rules_version"]
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"


def test_analyze_text_returns_the_csv_rows_as_json(server, analyzer):
    response = post(server, "/api/analyze", json={"text": SEED, "outlet": "Reuters"})
    assert response.status_code == 200, response.text
    body = response.json()
    expected = result_rows(analyzer.analyze_text(SEED, outlet="Reuters", article_id="pasted-text"))
    assert body["article"] == {"id": "pasted-text", "title": None, "outlet": "Reuters", "url": None,
                               "characters": len(SEED), "text": SEED}
    assert body["sentences"] == expected["sentences"] and list(body["sentences"][0]) == SENTENCE_COLUMNS
    assert body["attributions"] == expected["attributions"] and list(body["attributions"][0]) == ATTRIBUTION_COLUMNS
    assert body["sources"] == expected["sources"] and list(body["sources"][0]) == SOURCE_COLUMNS
    assert body["scorecard"] == expected["scorecard"][0] and 0 <= body["scorecard"]["score"] <= 100


@pytest.mark.parametrize("payload, status, words", [
    ({}, 400, "Nothing to analyse"),
    ({"text": "   \n"}, 400, "Nothing to analyse"),
    ({"text": "Police said so.", "url": "https://example.org/a"}, 400, "not text and web address"),
    ({"text": "x" * 20_001}, 413, "20,001 characters long; this server analyses articles of up to 20,000"),
    ({"text": "Police said so.", "colour": "red"}, 422, "colour: Extra inputs are not permitted"),
    ({"text": 42}, 422, "text: Input should be a valid string"),
    ({"url": "ftp://example.org/a"}, 422, "unsupported URL scheme 'ftp'"),
    ({"outlet": "R" * 201, "text": "Police said so."}, 400, "outlet is 201 characters"),
])
def test_api_errors_are_json_with_a_status(server, payload, status, words):
    response = post(server, "/api/analyze", json=payload)
    assert response.status_code == status
    assert words in error_of(response)


def test_malformed_json_and_wrong_method_and_unknown_path(server):
    bad = post(server, "/api/analyze", content=b"{not json", headers={"Content-Type": "application/json"})
    assert bad.status_code == 422 and "not valid" in error_of(bad)
    assert httpx.get(server + "/api/analyze").status_code == 405
    missing = httpx.get(server + "/api/nothing-here")
    assert missing.status_code == 404 and "/api/nothing-here" in error_of(missing)
    page = httpx.get(server + "/nothing-here")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"] and "<form" in page.text


def test_body_over_the_limit_is_413_by_length_and_when_chunked(server):
    big = {"text": "Police said so. " * 20_000}  # 320 kB > 300 kB
    response = post(server, "/api/analyze", json=big)
    assert response.status_code == 413 and "larger than this server's limit of 300 kB" in error_of(response)

    def chunks():
        for _ in range(40):
            yield b"x" * 10_000

    chunked = post(server, "/analyze", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert chunked.status_code == 413 and "300 kB" in chunked.text and "<form" in chunked.text
    assert httpx.get(server + "/healthz").status_code == 200


def test_a_server_on_127_0_0_1_is_refused_by_default(server, site):
    response = post(server, "/api/analyze", json={"url": site + "/news/talks-stall.html"})
    assert response.status_code == 403
    message = error_of(response)
    assert "refused to fetch 127.0.0.1: a loopback address" in message and "--allow-private-urls" in message
    for url in ("http://localhost:9/", "http://[::1]:9/", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1:9/", "http://0.0.0.0:9/", "http://[::ffff:127.0.0.1]:9/"):
        refused = post(server, "/api/analyze", json={"url": url})
        assert refused.status_code == 403, (url, refused.text)


def test_the_same_server_is_reached_with_allow_private_urls(open_server, site):
    response = post(open_server, "/api/analyze", json={"url": site + "/news/talks-stall.html"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["article"]["title"] == "Talks stall" and body["article"]["id"] == "talks-stall"
    assert any(s["labels"] for s in body["sentences"])
    not_html = post(open_server, "/api/analyze", json={"url": site + "/file.pdf"})
    assert not_html.status_code == 422 and "not an HTML page (application/pdf)" in error_of(not_html)


def test_every_redirect_is_checked_again(server, site, monkeypatch):
    """127.0.0.1 let through for this test only: the redirect to 127.0.0.2 must still be refused."""
    import analyzer.io.addresses as addresses

    refusal = addresses.refusal
    monkeypatch.setattr(addresses, "refusal", lambda address: None if address == "127.0.0.1" else refusal(address))
    response = post(server, "/api/analyze", json={"url": site + "/moved"})
    assert response.status_code == 403
    assert "refused to fetch 127.0.0.2: a loopback address" in error_of(response)
    reached = post(server, "/api/analyze", json={"url": site + "/news/talks-stall.html"})
    assert reached.status_code == 200  # the first hop alone is allowed: so the refusal above was the redirect's


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("172.16.0.1", "private"),
    ("192.168.1.1", "private"), ("169.254.169.254", "link-local"), ("fe80::1%eth0", "link-local"),
    ("224.0.0.251", "multicast"), ("ff02::1", "multicast"), ("240.0.0.1", "reserved"),
    ("0.0.0.0", "unspecified"), ("100.64.0.1", "not publicly routable"), ("fc00::1", "private"),
    ("::ffff:192.168.0.1", "private"), ("2002:c0a8:0001::1", "private"),
    ("93.184.215.14", None), ("2606:4700::1111", None), ("8.8.8.8", None),
])
def test_which_addresses_are_refused(address, kind):
    from analyzer.io.addresses import refusal

    assert refusal(address) == kind


def test_docs_describe_the_api_without_a_script(server):
    schema = httpx.get(server + "/openapi.json").json()
    assert {"/api/analyze", "/healthz"} <= set(schema["paths"])
    assert set(SENTENCE_COLUMNS) <= set(schema["components"]["schemas"]["SentenceRow"]["properties"])
    docs = httpx.get(server + "/docs")
    assert docs.status_code == 200 and "POST /api/analyze" in docs.text and "GET /healthz" in docs.text
    assert "<script" not in docs.text.lower() and "http://cdn" not in docs.text and "https://" not in docs.text
    assert "attributions" in docs.text and "413" in docs.text
