"""The labels the analyzer gives one sentence of a short invented article, for the tests of
phrasing families."""

from __future__ import annotations


def sentences(analyzer, text: str, outlet: str | None = None):
    return analyzer.analyze_text(text, outlet=outlet).sentences


def labels_at(analyzer, text: str, start: str, outlet: str | None = None) -> set[str]:
    """The labels of the sentence that starts with `start`."""
    found = [s for s in sentences(analyzer, text, outlet) if s.text.startswith(start)]
    assert found, f"no sentence starts with {start!r}"
    return set(found[0].labels)
