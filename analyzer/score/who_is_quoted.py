"""Who is quoted: the distinct sources of an article, one entry each (issue 11).

A source's identity is what the attributions say it is, not how the sentence wrote it
(facts.source_identity, the one the scorecard counts by): an outlet by its canonical name
(`outlet`: "NYT" and "The New York Times" are one), anyone else by `source_key` (a person's
full name: "CIA Director William Burns", "Burns" and the "he" that points back to him are
one), else by `resolved_source`, else by `source`, compared case-insensitively. What the table shows is written the way the article wrote it: the
fullest (longest) mention, never lower-cased.

Hedges ("reportedly": rule anon.hedge) name no one and are left out. Back-references
(ref.name, ref.pronoun, ref.quotation) carry the key of the person they point to, so they
count toward that person.

A pure function of the records: the writers (CSV, terminal, report.md, report.html) all read
the same entries through ArticleResult.sources.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from ..labels import LABELS
from ..records import Attribution, Sentence
from .facts import ANON_HEDGE, display_name, source_identity

OUTLET_LABEL = "secondary-outlet"
SPOKE_TO_SEPARATOR = "; "
_EDGE = " \t\n,;:()-\u2013\u2014"  # what is left around a title once the name is cut out of a mention


@dataclass(frozen=True)
class SourceEntry:
    """One distinct source of an article: a row of sources.csv and of the "Who is quoted" tables."""

    name: str            # the fullest name the article gives, as written
    label: str           # the most frequent label of its attributions
    role: str            # title or affiliation around the bare name ("CIA Director"), "" if none
    spoke_to: str        # outlets it spoke to ("told CNN"), "; "-joined canonical names
    sentences: int       # distinct sentences that rest on it
    first_sentence: int  # index of the sentence of its first mention
    first_mention: str   # the words of that first mention


def who_is_quoted(sentences: Iterable[Sentence], attributions: Iterable[Attribution]) -> list[SourceEntry]:
    """The article's distinct sources, in the order of their first mention."""
    headings = {s.index for s in sentences if s.is_heading}
    mentions: dict[str, list[Attribution]] = {}
    for a in sorted(attributions, key=lambda a: (a.sentence_index, a.start_char)):
        if a.rule_id == ANON_HEDGE or a.sentence_index in headings:
            continue
        who = source_identity(a)
        if who:
            mentions.setdefault(who, []).append(a)
    listeners = _outlets_spoken_to(mentions)
    return [_entry(rows, listeners.get(who, [])) for who, rows in mentions.items()]


def _entry(rows: list[Attribution], spoke_to: list[str]) -> SourceEntry:
    first = rows[0]
    name = display_name(rows)  # the longest way the article names it; the first on a tie
    return SourceEntry(name=name, label=main_label(rows), role=role_of(name, first.source_key),
                       spoke_to=SPOKE_TO_SEPARATOR.join(spoke_to),
                       sentences=len({a.sentence_index for a in rows}),
                       first_sentence=first.sentence_index, first_mention=first.source or first.resolved_source)


def main_label(rows: list[Attribution]) -> str:
    """The most frequent label; a tie goes to the label that comes first in labels.LABELS."""
    counts = Counter(a.label for a in rows)
    order = {label: position for position, label in enumerate(LABELS)}
    return min(counts, key=lambda label: (-counts[label], order.get(label, len(order)), label))


def role_of(name: str, person: Optional[str]) -> str:
    """The title or affiliation in the fullest mention: the words before and after the bare
    name ("CIA Director William Burns" -> "CIA Director"; "Jake Sullivan, the national security
    adviser" -> "the national security adviser"), joined with ", " when there are both.
    Only a source with a person's name (source_key) has one: without a name to cut out, the
    mention is all title ("Iran's Supreme Leader") and is already the name."""
    if not person:
        return ""
    match = re.search(re.escape(" ".join(person.split())), name, re.IGNORECASE)
    if match is None:
        return ""
    parts = (name[:match.start()].strip(_EDGE), name[match.end():].strip(_EDGE))
    return ", ".join(p for p in parts if p)


def _outlets_spoken_to(mentions: dict[str, list[Attribution]]) -> dict[str, list[str]]:
    """For each source, the outlets it spoke to, in order of first mention.

    An outlet that is not the speaker (speaker=False) in a sentence is one the sentence's source
    spoke to ("a US official told CNN") when both hang on the same cue: "According to Sullivan,
    images obtained by CNN show ..." names CNN, but Sullivan did not speak to it."""
    listeners = [a for rows in mentions.values() for a in rows if a.label == OUTLET_LABEL and not a.speaker]
    out: dict[str, list[str]] = {}
    for who, rows in mentions.items():
        names: list[str] = []
        for a in rows:
            for outlet in listeners:
                heard = outlet.sentence_index == a.sentence_index and outlet.cue == a.cue and outlet is not a
                name = outlet.outlet or outlet.source
                if heard and source_identity(outlet) != who and name not in names:
                    names.append(name)
        out[who] = names
    return out
