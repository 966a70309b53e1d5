"""Who is quoted (issue 11, item 3): the distinct sources of an article, from hand-built
records (score/who_is_quoted.py is a pure function), and sources.csv, report.md and report.html
from one `sourcing analyze --out` run."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from analyzer.records import Attribution, Sentence
from analyzer.report.tables import SOURCE_COLUMNS
from analyzer.score.facts import ANON_HEDGE
from analyzer.score.who_is_quoted import SourceEntry, who_is_quoted
from htmlpage import Page


def att(index: int, label: str, source: str, resolved: str = "", key=None, rule: str = "official.title_of_body",
        cue: str = "said", outlet=None, speaker: bool = True, start: int = 0) -> Attribution:
    return Attribution(sentence_index=index, label=label, source=source, resolved_source=resolved or source,
                       cue=cue, quote_type="indirect", start_char=start, end_char=start + len(source), rule_id=rule,
                       cue_rule_id="cue.say_verbs", outlet=outlet, speaker=speaker, source_key=key)


def sentences(count: int, headings: tuple[int, ...] = ()) -> list[Sentence]:
    return [Sentence(i, 0, 0, i in headings, f"sentence {i}") for i in range(count)]


def by_name(entries: list[SourceEntry]) -> dict[str, SourceEntry]:
    return {e.name: e for e in entries}


def test_titled_person_named_again_by_surname_and_pronoun_is_one_source():
    full = "CIA Director William Burns"
    rows = [att(1, "named-official", full, key="William Burns"),
            att(3, "named-official", "Burns", full, key="William Burns", rule="ref.name"),
            att(4, "named-official", "he", full, key="William Burns", rule="ref.pronoun")]
    assert who_is_quoted(sentences(5), rows) == [SourceEntry(
        name=full, label="named-official", role="CIA Director", spoke_to="", sentences=3, first_sentence=1,
        first_mention=full)]


def test_role_after_the_name_and_fullest_name_from_a_later_mention():
    rows = [att(0, "named-official", "Sullivan", key="Jake Sullivan", rule="ref.name"),
            att(2, "named-official", "Jake Sullivan, the national security adviser", key="Jake Sullivan")]
    [entry] = who_is_quoted(sentences(3), rows)
    assert (entry.name, entry.role) == ("Jake Sullivan, the national security adviser", "the national security adviser")
    assert (entry.first_sentence, entry.first_mention, entry.sentences) == (0, "Sullivan", 2)


def test_anonymous_official_who_told_cnn_spoke_to_cnn():
    rows = [att(2, "anonymous", "a US official", rule="anon.descriptor", cue="told"),
            att(2, "secondary-outlet", "CNN", rule="outlet.us_broadcasters", cue="told", outlet="CNN", speaker=False,
                start=20)]
    official, cnn = who_is_quoted(sentences(3), rows)
    assert (official.name, official.label, official.spoke_to, official.role) == ("a US official", "anonymous", "CNN", "")
    assert (cnn.name, cnn.label, cnn.spoke_to) == ("CNN", "secondary-outlet", "")


def test_two_outlets_spoken_to_and_an_outlet_named_two_ways_is_one():
    rows = [att(0, "anonymous", "two diplomats", rule="anon.descriptor", cue="told"),
            att(0, "secondary-outlet", "CNN", cue="told", outlet="CNN", speaker=False, start=30),
            att(0, "secondary-outlet", "NYT", cue="told", outlet="The New York Times", speaker=False, start=38),
            att(1, "secondary-outlet", "The New York Times", cue="reported", outlet="The New York Times")]
    entries = by_name(who_is_quoted(sentences(2), rows))
    assert list(entries) == ["two diplomats", "CNN", "The New York Times"]
    assert entries["two diplomats"].spoke_to == "CNN; The New York Times"
    nyt = entries["The New York Times"]
    assert (nyt.sentences, nyt.first_mention, nyt.first_sentence) == (2, "NYT", 0)


def test_an_outlet_on_another_cue_is_not_spoken_to():
    """"According to Sullivan, images obtained by CNN show ...": Sullivan did not speak to CNN."""
    rows = [att(0, "named-official", "Jake Sullivan", key="Jake Sullivan", cue="According to"),
            att(0, "secondary-outlet", "CNN", cue="obtained by", outlet="CNN", speaker=False, start=40)]
    assert by_name(who_is_quoted(sentences(1), rows))["Jake Sullivan"].spoke_to == ""


def test_hedges_and_headings_are_left_out():
    rows = [att(0, "named-official", "Mayor Jane Doe", key="Jane Doe"),
            att(1, "anonymous", "reportedly", "", rule=ANON_HEDGE, cue="reportedly", speaker=False),
            att(2, "anonymous", "reportedly", "", rule=ANON_HEDGE, cue="reportedly", speaker=False),
            att(3, "named-official", "Police", rule="official.bodies")]
    assert [e.name for e in who_is_quoted(sentences(4, headings=(3,)), rows)] == ["Mayor Jane Doe"]


def test_names_keep_their_case_and_compare_without_it():
    rows = [att(0, "named-other", "Jane McAllister-Ng", key="Jane McAllister-Ng", rule="named.person"),
            att(1, "named-other", "JANE MCALLISTER-NG", key="jane mcallister-ng", rule="named.person"),
            att(2, "named-other", "economist Jane McAllister-Ng", key="Jane McAllister-Ng", rule="named.person")]
    [entry] = who_is_quoted(sentences(3), rows)
    assert (entry.name, entry.role, entry.sentences) == ("economist Jane McAllister-Ng", "economist", 3)


def test_label_is_the_most_frequent_and_a_tie_goes_by_label_order():
    rows = [att(0, "named-other", "Jane Doe", key="Jane Doe"), att(1, "named-official", "Jane Doe", key="Jane Doe"),
            att(2, "named-other", "Jane Doe", key="Jane Doe"), att(3, "document", "the report", rule="doc.x"),
            att(4, "named-official", "the report", rule="doc.x")]
    entries = by_name(who_is_quoted(sentences(5), rows))
    assert entries["Jane Doe"].label == "named-other"
    assert entries["the report"].label == "named-official"  # 1-1: named-official comes first in LABELS


def test_no_attributions_no_sources():
    assert who_is_quoted(sentences(2), []) == []


# --- sourcing analyze --out: sources.csv, report.md, report.html ------------------------------

STORY = ("Bridge Repairs\n\nCity engineer Maria Lopez said the bridge will reopen in May. "
         "Lopez said the repairs cost $2 million. "
         "A city official told Reuters that the work had been delayed.\n")


@pytest.fixture(scope="module")
def out_run(cli, tmp_path_factory):
    base = tmp_path_factory.mktemp("sources")
    story = base / "bridge.txt"
    story.write_text(STORY, encoding="utf-8")
    result = cli.invoke(["analyze", story, "--out", base / "out"])
    return SimpleNamespace(result=result, out=base / "out")


def test_out_writes_sources_csv(cli, out_run):
    cli.assert_no_traceback(out_run.result)
    assert out_run.result.exit_code == 0, out_run.result.stderr
    header, rows = cli.read_csv(out_run.out / "sources.csv")
    assert header == SOURCE_COLUMNS
    names = {row["name"]: row for row in rows}
    assert all(row["article_id"] == "bridge" for row in rows)
    lopez = names["City engineer Maria Lopez"]
    assert (lopez["role"], lopez["sentences"], lopez["first_mention"]) == ("City engineer", "2", "City engineer Maria Lopez")
    assert names["A city official"]["spoke_to"] == "Reuters"


def test_reports_show_who_is_quoted(cli, out_run):
    _, csv_rows = cli.read_csv(out_run.out / "sources.csv")
    markdown = (out_run.out / "report.md").read_text(encoding="utf-8")
    assert "## Who is quoted" in markdown
    lopez = next(line for line in markdown.splitlines() if line.startswith("| City engineer Maria Lopez |"))
    assert lopez.endswith("| City engineer |  | 2 | [1] City engineer Maria Lopez |")  # the label is the rules' call
    page = Page((out_run.out / "report.html").read_text(encoding="utf-8"))
    assert len(page.with_class("source", "tr")) == len(csv_rows)
    section = page.inner["sources"]
    assert "Who is quoted" in section and "City engineer Maria Lopez" in section and "Reuters" in section
