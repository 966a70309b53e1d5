"""The article record and how inputs are read (ReadOptions): shared by every reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

from ..errors import InputError, UsageError
from .encodings import DecodeError, decode_bytes, normalise_encoding
from .fetch import FetchOptions

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CSV_SUFFIXES = {".csv", ".tsv"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
PDF_SUFFIXES = {".pdf"}
# A folder gives its articles and article feeds; a .csv or .parquet in a folder may be anything
# (notes, data), so batch tables are read only when named.
FOLDER_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES

DEFAULT_TEXT_COLUMN, DEFAULT_ID_COLUMN, DEFAULT_OUTLET_COLUMN = "text", "id", "outlet"


@dataclass
class Article:
    id: str
    text: str
    outlet: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    origin: str = ""          # the file or URL the article came from
    line: Optional[int] = None  # its line in a JSONL or CSV file, its row in a Parquet file
    date: Optional[str] = None  # publication date (from an HTML page's metadata), YYYY-MM-DD
    encoding: Optional[str] = None  # the codec its bytes were decoded with


Item = Union[Article, InputError]


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs. The CLI builds one from its options and passes it to read_inputs.

    Column names apply to CSV and Parquet columns and to JSONL keys. `text_column` must exist;
    `id_column` and `outlet_column` are optional while they keep their default names (an
    article without an id gets `<file stem>-<line or row>`), and must exist when renamed.
    `encoding`: "auto" (default: a BOM, else UTF-8, else Windows-1252, else Latin-1), "utf-8"
    (a BOM is honoured, other bytes must be UTF-8), or a codec name. HTML pages always honour their
    declared charset.
    """

    text_column: str = DEFAULT_TEXT_COLUMN
    id_column: str = DEFAULT_ID_COLUMN
    outlet_column: str = DEFAULT_OUTLET_COLUMN
    title_column: str = "title"
    url_column: str = "url"
    encoding: str = "auto"
    chunk_rows: int = 1000  # Parquet rows per batch
    fetch: FetchOptions = field(default_factory=FetchOptions)

    def __post_init__(self):
        try:
            normalise_encoding(self.encoding)
        except DecodeError as exc:
            raise UsageError(exc.message) from None
        for name in ("text_column", "id_column", "outlet_column"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise UsageError(f"--{name.replace('_', '-')} needs a column name")
        if self.chunk_rows < 1:
            raise UsageError("chunk_rows must be at least 1")


def decode_text(data: bytes, origin: str, encoding: str = "utf-8") -> str:
    try:
        return decode_bytes(data, encoding).text
    except DecodeError as exc:
        raise InputError(origin, exc.message, stage="decode") from None
