"""The text of a PDF (pypdf): a text-based PDF becomes an article; a scanned one, whose pages
are pictures of text, is an input error that says so (this tool does no OCR).

Pages are joined with a blank line, so a page break ends a paragraph; a line break inside a
page stays a line break, like a line break in a .txt file.
"""

from __future__ import annotations

import io
import logging
from ..errors import InputError

MAX_PAGES = 500          # a book is not an article; and pypdf's time grows with the pages
MIN_TEXT_CHARACTERS = 20  # fewer, over every page: the PDF has no text layer worth the name
SCANNED = ("no text in the PDF: it looks like a scanned document (pictures of pages); "
           "run it through OCR first, or paste the text")


def pdf_text(data: bytes, origin: str) -> str:
    """The PDF's text, pages joined by a blank line; InputError(stage="decode") when it has none."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # "incorrect startxref" and the like: not the user's concern
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _open_without_password(reader):
            raise InputError(origin, "the PDF is encrypted with a password", stage="decode")
        if len(reader.pages) > MAX_PAGES:
            raise InputError(origin, f"the PDF has {len(reader.pages)} pages; at most {MAX_PAGES} are read",
                             stage="decode")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:  # a damaged file is one bad input
        raise InputError(origin, f"not a readable PDF ({exc.__class__.__name__}: {_short(exc)})",
                         stage="decode") from None
    text = "\n\n".join(page for page in pages if page)
    if len(text.strip()) < MIN_TEXT_CHARACTERS:
        raise InputError(origin, SCANNED, stage="decode")
    return text


def _open_without_password(reader) -> bool:
    """Many PDFs are "encrypted" with an empty user password only to forbid printing."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - an unsupported cipher is an encrypted PDF we cannot open
        return False


def _short(exc: Exception, limit: int = 160) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."

