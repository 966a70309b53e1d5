"""report.html and index.html: one self-contained page per article, and a ranking of several.

The pages are Jinja2 templates (reports/templates/, shipped as `analyzer.report_templates`)
rendered with autoescape on, so article text, ids, titles, outlets and sources always show
as text. Everything the page needs (CSS) is inline, and a Content-Security-Policy forbids
scripts and network requests. The output is deterministic (no timestamps), so the example
in reports/examples/ can be compared byte for byte.

This module only builds plain view data and renders; report/files.py writes the files.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional
from urllib.parse import urlsplit

from .. import __version__
from ..labels import LABEL_TABLE, UNATTRIBUTED, in_label_order, label_code
from ..records import Attribution, Sentence
from ..resources import packaged_folder
from ..run.local import ArticleResult
from ..score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION, Scorecard

STATUS_TEXT = {"pass": "✓ pass", "partial": "◐ partial", "fail": "✗ fail", "n/a": "– n/a"}
# How to read a score, in a teacher's words: the lowest score of each band, and what it says.
SCORE_BANDS = (
    (80, "the article shows where nearly all its claims come from, mostly sources a reader can look up"),
    (50, "much of the article is sourced, but some claims rest on unnamed or second-hand sources, or on none"),
    (25, "few claims say where they come from, or they rest mostly on unnamed or second-hand sources"),
    (0, "the article hardly says where its claims come from"),
)


def score_reading(score: int) -> str:
    """One sentence saying what a score means (SCORE_BANDS)."""
    band = next(text for lowest, text in SCORE_BANDS if score >= lowest)
    return f"{score} of 100: {band}. Higher is better sourced; compare articles on the same story rather than reading one number alone."


def templates_dir() -> Path:
    """The installed package `analyzer.report_templates`, else the checkout's reports/templates/."""
    return packaged_folder("analyzer.report_templates", "report.html.j2", "reports/templates")


@lru_cache(maxsize=None)
def _environment(directory: str):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(directory), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(template: str, **context) -> str:
    return _environment(str(templates_dir())).get_template(template).render(**context)


def template_module(template: str):
    """A template's macros, to call one by one (the web server streams a page piece by piece)."""
    return _environment(str(templates_dir())).get_template(template).module


def number(value: float) -> str:
    """Points as the checklist prints them: 10, 6.67, 13.3."""
    return f"{value:g}"


def safe_url(url: Optional[str]) -> Optional[str]:
    """The article's URL if it may be a link (http or https); a javascript: URL is shown as text only."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _source_spans(sentence: Sentence, rows: list[Attribution]) -> list[tuple[str, bool]]:
    """The sentence text cut into (text, is_source) pieces, the source words of its attributions marked."""
    start, end, text = sentence.start_char, sentence.end_char, sentence.text
    spans = sorted({(a.start_char - start, a.end_char - start) for a in rows
                    if start <= a.start_char < a.end_char <= end})
    pieces: list[tuple[str, bool]] = []
    position = 0
    for a, b in spans:
        if a < position:  # overlapping source spans: keep the first
            continue
        if a > position:
            pieces.append((text[position:a], False))
        pieces.append((text[a:b], True))
        position = b
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def _attribution_view(a: Attribution) -> dict:
    source = a.source or ""
    resolved = a.resolved_source or ""
    return {
        "label": a.label, "code": label_code(a.label),
        "source": source or "(no source named)",
        "resolved": resolved if resolved and resolved != source else "",
        "cue": a.cue or "", "rule_id": a.rule_id or "",
        "cue_rule_id": a.cue_rule_id or "", "quote_type": a.quote_type or "",
    }


def by_sentence(attributions: Iterable[Attribution]) -> dict[int, list[Attribution]]:
    """The attributions of each sentence, by sentence index, in their order."""
    out: dict[int, list[Attribution]] = {}
    for a in attributions:
        out.setdefault(a.sentence_index, []).append(a)
    return out


def _sentence_view(s: Sentence, rows: list[Attribution], prefix: str) -> dict:
    labels = in_label_order(s.labels)
    attributions = [_attribution_view(a) for a in rows]
    return {
        "index": s.index, "anchor": f"{prefix}s-{s.index}", "tip_id": f"{prefix}tip-{s.index}",
        "labels": [{"label": label, "code": label_code(label)} for label in labels],
        "main_label": labels[0] if labels else "",
        "pieces": _source_spans(s, rows) if rows else [(s.text, False)],
        "attributions": attributions, "corrected": None,  # {"analyzer": labels} on a sentence corrected by hand
    }


def _paragraphs(result: ArticleResult, prefix: str) -> list[dict]:
    """The article's sentences grouped as the page shows them: each heading alone, else by paragraph."""
    rows_of = by_sentence(result.attributions)
    paragraphs: list[dict] = []
    for s in result.sentences:
        sentence = _sentence_view(s, [] if s.is_heading else rows_of.get(s.index, []), prefix)
        if s.is_heading:
            paragraphs.append({"heading": True, "sentences": [sentence]})
        elif paragraphs and not paragraphs[-1]["heading"] and paragraphs[-1]["number"] == s.paragraph:
            paragraphs[-1]["sentences"].append(sentence)
        else:
            paragraphs.append({"heading": False, "number": s.paragraph, "sentences": [sentence]})
    return paragraphs


def _checklist_views(card: Scorecard, text_of: dict[int, str], prefix: str) -> tuple[list[dict], list[dict]]:
    """(dimensions with their checks, flags), each with the sentences it rests on."""
    def evidence(indices: Iterable[int]) -> list[dict]:
        return [{"index": i, "anchor": f"{prefix}s-{i}", "text": text_of.get(i, "")} for i in indices]

    dimensions = []
    for letter, name in DIMENSIONS.items():
        points = card.dimensions[letter]
        checks = [{
            "id": c.id, "anchor": f"{prefix}check-{c.id}", "title": c.title, "status": c.status,
            "status_text": STATUS_TEXT.get(c.status, c.status), "points": number(c.points),
            "max_points": number(c.max_points), "explanation": c.explanation, "why": c.why,
            "evidence": evidence(c.evidence), "against": evidence(c.against),
        } for c in card.checks if c.dimension == letter]
        dimensions.append({"letter": letter, "name": name, "points": number(points), "max": POINTS_PER_DIMENSION,
                           "percent": round(100 * points / POINTS_PER_DIMENSION, 1), "checks": checks})
    flags = [{"id": f.id, "anchor": f"{prefix}flag-{f.id}", "title": f.title, "raised": f.raised,
              "explanation": f.explanation, "evidence": evidence(f.evidence)} for f in card.flags]
    return dimensions, flags


def _sources_view(result: ArticleResult, prefix: str) -> list[dict]:
    """Who is quoted (ArticleResult.sources), each first mention linking its sentence."""
    return [{"name": e.name, "label": e.label, "code": label_code(e.label), "role": e.role,
             "spoke_to": e.spoke_to, "sentences": e.sentences, "first_sentence": e.first_sentence,
             "anchor": f"{prefix}s-{e.first_sentence}", "first_mention": e.first_mention} for e in result.sources]


def report_context(result: ArticleResult, prefix: str = "") -> dict:
    """Everything report.html shows, as plain data; `prefix` keeps ids apart when several
    reports share one page."""
    card = result.scorecard
    article = result.article
    dimensions, flags = _checklist_views(card, {s.index: s.text for s in result.sentences}, prefix)
    legend = [{"label": label.name, "code": label.code, "meaning": label.meaning,
               "count": card.counts.get(label.name, 0)} for label in LABEL_TABLE]
    unattributed = card.counts.get(UNATTRIBUTED.name, 0)
    return {
        "prefix": prefix, "id": article.id, "title": article.title or article.id,
        "has_title": bool(article.title), "outlet": article.outlet or "",
        "url": article.url or "", "link": safe_url(article.url),
        "score": card.score, "total": card.score,  # one number everywhere: the rounded total
        "reading": score_reading(card.score),
        "dimensions": dimensions, "checks_count": len(card.checks),
        "coverage": f"{card.coverage:.0%}", "coverage_percent": round(100 * card.coverage, 1),
        "confidence": card.confidence, "confidence_reason": card.confidence_reason,
        "sentences": card.sentences, "headings": card.headings,
        "attributed": card.sentences - unattributed, "unattributed": unattributed,
        "legend": legend, "none": {"label": UNATTRIBUTED.name, "code": UNATTRIBUTED.code, "meaning": UNATTRIBUTED.meaning},
        "paragraphs": _paragraphs(result, prefix), "flags": flags, "sources": _sources_view(result, prefix),
        "raised_flags": sum(1 for f in card.flags if f.raised),
        "rules_version": card.rules_version, "version": __version__,
    }


def index_entry(result: ArticleResult, href: str) -> dict:
    """What index.html keeps of an article (small, so a long batch need not stay in memory)."""
    card = result.scorecard
    return {
        "id": result.article.id, "title": result.article.title or result.article.id,
        "has_title": bool(result.article.title), "outlet": result.article.outlet or "",
        "href": href, "score": card.score, "total": card.total,
        "dimensions": [{"letter": letter, "name": name, "points": number(card.dimensions[letter])}
                       for letter, name in DIMENSIONS.items()],
        "coverage": f"{card.coverage:.0%}", "confidence": card.confidence,
        "confidence_reason": card.confidence_reason, "sentences": card.sentences,
    }


def ranked(entries: Iterable[dict]) -> list[dict]:
    """Highest score first; ties by id, so the order never depends on input order."""
    return sorted(entries, key=lambda e: (-e["total"], e["id"]))


def render_report(result: ArticleResult) -> str:
    """report.html for one article."""
    return render("report.html.j2", r=report_context(result), version=__version__)


def render_index(entries: Iterable[dict]) -> str:
    """index.html: the articles ranked by score, each linking its report (entry["href"])."""
    return render("index.html.j2", entries=ranked(entries), reports=[], dimensions=list(DIMENSIONS.items()),
                  version=__version__)


def render_bundle(results: list[ArticleResult]) -> str:
    """One page for several articles (`--format html`): the ranking, then every report."""
    entries, reports = [], []
    for number_, result in enumerate(results, start=1):
        prefix = f"a{number_}-"
        entries.append(index_entry(result, f"#{prefix}report"))
        reports.append(report_context(result, prefix))
    return render("index.html.j2", entries=ranked(entries), reports=reports, dimensions=list(DIMENSIONS.items()),
                  version=__version__)
