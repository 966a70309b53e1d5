"""Cues that frame a sentence or refuse: "In a statement, Husted said ...", "Hale put it
bluntly: '...'", "Northvolt declined to comment". Their handlers register with cues.cue_handler
like the others; the component imports this module so that they do."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..nlp.syntax import subject as subject_of
from ..rules.matcher import Hit
from ..rules.schema import Rule
from .cues import SentenceCues, credit_once, cue_handler
from .interlocutors import outlet_source


@cue_handler("frame")
def frame(cues: SentenceCues, hit: Hit, rule: Rule) -> None:
    """A sentence framed by its speaker's words: "In a statement, Husted said ...", "In his
    speech, Graham urged ..." (the subject after the frame), "Hale put it bluntly: 'We are
    broke.'" (the subject before a colon that opens a quotation): the main clause's subject speaks."""
    root = cues.sent.root
    subject = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    start = hit.start + (cues.doc[hit.start].text == ",")  # ", in a statement to the Times,": the frame after the comma
    frame_words = list(cues.doc[start:hit.end])
    if subject is None or cues.inside_quote(subject):
        # "Hale put it bluntly to reporters: 'If he hid ...'": the parser made the quoted words the root
        subject = _subject_before(cues, start)
    if subject is not None and not cues.inside_quote(subject) and (subject.i >= hit.end or subject.i < start):
        credit_once(cues, subject, frame_words, hit.rule_id, rule.subject_must_be)
    piece = next((c for c in cues.doc[start].children if c.dep_ == "pobj"), None)
    outlet = _outlet_of_piece(cues, piece) if piece is not None else None
    if outlet is not None:
        cues.add(outlet_source(cues.doc, outlet, cues.classifier), frame_words, hit.rule_id, speaker=False)


def _subject_before(cues: SentenceCues, start: int) -> Optional[Token]:
    """The subject of the last verb before the frame, outside any quotation: where the parser
    made the quoted words after a colon the sentence's root."""
    for verb in reversed(cues.doc[cues.sent.start:start]):
        if verb.pos_ == "VERB" and not cues.inside_quote(verb):
            found = subject_of(verb)
            if found is not None and not cues.inside_quote(found):
                return found
    return None


def _outlet_of_piece(cues: SentenceCues, piece: Token) -> Optional[Hit]:
    """The other outlet a framing piece appeared in or was given to ("In a Wall Street Journal
    essay", "In an op-ed for The Guardian", "In a statement to Reuters"): its reporting too. Not
    "an interview with the BBC" (cue.spoke_to credits it), nor an outlet's poll, a document only."""
    interview = {t.i for c in piece.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
    outlet = cues.classifier.outlet_hit(cues.hits, [t for t in piece.subtree if t.i not in interview])
    if outlet is None or any(s.label == "document" for s in cues.classify_all(piece)):
        return None
    return outlet


@cue_handler("no_comment")
def no_comment(cues: SentenceCues, hit: Hit, rule: Rule) -> None:
    """A refusal is attributed to whoever refused: "Northvolt declined to comment", "The
    Kremlin did not respond to a request for comment", "was not available for comment". Asked by
    another outlet, it is that outlet's reporting too ("did not respond to the Post's request")."""
    refusal = list(cues.doc[hit.start:hit.end])
    credit_once(cues, subject_of(cues.doc[hit.start]), refusal, hit.rule_id)
    asker = cues.classifier.outlet_hit(cues.hits, refusal)
    cues.add(outlet_source(cues.doc, asker, cues.classifier) if asker else None, refusal, hit.rule_id, speaker=False)
