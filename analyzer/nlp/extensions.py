"""Every Doc extension the analyzer uses, declared in one place.

Components talk to each other and to their caller only through these (never through
`doc.user_data`), and each holds plain data (offsets, strings, records), so a doc pickles.

- `doc._.sourcing_publishers`: set by the caller before the pipeline runs: the names of
  the article's own publisher (its outlet, a dateline credit). Its own name is not another
  outlet: "told Reuters" in a Reuters article is the article's own reporting.
- `doc._.sourcing_headings`: set by `sourcing_lines`: (start, end) character ranges of the
  lines that are headings.
- `doc._.sourcing`: set by `sourcing_attributor`: the DocAnalysis (analyzer/records.py),
  the same attributions as `doc.spans["sourcing_attributions"]`.
"""

from __future__ import annotations

from spacy.tokens import Doc

SPAN_KEY = "sourcing_attributions"
DOC_EXTENSIONS = {"sourcing_publishers": (), "sourcing_headings": (), "sourcing": None}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
