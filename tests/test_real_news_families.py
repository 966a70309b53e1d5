"""Families of phrasing that real news raised (issue 12), each on invented articles: titles and
subheads, transcripts, programmes of other outlets, fact-checkers, sitting office holders who
campaign, unnamed news reports, hedges without an agent, names given in a relative clause, the
authors of a study, another outlet's journalist, and the page's own publisher. And floors on the
three bundled gold files, written from the guidelines by helpers who never saw the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from sentence_labels import labels_at, sentences

CHALLENGE = Path(__file__).parent / "data" / "challenge.jsonl"
HOLDOUT = Path(__file__).parent / "data" / "holdout.jsonl"
FAMILIES = Path(__file__).parent / "data" / "families.jsonl"
FAMILIES2 = Path(__file__).parent / "data" / "families2.jsonl"
HOLDOUT2 = Path(__file__).parent / "data" / "holdout2.jsonl"
FAMILIES3 = Path(__file__).parent / "data" / "families3.jsonl"
HOLDOUT3 = Path(__file__).parent / "data" / "holdout3.jsonl"
FAMILIES4 = Path(__file__).parent / "data" / "families4.jsonl"
HOLDOUT4 = Path(__file__).parent / "data" / "holdout4.jsonl"
FAMILIES5 = Path(__file__).parent / "data" / "families5.jsonl"
HOLDOUT5 = Path(__file__).parent / "data" / "holdout5.jsonl"
FAMILIES6 = Path(__file__).parent / "data" / "families6.jsonl"
HOLDOUT6 = Path(__file__).parent / "data" / "holdout6.jsonl"
FAMILIES7 = Path(__file__).parent / "data" / "families7.jsonl"
HOLDOUT7 = Path(__file__).parent / "data" / "holdout7.jsonl"
FAMILIES8 = Path(__file__).parent / "data" / "families8.jsonl"
HOLDOUT8 = Path(__file__).parent / "data" / "holdout8.jsonl"
FAMILIES9 = Path(__file__).parent / "data" / "families9.jsonl"
HOLDOUT9 = Path(__file__).parent / "data" / "holdout9.jsonl"
FAMILIES10 = Path(__file__).parent / "data" / "families10.jsonl"
HOLDOUT10 = Path(__file__).parent / "data" / "holdout10.jsonl"
FAMILIES11 = Path(__file__).parent / "data" / "families11.jsonl"
HOLDOUT11 = Path(__file__).parent / "data" / "holdout11.jsonl"
FAMILIES12 = Path(__file__).parent / "data" / "families12.jsonl"
HOLDOUT12 = Path(__file__).parent / "data" / "holdout12.jsonl"
FAMILIES13 = Path(__file__).parent / "data" / "families13.jsonl"
HOLDOUT13 = Path(__file__).parent / "data" / "holdout13.jsonl"
FAMILIES14 = Path(__file__).parent / "data" / "families14.jsonl"
HOLDOUT14 = Path(__file__).parent / "data" / "holdout14.jsonl"
FAMILIES15 = Path(__file__).parent / "data" / "families15.jsonl"
HOLDOUT15 = Path(__file__).parent / "data" / "holdout15.jsonl"
FAMILIES16 = Path(__file__).parent / "data" / "families16.jsonl"
HOLDOUT16 = Path(__file__).parent / "data" / "holdout16.jsonl"
FAMILIES17 = Path(__file__).parent / "data" / "families17.jsonl"
HOLDOUT17 = Path(__file__).parent / "data" / "holdout17.jsonl"
FAMILIES18 = Path(__file__).parent / "data" / "families18.jsonl"
HOLDOUT18 = Path(__file__).parent / "data" / "holdout18.jsonl"
FAMILIES19 = Path(__file__).parent / "data" / "families19.jsonl"
HOLDOUT19 = Path(__file__).parent / "data" / "holdout19.jsonl"


ARTICLE_WITH_TITLE = (
    "Harbour bridge to close for repairs, council says.\n\n"
    "The harbour bridge will close for six weeks from May, the city council said on Monday.\n\n"
    "Repairs.\n\n"
    "Engineers found cracks in two of the bridge's supports last winter.\n"
)


def test_title_and_subhead_are_headings_even_with_a_full_stop(analyzer):
    by_text = {s.text: s for s in sentences(analyzer, ARTICLE_WITH_TITLE)}
    assert by_text["Harbour bridge to close for repairs, council says."].is_heading
    assert by_text["Repairs."].is_heading
    assert not by_text["Engineers found cracks in two of the bridge's supports last winter."].is_heading


def test_a_short_lead_with_said_is_no_title(analyzer):
    text = ("Police said two men were arrested.\n\nThe men were held overnight.\n\n"
            "They will appear in court on Friday.\n")
    first = sentences(analyzer, text)[0]
    assert not first.is_heading and first.labels == ("named-official",)


TRANSCRIPT = (
    "Senator defends tariff vote on Sunday show.\n\n"
    "On Sunday's broadcast of \"Meet the Press,\" Sen. Harriet Kale said she would vote for the package.\n\n"
    "Partial transcript:\n\n"
    "\"HOSTMAN: Senator, you voted against the last package. Why support this one?\n\n"
    "\"KALE: Because the mills in my state asked for it. They need time.\n\n"
    "\"HOSTMAN: And your party?\n\n"
    "\"KALE: My party will come around.\n"
)


def test_transcript_turns_carry_the_speaker_and_the_host_is_the_outlet(analyzer):
    assert labels_at(analyzer, TRANSCRIPT, "On Sunday's broadcast") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, TRANSCRIPT, "They need time.") == {"named-official"}
    assert labels_at(analyzer, TRANSCRIPT, "My party") == {"named-official"}
    assert "secondary-outlet" in labels_at(analyzer, TRANSCRIPT, "And your party?")
    assert "named-official" not in labels_at(analyzer, TRANSCRIPT, "Why support this one?")


def test_one_capitalised_label_is_no_transcript(analyzer):
    text = "Road closures this week.\n\nUPDATE: The road reopened on Tuesday.\n\nTraffic is normal again.\n"
    assert labels_at(analyzer, text, "UPDATE:") == set()


@pytest.mark.parametrize("text, expected", [
    ("PolitiFact said on Monday that the claim about the budget was mostly false.", {"secondary-outlet"}),
    ("According to Snopes, the photo was taken in 2015.", {"secondary-outlet"}),
    ("Appearing on CNN, the governor said the roads would reopen.", {"named-official", "secondary-outlet"}),
    ("Republican vice-presidential nominee Gov. Ada Brooks said the tax would be repealed.", {"named-official"}),
    ("Retired Army Gen. Paul Reyes said the plan would fail.", {"named-other"}),
    ("Former Gov. Ada Brooks said the plan would fail.", {"named-other"}),
    ("Sens. Maria Delgado and Tom Brennan said the bill would not pass.", {"named-official"}),
    ("Media reports said the minister would resign.", {"anonymous", "secondary-outlet"}),
    ("Recent reports have suggested that the factory will close.", {"anonymous", "secondary-outlet"}),
    ("According to a report by Reuters, the trucks were held at the border.", {"secondary-outlet"}),
    ("The militia is accused of blocking fuel deliveries to the city.", {"anonymous"}),
    ("The new strain has been described as more transmissible than earlier ones.", {"anonymous"}),
    ("The island, which Norland calls Vesta, hosts a small garrison.", set()),
    ("Images captured on Sunday by Planet Labs show dozens of ships near the reef.", {"satellite-imagery"}),
    ("CNN host Dana Whitfield asked the senator whether she had the votes.", {"secondary-outlet"}),
    ("The fine came from the European Union, which contended that the firm broke the law.", {"named-official"}),
    ("\u201cWe will find who did this,\u201d Harbor City police Chief Dana Ortiz said Monday.", {"named-official"}),
    ("\u201cWe are not going to apologize,\u201d Ortiz said, cutting off MSNBC anchor Lena Brooks.",
     {"named-other", "secondary-outlet"}),
    ("The bill is dead, top lawmakers said, and Sen. Ada Brooks called it a betrayal.", {"named-official"}),
    ("The bakery's owner, Tomasz Nowak, said he had opened the shop six months ago.", {"named-other"}),
    ("Economists at Halvard Bank expect the central bank to cut rates.", {"named-other"}),
    ("Senate Majority Leader Ada Brooks said the vote would happen Tuesday.", {"named-official"}),
    ("The governor signed the bill on Friday.", set()),
    ("The union filed a lawsuit alleging that the plant was unsafe.", {"document", "named-other"}),
    ("He is accused of fraud, according to the indictment.", {"document"}),
    ("A federal jury on Wednesday convicted the former treasurer of bribery.", {"named-official"}),
    ("The Bayport Observer reported last month that the port had overpaid.", {"secondary-outlet"}),
    ("NBC's Chuck Todd asked the governor whether she would run.", {"secondary-outlet"}),
    ("\"I think he is wrong,\" Senator Ada Brooks said in a Sunday interview on NBC.",
     {"named-official", "secondary-outlet"}),
    ("Mayor Tom Hale put it bluntly: \"We are broke.\"", {"named-official"}),
    ("According to the Harlow polling average, the mayor leads by four points.", {"document"}),
    ("\"We are worried,\" said Dr. Ines Moreau, the WHO's technical lead for the outbreak.", {"named-official"}),
    ("Graham said on CBS's \"Face the Nation\" that the deal was bad.", {"named-other", "secondary-outlet"}),
    ("One of the organisers, Lea Brandt, said the march would go ahead.", {"named-other"}),
    ("Judge Ana Weiss sentenced the driver to two years.", {"named-official"}),
    ("The IMF now expects growth of 1.6 percent this year.", {"named-official"}),
    ("She expects a baby in May.", set()),
    ("It has been reported that the company will close the plant.", {"anonymous"}),
    ("There is speculation that the governor will resign.", {"anonymous"}),
    ("The move was widely criticized.", {"anonymous"}),
    ("Adam Vance (D-Calif.) said the hack was serious.", {"named-official"}),
    ("The head of the water agency, Greg Pell, charged taxpayers for six charter flights that included stops "
     "to visit relatives, The Washington Post reported Tuesday.", {"secondary-outlet"}),
    ("As first reported by Politico last month, Pell also faces questions over a contract.", {"secondary-outlet"}),
    ("The Post said it had reviewed travel vouchers showing that his wife was aboard.",
     {"document", "secondary-outlet"}),
    ("The city council voted 7-2 on Tuesday to add bus lanes on Main Street.", set()),
    ("BuzzFeed News obtained the documents through a records request.", {"secondary-outlet"}),
    ("Fox News host Sean Hannity interviewed the governor on Tuesday.", {"secondary-outlet"}),
    ("Police interviewed three witnesses on Tuesday.", set()),
    ("The Times's editorial board endorsed the mayor on Saturday.", {"secondary-outlet"}),
    ("The senator endorsed the mayor on Saturday.", set()),
    ("The Transportation Department proposed the rule last year after a derailment.", set()),
    ("The agency proposed a rule requiring two-person crews.", {"named-official"}),
    ("The city obtained the documents through a records request.", set()),
    ("Under the plan, announced by Gov. Tom Hale on Friday, schools will reopen next week.", {"named-official"}),
    ("When asked about the fires by reporters, Mayor Ana Ruiz said the city was ready.", {"named-official"}),
    ("Tom Vale, a lobbyist, recalled that Sen. Ada Brooks had told him the deal was dead.",
     {"named-other", "named-official"}),
    ("Sen. Ada Brooks said the rules allow companies to tell one country that a unit is a corporation.",
     {"named-official"}),
])
def test_real_news_family(analyzer, text, expected):
    assert labels_at(analyzer, text, text[:12]) == expected


def test_the_authors_of_a_study_are_named_other(analyzer):
    text = ("A study in the journal Snow found that soot darkens glaciers. "
            "The authors of the study say the melt could speed up.")
    assert labels_at(analyzer, text, "The authors") == {"named-other"}


def test_a_back_reference_points_to_its_own_kind(analyzer):
    text = ("The United Nations warned of a cholera outbreak on Monday. "
            "Rivera Labs, a private firm, tested the water samples. "
            "The lab said in a statement that the samples were clean.")
    assert labels_at(analyzer, text, "The lab said") == {"named-other"}


def test_the_pages_own_publisher_is_not_a_source(analyzer):
    text = "The port paid $2 million to consultants, according to invoices reviewed by the Harbor Times."
    assert labels_at(analyzer, text, "The port", outlet="Harbor Times") == {"document"}


def test_a_person_in_the_headline_gets_no_title_from_it(analyzer):
    text = ("Lawmakers Rip Tom Vale Over Tax Plan.\n\n"
            "Tom Vale, the Republican candidate for governor, defended the plan on Friday.\n\n"
            "\"It is a fair plan,\" Vale said.\n")
    assert labels_at(analyzer, text, "\"It is a fair plan") == {"named-other"}


def test_wrote_after_a_letter_carries_the_document(analyzer):
    text = ("Two senators sent a letter on Thursday opposing the plan. "
            "\"The program is plagued by fraud,\" they wrote.")
    assert "document" in labels_at(analyzer, text, "\"The program")


def test_a_title_before_a_name_the_recogniser_missed(analyzer):
    text = ("Council Debates Budget.\n\nCouncilwoman Ana Ruiz opposed the plan.\n\n"
            "\"I don't think that's right,\" Ruiz told reporters after the vote.\n")
    assert labels_at(analyzer, text, "\"I don't think") == {"named-official"}


def test_the_article_after_another_outlets_report(analyzer):
    text = "The Daily Ledger reported the deal on Monday. According to the article, the mayor signed it in May."
    assert labels_at(analyzer, text, "According to the article") == {"secondary-outlet"}


def test_named_in_apposition_is_not_a_back_reference(analyzer):
    text = ("The chief engineer, Tom Varga, said the bridge was safe. "
            "The town's fire chief, Bram Ostrander, said the fire was out.")
    found = [a for a in analyzer.analyze_text(text).attributions if a.sentence_index == 1]
    assert [(a.label, a.resolved_source) for a in found] == [("named-official", "The town's fire chief")]


def test_a_named_ministry_is_no_back_reference_to_a_company(analyzer):
    text = ("The Lenwick Chamber of Commerce said the fees were too high. The fees were also criticised by "
            "the Ministry of Transport, which said they would hurt trade.")
    assert labels_at(analyzer, text, "The fees") == {"named-official"}


def test_its_reporter_works_for_the_outlet_named_before(analyzer):
    text = ("The Washington Post published a profile on Sunday by its senior reporter Dana Whitfield. "
            "Whitfield wrote that the council had ignored the warnings.")
    assert labels_at(analyzer, text, "Whitfield wrote") == {"secondary-outlet"}


def test_a_document_keeps_who_made_it(analyzer):
    result = analyzer.analyze_text("The cuts would save $30 million, according to a memo from the Finance Department.")
    assert [a.source for a in result.attributions] == ["a memo from the Finance Department"]


@pytest.mark.parametrize("gold, floor", [
    # written from the guidelines by a helper who never saw the rules; the rules were then
    # developed with it in view: a regression guard
    (CHALLENGE, 0.88),
    # the same, written later around the phrasings real news raised (pronouns, titles,
    # multi-sentence quotes, other outlets' reporting): a regression guard
    (FAMILIES, 0.85),
    # ordinary news, labelled the same way; nobody writing rules reads its per-sentence errors
    # (README, "Two gold files"): a regression guard that must not become a target
    (HOLDOUT, 0.75),
    # a second pair written the same way: families2 developed against, holdout2 never read
    (FAMILIES2, 0.88),
    (HOLDOUT2, 0.80),
    # a third pair, US political news and opinion: families3 developed against, holdout3 never read
    (FAMILIES3, 0.82),
    (HOLDOUT3, 0.75),
    # two pairs of international, science and local news (wire, broadcaster, local paper and
    # science styles): families4 and families5 developed against, holdout4 and holdout5 never read
    (FAMILIES4, 0.85),
    (HOLDOUT4, 0.80),
    (FAMILIES5, 0.83),
    (HOLDOUT5, 0.82),
    # a pair of US political, legal and business news in the styles of PolNeAR's outlets
    # (campaigns, scoops retold, transcripts, polls, courts, fact-checks): families6 developed
    # against, holdout6 never read
    (FAMILIES6, 0.90),
    (HOLDOUT6, 0.80),
    # a pair of articles as copied from web pages (page furniture, embedded posts, live blogs,
    # rewrites of another outlet's story, columns), many genres: neither read per sentence
    # before it was added; families7 is read from now on, holdout7 never
    (FAMILIES7, 0.85),
    (HOLDOUT7, 0.85),
    # a pair of international, science, local and business news as found on the web (category
    # tags, standfirsts, wire credits, captions): families8 developed against, holdout8 never read
    (FAMILIES8, 0.88),
    (HOLDOUT8, 0.85),
    # a pair of US political news in the genres PolNeAR's outlets publish (rewrites of another
    # outlet's story, columns, profiles, courts, polls, Sunday shows): families9 developed
    # against, holdout9 never read
    (FAMILIES9, 0.88),
    (HOLDOUT9, 0.83),
    # a pair of news across genres written to hold many of the hard cases (other outlets'
    # stories retold, Sunday shows, hedges, documents with and without writers, sources named
    # later): families10 developed against, holdout10 never read per sentence
    (FAMILIES10, 0.90),
    (HOLDOUT10, 0.85),
    # a pair of long US election-season political stories in the styles of PolNeAR's outlets
    # (national papers, partisan sites, opinion, fact-checks, Sunday shows, a rival's scoop
    # retold): families11 developed against, holdout11 never read
    (FAMILIES11, 0.85),
    (HOLDOUT11, 0.76),
    # a pair of international, regional and local news with officials of many kinds and titles
    # (wires, foreign and regional papers, a city paper, public radio): families12 developed
    # against, holdout12 never read
    (FAMILIES12, 0.84),
    (HOLDOUT12, 0.82),
    # a pair of election-year US politics in more sub-genres (a wire live blog, a contempt
    # fight, a policy plan and its critics, letters, a profile, a police shooting, a column, a
    # partisan retelling): families13 developed against, holdout13 never read
    (FAMILIES13, 0.80),
    (HOLDOUT13, 0.83),
    # two pairs written the same way: US national politics in the styles of PolNeAR's outlets
    # (a spending fight, a rewritten scoop, Sunday shows, a governor's race, a partisan attack, an
    # agency rule, an investigation, a poll) and international, science, business and local news
    # (a border clash, floods, a study, a merger, a council vote, an election abroad, state media,
    # a UN report); families14 and families15 developed against, holdout14 and holdout15 never read
    (FAMILIES14, 0.86),
    (HOLDOUT14, 0.83),
    (FAMILIES15, 0.83),
    (HOLDOUT15, 0.82),
    # two more pairs the same way: US politics (a campaign feature, a fact-check, cable hosts
    # rounded up, a leaked memo, an emergency order, a column, a state's lawsuit, a state visit;
    # primary night, a rival's interview retold, a confirmation vote, a mayor's scandal, a think
    # tank report, ad data, a whistleblower, a budget fight) and international, science, business
    # and local news (an earthquake, a no-confidence vote, a vaccine trial, a port strike, a police
    # shooting, wildfires, peace talks, a hospital closure; a coup attempt, a heatwave, a dig, an
    # airline's regulator, a housing row, a drought, a shipping attack, contaminated water)
    (FAMILIES16, 0.77),
    (HOLDOUT16, 0.88),
    (FAMILIES17, 0.78),
    (HOLDOUT17, 0.83),
    # two more pairs: US politics (a Senate spending fight, a partisan column, a Sunday-show
    # interview, a leaked memo, a governor's race, an aggregator's round-up, an inspector general,
    # a town hall; a Supreme Court argument, a debate-prep leak, a radio transcript, a rally
    # fact-check, a briefing, an op-ed, a campaign finance suit, a poll war) and international,
    # science, business and local news (a border clash, a climate study, a hospital strike, a
    # zoning fight, mining earnings, an election commission, a famine report, a fatal fire; a
    # corruption trial, a vaccine trial, a naval incident, a drought, a police shooting, a blocked
    # merger, a school budget, a protest movement)
    (FAMILIES18, 0.77),
    (HOLDOUT18, 0.83),
    (FAMILIES19, 0.84),
    (HOLDOUT19, 0.82),
])
def test_bundled_gold_floor(analyzer, gold, floor):
    """The label micro-F1 on the bundled gold files must not fall back."""
    from analyzer.score.evaluation import evaluate_file

    evaluation, failures = evaluate_file(gold, analyzer)
    assert not failures
    assert evaluation.all_micro_f1 >= floor, evaluation.all_micro_f1
    # titles and subheads found: issue 12 asks 0.90 (holdout3 misses 1 of 44, holdout4 1 of 22,
    # holdout5 2 of 36, holdout7 2 of 35, holdout8 3 of 35, holdout9 1 of 25, holdout12 1 of 14,
    # families8 1 of 24; the holdouts never read). holdout18 misses 5 of 14, found when it was
    # added and not read since: its guard is what it scored, not the target
    share = HEADING_FLOORS.get(gold, 0.90)
    assert evaluation.headings_ok >= share * evaluation.headings, (evaluation.headings_ok, evaluation.headings)


HEADING_FLOORS = {HOLDOUT18: 0.64}


def test_his_or_her_office_speaks_for_the_person(analyzer):
    text = "Sen. Ada Brooks took six trips paid for by lobbyists. Her office did not respond to a request for comment."
    assert labels_at(analyzer, text, "Her office") == {"named-official"}


def test_each_entry_of_a_sources_list(analyzer):
    text = ("Senator under fire over trips\n\nSen. Ada Brooks took six trips paid for by lobbyists.\n\n"
            "The trips cost $40,000.\n\nSources:\n\n"
            "The Washington Post, \"Senator took lobbyist-funded trips,\" Oct. 3, 2016.\n\n"
            "http://www.politico.com/story/2016/10/brooks-trips-229012\n\n"
            "Senate Ethics Committee, annual report, 2016.\n")
    by_start = {s.text[:12]: set(s.labels) for s in sentences(analyzer, text)}
    assert by_start["The Washingt"] == {"secondary-outlet"}
    assert by_start["http://www.p"] == {"secondary-outlet"}
    assert by_start["Senate Ethic"] == {"document"}


def test_a_fact_checkers_sources_list_cites_people_and_documents_too(analyzer):
    text = ("A claim about groceries\n\nBrandt said grocery prices had doubled. We rate it Mostly False.\n\n"
            "Our Sources\n\n"
            "Walter Brandt, remarks at rally in Saginaw, Michigan, Sept. 27, 2028\n\n"
            "Email interview, Jenna Stowe, Brandt campaign spokeswoman, Sept. 29, 2028\n\n"
            "Email statement, office of Sen. Catherine Adair, Oct. 1, 2028\n")
    by_start = {s.text[:12]: set(s.labels) for s in sentences(analyzer, text)}
    assert by_start["Walter Brand"] == {"named-other"}
    assert by_start["Email interv"] == {"document", "named-other"}
    assert by_start["Email statem"] == {"document", "named-official"}


def test_a_reason_for_anonymity_in_a_because_clause(analyzer):
    text = ("A city official, who spoke on condition of anonymity because the budget is not final, "
            "said the talks had stalled.")
    [found] = analyzer.analyze_text(text).attributions
    assert found.anonymous.anonymity_reason_given and found.anonymous.anonymity_reason == "substantive"


def test_an_excerpt_set_off_after_a_colon_is_its_speakers(analyzer):
    text = ("Endorsement\n\nDuring the primaries, the Times wrote in its endorsement of the mayor:\n\n"
            "She has long been a powerful advocate for the city's children. She knows the gritty specifics of "
            "the budget.\n\nThe poll found:\n\nRuiz 45 percent.\n\nVale 41 percent.\n")
    assert labels_at(analyzer, text, "She knows the gritty") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "Ruiz 45 percent") == set()  # the items of a list after a document
