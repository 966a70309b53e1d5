"""Verbs the tagger or parser misreads, read again: "Trump claims that ..." tagged a noun,
"Satellite images from Maxar show ..." or "Federal data show apprehensions rose" read as one noun
phrase, a relative clause that names what its verb made ("a memo she wrote"), the one who
asks in a clause of time ("When asked by ABC's George Stephanopoulos whether ..."), and a noun
that opens a sentence read as a verb ("Aid workers ... said")."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .syntax import trailing_tag_speaker

# The forms of the evidence verbs the parser reads as nouns ("Maxar show", "the data show.").
EVIDENCE_VERB_FORMS = ("show", "shows", "showed", "reveal", "reveals", "suggest", "suggests", "indicate", "indicates",
                       "depict", "depicts")

# The word before an evidence verb that the parser takes with it for a noun ("from a satellite show").
SATELLITES = ("satellite", "satellites")

# Verbs that make the thing they are said of: "a memo she wrote", "the speech he gave".
MAKING_VERBS = ("write", "pen", "draft", "give", "deliver", "send", "post", "publish", "issue", "sign", "author",
                "file")


def verb_tagged_noun(token: Token) -> bool:
    """ "Trump claims that ...": the tagger reads "claims" as a noun, but a root with a
    subject and a clause is a verb."""
    children = {c.dep_ for c in token.children}
    # "But Trump claims that ...": the name read as a compound of the noun "claims"
    named = token.tag_ == "NNS" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    return token.dep_ == "ROOT" and ("nsubj" in children or named) and bool(children & {"ccomp", "mark"})


def evidence_verb_read_as_noun(token: Token) -> bool:
    """ "Satellite images from Maxar show burned villages": after a name the parser reads the
    verb as a noun ("Maxar show", "from a satellite show"); so it does at the end of a sentence
    ("..., the data show.").
    A verb of evidence there is still a verb."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in EVIDENCE_VERB_FORMS or token.i == token.sent.start:
        return False
    last = all(t.is_punct or t.is_space for t in token.doc[token.i + 1:token.sent.end])
    return token.doc[token.i - 1].pos_ == "PROPN" or token.doc[token.i - 1].lower_ in SATELLITES or (
        last and trailing_tag_speaker(token) is not None) or \
        evidence_compounded(token) is not None


def names_its_object(verb: Token) -> bool:
    """ "a memo she wrote", "the speech he gave": a relative clause whose noun is what the verb
    made, not who did it; without content of its own it describes that thing."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return verb.dep_ == "relcl" and verb.lemma_ in MAKING_VERBS and verb.head.pos_ == "NOUN" and bool(subjects) and \
        subjects[0].lower_ not in ("who", "which", "that") and not any(c.dep_ == "dobj" for c in verb.children)


def evidence_compounded(verb: Token) -> Optional[Token]:
    """ "Federal data show apprehensions rose": the parser reads "data show apprehensions" as one
    noun; the noun before the verb, hung on it, is its subject."""
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if verb.dep_ == "compound" and before is not None and before.pos_ == "NOUN" and before.dep_ == "compound" \
            and before.head.i == verb.i:
        return before
    if verb.dep_ == "pobj" and before is not None and before.lower_ in SATELLITES and verb.head.dep_ == "prep" \
            and verb.head.head.pos_ == "NOUN":
        return verb.head.head  # "Images from a satellite show the lake shrank": "satellite show" read as one noun
    return None


def passive_agent(verb: Token) -> Optional[Token]:
    """The noun of a passive verb's "by" phrase: "leaked to CNN by a former aide"; "When asked by
    ABC's George Stephanopoulos whether ...", the one who asks, whom subject_of leaves out of a
    clause of time (there the main clause's subject answers). An evidence rule takes only subjects
    of its kinds: a question by another outlet's journalist is that outlet's reporting, one by
    "reporters" no source."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def opening_noun_read_as_verb(verb: Token) -> Optional[Token]:
    """ "Aid workers in Tawila, speaking on condition of anonymity, said ...": the tagger reads
    the sentence's first word as a verb ("aid") with the noun after it as its object, and the
    verb of saying is left with no subject; that noun is the speaker."""
    first = verb.sent[0] if verb.sent[0].is_alpha else None
    if first is None or first.pos_ != "VERB" or not first.is_title or first.head.i != verb.i \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in first.children if c.dep_ == "dobj" and c.i == first.i + 1 and c.tag_ == "NNS"), None)
