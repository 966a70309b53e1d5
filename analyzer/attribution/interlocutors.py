"""Who a speaker was talking to, when that is another outlet: a journalist told something ("told
host Ellen Park on CBS's 'Face the Nation'"), another outlet's journalist in the exchange
("cutting off MSNBC anchor Stephanie Ruhle"), a programme named by its title ("On Tuesday's
episode of 'The Harbour Hour'"). docs/labelling.md: an interview given to another outlet, or a
question by its journalist, is that outlet's reporting (secondary-outlet). The cue handlers of
cues.py call these; the outlet itself is found by the gazetteer (rules/outlets.yml)."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Span, Token

from ..nlp.syntax import entities_in, noun_phrase
from ..rules.matcher import Hit, HitIndex
from .decisions.outlet_names import call_sign_in
from .decisions.people import names_a_journalist
from .decisions.phrase import rule_of
from .sources import Source, SourceClassifier

# How far past an opening quotation mark a programme title may run.
TITLE_MAX_TOKENS = 12


def outlet_source(doc, hit: Hit, classifier: SourceClassifier) -> Source:
    """The outlet an outlet rule matched, as a source."""
    span = doc[hit.start:hit.end]
    name = classifier.outlet_name(hit)
    return Source("secondary-outlet", rule_of(hit), span.text, name, span.start_char, span.end_char, outlet=name)


def journalist_told(recipient: Token, verb: Token, hits: HitIndex, classifier: SourceClassifier) -> Optional[Source]:
    """ "told host Ellen Park on CBS's 'Face the Nation'": the outlet named after the verb,
    however the parser attached it, is the one the journalist told works for."""
    if not names_a_journalist(classifier.lexicon, noun_phrase(recipient)):
        return None
    hit = classifier.outlet_hit(hits, [t for t in verb.subtree if t.i > verb.i])
    return outlet_source(verb.doc, hit, classifier) if hit is not None else None


def outlet_journalists(sent: Span, hits: HitIndex, classifier: SourceClassifier,
                       inside_quote: Callable[[Token], bool]) -> list[Source]:
    """Another outlet's journalists named, with their outlet, in a sentence of speech."""
    found = []
    for ent in entities_in(sent):
        if ent.label_ != "PERSON" or inside_quote(ent[0]):
            continue
        words = noun_phrase(ent.root)
        hit = classifier.outlet_hit(hits, words) if names_a_journalist(classifier.lexicon, words) else None
        if hit is not None:
            found.append(outlet_source(sent.doc, hit, classifier))
    return found


def quoted_title(sent: Span, after: int) -> Optional[Span]:
    """The words in quotation marks that open right after a cue, when they read as a title."""
    doc = sent.doc
    if after >= sent.end or not doc[after].is_quote:
        return None
    closing = next((t.i for t in doc[after + 1:min(sent.end, after + TITLE_MAX_TOKENS)] if t.is_quote), None)
    if closing is None:
        return None
    words = [t for t in doc[after + 1:closing] if not t.is_punct]
    if not words or not words[0].is_title:
        return None
    return doc[after + 1:words[-1].i + 1]


def said_on_air(verb: Token, hits: HitIndex, classifier: SourceClassifier) -> list[Source]:
    """ "said on CNN's 'State of the Union'", "told reporters on Fox News Sunday": the outlet
    named in an "on" phrase of the verb of speaking is where it was said."""
    found = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "on":
            hit = classifier.outlet_hit(hits, list(prep.subtree))
            station = call_sign_in(prep.subtree) if hit is None else None
            if hit is not None:
                found.append(outlet_source(verb.doc, hit, classifier))
            elif station is not None:  # "said on WNHT's Sunday program"
                found.append(Source("secondary-outlet", "decide.outlet_named_like", station.text, station.text,
                                    station.start_char, station.end_char, outlet=station.text))
    return found


def only_outlet(sources: list[Source]) -> Optional[Source]:
    """The first outlet among the sources: "told CNN" credits CNN, "told lawmakers" nobody."""
    for source in sources:
        if source.label == "secondary-outlet":
            return source
    return None
