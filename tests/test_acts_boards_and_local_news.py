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
