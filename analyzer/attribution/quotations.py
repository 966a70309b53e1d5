"""Quotations: how much of a sentence is quoted, and whose words a quoted sentence carries.

A quotation can run over several sentences (Burns said: "They need each other. It is a
reflection of ...") or stand alone, its speaker in the next or the previous sentence;
every sentence inside it rests on the speaker (docs/labelling.md). The component calls
`carry_quotations` once per document, after the cues of every sentence are found.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from ..records import Attribution, Sentence
from ..rules.refs import step_id

# A sentence at least this share quoted is a direct quotation; less, a partial one.
DIRECT_SHARE = 0.4
# A sentence after a quotation this short or shorter is a credit line ("Graham asked.").
CREDIT_LINE_CHARS = 60
# An excerpt is prose: a paragraph of this many words or more (a list item is shorter).
EXCERPT_MIN_WORDS = 15
QUOTE_MARKS = set('"“”„«»')
CARRIED_RULE = step_id("ref.quotation", "A sentence inside a quotation carries its speaker's label: the speaker of a "
                       "sentence of the quotation, or, for a quotation that opens its sentence and has no cue, the "
                       "speaker named in a short line just after it or in the sentence just before (docs/labelling.md).")


def quote_type(sent: Span, quote_spans) -> str:
    """direct, partial or indirect: how much of the sentence lies inside quotation marks."""
    overlap = [(s, e) for s, e in quote_spans if s < sent.end_char and e > sent.start_char]
    if not overlap:
        return "indirect"
    quoted = sum(min(e, sent.end_char) - max(s, sent.start_char) for s, e in overlap)
    return "direct" if quoted >= DIRECT_SHARE * len(sent.text) else "partial"


def carry_quotations(records: list[Sentence], found: list[Attribution], quote_spans) -> list[Attribution]:
    """A sentence inside a quotation carries its speaker's label (docs/labelling.md): the attributions
    to add, one per sentence and speaker label the sentence does not have yet."""
    by_sentence = _by_sentence(found)
    extra: list[Attribution] = []
    for q_start, q_end in quote_spans:
        inside = [r for r in records if not r.is_heading and r.start_char < q_end and r.end_char > q_start]
        if not inside:
            continue
        speakers = [a for r in inside for a in by_sentence.get(r.index, []) if a.speaker and a.quote_type != "indirect"]
        if not speakers and opens_sentence(inside[0], q_start):
            speakers = neighbour_speaker(records, inside, by_sentence)
        extra.extend(_carry(inside, _own_voices(speakers), by_sentence))
    return extra


def _own_voices(speakers: list[Attribution]) -> list[Attribution]:
    """What a quotation carries is its speaker's own label, not the outlet they spoke to
    ("'...,' Flynn said on Fox News": the other sentences of the quotation are Flynn's); an
    outlet's words alone ("'...,' the Post reported") are the outlet's."""
    own = [a for a in speakers if a.label != "secondary-outlet"]
    return own or speakers


def carry_excerpts(records: list[Sentence], found: list[Attribution]) -> list[Attribution]:
    """An excerpt set off as a paragraph of its own after a colon, without quotation marks ("the
    Times gave Clinton a glowing endorsement:" then a paragraph of the endorsement) is its
    speaker's words, sentence by sentence. Only a person's or an outlet's words, and only prose:
    a document's findings listed after a colon are items of a list (docs/labelling.md)."""
    by_sentence = _by_sentence(found)
    extra: list[Attribution] = []
    for number, record in enumerate(records):
        if record.is_heading or not record.text.rstrip().endswith(":"):
            continue
        following = [r for r in records[number + 1:] if r.paragraph == record.paragraph + 1]
        if any(r.paragraph == record.paragraph for r in records[number + 1:number + 2]) or not following:
            continue  # the colon does not end its paragraph
        if any(r.is_heading for r in following) or len(" ".join(r.text for r in following).split()) < EXCERPT_MIN_WORDS:
            continue
        speakers = [a for a in by_sentence.get(record.index, []) if a.speaker and a.label != "document"]
        extra.extend(_carry(following, speakers, by_sentence))
    return extra


def _by_sentence(found: list[Attribution]) -> dict[int, list[Attribution]]:
    by_sentence: dict[int, list[Attribution]] = {}
    for a in found:
        by_sentence.setdefault(a.sentence_index, []).append(a)
    return by_sentence


def _carry(inside: list[Sentence], speakers: list[Attribution], by_sentence: dict[int, list[Attribution]]) -> list[Attribution]:
    """The speakers' labels for the quoted sentences that lack them (by_sentence is updated)."""
    extra: list[Attribution] = []
    for record in inside:
        have = {a.label for a in by_sentence.get(record.index, [])}
        for speaker in speakers:
            if speaker.label in have or speaker.sentence_index == record.index:
                continue
            carried = replace(speaker, sentence_index=record.index, quote_type="continuation", rule_id=CARRIED_RULE,
                              speaker=True, step=f"{CARRIED_RULE} > {speaker.step}" if speaker.step else CARRIED_RULE)
            extra.append(carried)
            by_sentence.setdefault(record.index, []).append(carried)
            have.add(speaker.label)
    return extra


def opens_sentence(record: Sentence, quote_start: int) -> bool:
    """Only a quotation that opens its sentence stands for a speaker named elsewhere;
    a nickname or a scare-quoted word inside a sentence does not."""
    return quote_start <= record.start_char + 1


def neighbour_speaker(records: list[Sentence], inside: list[Sentence],
                      by_sentence: dict[int, list[Attribution]]) -> list[Attribution]:
    """A quotation with no cue of its own: the speaker named right after it ("Graham asked.")
    or, failing that, the speaker of the sentence just before it."""
    last = inside[-1].index
    following = [r for r in records if r.index == last + 1 and not r.is_heading]
    # a credit line credits; a short sentence with a quotation of its own ('Trump called the
    # deal "a disaster."') is a new statement
    if following and len(following[0].text) < CREDIT_LINE_CHARS and not QUOTE_MARKS & set(following[0].text):
        speakers = [a for a in by_sentence.get(following[0].index, []) if a.speaker]
        if speakers:
            return speakers
    first = inside[0].index
    before = [r for r in records if r.index == first - 1 and not r.is_heading]
    if before:
        return [a for a in by_sentence.get(before[0].index, []) if a.speaker and a.label != "document"]
    return []
