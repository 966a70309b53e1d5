"""Per-article scorecard: pure functions from labelled sentences and attributions to one row.

The first score (0-100) is deliberately simple and stated in the README:
    score = 40 * attributed_share + 40 * named_share + 20 * variety
attributed_share: attributed sentences / scored sentences (headings left out);
named_share: sentences with a named source (named-official, named-other) / attributed sentences;
variety: the number of different labels used, capped at 4, divided by 4.
"""

from __future__ import annotations

from typing import Iterable

from . import LABELS

NAMED_LABELS = ("named-official", "named-other")


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def scorecard_row(article_id: str, sentences: list[dict], attributions: Iterable[dict], rules_version: str = "") -> dict:
    scored = [s for s in sentences if not s["is_heading"]]
    total = len(scored)
    label_sets = [set(filter(None, s["labels"].split(";"))) for s in scored]
    attributed = sum(1 for labels in label_sets if labels)
    row: dict = {"article_id": article_id, "sentences": total,
                 "headings": sum(1 for s in sentences if s["is_heading"])}
    for label in LABELS:
        count = sum(1 for labels in label_sets if label in labels)
        row[f"{label}_count"] = count
        row[f"{label}_share"] = _share(count, total)
    row["unattributed_count"] = total - attributed
    row["unattributed_share"] = _share(total - attributed, total)
    attributions = list(attributions)
    named_sources = {(a.get("source_key") or a["resolved_source"]).strip().lower() for a in attributions
                     if a["label"] in NAMED_LABELS and (a.get("source_key") or a["resolved_source"]).strip()}
    outlets = {(a.get("outlet") or a["resolved_source"]).strip().lower() for a in attributions
               if a["label"] == "secondary-outlet"}
    row["distinct_named_sources"] = len(named_sources)
    row["distinct_outlets"] = len(outlets)
    named_sentences = sum(1 for labels in label_sets if labels & set(NAMED_LABELS))
    attributed_share = _share(attributed, total)
    named_share = _share(named_sentences, attributed)
    variety = min(len(set().union(*label_sets)) if label_sets else 0, 4) / 4
    row["attributed_share"] = attributed_share
    row["named_share"] = named_share
    row["score"] = round(100 * (0.4 * attributed_share + 0.4 * named_share + 0.2 * variety))
    row["rules_version"] = rules_version
    return row
