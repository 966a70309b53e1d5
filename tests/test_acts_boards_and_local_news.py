"""Families of phrasing from local, international and science news (issue 12): an act done to a
document that says nothing of what it holds, and the elected boards of local government. Every
article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at


def test_publishing_or_releasing_a_document_without_its_content_is_an_event(analyzer):
    text = ("The charity published a log of its radio messages on its website.\n\n"
            "The campaign did not release the full poll.\n\n"
            "Health Minister Amara Osei spoke on Monday.\n\n"
            "He said the ministry would begin publishing daily case figures next week.\n")
    assert labels_at(analyzer, text, "The charity") == set()
    assert labels_at(analyzer, text, "The campaign did not") == set()
    assert labels_at(analyzer, text, "He said the ministry") == {"named-official"}


def test_a_document_sent_with_what_it_says_rests_on_the_document(analyzer):
    text = ("Letter to leaders\n\n"
            "Sens. Ann Hale and Bo Price sent a letter on Thursday to Senate leaders opposing the plan.\n\n"
            "The ministry released figures showing that waiting times rose by a third.\n\n"
            "The Riverside Teachers Union filed a lawsuit alleging that the plant was unsafe.\n")
    assert labels_at(analyzer, text, "Sens. Ann Hale") == {"document", "named-official"}
    assert labels_at(analyzer, text, "The ministry released") == {"document", "named-official"}
    assert labels_at(analyzer, text, "The Riverside") == {"document", "named-other"}


def test_a_plural_title_before_several_names_is_each_ones_title(analyzer):
    text = ("Budget talks stall\n\n"
            "Reps. Ann Hale and Tom Becker said the plan was dead.\n\n"
            "Becker said the vote would fail.\n\n"
            "Lena Ortiz and Sam Reed, two bakers, said the plan was dead.\n")
    assert labels_at(analyzer, text, "Reps. Ann Hale") == {"named-official"}
    assert labels_at(analyzer, text, "Becker said") == {"named-official"}
    assert labels_at(analyzer, text, "Lena Ortiz") == {"named-other"}


def test_a_seat_on_a_public_board_named_in_the_article_is_an_office(analyzer):
    text = ("Schools to close\n\n"
            "The Alder Creek school board voted 5-2 on Monday to close two schools.\n\n"
            "Board President Harold Jenkins called the plan \"imperfect but necessary.\"\n\n"
            "Board member Linda Schaefer said the district had not studied bus times.\n")
    assert labels_at(analyzer, text, "Board President") == {"named-official"}
    assert labels_at(analyzer, text, "Board member") == {"named-official"}


def test_a_trustee_of_a_public_board_named_in_the_article_holds_a_seat(analyzer):
    text = ("Schools to close\n\n"
            "The Pinecrest school board voted 4-3 on Tuesday to close two schools.\n\n"
            "Trustee Marcus Hill, who voted no, said the district had not weighed other options.\n\n"
            "Dana Ortiz, a trustee since 2019, said the vote was painful.\n")
    assert labels_at(analyzer, text, "Trustee Marcus") == {"named-official"}
    assert labels_at(analyzer, text, "Dana Ortiz") == {"named-official"}


def test_a_trustee_of_a_museum_or_a_foundation_holds_no_office(analyzer):
    text = ("Museum reports loss\n\n"
            "The Harlow Museum reported a loss on Tuesday.\n\n"
            "Trustee Marcus Hale said the museum would recover.\n")
    assert labels_at(analyzer, text, "Trustee Marcus") == {"named-other"}


def test_a_company_board_is_no_public_office(analyzer):
    text = ("Bakery chain sold\n\n"
            "Harlow Foods agreed on Monday to sell its bakeries.\n\n"
            "Board member Linda Schaefer said the price was fair.\n")
    assert labels_at(analyzer, text, "Board member") == {"named-other"}


def test_local_government_titles_name_officials(analyzer):
    text = ("Turn lane approved\n\n"
            "City Engineer Mark Delgado said the turn lane would cost $1.2 million.\n\n"
            "Dr. Karen Lindqvist, the state epidemiologist, said vaccination rates had fallen.\n\n"
            "Diana Salcedo, president of the electoral council, urged both candidates to wait.\n\n"
            "Some council members have questioned whether the city should pay.\n")
    assert labels_at(analyzer, text, "City Engineer") == {"named-official"}
    assert labels_at(analyzer, text, "Dr. Karen") == {"named-official"}
    assert labels_at(analyzer, text, "Diana Salcedo") == {"named-official"}
    assert labels_at(analyzer, text, "Some council members") == {"anonymous"}


def test_stations_and_broadcasters_described_by_what_they_are(analyzer):
    text = ("Storm damage\n\n"
            "Local broadcaster Teleamazonas reported that police had detained three people.\n\n"
            "Salt Lake City television station KSL reported that parents were turned away.\n\n"
            "KY3, the NBC affiliate in Springfield, reported that five other tornadoes touched down.\n\n"
            "The police station on Main Street reopened on Monday.\n")
    for start in ("Local broadcaster", "Salt Lake City", "KY3"):
        assert labels_at(analyzer, text, start) == {"secondary-outlet"}
    assert labels_at(analyzer, text, "The police station") == set()


def test_people_described_then_one_of_them_named_next_are_named_later(analyzer):
    text = ("Flood plan approved\n\n"
            "Several residents said the site floods almost every spring. \"I've watched that lot turn into a lake,\" "
            "said Gloria Tate, 74.\n\n"
            "Some parents said they learned of the plan from the newspaper. Mayor Ana Ruiz said the city would "
            "hold a hearing.\n\n"
            "Officials said the levee was sound. \"We checked it twice,\" said Paul Moreno, a retired engineer.\n")
    assert labels_at(analyzer, text, "Several residents") == {"named-other"}
    assert labels_at(analyzer, text, "Some parents") == {"anonymous"}  # "some" are a few of many
    assert labels_at(analyzer, text, "Officials said") == {"anonymous"}  # officials keep their cover


def test_a_title_owned_by_a_company_holds_no_office(analyzer):
    text = ("Towers approved\n\n"
            "Northstar's vice president for development, Aaron Feld, told the council that work could begin in May.\n")
    assert labels_at(analyzer, text, "Northstar's") == {"named-other"}


def test_a_name_the_recogniser_misses_titled_in_apposition_is_remembered(analyzer):
    text = ("Aid convoy stuck\n\n"
            "Trucks have waited at the crossing for nine days, said Amara Diallo, a WFP spokeswoman in Nairobi.\n\n"
            "\"Every day we wait, people go another day without food,\" Diallo said.\n")
    assert labels_at(analyzer, text, "\"Every day") == {"named-official"}


def test_counts_updates_charters_and_statements_from_a_body(analyzer):
    text = ("Cholera spreads\n\n"
            "The ministry published its report on Monday.\n\n"
            "The report counted 1,420 deaths in the northern provinces since January.\n\n"
            "The department said in a weekly update that 41 people had been hospitalized.\n\n"
            "According to the city charter, a referendum requires signatures from 10% of voters.\n\n"
            "The district will add four bus routes, according to a statement from its transportation office.\n\n"
            "The state news agency ANG quoted the minister as saying the border would stay shut.\n")
    assert labels_at(analyzer, text, "The report counted") == {"document"}
    assert labels_at(analyzer, text, "The department said") == {"document", "named-official"}
    assert labels_at(analyzer, text, "According to the city charter") == {"document"}
    assert labels_at(analyzer, text, "The district will") == {"named-official"}
    assert "secondary-outlet" in labels_at(analyzer, text, "The state news agency")


def test_a_letter_or_affidavit_by_someone_is_theirs_and_a_document(analyzer):
    text = ("Pool to close\n\n"
            "According to a letter from Mayor Ana Ruiz, the city will close the pool in June.\n\n"
            "According to a study by Dr. Ann Lowe of Ridge University, pools lose money.\n")
    assert labels_at(analyzer, text, "According to a letter") == {"document", "named-official"}
    assert labels_at(analyzer, text, "According to a study") == {"document"}


def test_a_post_in_a_country_does_not_make_a_charitys_staff_officials(analyzer):
    text = ("Cholera spreads\n\n"
            "\"Many people walk two days to reach us,\" said Jonas Ferreira, MSF's medical coordinator in Mozambique.\n")
    assert labels_at(analyzer, text, "\"Many people") == {"named-other"}


def test_question_and_quoted_subheads_are_headings_bylines_and_credits_are_not():
    from analyzer.nlp.segment import heading_lines
    text = ("Clinic closes after 60 years\n\n"
            "By Laura Dennison, PA\n\n"
            "Published 3 hours ago\n\n"
            "The clinic will close in March, the health board said on Tuesday.\n\n"
            "What happens next?\n\n"
            "'We lost everything'\n\n"
            "\"We lost everything.\"\n\n"
            "WHAT SERVICES WILL BE AFFECTED?\n\n"
            "Image: Planet Labs PBC\n\n"
            "Why would anyone close a clinic that has served three generations of families here?\n")
    found = {text[line.start:line.end] for line in heading_lines(text)}
    assert found == {"Clinic closes after 60 years", "What happens next?", "'We lost everything'",
                     "WHAT SERVICES WILL BE AFFECTED?"}


def test_a_prosecutor_named_in_apposition_gives_no_office_to_the_defendant(analyzer):
    text = ("Engineer on trial\n\n"
            "Thomas Ashworth, 54, an engineer, is on trial in Almaty.\n\n"
            "The prosecutor, Yerlan Dzhaksybekov, told the court that the money had been paid.\n\n"
            "Ashworth said he had never handled cash payments.\n")
    assert labels_at(analyzer, text, "Ashworth said") == {"named-other"}


def test_space_agencies_and_agencies_named_in_capitals(analyzer):
    text = ("Rover lands\n\n"
            "JAXA said the lander came to rest within 60 meters of its target point.\n\n"
            "Quoted by the state news agency AIM, President Celso Nhantumbo said funds had been released.\n\n"
            "\"The next two weeks are critical,\" said Pedro Langa, head of operations for the Mozambique Red Cross.\n")
    assert labels_at(analyzer, text, "JAXA said") == {"named-official"}
    assert labels_at(analyzer, text, "Quoted by") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "\"The next two weeks") == {"named-other"}


def test_what_is_visible_in_satellite_imagery_rests_on_it(analyzer):
    text = ("Border trenches\n\n"
            "Satellite images from Planet Labs were taken on 2 March.\n\n"
            "Trenches near the village are visible in this satellite image taken on 2 March.\n\n"
            "Kyrgyz fortifications are also visible in the Planet Labs imagery, including a new post.\n\n"
            "The minister was last seen in Paris on Monday.\n")
    assert labels_at(analyzer, text, "Trenches") == {"satellite-imagery"}
    assert labels_at(analyzer, text, "Kyrgyz") == {"satellite-imagery"}
    assert labels_at(analyzer, text, "The minister") == set()


def test_a_live_blogs_time_stamps_stand_apart_from_the_entry(analyzer):
    text = ("The Latest\n\n"
            "WASHINGTON (AP) — The Latest on the race (all times EDT):  2:45 p.m.  Connecticut tax officials say "
            "the returns are private.\n\n"
            "5:55 p.m.  Donald Trump says Hillary Clinton is lying about her support for a trade deal.\n")
    assert labels_at(analyzer, text, "Donald Trump says") == {"named-other"}
    assert labels_at(analyzer, text, "5:55 p.m.") == set()


def test_more_of_the_same_imagery_by_a_comparing_word_or_a_date(analyzer):
    text = ("Town destroyed\n\n"
            "Satellite images taken by Maxar on Monday show that most of the town was destroyed.\n\n"
            "Comparable images from January show the same buildings intact.\n\n"
            "Images shared on social media in January show the market standing.\n")
    assert labels_at(analyzer, text, "Comparable images") == {"satellite-imagery"}
    assert "satellite-imagery" not in labels_at(analyzer, text, "Images shared")


def test_official_statistics_are_data_but_no_official(analyzer):
    text = ("Heat deaths\n\n"
            "Researchers estimated that 61,000 people died.\n\n"
            "Official statistics put the average at about 22,000 deaths a year.\n\n"
            "The official opening of the clinic was delayed until May.\n")
    assert labels_at(analyzer, text, "Official statistics") == {"document"}
    assert labels_at(analyzer, text, "The official opening") == set()


def test_describing_something_is_an_account_and_a_filing_seeks_what_it_claims(analyzer):
    text = ("Tornado\n\n"
            "Residents described a terrifying few minutes as the storm bore down.\n\n"
            "The family filed a notice of claim with the city in May.\n\n"
            "The notice seeks $15 million in damages.\n\n"
            "The recording does not support the claim that she was describing the views of others.\n")
    assert labels_at(analyzer, text, "Residents described") == {"anonymous"}
    assert labels_at(analyzer, text, "The notice seeks") == {"document"}
    assert labels_at(analyzer, text, "The recording") == set()
