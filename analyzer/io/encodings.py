"""Bytes -> text: byte-order marks, strict UTF-8, and (when asked) the legacy Western encodings.

Policy, in order:

1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); the mark is dropped.
2. Without one, the text must be UTF-8 (`encoding="utf-8"`, the default), or
   `encoding="auto"` tries UTF-8, then Windows-1252, then Latin-1 (an ordered fallback, so
   the result is predictable: Windows-1252 decodes every byte but five, Latin-1 every byte),
   or any other codec name is used as given.
3. NUL bytes (outside UTF-16/32) or a text that is mostly control characters is binary.

Line ends are never touched: offsets into the decoded text are what sentences.csv reports.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Optional

# Longest marks first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
AUTO = "auto"
STRICT_UTF8 = "utf-8"
FALLBACK = ("utf-8", "cp1252", "latin-1")
SNIFF_BYTES = 8192
# C0 and C1 controls other than the whitespace ones; more than this share of them is not text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.05


class DecodeError(ValueError):
    """Bytes that are not text in the encoding asked for; `message` is one line for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used, e.g. "utf-8", "utf-16-le", "cp1252"
    bom: bool = False


def sniff_bom(data: bytes) -> tuple[Optional[str], int]:
    """(codec, length of the mark) for a byte-order mark at the start, else (None, 0)."""
    for mark, name in BOMS:
        if data.startswith(mark):
            return name, len(mark)
    return None, 0


def normalise_encoding(name: str) -> str:
    """A codec name as Python spells it ("Windows-1252" -> "cp1252"); "auto" stays "auto"."""
    if name.lower() == AUTO:
        return AUTO
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise DecodeError(f"unknown encoding {name!r}") from None


def looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:SNIFF_BYTES]
    return bool(sample) and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample)


def decode_bytes(data: bytes, encoding: str = STRICT_UTF8) -> Decoded:
    """Decode a whole input by the policy above; raises DecodeError with a one-line message."""
    name, skip = sniff_bom(data)
    if name is not None:
        try:
            text = data[skip:].decode(name)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not {_label(name)} text (invalid byte at offset {exc.start + skip})") from None
        if "\x00" in text:
            raise DecodeError("binary file, not text")
        return Decoded(text, name, bom=True)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise DecodeError("binary file, not text")
    encoding = normalise_encoding(encoding)
    if encoding == "utf-8":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
        if looks_binary(text):
            raise DecodeError("binary file, not text")
        return Decoded(text, "utf-8")
    candidates = FALLBACK if encoding == AUTO else (encoding,)
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError as exc:
            if encoding != AUTO:
                raise DecodeError(f"not {_label(candidate)} text (invalid byte at offset {exc.start})") from None
            continue
        if looks_binary(text):
            raise DecodeError("binary file, not text")
        return Decoded(text, candidate)
    raise DecodeError("not text in any supported encoding")  # unreachable: Latin-1 decodes every byte


def guess_stream_encoding(head: bytes, encoding: str = STRICT_UTF8, final: bool = False) -> tuple[str, int]:
    """(codec, bytes of BOM to skip) for a stream read in chunks, judged by its first bytes.

    With "auto", the head must decode as UTF-8 to choose UTF-8 (a multi-byte character cut
    at the end of the head is allowed unless `final`, i.e. the head is the whole stream),
    else Windows-1252 if it decodes, else Latin-1.
    """
    name, skip = sniff_bom(head)
    if name is not None:
        return name, skip
    encoding = normalise_encoding(encoding)
    if encoding != AUTO:
        return encoding, 0
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=final)
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    try:
        head.decode("cp1252")
        return "cp1252", 0
    except UnicodeDecodeError:
        return "latin-1", 0


def escaped_bytes(text: str) -> Optional[int]:
    """Offset of the first byte that did not decode (surrogateescape), or None."""
    for index, char in enumerate(text):
        if "\udc80" <= char <= "\udcff":
            return index
    return None


_LABELS = {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32-le": "UTF-32",
           "utf-32-be": "UTF-32", "cp1252": "Windows-1252", "latin-1": "Latin-1", "iso8859-1": "Latin-1"}


def _label(name: str) -> str:
    return _LABELS.get(name, name)


# --- HTML: the charset the page declares ---------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HTML_PRESCAN = 4096


def _html_codec(label: Optional[str]) -> Optional[str]:
    """A declared charset as a Python codec, the way browsers read labels (WHATWG)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in ("ascii", "latin-1", "iso8859-1"):
        return "cp1252"  # browsers read "iso-8859-1" and "us-ascii" as windows-1252
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a page whose bytes we could scan for <meta> is not UTF-16
    return name


def declared_html_charset(data: bytes) -> Optional[str]:
    head = data[:HTML_PRESCAN]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            codec = _html_codec(match.group(1).decode("ascii", "replace"))
            if codec:
                return codec
    return None


def decode_html(data: bytes, transport_charset: Optional[str] = None, encoding: str = STRICT_UTF8) -> Decoded:
    """Decode a web page as a browser would: BOM, then the HTTP charset, then <meta charset>,
    then UTF-8 if the bytes are UTF-8, else Windows-1252 (the web's default). An explicit
    `encoding` other than "utf-8"/"auto" overrides everything but a BOM."""
    name, skip = sniff_bom(data)
    if name is not None:
        return Decoded(data[skip:].decode(name, errors="replace"), name, bom=True)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise DecodeError("binary file, not an HTML page")
    wanted = normalise_encoding(encoding)
    if wanted not in (AUTO, "utf-8"):
        return Decoded(data.decode(wanted, errors="replace"), wanted)
    declared = _html_codec(transport_charset) or declared_html_charset(data)
    if declared:
        return Decoded(data.decode(declared, errors="replace"), declared)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252")
