"""sourcing-analyzer: shows who says so in a news article."""

__version__ = "0.1.0"

LABELS = (
    "named-official",
    "anonymous",
    "satellite-imagery",
    "secondary-outlet",
    "named-other",
    "document",
)
