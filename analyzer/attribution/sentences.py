"""The sentences of a parsed article as records: offsets into its text, paragraph, heading."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..records import Sentence


def sentence_records(doc: Doc, text: str) -> list[tuple[Sentence, Span]]:
    """One record per sentence of doc.sents with words in it, beside its span.

    Offsets leave out the spaces around the sentence; a line break between two sentences
    starts a paragraph; a sentence inside a heading range (doc._.sourcing_headings) is a heading.
    """
    heading_ranges = doc._.sourcing_headings
    out = []
    paragraph, previous_end = 0, None
    for sent in doc.sents:
        first, last = sent.start, sent.end - 1
        while first <= last and doc[first].is_space:
            first += 1
        while last >= first and doc[last].is_space:
            last -= 1
        if first > last:
            continue
        start = doc[first].idx
        end = doc[last].idx + len(doc[last].text)
        if previous_end is not None and "\n" in text[previous_end:start]:
            paragraph += 1  # a line break starts a paragraph
        previous_end = end
        heading = any(s <= start and end <= e for s, e in heading_ranges)
        out.append((Sentence(len(out), start, end, heading, text[start:end], paragraph), sent))
    return out


def paragraphs_of(records: list[Sentence]) -> list[list[Sentence]]:
    """The article's sentences, headings left out, grouped by paragraph in text order."""
    paragraphs: dict[int, list[Sentence]] = {}
    for record in records:
        if not record.is_heading:
            paragraphs.setdefault(record.paragraph, []).append(record)
    return list(paragraphs.values())
