"""A folder of JSON files that spare the start-up work done by an earlier run.

Two kinds of entry, each stored under a key made of everything its work read, so that an entry
is found only when the work would give the same result and is never stale:
- "parsed": what the rule files' YAML parsed to (loader.py), keyed by the files' names and
  contents and the YAML library;
- "matcher": the rules compiled for the matchers (compiled.py), keyed by the rule files, the
  code that compiles them and the tokenizer.
The files hold plain data (loading one runs no code). The cache is only a shortcut: when its
folder cannot be made or written, or a file in it is damaged, the work is done as before.
SOURCING_CACHE_DIR moves it; set to an empty value, it is off.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Optional

CACHE_ENV = "SOURCING_CACHE_DIR"
# Entries of other rule versions (an edited rule file, another --rules folder) are pruned beyond
# these, per kind.
KEEP_FILES = 8


def cache_dir() -> Optional[Path]:
    """$SOURCING_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache); None when off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # no home folder to be found: no cache
        return None
    return Path(base) / "sourcing-analyzer"


def _entry(kind: str, key: str) -> Optional[Path]:
    folder = cache_dir()
    return folder / f"{kind}-{key[:32]}.json" if folder is not None else None


def read(kind: str, key: str) -> Optional[Any]:
    """The data stored under `key`, or None (not stored, unreadable, damaged, or off)."""
    path = _entry(kind, key)
    if path is None:
        return None
    try:
        if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
            return None  # another user's file in a shared folder: not ours to trust
        stored = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(stored, dict) or stored.get("key") != key or "data" not in stored:
            return None
    except (OSError, ValueError):
        return None
    try:
        os.utime(path)  # recently used: kept when older entries are pruned
    except OSError:
        pass
    return stored["data"]


def write(kind: str, key: str, data: Any) -> None:
    """Store `data` (plain JSON data) under `key`; quietly nothing when the folder is not writable."""
    path = _entry(kind, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
    except OSError:
        return  # a folder this user cannot write: run without the cache
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"key": key, "data": data}, stream, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)  # atomic: a run started meanwhile reads the old file or the new, never half
    except (OSError, TypeError, ValueError):
        Path(temporary).unlink(missing_ok=True)
        return
    _prune(path.parent, kind)


def _prune(folder: Path, kind: str) -> None:
    """Keep the KEEP_FILES most recently used entries of `kind`."""
    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    for old in sorted(folder.glob(f"{kind}-*.json"), key=used, reverse=True)[KEEP_FILES:]:
        try:
            old.unlink()
        except OSError:
            pass
