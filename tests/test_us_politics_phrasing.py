"""Families of phrasing from US political news (issue 12): offices named by their holder's title,
committees of Congress, AP's party-and-state tag, a member described by party, refusals that point
elsewhere, hedged speech acts, and descriptions of an office given long before. Every article here
is invented."""

from __future__ import annotations

from sentence_labels import labels_at


def test_an_office_named_by_its_holders_title_is_official(analyzer):
    text = ("Grant probe\n\n"
            "The U.S. attorney's office in Albuquerque declined to comment on Sunday.\n\n"
            "The governor's own budget office acknowledged the gap.\n\n"
            "The company's office in Dallas said it would close.\n")
    assert labels_at(analyzer, text, "The U.S. attorney's office") == {"named-official"}
    assert labels_at(analyzer, text, "The governor's own budget office") == {"named-official"}
    assert "named-official" not in labels_at(analyzer, text, "The company's office")


def test_a_committee_of_congress_and_a_chairman_tagged_between_commas_are_officials(analyzer):
    text = ("Contract report\n\n"
            "The House Ethics Committee said in a statement that it would defer its inquiry.\n\n"
            "\"This was not a competition,\" Committee Chairman Gary Lind, R-Texas, said at a news conference.\n\n"
            "\"This was a bad deal,\" said Ann Vole, a retired nurse from Austin, Texas, who attended.\n")
    assert labels_at(analyzer, text, "The House Ethics Committee") == {"named-official"}
    assert labels_at(analyzer, text, "\"This was not a competition") == {"named-official"}
    assert labels_at(analyzer, text, "\"This was a bad deal") == {"named-other"}


def test_a_member_described_by_party_is_the_person_spoken_of(analyzer):
    text = ("Profile\n\n"
            "Sen. Ruth Oakes asked the Pentagon for its audit files.\n\n"
            "\"I don't trust a summary I didn't write,\" the Vermont Democrat said.\n\n"
            "Democrats said the audit was overdue.\n")
    assert labels_at(analyzer, text, "\"I don't trust") == {"named-official"}
    assert labels_at(analyzer, text, "Democrats said") == {"anonymous"}


def test_an_interview_dated_by_year_still_credits_the_outlet(analyzer):
    text = ("Profile\n\n"
            "In a 2021 interview with MSNBC, shortly after she was sworn in, Sen. Ruth Oakes said she would "
            "ask hard questions.\n")
    assert labels_at(analyzer, text, "In a 2021 interview") == {"named-official", "secondary-outlet"}


def test_a_special_agent_is_an_official_and_referring_questions_is_a_refusal(analyzer):
    text = ("Bribery case\n\n"
            "Special Agent Colleen Hart wrote in the affidavit that the bills were still wrapped.\n\n"
            "The White House referred questions to the Interior Department.\n\n"
            "The clinic referred patients to a hospital in Dayton.\n")
    assert labels_at(analyzer, text, "Special Agent") == {"named-official", "document"}
    assert labels_at(analyzer, text, "The White House referred") == {"named-official"}
    assert labels_at(analyzer, text, "The clinic referred") == set()


def test_a_hedged_speech_act_is_the_hedges_claim_not_the_speakers(analyzer):
    text = ("Bribery case\n\n"
            "Mayor Dan Lucca allegedly told his staff to flag the applications.\n\n"
            "Mayor Dan Lucca told his staff to flag the applications, prosecutors said.\n")
    assert labels_at(analyzer, text, "Mayor Dan Lucca allegedly") == {"anonymous"}


def test_the_office_given_in_the_lead_is_not_moved_to_a_teacher_named_later(analyzer):
    text = ("State of the state\n\n"
            "\"Families have waited long enough,\" Gov. Daniel Ostrow told a joint session of the Legislature.\n\n"
            "The speech ran long. Budget writers were not impressed. The figures did not add up. Aides scrambled. "
            "Lawmakers from both parties left early. The gallery was half empty by the end. Reporters counted "
            "the applause lines and found fewer than last year. Nobody expected a surprise.\n\n"
            "Teachers were listening, too. \"Every year it's the same speech,\" said Marisol Vega, who teaches "
            "fourth grade in Racine and sat in the gallery Tuesday. She was not the only one who stayed seated.\n\n"
            "Most of the people up there would trade a tax cut for a budget that adds up. Under state law, the "
            "governor's budget bill is due Feb. 15.\n")
    assert labels_at(analyzer, text, "Teachers were listening") == set()
    assert labels_at(analyzer, text, "\"Every year") == {"named-other"}


def test_a_document_act_inside_what_an_outlet_says_is_its_content(analyzer):
    text = ("Grant story\n\n"
            "Gov. Elaine Marrow has denied wrongdoing.\n\n"
            "The Post noted that she personally signed the 2023 executive order that created the program.\n\n"
            "The Post said it had reviewed travel vouchers showing that she flew first class.\n")
    assert labels_at(analyzer, text, "The Post noted") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "The Post said it had reviewed") == {"secondary-outlet", "document"}


def test_a_partys_legislators_named_next_take_the_label_of_the_one_named(analyzer):
    text = ("Contract report\n\n"
            "Democrats on the committee said the investigation had been rushed. \"There may be problems,\" "
            "said Rep. Denise Harcourt of Maryland, the committee's ranking Democrat.\n\n"
            "Sen. Ann Vole said Republicans on the committee had told her privately that they had doubts.\n\n"
            "Many Democrats said the race was close. \"It is tight,\" said Rep. Tom Lusk.\n")
    assert labels_at(analyzer, text, "Democrats on the committee") == {"named-official"}
    assert labels_at(analyzer, text, "Sen. Ann Vole said") == {"named-official", "anonymous"}
    assert labels_at(analyzer, text, "Many Democrats said") == {"anonymous"}


def test_lawyers_for_a_public_body_speak_for_it(analyzer):
    text = ("Ballot case\n\n"
            "In a filing with the court, lawyers for the secretary of state's office argued that the signatures "
            "were forged.\n\n"
            "Lawyers for the company said the suit had no merit.\n\n"
            "A lawyer who asked not to be named said the case was weak.\n")
    assert labels_at(analyzer, text, "In a filing") == {"named-official", "document"}
    assert labels_at(analyzer, text, "Lawyers for the company") == {"named-other"}
    assert labels_at(analyzer, text, "A lawyer who asked") == {"anonymous"}


def test_a_citys_finance_director_is_an_official_a_companys_is_not(analyzer):
    text = ("Pension fund\n\n"
            "In a memo to the City Council, Finance Director Howard Lim wrote that the fund was short.\n\n"
            "Harlow Group's finance director said margins fell.\n")
    assert labels_at(analyzer, text, "In a memo") == {"named-official", "document"}
    assert labels_at(analyzer, text, "Harlow Group's") == {"named-other"}


def test_a_party_in_a_story_of_named_legislators_is_those_legislators(analyzer):
    text = ("Contempt vote\n\n"
            "Rep. Dale Harmon (R-Utah) said the witness must appear.\n\n"
            "Republicans said the credibility of the Congress was on the line.\n\n"
            "Rep. Ella Quint (D-Md.) called it a show.\n\n"
            "Democrats called the citation a stunt.\n\n"
            "The map was redrawn after a lawsuit in which Democrats argued it diluted black votes.\n\n"
            "Many Democrats said they would vote for her.\n")
    assert labels_at(analyzer, text, "Republicans said") == {"named-official"}
    assert labels_at(analyzer, text, "Democrats called") == {"named-official"}
    assert labels_at(analyzer, text, "The map was redrawn") != {"named-official"}
    assert labels_at(analyzer, text, "Many Democrats") == {"anonymous"}
    # with no legislators named, a party is its unnamed members
    assert labels_at(analyzer, "Vote\n\nRepublicans said the plan was dead.\n", "Republicans said") == {"anonymous"}


def test_an_office_held_then_describes_the_person_only_then(analyzer):
    text = ("Zoning deal\n\n"
            "The Post attacked former Missouri Gov. Dale Whitcomb over a real estate deal.\n\n"
            "The paper claims that Whitcomb, then a state senator, helped steer a zoning change.\n\n"
            "\"They come after me because they can't come after my record,\" he told the crowd.\n\n"
            "In 2005 Ann Ruiz, then a state senator, said the deal was clean.\n")
    assert labels_at(analyzer, text, "\"They come after me") == {"named-other"}
    assert labels_at(analyzer, text, "In 2005 Ann Ruiz") == {"named-official"}


def test_a_sitting_senator_described_as_the_nominee_is_still_an_official(analyzer):
    text = ("Housing plan\n\n"
            "Sen. Carla Brandt of Michigan said the plan was a giveaway.\n\n"
            "Brandt, the Democratic nominee, dismissed the plan as \"a land grab.\"\n\n"
            "Former Gov. Dale Whitcomb said the plan would work.\n\n"
            "Whitcomb, the Republican nominee, said it again.\n")
    assert labels_at(analyzer, text, "Brandt, the Democratic nominee") == {"named-official"}
    assert labels_at(analyzer, text, "Whitcomb, the Republican nominee") == {"named-other"}


def test_a_legislatures_party_leaders_and_whips_sit_in_it(analyzer):
    text = ("Spending bill\n\n"
            "House Minority Leader Ann Cole said the bill would fail.\n\n"
            "Majority Whip Tom Lee said the votes were there.\n\n"
            "The party's floor leader, Ben Ott, said talks would go on.\n\n"
            "Only 12 percent of minority voters said they followed the talks.\n")
    assert labels_at(analyzer, text, "House Minority Leader") == {"named-official"}
    assert labels_at(analyzer, text, "Majority Whip") == {"named-official"}
    assert labels_at(analyzer, text, "The party's floor leader") == {"named-official"}
    assert labels_at(analyzer, text, "Only 12 percent") == set()
