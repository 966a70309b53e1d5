"""Read articles from files, folders, standard input and JSONL; report bad input per item.

Readers yield Article or InputError, never raise for a user's mistake: one bad file or
line must not stop the others (the CLI counts the errors and picks the exit code).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class Article:
    id: str
    text: str
    outlet: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    origin: str = ""          # the file the article came from
    line: Optional[int] = None  # its line in a JSONL file


Item = Union[Article, InputError]


def decode_text(data: bytes, origin: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(origin, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"not UTF-8 text (invalid byte at offset {exc.start})") from None


def read_text_file(path: Path) -> Item:
    origin = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return InputError(origin, "no such file")
    except IsADirectoryError:
        return InputError(origin, "is a folder")
    except OSError as exc:
        return InputError(origin, f"cannot read: {exc.strerror or exc}")
    try:
        text = decode_text(data, origin)
    except InputError as exc:
        return exc
    if not text.strip():
        return InputError(origin, "empty file, no text to analyse")
    return Article(id=path.stem, text=text, origin=origin)


def _optional_str(record: dict, key: str) -> Optional[str]:
    value = record.get(key)
    return value if isinstance(value, str) and value.strip() else None


def read_jsonl(stream: Iterable[bytes], origin: str) -> Iterator[Item]:
    for number, raw in enumerate(stream, start=1):
        try:
            line = decode_text(raw, origin).strip()
        except InputError as exc:
            yield InputError(origin, exc.message, line=number)
            continue
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(origin, f"not valid JSON ({exc.msg})", line=number)
            continue
        if not isinstance(record, dict):
            yield InputError(origin, "expected a JSON object with a \"text\" field", line=number)
            continue
        article_id = record.get("id")
        article_id = str(article_id) if article_id not in (None, "") else f"{Path(origin).stem}-{number}"
        text = record.get("text")
        if not isinstance(text, str):
            yield InputError(origin, "no \"text\" string in this record", line=number, article_id=article_id)
            continue
        if not text.strip():
            yield InputError(origin, "empty \"text\"", line=number, article_id=article_id)
            continue
        yield Article(article_id, text, _optional_str(record, "outlet"), _optional_str(record, "title"),
                      _optional_str(record, "url"), origin, number)


def read_stdin(stream: Optional[IO[bytes]] = None) -> Iterator[Item]:
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read()
    try:
        text = decode_text(data, "<stdin>")
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError("<stdin>", "empty input, no text to analyse")
        return
    yield Article("stdin", text, origin="<stdin>")


def read_inputs(inputs: Iterable[str], stdin: Optional[IO[bytes]] = None) -> Iterator[Item]:
    """Every article named by the inputs, in order; folders give their .txt/.md/.jsonl files."""
    for name in inputs:
        if name == "-":
            yield from read_stdin(stdin)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
            if not files:
                yield InputError(name, "folder has no .txt, .md or .jsonl files")
            for file in files:
                yield from read_file(file)
        else:
            yield from read_file(path)


def read_file(path: Path) -> Iterator[Item]:
    if not path.exists():
        yield InputError(str(path), "no such file or folder")
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with path.open("rb") as stream:
                yield from read_jsonl(stream, str(path))
        except OSError as exc:
            yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield read_text_file(path)
