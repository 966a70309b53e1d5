"""`sourcing serve`: the analyzer as a web page and a JSON API (analyzer/web/), served by uvicorn.

A thin typer wrapper: it checks the options, passes them to the worker processes through the
environment (web/settings.py), and starts uvicorn; each worker loads the model once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .exits import EXIT_USAGE


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on. 127.0.0.1: this computer only; 0.0.0.0: every network it is on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes; each loads the model once (about 0.3 GB each) and analyses one article at a time.")] = 1,
    allow_private_urls: Annotated[bool, typer.Option("--allow-private-urls", help="Also fetch URLs on loopback, private, link-local, multicast and reserved addresses (refused by default: the server would fetch from inside its own network for anyone).")] = False,
    max_body_mb: Annotated[float, typer.Option("--max-body-mb", min=0.001, help="Largest request body, in MB (a larger one is answered 413).")] = 10.0,
    max_text_chars: Annotated[int, typer.Option("--max-text-chars", min=1, help="Longest article, in characters.")] = 100_000,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline (package name or path).")] = None,
    rules: Annotated[Optional[List[Path]], typer.Option("--rules", help="A folder of rule files that add to or replace the packaged ones.")] = None,
) -> None:
    """Start the web page and JSON API (http://HOST:PORT/, API docs at /docs)."""
    try:
        import uvicorn

        from ..web.settings import ENVIRONMENT_KEY, ServerSettings
    except ImportError as exc:
        typer.echo(f"error: {exc.name} is not installed: pip install 'sourcing-analyzer[serve]'", err=True)
        raise typer.Exit(EXIT_USAGE)
    missing = [str(r) for r in rules or [] if not Path(r).is_dir()]
    if missing:
        typer.echo(f"error: --rules {missing[0]}: no such folder", err=True)
        raise typer.Exit(EXIT_USAGE)
    settings = ServerSettings(allow_private_urls=allow_private_urls, max_body_bytes=int(max_body_mb * 1_000_000),
                              max_text_chars=max_text_chars, model=model,
                              rules=tuple(str(Path(r).resolve()) for r in rules or []))
    os.environ[ENVIRONMENT_KEY] = settings.to_environment()
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"sourcing serve: open http://{shown}:{port}/ (API docs at /docs; Ctrl+C stops it)", err=True)
    if allow_private_urls:
        typer.echo("warning: --allow-private-urls: the server fetches addresses inside its own network too", err=True)
    uvicorn.run("analyzer.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="info", access_log=True, server_header=False, proxy_headers=False)
