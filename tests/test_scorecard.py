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
from analyzer.score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION, build_scorecard, distinct_sources

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

CASES = [
    # check, article, (status, evidence, explanation)
    ("N1", [S("a", BASS), S("b", POLICE)], ("pass", [0, 1], "2 of 2 (100%) attributed sentences name their source")),
    ("N1", [S("a", anon("Officials")), S("b", CRITICS), S("c", BASS)],
     ("fail", [0, 1], "1 of 3 (33%) attributed sentences name their source")),
    ("N2", [S("a", BASS), S("b", POLICE), S("c", LEE), S("d", CRITICS)],
     ("pass", [0, 1, 2], "3 of 4 (75%) attributed sentences name their source")),
    ("N2", [S("a", BASS), S("b", POLICE), S("c", CRITICS)],
     ("fail", [2], "2 of 3 (67%) attributed sentences name their source")),
    ("N1", [S(), S()], ("n/a", [], "n/a: no attributed sentences")),
    ("N2", [S(), S()], ("n/a", [], "n/a: no attributed sentences")),

    ("A1", [S("a", other("Michael Kofman, a military analyst", "michael kofman"))],
     ("pass", [0], "1 of 1 named people come with a title or affiliation")),
    ("A1", [S("a", BASS), S("b", other("Michael Kofman", "michael kofman"))],
     ("fail", [1], "1 of 2 named people come with a title or affiliation")),
    ("A1", [S("a", POLICE)], ("n/a", [], "n/a: no named people")),
    ("A2", [S("a", anon("A resident", anonymity_reason_given=True, anonymity_reason="substantive"))],
     ("pass", [0], "1 of 1 anonymous attributions give a reason")),
    ("A2", [S("a", anon("A resident", anonymity_reason_given=True)), S("b", anon("An official"))],
     ("fail", [1], "1 of 2 anonymous attributions give a reason")),
    ("A2", [S("a", POLICE)], ("n/a", [], "n/a: no anonymous sources")),
    ("A2", [S("a", anon("", rule="anon.hedge"))], ("n/a", [], "n/a: no anonymous sources")),  # a hedge is no source
    ("A2", [S("a", anon("the official", rule="ref.definite"))], ("n/a", [], "n/a: no anonymous sources")),
    ("A3", [S("a", anon("A resident", anonymity_reason_given=True, anonymity_reason="substantive")),
            S("b", anon("An official", anonymity_reason_given=True, anonymity_reason="formulaic"))],
     ("pass", [1], "1 of 2 reasons are substantive")),
    ("A3", [S("a", anon("An official", anonymity_reason_given=True, anonymity_reason="formulaic"))],
     ("fail", [0], "0 of 1 reasons are substantive")),
    ("A3", [S("a", anon("An official"))], ("fail", [0], "no reason is given at all")),
    ("A3", [S("a", POLICE)], ("n/a", [], "n/a: no anonymous sources")),
    ("A4", [S("a", anon("People familiar with the matter", vantage="familiar", vantage_strength=1))],
     ("pass", [0], "1 of 1 anonymous attributions state how the source knows")),
    ("A4", [S("a", anon("People familiar", vantage="familiar")), S("b", anon("An official", vantage="none")),
            S("c", anon("A diplomat"))],
     ("fail", [1, 2], "1 of 3 anonymous attributions state how the source knows")),
    ("A4", [S("a", POLICE)], ("n/a", [], "n/a: no anonymous sources")),
    ("A5", [S("a", POLICE)], ("pass", [], "0 sentences rest on a vague attribution")),
    ("A5", [S("a", POLICE), S("b", anon("", rule="anon.hedge"))],
     ("fail", [1], "1 sentence rests on a vague attribution")),

    ("M1", [S("a", POLICE), S("b", CRITICS)], ("pass", [0, 1], "2 distinct sources")),
    ("M1", [S("a", POLICE), S("b", POLICE)], ("fail", [0, 1], "1 distinct sources")),
    ("M1", [S("a", POLICE), S("b", anon("the source", rule="ref.definite"))],  # a back-reference counts no source
     ("fail", [0, 1], "1 distinct sources")),
    ("M2", [S("a", BASS), S("b", LEE), S("c", RUIZ), S("d", GOMEZ)], ("pass", [0, 1, 2, 3], "4 named sources")),
    ("M2", [S("a", BASS), S("b", CRITICS), S("c", BASS)], ("fail", [0, 2], "1 named sources")),
    ("M3", [S("a", BASS), S("b", CRITICS), S("c", POLICE)],
     ("pass", [0], "the most used source (Mayor Karen Bass) carries 1 of 3 (33%) attributed sentences")),
    ("M3", [S("a", BASS), S("b", BASS), S("c", BASS), S("d", CRITICS)],
     ("fail", [0, 1, 2], "the most used source (Mayor Karen Bass) carries 3 of 4 (75%) attributed sentences")),
    ("M3", [S()], ("n/a", [], "n/a: no attributed sentences")),
    ("M4", [S("a", anon("Two officials", source_count="2"))],
     ("pass", [0], "1 of 1 anonymous attributions state a number")),
    ("M4", [S("a", anon("Two officials", source_count="2")), S("b", anon("Officials"))],
     ("fail", [1], "1 of 2 anonymous attributions state a number")),
    ("M4", [S("a", POLICE)], ("n/a", [], "n/a: no anonymous sources")),

    ("V1", [S("a", document("a Treasury Department fact sheet"))],
     ("pass", [0], "1 sentence rests on documents, data or imagery")),
    ("V1", [S("a", POLICE)], ("fail", [], "0 sentences rest on documents, data or imagery")),
    ("V2", [S("a", document("a Treasury Department fact sheet"))],
     ("pass", [0], "1 of 1 say who published, provided or obtained them")),
    ("V2", [S("a", document("a report"), outlet("Reuters"))],  # another source in the sentence says where
     ("pass", [0], "1 of 1 say who published, provided or obtained them")),
    ("V2", [S("a", imagery("satellite images", rule="imagery.providers"))],
     ("pass", [0], "1 of 1 say who published, provided or obtained them")),
    ("V2", [S("a", document("The Pentagon report")), S("b", document("a report"))],
     ("fail", [1], "1 of 2 say who published, provided or obtained them")),
    ("V2", [S("a", imagery("satellite images"))], ("fail", [0], "0 of 1 say who published, provided or obtained them")),
    ("V2", [S("a", POLICE)], ("n/a", [], "n/a: no documents or imagery")),
    ("V3", [S("a", outlet("AFP")), S("The claims could not be independently verified.")],
     ("pass", [1], "the article says what it could or could not verify")),
    ("V3", [S("a", outlet("AFP")), S("b", CRITICS)],
     ("fail", [0, 1], "2 sentences relay other outlets or anonymous sources with no word on verification")),
    ("V3", [S("a", POLICE)], ("n/a", [], "n/a: nothing relayed from other outlets or anonymous sources")),

    ("I1", [S("a", POLICE), S("b", GOMEZ)], ("pass", [1], "1 sentence quotes a named expert or analyst")),
    ("I1", [S("Kofman, who teaches at the university, said so.", other("Kofman", "kofman"))],  # the word in the sentence
     ("pass", [0], "1 sentence quotes a named expert or analyst")),
    ("I1", [S("a", POLICE), S("b", other("Jane Roe", "jane roe"))],
     ("fail", [], "0 sentences quote a named expert or analyst")),
    ("I2", [S("a", official("Northvolt", cue_rule="cue.no_comment"))],
     ("pass", [0], "1 sentence reports a reply sought")),
    ("I2", [S("a", POLICE)], ("fail", [], "0 sentences report a reply sought")),
    ("I3", [S("a", POLICE), S("b", CRITICS)], ("pass", [0, 1], "2 kinds of source: anonymous, named-official")),
    ("I3", [S("a", POLICE), S("b", BASS)], ("fail", [0, 1], "1 kinds of source: named-official")),
    ("I3", [S()], ("fail", [], "0 kinds of source: none")),
    ("I4", [S("a", POLICE), S("b", outlet("AFP"))], ("pass", [1], "the article has sources of its own")),
    ("I4", [S("a", outlet("AFP")), S("b", outlet("Reuters"))],
     ("fail", [0, 1], "every attributed sentence rests only on other outlets")),
    ("I4", [S()], ("pass", [], "the article has sources of its own")),
]


@pytest.mark.parametrize("check_id, items, expected", CASES,
                         ids=[f"{c[0]}-{c[2][0]}-{n}" for n, c in enumerate(CASES)])
def test_check(check_id, items, expected):
    assert check(card_of(*items), check_id) == expected


def test_every_check_has_a_passing_and_a_failing_case():
    statuses = {(check_id, expected[0]) for check_id, _, expected in CASES}
    ids = {check_id for check_id, _, _ in CASES}
    assert ids == {"N1", "N2", "A1", "A2", "A3", "A4", "A5", "M1", "M2", "M3", "M4", "V1", "V2", "V3",
                   "I1", "I2", "I3", "I4"}
    assert all((check_id, "pass") in statuses and (check_id, "fail") in statuses for check_id in ids)


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
    assert card.dimensions == {"N": 10.0, "A": 8.0, "M": 10.0, "V": 6.7, "I": 10.0}
    assert card.total == 44.7 and card.score == 45
    assert [(c.id, c.status, c.points, c.max_points) for c in card.checks] == [
        ("N1", "pass", 10.0, 10.0), ("N2", "fail", 0.0, 10.0),
        ("A1", "pass", 4.0, 4.0), ("A2", "fail", 0.0, 4.0), ("A3", "fail", 0.0, 4.0), ("A4", "fail", 0.0, 4.0),
        ("A5", "pass", 4.0, 4.0),
        ("M1", "pass", 5.0, 5.0), ("M2", "fail", 0.0, 5.0), ("M3", "pass", 5.0, 5.0), ("M4", "fail", 0.0, 5.0),
        ("V1", "fail", 0.0, 6.67), ("V2", "n/a", 6.67, 6.67), ("V3", "fail", 0.0, 6.67),
        ("I1", "fail", 0.0, 5.0), ("I2", "fail", 0.0, 5.0), ("I3", "pass", 5.0, 5.0), ("I4", "pass", 5.0, 5.0),
    ]
    assert (card.distinct_named_sources, card.distinct_outlets) == (2, 1)
    assert [(f.id, f.raised) for f in card.flags] == [("F1", True), ("F2", False), ("F3", True)]


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
                         + [f"check_{c}" for c in ("N1", "N2", "A1", "A2", "A3", "A4", "A5", "M1", "M2", "M3", "M4",
                                                   "V1", "V2", "V3", "I1", "I2", "I3", "I4")]
                         + ["flag_F1", "flag_F2", "flag_F3", "score", "confidence", "rules_version"])
    assert (row["article_id"], row["sentences"], row["named-official_count"], row["named-official_share"]) == ("test", 3, 1, 0.3333)
    assert (row["unattributed_count"], row["coverage"], row["check_A2"], row["flag_F1"]) == (1, 0.6667, "fail", True)
    assert (row["score"], row["confidence"], row["rules_version"]) == (int(round(sum(
        row[f"dim_{d}"] for d in DIMENSIONS))), "low", "v1")


# -- end to end: the real pipeline ---------------------------------------------------------

def test_pipeline_check_names_its_evidence_sentence(analyzer):
    result = analyzer.analyze_text("The bridge opened in 1932. Traffic has doubled since then. "
                                   "The minister reportedly offered to resign.")
    status, evidence, _ = check(result.scorecard, "A5")
    assert status == "fail"
    assert [result.sentences[i].text for i in evidence] == ["The minister reportedly offered to resign."]


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
    assert check(card, "A5")[2] == "1 sentence rests on a vague attribution"
    assert "the most used source (Ray Powell) carries" in check(card, "M3")[2]


def test_the_report_shows_one_total():
    from analyzer.io.articles import Article
    from analyzer.report.markdown import render_markdown
    from analyzer.run.local import ArticleResult

    sentences, attributions = article(S("Police said so.", official("Police")), S(), S())
    card = build_scorecard("test", sentences, attributions, rules_version="v1")
    text = render_markdown(ArticleResult(Article("test", "x"), sentences, attributions, card))
    assert f"| **Total** | **{card.score} / 100** | |" in text
