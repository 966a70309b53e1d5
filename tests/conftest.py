"""Shared fixtures: one Analyzer per test session, and a CliRunner helper for `sourcing`.

Loading spaCy takes a second or more, and every CLI invocation builds its own Analyzer,
so the CLI tests run few invocations and share their results through module fixtures.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path
from typing import Optional, Sequence

import pytest
from typer.testing import CliRunner

CHROMIUM = "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else shutil.which("chromium")


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright (no browser download), for a module of browser
    tests; they skip, saying why, without chromium or Playwright. Per module, not per session:
    Playwright's sync API keeps an event loop running while it is open, and tests that call
    asyncio.run (test_web_load.py) must not find one."""
    if not CHROMIUM:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium; `make test` does it as root)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def analyzer():
    """The packaged pipeline and rules, built once for the whole session."""
    from analyzer.run.local import Analyzer

    return Analyzer()


class Cli:
    """`cli.invoke([...])` runs `sourcing` in-process; the other methods read what it wrote."""

    SENTENCE_PREFIX = ["article_id", "sentence_index", "start_char", "end_char", "is_heading", "text", "labels"]
    ATTRIBUTION_PREFIX = ["article_id", "sentence_index", "label", "source", "resolved_source", "cue",
                          "quote_type", "start_char", "end_char", "rule_id"]
    OUTPUT_FILES = ("sentences.csv", "attributions.csv", "scorecard.csv", "sources.csv")

    def __init__(self) -> None:
        # click >= 8.2 always keeps stderr apart (result.stdout / result.stderr) and has no
        # mix_stderr argument any more; result.output is both streams interleaved.
        self.runner = CliRunner()

    def invoke(self, args: Sequence[str], input: Optional[str | bytes] = None):
        from analyzer.cli import app

        return self.runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=True)

    __call__ = invoke

    @staticmethod
    def assert_no_traceback(result) -> None:
        """CliRunner swallows an uncaught exception, so look at result.exception as well as the text."""
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"uncaught {result.exception!r}; stderr:\n{result.stderr}")
        assert "Traceback" not in result.output
        assert "Traceback" not in result.stderr

    @staticmethod
    def error_lines(result) -> list[str]:
        return [line for line in result.stderr.splitlines() if line.startswith("error:")]

    @staticmethod
    def read_csv(path: Path) -> tuple[list[str], list[dict]]:
        """(header, rows) of a CSV file, read strictly as UTF-8."""
        text = Path(path).read_bytes().decode("utf-8")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = list(reader)
        return list(reader.fieldnames or []), rows

    @staticmethod
    def parse_csv(text: str) -> tuple[list[str], list[dict]]:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli()
