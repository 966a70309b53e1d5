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


# Written examples whose labels rest on the entity recogniser (people, bodies, places named;
# a surname or a pronoun that points back to them; an acronym introduced in brackets) and on
# numbers, dates and ordinals in sentences without a capital letter: a variant that runs the
# recogniser on less text, or computes it differently, shows up here first.
WRITTEN = [
    "Aid convoys have stopped reaching three districts of the province, the U.N.'s relief coordinator for the region, "
    "Amara Okonkwo, said on Thursday.\n\n\u201cFamilies are walking for days to reach a clinic,\u201d she told reporters "
    "in the capital. Dana Whitfield, a spokeswoman for the U.N. refugee agency, said the camps were full.\n\n"
    "The Belgian mission to the United Nations did not respond to a request for comment. "
    "Researchers at the University of Toronto, who led the survey, said the figures were cautious.",
    "Chidi Okafor, who ran the depot for a decade, was dismissed in March. A lawyer for Okafor did not respond to a "
    "request for comment.\n\nHarlow Foods will close two of its bakeries, the company said on Monday. "
    "Harlow declined to comment on the timing.\n\nCouncil member Teresa Quinlan said the workers had not been told. "
    "\u201cWe heard it on the radio. That is no way to treat people,\u201d she said.",
    "The Regional Water Authority (RWA) raised its rates by six percent last year. "
    "The RWA said in a statement that the money would pay for new pipes.\n\n"
    "a spokesman for the mayor said the city would review the increase. the first results came out on tuesday, "
    "and two officials said more would follow within a week.",
    "Y'all ain't gonna believe it, let's go, he said. I told you nothin' about it.",
]


def _labels(doc) -> list[tuple[str, ...]]:
    return [s.labels for s in doc._.sourcing.sentences]


def test_lean_pipeline_gives_the_same_annotation_and_labels(pipelines):
    """Every token attribute the rules can read, and every sentence's labels, as the full pipeline's."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    full, lean = pipelines
    texts = [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    columns = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    for text in texts + WRITTEN:
        want, got = full(text), lean(text)
        assert (want.to_array(columns) == got.to_array(columns)).all(), text[:80]
        assert _labels(want) == _labels(got), text[:80]


def test_the_written_examples_need_the_recogniser(pipelines):
    """Without entities the written examples change label: the comparison above can see a
    variant that loses or moves entities."""
    _, lean = pipelines
    with lean.select_pipes(disable=["ner"]):
        without = [_labels(lean(text)) for text in WRITTEN[:2]]
    assert without != [_labels(lean(text)) for text in WRITTEN[:2]]


def test_lean_model_multiplies_through_numpy_blas_on_one_thread(pipelines):
    """runtime.py: the lean model's layers use numpy's BLAS, held to one thread; the full model
    keeps thinc's BLIS (spaCy as shipped)."""
    from threadpoolctl import threadpool_info

    full, lean = pipelines
    for name in ("tok2vec", "ner"):
        assert full.get_pipe(name).model.ops.use_blis
        assert not lean.get_pipe(name).model.ops.use_blis
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")
