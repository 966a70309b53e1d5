"""A "Sources" list at the end of an article: each entry that cites another outlet's story is
that outlet's reporting (docs/labelling.md: a "Sources" list that cites other outlets' stories is
`secondary-outlet`, entry by entry). An entry names the outlet ("The Washington Post, 'Senator
took trips', Oct. 3") or links to its site ("http://www.politico.com/story/..."); an entry that
cites no outlet (a government report, a court filing) gets nothing here.

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
                            "outlet or links to its site is that outlet's reporting: secondary-outlet.")
# "Sources:", "SOURCES", "Source:" alone on a line, or opening one ("Sources: CNN, Fox News").
SOURCES_LINE = re.compile(r"^\s*(?:sources?|references)\s*(?::|$)", re.IGNORECASE)
URL_HOST = re.compile(r"https?://(?:www\d?\.)?([^/\s:]+)", re.IGNORECASE)


def source_list_entries(records: list[Sentence], doc: Doc, hits: HitIndex, outlets: OutletIndex,
                        outlet_name) -> list[Attribution]:
    """One secondary-outlet attribution per entry of the article's "Sources" list that cites an outlet."""
    start = next((i for i, r in enumerate(records) if SOURCES_LINE.match(r.text)), None)
    if start is None:
        return []
    found = []
    for record in records[start:]:
        span = doc.char_span(record.start_char, record.end_char, alignment_mode="expand")
        named = hits.within(range(span.start, span.end), "outlet") if span is not None else []
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
