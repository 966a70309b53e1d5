"""Files of labelled or rated articles (gold files for `sourcing evaluate`, ratings files for
`sourcing calibrate`): one JSON object per line with an "id", a "text" and an optional
"outlet". What both kinds share — reading the lines, the article fields, duplicate ids — is
here, so a bad line gets the same one-line error naming the file and the line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Optional, TypeVar

from ..errors import AnalyzerError

Parsed = TypeVar("Parsed")


class ArticleFileError(AnalyzerError):
    """A file of articles that cannot be read; names the file and, where there is one, the line."""

    kind = "articles"  # what the file is, in messages: "gold", "ratings"

    def __init__(self, path: str | Path, message: str, line: Optional[int] = None):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(self.one_line())

    def __reduce__(self):
        return (self.__class__, (self.path, self.message, self.line))

    def one_line(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


def article_fields(line: str, fail: Callable[[str], None], list_key: str) -> tuple[str, str, Optional[str], dict]:
    """(id, text, outlet, record) of one line; `fail(message)` raises for the first problem.
    An empty outlet means "not known", as in `sourcing analyze` input."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        fail(f"not valid JSON ({exc.msg})")
    if not isinstance(record, dict):
        fail(f"expected a JSON object with \"id\", \"text\" and \"{list_key}\"")
    for key in ("id", "text", list_key):
        if key not in record:
            fail(f"missing \"{key}\"")
    article_id = record["id"]
    if not isinstance(article_id, (str, int)) or isinstance(article_id, bool) or str(article_id) == "":
        fail("\"id\" must be a non-empty string")
    text = record["text"]
    if not isinstance(text, str) or not text.strip():
        fail("\"text\" must be a non-empty string")
    outlet = record.get("outlet")
    if outlet is not None and not isinstance(outlet, str):
        fail("\"outlet\" must be a string or null")
    return str(article_id), text, (outlet if outlet and outlet.strip() else None), record


def read_article_file(path: str | Path, parse_line: Callable[[str, str, int], Parsed],
                      error: type[ArticleFileError]) -> list[Parsed]:
    """Every article of the file, parsed by `parse_line(line, path, number)`; the first problem
    raises `error` (a byte-order mark is allowed; blank lines are skipped; ids are unique)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except IsADirectoryError:
        raise error(path, f"is a folder, not a {error.kind} .jsonl file") from None
    except OSError as exc:
        raise error(path, f"cannot read: {exc.strerror or exc}") from None
    articles: list[Parsed] = []
    first_line: dict[str, int] = {}
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise error(path, f"not UTF-8 text (invalid byte at column {exc.start + 1})", number) from None
        if not line.strip():
            continue
        article = parse_line(line, str(path), number)
        if article.id in first_line:
            raise error(path, f"duplicate id {article.id!r} (first on line {first_line[article.id]})", number)
        first_line[article.id] = number
        articles.append(article)
    if not articles:
        raise error(path, "no articles (expected one JSON object per line)")
    return articles
