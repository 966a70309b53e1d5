"""Families of phrasing from US campaign news (issue 12): a person's own spokesperson, and a
main verb whose subject the parser hung on a long opening clause. Every article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at


def test_a_candidates_spokesperson_speaks_with_the_candidates_label_not_an_office(analyzer):
    text = ("Campaign notebook\n\n"
            "Democratic nominee Ruth Calloway spoke in Toledo on Monday.\n\n"
            "Calloway spokesman Ned Farris says the candidate will visit Ohio twice more.\n\n"
            "Calloway now says she opposes the trade deal.\n\n"
            "Farris added that the bus tour would end in Columbus.\n")
    assert labels_at(analyzer, text, "Calloway spokesman") == {"named-other"}
    # the candidate named before the title is not made an official by it
    assert labels_at(analyzer, text, "Calloway now says") == {"named-other"}
    assert labels_at(analyzer, text, "Farris added") == {"named-other"}


def test_a_spokesperson_named_with_a_politician_speaks_for_the_campaign_not_an_office(analyzer):
    # a senator running for president: "Hale spokeswoman" speaks for the campaign, which holds no office
    text = ("Money race\n\n"
            "Sen. Mara Hale raised $40 million in the third quarter.\n\n"
            "Hale spokeswoman Tess Avery said the campaign had every dollar it needed.\n\n"
            "Pentagon spokesman Leo Hart said the drills would go ahead.\n")
    assert labels_at(analyzer, text, "Hale spokeswoman") == {"named-other"}
    assert labels_at(analyzer, text, "Sen. Mara Hale") == set()
    assert labels_at(analyzer, text, "Pentagon spokesman") == {"named-official"}


def test_names_after_a_long_opening_are_the_subject_of_the_main_verb(analyzer):
    text = ("Two fronts\n\n"
            "Governor Dana Holt and Senator Eli Marsh spoke on Sunday.\n\n"
            "When the attackers are revealed as part of the second front of a wider war, Holt and Marsh call "
            "them “lone wolves” and describe their acts as crimes.\n\n"
            "When the storm hit the coast, the levees held.\n")
    assert labels_at(analyzer, text, "When the attackers") == {"named-official"}
    assert labels_at(analyzer, text, "When the storm") == set()


def test_a_surname_that_is_also_a_title_is_a_name(analyzer):
    text = ("Turnout worries\n\n"
            "“Turnout makes the difference,” said Marcus King, a prominent Brooklyn Democrat.\n\n"
            "Harbor County Fire Chief Dale Ruston said the detour adds four minutes.\n")
    assert labels_at(analyzer, text, "“Turnout makes") == {"named-other"}
    assert labels_at(analyzer, text, "Harbor County Fire Chief") == {"named-official"}


def test_a_body_in_a_relative_clause_about_a_person_is_not_their_employer(analyzer):
    text = ("Mine cleanup\n\n"
            "“The company was set up to fail,” said Ellen Brant, a lawyer at Cole & Finch, who represents "
            "the state Department of Environmental Protection in the bankruptcy.\n\n"
            "Dr. Sam Ode, an epidemiologist at the Centers for Disease Control and Prevention, said cases had peaked.\n")
    assert labels_at(analyzer, text, "“The company") == {"named-other"}
    assert labels_at(analyzer, text, "Dr. Sam Ode") == {"named-official"}
