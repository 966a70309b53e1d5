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

from ..resources import packaged_folder
from typing import Iterable, Optional
from urllib.parse import urlsplit

from .. import LABELS, __version__
from ..run.local import ArticleResult
from ..score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION

# Short text markers, so a label is told by text as well as by colour (greyscale, colour-blind).
LABEL_CODES = {
    "named-official": "OFF",
    "anonymous": "ANON",
    "satellite-imagery": "SAT",
    "secondary-outlet": "OUTLET",
    "named-other": "NAMED",
    "document": "DOC",
}
LABEL_MEANINGS = {
    "named-official": "an identified official, or an official body on the record",
    "anonymous": "unidentified people, or no one at all (\"reportedly\")",
    "satellite-imagery": "satellite images, imagery or data, or their provider",
    "secondary-outlet": "another news organisation's reporting",
    "named-other": "an identified non-official source",
    "document": "a document or data",
}
STATUS_TEXT = {"pass": "✓ pass", "fail": "✗ fail", "n/a": "– n/a"}


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


def _source_spans(sentence: dict, rows: list[dict]) -> list[tuple[str, bool]]:
    """The sentence text cut into (text, is_source) pieces, the source words of its attributions marked."""
    start, end, text = sentence["start_char"], sentence["end_char"], sentence["text"]
    spans = sorted({(int(r["start_char"]) - start, int(r["end_char"]) - start) for r in rows
                    if r.get("start_char") is not None and r.get("end_char") is not None
                    and start <= int(r["start_char"]) < int(r["end_char"]) <= end})
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


def _attribution_view(row: dict) -> dict:
    source = row.get("source") or ""
    resolved = row.get("resolved_source") or ""
    return {
        "label": row["label"], "code": LABEL_CODES.get(row["label"], row["label"]),
        "source": source or "(no source named)",
        "resolved": resolved if resolved and resolved != source else "",
        "cue": row.get("cue") or "", "rule_id": row.get("rule_id") or "",
        "cue_rule_id": row.get("cue_rule_id") or "", "quote_type": row.get("quote_type") or "",
    }


def _tip_text(index: int, attributions: list[dict]) -> str:
    lines = [f"Sentence {index}"]
    for a in attributions:
        line = f"[{a['code']}] {a['label']}: source \u201c{a['source']}\u201d"
        if a["resolved"]:
            line += f" (= {a['resolved']})"
        if a["cue"]:
            line += f"; cue \u201c{a['cue']}\u201d"
        line += f"; rule {a['rule_id']}"
        lines.append(line)
    return "\n".join(lines)


def report_context(result: ArticleResult, prefix: str = "") -> dict:
    """Everything report.html shows, as plain data; `prefix` keeps ids apart when several
    reports share one page."""
    card = result.card
    article = result.article
    by_sentence: dict[int, list[dict]] = {}
    for row in result.attributions:
        by_sentence.setdefault(int(row["sentence_index"]), []).append(row)
    text_of = {s["sentence_index"]: s["text"] for s in result.sentences}

    paragraphs: list[dict] = []
    for s in result.sentences:
        index = s["sentence_index"]
        labels = [label for label in LABELS if label in set(filter(None, s["labels"].split(";")))]
        rows = [] if s["is_heading"] else by_sentence.get(index, [])
        attributions = [_attribution_view(r) for r in rows]
        sentence = {
            "index": index, "anchor": f"{prefix}s-{index}", "tip_id": f"{prefix}tip-{index}",
            "labels": [{"label": label, "code": LABEL_CODES[label]} for label in labels],
            "main_label": labels[0] if labels else "",
            "pieces": _source_spans(s, rows) if rows else [(s["text"], False)],
            "attributions": attributions, "title": _tip_text(index, attributions) if labels else "",
        }
        paragraph = s.get("paragraph", 0)
        if s["is_heading"]:
            paragraphs.append({"heading": True, "sentences": [sentence]})
        elif paragraphs and not paragraphs[-1]["heading"] and paragraphs[-1]["number"] == paragraph:
            paragraphs[-1]["sentences"].append(sentence)
        else:
            paragraphs.append({"heading": False, "number": paragraph, "sentences": [sentence]})

    def evidence(indices: Iterable[int]) -> list[dict]:
        return [{"index": i, "anchor": f"{prefix}s-{i}", "text": text_of.get(i, "")} for i in indices]

    dimensions = []
    for letter, name in DIMENSIONS.items():
        points = card.dimensions[letter]
        checks = [{
            "id": c.id, "anchor": f"{prefix}check-{c.id}", "title": c.title, "status": c.status,
            "status_text": STATUS_TEXT.get(c.status, c.status), "points": number(c.points),
            "max_points": number(c.max_points), "explanation": c.explanation, "evidence": evidence(c.evidence),
        } for c in card.checks if c.dimension == letter]
        dimensions.append({"letter": letter, "name": name, "points": number(points), "max": POINTS_PER_DIMENSION,
                           "percent": round(100 * points / POINTS_PER_DIMENSION, 1), "checks": checks})
    flags = [{"id": f.id, "anchor": f"{prefix}flag-{f.id}", "title": f.title, "raised": f.raised,
              "explanation": f.explanation, "evidence": evidence(f.evidence)} for f in card.flags]
    legend = [{"label": label, "code": LABEL_CODES[label], "meaning": LABEL_MEANINGS[label],
               "count": card.counts.get(label, 0)} for label in LABELS]
    return {
        "prefix": prefix, "id": article.id, "title": article.title or article.id,
        "has_title": bool(article.title), "outlet": article.outlet or "",
        "url": article.url or "", "link": safe_url(article.url),
        "score": int(round(card.total)), "total": number(card.total),
        "dimensions": dimensions, "checks_count": len(card.checks),
        "coverage": f"{card.coverage:.0%}", "coverage_percent": round(100 * card.coverage, 1),
        "confidence": card.confidence, "confidence_reason": card.confidence_reason,
        "sentences": card.sentences, "headings": card.headings,
        "attributed": card.sentences - card.counts.get("unattributed", 0),
        "unattributed": card.counts.get("unattributed", 0),
        "legend": legend, "paragraphs": paragraphs, "flags": flags,
        "raised_flags": sum(1 for f in card.flags if f.raised),
        "rules_version": card.rules_version, "version": __version__,
    }


def index_entry(result: ArticleResult, href: str) -> dict:
    """What index.html keeps of an article (small, so a long batch need not stay in memory)."""
    card = result.card
    return {
        "id": result.article.id, "title": result.article.title or result.article.id,
        "has_title": bool(result.article.title), "outlet": result.article.outlet or "",
        "href": href, "score": int(round(card.total)), "total": card.total,
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
