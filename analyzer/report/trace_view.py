"""`sourcing explain --sentence N` on a terminal: one sentence's decision trace, cue by cue.

For each cue: its type, words and rule; for each source phrase it led to, the decision steps
that passed, the one that decided, the label and the rule; then labels carried over from a
quotation and attributions left out at the end; last, the `why` of every rule and step named
(rules/*.yml, `@decision_step`), once each. Article text goes out as rich Text, never as markup.
"""

from __future__ import annotations

from typing import Iterator, Mapping

from rich.console import Console
from rich.text import Text

from ..attribution.trace import Carried, CueTrace, LeftOut, PhraseDecision, SentenceExplanation
from ..records import Attribution

INDENT = 2


def print_sentence_trace(explanation: SentenceExplanation, whys: Mapping[str, str], console: Console) -> None:
    """The sentence, its final labels, and how each came about (`whys`: rule or step id -> why)."""
    sentence = explanation.sentence
    title = f"{explanation.article_id}: sentence {sentence.index} (of 0-{explanation.sentences - 1})"
    console.rule(Text(title), style="bold")
    console.print(Text(sentence.text))
    _line(console, 0, ("labels: ", "bold"), (", ".join(sentence.labels) or "none (unattributed)", ""))
    if sentence.is_heading:
        _line(console, 0, ("a heading: not read for cues, and it rests on nothing", "dim"))
    elif not explanation.trace.cues:
        _line(console, 0, ("no cue found: no words of this sentence point to a source", "dim"))
    for number, cue in enumerate(explanation.trace.cues, 1):
        _print_cue(number, cue, console)
    for carried in explanation.carried:
        _print_carried(carried, console)
    for left in explanation.trace.left_out:
        _print_left_out(left, console)
    _print_whys(explanation, whys, console)


def _print_cue(number: int, cue: CueTrace, console: Console) -> None:
    _line(console, 0, (f"cue {number}: ", "bold"), (f"{cue.type} ", "cyan"), (f"\"{cue.words}\"", "bold"),
          (f"  rule {cue.rule_id}", "dim"))
    if cue.skipped:
        _line(console, INDENT, (f"not followed: {cue.skipped}", "dim"))
        return
    for decision in cue.decisions:
        _print_decision(decision, console, INDENT)
    for attribution in cue.attributions:  # a hedge is its own source: it adds one with no phrase decided
        _line(console, INDENT, ("adds ", "bold"), (attribution.label, "green"), (f" from {_source(attribution)}", ""),
              (f"  rule {attribution.rule_id}", "dim"))
    if not cue.attributions:
        _line(console, INDENT, ("adds nothing: the cue's rule or handler took none of these sources" if cue.decisions
                                else "found no source phrase", "dim"))


def _print_decision(decision: PhraseDecision, console: Console, indent: int) -> None:
    _line(console, indent, ("source phrase ", "bold"), (f"\"{decision.text}\"", ""),
          (f"  chars {decision.start_char}-{decision.end_char}", "dim"))
    inner = indent + INDENT
    if decision.passed:
        _line(console, inner, (f"tried and passed ({len(decision.passed)}): ", "yellow"), (", ".join(decision.passed), "dim"))
    for asked in decision.inner:
        _line(console, inner, ("asked first about a phrase inside it:", "dim"))
        _print_decision(asked, console, inner + INDENT)
    decider = decision.decider
    if decider is None:
        _line(console, inner, ("no step took it: no source", "red"))
        return
    if decision.label is None:
        _line(console, inner, ("decided by ", "bold"), (decider.step_id, "cyan"), (": no source", "red"))
    else:
        _line(console, inner, ("decided by ", "bold"), (decider.step_id, "cyan"), (" -> ", ""),
              (decision.label, "green"), (f", rule {decision.rule_id}", ""),
              (f"  (source \"{decision.source}\")" if decision.source else "", "dim"))


def _print_carried(carried: Carried, console: Console) -> None:
    where = f"sentence {carried.from_sentence}" if carried.from_sentence is not None else "an earlier sentence"
    _line(console, 0, ("carried over ", "bold"), (carried.attribution.label, "green"),
          (f" from {_source(carried.attribution)}", ""),
          (f": inside a quotation whose speaker is named in {where}", ""), (f"  rule {carried.attribution.rule_id}", "dim"))
    if carried.attribution.step:
        _line(console, INDENT, (f"steps: {carried.attribution.step}", "dim"))


def _print_left_out(left: LeftOut, console: Console) -> None:
    _line(console, 0, ("left out ", "bold"), (left.attribution.label, "red"), (f" from {_source(left.attribution)}", ""),
          (f": {left.reason}", ""), (f"  rule {left.attribution.rule_id}", "dim"))


def _print_whys(explanation: SentenceExplanation, whys: Mapping[str, str], console: Console) -> None:
    """Why each rule and step named above is there, once each, in the order first named."""
    named = [(rule_id, whys.get(rule_id.split("#", 1)[0], ""))  # an outlet entry's hit is "outlet.wire_services#3"
             for rule_id in dict.fromkeys(_named_ids(explanation))]
    named = [(rule_id, why) for rule_id, why in named if why]
    if named:
        _line(console, 0, ("why:", "bold"))
    for rule_id, why in named:
        _line(console, INDENT, (f"{rule_id}: ", ""), (why, "italic dim"))


def _named_ids(explanation: SentenceExplanation) -> Iterator[str]:
    """The rule and step ids the trace names as reasons: cue rules, deciding steps, label rules."""
    def of_decision(decision: PhraseDecision) -> Iterator[str]:
        for asked in decision.inner:
            yield from of_decision(asked)
        if decision.decider is not None:
            yield decision.decider.step_id
        if decision.rule_id:
            yield decision.rule_id

    for cue in explanation.trace.cues:
        yield cue.rule_id
        for decision in cue.decisions:
            yield from of_decision(decision)
        yield from (a.rule_id for a in cue.attributions)
    for carried in explanation.carried:
        yield carried.attribution.rule_id


def _source(attribution: Attribution) -> str:
    """The source's words, and who they name when that differs ("Kirby" = "John Kirby")."""
    resolved = attribution.resolved_source
    named = f" = \"{resolved}\"" if resolved and resolved != attribution.source else ""
    return f"\"{attribution.source}\"{named}"


def _line(console: Console, indent: int, *parts: tuple[str, str]) -> None:
    """One line of parts (text, style), wrapped with the indent kept and no trailing spaces."""
    for piece in Text.assemble(*parts).wrap(console, max(console.width - indent, 20)):
        piece.rstrip()
        console.print(Text(" " * indent) + piece)
