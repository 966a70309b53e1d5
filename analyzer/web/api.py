"""The JSON API, for fact-checkers' own tools: POST /api/analyze and GET /healthz.

An analysis answers with the rows of the CSV files as JSON objects, keyed by the same column
names (report/tables.py, the one edge where records become rows), cells exactly as found (no
formula protection: JSON is not opened by a spreadsheet). An error is
{"error": {"status": ..., "message": ...}} with the same HTTP status.
"""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, create_model

from .. import __version__
from ..report.tables import ATTRIBUTION_COLUMNS, SENTENCE_COLUMNS, SOURCE_COLUMNS, result_rows
from ..run.local import ArticleResult
from .inputs import Submission


def _row_model(name: str, columns: list[str], csv_file: str):
    """A model whose fields are a CSV file's columns, so /docs lists them without a second copy."""
    fields = {column: (Any, Field(None, description=f"column `{column}` of {csv_file}")) for column in columns}
    return create_model(name, __config__=ConfigDict(extra="allow"), **fields)


SentenceRow = _row_model("SentenceRow", SENTENCE_COLUMNS, "sentences.csv")
AttributionRow = _row_model("AttributionRow", ATTRIBUTION_COLUMNS, "attributions.csv")
SourceRow = _row_model("SourceRow", SOURCE_COLUMNS, "sources.csv")


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"text": "A US official told CNN that the talks had stalled.", "outlet": "Reuters"}]})

    text: Optional[str] = Field(None, description="The article's text (give text or url, not both).")
    url: Optional[str] = Field(None, description="An http(s) address: the page is fetched and its article extracted.")
    outlet: Optional[str] = Field(None, description="The article's own publisher: its name is not counted as another outlet.")


class ArticleInfo(BaseModel):
    id: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    characters: int = Field(description="Length of the analysed text; start_char/end_char index it.")
    text: str = Field(description="The analysed text (for a URL: the article extracted from the page).")


class AnalyzeResponse(BaseModel):
    article: ArticleInfo
    scorecard: dict[str, Any] = Field(description="The row of scorecard.csv: score, the five dimensions, checks, counts.")
    sentences: list[SentenceRow] = Field(description="The rows of sentences.csv.")
    attributions: list[AttributionRow] = Field(description="The rows of attributions.csv.")
    sources: list[SourceRow] = Field(description="The rows of sources.csv: who is quoted.")


class ErrorDetail(BaseModel):
    status: int
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: str
    version: str
    rules_version: str


def analysis_json(result: ArticleResult) -> dict:
    rows = result_rows(result)
    article = result.article
    return {"article": {"id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
                        "characters": len(article.text), "text": article.text},
            "scorecard": rows["scorecard"][0], "sentences": rows["sentences"],
            "attributions": rows["attributions"], "sources": rows["sources"]}


ERRORS = {status: {"model": ErrorResponse, "description": text} for status, text in (
    (400, "Nothing to analyse, or both text and url given."),
    (403, "The URL's address is inside the server's network (loopback, private, link-local, multicast, reserved)."),
    (413, "The request body or the article's text is over the server's limit."),
    (422, "The request is not valid JSON of this shape, or the page cannot be fetched or has no article."),
)}

router = APIRouter()


@router.post("/api/analyze", response_model=AnalyzeResponse, responses=ERRORS, tags=["analysis"],
             summary="Analyse one article (text or URL)")
async def analyze_api(body: AnalyzeRequest, request: Request) -> dict:
    """Labels every sentence by the kind of source it rests on, and scores the article's sourcing.
    The answer holds the rows of sentences.csv, attributions.csv, sources.csv and scorecard.csv."""
    service = request.app.state.service
    prepared = await service.prepare(Submission(text=body.text or "", url=body.url or "", outlet=body.outlet or ""))
    result = await service.run(service.analyze_one, prepared.articles[0])
    return await service.run(analysis_json, result)


@router.get("/healthz", response_model=Health, tags=["server"], summary="Is the server up, with its model loaded?")
async def healthz(request: Request) -> dict:
    service = request.app.state.service
    return {"status": "ok", "version": __version__, "rules_version": service.analyzer.rules_version}
