"""Direction tests for the scorecard (analyzer/score/checks.py): better sourcing never scores lower.

For every check there is a pair of short invented articles, a weaker one and a better-sourced
one that differ only in the practice the check measures. The better one must earn strictly
more points on that check, and its total must not be lower. All articles go through the real
pipeline in one `analyzer.analyze` call (module fixture). Pairs marked xfail are findings:
natural news wording that does not move the check, or moves the total the wrong way.
"""

from __future__ import annotations

import pytest

import analyzer

# Shared sentences: a city budget story and a flood story.
MAYOR = "Mayor Jill Hartman said on Tuesday that the city would cut spending by 4 percent next year."
VOTE = "The council is expected to vote on the plan next week."
FLOOD = "The river rose two metres overnight and flooded the lower town, Mayor Jill Hartman said."
CREWS = "Rescue crews worked through the night."
MEMO = "The cuts would save the city $30 million, according to a Finance Department memo."
RESIDENT = "Ana Ruiz, who lives near the central library, said the closures would hurt families."


def pair(row_id: str, check_id: str, weak: str, strong: str, xfail: str = ""):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(row_id, check_id, weak, strong, id=row_id, marks=marks)


PAIRS = [
    # N1: an unnamed insider becomes a named official.
    pair("N1", "N1",
         f"{MAYOR} A city official said the cuts would fall hardest on the public libraries. {VOTE}",
         f"{MAYOR} Deputy Mayor Tom Ellis said the cuts would fall hardest on the public libraries. {VOTE}"),
    # N2: the second claim comes from a second named person instead of the mayor again.
    pair("N2", "N2",
         f"{MAYOR} Hartman said the cuts would fall hardest on the public libraries. {VOTE}",
         f"{MAYOR} Council member Rosa Diaz said the cuts would fall hardest on the public libraries. {VOTE}"),
    # A1: the named person gets an affiliation.
    pair("A1", "A1",
         f"{MAYOR} Tom Ellis said the cuts would fall hardest on the public libraries. {VOTE}",
         f"{MAYOR} Tom Ellis, the library board chairman, said the cuts would fall hardest on the public "
         f"libraries. {VOTE}"),
    # A2: the unnamed official says how they know and why they are unnamed.
    pair("A2", "A2",
         f"{MAYOR} A senior official said the cuts would fall hardest on the public libraries. {VOTE}",
         f"{MAYOR} A senior official who attended the budget meeting, and who was not authorised to speak "
         f"publicly, said the cuts would fall hardest on the public libraries. {VOTE}"),
    # A3: "critics say" becomes a named critic.
    pair("A3", "A3",
         f"{MAYOR} Critics say the cuts will fall hardest on the public libraries. {VOTE}",
         f"{MAYOR} Council member Rosa Diaz said the cuts will fall hardest on the public libraries. {VOTE}"),
    # A3, hedge: "reportedly" becomes a document.
    pair("A3-hedge", "A3",
         f"{MAYOR} The cuts will reportedly close three library branches. {VOTE}",
         f"{MAYOR} The cuts will close three library branches, according to a city audit released on Monday. {VOTE}"),
    # A4: a passer-by becomes an official, in a story that already has several kinds of source.
    pair("A4", "A4",
         f"{MAYOR} {MEMO} {RESIDENT} Mark Lee, a shopper outside the library, said the branch was always busy. {VOTE}",
         f"{MAYOR} {MEMO} {RESIDENT} Parks Commissioner Mark Lee said the branch was always busy. {VOTE}"),
    pair("A4-two-sources", "A4",
         f"{MAYOR} Mark Lee, a shopper outside the central library, said the branch was always busy. {VOTE}",
         f"{MAYOR} Parks Commissioner Mark Lee said the branch was always busy. {VOTE}"),
    pair("A4-director", "A4",
         f"{MAYOR} Mark Lee, a shopper outside the central library, said the branch was always busy. {VOTE}",
         f"{MAYOR} Library director Mark Lee said the branch was always busy. {VOTE}",
         xfail="'Library director Mark Lee' is labelled named-other (rule other.named_entity), not named-official, "
               "and is no expert, so informed_sources does not count him: A4 stays at 2.33 for both"),
    # M1: three claims from three people instead of one.
    pair("M1", "M1",
         f"{MAYOR} Hartman said the cuts would fall hardest on the public libraries. She said the city's pension "
         f"costs had doubled since 2019. {VOTE}",
         f"{MAYOR} Council member Rosa Diaz said the cuts would fall hardest on the public libraries. Budget "
         f"Director Paul Grant said the city's pension costs had doubled since 2019. {VOTE}"),
    # M2: the second claim rests on a document instead of the mayor again.
    pair("M2", "M2",
         f"{MAYOR} Hartman said the cuts would save the city $30 million. {VOTE}",
         f"{MAYOR} The cuts would save the city $30 million, according to a city audit released on Monday. {VOTE}"),
    # I3: the mayor carries two of four attributed sentences instead of three.
    pair("I3", "I3",
         f"{MAYOR} Hartman said the cuts would fall hardest on the public libraries. She said the city's pension "
         "costs had doubled since 2019. Council member Rosa Diaz said she would vote against the plan.",
         f"{MAYOR} Hartman said the cuts would fall hardest on the public libraries. Budget Director Paul Grant "
         "said the city's pension costs had doubled since 2019. Council member Rosa Diaz said she would vote "
         "against the plan."),
    # M3: "officials" becomes "two officials".
    pair("M3", "M3",
         f"{MAYOR} Officials familiar with the plan said the cuts would fall hardest on the public libraries. {VOTE}",
         f"{MAYOR} Two officials familiar with the plan said the cuts would fall hardest on the public libraries. "
         f"{VOTE}"),
    # V1: the damage figure rests on a report instead of the fire chief's word.
    pair("V1", "V1",
         f"{FLOOD} About 300 homes were damaged, Fire Chief Tom Ellis said. {CREWS}",
         f"{FLOOD} About 300 homes were damaged, according to a county damage report. {CREWS}"),
    # V2: the memo says whose it is.
    pair("V2", "V2",
         f"{MAYOR} The cuts would save the city $30 million, according to an internal memo. {VOTE}",
         f"{MAYOR} {MEMO} {VOTE}"),
    pair("V2-imagery", "V2",
         f"{FLOOD} Satellite images show that about 300 homes were damaged. {CREWS}",
         f"{FLOOD} Satellite images from Maxar Technologies show that about 300 homes were damaged. {CREWS}"),
    pair("V2-from", "V2",
         f"{MAYOR} The cuts would save the city $30 million, according to an internal memo. {VOTE}",
         f"{MAYOR} The cuts would save the city $30 million, according to a memo from the Finance Department. {VOTE}"),
    # V3: the relayed claim is marked unverified.
    pair("V3", "V3",
         f"{MAYOR} The Daily Ledger reported that the mayor's office had ordered the cuts in secret. {VOTE}",
         f"{MAYOR} The Daily Ledger reported that the mayor's office had ordered the cuts in secret, a claim that "
         f"could not be independently verified. {VOTE}"),
    # V4: an unattributed figure gets its source.
    pair("V4", "V4",
         f"{MAYOR} The cuts would save the city $30 million. Three library branches would close. The council is "
         "expected to vote next week. The budget runs to 1.2 billion dollars.",
         f"{MAYOR} The cuts would save the city $30 million, Hartman said. Three library branches would close. The "
         "council is expected to vote next week. The budget runs to 1.2 billion dollars."),
    # I1: a neighbour becomes an outside expert.
    pair("I1", "I1",
         f"{MAYOR} Ana Ruiz, who lives near the central library, said the cuts would hurt the city. {VOTE}",
         f"{MAYOR} Dr. Ana Ruiz, an economist at the University of Leeds, said the cuts would hurt the city. {VOTE}"),
    # I2: the company the story is about was asked.
    pair("I2", "I2",
         f"{MAYOR} The cuts would end a contract with Brightway Cleaning, which employs 200 people. {VOTE}",
         f"{MAYOR} The cuts would end a contract with Brightway Cleaning, which employs 200 people. The company "
         f"declined to comment. {VOTE}"),
    # M2, imagery: the damage figure rests on imagery instead of a second official.
    pair("M2-imagery", "M2",
         f"{FLOOD} About 300 homes were damaged, Fire Chief Tom Ellis said. {CREWS}",
         f"{FLOOD} Satellite images from Maxar Technologies show that about 300 homes were damaged. {CREWS}"),
    # I4: the article's own source instead of another outlet's report.
    pair("I4", "I4",
         f"{MAYOR} The Daily Ledger reported that the council would vote on the plan next week.",
         f"{MAYOR} Council clerk Mary Owens said the council would vote on the plan next week."),
]

OPINION = ("The city deserves better than this budget. Libraries are the heart of any neighbourhood. Cutting them "
           "is short-sighted and cruel. Our leaders have lost touch with ordinary people. It is time for a change "
           "of direction. Voters should remember this in November.")
POWELL = ("Fed Chair Jerome Powell said on Wednesday that inflation was cooling. Powell said the bank would hold "
          "rates steady. Powell added that the labour market remained strong. Maria Gomez said her mortgage "
          "payments had doubled. Markets rose after the announcement.")
TREASURY = ("Treasury Secretary Janet Molloy said the new tax credit would reach 4 million families. {} The "
            "program starts in January.")
FARES = "The city will raise bus fares by 10 percent in March. {} The increase is the first in six years."
EXTRA = {
    "opinion": OPINION,
    "powell": POWELL,
    "treasury-weak": TREASURY.format("Molloy said the credit would cost $12 billion a year."),
    "treasury-strong": TREASURY.format("The credit would cost $12 billion a year, according to a Treasury fact sheet."),
    "group": FARES.format("Critics say the plan is too costly."),
    "individual": FARES.format("A senior official said the plan was approved last week."),
}


@pytest.fixture(scope="module")
def analysis():
    articles = [{"id": f"{row_id}:{side}", "text": text}
                for row_id, _check, weak, strong in (p.values for p in PAIRS)
                for side, text in (("weak", weak), ("strong", strong))]
    articles += [{"id": key, "text": text} for key, text in EXTRA.items()]
    return analyzer.analyze(articles)


@pytest.fixture(scope="module")
def results(analysis):
    return {r.article.id: r for r in analysis.results}


def check_of(result, check_id):
    return next(c for c in result.scorecard.checks if c.id == check_id)


def describe(result, check_id) -> str:
    c = check_of(result, check_id)
    found = "; ".join(f"[{a.sentence_index}] {a.label} {a.source!r} ({a.rule_id})" for a in result.attributions)
    return (f"{result.article.id}: {check_id} {c.status} {c.points}/{c.max_points} ({c.explanation}); "
            f"total {result.scorecard.total}; attributions: {found}")


# -- each check moves the right way -------------------------------------------------------------

def test_every_check_has_a_passing_pair():
    from analyzer.score.checks import CHECKS

    plain = {p.values[1] for p in PAIRS if not p.marks}
    assert plain == {spec.id for spec in CHECKS}


@pytest.mark.parametrize("row_id, check_id, weak, strong", PAIRS)
def test_better_sourcing_earns_more_on_its_check(results, row_id, check_id, weak, strong):
    worse, better = results[f"{row_id}:weak"], results[f"{row_id}:strong"]
    message = f"\n  weak:   {describe(worse, check_id)}\n  strong: {describe(better, check_id)}"
    assert check_of(better, check_id).points > check_of(worse, check_id).points, message
    assert better.scorecard.total >= worse.scorecard.total, message


# -- the three principles on single articles ----------------------------------------------------

def test_an_article_with_no_attribution_scores_near_zero(results):
    card = results["opinion"].scorecard
    points = {c.id: (c.status, c.points) for c in card.checks}
    assert card.total < 15, points
    assert all(p == 0 for _status, p in points.values()), points
    assert results["opinion"].attributions == [], describe(results["opinion"], "N1")


def test_a1_counts_people_not_mentions(results):
    a1 = check_of(results["powell"], "A1")
    assert a1.explanation == "1 of 2 named people come with a title or affiliation", describe(results["powell"], "A1")
    assert a1.points == pytest.approx(a1.max_points / 2)


def test_n2_counts_a_named_document(results):
    weak, strong = results["treasury-weak"], results["treasury-strong"]
    message = f"\n  {describe(weak, 'N2')}\n  {describe(strong, 'N2')}"
    assert check_of(strong, "N2").points > check_of(weak, "N2").points, message
    assert check_of(strong, "N1").points >= check_of(weak, "N1").points, message
    assert strong.scorecard.counts["document"] == 1, message


def test_a_group_is_not_an_anonymous_individual(analysis, results):
    rows = analysis.attributions
    group = rows[(rows.article_id == "group") & (rows.label == "anonymous")]
    assert list(group.anonymous_kind) == ["group"], group.to_string()
    a2 = check_of(results["group"], "A2")
    assert a2.status == "n/a", describe(results["group"], "A2")


def test_an_unnamed_official_is_an_anonymous_individual(analysis, results):
    rows = analysis.attributions
    insider = rows[(rows.article_id == "individual") & (rows.label == "anonymous")]
    assert list(insider.anonymous_kind) == ["individual"], insider.to_string()
    a2 = check_of(results["individual"], "A2")
    assert a2.status != "n/a", describe(results["individual"], "A2")
