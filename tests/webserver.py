"""Helpers for the web tests: `sourcing serve`'s app on a real uvicorn server in a thread (on
127.0.0.1, a free port), a tiny HTTP server that plays a news site, and PDFs made by hand."""

from __future__ import annotations

import http.server
import threading
import time
from contextlib import contextmanager
from typing import Iterator, Optional


@contextmanager
def running(app, log_config: Optional[dict] = None) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1; yields its base URL ("http://127.0.0.1:PORT")."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="info", log_config=log_config,
                            lifespan="on", access_log=True)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


class _Site(http.server.BaseHTTPRequestHandler):
    pages: dict = {}

    def do_GET(self):  # noqa: N802 - the http.server name
        status, headers, body = self.server.pages.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value.replace("{port}", str(self.server.server_port)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def news_site(pages: dict) -> Iterator[str]:
    """A site on 127.0.0.1: {path: (status, headers, body)}; "{port}" in a header is its port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.pages = pages
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def article_page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title><meta property='og:site_name' content='Example News'>"
            f"</head><body><article><h1>{title}</h1>{body}</article></body></html>").encode("utf-8")


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text is `lines` (Helvetica; ASCII without parentheses or backslashes)."""
    shown = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    stream = f"BT /F1 11 Tf 72 740 Td {shown} ET".encode("latin-1")
    return _pdf([b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"], stream)


def scanned_pdf() -> bytes:
    """A PDF whose page has no text (as a scan without OCR: here, only a grey rectangle)."""
    return _pdf([], b"0.5 g 72 72 400 600 re f")


def _pdf(fonts: list[bytes], stream: bytes) -> bytes:
    resources = b"<< /Font << /F1 5 0 R >> >>" if fonts else b"<< >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources " + resources + b" >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream", *fonts]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
