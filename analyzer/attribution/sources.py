"""Who is the source? Label a noun phrase that a cue points at.

The cue handlers (cues.py) hand over the head token of a source noun phrase; the decision
table (decisions/) labels it from the rule hits on its words, the named entities and what the
article said before. This module holds the classifier the handlers call, and what it needs
about outlets.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..nlp.syntax import entity_of
from ..rules.loader import RuleSet
from ..rules.matcher import Hit, HitIndex
from ..rules.schema import OutletEntry
from .context import ArticleContext, Source
from .decisions import Phrase, decide
from .lexicon import Lexicon


class SourceClassifier:
    """Labels source noun phrases with the decision table; knows the outlet gazetteer."""

    def __init__(self, outlet_entries: dict[str, OutletEntry], ruleset: RuleSet):
        self.outlet_entries = outlet_entries
        # canonical names of newspapers: "the paper" can point back to one of them
        self.newspapers = frozenset(e.canonical for e in outlet_entries.values() if e.type == "newspaper")
        self.lexicon = Lexicon(ruleset)

    def classify(self, root: Token, hits: HitIndex, ctx: ArticleContext) -> Optional[Source]:
        """The labelled source whose head is `root`, or None when it is no source."""
        source = self.decide(root, hits, ctx)
        if source is not None:
            source.root_i = root.i
        return source

    def decide(self, root: Token, hits: HitIndex, ctx: ArticleContext) -> Optional[Source]:
        """The decision table's answer for the phrase headed by `root` (steps call it again
        for a phrase inside: "one of the officials", "critics, including X")."""
        return decide(Phrase(root, hits, ctx, self))

    # -- outlets ---------------------------------------------------------------------------
    def outlet_name(self, hit: Hit) -> Optional[str]:
        entry = self.outlet_entries.get(hit.rule_id)
        return entry.canonical if entry else None

    def outlet_hit(self, hits: HitIndex, tokens: list[Token], root: Optional[Token] = None) -> Optional[Hit]:
        """The outlet among the tokens, skipping a person's name ("Michael Bloomberg") and an
        ambiguous name written as a common word ("people familiar with the matter")."""
        found = hits.within([t.i for t in tokens], "outlet")
        if root is not None:  # "state news agency RIA Novosti": the name at the head wins over the description
            found = sorted(found, key=lambda h: not (h.start <= root.i < h.end))
        for hit in found:
            doc = tokens[0].doc
            ent = entity_of(doc[hit.start])
            if ent is not None and ent.label_ == "PERSON" and (ent.end - ent.start) > (hit.end - hit.start):
                continue  # "Michael Bloomberg" is a person, not the news service
            entry = self.outlet_entries.get(hit.rule_id)
            matched = doc[hit.start:hit.end].text
            if entry is not None and entry.ambiguous and matched.lower() == entry.name.lower() and not all(
                    t.pos_ == "PROPN" or t.lower_ == "the" or t.is_title and not t.is_sent_start
                    for t in doc[hit.start:hit.end]):
                continue  # "People familiar with the matter" is not People magazine; "The Information reported" is
            if entry is not None and entry.ambiguous and hit.end < len(doc) and doc[hit.end].is_title \
                    and doc[hit.end].pos_ == "PROPN":
                continue  # "The National Weather Service" is no newspaper called The National
            return hit
        return None
