"""Read articles from files, folders, standard input, URLs, HTML pages and batch files
(JSONL, CSV, Parquet); report bad input per item.

Readers yield Article or InputError, never raise for a user's mistake: one bad file, line,
row or page must not stop the others (the CLI counts the errors and picks the exit code).
Batch files are read as a stream (line by line, CSV record by record, Parquet batch by
batch), so a large file is never loaded whole.

An article's `text` is the decoded text exactly as given (line ends are not normalised):
the offsets in sentences.csv index it. See analyzer.encodings for how bytes become text.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from functools import partial
from typing import IO, Callable, Iterable, Iterator, Optional, Union

from ..errors import InputError
from .articles import (CSV_SUFFIXES, FOLDER_SUFFIXES, HTML_SUFFIXES, JSONL_SUFFIXES, PARQUET_SUFFIXES,
                       PDF_SUFFIXES, Article, Item, ReadOptions, decode_text)
from .encodings import DecodeError, decode_bytes
from .feeds import read_csv, read_jsonl, read_jsonl_file, read_parquet
from .fetch import FetchOptions, Page, article_id_from_url, extract, fetch_page, is_url


def _read_bytes(path: Path) -> Union[bytes, InputError]:
    origin = str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return InputError(origin, "no such file")
    except IsADirectoryError:
        return InputError(origin, "is a folder")
    except OSError as exc:
        return InputError(origin, f"cannot read: {exc.strerror or exc}")


def read_text_file(path: Path, options: Optional[ReadOptions] = None) -> Item:
    options = options or ReadOptions()
    origin = str(path)
    data = _read_bytes(path)
    if isinstance(data, InputError):
        return data
    try:
        decoded = decode_bytes(data, options.encoding)
    except DecodeError as exc:
        return InputError(origin, exc.message, stage="decode")
    if not decoded.text.strip():
        return InputError(origin, "empty file, no text to analyse")
    return Article(id=path.stem, text=decoded.text, origin=origin, encoding=decoded.encoding)


def read_html_file(path: Path, options: Optional[ReadOptions] = None) -> Item:
    """A saved web page: the article body, title, publisher (-> outlet) and date, offline."""
    options = options or ReadOptions()
    origin = str(path)
    data = _read_bytes(path)
    if isinstance(data, InputError):
        return data
    if not data.strip():
        return InputError(origin, "empty file, no text to analyse")
    try:
        page = extract(data, origin, encoding=options.encoding)
    except InputError as exc:
        return exc
    return Article(id=path.stem, text=page.text, outlet=page.publisher, title=page.title, url=page.url,
                   origin=origin, date=page.date, encoding=page.encoding)


def read_pdf_file(path: Path) -> Item:
    """A text-based PDF (pdf.py); a scanned one is an InputError that says so."""
    from .pdf import pdf_text

    origin = str(path)
    data = _read_bytes(path)
    if isinstance(data, InputError):
        return data
    try:
        return Article(id=path.stem, text=pdf_text(data, origin), origin=origin)
    except InputError as exc:
        return exc


def read_url(url: str, options: Optional[ReadOptions] = None, fetch: Optional[Callable[[str], Page]] = None) -> Item:
    """Fetch a page and extract its article; the publisher becomes the outlet."""
    options = options or ReadOptions()
    scheme = url.split("://", 1)[0].lower() if "://" in url else None
    if scheme not in ("http", "https"):
        problem = f"unsupported URL scheme {scheme!r}" if scheme else "not a web address"
        return InputError(url, f"{problem} (only http:// and https:// addresses)", stage="fetch")
    fetch = fetch or partial(fetch_page, options=options.fetch)
    try:
        page = fetch(url)
    except InputError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a fetcher's failure is this input's failure
        return InputError(url, f"fetch failed ({exc.__class__.__name__}: {exc})", stage="fetch")
    try:
        extracted = extract(page.data, url, url=page.url or url, charset=page.charset, encoding=options.encoding)
    except InputError as exc:
        return exc
    return Article(id=article_id_from_url(url), text=extracted.text, outlet=extracted.publisher,
                   title=extracted.title, url=extracted.url or page.url or url, origin=url, date=extracted.date,
                   encoding=extracted.encoding)


# --- records: JSONL lines, CSV rows, Parquet rows --------------------------------------------

# --- standard input, files, folders ----------------------------------------------------------

def read_stdin(stream: Optional[IO[bytes]] = None, options: Optional[ReadOptions] = None) -> Iterator[Item]:
    options = options or ReadOptions()
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read()
    try:
        decoded = decode_bytes(data, options.encoding)
    except DecodeError as exc:
        yield InputError("<stdin>", exc.message, stage="decode")
        return
    if not decoded.text.strip():
        yield InputError("<stdin>", "empty input, no text to analyse")
        return
    yield Article("stdin", decoded.text, origin="<stdin>", encoding=decoded.encoding)


def read_inputs(inputs: Iterable[str], stdin: Optional[IO[bytes]] = None, options: Optional[ReadOptions] = None, *,
                text_column: Optional[str] = None, id_column: Optional[str] = None,
                outlet_column: Optional[str] = None, encoding: Optional[str] = None,
                fetch: Optional[Callable[[str], Page]] = None) -> Iterator[Item]:
    """Every article named by the inputs, in order.

    An input is `-` (standard input), an http(s) URL, a folder (its .txt/.md/.html/.jsonl
    files, sorted), or a file read by its suffix: .html/.htm (a saved page), .jsonl, .csv/.tsv,
    .parquet, anything else as text. Keyword arguments override fields of `options`; `fetch`
    (url -> Page, raising InputError) replaces the HTTP client, for tests.
    """
    options = options or ReadOptions()
    overrides = {"text_column": text_column, "id_column": id_column, "outlet_column": outlet_column,
                 "encoding": encoding}
    overrides = {k: v for k, v in overrides.items() if v is not None}
    if overrides:
        options = replace(options, **overrides)
    for name in inputs:
        if name == "-":
            yield from read_stdin(stdin, options)
            continue
        if is_url(name):
            yield read_url(name, options, fetch)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES)
            if not files:
                yield InputError(name, "folder has no .txt, .md, .html or .jsonl files")
            for file in files:
                yield from read_file(file, options)
        else:
            yield from read_file(path, options)


def with_outlet(items: Iterable[Item], outlet: Optional[str]) -> Iterator[Item]:
    """The items with `outlet` (--outlet: the articles' own publisher) set on every article."""
    for item in items:
        if outlet and isinstance(item, Article):
            item.outlet = outlet
        yield item


def read_file(path: Path, options: Optional[ReadOptions] = None) -> Iterator[Item]:
    options = options or ReadOptions()
    if not path.exists():
        yield InputError(str(path), "no such file or folder")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, options)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv(path, options)
    elif suffix in PARQUET_SUFFIXES:
        yield from read_parquet(path, options)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path, options)
    elif suffix in PDF_SUFFIXES:
        yield read_pdf_file(path)
    else:
        yield read_text_file(path, options)


__all__ = ["Article", "InputError", "Item", "ReadOptions", "FetchOptions", "Page", "read_inputs", "read_file",
           "read_text_file", "read_html_file", "read_pdf_file", "read_url", "read_jsonl", "read_jsonl_file", "read_csv",
           "read_parquet", "read_stdin", "decode_text", "with_outlet"]
