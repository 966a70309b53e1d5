"""The seed article (the tool's founding example) is labelled exactly as its gold, sentence
by sentence, with headings kept apart."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests" / "data" / "seed-drones.gold.json").read_text(encoding="utf-8"))


def test_sample_is_the_seed_article():
    assert (ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8") == GOLD["text"]


def test_seed_article_matches_gold_on_every_sentence(analyzer):
    result = analyzer.analyze_text(GOLD["text"], article_id="seed-drones")
    predicted = [(s.start_char, s.end_char, s.is_heading, s.labels) for s in result.sentences]
    expected = [(g["start"], g["end"], g["heading"], tuple(sorted(g["labels"]))) for g in GOLD["sentences"]]
    mismatches = [(p, e) for p, e in zip(predicted, expected) if p != e]
    assert len(predicted) == len(expected)
    assert not mismatches
