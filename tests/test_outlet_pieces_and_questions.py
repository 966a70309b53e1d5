"""Families found in US political news: a sentence framed by another outlet's piece named by
the outlet's name ("In The New Yorker's long profile of ...", "In a 2013 Vanity Fair
profile, ..."), and a question put by another outlet's journalist in a clause of time ("When
asked by ABC's George Stephanopoulos whether ..."). Every article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at

PIECES = ("The surgeon's critics\n\n"
          "Dr. Leon Marsh has faced questions for years. "
          "In The Harbor Review's long profile of Marsh in 2019, Dr. Ann Fell said he was a showman. "
          "In a 2021 Vanity Fair profile, Marsh said he had no regrets. "
          "In CNN's interview, Marsh said he would keep his show. "
          "In his speech, Marsh said he had always wanted to teach. "
          "In Smith's novel, the hero dies.")


def test_a_piece_named_by_another_outlet_frames_the_sentence(analyzer):
    assert labels_at(analyzer, PIECES, "In a 2021 Vanity Fair profile") == {"named-other", "secondary-outlet"}
    assert labels_at(analyzer, PIECES, "In CNN's interview") == {"named-other", "secondary-outlet"}


def test_a_piece_by_no_outlet_adds_no_outlet(analyzer):
    assert labels_at(analyzer, PIECES, "In his speech") == {"named-other"}
    assert labels_at(analyzer, PIECES, "In Smith's novel") == set()


QUESTIONS = ("The debate's hard questions\n\n"
             "The candidates met on Sunday. "
             "When asked by ABC's George Stephanopoulos whether he regretted the remark, Sen. Paul Dorn said no. "
             "When asked by reporters about the delay, Mayor Ana Ruiz said it was fine. "
             "If pressed by Fox News host Chris Wallace, the governor may change course.")


def test_a_question_by_another_outlets_journalist_in_a_clause_of_time_is_its_reporting(analyzer):
    assert labels_at(analyzer, QUESTIONS, "When asked by ABC's") == {"named-official", "secondary-outlet"}


def test_a_question_by_reporters_is_no_source(analyzer):
    assert labels_at(analyzer, QUESTIONS, "When asked by reporters") == {"named-official"}


QUOTED = ("The charity's donors\n\n"
          "The charity has faced questions for months. "
          "The Daily Sentinel quoted a longtime donor, Sarasota developer Rick Albanese, defending the charity. "
          "A neighbour, retired teacher Ann Ruiz, said the charity did good work. "
          "The shop quoted a price of $40 for the repair.")


def test_a_person_another_outlet_quoted_is_a_source_without_as_saying(analyzer):
    assert labels_at(analyzer, QUOTED, "The Daily Sentinel quoted") == {"named-other", "secondary-outlet"}


def test_a_name_hung_on_a_second_description_names_the_first(analyzer):
    assert labels_at(analyzer, QUOTED, "A neighbour, retired teacher") == {"named-other"}
    assert labels_at(analyzer, QUOTED, "The shop quoted") == set()
