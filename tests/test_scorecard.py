"""Every check and flag of the scorecard, passing and failing, on hand-built records (no spaCy).

An article is written as a list of `S(text, *attributions)`: the sentences get their index,
offsets and labels from it the way the component gives them. Each case states the check's
status, evidence sentences and explanation exactly. Two end-to-end tests at the bottom run
the real pipeline.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from analyzer.labels import LABELS
from analyzer.records import AnonymousDetails, Attribution, Sentence
from analyzer.report.tables import scorecard_row
from analyzer.score.checks import CHECKS
from analyzer.score.facts import distinct_sources
from analyzer.score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION, build_scorecard

FILLER = "The bridge opened in 1932."


# -- building records by hand ------------------------------------------------------------

def said(label, source, *, key=None, resolved=None, rule="test.rule", cue_rule="cue.say", outlet=None,
         anonymous=None) -> Attribution:
    return Attribution(0, label, source, source if resolved is None else resolved, "said", "indirect", 0, len(source),
                       rule, cue_rule, outlet, True, key, anonymous)


def official(source, key=None, **kw):
    return said("named-official", source, key=key, **kw)


def other(source, key=None, **kw):
    return said("named-other", source, key=key, **kw)


def anon(source="officials", rule="anon.descriptor", **details):
    return said("anonymous", source, rule=rule, anonymous=AnonymousDetails(**details) if details else None)


def outlet(name):
    return said("secondary-outlet", name, outlet=name, rule="outlet.wire_services")


def document(source, rule="doc.terms"):
    return said("document", source, rule=rule)


def imagery(source, rule="imagery.satellite_terms"):
    return said("satellite-imagery", source, rule=rule)


class S:
    def __init__(self, text=FILLER, *attributions: Attribution, paragraph=0, heading=False):
        self.text, self.attributions, self.paragraph, self.heading = text, attributions, paragraph, heading


def article(*items: S):
    sentences, attributions, position = [], [], 0
    for index, item in enumerate(items):
        start = position
        rows = [replace(a, sentence_index=index, start_char=start, end_char=start + len(a.source))
                for a in item.attributions]
        sentences.append(Sentence(index, start, start + len(item.text), item.heading, item.text, item.paragraph,
                                  tuple(sorted({a.label for a in rows})),
                                  tuple(dict.fromkeys(a.resolved_source for a in rows)),
                                  tuple(dict.fromkeys(a.rule_id for a in rows))))
        attributions.extend(rows)
        position += len(item.text) + 1
    return sentences, attributions


def card_of(*items: S):
    return build_scorecard("test", *article(*items), rules_version="v1")


def check(card, check_id):
    found = next(c for c in card.checks if c.id == check_id)
    return found.status, found.evidence, found.explanation


def flag(card, flag_id):
    found = next(f for f in card.flags if f.id == flag_id)
    return found.raised, found.evidence, found.explanation


BASS = official("Mayor Karen Bass", "karen bass")
LEE = official("Governor Ann Lee", "ann lee")
RUIZ = official("Senator Tom Ruiz", "tom ruiz")
GOMEZ = other("Maria Gomez, a professor at Stanford University", "maria gomez")
POLICE = official("Police")
CRITICS = anon("Critics")


# -- every check, passing and failing ------------------------------------------------------

INSIDER = anon("A senior official", anonymous_kind="individual")
EXPLAINED = anon("A senior official", anonymous_kind="individual", anonymity_reason_given=True,
                 anonymity_reason="substantive", vantage="attended", source_count="1")
HEDGE = anon("reportedly", rule="anon.hedge", anonymous_kind="hedge")
MEMO = document("a Treasury memo")
IMAGES = imagery("Maxar Technologies images", rule="imagery.providers")
DECLINED = official("The ministry", cue_rule="cue.no_comment")

CASES = [
    # check, article, (status, evidence, explanation); a check earns its share of its points
    ("N1", [S("a", BASS), S("b", MEMO)], ("pass", [0, 1], "2 of 2 (100%) attributed sentences name their source")),
    ("N1", [S("a", INSIDER), S("b", BASS)], ("partial", [1], "1 of 2 (50%) attributed sentences name their source")),
    ("N1", [S(), S()], ("fail", [], "no sentence is attributed to anyone")),
    ("N2", [S("a", BASS), S("b", LEE), S("c", MEMO)],
     ("pass", [0, 1, 2], "3 named sources: people, bodies, documents and imagery (full points at 3)")),
    ("N2", [S("a", BASS), S("b", CRITICS)], ("partial", [0], "1 named source: people, bodies, documents and imagery (full points at 3)")),
    ("N2", [S("a", CRITICS)], ("fail", [], "0 named sources: people, bodies, documents and imagery (full points at 3)")),
    ("A1", [S("a", BASS), S("b", official("Bass", "karen bass", rule="ref.name"))],
     ("pass", [0, 1], "1 of 1 named person comes with a title or affiliation")),
    ("A1", [S("a", BASS), S("b", other("Maria Gomez", "maria gomez"))],
     ("partial", [0], "1 of 2 named people come with a title or affiliation")),
    ("A1", [S("a", CRITICS), S()], ("n/a", [], "n/a: no named person; earns the article's identified sourcing (0%)")),
    ("A2", [S("a", EXPLAINED), S("b", BASS)],
     ("pass", [0], "of 1 unnamed individual source, 1 gives a reason for anonymity and 1 how the source knows")),
    ("A2", [S("a", INSIDER), S("b", BASS), S("c", LEE), S("d", RUIZ)],
     ("partial", [], "of 1 unnamed individual source, 0 give a reason for anonymity and 0 how the source knows")),
    ("A2", [S("a", INSIDER), S("b", INSIDER)],
     ("fail", [], "of 2 unnamed individual sources, 0 give a reason for anonymity and 0 how the source knows")),
    ("A2", [S("a", BASS), S("b", CRITICS)],
     ("n/a", [0], "n/a: no unnamed individual source; earns the article's identified sourcing (100%)")),
    ("A3", [S("a", BASS), S("b", LEE)], ("pass", [0, 1], "0 sentences of 2 attributed rest only on a vague group "
                                                          "(\"critics say\") or no source at all (\"reportedly\")")),
    ("A3", [S("a", BASS), S("b", LEE), S("c", RUIZ), S("d", HEDGE)],
     ("partial", [0, 1, 2], "1 sentence of 4 attributed rests only on a vague group (\"critics say\") or no source at all (\"reportedly\")")),
    ("A3", [S("a", CRITICS), S("b", HEDGE)],
     ("fail", [], "2 sentences of 2 attributed rest only on a vague group (\"critics say\") or no source at all (\"reportedly\")")),
    ("A4", [S("a", BASS), S("b", MEMO), S("c", GOMEZ)],
     ("pass", [0, 1, 2], "3 distinct sources in a position to know: officials, experts, documents, sources who say how they know (full points at 3)")),
    ("A4", [S("a", other("Ray Powell", "ray powell"))],
     ("fail", [], "0 distinct sources in a position to know: officials, experts, documents, sources who say how they know (full points at 3)")),
    ("M1", [S("a", BASS), S("b", LEE), S("c", RUIZ), S("d", GOMEZ), S("e", outlet("AFP"))],
     ("pass", [0, 1, 2, 3, 4], "5 distinct sources (full points at 5)")),
    ("M1", [S("a", BASS), S("b", official("she", "karen bass", rule="ref.pronoun"))],
     ("fail", [0, 1], "1 distinct source (full points at 5)")),
    ("M2", [S("a", BASS), S("b", MEMO), S("c", GOMEZ), S("d", CRITICS)],
     ("pass", [0, 1, 2, 3], "4 kinds of source: anonymous, document, named-official, named-other (full points at 4)")),
    ("M2", [S("a", BASS), S("b", LEE)], ("fail", [0, 1], "1 kind of source: named-official (full points at 4)")),
    ("M3", [S("a", anon("Two officials", anonymous_kind="individual", source_count="2")), S("b", BASS)],
     ("pass", [0], "0 sentences of 2 attributed rest on unnamed individual sources that do not say how many they are")),
    ("M3", [S("a", INSIDER), S("b", BASS)],
     ("fail", [], "1 sentence of 2 attributed rests on unnamed individual sources that do not say how many they are")),
    ("V1", [S("a", MEMO), S("b", IMAGES), S("c", document("the court filing"))],
     ("pass", [0, 1, 2], "3 sentences rest on documents, data or imagery (full points at 3)")),
    ("V1", [S("a", BASS)], ("fail", [], "0 sentences rest on documents, data or imagery (full points at 3)")),
    ("V2", [S("a", MEMO), S("b", IMAGES)],
     ("pass", [0, 1], "2 of 2 documents and images say who published, provided or obtained them")),
    ("V2", [S("a", document("a memo")), S("b", MEMO)],
     ("partial", [1], "1 of 2 documents and images say who published, provided or obtained them")),
    ("V2", [S("a", BASS)], ("fail", [], "no document, data or imagery to trace")),
    ("V3", [S("It could not be independently verified.", outlet("AFP")), S("b", BASS)],
     ("pass", [0], "the article says what it could or could not verify")),
    ("V3", [S("a", outlet("AFP")), S("b", BASS), S("c", LEE), S("d", RUIZ)],
     ("partial", [1, 2, 3], "1 of 4 (25%) attributed sentences rest only on other outlets or unnamed sources, with no word on verification")),
    ("V3", [S("a", outlet("AFP")), S("b", INSIDER)],
     ("fail", [], "2 of 2 (100%) attributed sentences rest only on other outlets or unnamed sources, with no word on verification")),
    ("V4", [S("a", BASS), S()], ("pass", [0], "1 of 2 (50%) sentences say where they come from (full points at 50%)")),
    ("V4", [S("a", BASS), S(), S(), S()], ("partial", [0], "1 of 4 (25%) sentences say where they come from (full points at 50%)")),
    ("V4", [S(), S()], ("fail", [], "0 of 2 (0%) sentences say where they come from (full points at 50%)")),
    ("I1", [S("a", GOMEZ)], ("pass", [0], "1 sentence quotes a named expert or analyst")),
    ("I1", [S("a", other("Ray Powell", "ray powell"))], ("fail", [], "0 sentences quote a named expert or analyst")),
    ("I2", [S("a", BASS), S("b", DECLINED)], ("pass", [1], "1 sentence reports a reply sought")),
    ("I2", [S("a", BASS)], ("fail", [], "0 sentences report a reply sought")),
    ("I3", [S("a", BASS), S("b", LEE)],
     ("pass", [1], "the most used source (Mayor Karen Bass) carries 1 of 2 (50%) attributed sentences (full points at half or less)")),
    ("I3", [S("a", BASS), S("b", official("Bass", "karen bass", rule="ref.name")), S("c", LEE)],
     ("partial", [2], "the most used source (Mayor Karen Bass) carries 2 of 3 (67%) attributed sentences (full points at half or less)")),
    ("I3", [S("a", BASS), S("b", official("Bass", "karen bass", rule="ref.name"))],
     ("fail", [], "the most used source (Mayor Karen Bass) carries 2 of 2 (100%) attributed sentences (full points at half or less)")),
    ("I4", [S("a", BASS), S("b", LEE)], ("pass", [0, 1], "0 of 2 (0%) attributed sentences rest only on other outlets")),
    ("I4", [S("a", BASS), S("b", outlet("AFP"))], ("partial", [0], "1 of 2 (50%) attributed sentences rest only on other outlets")),
    ("I4", [S("a", outlet("AFP"))], ("fail", [], "1 of 1 (100%) attributed sentences rest only on other outlets")),
]


@pytest.mark.parametrize("check_id, items, expected", CASES,
                         ids=[f"{c[0]}-{c[2][0]}-{n}" for n, c in enumerate(CASES)])
def test_check(check_id, items, expected):
    assert check(card_of(*items), check_id) == expected


def test_every_check_has_a_passing_and_a_failing_case():
    statuses = {(check_id, expected[0]) for check_id, _, expected in CASES}
    ids = {check_id for check_id, _, _ in CASES}
    assert ids == {spec.id for spec in CHECKS}
    assert all((check_id, "pass") in statuses and ({(check_id, "fail"), (check_id, "partial")} & statuses)
               for check_id in ids)


FLAG_CASES = [
    ("F1", [S("a", anon("Officials")), S(paragraph=1)], (True, [0], "1 sentence")),
    ("F1", [S("Headline", heading=True), S("a", POLICE), S("b", CRITICS, paragraph=1)], (False, [], "0 sentences")),
    ("F2", [S(), S("a", anon("Sources"))], (True, [1], "1 sentence")),
    ("F2", [S(), S("a", anon("Two sources", source_count="2"))], (False, [], "0 sentences")),
    ("F3", [S("a", outlet("The Wall Street Journal"), anon("unnamed officials"))], (True, [0], "1 sentence")),
    ("F3", [S("a", outlet("The Wall Street Journal")), S("b", CRITICS)], (False, [], "0 sentences")),
]


@pytest.mark.parametrize("flag_id, items, expected", FLAG_CASES, ids=[f"{c[0]}-{c[2][0]}" for c in FLAG_CASES])
def test_flag(flag_id, items, expected):
    assert flag(card_of(*items), flag_id) == expected


# -- the card as a whole -----------------------------------------------------------------

def test_counts_coverage_points_and_total():
    card = card_of(S("Headline", heading=True), S("a", BASS), S("b", CRITICS, outlet("AFP")), S(), S("d", POLICE))
    assert (card.sentences, card.headings) == (4, 1)
    assert card.counts == {"named-official": 2, "anonymous": 1, "satellite-imagery": 0, "secondary-outlet": 1,
                           "named-other": 0, "document": 0, "unattributed": 1}
    assert card.coverage == 0.75 and card.attributed == 3 and card.share("named-official") == 0.5
    assert [(c.id, c.status, c.points, c.max_points) for c in card.checks] == [
        ("N1", "partial", 6.67, 10), ("N2", "partial", 6.67, 10),
        ("A1", "pass", 3.0, 3), ("A2", "n/a", 5.0, 5), ("A3", "partial", 1.67, 5), ("A4", "partial", 4.67, 7),
        ("M1", "partial", 6.0, 8), ("M2", "partial", 4.67, 7), ("M3", "n/a", 5.0, 5),
        ("V1", "fail", 0.0, 6), ("V2", "fail", 0.0, 4), ("V3", "partial", 1.67, 5), ("V4", "pass", 5.0, 5),
        ("I1", "fail", 0.0, 5), ("I2", "fail", 0.0, 5), ("I3", "pass", 5.0, 5), ("I4", "pass", 5.0, 5),
    ]
    assert card.dimensions == {"N": 13.3, "A": 14.3, "M": 15.7, "V": 6.7, "I": 10.0}
    assert card.total == 60.0 and card.score == 60
    assert (card.distinct_named_sources, card.distinct_outlets) == (2, 1)
    assert [(f.id, f.raised) for f in card.flags] == [("F1", True), ("F2", False), ("F3", True)]


def test_no_attribution_scores_nothing():
    card = card_of(*[S(f"Opinion sentence {n}.") for n in range(8)])
    assert card.total == 0 and all(c.points == 0 for c in card.checks)


def test_checks_say_why_they_matter_and_which_sentences_count_against():
    card = card_of(S("a", BASS), S("b", INSIDER))
    n1 = next(c for c in card.checks if c.id == "N1")
    assert (n1.evidence, n1.against) == ([0], [1])
    assert all(c.why.endswith(".") and len(c.why) > 30 for c in card.checks)


def test_dimensions_add_up():
    card = card_of(S("a", BASS), S("b", CRITICS), S("c", outlet("AFP")), S("d", document("a report")))
    assert set(card.dimensions) == set(DIMENSIONS)
    for letter in DIMENSIONS:
        checks = [c for c in card.checks if c.dimension == letter]
        assert sum(c.max_points for c in checks) == pytest.approx(POINTS_PER_DIMENSION, abs=0.05)
        assert sum(c.points for c in checks) == pytest.approx(card.dimensions[letter], abs=0.1)
    assert card.total == pytest.approx(sum(card.dimensions.values()), abs=0.2)


@pytest.mark.parametrize("items, expected", [
    ([S("a", POLICE), S("b", CRITICS), S(), S()], ("low", "only 4 sentences")),
    ([S("a", POLICE)] + [S()] * 9, ("low", "the rules found almost no attributions")),
    ([S("a", POLICE), S("b", CRITICS)] + [S()] * 19, ("low", "the rules found almost no attributions")),
    ([S("a", POLICE), S("b", CRITICS)] + [S()] * 18, ("normal", "")),
])
def test_confidence(items, expected):
    card = card_of(*items)
    assert (card.confidence, card.confidence_reason) == expected


def test_distinct_sources_count_outlets_by_name_and_skip_hedges_and_back_references():
    _, rows = article(S("a", outlet("AFP"), said("secondary-outlet", "the agency", outlet="AFP")),
                      S("b", anon("", rule="anon.hedge"), anon("the official", rule="ref.definite"), CRITICS))
    assert distinct_sources(rows) == {"outlet:afp", "critics"}


def test_scorecard_row_is_flat_and_in_column_order():
    row = scorecard_row(card_of(S("a", BASS), S("b", CRITICS), S()))
    assert list(row) == (["article_id", "sentences", "headings"]
                         + [f"{label}_{kind}" for label in (*LABELS, "unattributed") for kind in ("count", "share")]
                         + ["coverage", "distinct_named_sources", "distinct_outlets"]
                         + [f"dim_{d}" for d in DIMENSIONS]
                         + [f"check_{spec.id}" for spec in CHECKS]
                         + ["flag_F1", "flag_F2", "flag_F3", "score", "confidence", "rules_version"])
    assert (row["article_id"], row["sentences"], row["named-official_count"], row["named-official_share"]) == ("test", 3, 1, 0.3333)
    assert (row["unattributed_count"], row["coverage"], row["check_A2"], row["flag_F1"]) == (1, 0.6667, "n/a", True)
    assert (row["score"], row["confidence"], row["rules_version"]) == (int(round(sum(
        row[f"dim_{d}"] for d in DIMENSIONS))), "low", "v1")


# -- end to end: the real pipeline ---------------------------------------------------------

def test_pipeline_check_names_its_evidence_sentence(analyzer):
    result = analyzer.analyze_text("The bridge opened in 1932. Traffic has doubled since then. "
                                   "The minister reportedly offered to resign.")
    found = next(c for c in result.scorecard.checks if c.id == "A3")
    assert found.status == "fail"
    assert [result.sentences[i].text for i in found.against] == ["The minister reportedly offered to resign."]


def test_pipeline_scorecard_matches_its_row(analyzer):
    result = analyzer.analyze_text("Police said the road is open. Critics say it is unsafe. AFP reported it burst.")
    row = scorecard_row(result.scorecard)
    assert row["score"] == result.scorecard.score and 0 <= row["score"] <= 100
    assert [row[f"check_{c.id}"] for c in result.scorecard.checks] == [c.status for c in result.scorecard.checks]


# -- shown consistently (issue 11: "1 sentence", names lower-cased) ------------------------

def test_one_sentence_is_singular_and_names_keep_their_case():
    card = card_of(S("Ray Powell said so.", other("Ray Powell", key="Ray Powell")),
                   S("Powell said more.", other("Powell", key="Ray Powell", resolved="Ray Powell")),
                   S("It reportedly rained.", anon("reportedly", rule="anon.hedge")))
    assert check(card, "A3")[2].startswith("1 sentence of 3 attributed rests only on a vague group")
    assert "the most used source (Ray Powell) carries" in check(card, "I3")[2]


def test_the_report_shows_one_total():
    from analyzer.io.articles import Article
    from analyzer.report.markdown import render_markdown
    from analyzer.run.local import ArticleResult

    sentences, attributions = article(S("Police said so.", official("Police")), S(), S())
    card = build_scorecard("test", sentences, attributions, rules_version="v1")
    text = render_markdown(ArticleResult(Article("test", "x"), sentences, attributions, card))
    assert f"| **Total** | **{card.score} / 100** | |" in text


def test_readme_lists_every_check_with_its_points_and_why():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for spec in CHECKS:
        assert f"| {spec.id} | {spec.title.replace('|', '/')} | {spec.points:g} | {spec.why} |" in readme, spec.id
