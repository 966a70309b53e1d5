"""Families of phrasing from international, local and business news (issue 12): credits to another
outlet in a clause or a credit line, people described by age or by their employer, bodies named
with an adjective, and names that contain an official-sounding word. Every article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at, sentences


def test_a_think_tank_whose_name_contains_foreign_or_council_is_no_official_body(analyzer):
    text = ("Alliance budgets\n\n"
            "“The plan is weak,” said Ann Lowe, a senior fellow at the Council on Foreign Relations.\n\n"
            "Many foreign governments have raised their budgets.\n\n"
            "The Foreign, Commonwealth and Development Office said the talks would resume.\n")
    assert labels_at(analyzer, text, "“The plan is weak") == {"named-other"}
    assert labels_at(analyzer, text, "The Foreign, Commonwealth") == {"named-official"}


def test_a_union_named_after_the_police_is_no_police(analyzer):
    text = ("Overtime\n\n"
            "Greg Lyle, president of the Riverton Police Officers Association, said the money was a Band-Aid.\n\n"
            "Riverton Police Chief Ana Ruiz said the money would help.\n")
    assert labels_at(analyzer, text, "Greg Lyle") == {"named-other"}
    assert labels_at(analyzer, text, "Riverton Police Chief") == {"named-official"}


def test_speaking_to_an_outlet_in_a_clause_and_comments_it_carried_credit_it(analyzer):
    text = ("Boats seized\n\n"
            "Two navy officers, who spoke to Reuters on condition of anonymity, said the boats had fled.\n\n"
            "The Kremlin, in comments carried by the state news agency TASS, said the attack was a provocation.\n\n"
            "Two fishermen, who spoke to reporters at the port, said the boats had fled.\n\n"
            "The boxes, carried by volunteers, reached the village on Monday.\n")
    assert labels_at(analyzer, text, "Two navy officers") == {"anonymous", "secondary-outlet"}
    assert labels_at(analyzer, text, "The Kremlin") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "Two fishermen") == {"anonymous"}
    assert labels_at(analyzer, text, "The boxes") == set()


def test_a_credit_line_for_another_outlets_material_is_its_reporting(analyzer):
    text = ("Floods\n\n"
            "Heavy rain fell on Monday, the ministry said.\n\n"
            "This report contains material from Reuters.\n\n"
            "The Associated Press contributed to this report.\n\n"
            "Lena Ortiz contributed reporting.\n")
    assert labels_at(analyzer, text, "This report contains") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "The Associated Press contributed") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "Lena Ortiz contributed") == set()


def test_the_person_described_by_age_is_the_one_named_with_that_age(analyzer):
    text = ("Fishermen wait\n\n"
            "Tran Van Loc, 61, has fished these waters since 1985. Officials said the boats were seized.\n\n"
            "“My son knows where the line is,” the 61-year-old said.\n")
    assert labels_at(analyzer, text, "“My son knows") == {"named-other"}


def test_a_relative_clause_on_a_description_of_a_named_person_is_that_person(analyzer):
    text = ("Outbreak\n\n"
            "Aaron Pike, a father of three who said he chose not to vaccinate his children, said the outbreak "
            "was overblown.\n\n"
            "A nurse who said she had worked at the clinic for years said the shots were safe.\n")
    assert labels_at(analyzer, text, "Aaron Pike") == {"named-other"}
    assert labels_at(analyzer, text, "A nurse who") == {"anonymous"}


def test_a_body_named_with_an_adjective_points_back_to_that_body(analyzer):
    text = ("Rains\n\n"
            "The Kenya Meteorological Department had forecast heavy rain in a March bulletin.\n\n"
            "The meteorological department said Monday that more rain was expected.\n")
    assert labels_at(analyzer, text, "The meteorological department") == {"named-official"}


def test_an_analyst_named_by_the_bank_speaks_for_it_an_insider_does_not(analyzer):
    text = ("Merger talk\n\n"
            "A Goldman Sachs analyst said the deal was likely.\n\n"
            "A State Department official said the talks had stalled.\n\n"
            "An Amazon warehouse worker said the shifts were long.\n")
    assert labels_at(analyzer, text, "A Goldman Sachs analyst") == {"named-other"}
    assert labels_at(analyzer, text, "A State Department official") == {"anonymous"}
    assert labels_at(analyzer, text, "An Amazon warehouse worker") == {"anonymous"}


def test_critics_are_not_named_later_by_a_company_the_recogniser_took_for_a_person(analyzer):
    text = ("Chip results\n\n"
            "Corvane reported record sales on Tuesday. Shares rose 6%.\n\n"
            "Critics have questioned whether the spending can keep growing. Corvane's strategy has paid off.\n")
    assert labels_at(analyzer, text, "Critics have questioned") == {"anonymous"}


def test_a_persons_attorney_is_no_official_whatever_the_recogniser_took_the_person_for(analyzer):
    text = ("Fraud case\n\n"
            "Lindahl, 58, was arrested Tuesday. The district said it had cut ties with him.\n\n"
            "\"My client has cooperated fully with the district for years,\" Lindahl's attorney, Bernard Cole, "
            "said in a phone interview.\n")
    assert labels_at(analyzer, text, "\"My client") == {"named-other"}


def test_a_category_tag_and_a_standfirst_are_headings_with_the_title(analyzer):
    text = ("Health\n"
            "Teens who keep phones in the bedroom sleep less, study finds\n"
            "A study of 11,000 adolescents adds to the evidence, but experts caution it cannot prove cause.\n"
            "By Maya Lind\n"
            "March 9, 2026\n\n"
            "Teenagers who keep a phone in their bedroom sleep 41 minutes less, researchers said.\n\n"
            "The study followed them for two years.\n")
    by_text = {s.text: s for s in sentences(analyzer, text)}
    assert by_text["Health"].is_heading
    assert by_text["Teens who keep phones in the bedroom sleep less, study finds"].is_heading
    standfirst = next(s for s in by_text.values() if s.text.startswith("A study of 11,000"))
    assert standfirst.is_heading and not standfirst.labels
    assert not by_text["The study followed them for two years."].is_heading


def test_a_category_tag_in_its_own_block_still_stands_over_the_title(analyzer):
    text = ("Politics\n\n"
            "Senate leaders strike a late deal on disaster aid for farm states\n\n"
            "The Senate passed the bill on Monday, Sen. Ann Roe said.\n\n"
            "It now goes to the House.\n")
    by_text = {s.text[:20]: s for s in sentences(analyzer, text)}
    assert by_text["Politics"].is_heading
    assert by_text["Senate leaders strik"].is_heading
    assert not by_text["The Senate passed th"].is_heading
    # a one-word title over a first paragraph that ends like a sentence: the paragraph is no title
    text = "Rebate\n\nSen. Ann Roe has called for a smaller rebate.\n\nIt now goes to the House.\n"
    by_text = {s.text[:20]: s for s in sentences(analyzer, text)}
    assert by_text["Rebate"].is_heading and not by_text["Sen. Ann Roe has cal"].is_heading


def test_lines_under_a_title_that_no_byline_follows_are_the_first_paragraph(analyzer):
    text = ("Bridge closes for repairs\n"
            "The harbour bridge will close for six weeks, the city council said on Monday.\n\n"
            "Engineers found cracks last winter.\n\n"
            "Work starts in May.\n")
    by_text = {s.text[:20]: s for s in sentences(analyzer, text)}
    assert not by_text["The harbour bridge w"].is_heading
    assert by_text["The harbour bridge w"].labels == ("named-official",)


def test_a_publication_that_did_not_happen_and_estimates_by_a_named_firm_add_no_source(analyzer):
    text = ("Pill trial\n\n"
            "Dr. Naomi Fair said the results were promising. She noted that the data had not yet been "
            "published in a peer-reviewed journal.\n\n"
            "Output fell to 5.1 million barrels a day, according to estimates by the consultancy Petrolytix.\n\n"
            "Output fell to 5.1 million barrels a day, according to estimates.\n")
    assert labels_at(analyzer, text, "She noted") == {"named-other"}
    assert labels_at(analyzer, text, "Output fell to 5.1 million barrels a day, according to estimates by") == {"document"}
    assert "anonymous" in labels_at(analyzer, text, "Output fell to 5.1 million barrels a day, according to estimates.")


def test_concluding_talks_is_an_act_concluding_that_is_a_claim(analyzer):
    text = ("Sea border\n\n"
            "The two countries concluded talks on a maritime boundary in 2022.\n\n"
            "The ministry concluded that the boats had strayed.\n")
    assert labels_at(analyzer, text, "The two countries") == set()
    assert labels_at(analyzer, text, "The ministry concluded") == {"named-official"}


def test_it_after_a_general_staff_is_that_body(analyzer):
    text = ("Depot hit\n\n"
            "Ukrainian media reported that the depot had been hit.\n\n"
            "Ukraine's General Staff said in a statement that a fuel facility had been hit. "
            "It did not say what weapons had been used.\n")
    assert labels_at(analyzer, text, "It did not say") == {"named-official"}


def test_an_outlet_named_like_a_common_word_counts_when_written_as_a_name(analyzer):
    text = ("Chip maker\n\n"
            "The Information reported last week that the unit would move to Texas.\n\n"
            "According to the information provided by the company, sales rose.\n")
    assert labels_at(analyzer, text, "The Information reported") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "According to the information") == set()


def test_a_sentence_framed_by_images_rests_on_them(analyzer):
    text = ("Floods\n\n"
            "Satellite images taken by Maxar on Sunday show the river over its banks.\n\n"
            "In the images, several villages are surrounded by water.\n\n"
            "In the morning, the water began to recede.\n")
    assert labels_at(analyzer, text, "In the images") == {"satellite-imagery"}
    assert labels_at(analyzer, text, "In the morning") == set()


def test_a_named_author_and_her_colleagues_are_her(analyzer):
    text = ("Sleep study\n\n"
            "The study was led by Dr. Ana Ruiz of Lakeview University.\n\n"
            "In the paper, Ruiz and her colleagues wrote that the findings support limits on phones.\n")
    assert labels_at(analyzer, text, "In the paper") == {"named-other", "document"}


def test_a_part_of_an_intergovernmental_body_speaks_for_it(analyzer):
    text = ("Election\n\n"
            "The observer mission of the Organization for Security and Co-operation in Europe said the vote "
            "was not competitive.\n\n"
            "The head of the Organization for Security and Co-operation in Europe mission, Ana Lind, said it was fair.\n")
    assert labels_at(analyzer, text, "The observer mission") == {"named-official"}


def test_a_word_both_kinds_of_body_use_points_to_the_nearest_body(analyzer):
    text = ("Storm\n\n"
            "Gulfport Electric said crews would wait for the wind to drop.\n\n"
            "The National Hurricane Center said the storm would strengthen overnight.\n\n"
            "The center warned that a surge of up to 12 feet was possible.\n\n"
            "The company said 40,000 homes had no power.\n")
    assert labels_at(analyzer, text, "The center warned") == {"named-official"}
    assert labels_at(analyzer, text, "The company said") == {"named-other"}


def test_a_source_line_credits_whom_it_names_and_a_reported_from_line_is_a_byline(analyzer):
    text = ("Alliance budgets\n\n"
            "Eight members now spend 2 percent of output on defence.\n\n"
            "Source: NATO.\n\n"
            "The mayor reported from the scene that the fire was out.\n\n"
            "Julie Davis reported from Midway Atoll, and Mark Lander from Washington.\n")
    assert labels_at(analyzer, text, "Source: NATO") == {"named-official"}
    assert labels_at(analyzer, text, "The mayor reported") == {"named-official"}
    assert labels_at(analyzer, text, "Julie Davis reported") == set()


def test_a_ministry_with_a_long_name_is_one_source(analyzer):
    text = ("Reef\n\n"
            "The Seychelles' Ministry of Agriculture, Climate Change and Environment said it was expanding "
            "monitoring.\n\n"
            "The Ministry of Defence and the Foreign Office said the talks would go on.\n")
    assert labels_at(analyzer, text, "The Seychelles' Ministry") == {"named-official"}


def test_a_companys_vice_president_holds_no_office(analyzer):
    text = ("Housing vote\n\n"
            "Northgate's vice president for development, Steven Rourke, did not respond to a request for comment.\n\n"
            "Russia's vice president, Ivan Lakov, said the deal was done.\n")
    assert labels_at(analyzer, text, "Northgate's vice president") == {"named-other"}


def test_a_titled_person_the_tagger_misreads_later_keeps_the_title(analyzer):
    text = ("Embezzlement\n\n"
            "According to an affidavit by Detective Sgt. Lauren Pike of the Westfield Police Department, the "
            "treasurer took $80,000.\n\n"
            "Pike wrote that the records showed no deposits.\n")
    assert labels_at(analyzer, text, "Pike wrote") == {"named-official", "document"}


def test_a_union_named_with_a_possessive_and_images_framed_bare(analyzer):
    text = ("Police and border\n\n"
            "The Toledo Police Officers' Guild said the officer was entitled to due process.\n\n"
            "Satellite images from Maxar show new trenches along the border.\n\n"
            "In images from 2 March, a network of trenches is visible.\n\n"
            "In data centers, power use is rising.\n")
    assert labels_at(analyzer, text, "The Toledo Police") == {"named-other"}
    assert labels_at(analyzer, text, "In images from") == {"satellite-imagery"}
    assert labels_at(analyzer, text, "In data centers") == set()


def test_a_spokesperson_for_the_department_named_before_speaks_for_it(analyzer):
    text = ("Tax records\n\n"
            "A judge ordered the state Department of Revenue to produce the records.\n\n"
            "A spokesman for the department declined to say whether the state would appeal.\n\n"
            "A spokesman for the department, Curtis Lang, said the state would appeal.\n\n"
            "A spokesman for the company, Ed Roe, said the firm would comply.\n")
    assert labels_at(analyzer, text, "A spokesman for the department declined") == {"named-official"}
    assert labels_at(analyzer, text, "A spokesman for the department, Curtis") == {"named-official"}
    assert labels_at(analyzer, text, "A spokesman for the company") == {"named-other"}


def test_a_wire_dateline_opens_the_leads_sentence_whatever_word_follows(analyzer):
    for dateline in ("GENEVA (Reuters) - ", "WASHINGTON (AP) — ", "NAIROBI, Kenya (AFP) – "):
        text = f"Dam row\n\n{dateline}The reservoir behind the dam has doubled in size, officials said.\n\nIt is filling.\n"
        found = [s.text for s in sentences(analyzer, text)]
        assert found[1] == f"{dateline}The reservoir behind the dam has doubled in size, officials said.", found


def test_a_report_someone_owns_is_theirs_and_council_leaders_and_detectives_hold_office(analyzer):
    text = ("Schools\n\n"
            "The Valley Ledger first reported the plan in May.\n\n"
            "The consultant's report, released in June, recommended closing two schools.\n\n"
            "The paper's report said the plan was dead.\n\n"
            "Wenmouth's current council leader, Priya Dhillon, said the council had failed.\n\n"
            "Det Ch Insp Alan Reeve of Carlshire police said the fraud was deliberate.\n")
    assert labels_at(analyzer, text, "The consultant's report") == {"document"}
    assert labels_at(analyzer, text, "The paper's report") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "Wenmouth's current council leader") == {"named-official"}
    assert labels_at(analyzer, text, "Det Ch Insp") == {"named-official"}


def test_a_live_blog_entry_headline_under_a_time_or_a_separator_is_a_heading(analyzer):
    text = ("The Latest: Early voting opens in three states\n"
            "By The Associated Press\n\n"
            "1:30 p.m.\n"
            "Early voting begins in Minnesota, South Dakota and Vermont\n\n"
            "Voters in three states can begin casting ballots in person Tuesday, officials said.\n\n"
            "___\n\n"
            "Campaign sets a September record with $61 million in donations\n"
            "The campaign said Tuesday it raised $61 million in September.\n")
    by_text = {s.text[:30]: s for s in sentences(analyzer, text)}
    assert by_text["Early voting begins in Minneso"].is_heading
    assert by_text["Campaign sets a September reco"].is_heading
    assert not by_text["Voters in three states can beg"].is_heading
    assert not by_text["The campaign said Tuesday it r"].is_heading


def test_a_letter_from_its_writer_as_the_subject_carries_the_writer(analyzer):
    text = ("Pension fund\n\n"
            "A letter from Gov. Tom Ashby to lawmakers warned that the fund would run dry by 2031.\n\n"
            "An email from Nadia Brook, the union's treasurer, said members would vote on Friday.\n\n"
            "A memo from the Finance Department warned of cuts.\n\n"
            "A report by Dr. Ann Lowe found higher rates of asthma.\n")
    assert labels_at(analyzer, text, "A letter from Gov.") == {"document", "named-official"}
    assert labels_at(analyzer, text, "An email from Nadia") == {"document", "named-other"}
    assert labels_at(analyzer, text, "A memo from the Finance") == {"document"}
    assert labels_at(analyzer, text, "A report by Dr.") == {"document"}
