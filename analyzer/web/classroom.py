"""The classroom (issue 14), on top of the `sourcing serve` page: compare two articles, an
exercise, corrections that re-score, a presentation view. All of it without a script: each page
is a form that posts back here; the server analyses the article again and answers a new page.
Nothing is kept: the article travels in a hidden field (lesson.py), the answers and corrections
in the form's radio buttons and check boxes, and the files a class exchanges as data: links.

    GET  /classroom                   the forms
    POST /classroom/compare           two articles side by side
    POST /classroom/exercise          an article without labels, to label
    POST /classroom/exercise/check    the student's labels beside the analyzer's, and why
    POST /classroom/correct           labels set by hand, the scorecard recomputed, gold JSONL
    POST /classroom/present           large type, the score then the article a few sentences at a time
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Optional

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from ..report.files import safe_stem
from ..run.local import ArticleResult
from ..score.corrections import apply_corrections, gold_record
from .compare import comparison_view
from .exercise import checked_view
from .inputs import Submission, SubmissionError, Upload
from .lesson import (EXERCISE_MEDIA_TYPE, Lesson, check_sentence_count, form_labels, from_file, from_token,
                     is_lesson_file, key_labels)
from .outputs import Download
from .pages import classroom_page, correction_context, exercise_context, presentation_context
from .service import AnalysisService
from .settings import ServerSettings

router = APIRouter(include_in_schema=False)
POST_ONLY = ("/classroom/compare", "/classroom/exercise", "/classroom/exercise/check", "/classroom/correct",
             "/classroom/present")
MAX_FORM_FIELDS = 20_000  # a correction sends up to six check boxes for each of some 3,000 sentences
SIDES = {"a": "Article A", "b": "Article B"}


@dataclass
class ClassroomForm:
    values: dict[str, list[str]] = field(default_factory=dict)
    uploads: dict[str, Upload] = field(default_factory=dict)

    def field(self, name: str) -> str:
        return (self.values.get(name) or [""])[0]

    def submission(self, side: str = "") -> Submission:
        """The article fields (text, url, outlet, file) of one side of the form. A browser sends
        a textarea's line ends as CRLF: they become LF again, as in a .txt file."""
        suffix = f"_{side}" if side else ""
        return Submission(text=self.field(f"text{suffix}").replace("\r\n", "\n"), url=self.field(f"url{suffix}"),
                          outlet=self.field(f"outlet{suffix}"), upload=self.uploads.get(f"file{suffix}"))

    def kept(self) -> dict:
        """What the user typed, to show again in the forms above a message."""
        return {name: self.field(name).replace("\r\n", "\n") for name in
                ("text", "url", "outlet", "text_a", "url_a", "outlet_a", "text_b", "url_b", "outlet_b")}


async def read_classroom_form(request: Request, settings: ServerSettings) -> ClassroomForm:
    form = ClassroomForm()
    async with request.form(max_files=2, max_fields=MAX_FORM_FIELDS, max_part_size=settings.max_body_bytes) as data:
        for name, value in data.multi_items():
            if isinstance(value, UploadFile):
                if value.filename:
                    form.uploads[name] = Upload(value.filename, await value.read())
            else:
                form.values.setdefault(name, []).append(value)
    return form


async def lesson_of(service: AnalysisService, form: ClassroomForm, side: str = "") -> Lesson:
    """The article to work on: the one a page carried, an exercise file, or a new submission."""
    if form.field("article") and not side:
        return from_token(form.field("article"), service.settings.max_text_chars)
    submission = form.submission(side)
    if is_lesson_file(submission.upload):
        return from_file(submission.upload, service.settings.max_text_chars)
    prepared = await service.prepare(submission)
    if prepared.batch:
        raise SubmissionError("A .csv or .jsonl file of several articles is a batch: the classroom takes one "
                              "article at a time (or an exercise file).")
    return Lesson(prepared.articles[0])


async def _answer(request: Request, make: Callable[[AnalysisService, ClassroomForm], Awaitable[str]]) -> Response:
    """The page `make` builds, or the classroom's forms with the user's mistake above them."""
    service: AnalysisService = request.app.state.service
    form = await read_classroom_form(request, service.settings)
    try:
        return HTMLResponse(await make(service, form))
    except SubmissionError as exc:
        return HTMLResponse(classroom_page("start", "Classroom: who says so?", form=form.kept(),
                                           limits=request.app.state.limits, error=exc.message), status_code=exc.status)


@router.api_route("/classroom", methods=["GET", "HEAD"], response_class=HTMLResponse)
async def classroom_home(request: Request) -> HTMLResponse:
    return HTMLResponse(classroom_page("start", "Classroom: who says so?", limits=request.app.state.limits))


for _path in POST_ONLY:
    # a page reloaded or its address opened again: nothing is kept, so back to the forms
    router.add_api_route(_path, lambda: RedirectResponse("/classroom", status_code=303), methods=["GET"])


@router.post("/classroom/compare")
async def compare(request: Request) -> Response:
    async def make(service: AnalysisService, form: ClassroomForm) -> str:
        results = []
        for side, name in SIDES.items():
            try:
                lesson = await lesson_of(service, form, side)
            except SubmissionError as exc:
                raise SubmissionError(f"{name}: {exc.message}", exc.status) from None
            results.append(await service.run(service.analyze_one, lesson.article))
        return await service.run(_comparison_page, *results)

    return await _answer(request, make)


def _comparison_page(first: ArticleResult, second: ArticleResult) -> str:
    return classroom_page("compare", "Two articles compared", c=comparison_view(first, second))


def _exercise_page(service: AnalysisService, lesson: Lesson, form: Optional[ClassroomForm]) -> str:
    """The exercise; with the form of a student who pressed Check, their answers checked."""
    result = service.analyze_one(lesson.article)
    stem = safe_stem(lesson.article.id)
    files = [_jsonl(lesson.record(with_key=False), f"{stem}-exercise.jsonl", "Exercise file (the article, no answers)")]
    answers, checked = {}, None
    if form is not None:
        check_sentence_count(form.field("sentences"), result.sentences)
        answers = form_labels(form.values, "answer-", result.sentences)
        checked = checked_view(result, answers, key_labels(lesson.key, result.sentences), service.rule_whys)
        mine = apply_corrections(result.sentences, result.attributions, answers).sentences
        files.append(_jsonl(gold_record(lesson.article.id, lesson.article.text, lesson.article.outlet, mine,
                                        title=lesson.article.title),
                            f"{stem}-answer-key.jsonl", "These answers as an answer key (exercise file)"))
    elif lesson.key is not None:
        files.append(_jsonl(lesson.record(with_key=True), f"{stem}-answer-key.jsonl", "Exercise file with the answer key"))
    context = exercise_context(result, answers, checked, lesson.token())
    return classroom_page("exercise", f"Exercise: {context['title']}", x=context, files=[f.view() for f in files])


def _corrected(service: AnalysisService, lesson: Lesson, form: ClassroomForm) -> tuple[ArticleResult, ArticleResult, dict]:
    """(the analysis, the article with the labels set by hand and scored again, the corrections).
    The labels come from the page's check boxes, else from the file opened (a desk's corrections)."""
    result = service.analyze_one(lesson.article)
    if form.field("sentences"):
        check_sentence_count(form.field("sentences"), result.sentences)
        wanted = form_labels(form.values, "labels-", result.sentences)
    else:
        key = key_labels(lesson.key, result.sentences) or {}
        wanted = {index: sorted(labels) for index, labels in key.items()}
    corrected = apply_corrections(result.sentences, result.attributions, wanted)
    return result, service.rescored(result, corrected), corrected.corrections


def _correction_page(service: AnalysisService, lesson: Lesson, form: ClassroomForm) -> str:
    original, corrected, corrections = _corrected(service, lesson, form)
    article = lesson.article
    record = gold_record(article.id, article.text, article.outlet, corrected.sentences, sorted(corrections), article.title)
    files = [_jsonl(record, f"{safe_stem(record['id'])}-gold.jsonl", "Corrections as a gold file (sourcing evaluate)")]
    context = correction_context(original, corrected, corrections, Lesson(article).token())
    return classroom_page("correct", f"Correct the labels: {context['r']['title']}", k=context,
                          files=[f.view() for f in files])


def _presentation_page(service: AnalysisService, lesson: Lesson, form: ClassroomForm) -> str:
    _, shown, corrections = _corrected(service, lesson, form)
    context = presentation_context(shown, corrections)
    return classroom_page("present", f"Presentation: {context['r']['title']}", p=context)


def _jsonl(record: dict, name: str, label: str) -> Download:
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    return Download(name, label, data, EXERCISE_MEDIA_TYPE)


def _one_lesson(page: Callable[[AnalysisService, Lesson, Optional[ClassroomForm]], str], with_form: bool = True):
    """A route that reads the page's one article (the lesson) and answers page(service, lesson,
    form), off the event loop; the form only where the page reads the student's or teacher's labels."""
    async def route(request: Request) -> Response:
        async def make(service: AnalysisService, form: ClassroomForm) -> str:
            lesson = await lesson_of(service, form)
            return await service.run(page, service, lesson, form if with_form else None)

        return await _answer(request, make)

    return route


router.add_api_route("/classroom/exercise", _one_lesson(_exercise_page, with_form=False), methods=["POST"])
router.add_api_route("/classroom/exercise/check", _one_lesson(_exercise_page), methods=["POST"])
router.add_api_route("/classroom/correct", _one_lesson(_correction_page), methods=["POST"])
router.add_api_route("/classroom/present", _one_lesson(_presentation_page), methods=["POST"])
