"""Web pages: saved .html files and http(s) URLs, fetched from a local server (no internet).

The pages in tests/data/pages/ are small articles written for these tests, with the clutter a
real page has (menus, cookie banner, "most read", footer) and metadata in <meta> tags and
JSON-LD. The server runs on 127.0.0.1 on a free port, in a thread, for this module.
"""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest

from analyzer.errors import InputError
from analyzer.io.fetch import FetchOptions, Page, article_id_from_url, fetch_page
from analyzer.io.ingest import Article, ReadOptions, read_inputs

PAGES = Path(__file__).parent / "data" / "pages"
HARBOUR = (PAGES / "harbour-fire.html").read_bytes()
CAFE_CP1252 = (PAGES / "cafe-closures-cp1252.html").read_bytes()
NO_ARTICLE = (PAGES / "no-article.html").read_bytes()
HARBOUR_FIRST = ("A fire tore through a warehouse at Northport harbour on Wednesday night, forcing the evacuation "
                 "of about 200 residents from nearby streets, police said.")
BOILERPLATE = ["cookies", "Most read", "All rights reserved", "Privacy policy", "Council approves"]
# The café page without its <meta> charset: only the HTTP header says windows-1252.
CAFE_NO_META = CAFE_CP1252.replace(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">\n', b"")
LIMIT = 50_000
BIG = b"<html><body><p>" + b"Police said the road will close. " * 4000 + b"</p></body></html>"


def _routes(base: str) -> dict:
    """path -> (status, headers, body); a callable body is called with the handler."""
    html = "text/html; charset=utf-8"
    return {
        "/news/2024/harbour-fire.html": (200, {"Content-Type": html}, HARBOUR),
        "/cafe": (200, {"Content-Type": "text/html"}, CAFE_CP1252),
        "/cafe-header-charset": (200, {"Content-Type": "text/html; charset=windows-1252"}, CAFE_NO_META),
        "/no-content-type": (200, {}, HARBOUR),
        "/gzip": (200, {"Content-Type": html, "Content-Encoding": "gzip"}, gzip.compress(HARBOUR)),
        "/moved": (301, {"Location": "/hop/2"}, b""),
        "/hop/2": (302, {"Location": "/hop/1"}, b""),
        "/hop/1": (307, {"Location": f"{base}/news/2024/harbour-fire.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/missing": (404, {"Content-Type": html}, b"<html><body>Not here</body></html>"),
        "/broken": (503, {"Content-Type": html}, b"<html><body>Down</body></html>"),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        "/data.json": (200, {"Content-Type": "application/json"}, b'{"text": "not a page"}'),
        "/plain-no-type": (200, {}, b"Just some words, not a web page at all."),
        "/big": (200, {"Content-Type": html}, BIG),  # Content-Length says it is too big
        "/big-unannounced": (200, {"Content-Type": html, "X-No-Length": "1"}, BIG),
        "/slow": (200, {"Content-Type": html, "X-Sleep": "1.5"}, HARBOUR),
        "/trickle": (200, {"Content-Type": html, "X-Trickle": "0.3"}, HARBOUR),
        "/menu-only": (200, {"Content-Type": html}, NO_ARTICLE),
        "/empty": (200, {"Content-Type": html}, b""),
    }


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}
    hits: list = []

    def log_message(self, *args):  # keep the test output clean
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        self.hits.append(self.path)
        status, headers, body = self.routes.get(self.path, (404, {}, b"no route"))
        if "X-Sleep" in headers:
            time.sleep(float(headers["X-Sleep"]))
        self.send_response(status)
        for key, value in headers.items():
            if not key.startswith("X-"):
                self.send_header(key, value)
        if "X-No-Length" not in headers and "X-Trickle" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if "X-Trickle" in headers:  # each read is quick, the whole download is not
            for start in range(0, len(body), 512):
                self.wfile.write(body[start:start + 512])
                self.wfile.flush()
                time.sleep(float(headers["X-Trickle"]))
            return
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    with pytest.MonkeyPatch.context() as mp:
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
            mp.delenv(name, raising=False)
        mp.setenv("NO_PROXY", "127.0.0.1,localhost")
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        httpd.daemon_threads = True
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        _Handler.routes = _routes(base)
        _Handler.hits = []
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield SimpleNamespace(base=base, url=lambda path: base + path, hits=_Handler.hits)
        finally:
            httpd.shutdown()
            httpd.server_close()


def fetch_one(url: str, **fetch_options):
    options = ReadOptions(fetch=FetchOptions(**fetch_options)) if fetch_options else None
    [item] = list(read_inputs([url], options=options))
    return item


def assert_harbour_article(article):
    assert isinstance(article, Article), article
    assert article.title == "Fire at Northport harbour warehouse forces evacuations"
    assert article.outlet == "Daily Planet"  # the publisher becomes the outlet
    assert article.date == "2024-03-14"
    assert HARBOUR_FIRST in article.text
    assert "\u201cWe were lucky the wind turned,\u201d Alvarez said." in article.text
    assert "The harbour authority declined to comment." in article.text
    for junk in BOILERPLATE:
        assert junk not in article.text, junk


# --- saved pages, offline ------------------------------------------------------------------

def test_saved_html_file(tmp_path):
    path = tmp_path / "harbour-fire.html"
    path.write_bytes(HARBOUR)
    [article] = list(read_inputs([str(path)]))
    assert_harbour_article(article)
    assert article.id == "harbour-fire"
    assert article.origin == str(path)
    assert article.url == "https://www.dailyplanet.example/news/2024/03/14/harbour-fire"  # rel=canonical


def test_saved_htm_file_in_windows_1252(tmp_path):
    path = tmp_path / "cafe.HTM"
    path.write_bytes(CAFE_CP1252)
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article), article
    assert article.encoding == "cp1252"  # from <meta http-equiv>
    assert article.outlet == "Harbour Gazette"
    assert article.title == "Caf\u00e9 owners warn of closures as energy bills rise"
    assert "more than \u20ac4,000 a month" in article.text
    assert "\u201cWe cannot pass this on to customers,\u201d said Ren\u00e9e Dupr\u00e9" in article.text
    assert "in January \u2014 too late" in article.text


def test_saved_xhtml_with_xml_declaration(tmp_path):
    page = HARBOUR.replace(b"<!DOCTYPE html>", b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE html>')
    page = page.replace('harbour\u2019s'.encode(), b"harbour\x92s").replace(b'<meta charset="utf-8">', b"")
    page = page.replace("\u201c".encode(), b'"').replace("\u201d".encode(), b'"').replace("\u00b7".encode(), b"-")
    page = page.replace("\u00a9".encode(), b"(c)")
    path = tmp_path / "harbour.xhtml"
    path.write_bytes(page)
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article), article
    assert "the harbour\u2019s fire hydrants" in article.text  # ISO-8859-1 read as browsers do: windows-1252


def test_folder_includes_html_pages(tmp_path):
    (tmp_path / "b-harbour.html").write_bytes(HARBOUR)
    (tmp_path / "a-note.txt").write_text("The mayor said the road will reopen.", encoding="utf-8")
    (tmp_path / "table.csv").write_text("text\nnot picked from a folder\n", encoding="utf-8")
    assert [i.id for i in read_inputs([str(tmp_path)])] == ["a-note", "b-harbour"]


@pytest.mark.parametrize("content, message", [
    (NO_ARTICLE, "no article text"),
    (b"", "empty"),
    (b"   \n  ", "empty"),
    (b"<html><body></body></html>", "no article text"),
    (b"<html>\x00\x01\x02</html>", "binary"),
])
def test_saved_page_without_an_article(tmp_path, content, message):
    path = tmp_path / "page.html"
    path.write_bytes(content)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert error.source == str(path) and error.line is None
    assert message in error.message
    assert "\n" not in error.one_line()


def test_saved_page_stage():
    error = next(read_inputs([str(PAGES / "no-article.html")]))
    assert error.stage == "extract"


# --- URLs, from the local server -------------------------------------------------------------

def test_url_article(server):
    url = server.url("/news/2024/harbour-fire.html")
    article = fetch_one(url)
    assert_harbour_article(article)
    assert article.id == "harbour-fire"
    assert article.origin == url  # errors and results name the URL as given
    assert article.line is None


def test_url_redirects_are_followed(server):
    article = fetch_one(server.url("/moved"))
    assert_harbour_article(article)
    assert article.id == "moved"  # the id comes from the URL the user gave


def test_url_redirects_are_bounded(server):
    error = fetch_one(server.url("/moved"), max_redirects=2)
    assert isinstance(error, InputError) and error.stage == "fetch"
    assert "more than 2 redirects" in error.message
    error = fetch_one(server.url("/loop"))
    assert isinstance(error, InputError) and "redirects" in error.message


@pytest.mark.parametrize("path, message", [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 503"),
    ("/nothing-here", "HTTP 404"),
    ("/report.pdf", "not an HTML page (application/pdf)"),
    ("/data.json", "not an HTML page (application/json)"),
    ("/plain-no-type", "not an HTML page"),
    ("/menu-only", "no article text found"),
    ("/empty", "empty page"),
])
def test_url_errors(server, path, message):
    url = server.url(path)
    error = fetch_one(url)
    assert isinstance(error, InputError), error
    assert error.source == url and error.line is None
    assert message in error.message, error.message
    assert error.one_line() == f"{url}: {error.message}"
    assert "\n" not in error.one_line()


def test_url_error_stages(server):
    assert fetch_one(server.url("/missing")).stage == "fetch"
    assert fetch_one(server.url("/report.pdf")).stage == "fetch"
    assert fetch_one(server.url("/menu-only")).stage == "extract"


def test_url_size_limit_from_content_length(server):
    error = fetch_one(server.url("/big"), max_bytes=LIMIT)
    assert isinstance(error, InputError)
    assert f"larger than {LIMIT} bytes" in error.message


def test_url_size_limit_while_streaming(server):
    error = fetch_one(server.url("/big-unannounced"), max_bytes=LIMIT)
    assert isinstance(error, InputError)
    assert f"larger than {LIMIT} bytes" in error.message
    article = fetch_one(server.url("/big-unannounced"))  # within the default limit
    assert isinstance(article, Article) and article.text.startswith("Police said the road will close.")


def test_url_timeout(server):
    started = time.monotonic()
    error = fetch_one(server.url("/slow"), timeout=0.3)
    assert isinstance(error, InputError)
    assert "timed out after 0.3 s" in error.message
    assert time.monotonic() - started < 1.4


def test_url_total_time_limit(server):
    error = fetch_one(server.url("/trickle"), timeout=5, total_timeout=0.5)
    assert isinstance(error, InputError)
    assert "longer than 0.5 s" in error.message


def test_url_gzip_is_decoded(server):
    assert_harbour_article(fetch_one(server.url("/gzip")))


def test_url_without_content_type_is_sniffed(server):
    assert_harbour_article(fetch_one(server.url("/no-content-type")))


def test_url_charset_from_meta_and_from_header(server):
    for path in ("/cafe", "/cafe-header-charset"):
        article = fetch_one(server.url(path))
        assert isinstance(article, Article), (path, article)
        assert article.encoding == "cp1252", path
        assert "Ren\u00e9e Dupr\u00e9" in article.text and "\u20ac4,000" in article.text, path


def test_connection_refused():
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    error = fetch_one(url, timeout=2)
    assert isinstance(error, InputError) and error.stage == "fetch"
    assert error.message.startswith("cannot connect")
    assert "\n" not in error.one_line()


@pytest.mark.parametrize("url", ["ftp://example.org/story.html", "file:///etc/hostname"])
def test_other_url_schemes_are_errors(url):
    [error] = list(read_inputs([url], fetch=lambda u: pytest.fail("must not fetch")))
    assert isinstance(error, InputError) and error.source == url
    assert "unsupported URL scheme" in error.message


def test_unsupported_scheme_from_fetch_page():
    with pytest.raises(InputError, match="unsupported URL scheme 'ftp'"):
        fetch_page("ftp://example.org/")


def test_urls_keep_their_place_among_other_inputs(server, tmp_path):
    text = tmp_path / "note.txt"
    text.write_text("The mayor said the road will reopen.", encoding="utf-8")
    items = list(read_inputs([server.url("/missing"), str(text), server.url("/news/2024/harbour-fire.html")]))
    assert [type(i).__name__ for i in items] == ["InputError", "Article", "Article"]
    assert [getattr(i, "id", None) for i in items] == [None, "note", "harbour-fire"]


def test_injected_fetcher():
    calls = []

    def fake(url: str) -> Page:
        calls.append(url)
        if url.endswith("/boom"):
            raise RuntimeError("socket exploded")
        return Page(url="https://news.example/final/harbour-fire", data=HARBOUR, content_type="text/html")

    items = list(read_inputs(["https://news.example/a/harbour-fire.html", "https://news.example/boom"], fetch=fake))
    assert calls == ["https://news.example/a/harbour-fire.html", "https://news.example/boom"]
    assert_harbour_article(items[0])
    assert isinstance(items[1], InputError) and items[1].stage == "fetch"
    assert "RuntimeError: socket exploded" in items[1].message


@pytest.mark.parametrize("url, expected", [
    ("https://news.example/world/2024/03/14/harbour-fire.html", "harbour-fire"),
    ("https://news.example/world/harbour-fire/", "harbour-fire"),
    ("https://news.example/world/harbour-fire/index.html", "harbour-fire"),
    ("https://news.example/story.php?id=7", "news.example"),
    ("https://news.example/", "news.example"),
    ("https://news.example/caf%C3%A9-closures", "caf\u00e9-closures"),
])
def test_article_id_from_url(url, expected):
    assert article_id_from_url(url) == expected


# --- through the CLI: the publisher is the outlet unless --outlet says otherwise -------------

@pytest.fixture(scope="module")
def url_run(cli, server, tmp_path_factory):
    out = tmp_path_factory.mktemp("url_run") / "out"
    page = server.url("/news/2024/harbour-fire.html")
    result = cli.invoke(["analyze", page, server.url("/missing"), str(PAGES / "cafe-closures-cp1252.html"),
                         "--out", out])
    return SimpleNamespace(result=result, out=out, page=page, missing=server.url("/missing"))


def test_cli_url_run(cli, url_run):
    cli.assert_no_traceback(url_run.result)
    assert url_run.result.exit_code == 1, url_run.result.stderr  # the 404 is an input error
    assert [line for line in cli.error_lines(url_run.result)] == [
        f"error: {url_run.missing}: HTTP 404 Not Found"]
    _, cards = cli.read_csv(url_run.out / "scorecard.csv")
    assert [c["article_id"] for c in cards] == ["harbour-fire", "cafe-closures-cp1252"]


def test_cli_url_offsets_index_the_extracted_text(cli, url_run):
    article = fetch_one(url_run.page)
    cafe = next(read_inputs([str(PAGES / "cafe-closures-cp1252.html")]))
    texts = {"harbour-fire": article.text, "cafe-closures-cp1252": cafe.text}
    _, rows = cli.read_csv(url_run.out / "sentences.csv")
    assert {r["article_id"] for r in rows} == set(texts)
    for row in rows:
        assert texts[row["article_id"]][int(row["start_char"]):int(row["end_char"])] == row["text"]
    labels = {r["text"]: r["labels"] for r in rows}
    assert labels[HARBOUR_FIRST] == "named-official"


def test_publisher_is_the_articles_own_outlet(analyzer, tmp_path):
    # "told Reuters" in a page Reuters published is its own reporting; the CLI's --outlet
    # replaces the publisher (it sets item.outlet after reading), so another outlet makes it secondary.
    path = tmp_path / "wire.html"
    path.write_bytes(HARBOUR.replace(b"Daily Planet", b"Reuters").replace(
        b"The harbour authority declined to comment.",
        b"A harbour worker told Reuters that the alarm never sounded."))
    article = next(read_inputs([str(path)]))
    assert article.outlet == "Reuters"
    sentence = "A harbour worker told Reuters that the alarm never sounded."
    labels = lambda result: next(s.labels for s in result.sentences if s.text == sentence)  # noqa: E731
    assert "secondary-outlet" not in labels(analyzer.analyze_text(article.text, outlet=article.outlet))
    assert "secondary-outlet" in labels(analyzer.analyze_text(article.text, outlet="Daily Planet"))
