"""The sourcing scorecard: how clearly an article shows where its claims come from.

Five dimensions of 20 points each, after the IMVAIN checklist taught in news-literacy
classes (Independent, Multiple, Verify, Authoritative/informed, Named). Every point is a
pass/fail check whose evidence is a list of sentences; a check that does not apply passes
and says "n/a". Pure functions: the Sentence and Attribution records (analyzer/records.py)
in, a Scorecard out; report/tables.py flattens it into the scorecard.csv row.
It scores transparency of sourcing, not truth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from ..labels import LABELS, UNATTRIBUTED
from ..records import AnonymousDetails, Attribution, Check, Flag, Scorecard, Sentence  # noqa: F401  (Scorecard re-exported)
from ..rules.refs import rule_ref

NAMED_LABELS = ("named-official", "named-other")
EVIDENCE_LABELS = ("document", "satellite-imagery")
DIMENSIONS = {
    "N": "Named",
    "A": "Authoritative/informed",
    "M": "Multiple",
    "V": "Verify",
    "I": "Independent",
}
POINTS_PER_DIMENSION = 20
VERIFICATION = re.compile(
    r"\b(could not|couldn't|cannot|can't|was unable to|were unable to|has not been|have not been|not been)\s+"
    r"(be\s+)?(independently\s+)?(verif|confirm|corroborat)|independently (verified|confirmed)|\b(verified|confirmed|corroborated) (by|the|that|independently)",
    re.IGNORECASE)
EXPERT_WORDS = rule_ref("lex.expert_words")       # words that make a named source an outside expert (I1)
ANON_HEDGE = rule_ref("anon.hedge")                # "reportedly", "it is believed": no source at all
NO_COMMENT_RULES = {rule_ref("cue.no_comment")}    # "declined to comment": a reply was sought
IMAGERY_PROVIDERS = rule_ref("imagery.providers")  # imagery credited to its provider (Maxar, Planet Labs)
NO_DETAILS = AnonymousDetails()                    # what an attribution without details states: nothing


# -- the facts the checks read ---------------------------------------------------------

@dataclass
class Facts:
    scored: list[Sentence]
    labels: dict[int, set[str]]
    attributions: list[Attribution]
    paragraph_of: dict[int, int]
    experts: "re.Pattern[str]"  # the expert words (lex.expert_words) as one pattern

    @property
    def attributed(self) -> list[int]:
        return [s.index for s in self.scored if self.labels[s.index]]

    def with_label(self, *labels: str) -> list[int]:
        return [i for i in self.attributed if self.labels[i] & set(labels)]

    def rows(self, *labels: str) -> list[Attribution]:
        return [a for a in self.attributions if a.label in labels]

    def text_of(self, index: int) -> Optional[str]:
        """The text of a scored sentence (None for a heading or an unknown index)."""
        return next((s.text for s in self.scored if s.index == index), None)


def _facts(sentences: Sequence[Sentence], attributions: Sequence[Attribution], experts: "re.Pattern[str]") -> Facts:
    scored = [s for s in sentences if not s.is_heading]
    labels = {s.index: set(s.labels) for s in sentences}
    paragraph_of = {s.index: s.paragraph for s in sentences}
    return Facts(scored, labels, list(attributions), paragraph_of, experts)


@lru_cache(maxsize=8)
def _pattern(words: frozenset[str]) -> "re.Pattern[str]":
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"\b({alternatives})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _packaged_expert_words() -> frozenset[str]:
    from ..rules.loader import default_rules_dir, load_rule_file

    return next(frozenset(t.lower() for t in r.rule.terms) for r in load_rule_file(default_rules_dir() / "lexicons.yml")
                if r.id == EXPERT_WORDS)


def expert_pattern(words: Optional[Iterable[str]] = None) -> "re.Pattern[str]":
    """The expert words as one case-blind pattern of whole words; the packaged list when none are given."""
    return _pattern(frozenset(words) if words is not None else _packaged_expert_words())


def details(row: Attribution) -> AnonymousDetails:
    """What the attribution states about an anonymous source (nothing, when it has no details)."""
    return row.anonymous if row.anonymous is not None else NO_DETAILS


def _counted(row: Attribution) -> bool:
    """The attribution states how many sources it rests on ("two officials")."""
    return bool((details(row).source_count or "").strip())


def source_identity(row: Attribution) -> str:
    if row.label == "secondary-outlet" and row.outlet:
        return "outlet:" + row.outlet.strip().lower()
    return (row.source_key or row.resolved_source or row.source or "").strip().lower()


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
    out = set()
    for row in rows:
        if row.rule_id == ANON_HEDGE:
            continue
        if row.label in NAMED_LABELS or row.label == "secondary-outlet" or not is_back_reference(row):
            identity = source_identity(row)
            if identity:
                out.add(identity)
    return out


def _anonymous_sources(f: Facts) -> list[Attribution]:
    """Anonymous attributions that stand for a source of their own (no hedge, no back-reference)."""
    return [r for r in f.rows("anonymous") if r.rule_id != ANON_HEDGE and not is_back_reference(r)]


def _sentences_of(rows: Iterable[Attribution]) -> list[int]:
    return sorted({r.sentence_index for r in rows})


def sentences_text(count: int, what: str = "") -> str:
    """ "1 sentence", "3 sentences", with an optional word between ("2 attributed sentences")."""
    noun = "sentence" if count == 1 else "sentences"
    return f"{count} {what + ' ' if what else ''}{noun}"


def agree(count: int, one: str, many: str) -> str:
    """The verb that agrees with a count: agree(1, "rests", "rest") -> "rests"."""
    return one if count == 1 else many


def _share_text(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "0 of 0"


# -- the checks ------------------------------------------------------------------------

def _named_checks(f: Facts) -> list[tuple]:
    attributed = f.attributed
    named = f.with_label(*NAMED_LABELS)
    unnamed = [i for i in attributed if i not in named]
    share = len(named) / len(attributed) if attributed else None
    text = f"{_share_text(len(named), len(attributed))} attributed sentences name their source"
    if share is None:
        return [("N1", "At least half of the attributed sentences name their source", None, [], "n/a: no attributed sentences"),
                ("N2", "At least three in four attributed sentences name their source", None, [], "n/a: no attributed sentences")]
    return [
        ("N1", "At least half of the attributed sentences name their source", share >= 0.5, named if share >= 0.5 else unnamed, text),
        ("N2", "At least three in four attributed sentences name their source", share >= 0.75, named if share >= 0.75 else unnamed, text),
    ]


def _authoritative_checks(f: Facts) -> list[tuple]:
    named_rows = f.rows(*NAMED_LABELS)
    people = [r for r in named_rows if r.source_key]
    bare = [r for r in people if not _has_title_or_affiliation(r)]
    anonymous = _anonymous_sources(f)
    no_reason = [r for r in anonymous if not details(r).anonymity_reason_given]
    reasons = [r for r in anonymous if details(r).anonymity_reason_given]
    formulaic = [r for r in reasons if details(r).anonymity_reason == "formulaic"]
    no_vantage = [r for r in anonymous if (details(r).vantage or "none") == "none"]
    hedges = [r for r in f.rows("anonymous") if r.rule_id == ANON_HEDGE]
    checks = []
    if people:
        checks.append(("A1", "Named sources have a title or affiliation", not bare,
                       _sentences_of(bare or people),
                       f"{len(people) - len(bare)} of {len(people)} named people come with a title or affiliation"))
    else:
        checks.append(("A1", "Named sources have a title or affiliation", None, [], "n/a: no named people"))
    if anonymous:
        checks.append(("A2", "Anonymous sources come with a reason for anonymity", not no_reason,
                       _sentences_of(no_reason or anonymous),
                       f"{len(anonymous) - len(no_reason)} of {len(anonymous)} anonymous attributions give a reason"))
        if reasons:
            checks.append(("A3", "The reason for anonymity is not only formulaic", len(formulaic) < len(reasons),
                           _sentences_of(formulaic or reasons),
                           f"{len(reasons) - len(formulaic)} of {len(reasons)} reasons are substantive"))
        else:
            checks.append(("A3", "The reason for anonymity is not only formulaic", False, _sentences_of(anonymous),
                           "no reason is given at all"))
        checks.append(("A4", "Anonymous sources' vantage is stated (who attended, briefed on, familiar with)", not no_vantage,
                       _sentences_of(no_vantage or anonymous),
                       f"{len(anonymous) - len(no_vantage)} of {len(anonymous)} anonymous attributions state how the source knows"))
    else:
        checks.extend([
            ("A2", "Anonymous sources come with a reason for anonymity", None, [], "n/a: no anonymous sources"),
            ("A3", "The reason for anonymity is not only formulaic", None, [], "n/a: no anonymous sources"),
            ("A4", "Anonymous sources' vantage is stated (who attended, briefed on, familiar with)", None, [], "n/a: no anonymous sources"),
        ])
    checks.append(("A5", "No vague attributions with no source at all (\"reportedly\", \"it is believed\")", not hedges,
                   _sentences_of(hedges), f"{sentences_text(len(_sentences_of(hedges)))} {agree(len(_sentences_of(hedges)), 'rests', 'rest')} on a vague attribution"))
    return checks


def _has_title_or_affiliation(row: Attribution) -> bool:
    if row.label == "named-official":
        return True
    resolved = row.resolved_source or ""
    key = row.source_key or ""
    mention = resolved if len(resolved) > len(key) else row.source or ""
    return len(mention.strip()) > len(key.strip()) + 2


def _multiple_checks(f: Facts) -> list[tuple]:
    rows = [r for r in f.attributions if r.rule_id != ANON_HEDGE]
    identities = distinct_sources(rows)
    named_people = {source_identity(r) for r in f.rows(*NAMED_LABELS) if source_identity(r)}
    attributed = f.attributed
    by_source: dict[str, set[int]] = {}
    for r in rows:
        by_source.setdefault(source_identity(r), set()).add(r.sentence_index)
    top_source, top_sentences = max(by_source.items(), key=lambda kv: len(kv[1]), default=("", set()))
    top_name = display_name([r for r in rows if source_identity(r) == top_source]) if top_source else ""
    anonymous = _anonymous_sources(f)
    uncounted = [r for r in anonymous if not _counted(r)]
    checks = [
        ("M1", "At least two distinct sources", len(identities) >= 2, _sentences_of(rows),
         f"{len(identities)} distinct sources"),
        ("M2", "At least four fully identified (named) sources", len(named_people) >= 4, _sentences_of(f.rows(*NAMED_LABELS)),
         f"{len(named_people)} named sources"),
    ]
    if attributed:
        dominant = len(top_sentences) > len(attributed) / 2
        checks.append(("M3", "No single source carries more than half of the attributed sentences", not dominant,
                       sorted(top_sentences), f"the most used source ({top_name or 'none'}) carries "
                       f"{_share_text(len(top_sentences), len(attributed))} attributed sentences"))
    else:
        checks.append(("M3", "No single source carries more than half of the attributed sentences", None, [], "n/a: no attributed sentences"))
    if anonymous:
        checks.append(("M4", "Anonymous claims state how many sources they rest on", not uncounted,
                       _sentences_of(uncounted or anonymous),
                       f"{len(anonymous) - len(uncounted)} of {len(anonymous)} anonymous attributions state a number"))
    else:
        checks.append(("M4", "Anonymous claims state how many sources they rest on", None, [], "n/a: no anonymous sources"))
    return checks


def _verify_checks(f: Facts) -> list[tuple]:
    evidence = f.rows(*EVIDENCE_LABELS)
    unsourced = [a for i, a in enumerate(f.attributions) if a.label in EVIDENCE_LABELS and not _has_provenance(i, f)]
    relayed = f.with_label("secondary-outlet") + [i for i in f.with_label("anonymous") if i not in f.with_label("secondary-outlet")]
    verification = [s.index for s in f.scored if VERIFICATION.search(s.text)]
    checks = [("V1", "At least one document, data or imagery attribution", bool(evidence), _sentences_of(evidence),
               f"{sentences_text(len(_sentences_of(evidence)))} {agree(len(_sentences_of(evidence)), 'rests', 'rest')} on documents, data or imagery")]
    if evidence:
        checks.append(("V2", "Documents and imagery say where they come from", not unsourced, _sentences_of(unsourced or evidence),
                       f"{len(evidence) - len(unsourced)} of {len(evidence)} say who published, provided or obtained them"))
    else:
        checks.append(("V2", "Documents and imagery say where they come from", None, [], "n/a: no documents or imagery"))
    if relayed:
        checks.append(("V3", "Claims from other outlets or anonymous sources are confirmed or marked unverified",
                       bool(verification), verification or sorted(relayed),
                       "the article says what it could or could not verify" if verification
                       else f"{sentences_text(len(relayed))} {agree(len(relayed), 'relays', 'relay')} other outlets or anonymous sources with no word on verification"))
    else:
        checks.append(("V3", "Claims from other outlets or anonymous sources are confirmed or marked unverified", None, [],
                       "n/a: nothing relayed from other outlets or anonymous sources"))
    return checks


def _has_provenance(position: int, f: Facts) -> bool:
    """The document or imagery attribution at f.attributions[position] says where it comes from."""
    row = f.attributions[position]
    if f.text_of(row.sentence_index) is None:
        return False
    others = [a for i, a in enumerate(f.attributions) if a.sentence_index == row.sentence_index and i != position]
    if any(a.label in ("secondary-outlet", "named-official", "named-other") for a in others):
        return True
    if row.label == "satellite-imagery" and row.rule_id == IMAGERY_PROVIDERS:
        return True
    text = row.source or ""
    return bool(re.search(r"[A-Z][a-z]+|\b[A-Z]{2,}\b", re.sub(r"^(The|A|An)\s", "", text)))


def _independent_checks(f: Facts) -> list[tuple]:
    experts = [r for r in f.rows("named-other") if f.experts.search(r.resolved_source or "")
               or f.experts.search(f.text_of(r.sentence_index) or "")]
    replies = [r for r in f.attributions if r.cue_rule_id in NO_COMMENT_RULES]
    kinds = {label for i in f.attributed for label in f.labels[i]}
    outlets_only = bool(f.attributed) and all(f.labels[i] == {"secondary-outlet"} for i in f.attributed)
    return [
        ("I1", "A source not party to the story (a named expert or outside analyst)", bool(experts), _sentences_of(experts),
         f"{sentences_text(len(_sentences_of(experts)))} {agree(len(_sentences_of(experts)), 'quotes', 'quote')} a named expert or analyst"),
        ("I2", "A reply was sought (\"declined to comment\", \"did not respond\")", bool(replies), _sentences_of(replies),
         f"{sentences_text(len(_sentences_of(replies)))} {agree(len(_sentences_of(replies)), 'reports', 'report')} a reply sought"),
        ("I3", "At least two kinds of source", len(kinds) >= 2, f.attributed, f"{len(kinds)} kinds of source: {', '.join(sorted(kinds)) or 'none'}"),
        ("I4", "Not sourced wholly to other outlets", not outlets_only, f.with_label("secondary-outlet"),
         "every attributed sentence rests only on other outlets" if outlets_only else "the article has sources of its own"),
    ]


def _flags(f: Facts, sentences: Sequence[Sentence]) -> list[Flag]:
    first_text = min((f.paragraph_of[s.index] for s in f.scored), default=0)
    first_paragraph = [s.index for s in sentences if f.paragraph_of.get(s.index, 0) == first_text or s.is_heading]
    early_anonymous = [r for r in f.rows("anonymous") if r.sentence_index in first_paragraph]
    plural_sources = [r for r in f.rows("anonymous")
                      if re.search(r"\bsources\b", r.source or "", re.IGNORECASE) and not _counted(r)]
    relayed_anonymous = [i for i in f.with_label("secondary-outlet") if "anonymous" in f.labels[i]]
    return [
        Flag("F1", "Anonymous source in the headline or first paragraph", bool(early_anonymous), _sentences_of(early_anonymous),
             sentences_text(len(_sentences_of(early_anonymous)))),
        Flag("F2", "\"Sources\" in the plural with no number", bool(plural_sources), _sentences_of(plural_sources),
             sentences_text(len(_sentences_of(plural_sources)))),
        Flag("F3", "Another outlet relaying anonymous sources", bool(relayed_anonymous), sorted(relayed_anonymous),
             sentences_text(len(relayed_anonymous))),
    ]


def build_scorecard(article_id: str, sentences: Sequence[Sentence], attributions: Sequence[Attribution],
                    rules_version: str = "", expert_words: Optional[Iterable[str]] = None) -> Scorecard:
    """The scorecard of one article. `expert_words`: the word list lex.expert_words of the rule
    set in use (the Analyzer passes its own); without it, the packaged list."""
    f = _facts(sentences, attributions, expert_pattern(expert_words))
    total = len(f.scored)
    counts = {label: len(f.with_label(label)) for label in LABELS}
    counts[UNATTRIBUTED.name] = total - len(f.attributed)
    card = Scorecard(article_id, total, len(sentences) - total, counts,
                     round(len(f.attributed) / total, 4) if total else 0.0, rules_version=rules_version)
    groups = {"N": _named_checks(f), "A": _authoritative_checks(f), "M": _multiple_checks(f),
              "V": _verify_checks(f), "I": _independent_checks(f)}
    for dimension, raw in groups.items():
        card.dimensions[dimension] = _score_dimension(card, dimension, raw)
    card.total = round(sum(card.dimensions.values()), 1)
    card.flags = _flags(f, sentences)
    card.distinct_named_sources = len({source_identity(r) for r in f.rows(*NAMED_LABELS) if source_identity(r)})
    card.distinct_outlets = len({(r.outlet or r.resolved_source or "").strip().lower()
                                 for r in f.rows("secondary-outlet")})
    card.confidence, card.confidence_reason = _confidence(total, len(f.attributed))
    return card


def _score_dimension(card: Scorecard, dimension: str, raw: list[tuple]) -> float:
    """Append the dimension's checks to the card; return the points it earned."""
    each = POINTS_PER_DIMENSION / len(raw)
    earned = 0.0
    for check_id, title, result, evidence, explanation in raw:
        status = "n/a" if result is None else ("pass" if result else "fail")
        points = each if status != "fail" else 0.0
        earned += points
        card.checks.append(Check(check_id, dimension, title, status, round(points, 2), round(each, 2),
                                 list(evidence), explanation))
    return round(earned, 1)


def _confidence(total: int, attributed: int) -> tuple[str, str]:
    if total < 5:
        return "low", f"only {sentences_text(total)}"
    if attributed < 2 or attributed / total < 0.1:
        return "low", "the rules found almost no attributions"
    return "normal", ""
