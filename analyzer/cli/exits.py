"""Exit codes, and the one place where errors of a whole run become a message and a code."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import typer

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE, EXIT_RUN_STOPPED = 0, 1, 2, 3


@contextmanager
def usage_errors() -> Iterator[None]:
    """A bad rule file, a missing model or an unwritable folder stops the run: one line, exit 2.
    A run that started but could not finish (a Dask cluster that lost its workers): one line, exit 3."""
    from ..errors import AnalyzerError, ClusterError

    try:
        yield
    except ClusterError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_RUN_STOPPED)
    except AnalyzerError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        typer.echo(f"error: {where}{exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_USAGE)
