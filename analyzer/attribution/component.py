"""The spaCy component: find the attributions of a parsed article and label every sentence.

The flow, one module per step (all in attribution/):
  rule hits (rules/matcher.py) -> sentences (sentences.py) -> cues of each sentence, one
  handler per cue type (cues.py) -> the label of each source (sources.py, with the anonymity
  details of anonymity.py) -> speakers' turns in transcripts (transcripts.py) -> quotation
  carry-over across sentences (quotations.py) -> the article's own outlet and headings left
  out (outlets.py, here) -> records and spans.
Results: spans in doc.spans["sourcing_attributions"], and plain records (offsets and strings,
no Span objects, so docs pickle) in Doc._.sourcing. With a trace collector active (trace.py,
for `sourcing explain --sentence`), the cues, the attributions they add and those left out are
recorded too; with none, each hook is one `is None` test.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Attribution, DocAnalysis, Sentence
from ..rules.matcher import HitIndex, RuleMatcher
from ..nlp.quotes import QuoteFinder
from ..rules.loader import RuleSet
from ..nlp.extensions import SPAN_KEY
from ..nlp.syntax import forget_entities
from . import frames  # noqa: F401  (registers the frame and refusal cue handlers)
from .cues import CUE_HANDLERS, SentenceCues, hedge
from .outlets import OutletIndex, dateline_wire
from .pronouns import register_genders_and_subjects
from .quotations import carry_excerpts, carry_quotations
from .references import register_acronyms, register_people
from .tweets import embedded_posts
from .sentences import sentence_records
from .source_lists import source_list_entries
from .transcripts import OFFICIAL_TITLES, TagWords, transcript_turns
from .sources import ArticleContext, SourceClassifier
from .trace import active_trace


def with_labels(sentence: Sentence, found: list[Attribution]) -> Sentence:
    """The sentence with the labels, sources and rule ids of its attributions."""
    return replace(sentence, labels=tuple(sorted({a.label for a in found})),
                   sources=tuple(dict.fromkeys(a.resolved_source or a.source for a in found)),
                   rule_ids=tuple(dict.fromkeys(a.rule_id for a in found)))


class SourcingAttributor:
    """The spaCy component: a plain class, built by the factory below."""

    def __init__(self, nlp: Language, ruleset: RuleSet, matcher: Optional[RuleMatcher] = None):
        self.ruleset = ruleset
        self.matcher = matcher if matcher is not None else RuleMatcher(nlp, ruleset)
        self.classifier = SourceClassifier(self.matcher.outlet_entries, ruleset)
        self.rules = ruleset.by_id()
        self.quotes = QuoteFinder()
        self.outlets = OutletIndex(self.matcher.outlet_entries)
        lexicon = self.classifier.lexicon
        self.tag_words = TagWords(lexicon.journalist_titles, ruleset.terms(OFFICIAL_TITLES), lexicon.past_office, self.outlets)

    # -- the component -----------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        hits = HitIndex(self.matcher(doc, with_details=False), self.matcher.strengths, self.matcher.details)
        text = doc.text  # Doc.text joins every token on each call: read it once
        trace = active_trace()  # None unless `sourcing explain --sentence` collects a trace
        if trace is not None:
            trace.begin_doc(text)
        quote_spans = self.quotes(text)
        ctx = ArticleContext()
        register_acronyms(doc, hits, ctx, text)  # first: an acronym used later is a body a title may name
        register_people(doc, hits, ctx, self.classifier, quote_spans)
        register_genders_and_subjects(doc, ctx, quote_spans)
        sentences = sentence_records(doc, text)
        found: list[Attribution] = []
        for record, sent in sentences:
            if not record.is_heading:
                found.extend(self._attributions_in(sent, record.index, hits, ctx, quote_spans))
        records = [record for record, _ in sentences]
        turns = transcript_turns(records, found, ctx, self.tag_words)
        found.extend(turns)
        decide = lambda root: self.classifier.decide(root, hits, ctx)  # noqa: E731  (the classifier, for this article)
        found.extend(source_list_entries(records, doc, hits, self.outlets, self.classifier.outlet_name, decide))
        found.extend(embedded_posts(records, doc, decide))
        # A transcript's turns have their speakers: a quotation mark left open across turns carries nothing.
        in_turns = {a.sentence_index for a in turns}
        found.extend(a for a in carry_quotations(records, found, quote_spans) if a.sentence_index not in in_turns)
        found.extend(a for a in carry_excerpts(records, found) if a.sentence_index not in in_turns)
        forget_entities()  # the index holds Spans: never keep them past the document
        kept = self._final(found, records, own=self.outlets.own_names((*doc._.sourcing_publishers, dateline_wire(text))))
        by_sentence: dict[int, list[Attribution]] = {}
        for a in kept:
            by_sentence.setdefault(a.sentence_index, []).append(a)
        doc._.sourcing = DocAnalysis([with_labels(r, by_sentence.get(r.index, [])) for r in records], kept)
        doc.spans[SPAN_KEY] = [
            span for span in (doc.char_span(a.start_char, a.end_char, label=a.label, alignment_mode="expand") for a in kept)
            if span is not None
        ]
        return doc

    def _final(self, found: list[Attribution], records: list[Sentence], own: set[str]) -> list[Attribution]:
        """The attributions that stand: the article's own publisher is not another outlet
        ("told Reuters" in a Reuters article), and a heading rests on nothing."""
        headings = {record.index for record in records if record.is_heading}
        kept = [a for a in found if a.sentence_index not in headings and not self.outlets.is_own(a, own)]
        trace = active_trace()
        if trace is not None and len(kept) < len(found):
            standing = {id(a) for a in kept}
            for a in (a for a in found if id(a) not in standing):
                trace.left_out(a, "a heading rests on nothing" if a.sentence_index in headings
                               else "the article's own outlet")
        return kept

    # -- cues --------------------------------------------------------------------------
    def _attributions_in(self, sent: Span, index: int, hits: HitIndex, ctx: ArticleContext, quote_spans) -> list[Attribution]:
        """The sentence's attributions: each cue hit by its type's handler (cues.py), in text
        order, then the hedges; its speakers are remembered for the back-references after it."""
        cues = SentenceCues.of(sent, index, hits, ctx, quote_spans, self.classifier)
        doc = sent.doc
        trace = active_trace()
        if trace is not None:
            trace.begin_sentence(index)
        for hit in cues.cue_hits:
            handler = CUE_HANDLERS.get(hit.type)
            inside = cues.inside_quote(doc[hit.start])
            if trace is not None:
                skipped = "inside a quotation" if inside else "no handler for its type" if handler is None else ""
                trace.cue_hit(hit, doc[hit.start:hit.end], skipped, len(cues.found))
            if handler is not None and not inside:
                handler(cues, hit, self.rules[hit.rule_id].rule)
        for hit in hits.starting_in(sent.start, sent.end, "anonymous_source", "hedge"):
            inside = cues.inside_quote(doc[hit.start])
            if trace is not None:
                trace.cue_hit(hit, doc[hit.start:hit.end], "inside a quotation" if inside else "", len(cues.found))
            if not inside:
                hedge(cues, hit)
        for source in cues.pending:
            ctx.remember(source)
        if trace is not None:
            trace.end_sentence(cues.found)
        return self._dedupe(cues.found)

    @staticmethod
    def _dedupe(found: list[Attribution]) -> list[Attribution]:
        """One attribution per label and source span: the first added wins."""
        seen, out = set(), []
        for a in found:
            key = (a.label, a.start_char, a.end_char)
            if key not in seen:
                seen.add(key)
                out.append(a)
        return out


@Language.factory(
    "sourcing_attributor",
    assigns=["doc.spans", "doc._.sourcing"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    default_config={"rules_dirs": [], "include_default_rules": True},
)
def make_sourcing_attributor(nlp: Language, name: str, rules_dirs: list[str], include_default_rules: bool):
    from ..rules.compiled import cached_rule_matcher
    from ..rules.loader import load_rules

    ruleset = load_rules(rules_dirs, include_default=include_default_rules)
    # The compiled matchers come from the cache when these rules were compiled before (rules/compiled.py).
    return SourcingAttributor(nlp, ruleset, cached_rule_matcher(nlp, ruleset))
