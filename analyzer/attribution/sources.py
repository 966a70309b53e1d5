"""Who is the source? Label a noun phrase that a cue points at.

The cue finder (attribution.py) hands over the root token of a source noun phrase; this
module decides its label from the rule hits on its words, the named entities, and what
the article said before (back-references). Every decision names the rule behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Token

from ..nlp.syntax import (GROUP_ENTS, NOT_SOURCE_ENTS, ORG_ENTS, PERSON_ENTS, PLACE_ENTS, attachments, entity_of,
                          noun_phrase, span_text)
from ..rules.matcher import Hit, HitIndex

PERSON_PRONOUNS = {"he", "she", "him", "her"}
PLURAL_PRONOUNS = {"they", "them"}
THING_PRONOUNS = {"it"}
# Deps that carry a noun phrase's own words (its name, title, country), as opposed to clauses about it.
CORE_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case", "flat", "npadvmod", "predet", "prep", "pobj", "punct", "cc", "advmod", "nn"}
NEWS_REPORT_NOUNS = {"report", "story", "article", "investigation", "reporting", "interview", "broadcast", "analysis", "exclusive", "dispatch", "piece", "account"}
STATEMENT_NOUNS = {"statement", "release", "communique", "communiqué", "announcement", "remarks", "comments", "post", "tweet", "readout"}
# Titles that companies, universities, parties and NGOs use as well as governments.
SHARED_TITLES = {"president", "vice-president", "chancellor", "secretary", "speaker", "chairman", "chairwoman", "chair",
                 "commissioner", "director", "chief", "head", "leader", "spokesperson", "spokesman", "spokeswoman",
                 "treasurer", "deputy", "representative", "counsel", "adviser", "advisor", "officer", "general"}
OFFICIAL_REFERENCES = {"ministry", "department", "agency", "bureau", "commission", "regulator", "watchdog"}
OUTLET_NOUNS = {"newspaper", "daily", "broadcaster", "tabloid", "magazine", "weekly", "channel", "outlet", "website", "paper"}
IMAGE_WORDS = {"image", "images", "imagery", "photo", "photos", "picture", "pictures", "photograph", "photographs"}


@dataclass
class Source:
    label: str
    rule_id: str
    text: str
    resolved: str
    start_char: int
    end_char: int
    is_person: bool = False
    plural: bool = False
    outlet: Optional[str] = None  # canonical outlet name, for the own-outlet check
    key: Optional[str] = None  # who it is, for counting distinct sources: a person's full name
    root_i: Optional[int] = None  # token index of the phrase's head, for describing anonymous sources


@dataclass
class ArticleContext:
    """What the article has said so far, for back-references."""

    # name or surname -> (label, rule, full name, full mention with title: "CIA Director William Burns")
    people: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    history: list[Source] = field(default_factory=list)
    seen_imagery: bool = False
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name) of every person named
    acronyms: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # "JCS" -> (label, rule, full name)

    def person_before(self, offset: int) -> Optional[str]:
        earlier = [name for start, name in self.mentions if start < offset]
        return earlier[-1] if earlier else None

    def remember(self, source: Source) -> None:
        self.history.append(source)
        if source.label == "satellite-imagery":
            self.seen_imagery = True

    def last(self, want_person: Optional[bool] = None, want_plural: Optional[bool] = None) -> Optional[Source]:
        for source in reversed(self.history):
            if source.label in ("secondary-outlet", "document", "satellite-imagery") and want_person:
                continue
            if want_person is not None and source.is_person != want_person:
                continue
            if want_plural is not None and source.plural != want_plural:
                continue
            return source
        return None


BRACKETED_WORD = re.compile(r"\((\w{2,})\)")
# Descriptors that mean a person only with a modifier ("a senior figure", "opposition circles").
BARE_NOT_PEOPLE = {"figure", "circle", "quarter", "camp"}
# Heads that name a part or a number of a group: "a number of lawmakers", "some of the diplomats".
QUANTITY_HEADS = {"number", "group", "handful", "couple", "dozen", "dozens", "hundreds", "thousands", "scores",
                  "some", "many", "several", "few", "most", "all", "both", "each", "half", "rest", "lot", "lots"}


def is_poll_share(root: Token) -> bool:
    """ "eight of 10 voters", "four in 10 Americans", "two out of three": a share of a counted
    whole, which is how polls report; "two of the officials" counts people, not a share."""
    if root.like_num or root.pos_ == "NUM":
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "out"):
                for whole in prep.subtree:
                    if whole.dep_ == "pobj" and any(c.dep_ == "nummod" for c in whole.children):
                        return True
        return False
    return root.tag_ in ("NNS", "NNPS") and any(
        c.dep_ == "nummod" and any(q.dep_ == "quantmod" and q.lower_ in ("in", "of", "out") for q in c.lefts)
        for c in root.children)

class SourceClassifier:
    def __init__(self, outlet_entries: dict[str, tuple[str, object]]):
        self.outlet_entries = outlet_entries

    # -- helpers -------------------------------------------------------------------------
    def _outlet_name(self, hit: Hit) -> Optional[str]:
        entry = self.outlet_entries.get(hit.rule_id)
        return entry[1].canonical if entry else None

    @staticmethod
    def _rule(hit: Hit) -> str:
        return hit.rule_id.split("#", 1)[0]

    def outlet_hit(self, hits: HitIndex, tokens: list[Token], root: Optional[Token] = None) -> Optional[Hit]:
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
            if entry is not None and entry[1].ambiguous and matched.lower() == entry[1].name.lower() and not all(
                    t.pos_ == "PROPN" or t.lower_ == "the" for t in doc[hit.start:hit.end]):
                continue  # "People familiar with the matter" is not People magazine
            return hit
        return None

    @staticmethod
    def _has_context_body(hits: HitIndex, tokens: list[Token]) -> Optional[Hit]:
        """An official body or a country among the tokens: makes a title official.
        A place inside an organisation's name ("University of Washington") does not count."""
        for hit in hits.within([t.i for t in tokens], "official", "body", "function", "state"):
            doc = tokens[0].doc
            if hit.type == "state" and (doc[hit.start].ent_type_ in ORG_ENTS or (hit.end < len(doc) and doc[hit.end].text == "-")):
                continue
            return hit
        return None

    @staticmethod
    def _has_group_ent(tokens: list[Token]) -> bool:
        """A country or nationality among the tokens ("Ukraine's air force spokesman"), but not an
        adjective made of a place ("a Washington-based developer")."""
        doc = tokens[0].doc if tokens else None
        return any((t.ent_type_ in GROUP_ENTS or t.ent_type_ in PLACE_ENTS)
                   and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-") for t in tokens)

    def _org_hit(self, hits: HitIndex, tokens: list[Token]) -> Optional[Hit]:
        for hit in hits.within([t.i for t in tokens], "named_other", "organisation"):
            return hit
        return None

    # -- the decision --------------------------------------------------------------------
    def classify(self, root: Token, hits: HitIndex, ctx: ArticleContext) -> Optional[Source]:
        source = self._classify(root, hits, ctx)
        if source is not None:
            source.root_i = root.i
        return source

    def _classify(self, root: Token, hits: HitIndex, ctx: ArticleContext) -> Optional[Source]:
        core = noun_phrase(root)
        extra = attachments(root)
        extended = sorted(set(core) | set(extra), key=lambda t: t.i)
        text, start, end = span_text(core)
        plural = root.tag_ in ("NNS", "NNPS") or root.lower_ in PLURAL_PRONOUNS

        def make(label: str, rule_id: str, resolved: Optional[str] = None, person: bool = False, outlet: Optional[str] = None,
                 hit: Optional[Hit] = None) -> Source:
            full_text, full_start, full_end = span_text(extended) if extra and root.ent_type_ in PERSON_ENTS else (text, start, end)
            if hit is not None:  # the whole outlet name: "The Times of Israel", not the parse's "The Times"
                span = root.doc[min(hit.start, core[0].i):max(hit.end, root.i + 1)]
                full_text, full_start, full_end = span.text, span.start_char, span.end_char
            return Source(label, rule_id, full_text or text, resolved or full_text or text, full_start or start, full_end or end,
                          is_person=person, plural=plural, outlet=outlet)

        lower = root.lower_
        if root.text in ctx.acronyms and root.text.isupper():
            label, rule, full = ctx.acronyms[root.text]
            return make(label, rule, resolved=full)  # "the JCS" after "Joint Chiefs of Staff (JCS)"
        if is_poll_share(root):
            return None  # "eight of 10 voters say", "four in 10 Americans": a poll's finding, not a source
        part_of_group = lower == "one" or root.pos_ == "NUM" or lower in QUANTITY_HEADS
        if part_of_group:
            # "one of the people", "two of the officials", "a number of lawmakers": the group is the source
            group = next((g for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
            if group is not None:
                return self._classify(group, hits, ctx)
        # "one of them said", "most of them": part of the group named before.
        if part_of_group and any(c.dep_ == "prep" and c.lower_ == "of"
                                 and any(g.lower_ in ("them", "those", "these") for g in c.children)
                                 for c in root.children):
            earlier = ctx.last(want_plural=True)
            if earlier is not None:
                return Source(earlier.label, "ref.pronoun", text, earlier.resolved, start, end, is_person=True, key=earlier.key)
        # Back-references by pronoun: the nearest earlier source of the right kind.
        if lower in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            if lower in PERSON_PRONOUNS:
                earlier = ctx.last(want_person=True, want_plural=False)
                named = ctx.person_before(root.idx)
                if earlier is None and named is not None:
                    known = ctx.people.get(named)
                    if known is not None:
                        return Source(known[0], "ref.pronoun", text, known[3], start, end, is_person=True, key=known[2])
            elif lower in PLURAL_PRONOUNS:
                earlier = ctx.last(want_person=True, want_plural=True) or ctx.last(want_plural=True) or ctx.last()
            elif lower in THING_PRONOUNS:
                earlier = ctx.last(want_person=False)
            else:
                earlier = None
            if earlier is None:
                return None
            return Source(earlier.label, "ref.pronoun", text, earlier.resolved, start, end,
                          is_person=earlier.is_person, plural=earlier.plural, outlet=earlier.outlet, key=earlier.key)
        if root.pos_ == "PRON" and not hits.within([root.i], "anonymous_source"):
            return None
        named = self._named_members(root, hits, ctx)
        if named is not None:
            return named
        earlier = self._described_before(root, core, hits, ctx)
        if earlier is not None:
            return Source(earlier[0], "ref.definite", text, earlier[1], start, end, is_person=True, key=earlier[2])

        if hits.within([root.i], "named_other", "not_a_source"):
            return None
        if root.like_num or any(t.lower_ in ("percent", "%", "majority", "plurality", "minority") for t in core + extra):
            return None  # "63 percent said", "a majority of voters expect": a poll's finding, not a source

        # Satellite imagery, by its words or its provider.
        imagery = hits.within([t.i for t in core], "imagery")
        if imagery:
            return make("satellite-imagery", self._rule(imagery[0]))
        if ctx.seen_imagery and root.lemma_.lower() in IMAGE_WORDS and any(t.lower_ in ("the", "these", "those") for t in core):
            return make("satellite-imagery", "ref.imagery")

        # Documents: the head noun names written or statistical evidence.
        if root.pos_ == "NOUN" and root.lemma_.lower() in STATEMENT_NOUNS and any(t.lower_ in ("the", "this", "that") for t in core):
            earlier = ctx.last()
            if earlier is not None:
                return Source(earlier.label, "ref.statement", text, earlier.resolved, start, end,
                              is_person=earlier.is_person, plural=earlier.plural, outlet=earlier.outlet)
        document = [h for h in hits.within([root.i], "document") if root.pos_ == "NOUN" or h.type == "document_phrase"]
        # The tagger often reads "a company filing" / "a court ruling" as a noun with a participle.
        document += [h for c in root.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i == root.i + 1
                     for h in hits.within([c.i], "document")]
        if document:
            outlet = self.outlet_hit(hits, extended)
            if outlet is not None and root.lemma_.lower() in NEWS_REPORT_NOUNS:
                return make("secondary-outlet", self._rule(outlet), outlet=self._outlet_name(outlet), hit=outlet)
            return make("document", self._rule(document[0]))

        # Another news organisation.
        outlet = self.outlet_hit(hits, core, root)
        if outlet is not None and (outlet.start <= root.i < outlet.end or root.lemma_.lower() in {"agency", "newspaper", "network", "channel", "broadcaster", "paper", "outlet", "station", "site", "website", "tabloid", "magazine", "daily", "service", "television", "media", "radio"}):
            return make("secondary-outlet", self._rule(outlet), outlet=self._outlet_name(outlet), hit=outlet)

        if root.pos_ == "PROPN" and root.ent_type_ not in PERSON_ENTS and any(
                t.lemma_.lower() in OUTLET_NOUNS and t.i < root.i and t.dep_ in ("compound", "nmod", "appos", "amod") for t in core):
            return make("secondary-outlet", "outlet.generic_mentions", outlet=text)

        if hits.within([t.i for t in core], "anonymous_source", "unnamed_marker"):
            return make("anonymous", "anon.unnamed_marker", person=True)

        ent = entity_of(root)
        if ent is not None and ent.label_ in PERSON_ENTS:
            return self.classify_person(root, ent, extended, hits, ctx, make)
        if root.pos_ == "PROPN" and (ent is None or ent.label_ in ORG_ENTS) and (
                (ent is not None and ent.text in ctx.people) or root.text in ctx.people):
            # The tagger calls a later "Husted" an organisation; the article named him as a person.
            return self.classify_person(root, ent if ent is not None else root.doc[root.i:root.i + 1],
                                        extended, hits, ctx, make)

        # "Mayor Jill Hartman's office", "the senator's spokesman": speaks for the person named.
        if root.lemma_.lower() in ("office", "spokesman", "spokeswoman", "spokesperson", "press office", "campaign", "lawyer", "attorney"):
            owner = next((c for c in root.children if c.dep_ == "poss" and c.ent_type_ in PERSON_ENTS), None)
            if owner is not None:
                owner_ent = entity_of(owner)
                person = self.classify_person(owner, owner_ent, noun_phrase(owner) + attachments(owner), hits, ctx, make)
                if person is not None:
                    label = person.label if root.lemma_.lower() not in ("lawyer", "attorney", "campaign") else "named-other"
                    return make(label, person.rule_id, resolved=person.resolved, person=True)

        # Spokespeople speak on the record for the body they name.
        spokes = hits.within([root.i], "official", "spokesperson")
        if spokes:
            if self._has_context_body(hits, extended) or self._has_group_ent(extended):
                return make("named-official", self._rule(spokes[0]), person=True)
            if self._org_hit(hits, extended) or any(t.ent_type_ in ORG_ENTS for t in extended):
                return make("named-other", "other.organisation", person=True)
            named = [t for t in extra if t.ent_type_ in PERSON_ENTS]
            if named:
                return make("named-official", self._rule(spokes[0]), person=True)
            if any(t.lower_ == "the" for t in core):
                # "the spokesman" points back to the spokesperson named before
                earlier = next((s for s in reversed(ctx.history) if "spokes" in s.resolved.lower()), None)
                if earlier is not None:
                    return Source(earlier.label, "ref.definite", text, earlier.resolved, start, end, is_person=True, key=earlier.key)
                named_before = [name for offset, name in ctx.mentions if offset < root.idx
                                and "spokes" in ctx.people.get(name, ("", "", "", ""))[3].lower()]
                if named_before:
                    known = ctx.people[named_before[-1]]
                    return Source(known[0], "ref.definite", text, known[3], start, end, is_person=True, key=known[2])
            return make("anonymous", "anon.descriptor", person=True)

        reference = hits.within([root.i], "named_other", "reference")
        if reference:
            wanted = ("named-official",) if root.lemma_.lower() in OFFICIAL_REFERENCES else ("named-other",)
            earlier = next((s for s in reversed(ctx.history) if not s.is_person and s.label in wanted), None)
            if earlier is None and root.lemma_.lower() not in ("company", "firm", "group"):
                earlier = next((s for s in reversed(ctx.history) if not s.is_person
                                and s.label in ("named-other", "named-official")), None)
            if earlier is not None:
                return Source(earlier.label, "other.reference", text, earlier.resolved, start, end, outlet=earlier.outlet)
            if root.lemma_.lower() in OFFICIAL_REFERENCES:
                return make("named-official", "other.reference")  # "the ministry said" with none named before
            return make("named-other", "other.reference")

        states = [h for h in hits.within([root.i], "official", "state") if h.end - 1 == root.i
                  and (ent is None or ent.label_ == "GPE" or (ent.end - ent.start) <= (h.end - h.start))]
        if states:
            return make("named-official", self._rule(states[0]))
        # An unnamed source that asked for anonymity is anonymous whatever its role.
        requests = hits.within([t.i for t in root.subtree], "anonymous_source", "anonymity_request")
        if requests and not any(h.start <= root.i < h.end for h in requests):
            return make("anonymous", "anon.anonymity_request", person=True)
        if any(h.start <= root.i < h.end for h in requests):
            return None  # "speaking on condition of anonymity": the condition is no source

        function = hits.within([root.i], "official", "function")
        indefinite = any(t.lower_ in ("a", "an", "one", "another") for t in core)
        if function and indefinite and not plural and root.lemma_.lower() not in ("court", "jury", "panel", "judge"):
            return make("anonymous", "anon.descriptor", person=True)  # "an investigator" is one unnamed person
        if function and (root.lemma_.lower() not in ("state", "country", "nation") or any(t.lower_ == "the" for t in core)):
            return make("named-official", self._rule(function[0]))

        covering_body = [h for h in hits.within([root.i], "official", "body") if h.start <= root.i < h.end and h.end - h.start > 1]
        if covering_body:
            return make("named-official", self._rule(covering_body[0]))

        unique = hits.within([root.i], "official", "title")
        unique = [h for h in unique if self._rule(h) == "official.unique_title"]
        if unique and not hits.within([t.i for t in core], "official", "not_official"):
            return make("named-official", "official.unique_title", person=True)

        titles = hits.within([root.i], "official", "title")
        if titles and not hits.within([t.i for t in core], "official", "not_official"):
            rule = self._rule(titles[0])
            definite = not any(t.lower_ in ("a", "an", "some", "many", "several") or t.like_num for t in core)
            if rule == "official.title" and not plural and (definite or root.lemma_.lower() in ("judge", "justice")):
                return make("named-official", rule, person=True)
            if rule == "official.title_of_body" and not plural and definite and (
                    self._has_context_body(hits, extended) or self._has_group_ent(extended)):
                return make("named-official", rule, person=True)
            if plural and definite and rule == "official.title" and any(t.lower_ == "the" for t in core):
                return make("named-official", "ref.definite", person=True)  # "the senators" named before
            if plural or not definite:
                return make("anonymous", "anon.descriptor", person=True)
        if titles:  # "the former president": a title that holds no office now
            return make("named-other", "official.not_official", person=True)

        descriptor = hits.within([root.i], "anonymous_source", "descriptor")
        if descriptor and root.lemma_.lower() in BARE_NOT_PEOPLE and not any(
                c.dep_ in ("amod", "compound", "nmod", "poss") for c in root.children):
            return None  # "cited the figure" is a number; "a senior Hamas figure" is a person
        if descriptor:
            # "the analyst Tom Reyes", "a resident, Ana Diaz,": the person is named after all
            for named in (c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.ent_type_ in PERSON_ENTS):
                person = self._classify(named, hits, ctx)
                if person is not None and person.label in ("named-official", "named-other"):
                    return person
            if root.lemma_.lower() not in ("official", "source", "officer", "diplomat", "aide", "insider", "person", "people"):
                org = [t for t in extra if t.ent_type_ in ORG_ENTS] + [
                    t for h in hits.within([t.i for t in extra], "named_other", "organisation") for t in [root.doc[h.start]]] + [
                    # "analysts at Jefferies": a proper name after "at" is an employer, not a place
                    t for c in root.children if c.dep_ == "prep" and c.lower_ == "at"
                    for t in c.children if t.dep_ == "pobj" and t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "FAC")]
                if org and not self._has_context_body(hits, extra):
                    return make("named-other", "other.organisation", person=True)
            return make("anonymous", "anon.descriptor", person=True)

        body = hits.within([t.i for t in core], "official", "body")
        covering = [h for h in body if h.start <= root.i < h.end]
        if covering:
            return make("named-official", self._rule(covering[0]))

        if ent is not None and ent.label_ in GROUP_ENTS or hits.within([root.i], "anonymous_source", "group"):
            return make("anonymous", "anon.group", person=True)

        if body:
            return make("named-official", self._rule(body[0]))
        organisation = [t for t in extended if t.ent_type_ in ORG_ENTS and not hits.within([t.i], "outlet")]
        if organisation or self._org_hit(hits, extra) or hits.within([root.i], "named_other", "organisation"):
            return make("named-other", "other.organisation")
        if ent is not None and ent.label_ in ORG_ENTS or (root.pos_ == "PROPN" and root.is_title and (ent is None or ent.label_ not in NOT_SOURCE_ENTS)):
            return make("named-other", "other.named_entity")
        if root.tag_ == "NN" and root.pos_ == "NOUN" and root.dep_ == "nsubj" and any(
                t.lower_ in ("a", "an", "one", "another") for t in core):
            return make("anonymous", "anon.descriptor", person=True)  # "a taxi driver said"
        if root.tag_ == "NNS" and root.pos_ == "NOUN" and root.dep_ == "nsubj":
            return make("anonymous", "anon.descriptor", person=True)
        return None

    @staticmethod
    def _described_before(root: Token, core: list[Token], hits: HitIndex,
                          ctx: ArticleContext) -> Optional[tuple[str, str, str]]:
        """ "the analyst", "the Democratic presidential nominee": a definite description of one
        person points back to the person the article described with that word ("Michael
        Kofman, a military analyst", "Democratic presidential nominee Hillary Clinton").
        (label, resolved, key) of that person, or None when nobody was described so."""
        if root.pos_ != "NOUN" or root.tag_ != "NN" or not any(t.lower_ == "the" and t.dep_ == "det" for t in core):
            return None
        if hits.within([root.i], "named_other", "reference") or hits.within([root.i], "official", "body", "function"):
            return None  # "the company", "the ministry", "the court": bodies have their own references
        word = re.compile(rf"\b{re.escape(root.lower_)}\b")
        for source in reversed(ctx.history):
            if source.is_person and not source.plural and source.key and word.search(source.text.lower()):
                return source.label, source.resolved, source.key
        for offset, name in reversed(ctx.mentions):
            known = ctx.people.get(name)
            if offset < root.idx and known is not None and word.search(known[3].lower()):
                return known[0], known[3], known[2]
        return None

    def _named_members(self, root: Token, hits: HitIndex, ctx: ArticleContext) -> Optional[Source]:
        """A group described and then named speaks as the names: "critics, including Senator
        Elizabeth Warren,", "groups such as Amnesty International", "presidential candidates
        Hillary Clinton and Donald Trump". Only a plural common noun counts (a singular title
        with its holder's name, "the spokesman, Yuriy Ihnat", is one person and decided as one);
        a name that gets no named label leaves the group as it is."""
        if root.pos_ != "NOUN" or root.tag_ != "NNS":
            return None
        names = PERSON_ENTS | ORG_ENTS
        candidates = [c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.ent_type_ in names]
        for prep in root.children:
            such_as = prep.lower_ == "as" and root.doc[prep.i - 1].lower_ == "such"
            if prep.dep_ == "prep" and (prep.lower_ in ("including", "like") or such_as):
                candidates += [g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ in names]
        for member in candidates:
            source = self._classify(member, hits, ctx)
            if source is not None and source.label in ("named-official", "named-other"):
                return source
        return None

    def classify_person(self, root, ent, extended, hits, ctx, make) -> Optional[Source]:
        name = ent.text
        known = ctx.people.get(name) or ctx.people.get(name.split()[-1])
        if hits.within([t.i for t in extended], "official", "not_official"):
            label, rule = "named-other", "official.not_official"
        else:
            decided = self.person_title(extended, hits)
            if decided is not None:
                label, rule = decided
            elif known is not None:
                rule = known[1] if known[2] == name else "ref.name"
                source = make(known[0], rule, resolved=known[3], person=True)
                source.key = known[2]
                return source
            else:
                label, rule = "named-other", "other.named_entity"
        source = make(label, rule, person=True)
        source.key = known[2] if known is not None else name
        if known is not None and known[2] != name:
            source.resolved = known[3]
        return source

    def _private_organisation(self, hits: HitIndex, tokens: list[Token]) -> bool:
        """A company, university, party or NGO among the tokens, and no official body."""
        if hits.within([t.i for t in tokens], "official", "body", "state"):
            return False
        # Only words that say "organisation" count: NER calls UN missions and parties alike ORG.
        return bool(self._org_hit(hits, tokens))

    def person_title(self, tokens: list[Token], hits: HitIndex) -> Optional[tuple[str, str]]:
        ids = [t.i for t in tokens]
        titles = hits.within(ids, "official", "title")
        private = self._private_organisation(hits, tokens)
        for hit in titles:
            word = tokens[0].doc[hit.start].lower_
            if private and word in SHARED_TITLES:
                continue  # "president of the Sierra Club", "the BJP's state spokesperson"
            if self._rule(hit) in ("official.title", "official.unique_title"):
                return "named-official", self._rule(hit)
        if private:
            return None
        body_context = self._has_context_body(hits, tokens) or self._has_group_ent(tokens)
        if titles and body_context:
            return "named-official", self._rule(titles[0])
        spokes = hits.within(ids, "official", "spokesperson")
        if spokes and (body_context or not self._org_hit(hits, tokens) and not any(t.ent_type_ in ORG_ENTS for t in tokens)):
            return "named-official", self._rule(spokes[0])
        return None

    def register_acronyms(self, doc: Doc, hits: HitIndex, ctx: ArticleContext) -> None:
        """ "South Korea's Joint Chiefs of Staff (JCS)": later mentions of the acronym are that body."""
        for match in BRACKETED_WORD.finditer(doc.text):  # a text search: far cheaper than a look at every token
            span = doc.char_span(match.start(1), match.end(1))
            if span is None or len(span) != 1 or not 2 <= span.start < len(doc) - 1:
                continue
            token = span[0]
            if not (token.text.isupper() and token.is_alpha and len(token) >= 2
                    and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"):
                continue
            before = doc[token.i - 2]
            bodies = [h for h in hits.at(before.i, "official", "body") if h.end == before.i + 1]
            if bodies:
                full = doc[bodies[0].start:bodies[0].end].text
                ctx.acronyms[token.text] = ("named-official", self._rule(bodies[0]), full)
            elif before.ent_type_ in ORG_ENTS:
                ent = entity_of(before)
                ctx.acronyms.setdefault(token.text, ("named-other", "other.named_entity", ent.text if ent else before.text))

    def register_people(self, doc: Doc, hits: HitIndex, ctx: ArticleContext) -> None:
        """Remember every titled person the article names, so "Burns said" finds "CIA Director William Burns"."""
        for ent in doc.ents:
            if ent.label_ not in PERSON_ENTS:
                continue
            root = ent.root
            tokens = sorted(set(noun_phrase(root)) | set(attachments(root)) | set(ent), key=lambda t: t.i)
            # "Jake Sullivan" in "national security adviser Jake Sullivan" may hang off the title.
            if root.dep_ in ("appos", "compound") or root.head.dep_ == "appos":
                tokens = sorted(set(tokens) | set(noun_phrase(root.head)), key=lambda t: t.i)
            if root.dep_ == "conj" and root.head.ent_type_ in PERSON_ENTS:
                # "Senators Charles E. Grassley ... and Patrick J. Leahy": the title covers both.
                tokens = sorted(set(tokens) | {t for t in noun_phrase(root.head) if t.i < root.head.i}, key=lambda t: t.i)
            if hits.within([t.i for t in tokens], "official", "not_official"):
                decided = ("named-other", "official.not_official")
            else:
                decided = self.person_title(tokens, hits)
            label, rule = decided or ("named-other", "other.named_entity")
            full = ent.text
            phrase = noun_phrase(root)
            mention = root.doc[min(t.i for t in phrase):max(t.i for t in phrase) + 1].text if phrase else full
            if full not in mention:
                mention = full
            for key in (full, full.split()[-1]):
                known = ctx.people.get(key)
                # A titled mention is the better evidence: "Sen. Lindsey Graham" decides "Graham"
                # even when the headline named him first without the title.
                if known is None or (known[0] != "named-official" and label == "named-official"):
                    ctx.people[key] = (label, rule, full, mention)
            ctx.mentions.append((ent.start_char, full))
