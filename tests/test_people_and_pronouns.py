"""Who a pronoun or a surname is, and which titles make an official (issue 12, session 6): the
gender the text gives a person, the person named as a subject just before, the one asked who
replies, British honorifics, police ranks, titles the tokenizer split, a title in apposition to a
name the recogniser missed, private organisations' presidents and counsel, bodies whose names
start with people ("Doctors Without Borders"), and asking for a document without getting it."""

from __future__ import annotations

import pytest

from sentence_labels import labels_at


@pytest.mark.parametrize("text, start, expected", [
    # she is not the man quoted last
    ("Mayor Linda Ortiz said on Monday that the budget would pass. Tom Becker, a local landlord, said he "
     "would sue the city. She added that the vote would be held on Friday.", "She added", {"named-official"}),
    # he is the person named as subject just before
    ("Gov. Paul Reyes signed the bill on Tuesday. \"This is a good day,\" said Sarah Kim, a teacher at Lincoln "
     "High. Reyes has pushed for the law since 2019. He said it would help families.", "He said", {"named-official"}),
    # a person in a reported clause is not the topic
    ("District Attorney Nadine Okonjo said Thursday that she would not file charges. Okonjo said the video showed "
     "that Marcus Trell had raised a handgun. She said the officer had acted lawfully.", "She said the officer",
     {"named-official"}),
    # a possessive gives the man quoted last his gender: "she" is the attorney general
    ("Attorney General Renata Calloway sued the chain. Dr. Felix Amari, a pain specialist, lost his license last "
     "year. She said her office would seek penalties.", "She said", {"named-official"}),
    # the one asked is the one who replies
    ("Senate Majority Leader Paul Hadley spoke on Sunday. Later that day, CNN host Dana Whitfield asked Hadley "
     "whether he had the votes. \"We're close,\" he replied.", "\"We're close", {"named-official"}),
    # a British honorific is the same person
    ("The shipping minister, Eleanor Frame, will face questions on Wednesday. Ms Frame has previously said that "
     "the structure would be kept under review.", "Ms Frame", {"named-official"}),
    # a surname the tagger reads as a common noun
    ("AG Jeff Sessions said the memo was accurate. Sessions added that he stood by it.", "Sessions added",
     {"named-official"}),
    # the authors of a study named before
    ("A study published in the journal Gut found that the sweetener altered gut bacteria. Its authors reported "
     "no financial ties to the food industry.", "Its authors", {"named-other"}),
    # a title in apposition to a name the recogniser took for an organisation
    ("The state's attorney general, Renata Calloway, sued Brightwell Pharmacies on Monday. "
     "Calloway said the company chose profits.", "Calloway said", {"named-official"}),
])
def test_who_a_pronoun_or_a_name_is(analyzer, text, start, expected):
    assert labels_at(analyzer, text, start) == expected


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
    ("Human rights groups said the law was unjust.", {"anonymous"}),
    ("The National Weather Service issued a flood warning, saying rivers would crest on Friday.", {"named-official"}),
    ("The Interior Ministry put the death toll at 42.", {"named-official"}),
    ("The F.B.I. said the suspect fled on foot.", {"named-official"}),
    ("Satellite images from Maxar show burned villages.", {"satellite-imagery"}),
    ("The Taliban's spokesman, Zabihullah Mujahid, denied the report.", {"named-official"}),
    ("Famine has spread to five more areas, the U.N.'s humanitarian coordinator for Sudan, Halima Osei-Berg, "
     "said on Wednesday.", {"named-official"}),
    ("Sens. Maria Delgado, Tom Brennan and Keith Asher said they would not support the package.", {"named-official"}),
    ("Lucia Varga, who has represented the 14th Senate district since 2016, said the delay was an insult.",
     {"named-official"}),
    ("Ana Cruz, who served on the city council from 2010 to 2014, said the budget was balanced.", {"named-other"}),
    ("Dr. Felix Amari, a pain specialist who wrote many of the prescriptions, lost his license.", set()),
    ("The Teamsters union said the rule was overdue.", {"named-other"}),
    ("The senator said she had written to the minister demanding that she publish the assessment.",
     {"named-official"}),
])
def test_who_speaks(analyzer, text, expected):
    assert labels_at(analyzer, text, text[:12]) == expected


def test_the_publisher_by_its_short_name_is_its_own_reporting(analyzer):
    text = "Records obtained by the Daily News show that he was disciplined in 2020."
    assert labels_at(analyzer, text, "Records", outlet="The Riverton Daily News") == {"document"}
