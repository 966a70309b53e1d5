"""Which labels get confused with which: a confusion table of gold label against predicted label.

Sentences carry label *sets*, so a sentence can add more than one cell. Rows are the gold
labels plus NONE, columns the predicted labels plus NONE. For each scored sentence (labelled
gold, not a heading; binary gold has no labels to confuse), with gold set G and predicted set P:

- each label in both G and P counts once on the diagonal, (label, label);
- each gold label that was missed (in G, not in P) counts once against each wrong predicted
  label (in P, not in G), or against NONE when no label was predicted wrongly;
- when no gold label was missed, each wrong predicted label counts once in row NONE;
- a sentence with no gold label and no predicted label counts once in (NONE, NONE).

So gold {anonymous, secondary-outlet} predicted {anonymous, named-other} adds (anonymous,
anonymous) and (secondary-outlet, named-other); gold {document} predicted {} adds (document,
NONE); gold {} predicted {anonymous} adds (NONE, anonymous). A row's sum is not the label's
support when a missed label meets two wrong ones; the per-label P/R/F1 lines give the support.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..labels import LABELS

NONE = "none"  # the row or column of "no label": unattributed in gold, or nothing predicted
AXIS: tuple[str, ...] = LABELS + (NONE,)


def cells(gold: frozenset, predicted: frozenset) -> list[tuple[str, str]]:
    """The (gold, predicted) cells one sentence adds, in label order (the rules in the docstring)."""
    hits = [label for label in LABELS if label in gold and label in predicted]
    missed = [label for label in LABELS if label in gold and label not in predicted]
    wrong = [label for label in LABELS if label in predicted and label not in gold]
    added = [(label, label) for label in hits]
    if missed:
        added += [(m, w) for m in missed for w in (wrong or [NONE])]
    else:
        added += [(NONE, w) for w in wrong]
    if not gold and not predicted:
        added.append((NONE, NONE))
    return added


def _empty_counts() -> dict[str, dict[str, int]]:
    return {row: {column: 0 for column in AXIS} for row in AXIS}


@dataclass
class ConfusionTable:
    """counts[gold][predicted]: every row and column of AXIS is present, zeros included."""
    counts: dict[str, dict[str, int]] = field(default_factory=_empty_counts)

    def add(self, gold: frozenset, predicted: frozenset) -> None:
        for row, column in cells(gold, predicted):
            self.counts[row][column] += 1

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.counts.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {row: dict(columns) for row, columns in self.counts.items()}
