"""`sourcing serve`'s page over HTTP: the form, one article's report (the same markup as
report.html), its downloads, uploads of each kind, a batch, PDFs, and what the server keeps
(nothing) and logs (no article text)."""

from __future__ import annotations

import base64
import csv
import io
import json
import logging
import re
import tempfile
import zipfile
from pathlib import Path

import httpx
import pytest

from analyzer.report.html import render_report
from analyzer.report.markdown import render_markdown
from analyzer.web.app import create_app
from analyzer.web.settings import ServerSettings

from htmlpage import Page
from webserver import article_page, running, scanned_pdf, text_pdf

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8")
INJECTED = "The mayor said <script>document.title='PWNED'</script> nothing. Police said <img src=x onerror=alert(1)> so."
SECRET = "Zyxwvut-Quokka-4417"  # a word that must never reach the log
SETTINGS = ServerSettings(max_body_bytes=2_000_000, max_text_chars=20_000, max_batch_articles=5)


@pytest.fixture(scope="module")
def server(analyzer):
    with running(create_app(SETTINGS, analyzer)) as base:
        yield base


def submit(base: str, data: dict | None = None, file: tuple | None = None) -> httpx.Response:
    files = {"file": file} if file else {"file": ("", b"", "application/octet-stream")}
    return httpx.post(base + "/analyze", data=data or {}, files=files, timeout=120)


def report_article(html: str) -> str:
    """The report itself: from <article class="report"> to its </article>."""
    match = re.search(r'<article class="report".*?</article>', html, re.S)
    assert match, "no report in the page"
    return match.group(0)


def downloads(html: str) -> dict[str, bytes]:
    return {name: base64.b64decode(data) for data, name in
            re.findall(r'href="data:[^;"]+;base64,([A-Za-z0-9+/=]+)" download="([^"]+)"', html)}


def test_the_form_page(server):
    response = httpx.get(server + "/")
    page = Page(response.text)
    assert response.status_code == 200
    assert [f["action"] for f in page.find("form")] == ["/analyze"]
    fields = [a for tag, a in page.elements if tag in ("input", "textarea") and a.get("name")]
    assert {f["name"] for f in fields} == {"text", "url", "file", "outlet"}
    assert all(f.get("id") and page.find("label", for_=f["id"]) for f in fields)
    assert "<script" not in response.text and "http://" not in response.text.replace('placeholder="https://"', "")


def test_pasted_text_gives_the_report_of_report_html_and_its_downloads(server, analyzer):
    response = submit(server, {"text": SEED.replace("\n", "\r\n"), "outlet": ""})  # as a browser sends a textarea
    assert response.status_code == 200, response.text[:2000]
    result = analyzer.analyze_text(SEED, article_id="pasted-text")
    assert report_article(response.text) == report_article(render_report(result))
    files = downloads(response.text)
    assert set(files) == {"pasted-text-csv.zip", "report.html", "report.md"}
    assert files["report.html"].decode("utf-8") == render_report(result)
    assert files["report.md"].decode("utf-8") == render_markdown(result)
    archive = zipfile.ZipFile(io.BytesIO(files["pasted-text-csv.zip"]))
    assert sorted(archive.namelist()) == ["attributions.csv", "scorecard.csv", "sentences.csv", "sources.csv"]
    rows = list(csv.DictReader(io.StringIO(archive.read("sentences.csv").decode("utf-8"))))
    assert len(rows) == len(result.sentences) and rows[0]["article_id"] == "pasted-text"


def test_injected_markup_stays_text(server):
    response = submit(server, {"text": INJECTED})
    assert response.status_code == 200
    assert "<script" not in response.text and "<img" not in response.text
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in response.text
    assert not [k for _, a in Page(response.text).elements for k in a if k.startswith("on")]


@pytest.mark.parametrize("name, data, media", [
    ("drones.txt", SEED.encode("utf-8"), "text/plain"),
    ("drones.md", ("# Drones over the base\n\n" + SEED).encode("utf-8"), "text/markdown"),
    ("talks.html", article_page("Talks stall", ["A US official told CNN on Tuesday that the talks had stalled.",
                                                "Police said three people were arrested near the station on Monday."]),
     "text/html"),
    ("talks.pdf", text_pdf(["A US official told CNN on Tuesday that the talks had stalled.",
                            "Police said three people were arrested near the station."]), "application/pdf"),
])
def test_each_kind_of_upload(server, name, data, media):
    response = submit(server, {"outlet": "Example Post"}, (name, data, media))
    assert response.status_code == 200, response.text[:2000]
    article = Page(report_article(response.text))
    assert f"{Path(name).stem}" in article.text and "Example Post" in article.text
    assert article.with_class("lab", "mark"), "no highlighted sentence"


@pytest.mark.parametrize("data, file, status, words", [
    ({}, None, 400, "Nothing to analyse"),
    ({"text": "Police said so.", "url": "https://example.org/a"}, None, 400, "not text and web address"),
    ({}, ("tool.exe", b"MZ\x90\x00", "application/octet-stream"), 415, "tool.exe: a file of this kind cannot be read"),
    ({}, ("empty.txt", b"  \n", "text/plain"), 400, "empty.txt: the file is empty"),
    ({}, ("scan.pdf", scanned_pdf(), "application/pdf"), 422, "scan.pdf: no text in the PDF: it looks like a scanned document"),
    ({}, ("broken.pdf", b"%PDF-1.4 nothing else", "application/pdf"), 422, "broken.pdf: not a readable PDF"),
    ({"text": "x" * 20_001}, None, 413, "up to 20,000 characters"),
    ({"url": "http://127.0.0.1:9/story"}, None, 403, "a loopback address"),
])
def test_a_mistake_is_a_message_on_the_page_with_the_input_kept(server, data, file, status, words):
    response = submit(server, data, file)
    assert response.status_code == status
    page = Page(response.text)
    assert words in page.inner["error"]
    assert "Traceback" not in response.text and "sourcing-upload-" not in response.text
    if data.get("text"):
        assert data["text"][:50] in page.inner["text"]
    if data.get("url"):
        assert page.find("input", name="url")[0]["value"] == data["url"]


def test_a_batch_streams_its_progress_then_the_ranking_and_one_zip(server):
    rows = [{"id": "drones", "text": SEED, "outlet": ""},
            {"id": "police", "text": "Police said three people were arrested. The mayor said nothing.", "outlet": ""},
            {"id": "empty", "text": "", "outlet": ""},
            {"id": "bare", "text": "It rained in the city on Monday. Streets were flooded.", "outlet": "Example Post"}]
    table = io.StringIO()
    writer = csv.DictWriter(table, ["id", "text", "outlet"])
    writer.writeheader()
    writer.writerows(rows)
    with httpx.stream("POST", server + "/analyze", files={"file": ("batch.csv", table.getvalue().encode(), "text/csv")},
                      timeout=120) as response:
        chunks = [chunk for chunk in response.iter_text()]
    html = "".join(chunks)
    assert response.status_code == 200 and len(chunks) > 1
    assert html.count("<progress") == 3 and "3 of 3 done" in html
    page = Page(html)
    ranked = [(e["data-article"], int(e["data-score"])) for e in page.with_class("entry", "tr")]
    assert sorted(a for a, _ in ranked) == ["bare", "drones", "police"]
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
    assert {a["href"][1:] for a in page.find("a") if a.get("href", "").startswith("#a")} <= page.ids
    assert re.search(r'batch\.csv:\d+: empty "text"', page.text)  # the empty row, listed as not analysed
    archive = zipfile.ZipFile(io.BytesIO(downloads(html)["sourcing-reports.zip"]))
    names = set(archive.namelist())
    assert {"sentences.csv", "attributions.csv", "scorecard.csv", "sources.csv", "errors.csv", "index.html",
            "reports/drones.html", "reports/drones.md", "reports/bare.html"} <= names
    assert "batch.csv" in archive.read("errors.csv").decode("utf-8")


def test_a_jsonl_batch_over_the_article_limit_is_refused(server):
    lines = "\n".join(json.dumps({"id": f"a{i}", "text": "Police said so."}) for i in range(6))
    response = submit(server, {}, ("many.jsonl", lines.encode(), "application/jsonl"))
    assert response.status_code == 413 and "more than 5 articles" in Page(response.text).inner["error"]


def test_nothing_is_kept_and_the_log_has_no_article_text(analyzer, caplog):
    before = set(Path(tempfile.gettempdir()).glob("sourcing-*"))
    caplog.set_level(logging.DEBUG)
    with running(create_app(SETTINGS, analyzer), log_config=None) as base:
        text = f"Police said {SECRET} was seen. A US official told CNN about {SECRET}."
        assert submit(base, {"text": text}).status_code == 200
        assert submit(base, {}, (f"{SECRET}.txt", text.encode(), "text/plain")).status_code == 200
        assert submit(base, {"text": text, "url": f"https://example.org/{SECRET}"}).status_code == 400
        assert submit(base, {}, ("batch.jsonl", json.dumps({"text": text}).encode(), "text/plain")).status_code == 200
        assert httpx.post(base + "/api/analyze", json={"text": text}).status_code == 200
        assert httpx.post(base + "/api/analyze", json={"text": text, "bad": SECRET}).status_code == 422
    assert "POST /analyze" in caplog.text and "POST /api/analyze" in caplog.text  # the log was captured
    assert SECRET not in caplog.text
    assert set(Path(tempfile.gettempdir()).glob("sourcing-*")) == before


def test_cli_reads_a_pdf(cli, tmp_path):
    pdf = tmp_path / "talks.pdf"
    pdf.write_bytes(text_pdf(["A US official told CNN on Tuesday that the talks had stalled."]))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf())
    result = cli(["analyze", pdf, scan, "--format", "csv"])
    assert result.exit_code == 1  # one input failed
    header, rows = cli.parse_csv(result.stdout)
    assert rows and rows[0]["article_id"] == "talks" and "anonymous" in rows[0]["labels"]
    assert "scan.pdf: no text in the PDF: it looks like a scanned document" in result.stderr
