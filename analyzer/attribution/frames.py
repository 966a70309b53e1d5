"""Cues that frame a sentence or refuse: "In a statement, Husted said ...", "Hale put it
bluntly: '...'", "Northvolt declined to comment". Their handlers register with cues.cue_handler
like the others; the component imports this module so that they do."""

from __future__ import annotations

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
    frame_words = list(cues.doc[hit.start:hit.end])
    if subject is not None and not cues.inside_quote(subject) and (subject.i >= hit.end or subject.i < hit.start):
        credit_once(cues, subject, frame_words, hit.rule_id, rule.subject_must_be)
    # "In a Wall Street Journal essay, Ivanka Trump acknowledged ...": a piece in another outlet is its reporting too
    # "In an op-ed for The Guardian, ...", "In a statement to Reuters, ..." too
    piece = next((c for c in cues.doc[hit.start].children if c.dep_ == "pobj"), None)
    # ("an interview with the BBC" is cue.spoke_to's)
    words = [t for t in piece.subtree if not any(a.dep_ == "prep" and a.lower_ == "with" and a.i >= piece.i
                                                  for a in [t, *t.ancestors])] if piece is not None else []
    outlet = cues.classifier.outlet_hit(cues.hits, words) if words else None
    # "In the previous Washington Post/ABC News poll, ...": an outlet's poll is a document only
    if outlet is not None and not any(s.label == "document" for s in cues.classify_all(piece)):
        cues.add(outlet_source(cues.doc, outlet, cues.classifier), frame_words, hit.rule_id, speaker=False)


@cue_handler("no_comment")
def no_comment(cues: SentenceCues, hit: Hit, rule: Rule) -> None:
    """A refusal is attributed to whoever refused: "Northvolt declined to comment", "The
    Kremlin did not respond to a request for comment", "was not available for comment". Asked by
    another outlet, it is that outlet's reporting too ("did not respond to the Post's request")."""
    refusal = list(cues.doc[hit.start:hit.end])
    credit_once(cues, subject_of(cues.doc[hit.start]), refusal, hit.rule_id)
    asker = cues.classifier.outlet_hit(cues.hits, refusal)
    cues.add(outlet_source(cues.doc, asker, cues.classifier) if asker else None, refusal, hit.rule_id, speaker=False)
