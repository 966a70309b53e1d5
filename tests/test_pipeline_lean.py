"""The lean pipeline (the default) against the model's components as shipped, and the start-up
import set: a command imports only what it uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "challenge.jsonl"


def _imported_by(code: str) -> set[str]:
    """The top-level modules a fresh interpreter has imported after running `code`."""
    probe = code + "\nimport sys\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_help_imports_no_spacy_nor_pandas():
    modules = _imported_by("import sys\nsys.argv = ['sourcing', '--help']\nfrom analyzer.cli import main\n"
                           "try:\n    main()\nexcept SystemExit:\n    pass")
    assert not {"spacy", "thinc", "pandas", "pyarrow", "dask", "textacy"} & modules


def test_csv_output_path_imports_no_pandas():
    modules = _imported_by("import analyzer.run.analysis, analyzer.report.csv_files, analyzer.run.local")
    assert not {"pandas", "pyarrow", "dask", "textacy"} & modules


@pytest.fixture(scope="module")
def pipelines():
    import os

    from analyzer.nlp.pipeline import PIPELINE_ENV, build_pipeline

    before = os.environ.get(PIPELINE_ENV)
    try:
        os.environ[PIPELINE_ENV] = "full"
        full = build_pipeline()
        os.environ[PIPELINE_ENV] = "lean"
        lean = build_pipeline()
    finally:
        if before is None:
            os.environ.pop(PIPELINE_ENV, None)
        else:
            os.environ[PIPELINE_ENV] = before
    return full, lean


def test_lean_pipeline_swaps_the_attribute_ruler(pipelines):
    full, lean = pipelines
    assert "attribute_ruler" in full.pipe_names and "sourcing_attributes" not in full.pipe_names
    assert "attribute_ruler" not in lean.pipe_names and "sourcing_attributes" in lean.pipe_names


def test_lean_pipeline_gives_the_same_annotation_and_labels(pipelines):
    """Every token attribute the rules can read, and every sentence's labels, as the full pipeline's."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    full, lean = pipelines
    texts = [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts.append("Y'all ain't gonna believe it, let's go, he said. I told you nothin' about it.")
    columns = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    for text in texts:
        want, got = full(text), lean(text)
        assert (want.to_array(columns) == got.to_array(columns)).all(), text[:80]
        assert [s.labels for s in want._.sourcing.sentences] == [s.labels for s in got._.sourcing.sentences]
