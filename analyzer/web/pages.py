"""The HTML pages of `sourcing serve`, from the report's own templates (reports/templates/:
web.html.j2 extends the same _page.html.j2 and calls the same report_body macro as report.html,
and a batch ends with the same ranking as index.html). Autoescape is on: text from an article
is always shown as text.

No page runs a script: the tooltips open on hover and focus with CSS alone, and a batch shows
its progress by streaming one line per article into the page.
"""

from __future__ import annotations

from typing import Optional

from .. import __version__
from ..report.html import ranked, render, report_context, template_module
from ..run.local import ArticleResult
from ..score.scorecard import DIMENSIONS
from .outputs import Download

# No script at all, nothing from another origin, forms only to this server. Inline styles stay
# allowed: the report's score bars are sized by a style attribute.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'"
CSP_HEADER = CSP + "; frame-ancestors 'none'"  # frame-ancestors works only as a header
STREAM_MARKER = "STREAM-CONTENT-GOES-HERE"
HOME_TITLE = "Who says so? Sourcing analyzer"


def _page(title: str, **context) -> str:
    defaults = {"error": None, "r": None, "files": [], "form": {"text": "", "url": "", "outlet": ""},
                "limits": {}, "stream_marker": None}
    return render("web.html.j2", title=title, csp=CSP, version=__version__, **{**defaults, **context})


def form_page(limits: dict, form: Optional[dict] = None, error: Optional[str] = None) -> str:
    """The form; with `error`, the message above it and the user's input kept in the fields."""
    return _page(HOME_TITLE, limits=limits, error=error, form=form or {"text": "", "url": "", "outlet": ""})


def result_page(result: ArticleResult, downloads: list[Download]) -> str:
    """One article: its downloads, then its report, exactly as report.html shows it."""
    return _page(f"Sourcing report: {result.article.title or result.article.id}", r=report_context(result),
                 files=[d.view() for d in downloads])


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
