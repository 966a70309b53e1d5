"""What the attribution stage knows while it reads an article: the sources found so far, the
people and acronyms the article named, for back-references ("he said", "Burns said", "the JCS")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# Words after a surname that are not the surname ("Joseph R. Biden Jr." is "Mr. Biden" later).
NAME_SUFFIXES = frozenset(("jr.", "jr", "sr.", "sr", "ii", "iii", "iv"))


def name_keys(name: str) -> tuple[str, ...]:
    """The keys a person is remembered by: the full name, its last word, and the surname before
    a suffix ("Biden" for "Joseph R. Biden Jr.")."""
    words = name.replace(",", " ").split()
    keys = (name, words[-1])
    if len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
        keys += (words[-2],)
    return keys


# Labels of sources that are not people: a pronoun for a person never points back to them.
THING_LABELS = ("secondary-outlet", "document", "satellite-imagery")


@dataclass
class Source:
    """A labelled source noun phrase, before it becomes an Attribution."""

    label: str
    rule_id: str
    text: str
    resolved: str
    start_char: int
    end_char: int
    is_person: bool = False
    plural: bool = False
    outlet: Optional[str] = None  # canonical outlet name, for the own-outlet check
    key: Optional[str] = None  # who it is, for counting distinct sources: a person's full name
    root_i: Optional[int] = None  # token index of the phrase's head, for describing anonymous sources
    step: Optional[str] = None  # the decision step that labelled it (analyzer/attribution/decisions)


@dataclass(frozen=True)
class KnownPerson:
    """A person the article named, as first (or best) introduced."""

    label: str      # named-official or named-other
    rule_id: str    # the rule or decision step that decided the label
    name: str       # the full name: "William Burns"
    mention: str    # the full mention with title: "CIA Director William Burns"
    outlet: Optional[str] = None  # a journalist's outlet ("NBC's Chuck Todd"): their words are its reporting


@dataclass(frozen=True)
class KnownBody:
    """An organisation or body introduced with an acronym: "Joint Chiefs of Staff (JCS)"."""

    label: str
    rule_id: str
    name: str


@dataclass
class ArticleContext:
    """What the article has said so far, for back-references."""

    people: dict[str, KnownPerson] = field(default_factory=dict)  # by full name and by surname
    history: list[Source] = field(default_factory=list)
    seen_imagery: bool = False
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name) of every person named
    acronyms: dict[str, KnownBody] = field(default_factory=dict)  # "JCS" -> the body
    genders: dict[str, str] = field(default_factory=dict)  # full name -> the gender the text gives (pronouns.py)
    # (offset, full name, of the main clause?) of people named as a clause's subject (pronouns.py)
    subjects: list[tuple[int, str, bool]] = field(default_factory=list)
    # documents cited so far, speakers' or not ("confirmed the cuts in a memo"), for "..., Reyes wrote" (written.py)
    documents: list[Source] = field(default_factory=list)
    # other outlets credited so far, speakers or not ("said on CNN's 'State of the Union'"), for "the host asked"
    outlets: list[Source] = field(default_factory=list)
    # outlets no rule lists, named after a word for what they are ("the state news agency
    # Velnews"): the same name alone later ("Velnews also quoted ...") is that outlet
    described_outlets: set[str] = field(default_factory=set)

    def person_before(self, offset: int) -> Optional[str]:
        earlier = [name for start, name in self.mentions if start < offset]
        return earlier[-1] if earlier else None

    def describe_again(self, known: KnownPerson, described: KnownPerson) -> None:
        """The person the text now describes better: every key still held by the old record."""
        for key in name_keys(known.name):
            if self.people.get(key) is known:
                self.people[key] = described

    def remember(self, source: Source) -> None:
        self.history.append(source)
        if source.label == "satellite-imagery":
            self.seen_imagery = True

    def last(self, want_person: Optional[bool] = None, want_plural: Optional[bool] = None) -> Optional[Source]:
        for source in reversed(self.history):
            if source.label in THING_LABELS and want_person:
                continue
            if want_person is not None and source.is_person != want_person:
                continue
            if want_plural is not None and source.plural != want_plural:
                continue
            return source
        return None
