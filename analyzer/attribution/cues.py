"""Cues: the words that say a sentence rests on a source, and how each kind finds its source.

A cue rule (rules/cues.yml) has a type; each type has one handler here, registered in
CUE_HANDLERS with `@cue_handler(type)`. A handler reads the dependency parse around its cue,
finds the source's words, asks the SourceClassifier (sources.py) what they are, and adds an
attribution through the sentence's `SentenceCues`. Hedges ("reportedly", "it is believed")
are anonymous_source hits, not cues: `hedge` adds them after the cues.

The order of the calls matters and is the component's: cue hits in text order, then hedges. An
attribution added earlier wins the dedupe; a subject credited once (`used_sources`) is not again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..nlp.syntax import (MEASURE_ENTS, first_subject_before, inside_reported_clause, joined_phrases,
                          object_after, passive_subject, person_named_before, recipients, subject as subject_of,
                          trailing_tag_speaker)
from ..nlp.verb_reads import (evidence_compounded, evidence_verb_read_as_noun, names_its_object,
                              opening_noun_read_as_verb, passive_agent, verb_tagged_noun)
from ..records import Attribution
from ..rules.matcher import Hit, HitIndex
from ..rules.refs import rule_ref
from ..rules.schema import Rule
from .anonymity import describe as describe_anonymous
from .quotations import quote_type
from .decisions.evidence import imagery_in_clauses
from .decisions.phrase import rule_of
from .content import a_chance_to_speak, an_act_not_a_claim, has_content, objects_with_content, report_with_content
from .interlocutors import (journalist_told, only_outlet, outlet_journalists, outlet_source, quoted_title,
                            said_on_air)
from .sources import ArticleContext, Source, SourceClassifier
from .written import writers_of, written_in

# What a credit phrase can hand over as material of its own ("images obtained by CNN").
MATERIAL_LABELS = ("satellite-imagery", "document")
# Passive cues whose subject is the one quoted or cited ("Peskov was quoted by TASS").
QUOTED_VERBS = ("quoted", "cited")
AGENTLESS_PASSIVE = rule_ref("anon.agentless_passive")

# The cue types whose hit is a verb: a verb cue inside another's reported clause is no cue.
VERB_CUE_TYPES = ("speech_verb", "evidence_verb")
PUBLISHING_VERBS = ("publish", "release", "circulate")

CueHandler = Callable[["SentenceCues", Hit, Rule], None]
CUE_HANDLERS: dict[str, CueHandler] = {}


def cue_handler(cue_type: str) -> Callable[[CueHandler], CueHandler]:
    """Decorator: register the function as the handler of the cue rules of `cue_type`."""
    def register(function: CueHandler) -> CueHandler:
        if cue_type in CUE_HANDLERS:
            raise ValueError(f"cue type {cue_type} has two handlers: {CUE_HANDLERS[cue_type].__name__}, {function.__name__}")
        CUE_HANDLERS[cue_type] = function
        return function
    return register


@dataclass
class SentenceCues:
    """One sentence's cue work: what the handlers read, and the attributions they add."""

    sent: Span
    index: int                                   # the sentence's index in the article
    hits: HitIndex
    ctx: ArticleContext
    quote_spans: list[tuple[int, int]]
    classifier: SourceClassifier
    cue_hits: list[Hit] = field(default_factory=list)
    cue_verbs: set[int] = field(default_factory=set)      # token index of every verb cue
    used_sources: set[int] = field(default_factory=set)   # token index of every subject already credited
    found: list[Attribution] = field(default_factory=list)
    pending: list[Source] = field(default_factory=list)   # speakers, for back-references once the sentence is done

    @classmethod
    def of(cls, sent: Span, index: int, hits: HitIndex, ctx: ArticleContext, quote_spans,
           classifier: SourceClassifier) -> "SentenceCues":
        """The sentence's cue hits, in text order, and its verb cues."""
        doc = sent.doc
        cue_hits = hits.starting_in(sent.start, sent.end, "cue")
        cue_verbs = {h.start for h in cue_hits
                     if h.type in VERB_CUE_TYPES and doc[h.start].pos_ in ("VERB", "AUX")}
        return cls(sent, index, hits, ctx, quote_spans, classifier, cue_hits, cue_verbs)

    @property
    def doc(self) -> Doc:
        return self.sent.doc

    def inside_quote(self, token: Token) -> bool:
        return any(s <= token.idx < e for s, e in self.quote_spans)

    def add(self, source: Optional[Source], cue_tokens: Iterable[Token], cue_rule: str, speaker: bool = True,
            only: Iterable[str] = ()) -> None:
        """Attribute the sentence to the source (nothing when None, or when its label is not in `only`)."""
        if source is None:
            return
        if only and source.label not in only:
            return
        cue_text = " ".join(t.text for t in cue_tokens)
        details = None
        if source.label == "anonymous":
            root = self.doc[source.root_i] if source.root_i is not None else None
            details = describe_anonymous(root, self.sent, self.hits, self.classifier.lexicon)
        self.found.append(Attribution(
            sentence_index=self.index, label=source.label, source=source.text, resolved_source=source.resolved,
            cue=cue_text, quote_type=quote_type(self.sent, self.quote_spans), start_char=source.start_char,
            end_char=source.end_char, rule_id=source.rule_id, cue_rule_id=cue_rule, outlet=source.outlet,
            speaker=speaker, source_key=source.key, anonymous=details, step=source.step))
        if speaker:
            self.pending.append(source)
        if source.label == "document":  # for "..., Reyes wrote" after "in a memo" (written.py)
            self.ctx.documents.append(source)
        if source.label == "secondary-outlet":  # for "the host pressed her" (decisions/references.py)
            self.ctx.outlets.append(source)
        if source.label == "secondary-outlet" and source.outlet in self.classifier.lexicon.unnamed_outlets:
            # "media reports said": news reports with no outlet named rest on nobody in particular too
            self.add(replace(source, label="anonymous"), cue_tokens, cue_rule, speaker=False)

    def classify_all(self, root: Optional[Token]) -> list[Source]:
        """The sources of a noun phrase and of the nouns joined to it ("the mayor and two aides")."""
        if root is None:
            return []
        roots = joined_phrases(root, self.classifier.lexicon.past_office)
        return [s for s in (self.classifier.classify(r, self.hits, self.ctx) for r in roots) if s is not None]

    def unused(self, subject: Optional[Token]) -> bool:
        """A subject that no earlier cue of the sentence has credited."""
        return subject is not None and subject.i not in self.used_sources


# -- verbs: "X said", "the images show" ------------------------------------------------------
@cue_handler("speech_verb")
def speech_verb(cues: SentenceCues, hit: Hit, rule: Rule) -> None:
    """A verb of saying credits its subject: "Police said a man was arrested", "the senator
    argued that ...", "a spokesman, Ana Diaz, said". With the rule's options, also the outlet
    told ("told CNN", recipient), the person quoted ("IRNA quoted General Salami as saying",
    object_speaks), and the document it was said in ("prosecutors allege in a complaint")."""
    verb = cues.doc[hit.start]
    if not _verb_cue_applies(cues, verb, rule):
        return
    _credit_subject(cues, verb, _speaker_of(cues, verb), hit.rule_id, allowed=None)
    if rule.object_speaks:
        _quoted_object(cues, verb, hit.rule_id)
    for recipient in recipients(verb) if rule.recipient else []:
        outlet = only_outlet(cues.classify_all(recipient)) or journalist_told(recipient, verb, cues.hits, cues.classifier)
        cues.add(outlet, [verb], hit.rule_id, speaker=False)
    for journalist in outlet_journalists(cues.sent, cues.hits, cues.classifier, cues.inside_quote):
        cues.add(journalist, [verb], hit.rule_id, speaker=False)
    for outlet in said_on_air(verb, cues.hits, cues.classifier):
        cues.add(outlet, [verb], hit.rule_id, speaker=False)
    _document_said_in(cues, verb, hit.rule_id)
    # "The Hill's Jordan Fabian wrote that ...": a journalist writes the outlet's reporting, no document
    if not any(a.label in ("document", "secondary-outlet") for a in cues.found):
        cues.add(written_in(cues.ctx, verb), [verb], hit.rule_id, speaker=False)


@cue_handler("evidence_verb")
def evidence_verb(cues: SentenceCues, hit: Hit, rule: Rule) -> None:
    """A verb whose subject is evidence, not a person: "Satellite images show new craters",
    "a company filing shows", "the report found that ...". Only subjects with a label in the
    rule's subject_must_be count ("the move suggests" is no source)."""
    verb = cues.doc[hit.start]  # "lawsuits seeking information": a noun described by what it asks, no citation
    if not _verb_cue_applies(cues, verb, rule) or verb.dep_ == "acl" and verb.lemma_ in cues.classifier.lexicon.request_verbs:
        return
    # "..., the data show.", "..., a CNN/ORC poll shows.", "Federal data show apprehensions rose"
    subject = trailing_tag_speaker(verb) or subject_of(verb) or evidence_compounded(verb) or passive_agent(verb)
    if subject is None:
        subject = first_subject_before(verb)
    _credit_subject(cues, verb, subject, hit.rule_id, allowed=rule.subject_must_be)


def _speaker_of(cues: SentenceCues, verb: Token) -> Optional[Token]:
    """The subject of a verb of saying, mended where the parser is known to go wrong."""
    subject = subject_of(verb) or opening_noun_read_as_verb(verb)
    tag = trailing_tag_speaker(verb)
    if tag is not None and (subject is None or subject.i < tag.i):
        subject = tag  # "..., The Washington Post reported Tuesday."
    if subject is not None and cues.inside_quote(subject) and not cues.inside_quote(verb):
        subject = _speaker_next_to(cues, verb)  # the parser took a word of the quotation for the speaker
    if subject is None or subject.head != verb or any(c.tag_ == "POS" for c in subject.children):
        subject = next((c for c in reversed(list(verb.lefts)) if _misread_subject(cues, c)), subject)
    # A long opening loses ", said"'s subject or lends it a distance ("about 30km from Beira, Joana Machava, a trader, said")
    return person_named_before(verb) or subject if subject is None or subject.ent_type_ in MEASURE_ENTS else subject


def _misread_subject(cues: SentenceCues, token: Token) -> bool:
    """ "..., the candidate's former doctor maintains.", "As the Post notes, ...": the parser hangs the
    speaker on the verb (lending it the main clause's subject); "Tully said", "Axios reported": an adverb."""
    if token.dep_ == "compound" or token.dep_ == "poss" and report_with_content(token.head):
        return token.pos_ in ("NOUN", "PROPN")  # "Trump's claim that ...": whose claim
    return token.dep_ in ("advmod", "npadvmod") and token.is_title and (
        token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or bool(cues.hits.within([token.i], "outlet")))


def _speaker_next_to(cues: SentenceCues, verb: Token) -> Optional[Token]:
    """ "'...,' Tulsa police Chief Chuck Jordan said": the noun right before the verb, outside
    the quotation; or right after it ("..., said Rep. Jo Hale")."""
    doc = cues.doc
    for i in (verb.i - 1, verb.i + 1):
        if cues.sent.start <= i < cues.sent.end and doc[i].pos_ in ("PROPN", "NOUN") and not cues.inside_quote(doc[i]):
            token = doc[i]
            while token.dep_ in ("compound", "flat") and token.head.i != token.i:
                token = token.head
            return token
    return None


def _verb_cue_applies(cues: SentenceCues, verb: Token, rule: Rule) -> bool:
    """A verb cue counts as a verb ("the said report" does not), with content when the rule
    needs it ("believes that ..." but not "found her keys"), and outside a clause that reports
    someone else's words ("she said police found that ...": only "said" is a cue)."""
    as_noun = evidence_verb_read_as_noun(verb) or report_with_content(verb)  # "Satellite images from Maxar show ..."
    if verb.dep_ == "amod" or (verb.dep_ == "compound" and not as_noun) or (
            verb.pos_ not in ("VERB", "AUX") and not verb_tagged_noun(verb) and not as_noun):
        return False
    content = has_content(verb, cues.quote_spans, cues.classifier.lexicon.asking_verbs)
    said_nothing = any(c.dep_ == "dobj" and c.lower_ in ("little", "nothing") for c in verb.children)
    if (rule.needs_clause or names_its_object(verb) or said_nothing or a_chance_to_speak(verb)) and not content:
        # "a memo she wrote a decade ago resurfaced": the memo described; "has said little publicly": no claim
        return False
    if an_act_not_a_claim(verb, cues.hits, cues.classifier.lexicon.act_documents):
        return False
    if any(c.dep_ == "advmod" and cues.hits.within([c.i], "anonymous_source", "hedge") for c in verb.children):
        return False  # "DeLuca allegedly told his staff": the telling is the hedge's claim, not his word
    return not inside_reported_clause(verb, cues.cue_verbs)


def _credit_subject(cues: SentenceCues, verb: Token, subject: Optional[Token], rule_id: str,
                    allowed: Optional[list[str]]) -> None:
    """The subject's sources (only labels in `allowed`, when given), then any images in its clauses
    ("analysts who studied the images said") and the writer of a letter it is ("a memo from Gov. Ashby warned")."""
    if not cues.unused(subject):
        return
    for source in cues.classify_all(subject):
        if allowed is not None and source.label not in allowed:
            continue
        cues.used_sources.add(subject.i)
        cues.add(source, [verb], rule_id)
    lexicon = cues.classifier.lexicon
    for source in imagery_in_clauses(subject, cues.hits, cues.ctx, lexicon.image_words) + writers_of(
            subject, lexicon, cues.classify_all):
        cues.add(source, [verb], rule_id)


def _quoted_object(cues: SentenceCues, verb: Token, rule_id: str) -> None:
    """ "IRNA quoted General Salami as saying": the object speaks too; without "as saying" only
    a person quoted does ("The Daily Caller quoted a donor, Rick Albanese, defending ..."), not
    "a price"."""
    said_as = any(g.dep_ == "prep" and g.lower_ == "as" for g in verb.children)
    for quoted in (c for c in verb.children if c.dep_ == "dobj"):
        for source in cues.classify_all(quoted):
            if said_as or source.is_person:
                cues.add(source, [verb], rule_id)


def _document_said_in(cues: SentenceCues, verb: Token, rule_id: str) -> None:
    """ "prosecutors allege in a criminal complaint": the speaker and the document."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for source in cues.classify_all(pobj):
                    cues.add(source, [verb], rule_id, speaker=False, only=("document",))


# -- phrases: "according to X", "obtained by X" --------------------------------------------
@cue_handler("source_phrase")
def source_phrase(cues: SentenceCues, hit: Hit, rule: Rule) -> None:
    """A phrase followed by its source: "according to the ministry", "per The Times of
    Israel", "citing two officials", "in an interview with the BBC", "first reported by the
    Financial Times", "In a 2013 memo, ..."; and "Peskov was quoted by TASS": the one quoted;
    "a letter from the mayor": the writer too (written.py)."""
    cue_tokens = list(cues.doc[hit.start:hit.end])
    verb = cues.doc[hit.start]
    if any(c.dep_ == "neg" for c in verb.children) or verb.lower_ == "cited" and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return  # "the data had not yet been published in a journal": no one's word; "cited the owner for": a penalty
    quoted = passive_subject(verb)
    _phrase_object(cues, hit, rule, cue_tokens, outlets_only=False)
    for source in writers_of(object_after(cues.doc, hit.start, hit.end), cues.classifier.lexicon, cues.classify_all):
        cues.add(source, cue_tokens, hit.rule_id)
    if quoted is not None and verb.lower_ in QUOTED_VERBS:
        for source in cues.classify_all(quoted):
            cues.add(source, cue_tokens, hit.rule_id)


@cue_handler("broadcast")
def broadcast(cues: SentenceCues, hit: Hit, rule: Rule) -> None:
    """A programme of another outlet the speaker appeared on: "On Sunday's broadcast of 'Fox
    News Sunday,'", "appearing on CNN". An outlet the gazetteer knows is credited as any
    outlet is; a programme title in quotation marks it does not know ("On Tuesday's episode
    of 'The Steve Harvey Morning Show'") is that programme's reporting all the same."""
    cue_tokens = list(cues.doc[hit.start:hit.end])
    before = len(cues.found)
    _phrase_object(cues, hit, rule, cue_tokens, outlets_only=True)
    if len(cues.found) > before:
        return
    programme = object_after(cues.doc, hit.start, hit.end)
    owner = cues.classifier.outlet_hit(cues.hits, list(programme.subtree)) if programme is not None else None
    if owner is not None:  # "speaking on CNN's 'State of the Union'": the outlet that owns it
        cues.add(outlet_source(cues.doc, owner, cues.classifier), cue_tokens, hit.rule_id, speaker=False)
        return
    title = quoted_title(cues.sent, hit.end)
    if title is not None:
        source = Source("secondary-outlet", hit.rule_id, title.text, title.text, title.start_char, title.end_char,
                        outlet=title.text)
        cues.add(source, cue_tokens, hit.rule_id, speaker=False)


@cue_handler("credit_phrase")
def credit_phrase(cues: SentenceCues, hit: Hit, rule: Rule) -> None:
    """A passive credit of material: "images obtained by CNN", "a memo reviewed by Reuters",
    "satellite images provided to Reuters by Maxar". The material (images, a document) is a
    source; who holds it counts when it is an outlet or when there is such material ("seen by
    a doctor" is no source)."""
    cue_tokens = list(cues.doc[hit.start:hit.end])
    verb = cues.doc[hit.start]
    credited = verb.head if verb.dep_ in ("acl", "relcl") else passive_subject(verb)
    material = [s for s in cues.classify_all(credited) if s.label in MATERIAL_LABELS]
    for source in material:
        cues.add(source, cue_tokens, hit.rule_id)
    _phrase_object(cues, hit, rule, cue_tokens, outlets_only=not material)
    # "leaked to CNN by a former aide": the agent after a cue that ends in "to" (not for rules
    # with subject_must_be: "provided to Reuters by Maxar" credits the outlet, not the provider).
    if cues.doc[hit.end - 1].lower_ != "by" and not rule.subject_must_be:
        for source in cues.classify_all(passive_agent(verb)):
            cues.add(source, cue_tokens, hit.rule_id)


def _phrase_object(cues: SentenceCues, hit: Hit, rule: Rule, cue_tokens: list[Token], outlets_only: bool) -> None:
    """The noun phrase after the cue, with a label in the rule's subject_must_be when it has
    one; an outlet is credited but does not speak (a quotation carries only speakers)."""
    for source in cues.classify_all(object_after(cues.doc, hit.start, hit.end)):
        if outlets_only and source.label != "secondary-outlet":
            continue
        if rule.subject_must_be and source.label not in rule.subject_must_be:
            continue
        cues.add(source, cue_tokens, hit.rule_id, speaker=source.label != "secondary-outlet")


# -- documents, frames, refusals ------------------------------------------------------------
@cue_handler("document_verb")
def document_verb(cues: SentenceCues, hit: Hit, rule: Rule) -> None:
    """Sending or releasing a document or a statement: "The two senators sent a letter ...",
    "the company filed a lawsuit", "the ministry issued a statement". The document is a
    source, and so is its sender ("sent workers home" is neither)."""
    verb = cues.doc[hit.start]
    if verb.pos_ != "VERB" or (verb.dep_ in ("ccomp", "xcomp")
                               and verb.head.lemma_.lower() in cues.classifier.lexicon.request_verbs):
        return  # "urged the agency to release the memo": asked for, not released
    if not rule.needs_clause and inside_reported_clause(verb, cues.cue_verbs):
        # "The Post noted that she signed the executive order": what the Post says, not a source;
        # but "The Post said it had reviewed vouchers showing ...": the vouchers are its evidence
        return
    objects = objects_with_content(verb, cues.classifier.lexicon, cues.quote_spans, only_own=rule.needs_clause)
    documents = [s for c in objects for s in cues.classify_all(c) if s.label == "document"]
    statement = any(c.lemma_.lower() in cues.classifier.lexicon.statement_nouns for c in objects)
    if not documents and not statement:
        # "BuzzFeed News obtained the documents", "The Times on Tuesday published what may be the most
        # damaging story yet": what an outlet obtained or published is its reporting (and the outlet
        # a later "the paper" points back to); not "a poll published on Saturday"
        published = verb.lemma_ in PUBLISHING_VERBS and any(c.dep_ == "nsubj" for c in verb.children)
        if rule.needs_clause or published:
            cues.add(only_outlet(cues.classify_all(subject_of(verb))), [verb], hit.rule_id, speaker=published)
        return
    for source in documents:
        cues.add(source, [verb], hit.rule_id)
    credit_once(cues, subject_of(verb), [verb], hit.rule_id)


def credit_once(cues: SentenceCues, subject: Optional[Token], cue_tokens: list[Token], rule_id: str,
                 only: Iterable[str] = ()) -> None:
    """The subject's sources (labels in `only`, if given) unless a cue credited it already (even with none)."""
    if not cues.unused(subject):
        return
    cues.used_sources.add(subject.i)
    for source in cues.classify_all(subject):
        cues.add(source, cue_tokens, rule_id, only=only)


# -- hedges ---------------------------------------------------------------------------------
def hedge(cues: SentenceCues, hit: Hit) -> None:
    """An anonymous_source hit of type hedge is a source by itself: "The minister reportedly
    offered to resign", "It is widely believed that ...". Anonymous, and no speaker."""
    if rule_of(hit) == AGENTLESS_PASSIVE and (
            cues.found or any(c.dep_ == "agent" for t in cues.doc[hit.start:hit.end] for c in t.children)):
        return  # "according to the indictment", "criticized by the mayor": the source is named
    if any(c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "in") and any(t.pos_ == "PROPN" for t in c.subtree)
           for c in cues.doc[hit.end - 1].children):
        return  # "according to estimates by the consultancy Petrolytix": whose estimates is said
    span = cues.doc[hit.start:hit.end]
    cues.add(Source("anonymous", hit.rule_id, span.text, "", span.start_char, span.end_char), span, hit.rule_id,
             speaker=False)
