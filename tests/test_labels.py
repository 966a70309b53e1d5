"""The label table (analyzer/labels.py) is the one list of labels: the package, the rule
schema, the reports and report.css agree with it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import analyzer
from analyzer.labels import BY_NAME, CORE_LABELS, LABEL_TABLE, LABELS, UNATTRIBUTED, in_label_order, label_code

ROOT = Path(__file__).resolve().parents[1]
CSS = (ROOT / "reports" / "templates" / "report.css").read_text(encoding="utf-8")


def test_the_six_labels_in_output_order():
    assert LABELS == ("named-official", "anonymous", "satellite-imagery", "secondary-outlet", "named-other", "document")
    assert analyzer.LABELS == LABELS
    assert CORE_LABELS == LABELS[:4]
    assert [label.code for label in LABEL_TABLE] == ["OFF", "ANON", "SAT", "OUTLET", "OTHER", "DOC"]
    assert len({label.code for label in LABEL_TABLE}) == len(LABEL_TABLE)
    assert all(label.meaning and label.colour and label.tint and label.style for label in LABEL_TABLE)
    assert (UNATTRIBUTED.name, UNATTRIBUTED.code) == ("unattributed", "none")


def test_report_css_declares_the_tables_colours():
    declared = dict(re.findall(r"--([ct]-[a-z-]+):\s*([^;]+);", CSS))
    for label in LABEL_TABLE:
        assert declared[f"c-{label.name}"] == label.colour, label.name
        assert declared[f"t-{label.name}"] == label.tint, label.name
        assert f".mk-{label.name} " in CSS and f".lab-{label.name} " in CSS
    assert {key[2:] for key in declared} == set(LABELS)


def test_helpers():
    assert label_code("anonymous") == "ANON" and label_code("unknown") == "unknown"
    assert in_label_order(["document", "anonymous", "unknown"]) == ["anonymous", "document"]
    assert BY_NAME["named-other"].style == "bold green"


def test_importing_the_package_stays_cheap():
    code = "import sys, analyzer; print(sorted(m for m in ('spacy', 'pandas', 'pyarrow') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
