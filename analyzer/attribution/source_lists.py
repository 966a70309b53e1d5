"""A "Sources" list at the end of an article: each entry that cites another outlet's story is
that outlet's reporting (docs/labelling.md: a "Sources" list that cites other outlets' stories is
`secondary-outlet`, entry by entry). An entry names the outlet ("The Washington Post, 'Senator
took trips', Oct. 3") or links to its site ("http://www.politico.com/story/..."). A fact-checker's
list ("Our Sources") cites people and documents too: an entry that names a person carries that
person's label ("Interview, Jason Furlow, University of Chicago"), with `document` when it was
written ("Email statement, office of Sen. Ann Hale"); an entry with neither is a document
("Bureau of Labor Statistics, Consumer Price Index").

The component calls `source_list_entries` once per document, after the cues of every sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..records import Attribution, Sentence
from ..rules.matcher import HitIndex
from ..rules.refs import step_id
from .outlets import OutletIndex

SOURCE_LIST_ENTRY = step_id("cue.source_list", "An entry of a 'Sources' list at the end of an article that names another "
                            "outlet or links to its site is that outlet's reporting: secondary-outlet; one that names a "
                            "person carries their label (and document when written); any other entry is a document.")
# "Sources:", "SOURCES", "Source:" alone on a line, or opening one ("Sources: CNN, Fox News");
# "Source: NATO." under a chart credits one figure and opens no list.
SOURCES_LINE = re.compile(r"^\s*(?:our\s+)?(?:(?:sources|references)\s*(?::|$)|source\s*:?\s*$)", re.IGNORECASE)
# Words of an entry that say the person's words were written: the entry cites a document too.
WRITTEN_ENTRY = re.compile(r"\b(?:e-?mail|letter|statement|memo|filing|testimony|post|tweet)\b", re.IGNORECASE)
URL_HOST = re.compile(r"https?://(?:www\d?\.)?([^/\s:]+)", re.IGNORECASE)


def source_list_entries(records: list[Sentence], doc: Doc, hits: HitIndex, outlets: OutletIndex,
                        outlet_name, decide) -> list[Attribution]:
    """One attribution per entry of the article's "Sources" list: the outlet it cites, else the
    person (`decide` labels a name's root token), else the document."""
    start = next((i for i, r in enumerate(records) if SOURCES_LINE.match(r.text)), None)
    if start is None:
        return []
    found = []
    for record in records[start:]:
        span = doc.char_span(record.start_char, record.end_char, alignment_mode="expand")
        named = [h for h in hits.within(range(span.start, span.end), "outlet") if not _in_title(record, doc[h.start].idx)
                 ] if span is not None else []
        entry = record is not records[start]  # "Sources: CNN, Fox News" may open the list on its own line
        if entry and not named and not URL_HOST.search(record.text) and span is not None:
            found.extend(_person_or_document(record, span, decide))
            continue
        if named:
            hit = named[0]
            text, start_char, end_char = doc[hit.start:hit.end].text, doc[hit.start].idx, doc[hit.end - 1].idx + len(doc[hit.end - 1])
            outlet = outlet_name(hit)
        else:
            link = URL_HOST.search(record.text)
            outlet = outlets.by_domain(link.group(1)) if link else None
            if outlet is None:
                continue
            text, start_char, end_char = link.group(0), record.start_char + link.start(), record.start_char + link.end()
        found.append(Attribution(
            sentence_index=record.index, label="secondary-outlet", source=text, resolved_source=outlet, cue="Sources",
            quote_type="indirect", start_char=start_char, end_char=end_char, rule_id=SOURCE_LIST_ENTRY,
            cue_rule_id=SOURCE_LIST_ENTRY, outlet=outlet, speaker=False, source_key=outlet, step=SOURCE_LIST_ENTRY))
    return found


def _in_title(record: Sentence, char: int) -> bool:
    """A word inside the entry's quoted title ("Metro" in "State and Metro Area Employment") is
    no outlet: the publisher comes before the title."""
    before = record.text[:char - record.start_char]
    return sum(before.count(mark) for mark in '"“”') % 2 == 1


def _person_or_document(record: Sentence, span, decide) -> list[Attribution]:
    """An entry that cites no outlet: the person it names, with `document` when the words were
    written, or else a document."""
    person = next((e for e in span.ents if e.label_ == "PERSON"), None)
    source = decide(person.root) if person is not None else None
    labels = []
    if source is not None and source.label in ("named-official", "named-other"):
        labels.append((source.label, person.text))
        if WRITTEN_ENTRY.search(record.text):
            labels.append(("document", record.text))
    elif len(record.text.split()) >= 3:
        labels.append(("document", record.text))
    return [Attribution(
        sentence_index=record.index, label=label, source=text, resolved_source=text, cue="Sources",
        quote_type="indirect", start_char=record.start_char, end_char=record.end_char, rule_id=SOURCE_LIST_ENTRY,
        cue_rule_id=SOURCE_LIST_ENTRY, speaker=False, source_key=text, step=SOURCE_LIST_ENTRY) for label, text in labels]
