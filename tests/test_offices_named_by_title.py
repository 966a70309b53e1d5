"""An office named by its holder's title speaks for that office: "The Cook County Sheriff's
Office said", "the state auditor's office said", also where the parser reads the holder as a
modifier rather than a possessive ("The Wayne County Clerk's Office"), or the curly
apostrophe makes "Office" a name of its own. A company's or a
person's office does not. Every article here is invented."""

from __future__ import annotations

import pytest

from sentence_labels import labels_at

OFFICES = ("Ballots under review\n\n"
           "Two counties reviewed their ballots this week. "
           "The Dorrance County Sheriff\u2019s Office said a deputy had been placed on leave. "
           "The Wayne County Clerk's Office said the count was complete. "
           "The Lakeview County Recorder's Office said it had found two ballots cast twice. "
           "The state auditor\u2019s office said the audit would take months. "
           "The company's director's office said nothing. "
           "Smith's Office said the visit was private.")


@pytest.mark.parametrize("start", ["The Dorrance County Sheriff\u2019s Office", "The Wayne County Clerk's Office",
                                   "The Lakeview County Recorder's Office", "The state auditor\u2019s office"])
def test_an_office_named_by_a_public_title_is_official(analyzer, start):
    assert labels_at(analyzer, OFFICES, start) == {"named-official"}


def test_a_companys_or_a_persons_office_is_not(analyzer):
    assert "named-official" not in labels_at(analyzer, OFFICES, "The company's director's office")
    assert "named-official" not in labels_at(analyzer, OFFICES, "Smith's Office")


TOWN_HALL = ("Jeers and cheers at a packed town hall\n\n"
             "More than 300 people crowded into the Lincoln High School gym Tuesday night for U.S. Rep. "
             "Dana Kowalczyk's first in-person town hall in two years.\n\n"
             "Kowalczyk, a Republican seeking a third term, opened by saying she wanted to hear from everybody.\n\n"
             "Ruth Nyberg, 68, a retired teacher from Osseo, asked Kowalczyk whether she would protect "
             "Social Security. \"I will not vote for any bill that cuts benefits,\" Kowalczyk answered.")


def test_a_person_first_named_in_a_possessive_keeps_the_title(analyzer):
    # the recogniser takes "Dana Kowalczyk's" whole for the name
    assert labels_at(analyzer, TOWN_HALL, "\"I will not vote") == {"named-official"}
    assert labels_at(analyzer, TOWN_HALL, "Kowalczyk, a Republican") == {"named-official"}



RACE = ("Attorney general outraises rival\n\n"
        "RALEIGH (AP) \u2014 Democrat Mara Collier raised nearly $9 million over the summer in her bid for "
        "governor, according to campaign finance reports filed Monday. The reports show Collier, the state's "
        "attorney general, with $14.2 million in cash on hand.\n\n"
        "Collier, speaking to reporters after a campaign stop, said the numbers were strong.")


def test_an_office_given_later_in_apposition_holds_for_the_person_named_before(analyzer):
    # the recogniser does not tag "Collier" alone: the apposition gives her the office
    assert labels_at(analyzer, RACE, "Collier, speaking") == {"named-official"}


@pytest.mark.parametrize("sentence", [
    "The Health Service Executive said 4,200 procedures had been postponed.",
    "HSE chief operations officer Dr. Liam Cronin said he was confident.",
    "The Garda said two men had been arrested.",
])
def test_irelands_public_bodies_are_official(analyzer, sentence):
    assert labels_at(analyzer, "Hospital strike\n\n" + sentence, sentence[:12]) == {"named-official"}


def test_an_emergency_operations_centre_is_official(analyzer):
    text = "Wildfire grows\n\nThe regional district's emergency operations centre said 900 people had registered."
    assert labels_at(analyzer, text, "The regional district") == {"named-official"}
