"""What a teacher reads on the page when the input is odd: a pasted article keeps its title
(and an id of its own), a reloaded result goes back to the form, and the messages for a host
that does not exist, a refused address, a line of broken JSON or a word that is no address are
plain sentences."""

from __future__ import annotations

import httpx
import pytest

from analyzer.io.addresses import AddressRefused
from analyzer.io.feeds import read_jsonl
from analyzer.io.ingest import read_url
from analyzer.web.app import create_app
from analyzer.web.inputs import pasted_article
from analyzer.web.settings import ServerSettings

from webserver import running

TITLED = ("Council Votes for Bus Lanes\n\n"
          "The city council voted 7-2 on Tuesday to add bus lanes on Main Street.\n\n"
          "\"This will cut commutes,\" Mayor Ana Ruiz said.\n")


@pytest.fixture(scope="module")
def server(analyzer):
    with running(create_app(ServerSettings(), analyzer)) as base:
        yield base


def test_a_pasted_article_keeps_its_title_and_an_id_of_its_own():
    article = pasted_article(TITLED)
    assert article.title == "Council Votes for Bus Lanes"
    assert article.id == "pasted-text-council-votes-for-bus-lanes"
    assert pasted_article("Police said two men were arrested.").id == "pasted-text"


def test_the_report_of_a_pasted_article_is_titled_by_it(server):
    page = httpx.post(server + "/analyze", data={"text": TITLED}, files={"file": ("", b"")}, timeout=120)
    assert page.status_code == 200
    assert "<title>Sourcing report: Council Votes for Bus Lanes</title>" in page.text


def test_a_reloaded_result_goes_back_to_the_form_and_head_is_answered(server):
    again = httpx.get(server + "/analyze", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == "/"
    assert httpx.head(server + "/").status_code == 200


def test_a_host_that_does_not_exist_is_said_plainly():
    error = read_url("https://no-such-host.invalid/news")
    assert error.message == "no such host: the address's host name could not be found"


@pytest.mark.parametrize("text, expected", [("javascript:alert(1)", "not a web address"),
                                            ("ftp://example.org/a", "unsupported URL scheme 'ftp'")])
def test_what_is_no_web_address(text, expected):
    assert read_url(text).message.startswith(expected)


def test_an_unspecified_address_reads_as_english():
    assert str(AddressRefused("0.0.0.0", "0.0.0.0", "unspecified")).endswith("an unspecified address")


def test_a_broken_json_line_says_where():
    [error] = list(read_jsonl(['{"id": "a", "text": "unterminated'], "feed.jsonl"))
    assert error.message == "not valid JSON (Unterminated string starting at column 21)"
