"""Table tests per cue handler (analyzer/attribution/cues.py).

Each sentence is analysed as a one-sentence article and must get exactly the listed
(label, cue rule id) pairs: an empty set for the look-alikes that must take no cue, and the
pairs of other cues when a look-alike still rests on something. People and places are
invented; the outlets are real ones the gazetteer knows.
"""

from __future__ import annotations

import pytest

from analyzer.attribution.cues import CUE_HANDLERS, only_outlet
from analyzer.attribution.quotations import carry_quotations, neighbour_speaker, opens_sentence
from analyzer.attribution.sources import Source
from analyzer.records import Attribution, Sentence
from analyzer.rules.schema import RULE_TYPES

SAY, CONTENT, QUOTED_AS = "cue.say_verbs", "cue.verbs_with_content", "cue.quoted_as_saying"
EVIDENCE, DOC_VERB, NO_COMMENT, HEDGE = "cue.evidence_verbs", "cue.document_verbs", "cue.no_comment", "anon.hedge"
OFFICIAL, OTHER, ANON, OUTLET = "named-official", "named-other", "anonymous", "secondary-outlet"
IMAGERY, DOCUMENT = "satellite-imagery", "document"


# -- reading results: dict rows (labels joined with ";") or typed records (labels a tuple) -----
def _get(row, name: str):
    return row[name] if isinstance(row, dict) else getattr(row, name)


def sentence_labels(row) -> set[str]:
    labels = _get(row, "labels")
    if isinstance(labels, str):
        return set(filter(None, labels.split(";")))
    return set(labels)


def analysed(analyzer, text: str) -> tuple[set[tuple[str, str]], set[str]]:
    """The (label, cue rule id) pairs of the text's attributions and its sentences' labels."""
    result = analyzer.analyze_text(text)
    pairs = {(_get(a, "label"), _get(a, "cue_rule_id")) for a in result.attributions}
    labels = set().union(*(sentence_labels(s) for s in result.sentences if not _get(s, "is_heading")))
    return pairs, labels


# -- one table per handler: (sentence, exact pairs) ------------------------------------------
TABLES: dict[str, list[tuple[str, set[tuple[str, str]]]]] = {
    "speech_verb": [
        ("Police said a 34-year-old man had been arrested in Dunmore.", {(OFFICIAL, SAY)}),
        # the outlet told is credited (recipient), the people told are not
        ("Mayor Lena Ortiz told CNN that the bridge would reopen in May.", {(OFFICIAL, SAY), (OUTLET, SAY)}),
        ("Mayor Lena Ortiz told reporters that the bridge would reopen in May.", {(OFFICIAL, SAY)}),
        # the person quoted speaks too (object_speaks)
        ("Xinhua quoted General Arno Petrov as saying the drills would continue.",
         {(OFFICIAL, QUOTED_AS), (OUTLET, QUOTED_AS)}),
        # the document it was said in
        ("Prosecutors allege in a criminal complaint that Tomas Brandt laundered the money.",
         {(DOCUMENT, SAY), (OFFICIAL, SAY)}),
        # joined subjects are each a source
        ("The mayor and two aides said the budget was balanced.", {(ANON, SAY), (OFFICIAL, SAY)}),
        ("The drones were spotted over Karsk, Reuters reported.", {(OUTLET, SAY)}),
        # verbs that need content: a clause, an infinitive, "as ...", "for" after an asking verb
        ("Ana Diaz believes that the vote was rigged.", {(OTHER, CONTENT)}),
        ("Ana Diaz expects to win the vote.", {(OTHER, CONTENT)}),
        ("The Norland health ministry described the outbreak as contained.", {(OFFICIAL, CONTENT)}),
        ("Governor Ruth Okafor called for an independent inquiry.", {(OFFICIAL, CONTENT)}),
    ],
    "evidence_verb": [
        ("Satellite images released on Tuesday show new trenches near Karsk.", {(IMAGERY, EVIDENCE)}),
        ("A report by the Norland Audit Office found that the contracts were inflated.", {(DOCUMENT, EVIDENCE)}),
        ("A lawsuit filed by the agency claims the firm lied.", {(DOCUMENT, EVIDENCE)}),
    ],
    "source_phrase": [
        ("The dam will be finished next year, according to the Norland water ministry.",
         {(OFFICIAL, "cue.according_to")}),
        ("According to a new poll by the Norland Institute, the two candidates are tied.",
         {(DOCUMENT, "cue.according_to")}),
        ("Two officials said, according to Reuters, that the talks had stalled.",
         {(ANON, SAY), (OUTLET, "cue.according_to")}),
        ("The ferry service resumed on Monday, per The Times of Norland.", {(OUTLET, "cue.per")}),
        ("Reuters, citing two officials, reported that the talks had stalled.", {(ANON, "cue.citing"), (OUTLET, SAY)}),
        # "was quoted by": the outlet and the one quoted
        ("General Arno Petrov was quoted by TASS as saying the drills would continue.",
         {(OFFICIAL, "cue.citing"), (OUTLET, "cue.citing")}),
        ("The findings were first reported by the Financial Times.", {(OUTLET, "cue.reported_by")}),
        ("In a 2021 memo, the Norland finance ministry warned of a shortfall.",
         {(DOCUMENT, "cue.document_frame"), (OFFICIAL, SAY)}),
        ('Said Okafor: "The roads will stay closed."', {(OTHER, "cue.said_first")}),
    ],
    "credit_phrase": [
        ("Satellite images obtained by CNN show a new airstrip near Karsk.",
         {(IMAGERY, "cue.credit_by"), (OUTLET, "cue.credit_by")}),
        ("A memo reviewed by Reuters shows the plan was delayed.",
         {(DOCUMENT, "cue.credit_by"), (OUTLET, "cue.credit_by")}),
        # "leaked to CNN by a former aide": the agent after a cue ending in "to" is a source too
        ("A memo leaked to CNN by a former aide shows the plan was delayed.",
         {(ANON, "cue.credit_by"), (DOCUMENT, "cue.credit_by"), (OUTLET, "cue.credit_by")}),
        # ... but not for "provided to" (the publisher of the material adds no label)
        ("Satellite images provided to Reuters by the firm Maxar show new hangars.",
         {(IMAGERY, "cue.published_by"), (OUTLET, "cue.published_by")}),
    ],
    "document_verb": [
        ("The two senators sent a letter on Thursday to the governor opposing the plan.",
         {(ANON, DOC_VERB), (DOCUMENT, DOC_VERB)}),
        ("The letter opposing the plan was sent by Senator Paul Graves.", {(DOCUMENT, DOC_VERB), (OFFICIAL, DOC_VERB)}),
        # a statement is no document of its own, but its sender is a source
        ("The Norland transport ministry issued a statement on Friday.", {(OFFICIAL, DOC_VERB)}),
    ],
    "frame": [
        # the frame comes first and credits the subject: "said" does not credit it again
        ("In a statement, Governor Ruth Okafor said the roads would stay closed.",
         {(OFFICIAL, "cue.statement_frame")}),
        ("During his speech, Governor Ruth Okafor urged calm.", {(OFFICIAL, "cue.statement_frame")}),
        ("In an interview with the BBC, Governor Ruth Okafor said the roads would stay closed.",
         {(OFFICIAL, "cue.statement_frame"), (OUTLET, "cue.spoke_to")}),
    ],
    "broadcast": [
        # a programme the gazetteer knows is its outlet; a quoted title it does not know counts too
        ("On Sunday's broadcast of \"Face the Nation,\" Governor Ruth Okafor said the roads would reopen.",
         {(OUTLET, "cue.broadcast"), (OFFICIAL, SAY)}),
        ("On Tuesday's episode of \"The Harbour Hour,\" Governor Ruth Okafor said the roads would reopen.",
         {(OUTLET, "cue.broadcast"), (OFFICIAL, SAY)}),
        ("Appearing on CNN, Governor Ruth Okafor said the roads would reopen.", {(OUTLET, "cue.broadcast"), (OFFICIAL, SAY)}),
    ],
    "no_comment": [
        ("Velmar Air declined to comment on the talks.", {(OTHER, NO_COMMENT)}),
        ("The Norland interior ministry did not respond to a request for comment.", {(OFFICIAL, NO_COMMENT)}),
        ("A spokeswoman for Velmar Air was not available for comment.", {(OTHER, NO_COMMENT)}),
    ],
    "hedge": [
        ("The minister reportedly offered to resign last week.", {(ANON, HEDGE)}),
        ("It is widely believed that the vote was a test of the mayor's influence.", {(ANON, HEDGE)}),
        # a hedged speech act is the hedge's claim: the speaker adds nothing of their own
        ("Officials reportedly said the talks had stalled.", {(ANON, HEDGE)}),
    ],
}

# Look-alikes that must not take the handler's cue (exact pairs: most rest on nothing).
NOT_TAKEN: dict[str, list[tuple[str, set[tuple[str, str]]]]] = {
    "speech_verb": [
        ("Ana Diaz found her keys in the car.", set()),                  # no content
        ("Governor Ruth Okafor called her mother on Sunday.", set()),
        ("Ana Diaz hoped for a quick end to the strike.", set()),        # "for" after a verb that asks nothing
        ("Ana Diaz remembered the flood of 1998.", set()),
        ("The shop quoted a price of $40.", set()),
        ("The said report was never published.", set()),  # "said" as an adjective; publishing alone is an event
        # a cue inside a quotation is the speaker's words; a verb in the reported clause is no cue
        ('"Officials said it was fine," Ana Diaz said.', {(OTHER, SAY)}),
        ("Ana Diaz said police found that the car was stolen.", {(OTHER, SAY)}),
    ],
    "evidence_verb": [
        ("The decision shows how divided the council is.", set()),
        ("The council member's speech suggests a shift in policy.", set()),
        ("Ana Diaz showed the reporters her garden.", set()),
        ("The photos appeared to show a damaged bridge.", set()),
    ],
    "source_phrase": [
        ("Everything went according to plan.", set()),
        # who listened is no source unless it is another outlet
        ("The mayor, speaking to reporters on Tuesday, said the city would recover.", {(OFFICIAL, SAY)}),
        ("The tickets cost $5 per day.", set()),
        ("In the morning, the council met again.", set()),
        ("The interview lasted an hour.", set()),
    ],
    "credit_phrase": [
        ("He was seen by a doctor on Tuesday.", set()),
        ("The hostages were released by the militants on Friday.", set()),
    ],
    "document_verb": [
        ("The company sent workers home early.", set()),
        ("Prosecutors filed charges against Tomas Brandt on Monday.", set()),
        ("The letter was sent by Senator Paul Graves.", set()),  # sending, with nothing of what it says
    ],
    "broadcast": [
        ("The final episode of the series aired in May.", set()),   # no speaker, no programme credited
    ],
    "frame": [
        ("In a small town in Norland, the plant closed.", set()),
    ],
    "no_comment": [
        ("Shares declined 5 percent on Friday.", set()),
        ("The board declined the offer on Friday.", set()),
    ],
    "hedge": [
        # a hedge inside a quotation is the speaker's word, not the article's
        ('"The minister reportedly offered to resign," said Ana Diaz.', {(OTHER, SAY)}),
    ],
}


def _cases(tables):
    return [pytest.param(text, expected, id=f"{kind}-{n}") for kind, rows in tables.items()
            for n, (text, expected) in enumerate(rows)]


@pytest.mark.parametrize("text, expected", _cases(TABLES))
def test_sentence_takes_the_cue(analyzer, text, expected):
    pairs, labels = analysed(analyzer, text)
    assert pairs == expected
    assert labels == {label for label, _ in expected}


@pytest.mark.parametrize("text, expected", _cases(NOT_TAKEN))
def test_look_alike_does_not_take_the_cue(analyzer, text, expected):
    pairs, labels = analysed(analyzer, text)
    assert pairs == expected
    assert labels == {label for label, _ in expected}


def test_analysts_who_studied_images_bring_the_images(analyzer):
    # the speaker, and the images in the clause of the subject
    _, labels = analysed(analyzer, "Analysts who studied the satellite images said the base was damaged.")
    assert labels == {ANON, IMAGERY}


# -- the registry --------------------------------------------------------------------------
def test_registry_covers_every_cue_type_of_the_schema():
    assert set(CUE_HANDLERS) == set(RULE_TYPES["cue"])


def test_every_handler_says_what_it_handles():
    for cue_type, handler in CUE_HANDLERS.items():
        assert handler.__doc__ and '"' in handler.__doc__, f"{cue_type}: docstring with example phrasing"


def test_every_loaded_cue_rule_has_a_handler(analyzer):
    rules = analyzer.nlp.get_pipe("sourcing_attributor").rules
    assert {r.type for r in rules.values() if r.kind == "cue"} <= set(CUE_HANDLERS)


def test_tables_cover_every_handler_with_its_own_rules(analyzer):
    """Each table names at least one rule of its handler's type in every positive case."""
    assert set(TABLES) == set(NOT_TAKEN) == set(CUE_HANDLERS) | {"hedge"}
    rules = analyzer.nlp.get_pipe("sourcing_attributor").rules
    for kind, rows in TABLES.items():
        for text, expected in rows:
            types = {rules[cue_rule].type for _, cue_rule in expected}
            assert kind in types, f"{kind}: {text!r} names no {kind} rule"


# -- pure helpers, no parser -----------------------------------------------------------------
def _source(label: str) -> Source:
    return Source(label, "test", label, label, 0, 1)


def test_only_outlet_takes_the_first_outlet():
    assert only_outlet([_source(ANON), _source(OUTLET)]).label == OUTLET
    assert only_outlet([_source(ANON), _source(OFFICIAL)]) is None


def _said(index: int, label: str = OFFICIAL, quote_type: str = "direct", speaker: bool = True) -> Attribution:
    return Attribution(index, label, "Okafor", "Ruth Okafor", "said", quote_type, 0, 6, "test.rule", SAY,
                       speaker=speaker)


def test_a_quotation_over_three_sentences_carries_its_speaker():
    records = [Sentence(0, 0, 20, False, "x" * 20), Sentence(1, 21, 40, False, "x" * 19),
               Sentence(2, 41, 60, False, "x" * 19)]
    carried = carry_quotations(records, [_said(0)], [(10, 60)])
    assert [(a.sentence_index, a.label, a.quote_type, a.rule_id) for a in carried] == [
        (1, OFFICIAL, "continuation", "ref.quotation"), (2, OFFICIAL, "continuation", "ref.quotation")]


def test_indirect_speech_and_outlets_told_are_not_carried():
    records = [Sentence(0, 0, 20, False, "x" * 20), Sentence(1, 21, 40, False, "x" * 19)]
    found = [_said(0, quote_type="indirect"), _said(0, OUTLET, speaker=False)]
    assert carry_quotations(records, found, [(10, 40)]) == []


def test_only_a_quotation_opening_its_sentence_looks_at_the_neighbours():
    record = Sentence(3, 100, 160, False, "x" * 60)
    assert opens_sentence(record, 100) and opens_sentence(record, 101)
    assert not opens_sentence(record, 120)


def test_neighbour_speaker_prefers_a_short_credit_line_after():
    records = [Sentence(0, 0, 30, False, "x" * 30), Sentence(1, 31, 60, False, "x" * 29),
               Sentence(2, 61, 75, False, "Okafor said.")]
    by_sentence = {0: [_said(0, ANON)], 2: [_said(2)]}
    assert [a.label for a in neighbour_speaker(records, [records[1]], by_sentence)] == [OFFICIAL]
    by_sentence = {0: [_said(0, ANON), _said(0, DOCUMENT)]}
    assert [a.label for a in neighbour_speaker(records, [records[1]], by_sentence)] == [ANON]
