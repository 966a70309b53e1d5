"""The details that tell good anonymous sourcing from bad: reason, vantage, specificity, count."""

from __future__ import annotations

import pytest

from analyzer.report.tables import ANONYMOUS_COLUMNS, attribution_row


def anonymous_details(analyzer, text):
    """The AnonymousDetails of the text's anonymous attributions, in order."""
    result = analyzer.analyze_text(text)
    return [a.anonymous for a in result.attributions if a.label == "anonymous"]


@pytest.mark.parametrize("text, reason", [
    ("A senior military official, speaking on condition of anonymity because he was not authorized to discuss operations, said the strike was planned.", "formulaic"),
    ("Two administration officials, who requested anonymity to discuss internal deliberations, said the package was delayed.", "formulaic"),
    ("A resident, who asked not to be named for fear of reprisals, said soldiers searched the village.", "substantive"),
    ("An investigator, who spoke on condition of anonymity because the investigation is ongoing, said two suspects were sought.", "substantive"),
    ("A neighbour, who did not want her name published, said she heard shouting.", "none"),
    ("US officials said the talks had stalled.", "none"),
])
def test_reason_for_anonymity(analyzer, text, reason):
    details = anonymous_details(analyzer, text)
    assert details
    assert details[0].anonymity_reason == reason
    assert details[0].anonymity_reason_given is (reason != "none")


@pytest.mark.parametrize("text, vantage, strength", [
    ("An official who attended the meeting said no deal was reached.", "attended", 5),
    ("A diplomat who has seen the draft said it calls for a ceasefire.", "document", 4),
    ("Two people with direct knowledge of the talks said the offer was rejected.", "direct_knowledge", 3),
    ("A person briefed on the negotiations said the talks would resume.", "briefed", 2),
    ("People familiar with the matter said the company was in talks.", "familiar", 1),
    ("An official said the talks would resume.", "none", 0),
])
def test_vantage(analyzer, text, vantage, strength):
    details = anonymous_details(analyzer, text)[0]
    assert (details.vantage, details.vantage_strength) == (vantage, strength)


@pytest.mark.parametrize("text, level", [
    ("Sources said the deal was close.", 0),
    ("Iran reportedly started showing off the drones.", 0),
    ("An official said the deal was close.", 1),
    ("A U.S. official said the deal was close.", 2),
    ("A senior State Department official said the deal was close.", 3),
    ("An Israeli military official said the deal was close.", 3),
])
def test_specificity(analyzer, text, level):
    assert anonymous_details(analyzer, text)[0].specificity == level


@pytest.mark.parametrize("text, count", [
    ("Two people familiar with the matter said the deal was close.", "2"),
    ("Three officials said the deal was close.", "3"),
    ("Several officials said the deal was close.", "several"),
    ("A senior official said the deal was close.", "1"),
    ("Officials said the deal was close.", ""),
])
def test_stated_number_of_sources(analyzer, text, count):
    assert anonymous_details(analyzer, text)[0].source_count == count


def test_named_sources_leave_the_columns_empty(analyzer):
    result = analyzer.analyze_text("Mayor Karen Bass said the plan would add officers.")
    attribution = result.attributions[0]
    assert attribution.label == "named-official"
    assert attribution.anonymous is None
    row = attribution_row("x", attribution)
    assert [row[column] for column in ANONYMOUS_COLUMNS] == [""] * len(ANONYMOUS_COLUMNS)
