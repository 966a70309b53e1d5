"""Who a pronoun or a surname is, and which titles make an official (issue 12, session 6): the
gender the text gives a person, the person named as a subject just before, the one asked who
replies, British honorifics, police ranks, titles the tokenizer split, a title in apposition to a
name the recogniser missed, private organisations' presidents and counsel, bodies whose names
start with people ("Doctors Without Borders"), and asking for a document without getting it."""

from __future__ import annotations

import pytest


def labels_at(analyzer, text: str, start: str, outlet: str | None = None) -> set[str]:
    """The labels of the sentence that starts with `start`."""
    found = [s for s in analyzer.analyze_text(text, outlet=outlet).sentences if s.text.startswith(start)]
    assert found, f"no sentence starts with {start!r}"
    return set(found[0].labels)


def test_she_is_not_the_man_quoted_last(analyzer):
    text = ("Mayor Linda Ortiz said on Monday that the budget would pass. "
            "Tom Becker, a local landlord, said he would sue the city. "
            "She added that the vote would be held on Friday.")
    assert labels_at(analyzer, text, "She added") == {"named-official"}


def test_he_is_the_person_named_as_subject_just_before(analyzer):
    text = ("Gov. Paul Reyes signed the bill on Tuesday. "
            "\"This is a good day,\" said Sarah Kim, a teacher at Lincoln High. "
            "Reyes has pushed for the law since 2019. He said it would help families.")
    assert labels_at(analyzer, text, "He said") == {"named-official"}


def test_a_person_in_a_reported_clause_is_not_the_topic(analyzer):
    text = ("District Attorney Nadine Okonjo said Thursday that she would not file charges. "
            "Okonjo said the video showed that Marcus Trell had raised a handgun. "
            "She said the officer had acted lawfully.")
    assert labels_at(analyzer, text, "She said the officer") == {"named-official"}


def test_the_one_asked_is_the_one_who_replies(analyzer):
    text = ("Senate Majority Leader Paul Hadley spoke on Sunday. "
            "Later that day, CNN host Dana Whitfield asked Hadley whether he had the votes. "
            "\"We're close,\" he replied.")
    assert labels_at(analyzer, text, "\"We're close") == {"named-official"}


def test_a_british_honorific_is_the_same_person(analyzer):
    text = ("The shipping minister, Eleanor Frame, will face questions on Wednesday. "
            "Ms Frame has previously said that the structure would be kept under review.")
    assert labels_at(analyzer, text, "Ms Frame") == {"named-official"}


def test_a_surname_the_tagger_reads_as_a_noun(analyzer):
    text = "AG Jeff Sessions said the memo was accurate. Sessions added that he stood by it."
    assert labels_at(analyzer, text, "Sessions added") == {"named-official"}


def test_a_title_in_apposition_to_a_name_the_recogniser_missed(analyzer):
    text = ("The state's attorney general, Renata Calloway, sued Brightwell Pharmacies on Monday. "
            "Calloway said the company chose profits.")
    assert labels_at(analyzer, text, "Calloway said") == {"named-official"}


@pytest.mark.parametrize("text, expected", [
    ("WHO chief Anders Kallio warned that cholera cases had tripled.", {"named-official"}),
    ("Sgt. Mike Lowe said the suspect fled on foot.", {"named-official"}),
    ("Detective Chief Inspector Amira Shah said the attack was targeted.", {"named-official"}),
    ("The Cuban mission to the United Nations did not respond to a request for comment.", {"named-official"}),
    ("Farmers will see their water cut, the county water district announced Monday.", {"named-official"}),
    ("Brightwell's general counsel, Howard Ng, said the company disputed the claims.", {"named-other"}),
    ("The president of the Riverton police union, Gary Mertens, said the decision was fair.", {"named-other"}),
    ("Doctors Without Borders said its hospital had run out of fuel.", {"named-other"}),
    ("The strikes were unlawful, said Physicians for Human Rights.", {"named-other"}),
    ("Doctors in Gaza said the hospital had no fuel.", {"anonymous"}),
    ("The senator said she had written to the minister demanding that she publish the assessment.",
     {"named-official"}),
])
def test_who_speaks(analyzer, text, expected):
    assert labels_at(analyzer, text, text[:12]) == expected


def test_the_publisher_by_its_short_name_is_its_own_reporting(analyzer):
    text = "Records obtained by the Daily News show that he was disciplined in 2020."
    assert labels_at(analyzer, text, "Records", outlet="The Riverton Daily News") == {"document"}
