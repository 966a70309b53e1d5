"""The facts about an article that the scorecard's checks read (score/checks.py).

Pure functions of the Sentence and Attribution records. Every count here is of *sentences*
or of *sources* (people, bodies, outlets, documents), never of mentions: "CIA Director
William Burns said", "Burns said" and "he said" are one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Optional, Sequence

from ..records import AnonymousDetails, Attribution, Sentence
from ..rules.refs import rule_ref

NAMED_LABELS = ("named-official", "named-other")
EVIDENCE_LABELS = ("document", "satellite-imagery")
# Sources that identify themselves: a reader can look them up. Documents and imagery count:
# "a Treasury fact sheet" is as identified as the person who wrote it (issue 11).
IDENTIFIED_LABELS = NAMED_LABELS + EVIDENCE_LABELS
ANON_HEDGE = rule_ref("anon.hedge")                # "reportedly", "it is believed": no source at all
NO_COMMENT_RULES = {rule_ref("cue.no_comment")}    # "declined to comment": a reply was sought
IMAGERY_PROVIDERS = rule_ref("imagery.providers")  # imagery credited to its provider (Maxar, Planet Labs)
NO_DETAILS = AnonymousDetails()                    # what an attribution without details states: nothing
VERIFICATION = re.compile(
    r"\b(could not|couldn't|cannot|can't|was unable to|were unable to|has not been|have not been|not been)\s+"
    r"(be\s+)?(independently\s+)?(verif|confirm|corroborat)|independently (verified|confirmed)|"
    r"\b(verified|confirmed|corroborated) (by|the|that|independently)",
    re.IGNORECASE)


def details(row: Attribution) -> AnonymousDetails:
    """What the attribution states about an anonymous source (nothing, when it has no details)."""
    return row.anonymous if row.anonymous is not None else NO_DETAILS


def is_counted(row: Attribution) -> bool:
    """The attribution states how many sources it rests on ("two officials")."""
    return bool((details(row).source_count or "").strip())


def source_identity(row: Attribution) -> str:
    """Who a row's source is, for counting: an outlet by its canonical name, anyone else by
    source_key (a person's full name), else resolved_source, else source; case and spacing
    do not matter. "" when the row names no one."""
    if row.label == "secondary-outlet" and row.outlet:
        return "outlet:" + " ".join(row.outlet.split()).casefold()
    return " ".join((row.source_key or row.resolved_source or row.source or "").split()).casefold()


def display_name(rows: Iterable[Attribution]) -> str:
    """How the article names a source at its fullest, as written (identities are lower case)."""
    names = [" ".join(n.split()) for r in rows for n in (r.resolved_source, r.source, r.outlet) if n]
    return max(names, key=len, default="")


def is_back_reference(row: Attribution) -> bool:
    """A row that points back to a source already counted: "he said", "the source claimed",
    a sentence inside a quotation."""
    source = (row.source or "").strip().lower()
    return (row.rule_id or "").startswith("ref.") or source.startswith(("the ", "this ", "that "))


def distinct_sources(rows: Iterable[Attribution]) -> set[str]:
    """The identities of the sources the rows rest on. Hedges name no one; a back-reference
    ("the senator", "the official") counts only when it carries the name it points to, so it
    joins that person instead of counting twice. A short name that ends a fuller one ("Powell",
    "Jerome Powell") is the same person."""
    out = set()
    for row in rows:
        if row.rule_id == ANON_HEDGE:
            continue
        if row.label == "secondary-outlet" or row.source_key or not is_back_reference(row):
            identity = source_identity(row)
            if identity:
                out.add(person_key(identity))
    return {name for name in out if fuller_name(name, out) is None}


def fuller_name(name: str, names: Iterable[str]) -> Optional[str]:
    """The name in `names` that `name` is the end of ("jerome powell" for "powell"), if any."""
    return next((other for other in names if other != name and other.endswith(" " + name)), None)


def sentences_of(rows: Iterable[Attribution]) -> list[int]:
    return sorted({r.sentence_index for r in rows})


def sentences_text(count: int, what: str = "") -> str:
    """ "1 sentence", "3 sentences", with an optional word between ("2 attributed sentences")."""
    noun = "sentence" if count == 1 else "sentences"
    return f"{count} {what + ' ' if what else ''}{noun}"


def agree(count: int, one: str, many: str) -> str:
    """The verb that agrees with a count: agree(1, "rests", "rest") -> "rests"."""
    return one if count == 1 else many


def share_text(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "0 of 0"


def person_key(name: str) -> str:
    """A name compared as a name: case, curly apostrophes and spacing do not matter."""
    words = name.replace("\u2019", "'").replace("\u2018", "'").lower().split()
    return " ".join(w for w in words if not re.fullmatch(r"[a-z]\.", w))  # "Loretta E. Lynch" is "Loretta Lynch"


def has_title_or_affiliation(row: Attribution) -> bool:
    """The mention says who the person is: an official, or more words than the bare name."""
    if row.label == "named-official":
        return True
    resolved = row.resolved_source or ""
    key = row.source_key or ""
    mention = resolved if len(resolved) > len(key) else row.source or ""
    return len(mention.strip()) > len(key.strip()) + 2


@dataclass
class Facts:
    """One article as the checks see it: the scored (non-heading) sentences, the labels of
    each sentence, the attribution rows, and the expert words (lex.expert_words) as a pattern."""

    scored: list[Sentence]
    labels: dict[int, set[str]]
    attributions: list[Attribution]
    paragraph_of: dict[int, int]
    experts: "re.Pattern[str]"

    @classmethod
    def of(cls, sentences: Sequence[Sentence], attributions: Sequence[Attribution], experts: "re.Pattern[str]") -> "Facts":
        scored = [s for s in sentences if not s.is_heading]
        return cls(scored, {s.index: set(s.labels) for s in sentences}, list(attributions),
                   {s.index: s.paragraph for s in sentences}, experts)

    # -- sentences ----------------------------------------------------------------------
    @cached_property
    def attributed(self) -> list[int]:
        return [s.index for s in self.scored if self.labels[s.index]]

    def with_label(self, *labels: str) -> list[int]:
        return [i for i in self.attributed if self.labels[i] & set(labels)]

    @cached_property
    def identified(self) -> list[int]:
        """Attributed sentences that rest on a source a reader can look up: a named person or
        body, a document or imagery, or an outlet that is not itself relaying unnamed sources."""
        return [i for i in self.attributed if self.labels[i] & set(IDENTIFIED_LABELS)
                or ("secondary-outlet" in self.labels[i] and "anonymous" not in self.labels[i])]

    @cached_property
    def relayed(self) -> list[int]:
        """Attributed sentences that rest only on other outlets or unnamed sources."""
        return [i for i in self.attributed if self.labels[i] <= {"secondary-outlet", "anonymous"}]

    @cached_property
    def outlets_only(self) -> list[int]:
        return [i for i in self.attributed if self.labels[i] == {"secondary-outlet"}]

    @cached_property
    def verification(self) -> list[int]:
        """Sentences that say what the article could or could not verify."""
        return [s.index for s in self.scored if VERIFICATION.search(s.text)]

    @cached_property
    def scored_by_index(self) -> dict[int, Sentence]:
        return {s.index: s for s in self.scored}

    def text_of(self, index: int) -> Optional[str]:
        """The text of a scored sentence (None for a heading or an unknown index)."""
        sentence = self.scored_by_index.get(index)
        return sentence.text if sentence is not None else None

    # -- attribution rows ---------------------------------------------------------------
    def rows(self, *labels: str) -> list[Attribution]:
        return [a for a in self.attributions if a.label in labels]

    @cached_property
    def sourced_rows(self) -> list[Attribution]:
        """Every row but the hedges ("reportedly" names no source)."""
        return [r for r in self.attributions if r.rule_id != ANON_HEDGE]

    def anonymous_of_kind(self, kind: str) -> list[Attribution]:
        """Anonymous rows of one kind (AnonymousDetails.anonymous_kind: individual, group, hedge) that
        stand for a source of their own: back-references ("the official said") are left out."""
        return [r for r in self.rows("anonymous") if details(r).anonymous_kind == kind
                and (kind == "hedge" or not is_back_reference(r))]

    @cached_property
    def sentences_by_source(self) -> dict[str, set[int]]:
        by_source: dict[str, set[int]] = {}
        for r in self.sourced_rows:
            by_source.setdefault(source_identity(r), set()).add(r.sentence_index)
        by_source.pop("", None)
        return by_source

    @cached_property
    def named_people(self) -> dict[str, list[Attribution]]:
        """Named sources, one entry per person or body with all its mentions: "Jerome Powell",
        "Powell" and the "he" that points back to him are one (distinct_sources decides who is who)."""
        people: dict[str, list[Attribution]] = {name: [] for name in self.named_sources}
        for r in self.rows(*NAMED_LABELS):
            name = person_key(source_identity(r))
            owner = name if name in people else fuller_name(name, people)
            if owner is not None:
                people[owner].append(r)
        return people

    @cached_property
    def named_sources(self) -> set[str]:
        """Named people and bodies, one identity each (distinct_sources)."""
        return distinct_sources(self.rows(*NAMED_LABELS))

    @cached_property
    def rows_by_sentence(self) -> dict[int, list[Attribution]]:
        by_sentence: dict[int, list[Attribution]] = {}
        for r in self.attributions:
            by_sentence.setdefault(r.sentence_index, []).append(r)
        return by_sentence

    @cached_property
    def experts_quoted(self) -> list[Attribution]:
        return [r for r in self.rows("named-other") if self.experts.search(r.resolved_source or "")
                or self.experts.search(self.text_of(r.sentence_index) or "")]

    @cached_property
    def replies_sought(self) -> list[Attribution]:
        return [r for r in self.attributions if r.cue_rule_id in NO_COMMENT_RULES]

    @cached_property
    def kinds(self) -> set[str]:
        """The labels of the article's attributed sentences: the kinds of source it draws on."""
        return {label for i in self.attributed for label in self.labels[i]}

    def has_provenance(self, row: Attribution) -> bool:
        """A document or imagery row says where it comes from: a named source or outlet in the
        same sentence, an imagery provider, or a proper name in the source itself."""
        sentence = self.scored_by_index.get(row.sentence_index)
        if sentence is None:
            return False
        others = [a for a in self.rows_by_sentence[row.sentence_index] if a is not row]
        if any(a.label in ("secondary-outlet",) + NAMED_LABELS for a in others):
            return True
        if row.label == "satellite-imagery" and row.rule_id == IMAGERY_PROVIDERS:
            return True
        source = row.source or ""
        if sentence.start_char == row.start_char:
            source = source.split(" ", 1)[1] if " " in source else ""  # a capital that only starts the sentence
        return bool(re.search(r"[A-Z][a-z]+|\b[A-Z]{2,}\b", re.sub(r"^(The|A|An)\s", "", source)))
