"""The checks of the scorecard: what each measures, what it is worth, and why it matters.

Five dimensions of 20 points (IMVAIN: Independent, Multiple, Verify, Authoritative/informed,
Named). Each check measures a practice and earns a share of its points: where a check
measures a share ("how many attributed sentences name their source"), it earns that share,
so one "reportedly" costs a little, not everything. Three principles hold every check
together (tests/test_score_direction.py shows each):

- **Better sourcing never scores lower.** Naming a source, adding a document, hearing the
  other side, or attributing an unattributed claim raises the check that measures it and
  never lowers the total. (Swapping one source for another can trade one check against
  another: a second official instead of a witness is better informed, A4, and less varied, M2.)
- **Nothing attributed earns nothing.** A check that has nothing to judge (no named person
  for A1, no unnamed insider for A2) does not hand out its points: it earns what the
  article's identified sourcing earns (`Facts.identified` over the scored sentences, full
  at half the article), and says so. An opinion column with no sources scores near zero;
  a story that names all its sources loses nothing for never needing anonymity.
- **People, not mentions.** "Powell said" after "Fed Chair Jerome Powell" is one person.

Each check is one function from Facts (score/facts.py) to an Outcome, listed in CHECKS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .facts import (EVIDENCE_LABELS, IDENTIFIED_LABELS, Facts, agree, details, distinct_sources, display_name,
                    has_title_or_affiliation, is_counted, sentences_of, sentences_text, share_text, source_identity)

# "Full at half the article": in news writing, about half of the sentences carry an
# attribution in well-sourced stories; the rest is context and transition.
FULL_COVERAGE = 0.5


@dataclass
class Outcome:
    """What one check found: the share of its points earned (0..1), one line saying why, the
    sentences that earn the points (`evidence`) and those that cost them (`against`)."""

    fraction: float
    explanation: str
    evidence: list[int] = field(default_factory=list)
    against: list[int] = field(default_factory=list)
    applies: bool = True


@dataclass(frozen=True)
class CheckSpec:
    id: str
    dimension: str
    title: str
    why: str            # one line for students: why this practice matters
    points: float
    measure: Callable[[Facts], Outcome]


def _clip(value: float) -> float:
    return max(0.0, min(1.0, value))


def cost_of_share(part: int, whole: int) -> float:
    """The fraction left when `part` of `whole` sentences cost points: all of it is gone once
    half the sentences do (FULL_COVERAGE), so a few bad sentences cost a little each."""
    return _clip(1 - part / (FULL_COVERAGE * whole)) if whole else 0.0


def _of_half_article(count: int, f: Facts) -> float:
    """`count` sentences as a share of half the article, 0..1 (FULL_COVERAGE)."""
    return _clip(count / (FULL_COVERAGE * len(f.scored))) if f.scored else 0.0


def attributed_coverage(f: Facts) -> float:
    """How much of the article says where it comes from, 0..1 (full at half). The checks that
    judge how the attributions are used (A3, V3, I3, I4) are scaled by it: an article that
    attributes one sentence in forty has not shown it avoids vague or second-hand sourcing."""
    return _of_half_article(len(f.attributed), f)


def identified_coverage(f: Facts) -> float:
    """How much of the article rests on sources a reader can look up, 0..1 (full at half)."""
    return _of_half_article(len(f.identified), f)


def _nothing_attributed() -> Outcome:
    return Outcome(0.0, "no sentence is attributed to anyone")


def _not_applicable(f: Facts, nothing: str) -> Outcome:
    """A check with nothing to judge earns what the article's identified sourcing earns."""
    earned = identified_coverage(f)
    return Outcome(earned, f"n/a: {nothing}; earns the article's identified sourcing ({earned:.0%})",
                   evidence=list(f.identified), applies=False)


# -- N: Named ------------------------------------------------------------------------------

def named_share(f: Facts) -> Outcome:
    attributed, identified = f.attributed, f.identified
    if not attributed:
        return _nothing_attributed()
    # A named source quoted second-hand ("Sullivan told CNN", "according to Bloomberg") is
    # named, but only the other outlet heard it: half a sentence.
    second_hand = [i for i in identified if "secondary-outlet" in f.labels[i]]
    unnamed = [i for i in attributed if i not in identified]
    # Measured against at least half the article: naming the source of the one claim an
    # opinion column attributes does not make the column named.
    whole = max(len(attributed), FULL_COVERAGE * len(f.scored))
    return Outcome((len(identified) - 0.5 * len(second_hand)) / whole,
                   f"{share_text(len(identified), len(attributed))} attributed sentences name their source"
                   f"{f', {len(second_hand)} of them through another outlet (half each)' if second_hand else ''}",
                   [i for i in identified if i not in second_hand], unnamed + second_hand)


def named_sources(f: Facts) -> Outcome:
    names = sorted(f.named_sources | distinct_sources(f.rows(*EVIDENCE_LABELS)))
    n = len(names)
    return Outcome(_clip(n / 3), f"{n} named {agree(n, 'source', 'sources')}: people, bodies, documents and imagery "
                   "(full points at 3)", sentences_of(f.rows(*IDENTIFIED_LABELS)))


# -- A: Authoritative / informed -----------------------------------------------------------

def titled_people(f: Facts) -> Outcome:
    people = f.named_people
    if not people:
        return _not_applicable(f, "no named person")
    titled = {k for k, rows in people.items() if any(has_title_or_affiliation(r) for r in rows)}
    bare = [r for k, rows in people.items() if k not in titled for r in rows]
    return Outcome(len(titled) / len(people),
                   f"{len(titled)} of {len(people)} named {agree(len(people), 'person comes', 'people come')} "
                   "with a title or affiliation", sentences_of(r for k in titled for r in people[k]), sentences_of(bare))


def explained_anonymity(f: Facts) -> Outcome:
    insiders = f.anonymous_of_kind("individual")
    if not insiders:
        return _not_applicable(f, "no unnamed individual source")
    # Each insider's sentences cost half for a missing reason and half for a missing vantage;
    # what they cost is their share of the attributed sentences, so one unexplained official
    # in a well-sourced story costs little, and a story resting on one costs much.
    cost = {}
    for r in insiders:
        missing = (0.0 if details(r).anonymity_reason_given else 0.5) + (0.0 if details(r).vantage != "none" else 0.5)
        cost[r.sentence_index] = max(cost.get(r.sentence_index, 0.0), missing)
    reasons = sum(1 for r in insiders if details(r).anonymity_reason_given)
    vantages = sum(1 for r in insiders if details(r).vantage != "none")
    return Outcome(_clip(1 - sum(cost.values()) / (FULL_COVERAGE * len(f.attributed))),
                   f"of {len(insiders)} unnamed individual {agree(len(insiders), 'source', 'sources')}, {reasons} "
                   f"{agree(reasons, 'gives', 'give')} a reason for anonymity and {vantages} how the source knows",
                   [i for i, c in cost.items() if c == 0.0], [i for i, c in cost.items() if c > 0.0])


def no_vague_attribution(f: Facts) -> Outcome:
    if not f.attributed:
        return _nothing_attributed()
    vague_rows = f.anonymous_of_kind("hedge") + f.anonymous_of_kind("group")
    vague = [i for i in sentences_of(vague_rows) if not (f.labels[i] - {"anonymous"}) or i not in f.identified]
    return Outcome(cost_of_share(len(vague), len(f.attributed)) * attributed_coverage(f),
                   f"{sentences_text(len(vague))} of {len(f.attributed)} attributed {agree(len(vague), 'rests', 'rest')} "
                   "only on a vague group (\"critics say\") or no source at all (\"reportedly\")",
                   [i for i in f.attributed if i not in vague], vague)


def informed_sources(f: Facts) -> Outcome:
    experts = {id(r) for r in f.experts_quoted}
    informed_rows = [r for r in f.attributions if r.label == "named-official" or r.label in EVIDENCE_LABELS
                     or id(r) in experts or (r.label == "anonymous" and details(r).vantage != "none")]
    n = len(distinct_sources(informed_rows))
    return Outcome(_clip(n / 3), f"{n} distinct {agree(n, 'source', 'sources')} in a position to know: officials, "
                   "experts, documents, sources who say how they know (full points at 3)", sentences_of(informed_rows))


# -- M: Multiple ---------------------------------------------------------------------------

def distinct_source_count(f: Facts) -> Outcome:
    identities = distinct_sources(f.sourced_rows)
    n = len(identities)
    return Outcome(_clip((n - 1) / 4), f"{n} distinct {agree(n, 'source', 'sources')} (full points at 5)",
                   sentences_of(f.sourced_rows))


def no_dominant_source(f: Facts) -> Outcome:
    if not f.attributed:
        return _nothing_attributed()
    top, sentences = max(f.sentences_by_source.items(), key=lambda kv: (len(kv[1]), kv[0]), default=("", set()))
    share = len(sentences) / len(f.attributed)
    name = display_name([r for r in f.sourced_rows if source_identity(r) == top]) or "none"
    return Outcome(_clip((1 - share) / 0.5) * attributed_coverage(f),
                   f"the most used source ({name}) carries {share_text(len(sentences), len(f.attributed))} attributed "
                   "sentences (full points at half or less)", [i for i in f.attributed if i not in sentences], sorted(sentences))


def counted_insiders(f: Facts) -> Outcome:
    insiders = f.anonymous_of_kind("individual")
    if not insiders:
        return _not_applicable(f, "no unnamed individual source")
    uncounted = sentences_of(r for r in insiders if not is_counted(r))
    counted = [i for i in sentences_of(insiders) if i not in uncounted]
    return Outcome(cost_of_share(len(uncounted), len(f.attributed)),
                   f"{sentences_text(len(uncounted))} of {len(f.attributed)} attributed {agree(len(uncounted), 'rests', 'rest')}"
                   " on unnamed individual sources that do not say how many they are", counted, uncounted)


# -- V: Verify -----------------------------------------------------------------------------

def documents(f: Facts) -> Outcome:
    evidence = sentences_of(f.rows(*EVIDENCE_LABELS))
    return Outcome(_clip(len(evidence) / 3),
                   f"{sentences_text(len(evidence))} {agree(len(evidence), 'rests', 'rest')} on documents, data or imagery "
                   "(full points at 3)", evidence)


def provenance(f: Facts) -> Outcome:
    rows = f.rows(*EVIDENCE_LABELS)
    if not rows:
        return Outcome(0.0, "no document, data or imagery to trace")
    traced = [r for r in rows if f.has_provenance(r)]
    return Outcome(len(traced) / len(rows),
                   f"{len(traced)} of {len(rows)} documents and images say who published, provided or obtained them",
                   sentences_of(traced), sentences_of(r for r in rows if r not in traced))


def relayed_checked(f: Facts) -> Outcome:
    if not f.attributed:
        return _nothing_attributed()
    if f.verification:
        return Outcome(attributed_coverage(f), "the article says what it could or could not verify", f.verification)
    relayed = f.relayed
    return Outcome(cost_of_share(len(relayed), len(f.attributed)) * attributed_coverage(f),
                   f"{share_text(len(relayed), len(f.attributed))} attributed sentences rest only on other outlets or "
                   "unnamed sources, with no word on verification", [i for i in f.attributed if i not in relayed], relayed)


def attribution_coverage(f: Facts) -> Outcome:
    if not f.scored:
        return Outcome(0.0, "no sentences")
    unattributed = [s.index for s in f.scored if s.index not in f.attributed]
    return Outcome(attributed_coverage(f),
                   f"{share_text(len(f.attributed), len(f.scored))} sentences say where they come from "
                   f"(full points at {FULL_COVERAGE:.0%})", list(f.attributed), unattributed)


# -- I: Independent ------------------------------------------------------------------------

def outside_expert(f: Facts) -> Outcome:
    experts = sentences_of(f.experts_quoted)
    return Outcome(1.0 if experts else 0.0,
                   f"{sentences_text(len(experts))} {agree(len(experts), 'quotes', 'quote')} a named expert or analyst", experts)


def reply_sought(f: Facts) -> Outcome:
    replies = sentences_of(f.replies_sought)
    return Outcome(1.0 if replies else 0.0,
                   f"{sentences_text(len(replies))} {agree(len(replies), 'reports', 'report')} a reply sought", replies)


def source_kinds(f: Facts) -> Outcome:
    kinds = sorted(f.kinds)
    k = len(kinds)
    return Outcome(_clip((k - 1) / 3), f"{k} {agree(k, 'kind', 'kinds')} of source: {', '.join(kinds) or 'none'} "
                   "(full points at 4)", list(f.attributed))


def own_reporting(f: Facts) -> Outcome:
    if not f.attributed:
        return _nothing_attributed()
    relayed = f.outlets_only
    return Outcome((1 - len(relayed) / len(f.attributed)) * attributed_coverage(f),
                   f"{share_text(len(relayed), len(f.attributed))} attributed sentences rest only on other outlets",
                   [i for i in f.attributed if i not in relayed], relayed)


CHECKS: tuple[CheckSpec, ...] = (
    CheckSpec("N1", "N", "Attributed sentences name their source", "A named source can be looked up and held to "
              "account for what they said; an unnamed one cannot.", 10, named_share),
    CheckSpec("N2", "N", "Several named sources", "Each named source is someone (or something) you can look up: "
              "one name is one account, three let you compare.", 10, named_sources),
    CheckSpec("A1", "A", "Named people come with a title or affiliation", "A title tells you why this person would "
              "know: a mayor on the budget, a doctor on the disease.", 3, titled_people),
    CheckSpec("A2", "A", "Unnamed individual sources say why they are unnamed and how they know", "News agencies grant "
              "anonymity only for a reason, and say how the source knows, so you can judge the claim.", 5, explained_anonymity),
    CheckSpec("A3", "A", "No vague attributions (\"critics say\", \"reportedly\")", "\"Critics say\" or \"it is "
              "believed\" can stand for anyone, or no one; you cannot check who.", 5, no_vague_attribution),
    CheckSpec("A4", "A", "Sources in a position to know", "An official, an expert or a document is in a position to "
              "know; a passer-by's opinion is not evidence of a fact.", 7, informed_sources),
    CheckSpec("M1", "M", "Several distinct sources", "One source is one point of view; several let you compare "
              "accounts.", 8, distinct_source_count),
    CheckSpec("M2", "M", "Several kinds of source", "Officials, other people, documents and imagery see a story "
              "from different sides.", 7, source_kinds),
    CheckSpec("M3", "M", "Unnamed individual sources say how many they are", "\"Two officials\" is corroboration; "
              "\"sources\" could be one person.", 5, counted_insiders),
    CheckSpec("V1", "V", "Documents, data or imagery", "A document, a dataset or an image can be checked by anyone; "
              "a quote can only be trusted.", 6, documents),
    CheckSpec("V2", "V", "Documents and imagery say where they come from", "A document you cannot trace back to who "
              "made it cannot be checked.", 4, provenance),
    CheckSpec("V3", "V", "Relayed claims are confirmed or marked unverified", "A claim passed on from another outlet "
              "or an unnamed source is second-hand until someone checks it.", 5, relayed_checked),
    CheckSpec("V4", "V", "Claims say where they come from", "A sentence with no attribution asks you to take it on "
              "the writer's word.", 5, attribution_coverage),
    CheckSpec("I1", "I", "A source not party to the story (a named expert or outside analyst)", "An outside expert "
              "has no stake in the story and can judge the claims of those who do.", 5, outside_expert),
    CheckSpec("I2", "I", "A reply was sought (\"declined to comment\", \"did not respond\")", "Asking the people a "
              "story is about for their side is basic fairness.", 5, reply_sought),
    CheckSpec("I3", "I", "No single source carries the story", "An article that rests mostly on one source depends "
              "on that source's interest; other voices make it independent of any one.", 5, no_dominant_source),
    CheckSpec("I4", "I", "The article's own reporting, not only other outlets'", "An article that only relays other "
              "outlets adds no reporting of its own.", 5, own_reporting),
)
