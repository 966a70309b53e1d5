"""The web application: the page (/, POST /analyze), the JSON API (api.py), /docs, and the
rules every answer follows.

- Every answer carries the security headers (no script, nothing from another origin, no
  sniffing, no framing, no caching: nothing submitted stays in a cache either).
- A request body over the limit is answered 413 before the application reads it (by its
  Content-Length) or as soon as it grows past it (a chunked body).
- A user's mistake is a message on the page, with what they typed kept in the form, or a JSON
  error with its status; anything else is logged (its kind and where, never the request's
  text) and answered with a short apology, never a traceback.
"""

from __future__ import annotations

import logging
import traceback
from contextlib import asynccontextmanager
from typing import Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from .. import __version__
from ..run.local import Analyzer
from .api import router
from .classroom import router as classroom_router
from .docs import docs_page
from .inputs import Prepared, Submission, SubmissionError, Upload, limits_view
from .outputs import BatchFiles, article_downloads
from .pages import CSP_HEADER, BatchPage, form_page, result_page
from .service import AnalysisService
from .settings import ServerSettings, megabytes

log = logging.getLogger("uvicorn.error.sourcing")  # shown with uvicorn's own lines
JSON_PATHS = ("/api/", "/healthz", "/openapi.json")
SECURITY_HEADERS = [(b"content-security-policy", CSP_HEADER.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
                    (b"cache-control", b"no-store")]


class BodyTooLarge(Exception):
    pass


class Guard:
    """ASGI middleware around everything: the security headers on every answer, the request
    body limit, and the last word on an unexpected error (logged without the request's text,
    answered without a traceback, and not passed on to uvicorn, which would log its message)."""

    def __init__(self, app, settings: ServerSettings):
        self.app = app
        self.limit = settings.max_body_bytes
        self.limits = limits_view(settings)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name for name, _ in SECURITY_HEADERS}
                message["headers"] = [h for h in message.get("headers", []) if h[0].lower() not in names] + SECURITY_HEADERS
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge()
            return message

        try:
            if declared.isdigit() and int(declared) > self.limit:
                raise BodyTooLarge()
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await self._answer(scope, 413, f"The request is larger than this server's limit of {megabytes(self.limit)}.",
                                   receive, send_with_headers)
        except Exception as exc:  # noqa: BLE001 - the last word: log it, answer briefly
            where = "".join(traceback.format_tb(exc.__traceback__, limit=-3)).strip().replace("\n", " | ")
            log.error("internal error on %s %s: %s at %s", scope.get("method"), scope.get("path"), type(exc).__name__, where)
            if not started:
                await self._answer(scope, 500, "Something went wrong on the server; the error is logged (without your "
                                               "text). Please try again.", receive, send_with_headers)

    async def _answer(self, scope, status: int, message: str, receive, send) -> None:
        await error_response(scope["path"], status, message, self.limits)(scope, receive, send)


def wants_json(path: str) -> bool:
    return path.startswith(JSON_PATHS)


def error_response(path: str, status: int, message: str, limits: Optional[dict] = None) -> Response:
    """The error as JSON for the API, else as the form page with the message above it."""
    if wants_json(path):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    return HTMLResponse(form_page(limits or {}, error=message), status_code=status)


def create_app(settings: Optional[ServerSettings] = None, analyzer: Optional[Analyzer] = None) -> FastAPI:
    """The application. `analyzer`: a pipeline already loaded (tests); else each worker loads its own."""
    settings = settings or ServerSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.service = AnalysisService(settings, analyzer) if analyzer else AnalysisService.load(settings)
        log.info("model loaded; rules version %s", app.state.service.analyzer.rules_version)
        yield
        app.state.service.close()

    app = FastAPI(title="sourcing-analyzer", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Who says so: every sentence of a news article labelled by the kind of source it "
                              "rests on, and a sourcing scorecard.")
    app.state.settings = settings
    app.state.limits = limits_view(settings)
    app.include_router(router)
    app.include_router(classroom_router)  # the classroom pages (classroom.py)
    _add_pages(app)
    _add_error_handlers(app)
    app.add_middleware(Guard, settings=settings)
    return app


def app_from_environment() -> FastAPI:
    """For uvicorn's worker processes (`--workers N`): the settings come from the environment."""
    return create_app(ServerSettings.from_environment())


def _add_pages(app: FastAPI) -> None:
    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    async def home(request: Request) -> HTMLResponse:
        return HTMLResponse(form_page(request.app.state.limits))

    @app.get("/analyze", include_in_schema=False)
    async def analyze_again() -> RedirectResponse:
        # a result page reloaded, or its address opened again: nothing is kept, so the form
        return RedirectResponse("/", status_code=303)

    @app.post("/analyze", include_in_schema=False)
    async def analyze_page(request: Request) -> Response:
        service: AnalysisService = request.app.state.service
        submission = await read_form(request, service.settings)
        try:
            prepared = await service.prepare(submission)
            if prepared.batch:
                return StreamingResponse(batch_stream(service, prepared), media_type="text/html; charset=utf-8")
            html = await service.run(analysed_page, service, prepared)
        except SubmissionError as exc:
            form = {"text": submission.text, "url": submission.url, "outlet": submission.outlet}
            return HTMLResponse(form_page(request.app.state.limits, form, exc.message), status_code=exc.status)
        return HTMLResponse(html)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        return HTMLResponse(docs_page(request.app.openapi(), request.headers.get("host", "127.0.0.1:8000")))


async def read_form(request: Request, settings: ServerSettings) -> Submission:
    """The form's fields. A browser sends a textarea's line ends as CRLF whatever was pasted;
    they become LF again, so the offsets match the text as a .txt file would give it."""
    async with request.form(max_files=1, max_fields=8, max_part_size=settings.max_body_bytes) as form:
        def field(name: str) -> str:
            value = form.get(name)
            return value if isinstance(value, str) else ""

        file = form.get("file")
        upload = None
        if isinstance(file, UploadFile) and file.filename:
            upload = Upload(file.filename, await file.read())
        return Submission(text=field("text").replace("\r\n", "\n"), url=field("url"), outlet=field("outlet"),
                          upload=upload)


def analysed_page(service: AnalysisService, prepared: Prepared) -> str:
    """One article analysed and shown with its downloads (blocking: run through service.run)."""
    result = service.analyze_one(prepared.articles[0])
    return result_page(result, article_downloads(result))


async def batch_stream(service: AnalysisService, prepared: Prepared):
    """The batch page, streamed: a progress line per article, then the ranking and the zip."""
    page = BatchPage(len(prepared.articles))
    files = BatchFiles()
    errors = list(prepared.errors)
    try:
        yield page.start()
        for done, article in enumerate(prepared.articles, start=1):
            result = await service.run(service.analyze_item, article)
            if isinstance(result, Exception):
                errors.append(result)
            else:
                await service.run(files.add, result)
            yield page.step(done, article.id)
        download = await service.run(files.finish, errors)
        yield page.end(files.entries, files.reports, [e.one_line() for e in errors], download)
    finally:
        files.discard()  # a client that went away leaves nothing behind either


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SubmissionError)
    async def submission_error(request: Request, exc: SubmissionError) -> Response:
        return error_response(request.url.path, exc.status, exc.message, request.app.state.limits)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'body'}: {e.get('msg', '')}"
                             for e in exc.errors()[:5])
        return error_response(request.url.path, 422, f"The request is not valid: {problems}.", request.app.state.limits)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        messages = {404: f"There is no page at {request.url.path}.", 405: "This address does not take that method."}
        message = messages.get(exc.status_code) or str(exc.detail)
        return error_response(request.url.path, exc.status_code, message, request.app.state.limits)
