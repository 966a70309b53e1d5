"""sourcing-analyzer: shows who says so in a news article."""

__version__ = "0.1.0"

from .labels import LABELS  # noqa: E402  (the six source labels; the table is analyzer/labels.py)

__all__ = ["LABELS", "__version__", "analyze", "load"]


def __getattr__(name: str):
    # `import analyzer` stays cheap (the CLI's --help must not load spaCy or pandas): the
    # Python API (analyzer/api.py) is imported on first use of analyzer.analyze or analyzer.load.
    if name in ("analyze", "load"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
