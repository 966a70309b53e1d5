"""The HTML pages of `sourcing serve`, from the report's own templates (reports/templates/:
web.html.j2 extends the same _page.html.j2 and calls the same report_body macro as report.html,
and a batch ends with the same ranking as index.html). Autoescape is on: text from an article
is always shown as text.

No page runs a script: a sentence's details open when it is clicked, tapped or reached with Tab
(CSS alone), a batch shows its progress by streaming one line per article into the page, and
the classroom's pages (classroom.py) are forms that post back.
"""

from __future__ import annotations

from typing import Optional

from .. import __version__
from ..labels import LABEL_TABLE, UNATTRIBUTED, in_label_order, label_code
from ..report.html import ranked, render, report_context, template_module
from ..run.local import ArticleResult
from ..score.corrections import Correction
from ..score.scorecard import DIMENSIONS
from .lesson import Lesson
from .outputs import Download

# No script at all, nothing from another origin, forms only to this server. Inline styles stay
# allowed: the report's score bars are sized by a style attribute.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'"
CSP_HEADER = CSP + "; frame-ancestors 'none'"  # frame-ancestors works only as a header
STREAM_MARKER = "STREAM-CONTENT-GOES-HERE"
HOME_TITLE = "Who says so? Sourcing analyzer"


def _page(title: str, **context) -> str:
    defaults = {"error": None, "r": None, "files": [], "form": {"text": "", "url": "", "outlet": ""},
                "limits": {}, "stream_marker": None, "lesson": None}
    return render("web.html.j2", title=title, csp=CSP, version=__version__, **{**defaults, **context})


def form_page(limits: dict, form: Optional[dict] = None, error: Optional[str] = None) -> str:
    """The form; with `error`, the message above it and the user's input kept in the fields."""
    return _page(HOME_TITLE, limits=limits, error=error, form=form or {"text": "", "url": "", "outlet": ""})


def result_page(result: ArticleResult, downloads: list[Download]) -> str:
    """One article: its downloads and what a class can do with it, then its report, exactly as
    report.html shows it."""
    return _page(f"Sourcing report: {result.article.title or result.article.id}", r=report_context(result),
                 files=[d.view() for d in downloads], lesson=Lesson(result.article).token())


# -- the classroom (classroom.py) -------------------------------------------------------------
SENTENCES_PER_SLIDE = 3  # what a projector shows at once in large type, with each source under it


def classroom_page(view: str, title: str, **context) -> str:
    """One of the classroom's pages: `view` is start, compare, exercise, correct or present."""
    defaults = {"error": None, "form": {}, "limits": {}, "files": [], "c": None, "x": None, "k": None, "p": None,
                "labels": _label_choices()}
    return render("classroom.html.j2", view=view, title=title, csp=CSP, version=__version__,
                  **{**defaults, **context})


def _label_choices() -> list[dict]:
    return [{"label": label.name, "code": label.code, "meaning": label.meaning} for label in LABEL_TABLE] + [
        {"label": "", "code": UNATTRIBUTED.code, "meaning": UNATTRIBUTED.meaning}]


def _labels(names) -> list[dict]:
    return [{"label": name, "code": label_code(name)} for name in in_label_order(names)]


def _sentences(r: dict):
    for p in r["paragraphs"]:
        yield from p["sentences"]


def exercise_context(result: ArticleResult, answers: dict, checked: Optional[dict], token: str) -> dict:
    """The exercise: the article's sentences without labels, each with the student's answer (and,
    once checked, what the analyzer said)."""
    r = report_context(result)
    checks = {s["index"]: s for s in (checked or {}).get("sentences", [])}
    paragraphs = [{"heading": p["heading"], "sentences": [
        {"index": s["index"], "text": "".join(text for text, _ in s["pieces"]),
         "answer": (answers.get(s["index"]) or [""])[0], "check": checks.get(s["index"])} for s in p["sentences"]]}
        for p in r["paragraphs"]]
    return {"title": r["title"], "outlet": r["outlet"], "paragraphs": paragraphs, "checked": checked,
            "token": token, "sentences": len(result.sentences)}


def _mark_corrected(r: dict, corrections: dict[int, Correction]) -> None:
    for s in _sentences(r):
        correction = corrections.get(s["index"])
        s["corrected"] = {"analyzer": _labels(correction.analyzer)} if correction else None


def correction_context(original: ArticleResult, corrected: ArticleResult, corrections: dict[int, Correction],
                       token: str) -> dict:
    """The corrected article's report, each sentence with its check boxes, and the score before."""
    r = report_context(corrected)
    _mark_corrected(r, corrections)
    for s in _sentences(r):
        s["checked"] = {label["label"] for label in s["labels"]}
    return {"r": r, "before": original.scorecard.score, "after": corrected.scorecard.score,
            "corrected": len(corrections), "token": token, "sentences": len(corrected.sentences)}


def presentation_context(result: ArticleResult, corrections: dict[int, Correction]) -> dict:
    """The score, then the article a few sentences at a time (a heading opens a slide)."""
    r = report_context(result)
    _mark_corrected(r, corrections)
    slides: list[list[dict]] = []
    for p in r["paragraphs"]:
        for s in p["sentences"]:
            s["heading"] = p["heading"]
            if not slides or p["heading"] or sum(not x["heading"] for x in slides[-1]) >= SENTENCES_PER_SLIDE:
                slides.append([])
            slides[-1].append(s)
    return {"r": r, "slides": slides, "corrected": len(corrections)}


class BatchPage:
    """A batch's page in pieces, as the articles are analysed: the page's start, a progress line
    per article (only the latest one is shown), then the downloads and the ranking."""

    def __init__(self, total: int):
        self.total = total
        self._macros = template_module("_web.html.j2")
        self._index = template_module("_index.html.j2")
        shell = _page(f"Sourcing reports: {total} articles", stream_marker=STREAM_MARKER)
        self._start, self._end = shell.split(STREAM_MARKER, 1)

    def start(self) -> str:
        return self._start + str(self._macros.progress_start(self.total))

    def step(self, done: int, article_id: str) -> str:
        return str(self._macros.progress_step(done, self.total, article_id))

    def end(self, entries: list[dict], reports: list[dict], errors: list[str], download: Download) -> str:
        parts = [self._macros.progress_end(len(entries), len(errors)), self._macros.downloads([download.view()]),
                 self._macros.batch_errors(errors)]
        if entries:
            parts.append(self._index.ranking(ranked(entries), reports, list(DIMENSIONS.items())))
        return "".join(str(p) for p in parts) + self._end
