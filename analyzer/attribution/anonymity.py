"""How good is an anonymous attribution? The details fact-checkers weigh (AP, Reuters, NPR
guidance): is a reason for anonymity given, and is it substantive or formulaic; what vantage
the source has; how specific the descriptor is; how many sources are stated."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from ..rules.matcher import HitIndex
from ..records import AnonymousDetails
from ..nlp.syntax import GROUP_ENTS, ORG_ENTS, PLACE_ENTS, noun_phrase
from .lexicon import Lexicon

# A reason clause opens within a few words of the request ("speaking on condition of anonymity because ...").
REASON_MARKS = ("because", "since")
REASON_WINDOW = 4
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "dozen": 12, "both": 2, "a couple": 2,
}


def _region(root: Optional[Token], sent: Span) -> list[int]:
    if root is None:
        return [t.i for t in sent]
    return [t.i for t in root.subtree]


def describe(root: Optional[Token], sent: Span, hits: HitIndex, lexicon: Lexicon) -> AnonymousDetails:
    """The anonymity details of the source headed by `root` (None for a hedge: the sentence)."""
    hits.load_details(sent)
    found = hits.within(_region(root, sent), "anonymous_source")
    if not any(h.type in ("anonymity_request", "reason_formulaic", "reason_substantive", "vantage") for h in found):
        found = hits.within([t.i for t in sent], "anonymous_source")  # the details may sit elsewhere in the sentence
    details: dict = {"anonymity_requested": any(h.type == "anonymity_request" for h in found)}
    substantive = [h for h in found if h.type == "reason_substantive"]
    reason = substantive or [h for h in found if h.type == "reason_formulaic"]
    if reason:
        details.update(anonymity_reason_given=True, anonymity_reason="substantive" if substantive else "formulaic",
                       anonymity_reason_text=_clause_text(sent.doc, reason[0].start, sent))
    elif details["anonymity_requested"]:
        because = _reason_clause(sent, [h for h in found if h.type == "anonymity_request"])
        if because is not None:  # "... because the budget is not final": a reason of its own, not boilerplate
            details.update(anonymity_reason_given=True, anonymity_reason="substantive",
                           anonymity_reason_text=_clause_text(sent.doc, because.i, sent))
    vantage = [h for h in found if h.type == "vantage"]
    if vantage:
        best = max(vantage, key=lambda h: _strength(hits, h))
        details.update(vantage=best.rule_id.split("vantage_", 1)[-1], vantage_strength=_strength(hits, best))
    if root is not None:
        details.update(specificity=specificity(root, hits, lexicon.generic_heads),
                       source_count=source_count(root, lexicon.vague_plurals))
    details["anonymous_kind"] = anonymous_kind(root, details, lexicon.insider_heads)
    return AnonymousDetails(**details)


def _reason_clause(sent: Span, requests) -> Optional[Token]:
    """The "because" or "since" that opens a clause right after the request for anonymity."""
    for request in requests:
        for token in sent.doc[request.end:min(sent.end, request.end + REASON_WINDOW)]:
            if token.lower_ in REASON_MARKS:
                return token
    return None


def anonymous_kind(root: Optional[Token], details: dict, insider_heads: frozenset[str]) -> str:
    """What kind of unnamed source this is. AP and Reuters ask an unnamed *individual* source
    ("a senior official", "two people familiar with the talks") for a reason for anonymity,
    a vantage and a number; a vague *group* ("critics", "analysts", "residents") is a vague
    attribution, not a granted anonymity; a *hedge* ("reportedly") names no source at all.

    individual: the source's knowledge or anonymity is stated, a number is given, or the head is
    an insider word (lex.insider_heads: official, source, diplomat, aide ...)."""
    if root is None:
        return "hedge"
    if details.get("vantage", "none") != "none" or details.get("anonymity_requested") or details.get("anonymity_reason_given"):
        return "individual"
    if details.get("source_count", "") not in ("", "several"):
        return "individual"
    return "individual" if root.lemma_.lower() in insider_heads or root.lower_ in insider_heads else "group"


def _strength(hits: HitIndex, hit) -> int:
    return hits.strengths.get(hit.rule_id, 0)


def _clause_text(doc, start: int, sent: Span) -> str:
    end = start
    while end < sent.end and not doc[end].is_punct:
        end += 1
    return doc[start:end].text


def specificity(root: Token, hits: HitIndex, generic_heads: frozenset[str]) -> int:
    """0 "sources", 1 "an official", 2 "a U.S. official", 3 "a senior State Department official"."""
    core = [t for t in noun_phrase(root) if t.i != root.i]
    ids = [t.i for t in core]
    agency = hits.within(ids, "official", "body", "function") or any(t.ent_type_ in ORG_ENTS for t in core)
    rank = hits.within(ids, "anonymous_source", "rank")
    place = hits.within(ids, "official", "state") or any(t.ent_type_ in PLACE_ENTS | GROUP_ENTS for t in core)
    if agency or rank:
        return 3
    if place:
        return 2
    if root.lemma_.lower() in generic_heads and root.tag_ in ("NNS", "NNPS") or root.lower_ in ("sources", "people"):
        return 0
    return 1


def source_count(root: Token, vague_plurals: frozenset[str]) -> str:
    """The number of sources the phrase states: "two officials" 2, "several sources" several."""
    for child in root.children:
        if child.dep_ == "nummod":
            text = child.lower_
            if text.isdigit():
                return text
            if text in NUMBER_WORDS:
                return str(NUMBER_WORDS[text])
        if child.dep_ in ("amod", "det") and child.lower_ in vague_plurals:
            return "several"
        if child.lower_ == "both":
            return "2"
    if root.tag_ in ("NN", "NNP") and any(c.lower_ in ("a", "an", "the", "one", "another") for c in root.children):
        return "1"
    return ""
