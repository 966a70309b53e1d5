"""A submission (pasted text, a web address or an uploaded file, and an optional outlet) ->
the articles to analyse, or a SubmissionError: the user's mistake, with a message to show and
the HTTP status to answer with.

Uploads are read by the CLI's own readers (io/ingest.py), from a temporary folder that is
removed before this function returns, so a file is read exactly as `sourcing analyze` reads
it and nothing submitted stays on disk.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Optional

from ..errors import InputError
from ..io.addresses import REFUSED
from ..io.articles import HTML_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES, Article, ReadOptions
from ..io.fetch import FetchOptions
from ..io.ingest import read_file, read_url, with_outlet
from ..nlp.segment import lines_of, title_lines
from ..report.files import safe_stem
from .settings import ServerSettings, megabytes

SINGLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
BATCH_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson"}
PASTED_ID = "pasted-text"
MAX_OUTLET_CHARS = 200
MAX_ID_CHARS = 60  # of the title's words in a pasted article's id


class SubmissionError(Exception):
    """What the user must change, in one or two sentences, and the HTTP status of the answer."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass
class Submission:
    text: str = ""
    url: str = ""
    outlet: str = ""
    upload: Optional[Upload] = None


@dataclass
class Prepared:
    """The articles of a submission. `batch`: a .csv/.jsonl upload, shown as a ranking of
    reports; its unreadable rows are in `errors`, and the others are still analysed."""

    articles: list[Article]
    batch: bool = False
    errors: list[InputError] = field(default_factory=list)


def prepare(submission: Submission, settings: ServerSettings) -> Prepared:
    """The submission's articles, its outlet set on each; SubmissionError for a user's mistake."""
    outlet = " ".join(submission.outlet.split())
    if len(outlet) > MAX_OUTLET_CHARS:
        raise SubmissionError(f"The outlet is {len(outlet)} characters long; a name of at most {MAX_OUTLET_CHARS} is expected.")
    given = [name for name, present in (("text", submission.text.strip()), ("web address", submission.url.strip()),
                                        ("file", submission.upload is not None)) if present]
    if not given:
        raise SubmissionError("Nothing to analyse: paste an article's text, give its web address, or choose a file.")
    if len(given) > 1:
        raise SubmissionError(f"Give one thing to analyse: a text, a web address or a file, not {' and '.join(given)}.")
    if submission.upload is not None:
        prepared = _read_upload(submission.upload, settings)
    elif submission.url.strip():
        prepared = Prepared([_fetched(submission.url.strip(), settings)])
    else:
        prepared = Prepared([pasted_article(submission.text)])
    prepared.articles = list(with_outlet(prepared.articles, outlet or None))
    return _within_text_limit(prepared, settings.max_text_chars)


def pasted_article(text: str) -> Article:
    """Pasted text, titled by its title line when it has one (the same decision as a heading's,
    nlp/segment.py), with an id made of that title: two pasted articles' CSV files can be told
    apart and joined."""
    lines = lines_of(text)
    title = title_lines(text, lines)
    if not title:
        return Article(PASTED_ID, text, origin="pasted text")
    words = " ".join(text[line.start:line.end] for line in title)
    slug = safe_stem("-".join(words.lower().split()), max_length=MAX_ID_CHARS)
    return Article(f"{PASTED_ID}-{slug}", text, title=words, origin="pasted text")


def _fetched(url: str, settings: ServerSettings) -> Article:
    options = ReadOptions(fetch=FetchOptions(allow_private_addresses=settings.allow_private_urls))
    item = read_url(url, options)
    if isinstance(item, InputError):
        raise SubmissionError(f"Cannot analyse {url}: {item.message}", 403 if item.message.startswith(REFUSED) else 422)
    return item


def _read_upload(upload: Upload, settings: ServerSettings) -> Prepared:
    name = PurePath(upload.name.replace("\\", "/")).name or "upload"
    suffix = PurePath(name).suffix.lower()
    if suffix not in SINGLE_SUFFIXES | BATCH_SUFFIXES:
        raise SubmissionError(f"{name}: a file of this kind cannot be read; upload .txt, .md, .html or .pdf "
                              "(one article), or .csv or .jsonl (several).", 415)
    if not upload.data.strip():
        raise SubmissionError(f"{name}: the file is empty.")
    with tempfile.TemporaryDirectory(prefix="sourcing-upload-") as folder:
        path = Path(folder) / f"{safe_stem(PurePath(name).stem)}{suffix}"
        path.write_bytes(upload.data)
        items = []
        for item in read_file(path, ReadOptions()):
            items.append(_renamed(item, str(path), name))
            if sum(isinstance(i, Article) for i in items) > settings.max_batch_articles:
                raise SubmissionError(f"{name}: more than {settings.max_batch_articles} articles; "
                                      "split the file, or run `sourcing analyze` on your own computer.", 413)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    if suffix in SINGLE_SUFFIXES:
        if errors:
            raise SubmissionError(errors[0].one_line(), 422)
        return Prepared(articles)
    if not articles:
        first = f" ({errors[0].one_line()})" if errors else ""
        raise SubmissionError(f"{name}: no article could be read{first}.", 422)
    return Prepared(articles, batch=True, errors=errors)


def _renamed(item, temporary: str, name: str):
    """The item with the upload's own name where the reader wrote the temporary file's path."""
    if isinstance(item, InputError):
        source = item.source.replace(temporary, name)
        return InputError(source, item.message.replace(temporary, name), item.line, item.article_id, item.stage)
    return replace(item, origin=name)


def _within_text_limit(prepared: Prepared, limit: int) -> Prepared:
    def too_long(article: Article) -> str:
        return (f"the article is {len(article.text):,} characters long; this server analyses articles of up to "
                f"{limit:,} characters (split it, or run `sourcing analyze` on your own computer)")

    if not prepared.batch:
        article = prepared.articles[0]
        if len(article.text) > limit:
            raise SubmissionError(f"Cannot analyse {article.origin or article.id}: {too_long(article)}.", 413)
        return prepared
    kept = []
    for article in prepared.articles:
        if len(article.text) > limit:
            prepared.errors.append(InputError(article.origin, too_long(article), article.line, article.id, "read"))
        else:
            kept.append(article)
    if not kept:
        raise SubmissionError(f"No article could be analysed: {prepared.errors[0].one_line()}.", 413)
    prepared.articles = kept
    return prepared


def limits_view(settings: ServerSettings) -> dict:
    """The limits as the form states them."""
    return {"max_text_chars_text": f"{settings.max_text_chars:,}", "max_batch_articles": settings.max_batch_articles,
            "max_body_text": megabytes(settings.max_body_bytes)}
