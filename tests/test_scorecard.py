"""Every check of the scorecard on articles that pass it and articles that fail it."""

from __future__ import annotations

import pytest

from analyzer.score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION

FILLER = "The bridge opened in 1932. Traffic has doubled since then. "


def card_of(analyzer, text):
    return analyzer.analyze_text(text).card


def status(card, check_id):
    return next(c for c in card.checks if c.id == check_id).status


CASES = [
    # check, article that passes, article that fails
    ("N1", "Mayor Karen Bass said the plan works. Police said the road is open.",
           "Officials said the plan works. Critics say the road is unsafe. Mayor Karen Bass said it is fine."),
    ("N2", "Mayor Karen Bass said the plan works. Police said the road is open. Governor Ann Lee said it was paid for.",
           "Mayor Karen Bass said the plan works. Officials said the road is open."),
    ("A1", "“It will not hold,” said Michael Kofman, a military analyst at the Carnegie Endowment.",
           "Michael Kofman said the line would not hold."),
    ("A2", "A resident, who asked not to be named for fear of reprisals, said soldiers searched the village.",
           "A resident said soldiers searched the village."),
    ("A3", "A resident, who asked not to be named for fear of reprisals, said soldiers searched the village.",
           "An official, who was not authorized to speak publicly, said soldiers searched the village."),
    ("A4", "People familiar with the matter said the company was in talks.",
           "An official said the company was in talks."),
    ("A5", "Police said the road is open.",
           "The minister reportedly offered to resign."),
    ("M1", "Police said the road is open. Critics say the road is unsafe.",
           "Police said the road is open."),
    ("M2", "Mayor Karen Bass said it works. Governor Ann Lee said it helps. Senator Tom Ruiz said it failed. "
           "“It is late,” said Maria Gomez, a professor at Stanford University.",
           "Mayor Karen Bass said it works. Critics say it fails."),
    ("M3", "Mayor Karen Bass said it works. Critics say it fails. Police said it is safe.",
           "Mayor Karen Bass said it works. She said it was cheap. She added that it was popular. Critics say it fails."),
    ("M4", "Two officials said the deal was close.",
           "Officials said the deal was close."),
    ("V1", "According to a Treasury Department fact sheet, five firms supplied engines.",
           "Police said the road is open."),
    ("V2", "According to a Treasury Department fact sheet, five firms supplied engines.",
           "According to a report, five firms supplied engines."),
    ("V3", "AFP reported that the dam had burst. The claims could not be independently verified.",
           "AFP reported that the dam had burst."),
    ("I1", "“It will not hold,” said Michael Kofman, a military analyst at the Carnegie Endowment.",
           "Police said the road is open."),
    ("I2", "Northvolt declined to comment on the talks.",
           "Police said the road is open."),
    ("I3", "Police said the road is open. Critics say the road is unsafe.",
           "Police said the road is open. Prosecutors said the driver was charged."),
    ("I4", "Police said the road is open. AFP reported the dam burst.",
           "AFP reported the dam burst. Reuters reported that ten people died."),
]


@pytest.mark.parametrize("check_id, passing, failing", CASES, ids=[c[0] for c in CASES])
def test_check_passes_and_fails(analyzer, check_id, passing, failing):
    assert status(card_of(analyzer, FILLER + passing), check_id) == "pass"
    assert status(card_of(analyzer, FILLER + failing), check_id) == "fail"


@pytest.mark.parametrize("check_id, text", [
    ("A1", "Officials said the road is open."),
    ("A2", "Mayor Karen Bass said the road is open."),
    ("A4", "Mayor Karen Bass said the road is open."),
    ("M4", "Mayor Karen Bass said the road is open."),
    ("V2", "Mayor Karen Bass said the road is open."),
    ("V3", "Mayor Karen Bass said the road is open."),
])
def test_check_that_does_not_apply_passes_as_na(analyzer, check_id, text):
    card = card_of(analyzer, FILLER + text)
    check = next(c for c in card.checks if c.id == check_id)
    assert check.status == "n/a"
    assert check.points == check.max_points


def test_dimensions_add_up_to_the_total(analyzer):
    card = card_of(analyzer, FILLER + "Mayor Karen Bass said it works. Critics say it fails. AFP reported it burst.")
    assert set(card.dimensions) == set(DIMENSIONS)
    assert all(0 <= v <= POINTS_PER_DIMENSION for v in card.dimensions.values())
    assert card.total == pytest.approx(sum(card.dimensions.values()), abs=0.2)
    for letter in DIMENSIONS:
        checks = [c for c in card.checks if c.dimension == letter]
        assert sum(c.max_points for c in checks) == pytest.approx(POINTS_PER_DIMENSION, abs=0.05)
        assert sum(c.points for c in checks) == pytest.approx(card.dimensions[letter], abs=0.1)


def test_failed_checks_name_their_evidence_sentences(analyzer):
    result = analyzer.analyze_text(FILLER + "The minister reportedly offered to resign.")
    check = next(c for c in result.card.checks if c.id == "A5")
    assert check.status == "fail"
    assert [result.sentences[i]["text"] for i in check.evidence] == ["The minister reportedly offered to resign."]


@pytest.mark.parametrize("flag_id, raising, quiet", [
    ("F1", "Officials said the deal was close.\n" + FILLER, FILLER + "\nOfficials said the deal was close."),
    ("F2", FILLER + "Sources said the deal was close.", FILLER + "Two sources said the deal was close."),
    ("F3", FILLER + "The Wall Street Journal, citing unnamed officials, reported that the deal was close.",
           FILLER + "The Wall Street Journal reported that the deal was close."),
])
def test_flags(analyzer, flag_id, raising, quiet):
    def raised(text):
        return next(f for f in card_of(analyzer, text).flags if f.id == flag_id).raised
    assert raised(raising) is True
    assert raised(quiet) is False


def test_confidence_is_low_for_short_or_unsourced_articles(analyzer):
    assert card_of(analyzer, "Police said the road is open.").confidence == "low"
    long_unsourced = " ".join(f"The bridge has {n} lanes." for n in range(2, 12))
    assert card_of(analyzer, long_unsourced).confidence == "low"
    sourced = FILLER + "Police said it is open. Critics say it is unsafe. Mayor Karen Bass said it works. AFP reported it."
    assert card_of(analyzer, sourced).confidence == "normal"


def test_scorecard_row_has_a_column_per_dimension_check_and_flag(analyzer):
    row = analyzer.analyze_text(FILLER + "Police said the road is open.").scorecard
    assert {f"dim_{d}" for d in DIMENSIONS} <= set(row)
    assert {f"check_{c}" for c in ("N1", "A5", "M3", "V2", "I4")} <= set(row)
    assert {"flag_F1", "flag_F2", "flag_F3", "score", "confidence", "coverage", "rules_version"} <= set(row)
    assert 0 <= row["score"] <= 100
