"""Families of phrasing found on helper-written real-news gold in session 12 (issue 12): forecasts,
advisories, questionnaires and schedules are documents, ... Every article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at


def test_outlooks_advisories_questionnaires_and_schedules_are_documents(analyzer):
    text = ("Dry spring\n\n"
            "The Weather Bureau's seasonal outlook calls for below-normal rainfall through April.\n\n"
            "The National Hurricane Center warned in its 5 p.m. advisory that the surge could reach nine feet.\n\n"
            "Her Senate questionnaire lists 14 corporate clients.\n\n"
            "Internal schedules obtained by the committee list the meetings as \"listening sessions.\"\n")
    assert labels_at(analyzer, text, "The Weather Bureau's seasonal outlook") == {"document"}
    assert labels_at(analyzer, text, "The National Hurricane Center warned") == {"named-official", "document"}
    assert labels_at(analyzer, text, "Her Senate questionnaire") == {"document"}
    assert "document" in labels_at(analyzer, text, "Internal schedules")
