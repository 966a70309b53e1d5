"""Families of phrasing from US political, legal and business news (issue 12): refusals to
another outlet, fact-checkers' ratings, poll respondents, campaign ads, sworn declarations,
people at a company, and the parser's slips that lose a speaker. Every article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at


def test_a_refusal_to_another_outlets_request_is_that_outlets_reporting_too(analyzer):
    text = ("Contracts under review\n\n"
            "Deputy Secretary Ana Lamb approved the contracts in May.\n\n"
            "Lamb did not respond to the Post’s request for comment.\n\n"
            "The senator did not return CNN's calls on Friday.\n\n"
            "The mayor did not respond to a request for comment.\n")
    assert labels_at(analyzer, text, "Lamb did not") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "The senator did not") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "The mayor did not") == {"named-official"}


def test_a_fact_checkers_rating_of_a_claim_is_its_verdict(analyzer):
    text = ("Fact check: the jobs ad\n\n"
            "PolitiFact, the fact-checking site run by a journalism school, rated the claim “Mostly False” in May.\n\n"
            "The fact-checker found that the figure covered only part of the period.\n\n"
            "Voters rated the economy as poor.\n")
    assert labels_at(analyzer, text, "PolitiFact") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "The fact-checker") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "Voters rated") == set()


def test_what_a_polls_respondents_prefer_is_the_polls_finding(analyzer):
    text = ("Poll: voters sour on economy\n\n"
            "A new Harwick University poll of 900 voters was released on Thursday.\n\n"
            "On the ballot question, 47 percent of voters in the poll preferred the Democrat.\n\n"
            "A separate survey by the Tallis Institute painted a rosier picture for the governor.\n\n"
            "Democrats preferred to delay the vote until Friday.\n")
    assert labels_at(analyzer, text, "On the ballot") == {"document"}
    assert labels_at(analyzer, text, "A separate survey") == {"document"}
    assert labels_at(analyzer, text, "Democrats preferred") == set()


def test_a_campaign_ad_from_someone_is_their_words(analyzer):
    text = ("Ad war in Ohio\n\n"
            "A new television ad from Democratic nominee Janet Coyle claims that the state lost 100,000 jobs.\n")
    assert labels_at(analyzer, text, "A new television ad") == {"named-other"}


def test_a_sworn_declaration_is_a_filing_with_its_writer(analyzer):
    text = ("Drop boxes case\n\n"
            "One of the plaintiffs, 71-year-old Harold Mims, said in a sworn declaration that he cannot drive.\n\n"
            "Mayor Ana Ruiz said in a sworn statement that the boxes were emptied daily.\n")
    assert labels_at(analyzer, text, "One of the plaintiffs") == {"document", "named-other"}
    assert labels_at(analyzer, text, "Mayor Ana Ruiz") == {"document", "named-official"}


def test_a_country_describing_a_post_at_a_company_is_no_public_office(analyzer):
    text = ("Markets wait for the Fed\n\n"
            "“The bar for a cut is high,” said Priya Raman, chief U.S. economist at Barclays.\n\n"
            "The U.S. ambassador to Barbados, Lee Chan, said talks would resume.\n")
    assert labels_at(analyzer, text, "“The bar") == {"named-other"}
    assert labels_at(analyzer, text, "The U.S. ambassador") == {"named-official"}


def test_staff_of_a_named_company_are_not_waiting_to_be_named(analyzer):
    text = ("Rates on hold\n\n"
            "Analysts at Goldman Sachs wrote in a note to clients that they expect a cut later than they had forecast.\n"
            "“The bar is high,” said Deputy Governor Ana Ruiz.\n")
    assert labels_at(analyzer, text, "Analysts at Goldman") == {"document", "named-other"}


def test_private_organisations_in_the_plural_take_the_label_of_the_one_named_next(analyzer):
    text = ("Crew bill stalls\n\n"
            "Rail unions have long argued that a second crew member can catch problems. "
            "“A sensor can’t walk back,” said Pete Moreland, legislative director of the Brotherhood of "
            "Locomotive Engineers.\n\n"
            "Several community groups have called for a review board. "
            "Police Chief Dana Holt said the department would cooperate.\n")
    assert labels_at(analyzer, text, "Rail unions") == {"named-other"}
    assert labels_at(analyzer, text, "Several community groups") == {"anonymous"}


def test_a_speaker_after_a_long_opening_is_not_the_distance_in_it(analyzer):
    text = ("Floods in Mozambique\n\n"
            "In Dondo, about 30km from Beira, Joana Machava, a 38-year-old market trader, said the water rose fast.\n")
    assert labels_at(analyzer, text, "In Dondo") == {"named-other"}


def test_a_name_after_a_quotation_is_not_described_by_the_words_inside_it(analyzer):
    text = ("Flynn backs Trump\n\n"
            "Retired Lt. Gen. Michael Flynn said the candidate was right.\n\n"
            "“He is right. There is a disconnect between this White House and frankly the president and our "
            "military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News.\n\n"
            "“There is, again, an enormous frustration,” Flynn said.\n")
    assert labels_at(analyzer, text, "There is a disconnect") == {"named-other", "secondary-outlet"}
    assert labels_at(analyzer, text, "“There is, again") == {"named-other"}


def test_a_quotation_carries_its_speakers_label_not_the_outlet_spoken_to(analyzer):
    text = ("Senator on the budget\n\n"
            "“We will not vote for it. The cuts go too far,” Sen. Ann Hale said on CNN’s “State of the Union.”\n")
    assert labels_at(analyzer, text, "“We will not") == {"named-official"}
    assert labels_at(analyzer, text, "The cuts go") == {"named-official", "secondary-outlet"}


def test_a_local_governments_own_department_speaks_for_it(analyzer):
    text = ("Lawsuit over arrest\n\n"
            "The city's law department declined to comment on the lawsuit.\n\n"
            "The company's legal department declined to comment.\n")
    assert labels_at(analyzer, text, "The city's") == {"named-official"}
    assert labels_at(analyzer, text, "The company's") != {"named-official"}


def test_a_sources_lists_entry_is_not_an_outlet_for_a_word_in_its_title(analyzer):
    text = ("Fact check: factory jobs\n\n"
            "The claim is mostly false.\n\n"
            "Sources\n"
            "Bureau of Labor Statistics, “State and Metro Area Employment, Hours, and Earnings,” accessed Sept. 21.\n"
            "The Plain Dealer, “Coyle launches ad blitz on jobs,” Sept. 15.\n")
    assert labels_at(analyzer, text, "Bureau of Labor") == {"document"}
    assert labels_at(analyzer, text, "The Plain Dealer") == {"secondary-outlet"}


def test_a_sources_list_whose_line_breaks_were_lost_is_split_at_each_entrys_year(analyzer):
    text = ("Fact check: grocery prices\n\n"
            "We rate it Mostly False.\n\n"
            "Our Sources\n\n"
            "Walter Brandt, remarks at rally in Saginaw, Michigan, Sept. 27, 2028 Email interview, Jenna Stowe, "
            "campaign spokeswoman, Sept. 29, 2028 Federal Reserve Bank of San Francisco, “Why Is Inflation "
            "Higher?” March 2022 The Wall Street Journal, “Egg Prices Hit Another Record,” Feb. 14, 2028\n")
    result = analyzer.analyze_text(text)
    entries = [s.text for s in result.sentences if s.index > 2]
    assert entries == ["Walter Brandt, remarks at rally in Saginaw, Michigan, Sept. 27, 2028",
                       "Email interview, Jenna Stowe, campaign spokeswoman, Sept. 29, 2028",
                       "Federal Reserve Bank of San Francisco, “Why Is Inflation Higher?” March 2022",
                       "The Wall Street Journal, “Egg Prices Hit Another Record,” Feb. 14, 2028"]
    assert labels_at(analyzer, text, "The Wall Street Journal") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "Federal Reserve") == {"document"}


def test_a_title_only_public_office_carries_decides_the_bare_surname_used_later(analyzer):
    # the recogniser takes "the Commonwealth Nadia Okoro" for an organisation and "Okoro" alone
    # for a person: the title still decides who Okoro is
    text = ("Ballot count\n\n"
            "Secretary of the Commonwealth Nadia Okoro told reporters that counties were prepared.\n\n"
            "“We will count every valid vote,” Okoro said.\n\n"
            "The union's president, Carl Weintraub, said teachers were worried.\n\n"
            "“We are worried,” Weintraub said.\n")
    assert labels_at(analyzer, text, "“We will count") == {"named-official"}
    assert labels_at(analyzer, text, "“We are worried") == {"named-other"}


def test_the_paper_after_a_newspaper_described_by_what_it_is_is_that_newspaper(analyzer):
    text = ("Airstrikes near the border\n\n"
            "The state-run newspaper Global New Light of Norland reported on Saturday that the army had cleared the area. "
            "The paper quoted Maj. Gen. Kyaw Zin, a spokesman for the military government, as saying that only "
            "military targets had been struck.\n")
    assert labels_at(analyzer, text, "The paper quoted") == {"named-official", "secondary-outlet"}


def test_the_report_points_back_to_a_report_a_speaker_cited_on_the_way(analyzer):
    text = ("Election monitors\n\n"
            "The Associated Press reported last week that turnout was low.\n\n"
            "The mission's head, Ana Ruiz, said in a report on Monday that the count was orderly. "
            "The report also noted that state television had favoured the president.\n")
    assert labels_at(analyzer, text, "The report also noted") == {"document"}


def test_a_documents_plural_after_a_name_is_the_document_not_the_body(analyzer):
    text = "Growth\n\nThe town grew 14% between 2020 and 2025, according to Census Bureau estimates.\n"
    assert labels_at(analyzer, text, "The town grew") == {"document"}


def test_an_outlet_described_once_is_that_outlet_when_named_alone_later(analyzer):
    text = ("Border tension\n\n"
            "Foreign Minister Irena Dascalu told the state news agency Velnews that the crisis was invented. "
            "Dascalu said the exercises would end soon. "
            "Velnews also quoted President Stefan Morozan as saying his country had never sought land.\n\n"
            "The talks were first reported by the trade publication BioPharma Ledger.\n")
    assert labels_at(analyzer, text, "Velnews also") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "The talks were") == {"secondary-outlet"}


def test_one_person_described_then_named_by_the_next_paragraph_is_that_person(analyzer):
    text = ("Bus crash\n\n"
            "A witness described hearing the engine roar seconds before the impact.\n\n"
            "“It just kept accelerating,” said Denise Harlow, who was waiting at a crosswalk.\n\n"
            "A police officer said the driver was hurt. Police Chief Aaron Whitley said the road was closed.\n\n"
            "A neighbour said the car had been parked there for days. "
            "The witness, Gareth Pryce, said he heard shouting.\n")
    assert labels_at(analyzer, text, "A witness described") == {"named-other"}
    assert labels_at(analyzer, text, "A police officer") == {"anonymous"}  # an official names no one
    assert labels_at(analyzer, text, "A neighbour") == {"anonymous"}  # the one named next is the witness


def test_a_link_to_another_story_kept_from_the_page_is_a_heading(analyzer):
    text = ("Storm nears the coast\n\n"
            "The storm strengthened overnight, forecasters said.\n\n"
            "Related: How to find an open shelter near you\n\n"
            "READ MORE: The arena saga, explained\n\n"
            "Read more about the plan, the mayor said on Monday.\n")
    result = analyzer.analyze_text(text)
    headings = {s.text for s in result.sentences if s.is_heading}
    assert "Related: How to find an open shelter near you" in headings
    assert "READ MORE: The arena saga, explained" in headings
    assert not any(h.startswith("Read more about") for h in headings)
