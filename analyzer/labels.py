"""The six source labels, in one table that the scorecard, the reports and the CLI read.

Each label has a name (what the CSV files and the gold files hold), a short text code (so a
label is told by text as well as by colour: greyscale, colour-blind readers), what it means,
its colour and highlight tint in the HTML report (the Okabe-Ito palette; reports/templates/
report.css declares them as `--c-<name>` and `--t-<name>`, and a test checks it agrees with
this table), and its style in the terminal table (rich).

The order is the order of every output: CORE first (the labels the evaluation's core
micro-F1 counts), then the rest. A sentence with no label is "unattributed" (UNATTRIBUTED),
which is not a label of its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    name: str
    code: str
    meaning: str
    colour: str = ""   # report.css --c-<name>
    tint: str = ""     # report.css --t-<name>
    style: str = ""    # rich style of the terminal table


LABEL_TABLE: tuple[Label, ...] = (
    Label("named-official", "OFF", "an identified official, or an official body on the record",
          "#0072B2", "rgba(0, 114, 178, 0.13)", "bold blue"),
    Label("anonymous", "ANON", "unidentified people, or no one at all (\"reportedly\")",
          "#D55E00", "rgba(213, 94, 0, 0.13)", "bold red"),
    Label("satellite-imagery", "SAT", "satellite images, imagery or data, or their provider",
          "#CC79A7", "rgba(204, 121, 167, 0.20)", "bold magenta"),
    Label("secondary-outlet", "OUTLET", "another news organisation's reporting",
          "#E69F00", "rgba(230, 159, 0, 0.20)", "bold yellow"),
    Label("named-other", "OTHER", "an identified source who is not an official (named too: OFF marks named officials)",
          "#009E73", "rgba(0, 158, 115, 0.15)", "bold green"),
    Label("document", "DOC", "a document or data",
          "#56B4E9", "rgba(86, 180, 233, 0.22)", "bold cyan"),
)
UNATTRIBUTED = Label("unattributed", "none", "no source found: plain text")

LABELS: tuple[str, ...] = tuple(label.name for label in LABEL_TABLE)
CORE_LABELS: tuple[str, ...] = LABELS[:4]  # named-official, anonymous, satellite-imagery, secondary-outlet
BY_NAME: dict[str, Label] = {label.name: label for label in LABEL_TABLE}


def label_code(name: str) -> str:
    """The short code of a label ("OFF"); an unknown name stands for itself."""
    label = BY_NAME.get(name)
    return label.code if label is not None else name


def in_label_order(labels) -> list[str]:
    """The known labels among `labels`, in the table's order."""
    have = set(labels)
    return [name for name in LABELS if name in have]
