"""What a classroom page carries from one request to the next, and the files a class exchanges.

Nothing is kept on the server between requests, so each page carries its article in a hidden
form field, `article`: the article as one line of a gold file (README "Gold format": id,
outlet, text, and sentences with labels) in base64url, so newlines and any character survive
the form exactly. The server analyses the text again on each request (the same text, the same
rules, the same sentences) and reads what the user set from the form fields beside it: one
radio group per sentence in an exercise (`answer-<n>`), one set of check boxes in a correction
(`labels-<n>`).

An exercise file, an answer key and a desk's corrections are all the same thing: one line of a
gold file, read by score/evaluation.py's own parser, so `sourcing evaluate` reads every file
the page hands out, and the page reads every gold line back.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import PurePath
from typing import Mapping, Optional, Sequence

from ..io.articles import Article
from ..labels import LABELS
from ..records import Sentence
from ..score.evaluation import GoldArticle, GoldFileError, PredictedSentence, inside, parse_gold_line
from .inputs import SubmissionError, Upload

LESSON_SUFFIXES = {".json", ".jsonl"}
EXERCISE_MEDIA_TYPE = "application/jsonl"
NO_LABEL = ""  # the value of the "none" radio button of an exercise


@dataclass(frozen=True)
class Lesson:
    """The article a classroom page works on, and the labels a file gave its sentences (an
    answer key, or a desk's corrections): None when the file had none."""

    article: Article
    key: Optional[GoldArticle] = None

    @classmethod
    def of_gold(cls, gold: GoldArticle, title: Optional[str] = None) -> "Lesson":
        labelled = [s for s in gold.sentences if s.labels is not None and not s.heading]
        article = Article(gold.id, gold.text, gold.outlet, title=title, origin="exercise file")
        return cls(article, gold if labelled else None)

    def record(self, with_key: bool = True) -> dict:
        """The lesson as a gold line (without the key's sentences when `with_key` is false)."""
        sentences = [{"start": s.start, "end": s.end, "labels": sorted(s.labels), "heading": s.heading}
                     for s in (self.key.sentences if self.key and with_key else []) if s.labels is not None]
        record = {"id": self.article.id, "outlet": self.article.outlet, "text": self.article.text, "sentences": sentences}
        if self.article.title:
            record["title"] = self.article.title
        return record

    def token(self, with_key: bool = True) -> str:
        return encode(self.record(with_key))


def encode(record: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(record, ensure_ascii=False).encode("utf-8")).decode("ascii")


def from_token(token: str, max_chars: int) -> Lesson:
    """The lesson a page carried; SubmissionError when the field is missing or damaged."""
    if not token.strip():
        raise SubmissionError("This page was opened without its article; start again from the classroom page.")
    try:
        line = base64.urlsafe_b64decode(token.strip().encode("ascii")).decode("utf-8")
    except (ValueError, binascii.Error, UnicodeError):
        raise SubmissionError("The page's article field is damaged; start again from the classroom page.") from None
    return _lesson_of_line(line, "the page's article field", max_chars)


def from_file(upload: Upload, max_chars: int) -> Lesson:
    """An exercise file (or a desk's corrections): one article as a gold line."""
    name = PurePath(upload.name.replace("\\", "/")).name or "exercise file"
    lines = [line for line in upload.data.decode("utf-8-sig", errors="replace").splitlines() if line.strip()]
    if not lines:
        raise SubmissionError(f"{name}: the file is empty.")
    if len(lines) > 1:
        raise SubmissionError(f"{name}: an exercise file holds one article; this one holds {len(lines)} lines. "
                              "Open one article at a time.")
    return _lesson_of_line(lines[0], name, max_chars)


def is_lesson_file(upload: Optional[Upload]) -> bool:
    """A .json or .jsonl file whose article has a "sentences" list: an exercise or a gold line
    (a .jsonl batch of articles has none)."""
    if upload is None or PurePath(upload.name.lower()).suffix not in LESSON_SUFFIXES:
        return False
    first = next((line for line in upload.data.decode("utf-8-sig", errors="replace").splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict) and "sentences" in json.loads(first)
    except json.JSONDecodeError:
        return False


def _lesson_of_line(line: str, where: str, max_chars: int) -> Lesson:
    try:
        gold = parse_gold_line(line, where, 1)
    except GoldFileError as exc:
        raise SubmissionError(f"Cannot open {where}: {exc.message}.", 422) from None
    if len(gold.text) > max_chars:
        raise SubmissionError(f"Cannot open {where}: the article is {len(gold.text):,} characters long; this server "
                              f"analyses articles of up to {max_chars:,} characters.", 413)
    title = json.loads(line).get("title")
    return Lesson.of_gold(gold, title if isinstance(title, str) and title.strip() else None)


def key_labels(key: Optional[GoldArticle], sentences: Sequence[Sentence]) -> Optional[dict[int, frozenset]]:
    """The key's labels of each analysed sentence: those of the key sentences it lies mostly
    inside (the rule `sourcing evaluate` matches sentences by); None without a key."""
    if key is None:
        return None
    out = {}
    for s in sentences:
        predicted = PredictedSentence(s.start_char, s.end_char)
        matched = [g for g in key.sentences if g.labels is not None and inside(predicted, g)]
        out[s.index] = frozenset().union(*(g.labels for g in matched))
    return out


def form_labels(values: Mapping[str, Sequence[str]], prefix: str, sentences: Sequence[Sentence]) -> dict[int, list[str]]:
    """The labels the form set on each sentence (`<prefix><index>`: one value per check box or
    the radio button chosen); a label name the page never offered is refused."""
    out = {}
    for s in sentences:
        if s.is_heading:
            continue
        chosen = [v for v in values.get(f"{prefix}{s.index}", []) if v != NO_LABEL]
        unknown = [v for v in chosen if v not in LABELS]
        if unknown:
            raise SubmissionError(f"Sentence {s.index}: {unknown[0][:40]!r} is not a label "
                                  f"(labels: {', '.join(LABELS)}).")
        out[s.index] = chosen
    return out


def check_sentence_count(expected: str, sentences: Sequence[Sentence]) -> None:
    """The page was made from the same analysis this request found (the rules did not change
    between the two)."""
    if expected and expected != str(len(sentences)):
        raise SubmissionError("The article was analysed differently this time (the server's rules changed?); "
                              "start again from the classroom page.", 409)
