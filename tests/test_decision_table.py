"""The label decision table (analyzer/attribution/decisions/): every step, in order, with
sentences that must take it and sentences that must not. Each row checks the exact labels of
the sentence, the source's label and the step that decided it (Attribution.step)."""

from __future__ import annotations

import pytest

from analyzer.attribution.decisions import DECISION_TABLE
from analyzer.rules.refs import DECISION_STEPS

# (step, text (the last sentence is checked), the source phrase, its label, the sentence's labels)
TAKES = [
    ("decide.acronym", "Officials of the Joint Chiefs of Staff (JCS) met on Monday.\nThe JCS said the drills would continue.",
     "The JCS", "named-official", ("named-official",)),
    ("decide.acronym", "The Federal Reserve Board (FRB) met on Monday.\nThe FRB said rates would stay unchanged.",
     "The FRB", "named-other", ("named-other",)),
    ("decide.part_of_group", "One of the officials said the plan was dead.", "the officials", "anonymous", ("anonymous",)),
    ("decide.part_of_group", "Some of the diplomats said the plan was dead.", "the diplomats", "anonymous", ("anonymous",)),
    ("ref.pronoun", "Governor Ana Ruiz arrived on Monday.\nRuiz said the plan was dead.\nShe added that the vote would wait.",
     "She", "named-other", ("named-other",)),
    ("ref.pronoun", "Police said the road was closed.\nThey added that it would reopen on Friday.", "They",
     "named-official", ("named-official",)),
    ("decide.named_members", "Groups such as Amnesty International said the trial was unfair.", "Amnesty International",
     "named-other", ("named-other",)),
    ("decide.named_members", "Critics, including Senator Elizabeth Warren, said the plan was dead.",
     "Senator Elizabeth Warren", "named-official", ("named-official",)),
    ("ref.definite", "Michael Kofman, a military analyst, said the front had held.\nThe analyst said the front had held.",
     "The analyst", "named-other", ("named-other",)),
    ("ref.programme_journalist", "Sen. Ann Hale said on CNN's \"State of the Union\" that the bill was dead.\n"
     "The anchor asked whether she would run.", "The anchor", "secondary-outlet", ("secondary-outlet",)),
    ("decide.imagery", "New Maxar images show damage at the base.", "New Maxar images", "satellite-imagery",
     ("satellite-imagery",)),
    ("ref.statement", "The Foreign Ministry issued a statement on Monday.\nThe statement said the ceasefire would hold.",
     "The statement", "named-official", ("named-official",)),
    ("decide.document", "According to a Treasury fact sheet, the deficit grew.", "a Treasury fact sheet", "document",
     ("document",)),
    ("decide.document", "A CNN report said the plant had closed.", "A CNN report", "secondary-outlet", ("secondary-outlet",)),
    ("decide.outlet", "According to Reuters, the plant closed.", "Reuters", "secondary-outlet", ("secondary-outlet",)),
    ("decide.outlet", "The Kyiv daily Ukrainska Pravda reported the strike.", "The Kyiv daily Ukrainska Pravda",
     "secondary-outlet", ("secondary-outlet",)),
    ("decide.outlet_described", "The daily Vremya Novostei reported the strike.", "The daily Vremya Novostei",
     "secondary-outlet", ("secondary-outlet",)),
    ("decide.unnamed_marker", "An unnamed official said the talks had stalled.", "An unnamed official", "anonymous",
     ("anonymous",)),
    ("decide.unnamed_marker", "An anonymous donor said the gift was unconditional.", "An anonymous donor", "anonymous",
     ("anonymous",)),
    ("decide.named_person", "CIA Director William Burns said the talks had stalled.", "CIA Director William Burns",
     "named-official", ("named-official",)),
    ("decide.named_in_apposition", "A resident, Ana Diaz, said the water was unsafe.", "A resident", "named-other",
     ("named-other",)),
    ("decide.speaks_for_person", "Mayor Jill Hartman's office said the road would reopen.", "Mayor Jill Hartman's office",
     "named-official", ("named-official",)),
    ("decide.speaks_for_person", "Senator Ray Dunn's lawyer said the charges were baseless.", "Senator Ray Dunn's lawyer",
     "named-other", ("named-other",)),
    ("decide.spokesperson", "A Pentagon spokesman said the strike was lawful.", "A Pentagon spokesman", "named-official",
     ("named-official",)),
    ("decide.spokesperson", "A spokesman said the strike was lawful.", "A spokesman", "anonymous", ("anonymous",)),
    ("decide.body_reference", "Volta Motors missed its target.\nThe company said demand was weak.", "The company",
     "named-other", ("named-other",)),
    ("decide.body_reference", "The agency said the outage was fixed.", "The agency", "named-official", ("named-official",)),
    ("decide.document_authors", "The authors of the study say the melt will speed up.", "The authors",
     "named-other", ("named-other",)),
    ("ref.party_member", "Sen. Ruth Oakes asked for the files.\n\"I read everything,\" the Vermont Democrat said.",
     "the Vermont Democrat", "named-official", ("named-official",)),
    ("ref.definite_person", "The Democratic presidential nominee says the plan will work.",
     "The Democratic presidential nominee", "named-other", ("named-other",)),
    ("ref.outlet_story", "The Daily Ledger reported the deal. According to the article, the mayor signed it.",
     "the article", "secondary-outlet", ("secondary-outlet",)),
    ("decide.outlet_named_like", "The Bayport Observer reported that the port had overpaid.", "The Bayport Observer",
     "secondary-outlet", ("secondary-outlet",)),
    ("decide.named_in_apposition", "The bakery's owner, Tomasz Nowak, said the shop would reopen.",
     "The bakery's owner", "named-other", ("named-other",)),
    ("ref.relative", "The European Union, which contended that the deal was unlawful, fined the firm.",
     "The European Union", "named-official", ("named-official",)),
    ("ref.named_later", "The bill is dead, top lawmakers said on Friday, and Sen. Ada Brooks called it a betrayal.",
     "top lawmakers", "named-official", ("named-official",)),
    ("decide.state", "Russia said the talks had stalled.", "Russia", "named-official", ("named-official",)),
    ("decide.state", "Washington said the talks had stalled.", "Washington", "named-official", ("named-official",)),
    ("decide.anonymity_request", "An official who asked not to be named said the talks had stalled.", "An official",
     "anonymous", ("anonymous",)),
    ("decide.described_private", "The Harbor Energy Council, a trade group for power producers, said the rule was sound.",
     "The Harbor Energy Council", "named-other", ("named-other",)),
    ("decide.described_public", "Manitoba's Investigation Unit, the civilian agency that investigates police, said it "
     "had taken over the case.", "Manitoba's Investigation Unit", "named-official", ("named-official",)),
    ("decide.official_function", "Police said a man had been arrested.", "Police", "named-official", ("named-official",)),
    ("decide.official_function", "A federal judge said the law was unconstitutional.", "A federal judge", "named-official",
     ("named-official",)),
    ("decide.body_in_phrase", "The Kremlin said the talks had stalled.", "The Kremlin", "named-official", ("named-official",)),
    ("decide.body_in_phrase", "Democrats said the bill would pass.", "Democrats", "anonymous", ("anonymous",)),
    ("decide.title", "The prime minister said the talks had stalled.", "The prime minister", "named-official",
     ("named-official",)),
    ("decide.title", "Senators said the bill would pass.", "Senators", "anonymous", ("anonymous",)),
    ("decide.title", "The former president said the bill would pass.", "The former president", "named-other",
     ("named-other",)),
    ("decide.body_named", "The State Department said the talks had stalled.", "The State Department", "named-official",
     ("named-official",)),
    ("decide.descriptor", "A US official said the talks had stalled.", "A US official", "anonymous", ("anonymous",)),
    ("decide.descriptor", "Analysts at Jefferies said the deal was off.", "Analysts", "named-other", ("named-other",)),
    ("decide.organisation", "Microsoft said its earnings rose.", "Microsoft", "named-other", ("named-other",)),
    ("decide.unlisted_people", "A taxi driver said the road was closed.", "A taxi driver", "anonymous", ("anonymous",)),
    ("decide.unlisted_people", "Shopkeepers said the road was closed.", "Shopkeepers", "anonymous", ("anonymous",)),
]

# (step, text, the sentence's labels): the step must not decide any source of the last sentence.
PASSES = [
    ("decide.acronym", "The FRB said rates would stay unchanged.", ("named-other",)),
    ("decide.poll_share", "Two of the officials said the plan was dead.", ("anonymous",)),
    ("ref.party_member", "Democrats said the plan was dead.", ("anonymous",)),
    ("decide.part_of_group", "A number said the plan was dead.", ("anonymous",)),
    ("ref.pronoun", "She said the plan was dead.", ()),
    ("decide.named_members", "Critics say the increase comes at the expense of housing.", ("anonymous",)),
    ("ref.definite", "The analyst said the front had held.", ("anonymous",)),
    ("ref.programme_journalist", "The mayor spoke at the fair.\nThe host asked whether she would run.", ()),
    ("decide.imagery", "The images show new craters near the runway.", ()),
    ("ref.statement", "The statement said the ceasefire would hold.", ()),
    ("decide.document", "A Reuters reporter asked the minister about the plan.", ("anonymous",)),
    ("decide.outlet_described", "The broadcaster Rustavi said the strike had ended.", ("secondary-outlet",)),
    ("decide.outlet", "People familiar with the matter said the deal was off.", ("anonymous",)),
    ("decide.unnamed_marker", "A US official said the talks had stalled.", ("anonymous",)),
    ("decide.named_person", "Microsoft said its earnings rose.", ("named-other",)),
    ("decide.speaks_for_person", "The office said the road would reopen.", ("named-other",)),
    ("decide.spokesperson", "A US official said the talks had stalled.", ("anonymous",)),
    ("decide.body_reference", "He kept the company of friends.", ()),
    ("decide.document_authors", "Authors said the book fair was a success.", ("anonymous",)),  # no document, no "the"
    ("decide.named_in_apposition", "The bakery's owner said the shop would reopen.", ()),  # no name: no source
    ("ref.outlet_story", "The ministry published a report. According to the report, exports fell.", ("document",)),
    ("ref.definite_person", "The drone, called Arash, had a range of 2,000 km, the ministry said.", ("named-official",)),
    ("decide.outlet_named_like", "Bayport Marine said the port had overpaid.", ("named-other",)),
    ("ref.relative", "The talks that stalled on Monday resumed, officials said.", ("anonymous",)),
    ("ref.named_later", "Top lawmakers said the bill was dead.", ("anonymous",)),  # never named: stays anonymous
    ("decide.state", "Russian officials said the talks had stalled.", ("anonymous",)),
    ("decide.anonymity_request", "An official said the talks had stalled.", ("anonymous",)),
    ("decide.described_private", "Hamas, the militant group that controls Gaza, said it would respond.", ("named-official",)),
    ("decide.described_public", "WPP, a British agency, said its profits fell.", ("named-other",)),
    ("decide.official_function", "An investigator said the fire was set deliberately.", ("anonymous",)),
    ("decide.body_named", "Pentagon officials said the strike was lawful.", ("anonymous",)),
    ("decide.title", "An aide said the talks had stalled.", ("anonymous",)),
    ("decide.descriptor", "The Kremlin said the talks had stalled.", ("named-official",)),
    ("decide.body_in_phrase", "A US official said the talks had stalled.", ("anonymous",)),
    ("decide.organisation", "Police said a man had been arrested.", ("named-official",)),
    ("decide.unlisted_people", "The drivers were tired.", ()),
]

# Sentences in which a step decides that a phrase is no source at all.
NO_SOURCE = [
    ("decide.poll_share", "Eight of 10 voters say the economy is weak."),
    ("decide.poll_share", "Four in 10 Americans say the economy is weak."),
    ("decide.pronoun_not_a_source", "Who said the plan was dead?"),
    ("decide.not_a_source", "63 percent said the economy was weak."),
    ("decide.not_a_source", "A majority of voters said the economy was their main concern."),
]


def last_sentence(analyzer, text: str):
    data = analyzer.nlp(text)._.sourcing
    last = data.sentences[-1]
    return last, [a for a in data.attributions if a.sentence_index == last.index]


@pytest.mark.parametrize("step, text, source, label, labels", TAKES)
def test_step_takes(analyzer, step, text, source, label, labels):
    sentence, found = last_sentence(analyzer, text)
    assert sentence.labels == labels
    decided = [a for a in found if a.source == source]
    assert [a.label for a in decided] == [label], found
    assert step in decided[0].step.split(" > "), decided[0].step  # "decide.descriptor > decide.named_person"


@pytest.mark.parametrize("step, text, labels", PASSES)
def test_step_passes(analyzer, step, text, labels):
    sentence, found = last_sentence(analyzer, text)
    assert sentence.labels == labels
    assert not [a for a in found if a.step and step in a.step.split(" > ")], found


@pytest.mark.parametrize("step, text", NO_SOURCE)
def test_step_finds_no_source(analyzer, step, text):
    sentence, found = last_sentence(analyzer, text)
    assert sentence.labels == () and found == []


def test_every_step_is_documented_and_tested():
    """Each step of the table has an id, a `why`, and rows above that exercise it."""
    tested = {row[0] for row in TAKES} | {row[0] for row in NO_SOURCE}
    for step in DECISION_TABLE:
        assert step.step_id in DECISION_STEPS and len(DECISION_STEPS[step.step_id].why) > 20
        assert step.step_id in tested, f"{step.step_id} has no sentence that takes it"
        assert step.step_id in {row[0] for row in PASSES} | {row[0] for row in NO_SOURCE}, \
            f"{step.step_id} has no sentence it must pass"


def test_table_order_is_the_documented_order():
    """The order is part of the rules: back-references first, then evidence, people, officials."""
    ids = [step.step_id for step in DECISION_TABLE]
    assert ids.index("decide.acronym") == 0
    assert ids.index("ref.pronoun") < ids.index("decide.imagery") < ids.index("decide.named_person")
    assert ids.index("decide.named_person") < ids.index("decide.title") < ids.index("decide.unlisted_people")
    # the last resorts: people described by a common noun, then a definite description of someone spoken of
    assert ids[-2:] == ["decide.unlisted_people", "ref.definite_person"]
