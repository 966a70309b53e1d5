"""The classroom (issue 14) as a teacher and a student use it, in Debian's chromium driven by
Playwright (no browser download): compare two articles; do an exercise with the keyboard and
with clicks and check it; correct a label and see the score change; download the corrections
and run `sourcing evaluate` on them; open the exercise file a teacher handed out; the
presentation view; print a ~400-word article's report on about two pages; a sentence's details
open on click and on keyboard focus, right under the sentence; at 375 px and at 1280 px.

Screenshots go to tests/artifacts/classroom-*.png (docs/classroom.md shows one of them).
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from analyzer.web.app import create_app
from analyzer.web.settings import ServerSettings

from webserver import running

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SEED = (ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8")
OTHER = ("Drones made in Iran were used in attacks on Kyiv on Monday, Ukraine's air force said. "
         "Defence Minister Oleksii Reznikov said the drones were shot down. Reportedly, more are on the way.\n"
         "The Kremlin declined to comment.")
CHROMIUM = "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else shutil.which("chromium")

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(
    not CHROMIUM, reason="chromium is not installed (Debian: apt-get install chromium; `make test` does it as root)")


def about_400_words(text: str) -> str:
    """The seed article's first paragraphs, up to about 400 words."""
    kept, words = [], 0
    for paragraph in text.split("\n"):
        if words >= 390:
            break
        kept.append(paragraph)
        words += len(paragraph.split())
    return "\n".join(kept)


@pytest.fixture(scope="module")
def server(analyzer):
    with running(create_app(ServerSettings(), analyzer)) as base:
        yield base



@pytest.fixture(params=[1280, 375], ids=["1280px", "375px"])
def page(request, browser):
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 800},
                                  is_mobile=width < 400, has_touch=width < 400, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.console_errors = errors
    page.width = width
    yield page
    assert not errors, errors  # nothing blocked by the CSP, no script error
    context.close()


def shot(page, name: str, full: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"classroom-{name}-{page.width}.png"), full_page=full)


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.width, "the page scrolls sideways"


def tab_to(page, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_compare_two_articles(page, server):
    page.goto(server + "/classroom")
    page.fill("#text_a", SEED)
    page.fill("#outlet_a", "CNN")
    page.fill("#text_b", OTHER)
    page.click("form.compare-form button[type=submit]")
    page.wait_for_selector(".compare-table")
    assert page.locator(".compare-table tbody tr").count() >= 10 + 7
    assert "Sourcing score" in page.locator(".compare-table").inner_text()
    assert page.locator(".differ-check").count() >= 1
    assert page.locator(".side-text mark.s.lab").count() >= 10  # both texts highlighted
    assert page.locator("#a-s-1, #b-s-1").count() == 2
    no_sideways_scroll(page)
    shot(page, "compare")


def test_an_exercise_with_the_keyboard_and_with_clicks(page, server):
    page.goto(server + "/classroom")
    page.fill("#text", SEED)
    page.click("button[formaction='/classroom/exercise']")
    page.wait_for_selector(".exercise-form")
    assert page.locator("mark.s.lab").count() == 0, "an exercise shows no labels before Check"
    # the keyboard: Tab into the first sentence's radio group ("none" is chosen), arrow to the next label
    tab_to(page, "input[name='answer-3']")
    page.keyboard.press("ArrowRight")  # none -> named-official
    assert page.locator("input[name='answer-3'][value='named-official']").is_checked()
    # the mouse: click a label's words
    page.locator("#x-s-4 .choice", has_text="anonymous").click()
    assert page.locator("input[name='answer-4'][value='anonymous']").is_checked()
    no_sideways_scroll(page)
    shot(page, "exercise")
    page.click(".exercise-form .sticky-submit button")
    page.wait_for_selector("#results")
    assert "gave the same labels to" in page.locator("#results").inner_text()
    assert page.locator(".agreement tbody tr").count() == 6
    assert page.locator(".differences li").count() >= 1
    first = page.locator(".differences li").first.inner_text()
    assert "rule" in first
    assert page.locator("input[name='answer-4'][value='anonymous']").is_checked(), "the answers stay after Check"
    no_sideways_scroll(page)
    shot(page, "exercise-checked", full=True)


def test_correct_a_label_see_the_score_change_and_evaluate_the_download(page, server, tmp_path, cli):
    page.goto(server + "/classroom")
    page.fill("#text", SEED)
    page.click("button[formaction='/classroom/correct']")
    page.wait_for_selector(".correct-form")
    before = int(page.locator(".score-after").inner_text())
    # the first unattributed sentence: open it with the keyboard (Tab, Enter) and tick "document"
    target = "#" + page.locator("details.fix:has(summary > span.s:not(.lab))").first.get_attribute("id")
    tab_to(page, f"{target} > summary")
    page.keyboard.press("Enter")
    assert page.locator(f"{target} .fix-body").is_visible()
    page.locator(f"{target} .choice", has_text="document").click()
    page.locator(f"{target} .fix-body button").click()
    page.wait_for_selector("details.fix.corrected")
    assert page.locator("details.fix.corrected").count() == 1
    assert "corrected" in page.locator(f"{target} summary").inner_text()
    after = int(page.locator(".score-after").inner_text())
    assert after != before, "the score did not change"
    assert f"the analyzer alone: {before}" in page.locator("#rescore").inner_text()
    no_sideways_scroll(page)
    shot(page, "correct")
    with page.expect_download() as info:
        page.click("a[data-file$='-gold.jsonl']")
    gold = tmp_path / "corrections.jsonl"
    gold.write_bytes(Path(info.value.path()).read_bytes())
    record = json.loads(gold.read_text(encoding="utf-8"))
    assert [s["labels"] for s in record["sentences"] if s.get("corrected")] == [["document"]]
    result = cli(["evaluate", str(gold)])
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert "document" in result.stdout and "micro-F1" in result.stdout


def test_open_an_exercise_file_and_check_against_its_key(page, server, tmp_path):
    text = "A US official told CNN that the talks had stalled. The road stayed closed overnight."
    key = {"id": "talks", "outlet": None, "text": text, "sentences": [
        {"start": 0, "end": 50, "labels": ["named-official"]}, {"start": 51, "end": len(text), "labels": []}]}
    exercise = tmp_path / "talks-exercise.jsonl"
    exercise.write_text(json.dumps(key) + "\n", encoding="utf-8")
    page.goto(server + "/classroom")
    page.set_input_files("#file", str(exercise))
    page.click("button[formaction='/classroom/exercise']")
    page.wait_for_selector(".exercise-form")
    page.locator("#x-s-0 .choice", has_text="anonymous").click()  # sentences are numbered from 0
    page.click(".exercise-form .sticky-submit button")
    page.wait_for_selector("#results")
    results = page.locator("#results").inner_text()
    assert "the teacher’s key: 1 of 2" in results.replace("'", "’")
    assert "the key says" in page.locator("#x-s-0 .verdict").inner_text()


def test_a_sentence_opens_on_click_and_on_focus_right_under_it(page, server):
    page.goto(server + "/")
    page.fill("#text", SEED)
    page.click("button[type=submit]")
    page.wait_for_selector("article.report")
    assert page.locator("mark.s[title]").count() == 0, "a title attribute makes a second tooltip"
    mark = page.locator("mark.s.lab").nth(3)
    mark.hover()
    assert not mark.locator(".tip").is_visible(), "details open on hover cover the next sentences"
    mark.click()
    tip = mark.locator(".tip")
    assert tip.is_visible() and "rule" in tip.inner_text()
    text_box = page.evaluate("""m => { const r = document.createRange(); r.selectNodeContents(m);
        const rects = [...r.getClientRects()].filter(x => x.width > 0); return rects[0].top; }""", mark.element_handle())
    tip_box = tip.bounding_box()
    assert 0 <= tip_box["y"] - text_box < 400, "the details are far from the sentence"
    assert tip_box["x"] >= 0 and tip_box["x"] + tip_box["width"] <= page.width + 1, "the details leave the screen"
    page.keyboard.press("Tab")
    assert not tip.is_visible()
    evidence = page.locator(".evidence a").first.bounding_box()
    assert evidence["width"] >= 40 and evidence["height"] >= 30, f"evidence links are small tap targets: {evidence}"
    cell = page.locator("table.sources tbody th").first
    assert cell.bounding_box()["width"] > 60, "the names of who is quoted break letter by letter"
    assert "How to read it" in page.locator(".summary").inner_text()
    shot(page, "report-tip")


def test_the_presentation_view(page, server):
    page.goto(server + "/")
    page.fill("#text", SEED)
    page.click("button[type=submit]")
    page.wait_for_selector("article.report")
    page.click("form.classroom-actions button[formaction='/classroom/present']")
    page.wait_for_selector(".present")
    score = page.locator("#slide-1 .present-score .big")
    assert score.is_visible() and score.bounding_box()["height"] > 60, "the score is not large"
    assert not page.locator("#slide-2").is_visible() or page.locator("#slide-2").bounding_box()["y"] >= 800 - 5
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.present-sentence p')).fontSize)")
    assert font >= 20
    shot(page, "present")
    page.keyboard.press("PageDown")
    for _ in range(30):  # Page Down scrolls smoothly, then snaps to the next slide
        page.wait_for_timeout(100)
        if abs(page.locator("#slide-2").bounding_box()["y"]) < 2:
            break
    assert abs(page.locator("#slide-2").bounding_box()["y"]) < 2, "Page Down does not move one slide"
    assert page.locator("#slide-2 .present-sentence").count() <= 4
    shot(page, "present-slide-2")
    no_sideways_scroll(page)


def test_print_a_400_word_report_on_about_two_pages(browser, server):
    text = about_400_words(SEED)
    assert 380 <= len(text.split()) <= 460
    page = browser.new_page()
    page.goto(server + "/")
    page.fill("#text", text)
    page.click("button[type=submit]")
    page.wait_for_selector("article.report")
    pages = {size: len(PdfReader(io.BytesIO(page.pdf(format=size, print_background=True))).pages)
             for size in ("A4", "Letter")}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "classroom-print.pdf").write_bytes(page.pdf(format="A4", print_background=True))
    (ARTIFACTS / "classroom-print-pages.txt").write_text(f"{len(text.split())} words: {pages}\n", encoding="utf-8")
    assert max(pages.values()) <= 2, pages
    page.close()
