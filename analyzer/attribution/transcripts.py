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

from ..nlp.segment import NOT_SPEAKERS, SPEAKER_TAG
from ..records import Attribution, Sentence
from ..rules.refs import rule_ref, step_id
from .context import ArticleContext
from .outlets import OutletIndex
from .sentences import paragraphs_of

TRANSCRIPT_TURN = step_id("cue.transcript_turn", "A paragraph of a transcript that opens with its speaker's name in "
                          "capitals ('PENCE: Well, look, ...') is that speaker's turn: each of its sentences carries the "
                          "speaker's label; a speaker the article never introduced, in an article that credits another "
                          "outlet, is that outlet's host (secondary-outlet).")
# A paragraph that opens with a quotation mark and no tag goes on with the turn before it.
OPENING_QUOTE = ("\"", "“", "”")
# Tags that stand for whoever asks: the interviewer.
INTERVIEWER_TAGS = {"Q", "QUESTION", "INTERVIEWER", "HOST", "MODERATOR", "REPORTER", "ANCHOR"}
# Broadcast transcripts name a voice they cannot identify ("UNIDENTIFIED MALE:"): nobody in particular.
UNIDENTIFIED = {"UNIDENTIFIED", "UNKNOWN", "UNIDENTIFED"}
# A legislator's party and state in the tag: "(R-TX)", "(D)", "(D-N.Y.)".
PARTY_CODE = re.compile(r"^[RDI](?:-[A-Z][A-Za-z.]{1,6})?$")
# How a transcript's lead-in names its host or moderator ("moderated by Tom Greer").
HOST_LEAD_IN = re.compile(r"(?:\b(?:moderated|hosted|anchored|presented|conducted)\s+by|\bwith\s+(?:host|anchor|moderator))\s+$",
                          re.IGNORECASE)
MIN_TAGGED_PARAGRAPHS = 2
OFFICIAL_TITLES = rule_ref("official.title")  # "SEN. JOHN HALE:", "U.S. SECRETARY OF STATE"


@dataclass(frozen=True)
class Turn:
    """A speaker's turn: the tag's sentence and the paragraph it opens."""

    tag: str  # the name in capitals: "GOV. ED PARK"
    caption: str  # what the caption adds to the name: " (D), NEW MEXICO", ", CBS NEWS HOST"
    start_char: int
    end_char: int
    sentences: tuple[int, ...]

    @property
    def names(self) -> list[str]:
        """The tag's words without full stops: "GOV. ED PARK" -> ["GOV", "ED", "PARK"]; the last is the surname."""
        return self.tag.replace(".", " ").split()


@dataclass(frozen=True)
class TagWords:
    """The word lists a tag is read with (rules/lexicons.yml, rules/officials.yml), and the
    outlet gazetteer for an outlet named in a caption ("CBS NEWS HOST")."""

    journalist_titles: frozenset[str]
    official_titles: frozenset[str]
    past_office: frozenset[str]
    outlets: OutletIndex


def speaker_turns(records: list[Sentence]) -> list[Turn]:
    """The tagged paragraphs of an article, when it has enough of them to be a transcript. A tag
    may also open a sentence inside a paragraph (a transcript whose line breaks were lost in
    copying: "... Are they wrong? HARLAN: Some of them may ..."): the turn runs to the next tag,
    or to a page label ("HARLAN: '...' THE FACTS: That's false.": the fact-check's own words)."""
    turns: list[Turn] = []
    going_on: list[int] = []  # untagged quoted paragraphs after a turn, until the next tag
    for members in paragraphs_of(records):
        marked = [(i, match) for i, r in enumerate(members) if (match := SPEAKER_TAG.match(r.text)) is not None]
        tagged = [(i, match) for i, match in marked if match.group(1) not in NOT_SPEAKERS]
        labels = [i for i, match in marked if match.group(1) in NOT_SPEAKERS]
        if not tagged or tagged[0][0] != 0:
            if turns and members[0].text.startswith(OPENING_QUOTE):
                going_on.extend(r.index for r in members)
            else:
                going_on.clear()
            continue
        if turns and going_on:
            last = turns[-1]
            turns[-1] = Turn(last.tag, last.caption, last.start_char, last.end_char, last.sentences + tuple(going_on))
        going_on = []
        for (first, match), (end, _) in zip(tagged, tagged[1:] + [(len(members), None)]):
            end = min([end] + [i for i in labels if first < i < end])
            record = members[first]
            turns.append(Turn(match.group(1), match.group(2), record.start_char + match.start(1),
                              record.start_char + match.end(2), tuple(r.index for r in members[first:end])))
    return turns if len(turns) >= MIN_TAGGED_PARAGRAPHS else []


def transcript_turns(records: list[Sentence], found: list[Attribution], ctx: ArticleContext,
                     words: TagWords) -> list[Attribution]:
    """One attribution per sentence of each speaker's turn, with the speaker's label."""
    turns = speaker_turns(records)
    if not turns:
        return []
    credited = next((a for a in found if a.label == "secondary-outlet"), None)
    tags = [(turn.start_char, turn.end_char) for turn in turns]
    # The recogniser's entity may open with the quotation mark before the tag.
    introduced = {name for offset, name in ctx.mentions if not any(s - 2 <= offset < e for s, e in tags)}
    hosts = _introduced_as_hosts(records, ctx, introduced)
    # the outlet a host asks for: the one the article credits, else the first the lead-in names ("on ABC's 'This Week'")
    lead_outlet = credited.outlet if credited is not None else next(
        (name for r in records if r.start_char < tags[0][0] and (name := words.outlets.named_in(r.text))), None)
    # A caption comes with a speaker's first turn only ("MARGARET LANE, CBS NEWS HOST:", then "LANE:")
    captioned = {}
    for turn in turns:
        surname = turn.names[-1]
        if surname not in captioned and (by_caption := _label_of_caption(turn, lead_outlet, words)) is not None:
            captioned[surname] = by_caption
    extra: list[Attribution] = []
    for turn in turns:
        speaker = captioned.get(turn.names[-1]) or _speaker(
            turn, ctx, introduced, hosts, credited, lead_outlet, words)
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


def _introduced_as_hosts(records: list[Sentence], ctx: ArticleContext, introduced: set[str]) -> set[str]:
    """People the lead-in names as the programme's host or moderator ("moderated by Tom Greer")."""
    hosts = set()
    for offset, name in ctx.mentions:
        if name not in introduced:
            continue
        record = next((r for r in records if r.start_char <= offset < r.end_char), None)
        if record is not None and HOST_LEAD_IN.search(record.text[:offset - record.start_char]):
            hosts.add(name)
    return hosts


def _speaker(turn: Turn, ctx: ArticleContext, introduced: set[str], hosts: set[str], credited: Optional[Attribution],
             lead_outlet: Optional[str], words: TagWords):
    """(label, resolved name, key, outlet) of the tag's speaker, or None for the interviewer
    of the article's own outlet. A person counts as introduced only when the article names
    them outside the tags (the entity recogniser reads "WALLACE:" as a name too)."""
    names = turn.names
    surname = names[-1].casefold()
    for key, person in ctx.people.items():
        if person.name in introduced and (key.casefold() == surname or key.split()[-1].casefold() == surname):
            if person.outlet:  # "CNN host Greta Halvorsen" in the lead-in asks for CNN
                return "secondary-outlet", person.mention, person.name, person.outlet
            journalist = person.name in hosts or any(w.casefold() in words.journalist_titles for w in person.mention.split())
            if journalist and lead_outlet is not None:  # "host Ellen Park" in the lead-in asks for the outlet
                return "secondary-outlet", person.mention, person.name, lead_outlet
            return person.label, person.mention, person.name, None
    if credited is not None:
        host = credited.outlet or credited.resolved_source or credited.source
        return "secondary-outlet", host, host, credited.outlet
    if lead_outlet is not None:  # "a transcript of NBC's 'Meet the Press'": "TODD:" is its host
        return "secondary-outlet", lead_outlet, lead_outlet, lead_outlet
    if names[-1].upper() in INTERVIEWER_TAGS:
        return None
    return "named-other", turn.tag.title(), turn.tag.title(), None


def _label_of_caption(turn: Turn, lead_outlet: Optional[str], words: TagWords):
    """The speaker the tag itself describes: "UNIDENTIFIED MALE" (anonymous), "MARGARET LANE,
    CBS NEWS HOST" or "JANE DOE, ABC NEWS" (the outlet's journalist), "SEN. JOHN HALE (R-TX)" or "GOV. ED PARK (D), NEW
    MEXICO" (an official, unless "FORMER" says otherwise); None when it describes nobody."""
    name = turn.tag.title()
    tag_words = turn.tag.split()
    if tag_words[0] in UNIDENTIFIED:
        return "anonymous", name, None, None
    caption_words = re.findall(r"[A-Za-z][\w.'’\-]*", turn.caption)
    lowered = [w.casefold() for w in tag_words + caption_words]
    # the outlet the caption names ("JANE DOE, CBS NEWS") is the one its journalist works for
    outlet = words.outlets.named_in(" ".join(caption_words).title())
    if outlet is not None or any(w in words.journalist_titles for w in lowered):
        outlet = outlet or lead_outlet
        return ("secondary-outlet", outlet, outlet, outlet) if outlet else None
    if any(w in words.past_office or w.rstrip(".") == "fmr" for w in lowered):
        return "named-other", name, name, None
    brackets = [part.strip() for inner in re.findall(r"\(([^()]*)\)", turn.caption) for part in inner.split(",")]
    if any(w in words.official_titles for w in lowered) or any(PARTY_CODE.match(part) for part in brackets):
        return "named-official", name, name, None
    return None
