"""The article's own publisher: its name is not another outlet (docs/labelling.md: "told Reuters"
in a Reuters article is the article's own reporting)."""

from __future__ import annotations

import re
from typing import Iterable, Optional

from ..nlp.segment import DATELINE_WIRE
from ..records import Attribution
from ..rules.schema import OutletEntry


def normalise_outlet(name: str) -> str:
    name = re.sub(r"[^\w\s]", " ", name.lower())
    name = re.sub(r"^\s*the\s+", "", name)
    return " ".join(name.split())


def dateline_wire(text: str) -> Optional[str]:
    """The wire credit of a dateline that opens the article: "WASHINGTON (AFP) –" gives AFP."""
    match = DATELINE_WIRE.search(text[:600])
    return match.group(1).strip() if match else None


# A word of a name, without a possessive ending ("ABC's" -> "ABC"); the longest outlet name in words.
NAME_WORD = re.compile(r"[^\W_][\w.&\-]*?(?=['’]s\b|[^\w.&\-]|$)")
OUTLET_MAX_WORDS = 5


class OutletIndex:
    """Surface form -> canonical outlet name, to recognise an article's own publisher."""

    def __init__(self, outlet_entries: dict[str, OutletEntry]):
        self.forms: dict[str, str] = {}
        for entry in outlet_entries.values():
            for form in entry.surface_forms:
                self.forms.setdefault(normalise_outlet(form), entry.canonical)
        # the names without spaces, as a web address writes them ("washingtonpost", "foxnews")
        self.joined = {form.replace(" ", ""): canonical for form, canonical in self.forms.items()}

    def by_domain(self, host: str) -> Optional[str]:
        """The outlet whose name a web address spells: "washingtonpost.com" -> The Washington Post."""
        words = host.lower().split(".")
        label = words[-2] if len(words) >= 2 else words[0]
        return self.joined.get(label) if len(label) >= 3 else None

    def named_in(self, text: str) -> Optional[str]:
        """The first outlet the text names in capitalised words ("aired on ABC's 'This Week'" ->
        ABC), longest name first; None when it names none."""
        words = NAME_WORD.findall(text)
        for i, word in enumerate(words):
            if not word[0].isupper():
                continue
            for n in range(min(OUTLET_MAX_WORDS, len(words) - i), 0, -1):
                canonical = self.forms.get(normalise_outlet(" ".join(words[i:i + n])))
                if canonical is not None:
                    return canonical
        return None

    def canonical(self, name: Optional[str]) -> Optional[str]:
        if not name:
            return None
        return self.forms.get(normalise_outlet(name), name)

    def own_names(self, publishers: Iterable[Optional[str]]) -> set[str]:
        """The normalised canonical names of the article's own publisher(s)."""
        return {normalise_outlet(c) for c in (self.canonical(p) for p in publishers) if c}

    @staticmethod
    def is_own(attribution: Attribution, own: set[str]) -> bool:
        """Another outlet that is the article's own publisher; or the publisher named in its
        own article as an organisation, when the gazetteer does not know it ("invoices
        reviewed by the Harbor Times" on the Harbor Times' page is its own reporting)."""
        if attribution.label == "secondary-outlet":
            return bool(attribution.outlet) and names_own(attribution.outlet, own)
        return attribution.label == "named-other" and names_own(attribution.resolved_source or attribution.source, own)


def names_own(name: str, own: set[str]) -> bool:
    """The publisher's name, or its short form: a paper calls itself by the end of its name ("the
    Daily News" in The Riverton Daily News, "The Observer" in The Continental Observer)."""
    short = normalise_outlet(name)
    return bool(short) and any(full == short or full.endswith(" " + short) for full in own)
