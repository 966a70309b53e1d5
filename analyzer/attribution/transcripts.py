"""Transcripts: paragraphs that open with a speaker's name in capitals ("WALLACE: Let's start
with ...", "PENCE: Well, look, ..."). Every sentence of such a paragraph is that speaker's
turn and carries the speaker's label (docs/labelling.md: a continuation carries its source).

The tag is matched to a person the article named ("PENCE" -> "Gov. Mike Pence"); a tag the
article never introduces, in an article that credits another outlet, is that outlet's host or
interviewer asking (a question by another outlet's journalist is `secondary-outlet`); the
interviewer of the article's own outlet ("Q:") is its own reporting. An article needs two
tagged paragraphs before any counts: one capitalised word and a colon ("UPDATE: ...") is a
label, not a transcript. The component calls `transcript_turns` once per document, after the
cues of every sentence are found and before quotations are carried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..records import Attribution, Sentence
from ..rules.refs import step_id
from .context import ArticleContext
from .sentences import paragraphs_of

TRANSCRIPT_TURN = step_id("cue.transcript_turn", "A paragraph of a transcript that opens with its speaker's name in "
                          "capitals ('PENCE: Well, look, ...') is that speaker's turn: each of its sentences carries the "
                          "speaker's label; a speaker the article never introduced, in an article that credits another "
                          "outlet, is that outlet's host (secondary-outlet).")
# An optional opening quotation mark, then one to three capitalised words and a colon.
SPEAKER_TAG = re.compile(r"^[\"“”'‘’]?\s*((?:[A-Z][A-Z.'’\-]*\s){0,2}[A-Z][A-Z.'’\-]+):(?:\s|$)")
# A paragraph that opens with a quotation mark and no tag goes on with the turn before it.
OPENING_QUOTE = ("\"", "“", "”")
# Tags that stand for whoever asks: the interviewer.
INTERVIEWER_TAGS = {"Q", "QUESTION", "INTERVIEWER", "HOST", "MODERATOR", "REPORTER", "ANCHOR"}
MIN_TAGGED_PARAGRAPHS = 2


@dataclass(frozen=True)
class Turn:
    """A speaker's turn: the tag's sentence and the paragraph it opens."""

    tag: str
    start_char: int
    end_char: int
    sentences: tuple[int, ...]


def speaker_turns(records: list[Sentence]) -> list[Turn]:
    """The tagged paragraphs of an article, when it has enough of them to be a transcript. A tag
    may also open a sentence inside a paragraph (a transcript whose line breaks were lost in
    copying: "... Are they wrong? HARLAN: Some of them may ..."): the turn runs to the next tag."""
    turns: list[Turn] = []
    going_on: list[int] = []  # untagged quoted paragraphs after a turn, until the next tag
    for members in paragraphs_of(records):
        tagged = [(i, match) for i, r in enumerate(members) if (match := SPEAKER_TAG.match(r.text)) is not None]
        if not tagged or tagged[0][0] != 0:
            if turns and members[0].text.startswith(OPENING_QUOTE):
                going_on.extend(r.index for r in members)
            else:
                going_on.clear()
            continue
        if turns and going_on:
            last = turns[-1]
            turns[-1] = Turn(last.tag, last.start_char, last.end_char, last.sentences + tuple(going_on))
        going_on = []
        for (first, match), (end, _) in zip(tagged, tagged[1:] + [(len(members), None)]):
            record = members[first]
            turns.append(Turn(match.group(1), record.start_char + match.start(1), record.start_char + match.end(1),
                              tuple(r.index for r in members[first:end])))
    return turns if len(turns) >= MIN_TAGGED_PARAGRAPHS else []


def transcript_turns(records: list[Sentence], found: list[Attribution], ctx: ArticleContext,
                     journalist_titles: frozenset[str]) -> list[Attribution]:
    """One attribution per sentence of each speaker's turn, with the speaker's label."""
    turns = speaker_turns(records)
    if not turns:
        return []
    outlet = next((a for a in found if a.label == "secondary-outlet"), None)
    tags = [(turn.start_char, turn.end_char) for turn in turns]
    # The recogniser's entity may open with the quotation mark before the tag.
    introduced = {name for offset, name in ctx.mentions if not any(s - 2 <= offset < e for s, e in tags)}
    extra: list[Attribution] = []
    for turn in turns:
        speaker = _speaker(turn, ctx, introduced, outlet, journalist_titles)
        if speaker is None:
            continue
        label, resolved, key, outlet_name = speaker
        for index in turn.sentences:
            extra.append(Attribution(
                sentence_index=index, label=label, source=turn.tag, resolved_source=resolved, cue=f"{turn.tag}:",
                quote_type="direct" if index == turn.sentences[0] else "continuation", start_char=turn.start_char,
                end_char=turn.end_char, rule_id=TRANSCRIPT_TURN, cue_rule_id=TRANSCRIPT_TURN, outlet=outlet_name,
                speaker=label != "secondary-outlet", source_key=key, step=TRANSCRIPT_TURN))
    return extra


def _speaker(turn: Turn, ctx: ArticleContext, introduced: set[str], outlet: Optional[Attribution],
             journalist_titles: frozenset[str]):
    """(label, resolved name, key, outlet) of the tag's speaker, or None for the interviewer
    of the article's own outlet. A person counts as introduced only when the article names
    them outside the tags (the entity recogniser reads "WALLACE:" as a name too)."""
    words = turn.tag.replace(".", " ").split()
    surname = words[-1].casefold()
    for key, person in ctx.people.items():
        if person.name in introduced and (key.casefold() == surname or key.split()[-1].casefold() == surname):
            if person.outlet:  # "CNN host Greta Halvorsen" in the lead-in asks for CNN
                return "secondary-outlet", person.mention, person.name, person.outlet
            journalist = any(w.casefold() in journalist_titles for w in person.mention.split())
            if journalist and outlet is not None:  # "host Ellen Park" in the lead-in asks for the outlet
                return "secondary-outlet", person.mention, person.name, outlet.outlet
            return person.label, person.mention, person.name, None
    if outlet is not None:
        host = outlet.outlet or outlet.resolved_source or outlet.source
        return "secondary-outlet", host, host, outlet.outlet
    if words[-1].upper() in INTERVIEWER_TAGS:
        return None
    return "named-other", turn.tag.title(), turn.tag.title(), None
