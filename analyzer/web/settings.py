"""The server's options and limits. uvicorn starts each worker process by importing the app,
so the options travel to the workers as one environment variable (JSON)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from typing import Optional

ENVIRONMENT_KEY = "SOURCING_SERVE_SETTINGS"


@dataclass(frozen=True)
class ServerSettings:
    # Fetch URLs on loopback, private, link-local, multicast and reserved addresses too
    # (`--allow-private-urls`: a newsroom's intranet, or a test server on 127.0.0.1).
    allow_private_urls: bool = False
    max_body_bytes: int = 10_000_000   # a request body over this is answered 413
    # An article longer than this is refused with a message: a long feature is ~30,000
    # characters, and a 100,000-character article takes some 10 s of this worker's time.
    max_text_chars: int = 100_000
    max_batch_articles: int = 200       # articles in one uploaded .csv/.jsonl
    model: Optional[str] = None
    rules: tuple[str, ...] = field(default_factory=tuple)

    def to_environment(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_environment(cls) -> "ServerSettings":
        raw = os.environ.get(ENVIRONMENT_KEY)
        if not raw:
            return cls()
        values = json.loads(raw)
        values["rules"] = tuple(values.get("rules") or ())
        return cls(**values)


def megabytes(size: int) -> str:
    """10000000 -> "10 MB"; 1500 -> "1.5 kB" (decimal units, as the limits are given)."""
    for unit, factor in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"
