"""report.md: the scorecard, the checklist with its evidence sentences, the flags, and every
sentence with its labels, as Markdown. Article text is escaped, so a sentence never turns
into a link, an image, a table cell or raw HTML when the file is rendered."""

from __future__ import annotations

import re
from typing import Iterable

from .. import LABELS, __version__
from ..run.local import ArticleResult
from ..score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION
from .html import LABEL_CODES, LABEL_MEANINGS, STATUS_TEXT, number

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#]|&(?=#?\w+;))")


def md(text) -> str:
    """Plain text safe inside a Markdown paragraph, list item or table cell (one line)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text if text is not None else "").split()))


def code(text) -> str:
    text = " ".join(str(text or "").split())
    return f"`{text}`" if text and "`" not in text else md(text)


def _numbers(indices: Iterable[int]) -> str:
    return ", ".join(str(i) for i in indices) or "none"


def _bar(points: float) -> str:
    filled = int(round(points))
    return "█" * filled + "░" * (POINTS_PER_DIMENSION - filled)


def render_markdown(result: ArticleResult) -> str:
    card = result.card
    article = result.article
    out: list[str] = []
    add = out.append

    add(f"# Sourcing report: {md(article.title or article.id)}")
    add("")
    add(f"- Article: {md(article.id)}")
    add(f"- Outlet: {md(article.outlet) if article.outlet else 'not given'}")
    if article.url:
        add(f"- URL: {md(article.url)}")
    headings = f" (+ {card.headings} heading{'s' if card.headings != 1 else ''})" if card.headings else ""
    add(f"- Sentences: {card.sentences}{headings}")
    add("")
    add(f"**Score: {int(round(card.total))} / 100**: how clearly the article shows where its claims come from, "
        "not whether they are true. Five dimensions of 20 points; every point is a pass/fail check in the "
        "checklist below, and a check that does not apply passes as n/a.")
    add("")
    add("| dimension | points | |")
    add("|---|---:|---|")
    for letter, name in DIMENSIONS.items():
        points = card.dimensions[letter]
        add(f"| {letter} {name} | {number(points)} / {POINTS_PER_DIMENSION} | {_bar(points)} |")
    add(f"| **Total** | **{number(card.total)} / 100** | |")
    add("")
    attributed = card.sentences - card.counts.get("unattributed", 0)
    add(f"- Coverage: {card.coverage:.0%} of sentences are attributed ({attributed} of {card.sentences}; "
        "headings left out), a lower bound")
    add(f"- Confidence: {card.confidence}" + (f" ({md(card.confidence_reason)})" if card.confidence_reason else ""))
    if card.rules_version:
        add(f"- Rules version: {code(card.rules_version)}")
    add("")

    add("## Checklist")
    add("")
    add("Evidence lists the numbers of the sentences a check rests on (see [Sentences](#sentences)).")
    for letter, name in DIMENSIONS.items():
        add("")
        add(f"### {letter} {name}: {number(card.dimensions[letter])} / {POINTS_PER_DIMENSION}")
        add("")
        add("| check | result | points | explanation | evidence sentences |")
        add("|---|---|---:|---|---|")
        for check in (c for c in card.checks if c.dimension == letter):
            add(f"| {check.id} {md(check.title)} | {STATUS_TEXT.get(check.status, check.status)} | "
                f"{number(check.points)} / {number(check.max_points)} | {md(check.explanation)} | "
                f"{_numbers(check.evidence)} |")
    add("")

    add("## Flags (shown, not scored)")
    add("")
    add("| flag | raised | explanation | evidence sentences |")
    add("|---|---|---|---|")
    for flag in card.flags:
        add(f"| {flag.id} {md(flag.title)} | {'⚑ raised' if flag.raised else 'not raised'} | {md(flag.explanation)} | "
            f"{_numbers(flag.evidence)} |")
    add("")

    add("## Sentences")
    add("")
    add("Labels: " + "; ".join(f"[{LABEL_CODES[label]}] `{label}` {LABEL_MEANINGS[label]}" for label in LABELS)
        + ". A sentence with no label is unattributed; headings are not scored.")
    add("")
    by_sentence: dict[int, list[dict]] = {}
    for row in result.attributions:
        by_sentence.setdefault(int(row["sentence_index"]), []).append(row)
    for s in result.sentences:
        index = s["sentence_index"]
        if s["is_heading"]:
            add(f"- **[{index}]** *heading:* **{md(s['text'])}**")
            continue
        labels = [label for label in LABELS if label in set(filter(None, s["labels"].split(";")))]
        marks = " ".join(f"[{LABEL_CODES[label]}] `{label}`" for label in labels) or "*unattributed*"
        add(f"- **[{index}]** {marks}: {md(s['text'])}")
        for row in by_sentence.get(index, []):
            source = row.get("source") or ""
            resolved = row.get("resolved_source") or ""
            parts = [f"`{row['label']}`", f"source: {md(source) or '(no source named)'}"]
            if resolved and resolved != source:
                parts[-1] += f" (= {md(resolved)})"
            if row.get("cue"):
                parts.append(f"cue: {md(row['cue'])}")
            parts.append(f"rule: {code(row.get('rule_id'))}")
            add("  - " + " · ".join(parts))
    add("")
    add(f"*sourcing-analyzer {__version__}. The labels come from the rule files; every attribution names its rule.*")
    return "\n".join(out) + "\n"
