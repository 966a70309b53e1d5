"""report.html, index.html, report.md and CSV formula protection.

The writers are called directly on results of the session `analyzer`; a few CliRunner runs
check the options (`--format markdown|html`, `--out` reports, `--raw-csv`)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from analyzer import LABELS
from analyzer.io.ingest import Article
from analyzer.labels import label_code
from analyzer.report.csv_files import CsvWriter
from analyzer.report.files import ReportFiles, safe_stem
from analyzer.report.html import index_entry, render_bundle, render_index, render_report
from analyzer.report.tables import protect_cell, write_csv
from analyzer.report.markdown import md, render_markdown
from htmlpage import Page

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8")

SCRIPT = '<script>document.title="PWNED"</script>'
ATTRIBUTE = '" onmouseover="alert(1)'
HOSTILE_TEXT = (
    f"Police said {SCRIPT} the road was closed.\n"
    f"Officials said {ATTRIBUTE} the <b>wiring</b> was old | really [link](javascript:alert(1)).\n"
    '=HYPERLINK("http://evil.example","click") was on the wall, a witness said.\n'
    "- Police said a man was arrested.\n"
    "@everyone The mayor said the bridge will reopen.\n"
)
HOSTILE = Article(id="<img src=x onerror=alert(1)>", text=HOSTILE_TEXT, outlet='" onmouseover="x',
                  title="<script>alert(2)</script>", url="javascript:alert(3)")


@pytest.fixture(scope="module")
def seed(analyzer):
    return analyzer.analyze_text(SEED, article_id="seed-drones")


@pytest.fixture(scope="module")
def hostile(analyzer):
    return next(analyzer.analyze([HOSTILE]))


@pytest.fixture(scope="module")
def seed_page(seed):
    html = render_report(seed)
    return SimpleNamespace(html=html, page=Page(html))


# --- report.html: what it shows ----------------------------------------------------------------

def test_report_names_the_article(seed_page):
    page = seed_page.page
    assert page.find("h1") and "seed-drones" in page.inner["title"]
    assert "Sourcing report: seed-drones" in seed_page.html


def test_every_labelled_sentence_is_a_focusable_highlight_with_markers(seed, seed_page):
    page = seed_page.page
    by_sentence: dict[int, list] = {}
    for a in seed.attributions:
        by_sentence.setdefault(a.sentence_index, []).append(a)
    labelled = [s for s in seed.sentences if s.labels]
    assert len(labelled) >= 10
    for s in labelled:
        index = s.index
        marks = page.find("mark", id=f"s-{index}")
        assert len(marks) == 1, index
        mark = marks[0]
        assert mark["tabindex"] == "0"
        labels = s.labels
        assert sorted(mark["data-labels"].split(";")) == sorted(labels)
        assert any(f"lab-{label}" in mark["class"].split() for label in labels)
        for label in labels:
            assert f"[{label_code(label)}]" in page.inner[f"s-{index}"], (index, label)
        # source, cue and rule under the sentence on click and focus, and for assistive technology
        # (aria-describedby); no title attribute: it made a second, native tooltip (issue 14)
        assert "title" not in mark
        description = page.inner[mark["aria-describedby"]]
        for a in by_sentence[index]:
            for value in (a.source, a.cue, a.rule_id):
                assert value in description, (index, value)


def test_unattributed_sentences_and_headings_are_plain(seed, seed_page):
    page = seed_page.page
    for s in seed.sentences:
        if s.labels:
            continue
        element = [(tag, a) for tag, a in page.elements if a.get("id") == f"s-{s.index}"]
        assert len(element) == 1
        tag, attributes = element[0]
        assert "tabindex" not in attributes
        assert tag == ("h3" if s.is_heading else "span"), s.text
        assert s.text in page.inner[f"s-{s.index}"]


def test_legend_lists_every_label_with_its_marker(seed_page):
    page = seed_page.page
    items = page.with_class("legend-item")
    assert [i.get("data-label") for i in items if i.get("data-label")] == list(LABELS)
    legend = page.inner["legend"]
    for label in LABELS:
        assert f"[{label_code(label)}] {label}" in " ".join(legend.split())


def test_dimension_bars_and_total(seed, seed_page):
    page = seed_page.page
    bars = [a for a in page.find(role="img") if "points" in a.get("aria-label", "")]
    assert len(bars) == 5
    for bar, (letter, points) in zip(bars, seed.scorecard.dimensions.items()):
        assert f"{points:g} of 20 points" in bar["aria-label"]
    assert f'<span class="big">{int(round(seed.scorecard.total))}</span>' in seed_page.html
    # one number everywhere: the total row shows the same rounded score as the big number
    assert (f'<th scope="row">Total</th><td></td><td class="dim-points"><strong>{seed.scorecard.score}</strong>'
            in seed_page.html)


def test_checklist_items_link_to_their_evidence_sentences(seed, seed_page):
    page = seed_page.page
    assert len(page.with_class("check", "li")) == len(seed.scorecard.checks)
    for check in seed.scorecard.checks:
        item = page.inner[f"check-{check.id}"]
        assert check.explanation in item
        assert {"pass": "✓ pass", "partial": "◐ partial", "fail": "✗ fail", "n/a": "– n/a"}[check.status] in item
        assert f"Why it matters: {check.why}" in item
        assert f"{check.points:g} / {check.max_points:g}" in item
    html = seed_page.html
    ids = page.ids
    for check in seed.scorecard.checks:
        block = html[html.index(f'id="check-{check.id}"'):]
        block = block[:block.index("</li>")]
        linked = [int(n) for n in re.findall(r'href="#s-(\d+)"', block)]
        assert linked == check.evidence + check.against, check.id  # "earns points", then "costs points"
        assert all(f"s-{i}" in ids for i in linked)


def test_flags_coverage_and_confidence(seed, seed_page):
    page = seed_page.page
    for flag in seed.scorecard.flags:
        item = " ".join(page.inner[f"flag-{flag.id}"].split())
        assert flag.title in item
        assert ("raised" in item) and (("not raised" in item) != flag.raised)
    assert f"{seed.scorecard.coverage:.0%}" in page.text
    assert seed.scorecard.confidence in page.text


def test_report_is_self_contained(seed_page):
    html = seed_page.html
    page = seed_page.page
    assert not page.find("script") and not page.find("link") and not page.find("img") and not page.find("iframe")
    assert not any("src" in a for _, a in page.elements)
    assert "@import" not in html and "url(" not in html
    assert "http://" not in html and "https://" not in html
    assert "default-src 'none'" in html  # Content-Security-Policy: no scripts, no network


# --- escaping ----------------------------------------------------------------------------------

def test_html_escapes_text_ids_and_metadata(hostile):
    for html in (render_report(hostile), render_bundle([hostile, hostile]),
                 render_index([index_entry(hostile, "reports/x.html")])):
        page = Page(html)
        tags = {tag for tag, _ in page.elements}
        assert not tags & {"script", "img", "b"}, tags
        for _, attributes in page.elements:
            assert not [k for k in attributes if k.startswith("on")], attributes
            assert not attributes.get("href", "").lower().startswith("javascript:")
        assert "<script>alert(2)</script>" in page.text  # the title, shown as text
    page = Page(render_report(hostile))
    assert SCRIPT in page.text and ATTRIBUTE in page.text
    assert "<img src=x onerror=alert(1)>" in page.text
    assert "javascript:alert(3)" in page.text  # the URL is shown, not linked
    assert '" onmouseover="x' in page.text


def test_markdown_escapes_text(hostile):
    text = render_markdown(hostile)
    assert not re.search(r"(?<!\\)<", text), "every < is escaped, so no raw HTML"
    assert r"\<script\>" in text
    assert "[link](javascript" not in text and r"\[link\](javascript" in text
    for line in text.splitlines():
        if line.startswith("- **["):
            assert " | " not in line.replace(r"\|", "")
    assert md("a|b_c*d`e\nf") == r"a\|b\_c\*d\`e f"


# --- report.md ---------------------------------------------------------------------------------

def test_markdown_has_scorecard_checklist_flags_and_sentences(seed):
    text = render_markdown(seed)
    assert text.startswith("# Sourcing report: seed-drones\n")
    assert f"**Score: {seed.scorecard.score} / 100**" in text
    for check in seed.scorecard.checks:
        row = next(line for line in text.splitlines() if line.startswith(f"| {check.id} "))
        earns, costs = (", ".join(map(str, indices)) or "none" for indices in (check.evidence, check.against))
        assert row.rstrip(" |").endswith(f"{earns} | {costs}"), row
    for flag in seed.scorecard.flags:
        assert any(line.startswith(f"| {flag.id} ") for line in text.splitlines())
    for s in seed.sentences:
        line = next(line for line in text.splitlines() if line.startswith(f"- **[{s.index}]**"))
        for label in s.labels:
            assert f"`{label}`" in line
        if not s.labels:
            assert ("*heading:*" if s.is_heading else "*unattributed*") in line


# --- index.html and files under --out --------------------------------------------------------

def test_safe_stem():
    assert safe_stem("seed-drones") == "seed-drones"
    assert safe_stem("../../etc/passwd") == "etc_passwd"
    assert safe_stem("<img src=x>") == "img_src_x"
    assert safe_stem("...") == "article"
    assert safe_stem("CON") == "_CON"
    assert len(safe_stem("x" * 500)) == 80


def test_report_files_for_one_and_for_several_articles(seed, hostile, analyzer, tmp_path):
    one = ReportFiles(tmp_path / "one")
    one.write(seed)
    assert sorted(p.name for p in one.close()) == ["report.html", "report.md"]
    assert not (tmp_path / "one" / "index.html").exists()

    other = analyzer.analyze_text("Police said the road was closed. The mayor said it would reopen.",
                                  article_id="SEED-drones")  # same file name on a case-insensitive disk
    several = ReportFiles(tmp_path / "many")
    for result in (hostile, seed, other):
        several.write(result)
    written = several.close()
    names = sorted(p.relative_to(tmp_path / "many").as_posix() for p in written)
    assert names == sorted(["index.html", "reports/img_src_x_onerror_alert_1.html", "reports/img_src_x_onerror_alert_1.md",
                            "reports/seed-drones.html", "reports/seed-drones.md",
                            "reports/SEED-drones-2.html", "reports/SEED-drones-2.md"])
    assert not (tmp_path / "many" / "report.html").exists()
    assert not list((tmp_path / "many").rglob("*.partial"))
    page = Page((tmp_path / "many" / "index.html").read_text(encoding="utf-8"))
    rows = page.with_class("entry", "tr")
    scores = [int(r["data-score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    links = [a["href"] for a in page.find("a") if a.get("href", "").startswith("reports/")]
    assert sorted(links) == sorted(n for n in names if n.endswith(".html") and n != "index.html")
    assert all((tmp_path / "many" / link).is_file() for link in links)
    assert len(page.with_class("bar")) == 3  # the score chart


def test_bundle_keeps_ids_apart(seed, hostile):
    page = Page(render_bundle([seed, hostile]))
    ids = [a["id"] for _, a in page.elements if "id" in a]
    assert len(ids) == len(set(ids))
    assert {"a1-s-0", "a2-s-0", "a1-report", "a2-report"} <= set(ids)
    hrefs = [a["href"] for a in page.find("a") if a.get("href", "").startswith("#")]
    assert all(h[1:] in set(ids) for h in hrefs)


# --- CSV formula protection --------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+SUM(1)", "'+SUM(1)"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Police said", "Police said"), ("", ""), ("'=x", "'=x"),
    (-3, -3), (1.5, 1.5), (None, None), (True, True),
])
def test_protect_cell(value, expected):
    assert protect_cell(value) == expected


@pytest.mark.parametrize("raw", [False, True])
def test_csv_files_protect_text_cells_unless_raw(cli, analyzer, tmp_path, raw):
    result = analyzer.analyze_text(HOSTILE_TEXT, article_id="=cmd|' /C calc'!A0")
    writer = CsvWriter(tmp_path, raw=raw)
    writer.write(result)
    writer.close()
    for name in ("sentences.csv", "attributions.csv", "scorecard.csv", "sources.csv"):
        _, rows = cli.read_csv(tmp_path / name)
        assert rows
        for row in rows:
            assert row["article_id"] == ("=cmd|' /C calc'!A0" if raw else "'=cmd|' /C calc'!A0")
            for column, value in row.items():
                if not raw:
                    assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (name, column, value)
            if name not in ("scorecard.csv", "sources.csv"):
                assert int(row["start_char"]) >= 0  # numbers are left alone
    _, rows = cli.read_csv(tmp_path / "sentences.csv")
    texts = [r["text"] for r in rows]
    prefix = "" if raw else "'"
    for text in ('=HYPERLINK("http://evil.example","click") was on the wall, a witness said.',
                 "- Police said a man was arrested.", "@everyone The mayor said the bridge will reopen."):
        assert prefix + text in texts
    if raw:
        for row in rows:
            assert HOSTILE_TEXT[int(row["start_char"]):int(row["end_char"])] == row["text"]


# --- the CLI ----------------------------------------------------------------------------------

FORMULA_STORY = "=2+3 is what the sign said.\nPolice said a man was arrested near the station.\n"


@pytest.fixture(scope="module")
def several_run(cli, tmp_path_factory):
    """`sourcing analyze story.txt feed.jsonl --out out --format html`: three articles."""
    import json

    base = tmp_path_factory.mktemp("several")
    (base / "harbour-fire.txt").write_text("Harbour Fire\n\nMayor Jane Doe said the bridge will reopen.\n",
                                           encoding="utf-8")
    feed = base / "feed.jsonl"
    records = [{"id": "=1+1", "text": "A diplomat told Reuters that talks stalled."},
               {"id": "<b>x</b>", "title": '" onmouseover="x', "text": f"Police said {SCRIPT} nothing."}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = base / "out"
    result = cli.invoke(["analyze", base / "harbour-fire.txt", feed, "--out", out, "--format", "html"])
    return SimpleNamespace(result=result, out=out)


def test_cli_several_articles_write_index_and_reports(cli, several_run):
    result, out = several_run.result, several_run.out
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (out / "reports").iterdir()) == sorted(
        ["harbour-fire.html", "harbour-fire.md", "1_1.html", "1_1.md", "b_x_b.html", "b_x_b.md"])
    assert (out / "index.html").is_file() and not (out / "report.html").exists()
    for name in ("sentences.csv", "attributions.csv", "scorecard.csv", "sources.csv"):
        assert (out / name).is_file()
    _, cards = cli.read_csv(out / "scorecard.csv")
    assert sorted(c["article_id"] for c in cards) == sorted(["harbour-fire", "'=1+1", "<b>x</b>"])
    # --format html with several articles prints one page: the ranking, then every report
    page = Page(result.stdout)
    assert len(page.with_class("entry", "tr")) == 3
    assert len(page.with_class("report", "article")) == 3
    assert not page.find("script") and not page.find("b")
    assert SCRIPT in page.text


def test_cli_markdown_format_and_single_article_reports(cli, tmp_path):
    out = tmp_path / "out"
    result = cli.invoke(["analyze", "-", "--format", "markdown", "--out", out], input=FORMULA_STORY)
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Sourcing report: stdin\n")
    assert "## Checklist" in result.stdout and "## Flags" in result.stdout and "## Sentences" in result.stdout
    assert "`named-official`: Police said a man was arrested near the station." in result.stdout
    assert (out / "report.md").read_text(encoding="utf-8") == result.stdout
    assert (out / "report.html").is_file() and not (out / "index.html").exists() and not (out / "reports").exists()
    _, rows = cli.read_csv(out / "sentences.csv")
    assert rows[0]["text"] == "'=2+3 is what the sign said."


def test_csv_to_stdout_protects_formulas_unless_raw(cli):
    """What `--format csv` prints goes through tables.write_csv."""
    import io

    rows = [{"text": "=2+3", "start_char": 0}, {"text": "Police said", "start_char": 5}]
    for raw, first in ((False, "'=2+3"), (True, "=2+3")):
        stream = io.StringIO()
        write_csv(stream, rows, ["text", "start_char"], raw=raw)
        _, parsed = cli.parse_csv(stream.getvalue())
        assert [r["text"] for r in parsed] == [first, "Police said"]
        assert [r["start_char"] for r in parsed] == ["0", "5"]


def test_cli_raw_csv_writes_cells_as_they_are(cli, tmp_path):
    out = tmp_path / "out"
    result = cli.invoke(["analyze", "-", "--format", "csv", "--raw-csv", "--out", out], input=FORMULA_STORY)
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    _, printed = cli.parse_csv(result.stdout)
    _, written = cli.read_csv(out / "sentences.csv")
    for rows in (printed, written):
        assert rows[0]["text"] == "=2+3 is what the sign said."
        for row in rows:
            assert FORMULA_STORY[int(row["start_char"]):int(row["end_char"])] == row["text"]


def test_cli_html_format_single_article(cli, several_run, tmp_path):
    """The single-article page on stdout is the same page --out writes."""
    story = tmp_path / "police.txt"
    story.write_text(FORMULA_STORY, encoding="utf-8")
    out = tmp_path / "out"
    result = cli.invoke(["analyze", story, "--format", "html", "--out", out])
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (out / "report.html").read_text(encoding="utf-8")
    assert result.stdout.startswith("<!DOCTYPE html>")
