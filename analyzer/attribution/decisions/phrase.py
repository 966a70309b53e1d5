"""The source noun phrase every decision step looks at, and the questions steps ask about it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Span, Token

from ...nlp.syntax import GROUP_ENTS, ORG_ENTS, PERSON_ENTS, PLACE_ENTS, attachments, entity_of, noun_phrase, span_text
from ...rules.matcher import Hit, HitIndex
from ...rules.refs import rule_ref
from ..context import ArticleContext, Source

if TYPE_CHECKING:
    from ..sources import SourceClassifier

PLURAL_PRONOUNS = {"they", "them"}
# A possessive's mark as the tokenizer splits it, straight or curly ("Ashcraft’s spokesman").
POSSESSIVES = ("'s", "’s")

# The rules whose ids the steps compare or fall back on (checked when the rules load).
TITLE = rule_ref("official.title")                  # a title of office held now: "the senator"
UNIQUE_TITLE = rule_ref("official.unique_title")    # one holder at a time: "the prime minister"
TITLE_OF_BODY = rule_ref("official.title_of_body")  # official only with a body: "director"
NAMED_ENTITY = rule_ref("other.named_entity")       # a PERSON or ORG entity no other rule claims


def rule_of(hit: Hit) -> str:
    """The rule id of a hit (an outlet entry's hit is "outlet.wire_services#3")."""
    return hit.rule_id.split("#", 1)[0]


# Labels whose source span keeps the attachment that says who made the evidence.
EVIDENCE_LABELS = ("document", "satellite-imagery")


@dataclass
class Phrase:
    """A source noun phrase: its head (root), its own words (core), its appositions and
    attachments (extra), the rule hits and what the article said before (ctx)."""

    root: Token
    hits: HitIndex
    ctx: ArticleContext
    classifier: "SourceClassifier"

    @cached_property
    def core(self) -> list[Token]:
        return noun_phrase(self.root)

    @cached_property
    def extra(self) -> list[Token]:
        return attachments(self.root)

    @cached_property
    def extended(self) -> list[Token]:
        return sorted(set(self.core) | set(self.extra), key=lambda t: t.i)

    @cached_property
    def span(self) -> tuple[str, int, int]:
        return span_text(self.core)

    @property
    def text(self) -> str:
        return self.span[0]

    @cached_property
    def plural(self) -> bool:
        return self.root.tag_ in ("NNS", "NNPS") or self.root.lower_ in PLURAL_PRONOUNS

    @property
    def lower(self) -> str:
        return self.root.lower_

    @cached_property
    def lemma(self) -> str:
        return self.root.lemma_.lower()

    @cached_property
    def ent(self) -> Optional[Span]:
        return entity_of(self.root)

    @property
    def lexicon(self):
        return self.classifier.lexicon

    def has_word(self, *words: str) -> bool:
        """One of the phrase's own words is one of these ("the", "a", ...)."""
        return any(t.lower_ in words for t in self.core)

    def within(self, tokens: list[Token], kind: str, *types: str) -> list[Hit]:
        return self.hits.within([t.i for t in tokens], kind, *types)

    def at_root(self, kind: str, *types: str) -> list[Hit]:
        return self.hits.within([self.root.i], kind, *types)

    def rule_or_step(self, kind: str, type_: str, step: str) -> str:
        """The id of the rule of this kind and type that matched the head, else the decision step's
        own id: a label never names a rule whose terms did not match."""
        found = [h for h in self.at_root(kind, type_) if h.start <= self.root.i < h.end]
        return rule_of(found[0]) if found else step

    # -- building a Source -------------------------------------------------------------
    def make(self, label: str, rule_id: str, resolved: Optional[str] = None, person: bool = False,
             outlet: Optional[str] = None, hit: Optional[Hit] = None) -> Source:
        text, start, end = self.span
        # a person with their title or role; evidence with who made it ("a memo from the Finance
        # Department", "satellite images from Maxar"): what a reader needs to trace it
        whose = self.extra and (self.root.ent_type_ in PERSON_ENTS or (
            label in EVIDENCE_LABELS and any(t.pos_ == "PROPN" for t in self.extra)))
        full_text, full_start, full_end = span_text(self.extended) if whose else (text, start, end)
        if hit is not None:  # the whole outlet name: "The Times of Israel", not the parse's "The Times"
            whole = self.root.doc[min(hit.start, self.core[0].i):max(hit.end, self.root.i + 1)]
            full_text, full_start, full_end = whole.text, whole.start_char, whole.end_char
        # "the family" is several people: "they" may point back to it, "she" may not
        plural = self.plural or self.lemma in self.lexicon.collective_people
        return Source(label, rule_id, full_text or text, resolved or full_text or text, full_start or start,
                      full_end or end, is_person=person, plural=plural, outlet=outlet)

    def refer(self, label: str, rule_id: str, resolved: str, key: Optional[str] = None, person: bool = True,
              plural: bool = False, outlet: Optional[str] = None) -> Source:
        """A source that points back to one named before: the phrase's own words, the earlier
        source's label and name."""
        text, start, end = self.span
        return Source(label, rule_id, text, resolved, start, end, is_person=person, plural=plural, outlet=outlet, key=key)

    def refer_to(self, earlier: Source, rule_id: str) -> Source:
        return self.refer(earlier.label, rule_id, earlier.resolved, key=earlier.key, person=earlier.is_person,
                          plural=earlier.plural, outlet=earlier.outlet)

    # -- context that makes a title official -------------------------------------------
    def context_body(self, tokens: list[Token]) -> Optional[Hit]:
        return context_body(self.hits, tokens)


def context_body(hits: HitIndex, tokens: list[Token]) -> Optional[Hit]:
    """An official body or a country among the tokens: makes a title official.
    A place inside an organisation's name ("University of Washington") does not count."""
    for hit in official_bodies(hits, tokens, "body", "function", "state"):
        doc = tokens[0].doc
        if hit.type == "state" and (doc[hit.start].ent_type_ in ORG_ENTS or (hit.end < len(doc) and doc[hit.end].text == "-")):
            continue
        return hit
    return None


def official_bodies(hits: HitIndex, tokens: list[Token], *types: str) -> list[Hit]:
    """Official hits among the tokens, but not one that names an organisation's members: "the
    police union", "a county farmers' association", "the Riverton Police Officers Association"
    are no police and no county."""
    return [h for h in hits.within([t.i for t in tokens], "official", *types)
            if not organisation_named_on(hits, tokens[0].doc, h.end) and not _organisation_named_before(hits, tokens[0].doc, h.start)]


def organisation_named_on(hits: HitIndex, doc, start: int) -> bool:
    """The name goes on from `start` to an organisation's word: the official word before it
    names the organisation's members ("Police Officers Association", "Democratic Governors
    Association"), not an office."""
    return any(hits.at(t.i, "named_other", "organisation") for t in _name_goes_on(doc, start))


def _organisation_named_before(hits: HitIndex, doc, start: int) -> bool:
    """ "the Union of Progressive Forces": a name that began with an organisation's word ("Union
    of", "Alliance for") before the official word is a party's or a group's, not armed forces."""
    for token in reversed(doc[max(0, start - 5):start]):
        if token.lower_ in ("of", "for", "the", "and"):
            continue
        if not token.is_title:
            return False
        if hits.at(token.i, "named_other", "organisation"):
            return True
    return False


def _name_goes_on(doc, start: int) -> list[Token]:
    """The token at `start` and the capitalised words of the same name after it (up to three)."""
    words = list(doc[start:start + 1])
    for token in doc[start + 1:start + 4]:
        if token.lower_ in ("'", "’", *POSSESSIVES):
            continue  # "the Toledo Police Officers' Guild"
        if not (words and words[-1].is_title and token.is_title):
            break
        words.append(token)
    return words


def has_group_ent(tokens: list[Token]) -> bool:
    """A country or nationality among the tokens ("Ukraine's air force spokesman"), but not an
    adjective made of a place ("a Washington-based developer")."""
    doc = tokens[0].doc if tokens else None
    return any((t.ent_type_ in GROUP_ENTS or t.ent_type_ in PLACE_ENTS)
               and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-") and not a_place_in(t) for t in tokens)


def a_place_in(token: Token) -> bool:
    """ "a financial adviser in Eau Claire, Wis.": a place named inside an "in" phrase, however
    deep, is where the person works, not whom they work for."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep":
            return ancestor.lower_ == "in"
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def org_hit(hits: HitIndex, tokens: list[Token]) -> Optional[Hit]:
    found = hits.within([t.i for t in tokens], "named_other", "organisation")
    return found[0] if found else None
