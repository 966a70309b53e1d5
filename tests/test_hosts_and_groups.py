"""Families of phrasing from real news (issue 12): a journalist named as "of" an outlet, a show's
host told something, a delegate's title, and a family that is no "she". Every article here is
invented."""

from __future__ import annotations

from sentence_labels import labels_at


def test_a_person_of_an_outlet_is_its_journalist_then_and_later(analyzer):
    text = ("Debate fairness\n\n"
            "“It's a rigged format,” Vance Corbin told Lena Marsh of Fox News this week.\n\n"
            "Corbin also had words for the moderators, telling Marsh that “I'm not okay with them.”\n\n"
            "Nora Gill of the Hartwell Institute said the format was fair.\n")
    assert labels_at(analyzer, text, "“It's a rigged") == {"named-other", "secondary-outlet"}
    assert labels_at(analyzer, text, "Corbin also had") == {"named-other", "secondary-outlet"}
    # "of" an organisation that is no outlet makes no journalist
    assert labels_at(analyzer, text, "Nora Gill") == {"named-other"}


def test_a_shows_host_told_something_is_that_outlets_interview(analyzer):
    # the show is named at the top; its co-host is asked many sentences later
    quote = " ".join(f"Point {n} is that the plan would cost families more than it saves them." for n in range(1, 12))
    text = ("Advice for the nominee\n\n"
            "Tom Ruddle told MSNBC's “Morning Hour” that voters wanted a contrast.\n\n"
            f"“{quote}” Ruddle said.\n\n"
            "Ruddle told co-host Joe Pettis that he did not know why the message failed.\n\n"
            "Ruddle told volunteer Joe Amos that he would be back in May.\n")
    assert labels_at(analyzer, text, "Ruddle told co-host") == {"named-other", "secondary-outlet"}
    assert labels_at(analyzer, text, "Ruddle told volunteer") == {"named-other"}


def test_a_delegate_named_with_the_abbreviated_title_is_an_official(analyzer):
    text = ("Contempt vote\n\n"
            "“This is a waste of time,” said Del. Mara Quist of the Virgin Islands.\n\n"
            "Sen. Tom Carlow (D-Del.) said the vote was premature.\n")
    assert labels_at(analyzer, text, "“This is a waste") == {"named-official"}
    assert labels_at(analyzer, text, "Sen. Tom Carlow") == {"named-official"}


def test_she_after_a_family_is_the_woman_named_not_the_family(analyzer):
    text = ("Video released\n\n"
            "Ken Ruiz, 43, was sitting in his truck when he was shot.\n\n"
            "The family, protesters and civic leaders have demanded that police release the footage.\n\n"
            "Dana Ruiz can be heard yelling to the officers that her husband was unarmed.\n\n"
            "“Don't shoot him,” she says. “He has no weapon.”\n\n"
            "The couple said they would sue. “We want the truth,” they said.\n")
    assert labels_at(analyzer, text, "“Don't shoot him") == {"named-other"}
    assert labels_at(analyzer, text, "“He has no weapon") == {"named-other"}
    assert labels_at(analyzer, text, "“We want the truth") == {"anonymous"}


def test_a_name_split_at_its_nickname_is_one_titled_person(analyzer):
    text = ("Senate bid\n\n"
            "In a tradition he has kept for 40 years, Rep. Robert C. \"Bobby\" Scott threw open his back yard.\n\n"
            "Bobby Scott said he plans to hire staff.\n\n"
            "Mary \"Molly\" Hale, a retired teacher, said she would vote for him.\n\n"
            "Molly Hale said the race was close.\n")
    assert labels_at(analyzer, text, "Bobby Scott said") == {"named-official"}
    assert labels_at(analyzer, text, "Molly Hale said") == {"named-other"}


def test_a_name_set_before_magazine_is_an_outlet(analyzer):
    text = ("Leave plan\n\n"
            "Ivana Tull described the rule in an interview with Cosmopolitan magazine.\n\n"
            "Ivana Tull described the rule in an interview with her sister.\n")
    assert labels_at(analyzer, text, "Ivana Tull described the rule in an interview with Cosmopolitan") == {
        "named-other", "secondary-outlet"}
    assert labels_at(analyzer, text, "Ivana Tull described the rule in an interview with her") == {"named-other"}


def test_an_event_an_outlet_hosted_and_a_claim_based_on_its_report_credit_it(analyzer):
    text = ("Forum\n\n"
            "Speaking at a town hall hosted by CNN, the governor said the tax would go.\n\n"
            "Speaking at a dinner hosted by the Rotary Club, the governor said the tax would go.\n\n"
            "Based on a New York Times report, Sen. Ada Vole said she wants to close four loopholes.\n\n"
            "The report was based on data from all 50 states.\n")
    assert labels_at(analyzer, text, "Speaking at a town hall") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "Speaking at a dinner") == {"named-official"}
    assert labels_at(analyzer, text, "Based on a New York Times") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "The report was based") == set()
