"""Which label does a source get? An ordered table of named decision steps.

Each step looks at one source noun phrase (a `Phrase`: its head, its own words, the rule hits
on them, what the article said before) and answers with a labelled Source, NOT_A_SOURCE, or
None to let the next step decide. The first answer wins, so the order is part of the rules:
back-references before words, evidence before people, named people before descriptions,
officials before groups. Every step has an id and a `why` (`sourcing rules list` prints
them); a label names the rule that matched, or the step's own id when no rule's words did.
"""

from __future__ import annotations

from typing import Callable, Optional

from ..context import Source
from ..trace import active_trace
from . import evidence, named_later, officials, outlet_names, people, references
from .phrase import Phrase
from .verdict import NOT_A_SOURCE, Verdict

Step = Callable[[Phrase], Verdict]

DECISION_TABLE: tuple[Step, ...] = (
    references.acronym,            # "the JCS" after "Joint Chiefs of Staff (JCS)"
    evidence.poll_share,           # "eight of 10 voters": no source
    references.part_of_group,      # "one of the officials" is decided as "officials"
    references.pronoun,            # "he", "they", "it", "one of them"
    references.relative,           # "the EU, which contended that": the EU
    references.other_pronoun,      # "who", "this": no source
    references.named_members,      # "critics, including Senator Elizabeth Warren,"
    references.programme_journalist,  # "the host pressed her" after CNN's "State of the Union"
    references.described_before,   # "the analyst" after "Michael Kofman, a military analyst"
    evidence.not_a_source,         # "renewable sources of energy", "63 percent"
    evidence.imagery,              # "satellite images", "new Maxar images"
    references.statement,          # "the statement said": whoever issued it
    evidence.outlet_story,         # "the article" after another outlet's reporting
    evidence.document,             # "a Treasury fact sheet", "a CNN report"
    evidence.outlet,               # "CNN", "the news agency Reuters"
    outlet_names.outlet_described,  # "the Kyiv daily Ukrainska Pravda"
    outlet_names.outlet_named_like,  # "The Bayport Observer"
    people.unnamed_marker,         # "an unnamed official"
    people.named_person,           # "CIA Director William Burns", "Burns"
    people.named_in_apposition,    # "the bakery's owner, Tomasz Nowak,"
    people.speaks_for_person,      # "the mayor's office", "his lawyer"
    people.spokesperson,           # "a Pentagon spokesman", "the spokesman"
    people.body_reference,         # "the company", "the ministry"
    people.document_authors,       # "the authors of the study", "the researchers" after a study
    officials.state,               # "Russia", "Washington"
    officials.anonymity_request,   # "an official who asked not to be named"
    officials.described_private,   # "The Power Producers Council, a trade group,"
    officials.described_public,    # "the Independent Investigation Unit, the civilian agency that ..."
    officials.official_function,   # "police", "prosecutors", "an investigator"
    officials.body_named,          # "the State Department"
    named_later.named_later,       # "top lawmakers said" then Rep. G.K. Butterfield
    officials.title,               # "the president", "senators", "the former president"
    officials.descriptor,          # "a US official", "critics", "analysts at Jefferies"
    officials.party_member,        # "the Vermont Democrat said": one person, not a group
    officials.body_or_group,       # "Pentagon officials", "Palestinians"
    officials.organisation,        # "Moderna", "the University of Washington"
    officials.unlisted_people,     # "a taxi driver said", "shopkeepers said"
    references.definite_person,    # "the New York businessman said": the person spoken of
)


def decide(phrase: Phrase) -> Optional[Source]:
    """The first step's answer for this phrase; None when no step takes it or one says it is
    no source. The source remembers the steps that decided it, outermost first: "decide.part_of_group >
    decide.descriptor" for "one of the officials" (shown by `sourcing evaluate --errors`). With a
    trace collector active (trace.py), every step's answer is recorded, for `sourcing explain --sentence`."""
    trace = active_trace()  # None unless `sourcing explain --sentence` collects a trace
    if trace is not None:
        trace.begin_phrase(*phrase.span)
    answer: Optional[Source] = None
    for step in DECISION_TABLE:
        verdict = step(phrase)
        if trace is not None:
            trace.step_answered(step.step_id, verdict)
        if verdict is None:
            continue
        if verdict is not NOT_A_SOURCE:
            verdict.step = step.step_id if verdict.step is None else f"{step.step_id} > {verdict.step}"
            answer = verdict
        break
    if trace is not None:
        trace.end_phrase(answer)
    return answer


__all__ = ["DECISION_TABLE", "NOT_A_SOURCE", "Phrase", "decide"]
