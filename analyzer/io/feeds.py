"""Batch files: JSONL, CSV/TSV and Parquet tables of articles, read as a stream (line by
line, record by record, batch by batch), so a large file is never loaded whole. One bad line or
row is an InputError naming the file and the line; the others are still read."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Optional, Union

from ..errors import InputError
from .articles import DEFAULT_ID_COLUMN, DEFAULT_OUTLET_COLUMN, Article, Item, ReadOptions, decode_text
from .encodings import escaped_bytes, guess_stream_encoding, normalise_encoding

def _optional_str(record: dict, key: Optional[str]) -> Optional[str]:
    value = record.get(key) if key is not None else None
    return value if isinstance(value, str) and value.strip() else None


def _replace_lone_surrogates(text: str) -> str:
    # "\ud800" in JSON is valid JSON but no character: it cannot be written as UTF-8. One
    # character for one, so offsets are unchanged.
    return re.sub(r"[\ud800-\udfff]", "\ufffd", text)


def _record_item(record: dict, origin: str, number: int, options: ReadOptions, what: str = "record",
                 column_word: str = "") -> Item:
    """An Article from one record (dict of field -> value), or the InputError that says why not."""
    text_key = options.text_column
    article_id = record.get(options.id_column)
    if isinstance(article_id, float) and article_id.is_integer():
        article_id = int(article_id)
    article_id = (str(article_id) if article_id not in (None, "") and not _is_nan(article_id)
                  else f"{Path(origin).stem}-{number}")
    text = record.get(text_key)
    if isinstance(text, (bytes, bytearray)):
        try:
            text = decode_text(bytes(text), origin, options.encoding)
        except InputError as exc:
            return InputError(origin, exc.message, line=number, article_id=article_id, stage="decode")
    if not isinstance(text, str):
        return InputError(origin, f"no \"{text_key}\" string in this {what}", line=number, article_id=article_id,
                          stage="parse")
    if not text.strip():
        return InputError(origin, f"empty \"{text_key}\"", line=number, article_id=article_id, stage="parse")
    return Article(article_id, _replace_lone_surrogates(text), _optional_str(record, options.outlet_column),
                   _optional_str(record, options.title_column), _optional_str(record, options.url_column),
                   origin, number)


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and value != value


def read_jsonl(stream: Iterable[Union[bytes, str]], origin: str, options: Optional[ReadOptions] = None,
               first_line: int = 1) -> Iterator[Item]:
    """One article per line; lines may be bytes (decoded one by one) or already text.
    `first_line` is the line number of the first line (a slice of a file, as a Dask worker reads)."""
    options = options or ReadOptions()
    for number, raw in enumerate(stream, start=first_line):
        if isinstance(raw, bytes):
            try:
                line = decode_text(raw, origin, options.encoding).strip()
            except InputError as exc:
                yield InputError(origin, exc.message, line=number, stage="decode")
                continue
        else:
            line = raw.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            # json's message names no place when it ends in "at": "Unterminated string starting at"
            where = f" column {exc.colno}" if exc.msg.endswith(" at") else ""
            yield InputError(origin, f"not valid JSON ({exc.msg}{where})", line=number, stage="parse")
            continue
        if not isinstance(record, dict):
            yield InputError(origin, f"expected a JSON object with a \"{options.text_column}\" field", line=number,
                             stage="parse")
            continue
        yield _record_item(record, origin, number, options)


def read_jsonl_file(path: Path, options: Optional[ReadOptions] = None) -> Iterator[Item]:
    options = options or ReadOptions()
    origin = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
            stream.seek(0)
            codec, skip = guess_stream_encoding(head, "utf-8")
            if codec.startswith(("utf-16", "utf-32")):
                stream.seek(skip)
                text = io.TextIOWrapper(stream, encoding=codec, errors="strict", newline="")
                try:
                    yield from read_jsonl(text, origin, options)
                except UnicodeDecodeError as exc:
                    yield InputError(origin, f"not {codec.upper()} text ({exc.reason})", stage="decode")
            else:
                yield from read_jsonl(stream, origin, options)
    except OSError as exc:
        yield InputError(origin, f"cannot read: {exc.strerror or exc}")


def _missing_required_columns(origin: str, names: list[str], options: ReadOptions,
                              line: Optional[int] = None) -> Optional[InputError]:
    """The text column must exist; id and outlet columns only when the user renamed them."""
    required = [options.text_column]
    if options.id_column != DEFAULT_ID_COLUMN:
        required.append(options.id_column)
    if options.outlet_column != DEFAULT_OUTLET_COLUMN:
        required.append(options.outlet_column)
    for column in required:
        if column not in names:
            shown = ", ".join(names[:20]) + (", ..." if len(names) > 20 else "")
            return InputError(origin, f"no \"{column}\" column (the columns are: {shown or 'none'})", line=line,
                              stage="parse")
    return None


def _sniff_delimiter(first_line: str, default: str) -> str:
    if default == "\t" or "," in first_line:
        return default
    counts = {d: first_line.count(d) for d in (";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else default


HEAD_BYTES = 65536  # what a CSV file's encoding is judged by
_CSV_LIMIT_SET = False


def _raise_csv_field_limit() -> None:
    # The csv module refuses fields over 128 KiB; an article can be longer.
    global _CSV_LIMIT_SET
    if not _CSV_LIMIT_SET:
        csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
        _CSV_LIMIT_SET = True


def read_csv(path: Path, options: Optional[ReadOptions] = None) -> Iterator[Item]:
    """One article per row, streamed record by record. `line` is the line the record starts on
    (the header is line 1), so `file:line` points into the file as an editor shows it."""
    options = options or ReadOptions()
    origin = str(path)
    _raise_csv_field_limit()
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(origin, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        head = stream.read(HEAD_BYTES)
        if not head.strip():
            yield InputError(origin, "empty file, no rows")
            return
        codec, skip = guess_stream_encoding(head, options.encoding, final=len(head) < HEAD_BYTES)
        if b"\x00" in head and not codec.startswith(("utf-16", "utf-32")):
            yield InputError(origin, "binary file, not CSV text", stage="decode")
            return
        stream.seek(skip)
        text = io.TextIOWrapper(stream, encoding=codec, errors="surrogateescape", newline="")
        auto = normalise_encoding(options.encoding) == "auto"
        try:
            yield from _csv_records(text, origin, codec, auto, options, path.suffix.lower())
        except UnicodeDecodeError as exc:
            yield InputError(origin, f"not {codec} text ({exc.reason})", stage="decode")


def _csv_records(text: IO[str], origin: str, codec: str, auto: bool, options: ReadOptions,
                 suffix: str) -> Iterator[Item]:
    first = text.readline()
    delimiter = _sniff_delimiter(first, "\t" if suffix == ".tsv" else ",")
    reader = csv.reader(_chain_first(first, text), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        yield InputError(origin, "no header row", line=1, stage="parse")
        return
    names = [name.strip() for name in header]
    problem = _missing_required_columns(origin, names, options, line=1)
    if problem is not None:
        yield problem
        return
    previous_end = reader.line_num
    rows = 0
    while True:
        start = previous_end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            previous_end = reader.line_num
            rows += 1
            message = (f"not valid CSV: a quoted field that starts on line {start} never ends"
                       if "unexpected end of data" in str(exc) else f"not valid CSV ({exc})")
            yield InputError(origin, message, line=start, stage="parse")
            continue
        previous_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        rows += 1
        if len(row) != len(names):
            yield InputError(origin, f"expected {len(names)} fields as in the header, found {len(row)}", line=start,
                             stage="parse")
            continue
        record = dict(zip(names, row))
        bad = _undecodable(record, codec, auto)
        if isinstance(bad, str):
            yield InputError(origin, bad, line=start, stage="decode",
                             article_id=record.get(options.id_column) or None)
            continue
        yield _record_item(bad, origin, start, options, what="row")
    if rows == 0:
        yield InputError(origin, "no rows after the header", line=1, stage="parse")


def _chain_first(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest


def _undecodable(record: dict, codec: str, auto: bool) -> Union[dict, str]:
    """The record with every cell text, or a message naming the first cell whose bytes were not
    `codec`. With --encoding auto such a cell is decoded as Windows-1252 (else Latin-1)."""
    fixed = None
    for key, value in record.items():
        offset = escaped_bytes(value)
        if offset is None:
            continue
        if not auto:
            return f"not {codec.upper() if codec == 'utf-8' else codec} text (invalid byte in the \"{key}\" column)"
        raw = value.encode(codec, "surrogateescape")
        try:
            value = raw.decode("cp1252")
        except UnicodeDecodeError:
            value = raw.decode("latin-1")
        fixed = fixed or dict(record)
        fixed[key] = value
    return fixed or record


def read_parquet(path: Path, options: Optional[ReadOptions] = None) -> Iterator[Item]:
    """One article per row, read `chunk_rows` rows at a time; `line` is the row number (from 1)."""
    options = options or ReadOptions()
    origin = str(path)
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield InputError(origin, f"not a readable Parquet file ({_one_line(exc)})", stage="parse")
        return
    names = list(parquet.schema_arrow.names)
    problem = _missing_required_columns(origin, names, options)
    if problem is not None:
        yield problem
        return
    wanted = [options.text_column, options.id_column, options.outlet_column, options.title_column, options.url_column]
    columns = [c for c in dict.fromkeys(wanted) if c in names]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=options.chunk_rows, columns=columns):
            data = batch.to_pydict()
            for index in range(batch.num_rows):
                number += 1
                yield _record_item({c: data[c][index] for c in columns}, origin, number, options, what="row")
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield InputError(origin, f"cannot read rows after row {number} ({_one_line(exc)})", line=number + 1,
                         stage="parse")
        return
    if number == 0:
        yield InputError(origin, "no rows", stage="parse")


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:197] + "..."
