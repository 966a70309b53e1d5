"""report.html as a person sees it: the seed article's report opened in headless Chromium.

Takes a screenshot (tests/artifacts/report-seed-drones.png, to look at) and reads the DOM
after the browser has parsed and rendered the page (--dump-dom): the highlights with their
label markers, the legend, the checklist linked to evidence anchors, and an injected
<script> that stayed text. Needs Debian's chromium (`make test` installs it as root);
skipped, saying so, when it is not installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from analyzer import LABELS
from analyzer.io.ingest import Article
from analyzer.report.files import write_single_report
from analyzer.labels import label_code

from htmlpage import Page

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else shutil.which("chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM, reason="chromium is not installed (Debian: apt-get install chromium; `make test` does it as root)")

INJECTED = "The mayor said <script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script> nothing."


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    profile.mkdir()
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--window-size=1280,2000", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def pages(analyzer, tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    seed = analyzer.analyze_text((ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8"),
                                 article_id="seed-drones")
    write_single_report(seed, base / "seed")
    hostile = next(analyzer.analyze([Article("<script>alert(1)</script>", INJECTED, title='" onmouseover="x')]))
    write_single_report(hostile, base / "hostile")
    return base, seed


def test_screenshot_of_the_seed_report(pages, tmp_path):
    base, _ = pages
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report-seed-drones.png"
    shot.unlink(missing_ok=True)
    run = chromium(tmp_path, f"--screenshot={shot}", (base / "seed" / "report.html").as_uri())
    assert shot.is_file(), f"no screenshot; chromium said:\n{run.stderr[-2000:]}"
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000, "the screenshot is almost empty"


def test_rendered_dom_has_highlights_legend_and_linked_checklist(pages, tmp_path):
    base, seed = pages
    run = chromium(tmp_path, "--dump-dom", (base / "seed" / "report.html").as_uri())
    assert "<mark" in run.stdout, f"no DOM; chromium said:\n{run.stderr[-2000:]}"
    page = Page(run.stdout)
    marks = page.with_class("lab", "mark")
    labelled = [s for s in seed.sentences if s.labels]
    assert len(marks) == len(labelled)
    for s in labelled:
        text = page.inner[f"s-{s.index}"]
        for label in s.labels:
            assert f"[{label_code(label)}]" in text
    assert all(m["tabindex"] == "0" and "title" not in m and m["aria-describedby"] in page.ids for m in marks)
    assert [i["data-label"] for i in page.with_class("legend-item") if "data-label" in i] == list(LABELS)
    checks = page.with_class("check", "li")
    assert len(checks) == len(seed.scorecard.checks)
    anchors = re.findall(r'href="#(s-\d+)"', run.stdout)
    assert anchors and set(anchors) <= page.ids
    assert len([a for a in page.find(role="img") if "points" in a.get("aria-label", "")]) == 5


def test_injected_script_stays_text(pages, tmp_path):
    base, _ = pages
    run = chromium(tmp_path, "--dump-dom", (base / "hostile" / "report.html").as_uri())
    assert "<mark" in run.stdout, f"no DOM; chromium said:\n{run.stderr[-2000:]}"
    page = Page(run.stdout)
    assert not page.find("script"), "an injected <script> became an element"
    assert "data-pwned" not in page.find("body")[0]
    assert re.search(r"<title>(.*?)</title>", run.stdout, re.S).group(1).startswith("Sourcing report: ")
    assert "<script>document.title='PWNED'" in page.text
    assert not [k for _, a in page.elements for k in a if k.startswith("on")]
