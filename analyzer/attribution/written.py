"""Words a writer wrote: "'The program is plagued by fraud,' they wrote" after "They sent a letter
to Senate leaders" rests on the writer and on the letter (docs/labelling.md: a letter, memo or
filing quoted with its writer carries the writer's label and `document`; `document` needs the
document, named where the words are or tied to them by the context)."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..rules.refs import step_id
from ..nlp.syntax import prep_objects
from .context import ArticleContext, Source

WRITTEN_IN = step_id("ref.written_in", "A writer's words ('..., she wrote') come from the document the article "
                     "named just before (a letter, a memo, a memoir): the sentence carries `document` too.")
WRITING_VERBS = ("write",)
# How far back the document may have been named: about two short paragraphs.
DOCUMENT_WINDOW_CHARS = 800


def written_in(ctx: ArticleContext, verb: Token) -> Optional[Source]:
    """The document named just before a verb of writing, as a back-reference; None if none."""
    if verb.lemma_.lower() not in WRITING_VERBS:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children):
        return None  # "wrote on X", "wrote on Facebook": a post is its writer's words (docs/labelling.md)
    earlier = ctx.documents[-1] if ctx.documents else None
    if earlier is None or verb.idx - earlier.end_char > DOCUMENT_WINDOW_CHARS:
        return None
    return Source("document", WRITTEN_IN, earlier.text, earlier.resolved, earlier.start_char, earlier.end_char)


def writers_of(document: Optional[Token], lexicon, classify_all) -> list[Source]:
    """The people who wrote a letter, memo, affidavit or filing named with it ("an affidavit by
    Detective Sgt. Lauren Pike", "a letter from the mayor"): the words are theirs too
    (docs/labelling.md). A study or report "by" its authors stays a document only ("results
    published in a paper by X"), and so does a body's memo. `classify_all` labels a noun phrase and its conjuncts."""
    if document is None or document.lemma_.lower() not in lexicon.authored_documents:
        return []
    writers = prep_objects(document, "by", "from")
    # a person, not a body: "a memo from the Finance Department" is the department's document only
    return [s for w in writers for s in classify_all(w)
            if s.is_person and s.label in ("named-official", "named-other", "anonymous")]
