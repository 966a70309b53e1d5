"""`sourcing explain ARTICLE`: the scorecard's checklist with the sentences behind each check;
with `--sentence N`, the decision trace of one sentence instead."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, List, Optional, Union

import typer

from .exits import EXIT_INPUT_ERRORS, usage_errors

if TYPE_CHECKING:
    from ..attribution.trace import SentenceExplanation
    from ..errors import InputError
    from ..io.articles import Article
    from ..run.local import Analyzer

SENTENCE_HELP = ("Print the decision trace of sentence N instead of the checklist: each cue, the source phrase it "
                 "led to, the decision steps tried and passed, the step that gave the label and its rule. N is the "
                 "sentence_index of sentences.csv, counted from 0 (headings count). Applies to every article given.")


def explain_command(
    inputs: Annotated[List[str], typer.Argument(help="Articles, as for `sourcing analyze`.", show_default=False)],
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="The article's own publisher.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline (package name or path).")] = None,
    rules: Annotated[Optional[List[Path]], typer.Option("--rules", help="A folder of rule files that add to or replace the packaged ones.")] = None,
    sentence: Annotated[Optional[int], typer.Option("--sentence", metavar="N", help=SENTENCE_HELP, show_default=False)] = None,
) -> None:
    """Print the sourcing checklist (Named, Authoritative, Multiple, Verify, Independent) with its evidence
    sentences; with --sentence N, why sentence N got its labels (which rule to edit to change one)."""
    from rich.console import Console

    from ..errors import InputError
    from ..io.ingest import read_inputs, with_outlet
    from ..run.local import Analyzer
    from ..report.checklist import print_checklist, print_dimensions
    from ..report.trace_view import print_sentence_trace

    console = Console(highlight=False)
    errors = 0
    with usage_errors():
        analyzer = Analyzer(model=model, rules_dirs=rules or [])
    items = with_outlet(read_inputs(inputs), outlet)
    if sentence is not None:
        whys = rule_whys(analyzer)
        results = (trace_sentence(analyzer, item, sentence) if not isinstance(item, InputError) else item for item in items)
    else:
        results = analyzer.analyze(items)
    for result in results:
        if isinstance(result, InputError):
            typer.echo(f"error: {result.one_line()}", err=True)
            errors += 1
        elif sentence is not None:
            print_sentence_trace(result, whys, console)
        else:
            console.rule(result.article.id, style="bold")
            print_dimensions(result, console)
            print_checklist(result, console)
    if errors:
        raise typer.Exit(EXIT_INPUT_ERRORS)


def trace_sentence(analyzer: "Analyzer", article: "Article", index: int) -> Union["SentenceExplanation", "InputError"]:
    """Analyse one article with a trace collector active, in this process, and explain sentence
    `index` (numbered as in sentences.csv); an InputError when the article fails or has no such sentence."""
    from ..attribution.trace import collecting, explain_sentence
    from ..errors import InputError
    from ..run import local

    with collecting() as collector:
        # Consumed inside the block: nlp.pipe runs the component only as results are read.
        result = list(analyzer.analyze([article]))[0]  # one article in: one result or one error out
    if isinstance(result, InputError):
        return result
    count = len(result.sentences)
    if not 0 <= index < count:
        numbered = f"sentences 0 to {count - 1}" if count else "no sentences"
        return InputError(article.origin or article.id, f"no sentence {index}: article {article.id} has {numbered}",
                          line=article.line, article_id=article.id)
    chunks = local.paragraph_chunks(article.text, local.CHUNK_CHARS)  # as Analyzer parsed it
    return explain_sentence(article.id, article.text, chunks, result.sentences, result.attributions, collector, index)


def rule_whys(analyzer: "Analyzer") -> dict[str, str]:
    """The `why` of every rule the analyzer loaded and of every decision step, by id (as `sourcing rules list`)."""
    from .rules import entries_of

    entries = entries_of(analyzer.nlp.get_pipe("sourcing_attributor").ruleset)
    return {entry.id: " ".join(entry.why.split()) for entry in entries}
