"""Back-references that repeat a word of what was named before: "the committee" after "the Senate
Finance Committee" (official) or "the Democratic National Committee" (a party's), whether or not
the body spoke there; "the reports show" after reports cited as documents. Every article here
is invented."""

from __future__ import annotations

from sentence_labels import labels_at

COMMITTEES = ("Hearing set on the contract\n\n"
              "The Senate Veterans Affairs Committee held a closed hearing on Tuesday. "
              "The committee, which rarely comments on closed sessions, said it would vote next week.\n\n"
              "The Democratic National Committee ran new ads. The committee said it raised $5 million.\n\n"
              "Committee Chairman Gary Lindell, R-Texas, said the contract was rigged. "
              "Lindell said the committee would vote in October.")


def test_the_committee_is_the_committee_named_before(analyzer):
    assert labels_at(analyzer, COMMITTEES, "The committee, which rarely") == {"named-official"}
    assert labels_at(analyzer, COMMITTEES, "The committee said it raised") == {"named-other"}


REPORTS = ("Governor's race\n\n"
           "Collier raised $9 million over the summer, according to campaign finance reports filed Monday. "
           "The reports show Collier with $14.2 million in cash on hand.\n\n"
           "Media reports said the minister would resign. These reports said she had lost support.")


def test_the_reports_after_reports_cited_as_documents_are_those(analyzer):
    assert labels_at(analyzer, REPORTS, "The reports show") == {"document"}


ACRONYMS = ("Voters' roll dispute\n\n"
            "The Nyasa Electoral Commission (NEC) has rejected demands for an audit of the voters' roll. "
            "NEC spokesperson Thandiwe Lungu confirmed that names had been removed. She did not say how many.\n\n"
            "The Lakeshore Farmers Cooperative (LFC) backed the audit. "
            "LFC spokesperson Amos Banda said the roll was a mess.")


def test_a_title_with_an_official_bodys_acronym_is_official(analyzer):
    assert labels_at(analyzer, ACRONYMS, "NEC spokesperson") == {"named-official"}
    assert labels_at(analyzer, ACRONYMS, "She did not say") == {"named-official"}


def test_a_title_with_a_private_bodys_acronym_is_not(analyzer):
    assert labels_at(analyzer, ACRONYMS, "LFC spokesperson") == {"named-other"}


def test_the_who_in_capitals_is_the_world_health_organization_not_a_relative_pronoun(analyzer):
    text = ("Cholera spreads\n\n"
            "The death rate is 2 percent. That is above the 1 percent rate that the WHO says should not be "
            "exceeded where treatment is available.")
    assert labels_at(analyzer, text, "That is above") == {"named-official"}
