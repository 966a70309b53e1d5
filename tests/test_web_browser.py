"""`sourcing serve` as a person uses it, in a real browser: Debian's chromium driven by Playwright
(no browser download: `executable_path`). Paste the sample and read the report, tab to a sentence
and read its source, use the page with the keyboard alone and at a phone's 375 px, upload a CSV
batch and open its overview, download a zip and open its CSV; an injected script stays text.

Screenshots of the main pages go to tests/artifacts/ (serve-*.png), to look at. Skipped, saying
why, without chromium (`make test` installs it as root) or without Playwright (the test extra).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from analyzer.web.app import create_app
from analyzer.web.settings import ServerSettings

from webserver import running

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SEED = (ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8")
CHROMIUM = "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else shutil.which("chromium")
INJECTED = "The mayor said <script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script> nothing."

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(
    not CHROMIUM, reason="chromium is not installed (Debian: apt-get install chromium; `make test` does it as root)")


@pytest.fixture(scope="module")
def server(analyzer):
    with running(create_app(ServerSettings(), analyzer)) as base:
        yield base



@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.console_errors = errors
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)
    assert (ARTIFACTS / name).stat().st_size > 10_000


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the focused element matches `selector` (the keyboard alone)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_paste_the_sample_see_the_report_and_tab_to_a_source(page, server):
    page.goto(server + "/")
    shot(page, "serve-form.png")
    page.fill("#text", SEED)
    page.click("button[type=submit]")
    page.wait_for_selector("article.report")
    assert page.locator("mark.s.lab").count() >= 10
    assert page.locator(".total-number .big").inner_text().isdigit()
    assert page.locator(".dim-table tr.dim").count() == 5
    assert page.locator(".legend-item").count() >= 6
    shot(page, "serve-report.png")
    tab_to(page, "mark.s.lab")
    tip = page.locator("mark.s.lab:focus .tip")
    assert tip.is_visible()
    assert "source" in tip.inner_text() and "rule" in tip.inner_text()
    first_evidence = page.locator(".evidence a").first
    target = first_evidence.get_attribute("href")
    first_evidence.click()
    assert page.url.endswith(target)
    assert not page.console_errors, page.console_errors  # no blocked resource, no script error


def test_download_the_zip_and_open_its_csv(page, server):
    page.goto(server + "/")
    page.fill("#text", SEED)
    page.click("button[type=submit]")
    page.wait_for_selector("article.report")
    with page.expect_download() as info:
        page.click("a[data-file$='-csv.zip']")
    archive = zipfile.ZipFile(info.value.path())
    rows = list(csv.DictReader(io.StringIO(archive.read("sentences.csv").decode("utf-8"))))
    assert len(rows) == page.locator("article.report .article-body [id^='s-']").count()  # sentences and headings
    with page.expect_download() as info:
        page.click("a[data-file='report.html']")
    assert Path(info.value.path()).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_keyboard_alone_at_a_phones_width(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the form scrolls sideways on a phone"
    shot(page, "serve-form-375.png")
    tab_to(page, "#text")
    page.keyboard.insert_text("A US official told CNN that the talks had stalled. Police said two men were held.")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("article.report")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the report scrolls sideways on a phone"
    tab_to(page, "mark.s.lab")
    assert page.locator("mark.s.lab:focus .tip").is_visible()
    shot(page, "serve-report-375.png")
    context.close()


def test_upload_a_csv_batch_and_open_the_overview(page, server, tmp_path):
    table = tmp_path / "batch.csv"
    with open(table, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerow(["drones", SEED])
        writer.writerow(["talks", "A US official told CNN that the talks had stalled. Police said two men were held."])
        writer.writerow(["weather", "It rained on Monday. The streets were flooded for hours."])
    page.goto(server + "/")
    page.set_input_files("#file", str(table))
    page.click("button[type=submit]")
    page.wait_for_selector("#progress-done")
    assert "3 analysed" in page.locator("#progress-done").inner_text()
    assert page.locator("progress:visible").count() == 1  # only the latest step is shown
    scores = [int(s) for s in page.locator("tr.entry").evaluate_all("rows => rows.map(r => r.dataset.score)")]
    assert len(scores) == 3 and scores == sorted(scores, reverse=True)
    shot(page, "serve-batch.png")
    page.locator("tr.entry a").first.click()
    assert page.locator(page.url[page.url.index("#"):] + " h2").first.is_visible()
    with page.expect_download() as info:
        page.click("a[data-file='sourcing-reports.zip']")
    names = zipfile.ZipFile(info.value.path()).namelist()
    assert "index.html" in names and "reports/drones.html" in names and "sentences.csv" in names


def test_an_injected_script_stays_text(page, server):
    page.goto(server + "/")
    page.fill("#text", INJECTED)
    page.click("button[type=submit]")
    page.wait_for_selector("article.report")
    assert page.title().startswith("Sourcing report")
    assert page.get_attribute("body", "data-pwned") is None
    assert "<script>document.title='PWNED'" in page.locator("article.report").inner_text()
