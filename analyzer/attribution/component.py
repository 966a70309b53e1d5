"""Find attributions in a parsed article and label every sentence.

Reads the rule hits (matching.py), follows each cue to its source with the dependency
parse, labels the source (sources.py), and carries labels across quotations and
back-references. Results: spans in doc.spans["sourcing_attributions"], and plain rows
(offsets and strings, no Span objects, so docs pickle) in Doc._.sourcing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import Attribution, DocAnalysis, Sentence
from .anonymity import describe as describe_anonymous
from ..rules.matcher import HitIndex, RuleMatcher
from ..nlp.quotes import QuoteFinder
from ..rules.loader import RuleSet
from ..nlp.extensions import SPAN_KEY
from ..nlp.syntax import (clauses, forget_entities, first_subject_before, inside_reported_clause, object_after, person_named_before,
                          recipients, verb_tagged_noun)
from ..nlp.syntax import subject as subject_of
from .outlets import OutletIndex, dateline_wire
from .sources import IMAGE_WORDS, STATEMENT_NOUNS, ArticleContext, Source, SourceClassifier

CONTENT_DEPS = ("ccomp", "xcomp", "parataxis", "oprd", "advcl")
CONTENT_PREPS = ("for", "that")
ASKING_VERBS = {"call", "ask", "appeal", "push", "argue", "press", "lobby", "plead", "advocate", "campaign", "urge", "demand"}

def with_labels(sentence: Sentence, found: list[Attribution]) -> Sentence:
    """The sentence with the labels, sources and rule ids of its attributions."""
    return replace(sentence, labels=tuple(sorted({a.label for a in found})),
                   sources=tuple(dict.fromkeys(a.resolved_source or a.source for a in found)),
                   rule_ids=tuple(dict.fromkeys(a.rule_id for a in found)))


class SourcingAttributor:
    """The spaCy component: a plain class, built by the factory below."""

    def __init__(self, nlp: Language, ruleset: RuleSet):
        self.ruleset = ruleset
        self.matcher = RuleMatcher(nlp, ruleset)
        self.classifier = SourceClassifier(self.matcher.outlet_entries)
        self.rules = ruleset.by_id()
        self.quotes = QuoteFinder()
        self.outlets = OutletIndex(self.matcher.outlet_entries)

    # -- the component -----------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        hits = HitIndex(self.matcher(doc, with_details=False), self.matcher.strengths, self.matcher.details)
        text = doc.text  # Doc.text joins every token on each call: read it once
        quote_spans = self.quotes(text)
        ctx = ArticleContext()
        self.classifier.register_people(doc, hits, ctx)
        self.classifier.register_acronyms(doc, hits, ctx)
        sentences = self._sentences(doc, text)
        found: list[Attribution] = []
        for record, sent in sentences:
            if record.is_heading:
                continue
            in_sentence = self._attributions_in(sent, record.index, hits, ctx, quote_spans)
            found.extend(in_sentence)
        found.extend(self._carry_quotations(sentences, found, quote_spans))
        forget_entities()  # the index holds Spans: never keep them past the document
        # The article's own publisher is not another outlet; a heading rests on nothing.
        own = self.outlets.own_names((*doc._.sourcing_publishers, dateline_wire(text)))
        headings = {record.index for record, _ in sentences if record.is_heading}
        kept = [a for a in found if a.sentence_index not in headings and not self.outlets.is_own(a, own)]
        by_sentence: dict[int, list[Attribution]] = {}
        for a in kept:
            by_sentence.setdefault(a.sentence_index, []).append(a)
        doc._.sourcing = DocAnalysis([with_labels(r, by_sentence.get(r.index, [])) for r, _ in sentences], kept)
        doc.spans[SPAN_KEY] = [
            span for span in (doc.char_span(a.start_char, a.end_char, label=a.label, alignment_mode="expand") for a in kept)
            if span is not None
        ]
        return doc

    # -- sentences ---------------------------------------------------------------------
    @staticmethod
    def _sentences(doc: Doc, text: str) -> list[tuple[Sentence, Span]]:
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

    # -- cues --------------------------------------------------------------------------
    def _attributions_in(self, sent: Span, index: int, hits: HitIndex, ctx: ArticleContext, quote_spans) -> list[Attribution]:
        doc = sent.doc
        out: list[Attribution] = []
        pending: list[Source] = []

        def inside_quote(token: Token) -> bool:
            return any(s <= token.idx < e for s, e in quote_spans)

        def add(source: Optional[Source], cue_tokens: Iterable[Token], cue_rule: str, speaker: bool = True, only: Iterable[str] = ()) -> None:
            if source is None:
                return
            if only and source.label not in only:
                return
            cue_tokens = list(cue_tokens)
            cue_text = " ".join(t.text for t in cue_tokens)
            quote_type = self._quote_type(sent, quote_spans)
            details = None
            if source.label == "anonymous":
                root = doc[source.root_i] if source.root_i is not None else None
                details = describe_anonymous(root, sent, hits)
            out.append(Attribution(index, source.label, source.text, source.resolved, cue_text, quote_type,
                                   source.start_char, source.end_char, source.rule_id, cue_rule, source.outlet, speaker,
                                   source.key, details))
            if speaker:
                pending.append(source)

        def classify_all(root: Optional[Token]) -> list[Source]:
            if root is None:
                return []
            roots = [root] + [c for c in root.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON") and c.i > root.i]
            return [s for s in (self.classifier.classify(r, hits, ctx) for r in roots) if s is not None]

        cue_hits = [h for h in hits.starting_in(sent.start, sent.end, "cue")]
        cue_verbs = {h.start for h in cue_hits
                     if h.type in ("speech_verb", "evidence_verb") and doc[h.start].pos_ in ("VERB", "AUX")}
        used_sources: set[int] = set()
        for hit in cue_hits:
            rule = self.rules[hit.rule_id]
            first = doc[hit.start]
            if inside_quote(first):
                continue
            if hit.type == "speech_verb" or hit.type == "evidence_verb":
                if first.dep_ in ("amod", "compound") or first.pos_ not in ("VERB", "AUX") and not verb_tagged_noun(first):
                    continue
                if rule.rule.needs_clause and not self._has_content(first, quote_spans):
                    continue
                if inside_reported_clause(first, cue_verbs):
                    continue
                subject = subject_of(first)
                if subject is None and hit.type == "evidence_verb":
                    subject = first_subject_before(first)
                if subject is None and hit.type == "speech_verb":
                    subject = person_named_before(first)
                if subject is not None and subject.i not in used_sources:
                    for source in classify_all(subject):
                        if hit.type == "evidence_verb" and source.label not in rule.rule.subject_must_be:
                            continue
                        used_sources.add(subject.i)
                        add(source, [first], hit.rule_id)
                    for source in self._imagery_in_clauses(subject, hits, ctx):
                        add(source, [first], hit.rule_id)
                if hit.type == "speech_verb" and rule.rule.object_speaks:
                    for quoted in (c for c in first.children if c.dep_ == "dobj"):
                        if any(g.dep_ == "prep" and g.lower_ == "as" for g in first.children):
                            for source in classify_all(quoted):
                                add(source, [first], hit.rule_id)
                if hit.type == "speech_verb":
                    for recipient in recipients(first) if rule.rule.recipient else []:
                        add(self._only_outlet(classify_all(recipient)), [first], hit.rule_id, speaker=False)
                    # "prosecutors allege in a criminal complaint": the speaker and the document.
                    for prep in first.children:
                        if prep.dep_ == "prep" and prep.lower_ == "in":
                            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                                for source in classify_all(pobj):
                                    add(source, [first], hit.rule_id, speaker=False, only=("document",))
            elif hit.type in ("source_phrase", "credit_phrase"):
                cue_tokens = list(doc[hit.start:hit.end])
                verb = first
                passive_subject = next((c for c in verb.children if c.dep_ in ("nsubjpass",)), None)
                material = []
                if hit.type == "credit_phrase":
                    # "images obtained by CNN": the images are a source; who holds them counts
                    # when it is an outlet or when the material is evidence ("seen by a doctor" is not).
                    credited = verb.head if verb.dep_ in ("acl", "relcl") else passive_subject
                    material = [s for s in classify_all(credited) if s.label in ("satellite-imagery", "document")]
                    for source in material:
                        add(source, cue_tokens, hit.rule_id)
                allowed = rule.rule.subject_must_be
                for source in classify_all(object_after(doc, hit.start, hit.end)):
                    if hit.type == "credit_phrase" and not material and source.label != "secondary-outlet":
                        continue
                    if allowed and source.label not in allowed:
                        continue
                    add(source, cue_tokens, hit.rule_id, speaker=source.label != "secondary-outlet")
                if hit.type == "credit_phrase":
                    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                    if agent is not None and doc[hit.end - 1].lower_ != "by" and not rule.rule.subject_must_be:
                        for source in classify_all(next((c for c in agent.children if c.dep_ == "pobj"), None)):
                            add(source, cue_tokens, hit.rule_id)
                elif passive_subject is not None and verb.lower_ in ("quoted", "cited"):
                    for source in classify_all(passive_subject):
                        add(source, cue_tokens, hit.rule_id)
            elif hit.type == "document_verb":
                if first.pos_ != "VERB":
                    continue
                objects = [c for c in first.children if c.dep_ in ("dobj", "nsubjpass")]
                documents = [s for c in objects for s in classify_all(c) if s.label == "document"]
                statement = any(c.lemma_.lower() in STATEMENT_NOUNS for c in objects)
                if not documents and not statement:
                    continue
                for source in documents:
                    add(source, [first], hit.rule_id)
                subject = subject_of(first)
                if subject is not None and subject.i not in used_sources:
                    used_sources.add(subject.i)
                    for source in classify_all(subject):
                        add(source, [first], hit.rule_id)
            elif hit.type == "frame":
                # "In a statement, Husted said...": the main clause's subject speaks.
                subject = subject_of(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None
                if subject is not None and subject.i not in used_sources and subject.i >= hit.end:
                    used_sources.add(subject.i)
                    for source in classify_all(subject):
                        add(source, list(doc[hit.start:hit.end]), hit.rule_id)
            elif hit.type == "no_comment":
                subject = subject_of(first)
                if subject is not None and subject.i not in used_sources:
                    used_sources.add(subject.i)
                    for source in classify_all(subject):
                        add(source, list(doc[hit.start:hit.end]), hit.rule_id)
        for hit in hits.starting_in(sent.start, sent.end, "anonymous_source", "hedge"):
            if inside_quote(doc[hit.start]):
                continue
            span = doc[hit.start:hit.end]
            add(Source("anonymous", hit.rule_id, span.text, "", span.start_char, span.end_char), span, hit.rule_id, speaker=False)
        for source in pending:
            ctx.remember(source)
        return self._dedupe(out)

    @staticmethod
    def _dedupe(found: list[Attribution]) -> list[Attribution]:
        seen, out = set(), []
        for a in found:
            key = (a.label, a.start_char, a.end_char)
            if key not in seen:
                seen.add(key)
                out.append(a)
        return out

    @staticmethod
    def _has_content(verb: Token, quote_spans) -> bool:
        for child in verb.children:
            if child.dep_ in CONTENT_DEPS:
                return True
            if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS and (
                    child.lower_ != "for" or verb.lemma_.lower() in ASKING_VERBS):
                return True
            if child.dep_ == "dobj" and any(g.dep_ in ("oprd", "acl", "relcl") or (g.dep_ == "prep" and g.lower_ == "as") for g in child.children):
                return True
        sent = verb.sent
        return any(s < sent.end_char and e > sent.start_char for s, e in quote_spans)

    def _only_outlet(self, sources: list[Source]) -> Optional[Source]:
        for source in sources:
            if source.label == "secondary-outlet":
                return source
        return None

    def _imagery_in_clauses(self, subject: Token, hits: HitIndex, ctx: ArticleContext) -> list[Source]:
        """ "analysts who studied the images said": the images carry their own label."""
        out = []
        for token in clauses(subject):
            if hits.within([token.i], "imagery") or (
                    ctx.seen_imagery and token.lemma_.lower() in IMAGE_WORDS and token.pos_ == "NOUN"):
                out.append(Source("satellite-imagery", "ref.imagery", token.text, token.text, token.idx, token.idx + len(token.text)))
                break
        return out

    @staticmethod
    def _quote_type(sent: Span, quote_spans) -> str:
        overlap = [(s, e) for s, e in quote_spans if s < sent.end_char and e > sent.start_char]
        if not overlap:
            return "indirect"
        quoted = sum(min(e, sent.end_char) - max(s, sent.start_char) for s, e in overlap)
        return "direct" if quoted >= 0.4 * len(sent.text) else "partial"

    # -- quotations across sentences ---------------------------------------------------
    def _carry_quotations(self, sentences, found: list[Attribution], quote_spans) -> list[Attribution]:
        """A sentence inside a quotation carries its speaker's label (GUIDELINES)."""
        by_sentence: dict[int, list[Attribution]] = {}
        for a in found:
            by_sentence.setdefault(a.sentence_index, []).append(a)
        records = [r for r, _ in sentences]
        extra: list[Attribution] = []
        for q_start, q_end in quote_spans:
            inside = [r for r in records if not r.is_heading and r.start_char < q_end and r.end_char > q_start]
            if not inside:
                continue
            speakers = [a for r in inside for a in by_sentence.get(r.index, []) if a.speaker and a.quote_type != "indirect"]
            if not speakers and self._opens_sentence(inside[0], q_start):
                speakers = self._neighbour_speaker(records, inside, by_sentence)
            if not speakers:
                continue
            for record in inside:
                have = {a.label for a in by_sentence.get(record.index, [])}
                for speaker in speakers:
                    if speaker.label in have or speaker.sentence_index == record.index:
                        continue
                    carried = Attribution(record.index, speaker.label, speaker.source, speaker.resolved_source, speaker.cue,
                                          "continuation", speaker.start_char, speaker.end_char, "ref.quotation",
                                          speaker.cue_rule_id, speaker.outlet, True, speaker.source_key, speaker.anonymous)
                    extra.append(carried)
                    by_sentence.setdefault(record.index, []).append(carried)
                    have.add(speaker.label)
        return extra

    @staticmethod
    def _opens_sentence(record: Sentence, quote_start: int) -> bool:
        """Only a quotation that opens its sentence stands for a speaker named elsewhere;
        a nickname or a scare-quoted word inside a sentence does not."""
        return quote_start <= record.start_char + 1

    @staticmethod
    def _neighbour_speaker(records, inside, by_sentence) -> list[Attribution]:
        """A quotation with no cue of its own: the speaker named right after it ("Graham asked.")
        or, failing that, the speaker of the sentence just before it."""
        last = inside[-1].index
        following = [r for r in records if r.index == last + 1 and not r.is_heading]
        if following and len(following[0].text) < 60:
            speakers = [a for a in by_sentence.get(following[0].index, []) if a.speaker]
            if speakers:
                return speakers
        first = inside[0].index
        before = [r for r in records if r.index == first - 1 and not r.is_heading]
        if before:
            return [a for a in by_sentence.get(before[0].index, []) if a.speaker and a.label != "document"]
        return []


@Language.factory(
    "sourcing_attributor",
    assigns=["doc.spans", "doc._.sourcing"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    default_config={"rules_dirs": [], "include_default_rules": True},
)
def make_sourcing_attributor(nlp: Language, name: str, rules_dirs: list[str], include_default_rules: bool):
    from ..rules.loader import load_rules

    return SourcingAttributor(nlp, load_rules(rules_dirs, include_default=include_default_rules))
