"""Posts embedded as text. A post copied into an article ends with its writer's signature line,
"— Rep. Dale Hollis (@RepDaleHollis) October 5, 2028", in the paragraph that holds it: every
sentence of that paragraph is the writer's words (docs/labelling.md: web pages and posts are
their writers' words), labelled as the writer is (a title in the signature, or as the article
introduced them). The component calls `embedded_posts` once per document, after the cues.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from ..records import Attribution, Sentence
from ..rules.refs import step_id
from .sentences import paragraphs_of
from .sources import Source

EMBEDDED_POST = step_id("cue.embedded_post", "A paragraph that ends with a post's signature line ('— Rep. Dale Hollis "
                        "(@RepDaleHollis) October 5, 2028') is that post: each of its sentences carries its writer's "
                        "label.")
# A dash (or the sentence's start: the dash may end the sentence before), the writer's name, their handle in brackets, and the date the post went out.
SIGNATURE = re.compile(r"(?:^|[—–-]{1,2})\s*(?P<name>[^()\n—–]{2,80}?)\s*\(@\w{1,30}\)\s*"
                       r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\s*[.”\"]?\s*$")


def embedded_posts(records: list[Sentence], doc: Doc, decide: Callable[[Token], Optional[Source]]) -> list[Attribution]:
    """One attribution per sentence of each signed post, with its writer's label."""
    found: list[Attribution] = []
    for members in paragraphs_of(records):
        last = members[-1]
        match = SIGNATURE.search(last.text)
        if match is None:
            continue
        start, end = last.start_char + match.start("name"), last.start_char + match.end("name")
        name = doc.char_span(start, end, alignment_mode="expand")
        source = decide(name.root) if name is not None else None
        label = source.label if source is not None and source.label in ("named-official", "named-other") else "named-other"
        resolved = source.resolved if source is not None else match.group("name")
        for record in members:
            found.append(Attribution(
                sentence_index=record.index, label=label, source=match.group("name"), resolved_source=resolved,
                cue=match.group(0).strip(), quote_type="direct", start_char=start, end_char=end,
                rule_id=source.rule_id if source is not None else EMBEDDED_POST, cue_rule_id=EMBEDDED_POST,
                source_key=source.key if source is not None else match.group("name"), step=EMBEDDED_POST))
    return found
