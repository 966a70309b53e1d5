"""Two articles side by side (two outlets on the same event, or two drafts): their scores,
dimensions and label shares next to each other, the checks where they differ, and both texts
highlighted. Plain data from two ArticleResults, for _classroom.html.j2's comparison."""

from __future__ import annotations

from ..labels import LABEL_TABLE, UNATTRIBUTED
from ..report.html import STATUS_TEXT, number, report_context
from ..run.local import ArticleResult
from ..score.scorecard import DIMENSIONS

SIDES = ("a", "b")


def _figures(card) -> list[tuple[str, str]]:
    """(what, value) rows of one scorecard, in the order the comparison shows them."""
    rows = [("Sourcing score", f"{card.score} / 100")]
    rows += [(f"{letter} {name}", f"{number(card.dimensions[letter])} / 20") for letter, name in DIMENSIONS.items()]
    rows += [("Sentences attributed", f"{card.coverage:.0%}"), ("Named sources", str(card.distinct_named_sources)),
             ("Other outlets cited", str(card.distinct_outlets)), ("Confidence", card.confidence)]
    return rows


def _shares(card) -> list[str]:
    return [f"{card.share(label.name):.0%} ({card.counts.get(label.name, 0)})" for label in LABEL_TABLE + (UNATTRIBUTED,)]


def _check_differences(first, second) -> list[dict]:
    """The checks whose status or points differ, with each side's explanation."""
    others = {c.id: c for c in second.checks}
    out = []
    for c in first.checks:
        d = others.get(c.id)
        if d is None or (c.status == d.status and abs(c.points - d.points) < 0.05):
            continue
        out.append({"id": c.id, "title": c.title, "why": c.why,
                    "sides": [{"status": STATUS_TEXT.get(x.status, x.status), "status_class": x.status.replace("/", ""),
                               "points": number(x.points), "max_points": number(x.max_points),
                               "explanation": x.explanation} for x in (c, d)]})
    return out


def comparison_view(first: ArticleResult, second: ArticleResult) -> dict:
    cards = (first.scorecard, second.scorecard)
    figures = [_figures(card) for card in cards]
    shares = [_shares(card) for card in cards]
    names = [label.name for label in LABEL_TABLE] + [UNATTRIBUTED.name]
    codes = [label.code for label in LABEL_TABLE] + [UNATTRIBUTED.code]
    return {
        "reports": [report_context(result, f"{side}-") for side, result in zip(SIDES, (first, second))],
        "figures": [{"what": what, "pair": [figures[0][i][1], figures[1][i][1]],
                     "differ": figures[0][i][1] != figures[1][i][1]} for i, (what, _) in enumerate(figures[0])],
        "shares": [{"label": name, "code": code, "pair": [shares[0][i], shares[1][i]]}
                   for i, (name, code) in enumerate(zip(names, codes))],
        "differences": _check_differences(*cards),
        "difference": cards[0].score - cards[1].score,
    }
