"""`sourcing calibrate`: loading ratings, Spearman rho, the figures and the command's output."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from analyzer.score.calibration import (
    DIMENSIONS, Calibration, Compared, RatingsFileError, compare, calibrate_file, load_ratings, ranks, spearman,
)

REAL_RATINGS = Path("/work/shared/calibration/ratings.jsonl")


def rating(rater: str, overall: float, why: str = "", **dims: float) -> dict:
    return {"rater": rater, **{d: dims.get(d, overall / 5) for d in DIMENSIONS}, "overall": overall, "why": why}


# Invented articles, from well sourced to not sourced at all; one has a single rating.
ARTICLES = [
    {"id": "dam", "outlet": "", "text": "Satellite images show the dam has cracked. \"The water is rising,\" "
     "said Anna Berg, the regional governor. Engineers from the state water agency said repairs would take weeks.",
     "ratings": [rating("A", 80, "Imagery plus named officials.", I=18), rating("B", 76, "Checkable imagery.", I=17)]},
    {"id": "strike", "outlet": "Daily Post", "text": "Workers walked out on Monday, union leader Tom Hale said. "
     "The company declined to comment.",
     "ratings": [rating("A", 60, "One named source, the other side asked."), rating("B", 55, "Thin but fair.")]},
    {"id": "rumour", "outlet": None, "text": "A source familiar with the matter said the minister will resign. "
     "Officials who asked not to be named confirmed the plan.",
     "ratings": [rating("A", 30, "Only anonymous sources."), rating("B", 35, "Unnamed sources only.")]},
    {"id": "opinion", "outlet": "", "text": "The plan is a disaster. Everyone knows the council has failed us "
     "again and again.",
     "ratings": [rating("A", 10, "No sources at all."), rating("B", 12, "Assertion, no sourcing.")]},
    {"id": "report", "outlet": "", "text": "According to a report by the World Bank, growth slowed to 2 percent. "
     "The finance ministry said in a statement that it expected a recovery next year.",
     "ratings": [rating("A", 70, "Named documents.")]},
]


@pytest.fixture(scope="module")
def ratings_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("calibrate") / "ratings.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


# --- Spearman ------------------------------------------------------------------------------

def script_ranks(xs):
    """The reference script's ranks (tools/calibrate.py), to check ours against it."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r, i = [0.0] * len(xs), 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def script_spearman(a, b):
    ra, rb, n = script_ranks(a), script_ranks(b), len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else 0.0


def test_spearman_perfect_and_reversed():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [9, 5, 2, 0]) == pytest.approx(-1.0)


def test_ties_get_average_ranks():
    assert ranks([10, 20, 20, 30]) == [1.0, 2.5, 2.5, 4.0]
    assert ranks([5, 5, 5]) == [2.0, 2.0, 2.0]
    # Worked by hand: ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): rho = 4.5 / sqrt(4.5 * 5).
    assert spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(4.5 / (4.5 * 5) ** 0.5)


def test_constant_or_short_input_is_zero():
    assert spearman([3, 3, 3], [1, 2, 3]) == 0.0
    assert spearman([1, 2, 3], [7, 7, 7]) == 0.0
    assert spearman([1], [2]) == 0.0
    assert spearman([], []) == 0.0
    with pytest.raises(ValueError):
        spearman([1, 2], [1, 2, 3])


def test_spearman_matches_the_reference_script():
    rng = random.Random(11)
    for _ in range(50):
        n = rng.randint(2, 30)
        a = [rng.randint(0, 6) for _ in range(n)]   # small range: many ties
        b = [rng.randint(0, 100) / 2 for _ in range(n)]
        assert ranks(a) == script_ranks(a)
        assert spearman(a, b) == pytest.approx(script_spearman(a, b), abs=1e-12)


# --- loading -------------------------------------------------------------------------------

def test_load_ratings(ratings_file):
    rated = load_ratings(ratings_file)
    assert [r.id for r in rated] == [a["id"] for a in ARTICLES]
    assert rated[0].outlet is None and rated[1].outlet == "Daily Post"
    assert rated[0].mean("overall") == 78 and rated[0].mean("I") == 17.5
    assert rated[0].ratings[1].why == "Checkable imagery." and rated[0].line == 1


@pytest.mark.parametrize("line, message", [
    ("{not json", "not valid JSON (Expecting property name enclosed in double quotes)"),
    ('{"id": "x", "text": "Hi."}', 'missing "ratings"'),
    ('{"id": "x", "text": "Hi.", "ratings": []}', '"ratings" must be a non-empty list'),
    ('{"id": "x", "text": "Hi.", "ratings": [{"N": 1, "A": 1, "M": 1, "V": 1, "I": 1}]}',
     'rating 1: missing "overall"'),
    ('{"id": "x", "text": "Hi.", "ratings": [{"N": 1, "A": 1, "M": "high", "V": 1, "I": 1, "overall": 5}]}',
     'rating 1: "M" must be a number'),
    (json.dumps(ARTICLES[0]), "duplicate id 'dam' (first on line 1)"),
])
def test_a_bad_line_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ARTICLES[0]) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(RatingsFileError) as caught:
        load_ratings(path)
    assert str(caught.value) == f"{path}:3: {message}"


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(RatingsFileError, match="no such file"):
        load_ratings(tmp_path / "nope.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(RatingsFileError, match="no articles"):
        load_ratings(tmp_path / "empty.jsonl")


@pytest.mark.skipif(not REAL_RATINGS.exists(), reason="the shared calibration ratings are not here")
def test_the_real_ratings_file_loads():
    rated = load_ratings(REAL_RATINGS)
    assert len(rated) >= 30
    assert all(len(r.ratings) >= 1 and r.ratings[0].why for r in rated)


# --- the figures ---------------------------------------------------------------------------

def test_compare_without_the_model():
    """compare() needs only objects with .score and .dimensions: the figures by hand."""
    class Card:
        def __init__(self, score, dims):
            self.score, self.dimensions = score, dims

    rated = load_ratings_from(ARTICLES)
    cards = {"dam": Card(40, {"I": 20.0}), "strike": Card(60, {"I": 10.0}), "rumour": Card(30, {"I": 0.0}),
             "opinion": Card(10, {"I": 0.0})}   # "report" failed: left out
    calibration = compare(rated, cards)
    assert calibration.articles == 4
    # tool ranks (3, 4, 2, 1) against raters' ranks (4, 3, 2, 1): one swap of neighbours, rho = 0.8
    assert calibration.rho_score == pytest.approx(0.8)
    assert calibration.rho_dimensions["I"] == pytest.approx(script_spearman([20, 10, 0, 0], [r.mean("I") for r in rated[:4]]))
    assert calibration.rho_raters == pytest.approx(script_spearman([80, 60, 30, 10], [76, 55, 35, 12]))
    worst = calibration.worst(2)
    assert [c.id for c in worst] == ["dam", "strike"] and worst[0].rank_gap == 1.0
    assert worst[0].reasons == (("A", "Imagery plus named officials."), ("B", "Checkable imagery."))


def load_ratings_from(articles: list[dict]):
    from analyzer.score.calibration import parse_ratings_line

    return [parse_ratings_line(json.dumps(a), "mem.jsonl", i) for i, a in enumerate(articles, start=1)]


def test_no_second_rating_means_no_raters_rho():
    calibration = Calibration(articles=1, rho_score=0.0, rho_dimensions={d: 0.0 for d in DIMENSIONS})
    assert "rho_raters" not in calibration.as_dict()
    from analyzer.cli.calibrate import format_calibration
    assert "raters' own rho = n/a" in format_calibration(calibration)[0]


@pytest.fixture(scope="module")
def calibration(ratings_file, analyzer) -> Calibration:
    return calibrate_file(ratings_file, analyzer=analyzer)


def test_calibrate_file(calibration, analyzer, ratings_file):
    assert calibration.articles == len(ARTICLES) and not calibration.failures
    assert set(calibration.rho_dimensions) == set(DIMENSIONS)
    assert calibration.rho_raters == pytest.approx(1.0)   # both raters order the four alike
    # The score is the integer Scorecard.score, as in scorecard.csv.
    from analyzer.io.articles import Article

    card = next(analyzer.analyze([Article("dam", ARTICLES[0]["text"])])).scorecard
    assert calibration.compared[0].score == card.score
    assert all(isinstance(c, Compared) and isinstance(c.score, int) for c in calibration.compared)
    assert calibration.as_dict(worst=2)["worst"] == [c.as_dict() for c in calibration.worst(2)]


# --- the command ---------------------------------------------------------------------------

def test_cli_prints_the_figures(cli, ratings_file, calibration):
    result = cli(["calibrate", ratings_file, "--worst", "2"])
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (f"articles 5: rho(score, mean rating) = {calibration.rho_score:.3f}; "
                        f"raters' own rho = {calibration.rho_raters:.3f}")
    assert re.fullmatch(r"per dimension: N -?\d\.\d{3}, A -?\d\.\d{3}, M -?\d\.\d{3}, V -?\d\.\d{3}, I -?\d\.\d{3}",
                        lines[1])
    worst = calibration.worst(2)
    assert lines[2].startswith(f"  {worst[0].id}  tool {worst[0].score}  raters {worst[0].rating:.1f}")
    assert sum(line.startswith("      A: ") for line in lines) == 2


def test_cli_json(cli, ratings_file, calibration):
    result = cli(["calibrate", ratings_file, "--json"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {"articles", "rho_score", "rho_raters", *(f"rho_{d}" for d in DIMENSIONS)}
    assert figures["rho_score"] == pytest.approx(calibration.rho_score)


def test_cli_bad_line_is_one_error_and_exit_2(cli, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ARTICLES[0]) + "\n{oops\n", encoding="utf-8")
    result = cli(["calibrate", path])
    cli.assert_no_traceback(result)
    assert result.exit_code == 2
    assert cli.error_lines(result) == [f"error: {path}:2: not valid JSON (Expecting property name enclosed in double quotes)"]
    assert result.stdout == ""
