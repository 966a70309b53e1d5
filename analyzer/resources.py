"""Folders of data files shipped inside the wheel (rule files, report templates)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]


def packaged_folder(package: str, marker: str, checkout_folder: str) -> Path:
    """The installed data package `package` (a folder holding `marker`), else the checkout's
    own `checkout_folder` (an editable install maps only top-level packages)."""
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        spec = None
    # A package without __init__.py has search locations but no file (resources.files()
    # would give a MultiplexedPath, not a folder).
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        if any(Path(location).glob(marker)):
            return Path(location)
    return CHECKOUT / checkout_folder
