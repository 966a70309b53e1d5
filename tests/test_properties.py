"""Property tests on random text: the analyzer never fails, every sentence lies within the
text and is the text at its offsets, sentences do not overlap and come in order.

Random unicode, quotation marks of every kind (often unmatched), empty lines, CRLF, very long
tokens, and news-like sentences with attribution cues mixed with all of that.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.run.local import ArticleResult

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

QUOTES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a", "``",
          "''", "\u300c", "\u300d"]
BREAKS = ["\n", "\r\n", "\n\n", "\r\n\r\n", "\r", "\u2028", "\u2029", "\n \n", "\t"]
WORDS = ["said", "told", "according", "to", "officials", "a", "senior", "official", "Reuters", "police", "The",
         "mayor", "reportedly", "Kremlin", "spokesman", "Dmitry", "Peskov", "satellite", "images", "show", "report",
         "found", "declined", "comment", "He", "added", "sources", "familiar", "with", "the", "matter", "Mr.",
         "U.S.", "e.g.", "No.", "3.5", "per", "cent", "CNN", "who", "spoke", "on", "condition", "of", "anonymity"]
PUNCT = [".", ",", ";", ":", "?", "!", "...", "\u2026", "\u2014", "-", "(", ")", "[", "]"]

token = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(QUOTES),
    st.sampled_from(PUNCT),
    st.text(alphabet=string.ascii_letters, min_size=200, max_size=3000),  # very long tokens
    st.text(min_size=1, max_size=12),  # any unicode (no surrogates: not characters)
)
separator = st.one_of(st.just(" "), st.just(" "), st.just(""), st.sampled_from(BREAKS))
news_like = st.lists(st.tuples(token, separator), min_size=1, max_size=120).map(
    lambda pairs: "".join(t + s for t, s in pairs))
random_unicode = st.text(max_size=400)
quotes_and_lines = st.lists(st.one_of(st.sampled_from(QUOTES), st.sampled_from(BREAKS), st.sampled_from(WORDS),
                                      st.just(" ")), max_size=80).map("".join)


def check(analyzer, text: str) -> None:
    result = analyzer.analyze_text(text)
    assert isinstance(result, ArticleResult), getattr(result, "message", result)  # failures come back as errors
    previous_end = 0
    for index, sentence in enumerate(result.sentences):
        start, end = sentence.start_char, sentence.end_char
        assert sentence.index == index
        assert 0 <= start <= end <= len(text), (start, end, len(text))
        assert previous_end <= start, "sentences overlap or are out of order"
        assert text[start:end] == sentence.text
        previous_end = end
    for attribution in result.attributions:
        assert 0 <= attribution.start_char <= attribution.end_char <= len(text)
        assert 0 <= attribution.sentence_index < len(result.sentences)
    assert 0 <= result.scorecard.score <= 100


@SETTINGS
@given(text=news_like)
def test_news_like_text(analyzer, text):
    check(analyzer, text)


@SETTINGS
@given(text=random_unicode)
def test_random_unicode(analyzer, text):
    check(analyzer, text)


@SETTINGS
@given(text=quotes_and_lines)
def test_quotation_marks_and_empty_lines(analyzer, text):
    check(analyzer, text)
