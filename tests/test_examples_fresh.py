"""reports/examples/seed-drones/ holds the seed article's outputs (the four CSV files,
report.html and report.md); this test regenerates them and fails when they differ, so the
examples never go stale. Run with REGENERATE_EXAMPLES=1 to rewrite them after an intended
change."""

from __future__ import annotations

import os
from pathlib import Path

from analyzer.report.csv_files import CsvWriter
from analyzer.report.files import write_single_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "reports" / "examples" / "seed-drones"


def test_seed_examples_are_current(analyzer, tmp_path):
    result = analyzer.analyze_text((ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8"),
                                   article_id="seed-drones")
    writer = CsvWriter(tmp_path)
    writer.write(result)
    written = writer.close() + write_single_report(result, tmp_path)
    assert sorted(p.name for p in written) == sorted(["sentences.csv", "attributions.csv", "scorecard.csv",
                                                      "sources.csv", "report.html", "report.md"])
    if os.environ.get("REGENERATE_EXAMPLES"):
        EXAMPLES.mkdir(parents=True, exist_ok=True)
        for path in written:
            (EXAMPLES / path.name).write_bytes(path.read_bytes())
    stale = [p.name for p in written if not (EXAMPLES / p.name).exists()
             or (EXAMPLES / p.name).read_bytes() != p.read_bytes()]
    assert not stale, f"{stale} differ from reports/examples/seed-drones/; rerun with REGENERATE_EXAMPLES=1 if intended"


def test_seed_outputs_are_deterministic(analyzer, tmp_path):
    """No timestamps or run-dependent ids: two renderings of the same article are identical."""
    text = (ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8")
    first = write_single_report(analyzer.analyze_text(text, article_id="seed-drones"), tmp_path / "a")
    second = write_single_report(analyzer.analyze_text(text, article_id="seed-drones"), tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
