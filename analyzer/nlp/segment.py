"""Paragraphs, headings and sentence boundaries, with offsets into the original text.

A line break always ends a sentence: articles put headings, datelines and paragraphs on
lines of their own, and the parser, left alone, glues a heading onto the next sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, SENT_START, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (declares doc._.sourcing_headings)

SMALL_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "to", "vs", "vs.", "with", "amid", "after", "before", "up", "off", "out", "via",
    "per", "than", "nor", "so", "yet", "about", "against", "is", "its",
}
# The parser sometimes ends a sentence after a title's full stop ("... the years, Mr. | Van
# Voorhis said."); a sentence never starts right after one of these.
ABBREVIATIONS = {
    "mr.", "mrs.", "ms.", "dr.", "prof.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.",
    "capt.", "cmdr.", "adm.", "maj.", "st.", "rev.", "hon.", "pres.", "sec.", "atty.", "supt.",
    "insp.", "det.", "cpl.", "pvt.", "jr.", "sr.", "no.", "vs.", "v.", "u.s.", "u.k.", "u.n.",
    "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "mt.", "ft.", "e.g.", "i.e.",
}
FINAL_PUNCTUATION = tuple('.!?:;"”’\'…)')
WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # exclusive, without the line break


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with surrounding white space trimmed from the offsets."""
    lines = []
    position = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = position + (len(body) - len(body.lstrip()))
            lines.append(Line(start, start + len(stripped)))
        position += len(raw)
    return lines


def is_heading(line_text: str) -> bool:
    """A heading stands alone on its line, in title case, and does not end like a sentence.

    Title-case lines that end in a single full stop count too: news archives often add one
    to the headline ("Visa Program Up for Renewal Amid Allegations of Fraud.").
    """
    text = line_text.strip().lstrip("#").strip()  # Markdown headings count as headings
    words = WORD.findall(text)
    if not words or len(words) > 25 or len(text) > 200:
        return False
    body = text
    if text.endswith(".") and not text.endswith(".."):
        body = text[:-1]
    if body.endswith(FINAL_PUNCTUATION) and not body.endswith(("’", "'", ")")):
        return False
    if re.search(r"(?<!\b[A-Z])[.!?]\s", body):  # "N. Korea Fires ..." keeps its initial
        return False
    significant = [w for w in words if w.lower() not in SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    if text.endswith(".") and text != body and capitalised < len(significant):
        return False  # a full stop is only forgiven when every content word is capitalised
    return capitalised / len(significant) >= 0.75 and (len(words) >= 2 or text.isupper())


# A title is short: leads that open an article on its first line run to 25 words and more.
TITLE_MAX_WORDS = 20
# A category tag over the title ("Asia", "Local News") is a word or three on the first line;
# a standfirst under it, before the byline, a line or two of a sentence's length.
TAG_MAX_WORDS = 3
DECK_MAX_LINES = 2
DECK_MAX_WORDS = 45
# A subhead or section label inside an article ("ABSTRACT.", "Two-front war.") is a few words
# on a line of its own; a paragraph of one sentence is longer.
SUBHEAD_MAX_WORDS = 4
SUBHEAD_UNPUNCTUATED_MAX_WORDS = 7
# Verbs of saying that mark a line as a sentence: a lead reports in the past ("said"), a
# headline in the present ("says"), so only the past tense rules a title out.
PAST_SPEECH = ("said", "told", "added")
REPORTED_SPEECH = re.compile(rf"\b(?:{'|'.join(PAST_SPEECH)})\b", re.IGNORECASE)
SENTENCE_VERBS = re.compile(rf"\b(?:{'|'.join(PAST_SPEECH + ('says', 'asked'))})\b", re.IGNORECASE)


# A question standing alone on its line is a subhead ("What happens next?", "Can AI really
# design drugs?") when it opens with a question word and is short.
QUESTION_SUBHEAD = re.compile(r"^(?:who|what|why|how|when|where|which|can|could|will|would|is|are|was|were|do|does|did|"
                              r"should|has|have)\b[^?\n]{0,60}\?$", re.IGNORECASE)
QUESTION_SUBHEAD_MAX_WORDS = 8
# Page furniture that a line can hold on its own and that is never a heading: a byline, a
# time of publication, an image credit (docs/labelling.md: neither headings nor labelled).
FURNITURE = re.compile(r"^(?:by\s|image:|images:|photo:|photograph:|\(photo:|published\b|posted:|updated\b|credit:"
                       r"|sources?:\s*\S)", re.IGNORECASE)  # "Source: NATO." credits a figure: a sentence
QUOTE_MARKS = "\"'“”‘’"
# The endings of a line that goes on or closes a sentence; a headline has none of them.
SENTENCE_ENDINGS = FINAL_PUNCTUATION + tuple(QUOTE_MARKS) + (",", ";", ":")
# A time of day as live blogs and datelines give it: "1:30 p.m.", "5:55 a.m."
TIME_OF_DAY = r"\d{1,2}:\d{2}\s?[ap]\.m\."
# A link to another story kept from the page ("Related: How to find a shelter", "READ MORE: ..."):
# a title-like label standing alone, a heading (docs/labelling.md: category tags and labels).
LINK_LINE = re.compile(r"^(?:related|read more|more|see also|also read|watch|listen)\s*:\s*\S[^\n]{0,150}$", re.IGNORECASE)


def is_subhead(line_text: str) -> bool:
    """A label of a few words standing alone on its line, ending in a full stop or nothing; a
    few more when it ends in nothing at all ("What I would ask them"), or in quotation marks
    around words that do not end like a sentence ("'We lost everything'"); a short question."""
    text = line_text.strip()
    if QUESTION_SUBHEAD.match(text) and len(WORD.findall(text)) <= QUESTION_SUBHEAD_MAX_WORDS:
        return True
    if len(text) > 2 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        text = text[1:-1].strip()
        if not text or text.endswith(FINAL_PUNCTUATION + (",",)):
            return False  # a quotation that ends like a sentence is one
    words = WORD.findall(text)
    longest = SUBHEAD_UNPUNCTUATED_MAX_WORDS if not text.endswith(FINAL_PUNCTUATION + (",",)) else SUBHEAD_MAX_WORDS
    return (0 < len(words) <= longest and text[0].isupper() and not text.endswith((",", ";", ":"))
            and ":" not in text and "?" not in text and not SENTENCE_VERBS.search(text))  # "KALE: It will pass."


def title_lines(text: str, lines: list[Line]) -> list[Line]:
    """The article's title: its first line when more lines follow and it is short, with the
    line after it when the title runs on ("Derelict Obama and Clinton; / Trump will go on
    offense"). A title is a heading even when it ends with a full stop (docs/labelling.md)."""
    if len(lines) < 3:
        return []  # a title stands over at least two paragraphs
    title = []
    first_words = WORD.findall(text[lines[0].start:lines[0].end])
    second = text[lines[1].start:lines[1].end].rstrip()
    if 0 < len(first_words) <= TAG_MAX_WORDS and not text[lines[0].start:lines[0].end].endswith(FINAL_PUNCTUATION) and (
            _same_block(text, lines[0], lines[1]) or len(WORD.findall(second)) <= TITLE_MAX_WORDS
            and not second.endswith(SENTENCE_ENDINGS)):
        # a category tag over the title ("Asia", "Local News"), in the title's block or its own
        # above a title that does not end like a sentence
        title.append(lines[0])
    for line in lines[len(title):len(title) + 2]:
        words = WORD.findall(text[line.start:line.end])
        if not words or len(words) > TITLE_MAX_WORDS or len(text[line.start:line.end]) > 200:
            break
        if REPORTED_SPEECH.search(text[line.start:line.end]):
            break  # headlines say "says"; a lead says "said"
        title.append(line)
        if not text[line.start:line.end].rstrip().endswith((";", ":")):
            break
    title += _deck(text, lines, title)
    return title if len(title) < len(lines) else []


def _deck(text: str, lines: list[Line], title: list[Line]) -> list[Line]:
    """The standfirst: a line or two under the title, in its block, before the byline or the
    date ("Hanoi says the crew was fishing in Vietnamese waters; Jakarta says ..."). Lines
    under a title that no byline follows are the article's first paragraph."""
    deck: list[Line] = []
    for line in lines[lines.index(title[-1]) + 1:] if title else []:
        line_text = text[line.start:line.end]
        if not _same_block(text, deck[-1] if deck else title[-1], line):
            return []
        if FURNITURE.match(line_text):
            return deck
        if len(deck) == DECK_MAX_LINES or len(WORD.findall(line_text)) > DECK_MAX_WORDS or REPORTED_SPEECH.search(line_text):
            return []
        deck.append(line)
    return []


def _same_block(text: str, above: Line, below: Line) -> bool:
    """No blank line between the two lines."""
    return text[above.end:below.start].count("\n") < 2


def heading_lines(text: str) -> list[Line]:
    """Headings: the title, title-case lines that do not end like a sentence, subheads, and a
    live blog's entry headlines."""
    lines = lines_of(text)
    title = title_lines(text, lines)
    return [ln for j, ln in enumerate(lines) if ln in title or not FURNITURE.match(text[ln.start:ln.end]) and (
            is_heading(text[ln.start:ln.end]) or LINK_LINE.match(text[ln.start:ln.end].strip())
            or ln is not lines[0] and (is_subhead(text[ln.start:ln.end]) or _entry_headline(text, lines, j)))]


# A live blog's entry opens under a separator ("___") or its time ("1:30 p.m."): the line there
# that does not end like a sentence is the entry's headline ("Early voting begins in Minnesota,
# South Dakota and Vermont"), longer than a subhead may be elsewhere.
ENTRY_MARK = re.compile(rf"^(?:_{{3,}}\.?|{TIME_OF_DAY})$")


def _entry_headline(text: str, lines: list[Line], j: int) -> bool:
    line = text[lines[j].start:lines[j].end]
    words = WORD.findall(line)
    under_mark = j > 0 and bool(ENTRY_MARK.match(text[lines[j - 1].start:lines[j - 1].end]))
    return under_mark and 0 < len(words) <= TITLE_MAX_WORDS and line[0].isupper() \
        and not line.endswith(SENTENCE_ENDINGS) and not REPORTED_SPEECH.search(line)


def set_line_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break; keep a heading line one sentence."""
    text = doc.text
    heading_ranges = [(ln.start, ln.end) for ln in heading_lines(text)]
    # Plain ints from one array: a Token object per word would cost more than the rule itself.
    columns = doc.to_array([IS_SPACE, IS_PUNCT, LOWER, IDX, LENGTH, SPACY]).tolist()
    sent_starts = doc.to_array([SENT_START]).astype("int64")  # 1 starts, -1 does not, 0 the parser decides
    entries, entries_from = _source_entries(text)
    forced = _timestamp_starts(text) | entries
    # "GENEVA (Reuters) - The reservoir ...": the wire's dateline opens the lead's sentence
    datelines = {m.end() for m in DATELINE_WIRE.finditer(text)}
    # A transcript ("GOV. ED PARK (D), NEW MEXICO: Testing went up."): a speaker's tag stays whole
    # ("GOV." ends no sentence) and stands apart, so the parser never takes the name for the subject
    # of the turn's first sentence ("PARK: The White House says ...").
    tags = [m for m in SPEAKER_TAG.finditer(text) if m.group(1) not in NOT_SPEAKERS] if ":" in text else []
    if len(tags) < 2:
        tags = []  # one "KALE:" is no transcript
    in_tags = {offset for m in tags for offset in range(m.start() + 1, m.end())}
    forced |= {m.end() for m in tags}
    after_break = True
    line_start = 0
    for i, (space, _, _, idx, length, _) in enumerate(columns):
        if space:
            if "\n" in text[idx:idx + length]:
                after_break = True
            continue
        if after_break or (forced and idx in forced):  # a line, or a live blog's time stamp and entry
            sent_starts[i] = 1
            after_break = False
            line_start = i
        elif _opening_mark(text, columns, i):
            sent_starts[i] = 1
            if i + 1 < len(columns):
                sent_starts[i + 1] = -1
        elif (i == line_start + 1 and (not columns[line_start][1] or _token_text(text, columns, line_start) in OPENERS)
              or heading_ranges and any(s < idx < e for s, e in heading_ranges)
              or _after_abbreviation(text, columns, i) or _closing_mark(text, columns, i) or idx > entries_from
              or columns[i - 1][3] + columns[i - 1][4] in datelines or idx in in_tags):
            sent_starts[i] = -1
    doc.from_array([SENT_START], sent_starts.astype("uint64").reshape(-1, 1))
    doc._.sourcing_headings = heading_ranges
    return doc


# A live blog's entries open with their time ("5:55 p.m.  Donald Trump says ..."), on a line of
# their own or after two spaces where the line breaks were lost: the time stands apart, and the
# entry's sentence starts after it, so that the parser finds its speaker.
TIMESTAMP = re.compile(rf"(?:^|(?<=\n)|(?<=\s\s)|(?<=:\s))({TIME_OF_DAY})\s+(?=[A-Z\"“])", re.MULTILINE)


def _timestamp_starts(text: str) -> set[int]:
    """Character offsets where a time stamp and the entry after it start."""
    starts: set[int] = set()
    for match in TIMESTAMP.finditer(text):
        starts.update((match.start(1), match.end()))
    return starts


# A "Sources" list copied from a web page may lose its line breaks: "..., Sept. 27, 2028 Email
# interview, Jenna Stowe, ..." Below a "Sources" line, an entry ends with its year and the next
# opens with a capital or a quotation mark.
SOURCES_HEAD = re.compile(r"^[ \t]*(?:our\s+)?(?:sources?|references)[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
ENTRY_END = re.compile(r"\b(?:19|20)\d{2}[.)]?[ \t]+(?=[A-Z\"“])")


def _source_entries(text: str) -> tuple[set[int], int]:
    """Where the entries of a run-together "Sources" list start (character offsets), and where
    the list starts (len(text) when there is none): inside it only those starts and line breaks
    end an entry ("...Higher than in Other Countries?” March 2022" is one)."""
    heads = list(SOURCES_HEAD.finditer(text))
    starts = {m.end() for m in ENTRY_END.finditer(text, heads[-1].end())} if heads else set()
    return (starts, heads[-1].end()) if len(starts) > 1 else (set(), len(text))


CLOSERS = {'"', "”", "’", "'", "''", ")", "]", "»", "”.", '".'}
# A quotation mark that opens a line opens its first sentence, never a sentence of its own.
OPENERS = {'"', "“", "‘", "'", "``", "«"}
SENTENCE_ENDS = {".", "!", "?", "…", "?!"}
ABBREVIATION_IDS = {get_string_id(a) for a in ABBREVIATIONS}


# A transcript's speaker tag: an optional quotation mark, the name in capitals (one to four
# words, a title among them: "GOV. ED PARK"), then what the show's caption adds, a party and
# state in brackets or a description after a comma ("(R-TX)", ", CBS NEWS HOST"), and a colon.
SPEAKER_TAG = re.compile(r"^[\"“”'‘’]?[ \t]*((?:[A-Z][A-Z.'’\-]*[ ]){0,3}[A-Z][A-Z.'’\-]+)"
                         r"((?:[ ]?\([^()\n]{1,30}\)|,[ ][A-Z0-9\"“”'‘’.&\- ]{2,60}?){0,3}):(?:[ \t]|$)", re.MULTILINE)

# Labels of page furniture that open a paragraph like a tag ("UPDATE: The bridge ..."): nobody speaks.
NOT_SPEAKERS = {"UPDATE", "UPDATED", "CORRECTION", "CLARIFICATION", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH",
                "READ MORE", "RELATED", "BREAKING", "BREAKING NEWS", "PHOTOS", "VIDEO", "LISTEN", "ALSO", "SOURCE",
                "SOURCES", "CREDIT", "WARNING", "ADVERTISEMENT", "EXCLUSIVE", "ANALYSIS", "OPINION",
                # a fact-check's labels: "CLAIM: ... THE FACTS: That's false."
                "THE FACTS", "FACTS", "THE CLAIM", "CLAIM", "FACT CHECK", "THE VERDICT", "VERDICT", "RATING",
                "THE BOTTOM LINE", "BOTTOM LINE", "WHAT HE SAID", "WHAT SHE SAID", "WHAT THEY SAID"}


# "WASHINGTON (AFP) –", "AUSTIN, Texas (AP) —": a wire credit that opens a line
DATELINE_WIRE = re.compile(r"^[^\n(]{0,80}?\(([A-Za-z][A-Za-z .&\-]{1,40})\)\s*[-–—]", re.MULTILINE)


def _token_text(text: str, columns: list, i: int) -> str:
    idx, length = columns[i][3], columns[i][4]
    return text[idx:idx + length]


def _closing_mark(text: str, columns: list, i: int) -> bool:
    """A quotation mark or bracket right after a full stop closes that sentence, never opens one."""
    if columns[i - 1][5]:  # white space after the full stop
        return False
    return _token_text(text, columns, i) in CLOSERS and _token_text(text, columns, i - 1) in SENTENCE_ENDS


def _opening_mark(text: str, columns: list, i: int) -> bool:
    """ "... integration. ''That's Mexico's vulnerability,'' said Rubio": a double mark after a
    full stop and a space, glued to the word after it, opens the next sentence; the parser
    would leave it at the end of the one before (the archive's '' closes quotations too)."""
    if i == 0 or i + 1 >= len(columns) or not columns[i - 1][5] or columns[i][5]:
        return False
    return _token_text(text, columns, i) in ("''", '"', "``", "“") and _token_text(text, columns, i - 1) in SENTENCE_ENDS \
        and _token_text(text, columns, i + 1)[:1].isalnum()


def _after_abbreviation(text: str, columns: list, i: int) -> bool:
    _, _, lower, _, length, _ = columns[i - 1]
    if lower in ABBREVIATION_IDS:
        return True
    # a single capital initial: "John F. Kennedy"
    if length != 2:
        return False
    previous = _token_text(text, columns, i - 1)
    return previous[0].isupper() and previous[1] == "." and _token_text(text, columns, i).istitle()


@Language.component("sourcing_lines")
def sourcing_lines(doc: Doc) -> Doc:
    return set_line_boundaries(doc)
