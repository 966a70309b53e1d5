"""Typed errors raised by the library. Only the CLI turns them into exit codes."""

from __future__ import annotations

from pathlib import Path


class AnalyzerError(Exception):
    """Base class of every error the analyzer raises on purpose."""


class InputError(AnalyzerError):
    """An input (file, line, row, URL) that cannot be read as an article.

    `stage` says where it failed: "read" (the file), "fetch" (the URL), "decode" (the bytes
    are not text), "extract" (no article in the HTML), "parse" (a JSONL line or CSV/Parquet
    row), or "analyze" (the pipeline failed on it).
    """

    STAGES = ("read", "fetch", "decode", "extract", "parse", "analyze")

    def __init__(self, source: str | Path, message: str, line: int | None = None, article_id: str | None = None,
                 stage: str = "read"):
        self.source = str(source)
        self.line = line
        self.article_id = article_id
        self.message = message
        self.stage = stage
        super().__init__(self.one_line())

    def __reduce__(self):
        # Picklable (for worker processes): Exception's default would call __init__(one_line).
        return (self.__class__, (self.source, self.message, self.line, self.article_id, self.stage))

    def one_line(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


class UsageError(AnalyzerError):
    """An option the whole run cannot go on with (an unknown encoding, say)."""


class RuleFileError(AnalyzerError):
    """A rule file that does not load or validate; names the file, the rule and the field."""

    def __init__(self, path: str | Path, message: str, rule_id: str | None = None, field: str | None = None):
        self.path = str(path)
        self.rule_id = rule_id
        self.field = field
        self.message = message
        super().__init__(self.one_line())

    def __reduce__(self):
        return (self.__class__, (self.path, self.message, self.rule_id, self.field))

    def one_line(self) -> str:
        parts = [self.path]
        if self.rule_id:
            parts.append(f"rule {self.rule_id}")
        if self.field:
            parts.append(f"field {self.field}")
        return ": ".join(parts) + f": {self.message}"


class ModelNotFoundError(AnalyzerError):
    """No spaCy English pipeline could be loaded."""


class ClusterError(AnalyzerError):
    """A Dask run that cannot finish: the cluster lost every worker, a partition kept killing
    the workers that ran it, or a worker cannot run the analyzer. No table is written."""
