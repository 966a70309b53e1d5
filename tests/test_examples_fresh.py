"""reports/examples/seed-drones/ holds the seed article's outputs; this test regenerates them
and fails when they differ, so the examples never go stale. Run with REGENERATE_EXAMPLES=1
to rewrite them after an intended change."""

from __future__ import annotations

import os
from pathlib import Path

from analyzer.report.csv_files import CsvWriter

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "reports" / "examples" / "seed-drones"


def test_seed_examples_are_current(analyzer, tmp_path):
    result = analyzer.analyze_text((ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8"),
                                   article_id="seed-drones")
    writer = CsvWriter(tmp_path)
    writer.write(result)
    written = writer.close()
    if os.environ.get("REGENERATE_EXAMPLES"):
        EXAMPLES.mkdir(parents=True, exist_ok=True)
        for path in written:
            (EXAMPLES / path.name).write_bytes(path.read_bytes())
    stale = [p.name for p in written if not (EXAMPLES / p.name).exists()
             or (EXAMPLES / p.name).read_bytes() != p.read_bytes()]
    assert not stale, f"{stale} differ from reports/examples/seed-drones/; rerun with REGENERATE_EXAMPLES=1 if intended"
