"""Fetch a web page (bounded: timeouts, size, redirects) and extract its article with trafilatura.

`fetch_page(url)` returns the page's bytes or raises InputError(stage="fetch") with one line
that says what went wrong ("HTTP 404 Not Found", "not an HTML page (application/pdf)",
"timed out after 20 s", "larger than 10000000 bytes", "more than 5 redirects", "refused to fetch
localhost (127.0.0.1): a loopback address" when FetchOptions.allow_private_addresses is False).
`extract_article(...)` turns HTML bytes into an Article or raises InputError(stage="extract").
Saved .html/.htm files go through the same extraction (see ingest.read_html_file).
"""

from __future__ import annotations

import ipaddress
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Callable, Optional
from urllib.parse import unquote, urlsplit

from .encodings import DecodeError, decode_html
from ..errors import InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")
URL_RE = re.compile(r"^https?://", re.IGNORECASE)
SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
# How the resolver says a host name does not exist (glibc, macOS, a temporary DNS failure).
UNKNOWN_HOST_SIGNS = ("Name or service not known", "nodename nor servname", "No address associated with hostname",
                      "Temporary failure in name resolution", "getaddrinfo failed")


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 20.0          # seconds to connect, and between two reads
    total_timeout: float = 60.0    # seconds for the whole download
    max_bytes: int = 10_000_000    # decoded body size limit
    max_redirects: int = 5
    user_agent: str = "sourcing-analyzer/0.1 (+news sourcing analysis; python-requests)"
    # False: refuse loopback, private, link-local, multicast and reserved addresses, for the
    # first request and every redirect (addresses.py). The web server's default; the CLI
    # fetches what its own user asks for.
    allow_private_addresses: bool = True


@dataclass
class Page:
    url: str                       # the final URL, after redirects
    data: bytes
    content_type: str = ""
    charset: Optional[str] = None  # from the Content-Type header
    requested_url: str = ""
    headers: dict = field(default_factory=dict)


Fetcher = Callable[[str], Page]


def is_url(name: str) -> bool:
    return bool(SCHEME_RE.match(name))


def _fail(url: str, message: str) -> InputError:
    return InputError(url, message, stage="fetch")


def fetch_page(url: str, options: FetchOptions = FetchOptions()) -> Page:
    """GET an http(s) URL within the limits; raise InputError(stage="fetch") on any failure."""
    import requests

    scheme = SCHEME_RE.match(url)
    if not scheme or scheme.group(1).lower() not in ("http", "https"):
        raise _fail(url, f"unsupported URL scheme {scheme.group(1)!r} (only http and https)" if scheme
                    else "not an http(s) URL")
    from .addresses import AddressRefused, guarded_session, refused_error

    session = requests.Session()
    if not options.allow_private_addresses:
        guarded_session(session)
    session.max_redirects = options.max_redirects
    session.headers.update({"User-Agent": options.user_agent,
                            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})
    started = time.monotonic()
    try:
        with session.get(url, stream=True, timeout=(options.timeout, options.timeout)) as response:
            if response.status_code >= 400:
                reason = response.reason or ""
                raise _fail(url, f"HTTP {response.status_code} {reason}".rstrip())
            content_type, charset = _content_type(response.headers.get("Content-Type", ""))
            if content_type and content_type not in HTML_TYPES:
                raise _fail(url, f"not an HTML page ({content_type})")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > options.max_bytes:
                raise _fail(url, f"page larger than {options.max_bytes} bytes ({declared} bytes)")
            body = bytearray()
            for chunk in response.iter_content(chunk_size=65536):
                body.extend(chunk)
                if len(body) > options.max_bytes:
                    raise _fail(url, f"page larger than {options.max_bytes} bytes")
                if time.monotonic() - started > options.total_timeout:
                    raise _fail(url, f"download took longer than {options.total_timeout:g} s")
            if not content_type and not _looks_like_html(bytes(body[:2048])):
                raise _fail(url, "not an HTML page (no Content-Type, and the body is not HTML)")
            return Page(response.url, bytes(body), content_type, charset, url, dict(response.headers))
    except InputError:
        raise
    except AddressRefused as exc:
        raise refused_error(url, exc) from None
    except requests.exceptions.TooManyRedirects:
        raise _fail(url, f"more than {options.max_redirects} redirects") from None
    except requests.exceptions.Timeout:
        raise _fail(url, f"timed out after {options.timeout:g} s") from None
    except requests.exceptions.ConnectionError as exc:
        if any(sign in str(exc) for sign in UNKNOWN_HOST_SIGNS):
            raise _fail(url, "no such host: the address's host name could not be found") from None
        raise _fail(url, f"cannot connect ({_short(exc)})") from None
    except requests.exceptions.RequestException as exc:
        raise _fail(url, f"request failed ({exc.__class__.__name__}: {_short(exc)})") from None
    finally:
        session.close()


def _content_type(header: str) -> tuple[str, Optional[str]]:
    parts = [p.strip() for p in header.split(";")]
    content_type = parts[0].lower() if parts else ""
    charset = None
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return content_type, charset


def _looks_like_html(head: bytes) -> bool:
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<!--")) or b"<html" in head


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    # urllib3 nests the real reason at the end: "...: Failed to establish a new connection: [Errno 111] ..."
    match = re.search(r"(\[Errno[^\]]*\][^')\"]*)", text)
    text = match.group(1).strip() if match else text
    return text if len(text) <= 200 else text[:197] + "..."


# --- extraction ----------------------------------------------------------------------------

@dataclass
class Extracted:
    text: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None
    encoding: str = "utf-8"


_quiet = False


def _quiet_loggers() -> None:
    """trafilatura, htmldate and courlan warn through logging; without a handler Python
    prints those warnings on stderr, between our own error lines. Give them a NullHandler."""
    global _quiet
    if not _quiet:
        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            logging.getLogger(name).addHandler(logging.NullHandler())
        _quiet = True


MIN_ARTICLE_WORDS = 12


def extract(data: bytes, origin: str, url: Optional[str] = None, charset: Optional[str] = None,
            encoding: str = "utf-8", min_words: int = MIN_ARTICLE_WORDS) -> Extracted:
    """The article body, title, publisher and date of an HTML page; InputError(stage=...) if none."""
    try:
        decoded = decode_html(data, charset, encoding)
    except DecodeError as exc:
        raise InputError(origin, exc.message, stage="decode") from None
    html = decoded.text
    if not html.strip():
        raise InputError(origin, "empty page, no text to analyse", stage="extract")
    _quiet_loggers()
    import trafilatura

    html = _drop_xml_declaration(html)
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                               include_tables=False, include_images=False, deduplicate=False)
    except Exception as exc:  # noqa: BLE001 - a page trafilatura cannot parse is one bad input
        raise InputError(origin, f"cannot extract the article ({exc.__class__.__name__}: {exc})",
                         stage="extract") from None
    if document is None:
        raise InputError(origin, "no article text found in the page", stage="extract")
    fields = document if isinstance(document, dict) else document.as_dict()
    text = fields.get("text") or ""
    words = len(text.split())
    if words < min_words:
        # trafilatura falls back to whatever text a page has: "Home News Sport" is no article.
        found = f"only {words} word{'s' if words != 1 else ''} of text" if words else "no text"
        raise InputError(origin, f"no article text found in the page ({found}; a page built by JavaScript "
                                 "or behind a login has none in its HTML)", stage="extract")
    return Extracted(text=text, title=_clean(fields.get("title")), publisher=_publisher(fields.get("sitename")),
                     date=_clean(fields.get("date")), url=_clean(fields.get("url")) or url,
                     encoding=decoded.encoding)


def _drop_xml_declaration(html: str) -> str:
    # lxml refuses a str that carries an encoding declaration; the text is decoded already.
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)


def _clean(value) -> Optional[str]:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _publisher(sitename) -> Optional[str]:
    """trafilatura's site name; a bare IP address or "localhost" (its fallback) names no one."""
    name = _clean(sitename)
    if not name:
        return None
    host = name.split(":")[0]
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    return None if host.lower() == "localhost" else name


def article_id_from_url(url: str) -> str:
    """A readable id: the last path segment without its suffix ("fire-spreads"), else the host."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    if segments:
        stem = re.sub(r"\.(s?html?|php|aspx?|jsp)$", "", segments[-1], flags=re.IGNORECASE)
        if stem and stem.lower() not in ("index", "default", "article", "story"):
            return stem
        if len(segments) > 1:
            return segments[-2]
    return parts.hostname or url
