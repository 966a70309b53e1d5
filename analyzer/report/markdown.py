"""report.md: the scorecard, the checklist with its evidence sentences, the flags, who is quoted, and every
sentence with its labels, as Markdown. Article text is escaped, so a sentence never turns
into a link, an image, a table cell or raw HTML when the file is rendered."""

from __future__ import annotations

import re
from typing import Iterable

from .. import __version__
from ..labels import LABEL_TABLE, in_label_order, label_code
from ..records import Attribution, Sentence
from ..run.local import ArticleResult
from ..score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION, Scorecard
from .html import STATUS_TEXT, by_sentence, number

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
    card = result.scorecard
    out = [*_head(result, card), *_checklist(card), *_flags(card), *_who_is_quoted(result), *_sentences(result)]
    out.append(f"*sourcing-analyzer {__version__}. The labels come from the rule files; every attribution names its rule.*")
    return "\n".join(out) + "\n"


def _head(result: ArticleResult, card: Scorecard) -> list[str]:
    article = result.article
    out = [f"# Sourcing report: {md(article.title or article.id)}", "",
           f"- Article: {md(article.id)}", f"- Outlet: {md(article.outlet) if article.outlet else 'not given'}"]
    if article.url:
        out.append(f"- URL: {md(article.url)}")
    headings = f" (+ {card.headings} heading{'s' if card.headings != 1 else ''})" if card.headings else ""
    out += [f"- Sentences: {card.sentences}{headings}", "",
            f"**Score: {card.score} / 100**: how clearly the article shows where its claims come from, "
            "not whether they are true. Five dimensions of 20 points; each check in the checklist below earns "
            "all, part or none of its points, and a check with nothing to judge (n/a) earns only what the "
            "article's named sourcing earns.", "",
            "| dimension | points | |", "|---|---:|---|"]
    for letter, name in DIMENSIONS.items():
        points = card.dimensions[letter]
        out.append(f"| {letter} {name} | {number(points)} / {POINTS_PER_DIMENSION} | {_bar(points)} |")
    out += [f"| **Total** | **{card.score} / 100** | |", "",
            f"- Coverage: {card.coverage:.0%} of sentences are attributed ({card.attributed} of {card.sentences}; "
            "headings left out), a lower bound",
            f"- Confidence: {card.confidence}" + (f" ({md(card.confidence_reason)})" if card.confidence_reason else "")]
    if card.rules_version:
        out.append(f"- Rules version: {code(card.rules_version)}")
    return out + [""]


def _checklist(card: Scorecard) -> list[str]:
    out = ["## Checklist", "", "*Earns* lists the sentences that count for the article, *costs* the ones that count "
           "against it (numbers as in [Sentences](#sentences))."]
    for letter, name in DIMENSIONS.items():
        out += ["", f"### {letter} {name}: {number(card.dimensions[letter])} / {POINTS_PER_DIMENSION}", "",
                "| check | result | points | explanation | why it matters | earns | costs |", "|---|---|---:|---|---|---|---|"]
        for check in (c for c in card.checks if c.dimension == letter):
            out.append(f"| {check.id} {md(check.title)} | {STATUS_TEXT.get(check.status, check.status)} | "
                       f"{number(check.points)} / {number(check.max_points)} | {md(check.explanation)} | {md(check.why)} | "
                       f"{_numbers(check.evidence)} | {_numbers(check.against)} |")
    return out + [""]


def _flags(card: Scorecard) -> list[str]:
    out = ["## Flags (shown, not scored)", "", "| flag | raised | explanation | evidence sentences |", "|---|---|---|---|"]
    for flag in card.flags:
        out.append(f"| {flag.id} {md(flag.title)} | {'⚑ raised' if flag.raised else 'not raised'} | "
                   f"{md(flag.explanation)} | {_numbers(flag.evidence)} |")
    return out + [""]


def _who_is_quoted(result: ArticleResult) -> list[str]:
    """The article's distinct sources (ArticleResult.sources, as in sources.csv)."""
    out = ["## Who is quoted", "",
           "Each distinct source once, by its fullest name in the article, in order of first mention.", ""]
    if not result.sources:
        return out + ["*No sources found.*", ""]
    out += ["| name | label | role | spoke to | sentences | first mention |", "|---|---|---|---|---:|---|"]
    for e in result.sources:
        out.append(f"| {md(e.name)} | [{label_code(e.label)}] `{e.label}` | {md(e.role)} | {md(e.spoke_to)} | "
                   f"{e.sentences} | [{e.first_sentence}] {md(e.first_mention)} |")
    return out + [""]


def _sentences(result: ArticleResult) -> list[str]:
    out = ["## Sentences", "",
           "Labels: " + "; ".join(f"[{label.code}] `{label.name}` {label.meaning}" for label in LABEL_TABLE)
           + ". A sentence with no label is unattributed; headings are not scored.", ""]
    rows_of = by_sentence(result.attributions)
    for s in result.sentences:
        out.extend(_sentence_lines(s, rows_of.get(s.index, [])))
    return out + [""]


def _sentence_lines(s: Sentence, rows: list[Attribution]) -> list[str]:
    if s.is_heading:
        return [f"- **[{s.index}]** *heading:* **{md(s.text)}**"]
    marks = " ".join(f"[{label_code(label)}] `{label}`" for label in in_label_order(s.labels)) or "*unattributed*"
    out = [f"- **[{s.index}]** {marks}: {md(s.text)}"]
    for a in rows:
        source = a.source or ""
        resolved = a.resolved_source or ""
        parts = [f"`{a.label}`", f"source: {md(source) or '(no source named)'}"]
        if resolved and resolved != source:
            parts[-1] += f" (= {md(resolved)})"
        if a.cue:
            parts.append(f"cue: {md(a.cue)}")
        parts.append(f"rule: {code(a.rule_id)}")
        out.append("  - " + " · ".join(parts))
    return out
