"""Calibrate the sourcing score against expert ratings: Spearman rho, pure functions, plain data.

A ratings file is JSONL, one article per line:
``{"id", "outlet" (own publisher, "" or null), "text", "ratings": [{"rater", "N", "A", "M", "V",
"I", "overall", "why"}]}``. Each rating gives the five IMVAIN dimensions and an overall score;
``rater`` and ``why`` are optional.

The figures are those of the reference script tools/calibrate.py: rho between the tool's score
(the integer ``Scorecard.score``, as in scorecard.csv) and the mean overall rating, rho per
dimension (``Scorecard.dimensions`` against the mean rating of that dimension), and the raters'
own rho (first against second overall, articles with two ratings or more) as the ceiling.

Only ``run_analyzer`` loads spaCy (and only when called).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..errors import InputError
from .article_files import ArticleFileError, article_fields, read_article_file

DIMENSIONS = ("N", "A", "M", "V", "I")
RATING_FIELDS = (*DIMENSIONS, "overall")


class RatingsFileError(ArticleFileError):
    """A ratings file that cannot be read; names the file and, where there is one, the line."""

    kind = "ratings"


@dataclass(frozen=True)
class Rating:
    rater: str
    scores: dict[str, float]   # N, A, M, V, I and overall
    why: str = ""


@dataclass
class RatedArticle:
    id: str
    text: str
    outlet: Optional[str]
    ratings: list[Rating]
    line: Optional[int] = None
    origin: str = ""   # the ratings file

    def mean(self, key: str) -> float:
        return sum(r.scores[key] for r in self.ratings) / len(self.ratings)


@dataclass(frozen=True)
class Compared:
    """One article's tool score next to the raters' mean, and how far apart their ranks are."""
    id: str
    score: int
    rating: float
    rank_gap: float
    reasons: tuple[tuple[str, str], ...]   # (rater, why) per rating

    def as_dict(self) -> dict:
        return {"id": self.id, "score": self.score, "rating": self.rating, "rank_gap": self.rank_gap,
                "reasons": [{"rater": rater, "why": why} for rater, why in self.reasons]}


@dataclass
class Calibration:
    articles: int = 0
    rho_score: float = 0.0
    rho_dimensions: dict[str, float] = field(default_factory=dict)
    rho_raters: Optional[float] = None     # None: no article has two ratings
    compared: list[Compared] = field(default_factory=list)   # in file order
    failures: list[InputError] = field(default_factory=list)  # articles the analyzer could not analyse

    def worst(self, n: int) -> list[Compared]:
        """The n articles whose tool rank and raters' rank differ most; ties keep file order."""
        return sorted(self.compared, key=lambda c: -c.rank_gap)[:max(n, 0)]

    def as_dict(self, worst: int = 0) -> dict:
        """The figures under the reference script's keys (rho_score, rho_N ..., rho_raters)."""
        out: dict = {"articles": self.articles, "rho_score": self.rho_score}
        out.update({f"rho_{d}": rho for d, rho in self.rho_dimensions.items()})
        if self.rho_raters is not None:
            out["rho_raters"] = self.rho_raters
        if worst:
            out["worst"] = [c.as_dict() for c in self.worst(worst)]
        return out


# --- Spearman ------------------------------------------------------------------------------

def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks; tied values share the average of the ranks they span."""
    from scipy.stats import rankdata

    return [float(r) for r in rankdata(list(values), method="average")] if len(values) else []


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman rho with average ranks for ties. 0.0 when either side is constant or has fewer
    than two values: no ranking to agree with (scipy would give nan and a warning)."""
    from scipy.stats import spearmanr

    if len(a) != len(b):
        raise ValueError(f"spearman needs two equally long sequences, got {len(a)} and {len(b)}")
    if len(a) < 2 or len(set(a)) < 2 or len(set(b)) < 2:
        return 0.0
    rho = float(spearmanr(list(a), list(b)).statistic)
    return 0.0 if math.isnan(rho) else rho


# --- loading -------------------------------------------------------------------------------

def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _parse_rating(raw, number: int, fail) -> Rating:
    if not isinstance(raw, dict):
        fail(f"rating {number}: expected a JSON object")
    for key in RATING_FIELDS:
        if key not in raw:
            fail(f"rating {number}: missing \"{key}\"")
        if not _is_number(raw[key]):
            fail(f"rating {number}: \"{key}\" must be a number")
    why, rater = raw.get("why", ""), raw.get("rater", "")
    if not isinstance(why, str) or not isinstance(rater, str):
        fail(f"rating {number}: \"why\" and \"rater\" must be strings")
    return Rating(rater, {key: float(raw[key]) for key in RATING_FIELDS}, why)


def parse_ratings_line(line: str, path: str, number: int) -> RatedArticle:
    def fail(message: str):
        raise RatingsFileError(path, message, number)

    article_id, text, outlet, record = article_fields(line, fail, "ratings")
    if not isinstance(record["ratings"], list) or not record["ratings"]:
        fail("\"ratings\" must be a non-empty list")
    ratings = [_parse_rating(raw, i, fail) for i, raw in enumerate(record["ratings"], start=1)]
    return RatedArticle(article_id, text, outlet, ratings, number, path)


def load_ratings(path: str | Path) -> list[RatedArticle]:
    """Every article of a ratings JSONL file; the first problem raises RatingsFileError."""
    return read_article_file(path, parse_ratings_line, RatingsFileError)


# --- running and comparing -----------------------------------------------------------------

def run_analyzer(rated: list[RatedArticle], analyzer=None, model: Optional[str] = None,
                 rules_dirs: Iterable = ()) -> tuple[dict, list[InputError]]:
    """Analyse every rated article in-process: (scorecards by article id, failures)."""
    from ..io.articles import Article
    from ..run.local import Analyzer

    if analyzer is None:
        analyzer = Analyzer(model=model, rules_dirs=list(rules_dirs))
    items = [Article(r.id, r.text, r.outlet, origin=r.origin, line=r.line) for r in rated]
    scorecards: dict = {}
    failures: list[InputError] = []
    for result in analyzer.analyze(items):
        if isinstance(result, InputError):
            failures.append(result)
        else:
            scorecards[result.article.id] = result.scorecard
    return scorecards, failures


def compare(rated: list[RatedArticle], scorecards: dict) -> Calibration:
    """The figures over the articles that have a scorecard (the others are left out)."""
    rated = [r for r in rated if r.id in scorecards]
    scores = [scorecards[r.id].score for r in rated]
    means = [r.mean("overall") for r in rated]
    dimensions = {d: spearman([scorecards[r.id].dimensions.get(d, 0.0) for r in rated], [r.mean(d) for r in rated])
                  for d in DIMENSIONS}
    two = [r for r in rated if len(r.ratings) >= 2]
    raters = (spearman([r.ratings[0].scores["overall"] for r in two], [r.ratings[1].scores["overall"] for r in two])
              if two else None)
    tool_ranks, rater_ranks = ranks(scores), ranks(means)
    compared = [Compared(r.id, score, mean, abs(t - m), tuple((x.rater, x.why) for x in r.ratings))
                for r, score, mean, t, m in zip(rated, scores, means, tool_ranks, rater_ranks)]
    return Calibration(len(rated), spearman(scores, means), dimensions, raters, compared)


def calibrate_file(path: str | Path, analyzer=None, model: Optional[str] = None,
                   rules_dirs: Iterable = ()) -> Calibration:
    """Load a ratings file, analyse its articles and compare them. Articles the analyzer failed
    on are left out of the figures and listed in `failures`."""
    rated = load_ratings(path)
    scorecards, failures = run_analyzer(rated, analyzer, model, rules_dirs)
    calibration = compare(rated, scorecards)
    calibration.failures = failures
    return calibration
