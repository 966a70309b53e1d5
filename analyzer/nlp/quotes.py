"""Quotation spans in an article, robust to unmatched and mixed quotation marks.

Curly, angled and low double marks are mapped to a plain '"' of the same length, so offsets
stay valid (the same one-to-one translation textacy's quotation-mark normalisation does, with
the angled and low marks added, and without importing textacy, which costs a second of
start-up); the direction of each mark is then read from its
original form ("“" opens, "”" closes), or, for a plain '"' and the archive convention of
two apostrophes ('' ... ''), from the characters around it. A quotation left open at
the end of a paragraph runs on into the next paragraph when that one continues it (news
style opens every quoted paragraph and closes only the last).
"""

from __future__ import annotations

import re
from typing import Optional

OPENING = {"“", "„", "«", "‟", "〝"}
CLOSING = {"”", "»", "〞", "〟"}
DOUBLE_MARKS = {ord(mark): ord('"') for mark in OPENING | CLOSING | {"″"}}


# After quotation_marks(): a '"', or the archive convention's two apostrophes or backquotes.
DOUBLE_MARK = re.compile(r"''|``|\"")


def quotation_marks(text: str) -> str:
    return text.translate(DOUBLE_MARKS)


class QuoteFinder:
    def __call__(self, text: str) -> list[tuple[int, int]]:
        normalised = quotation_marks(text)
        if len(normalised) != len(text):  # never trust offsets from a normaliser that changed length
            normalised = text
        spans: list[tuple[int, int]] = []
        carried: Optional[int] = None  # a quotation still open at the end of an earlier paragraph
        carried_end = 0
        position = 0
        for line in text.splitlines(keepends=True):
            line_start, line_end = position, position + len(line.rstrip("\r\n"))
            position += len(line)
            if not text[line_start:line_end].strip():
                continue
            marks = self._marks(text, normalised, line_start, line_end)
            open_at: Optional[int] = None
            if carried is not None:
                first = marks[0] if marks else None
                leading = first is not None and not text[line_start:first[0]].strip()
                if first is not None and leading and self._opens(text, first, False):
                    open_at, carried = carried, None
                    marks = marks[1:]
                elif first is not None and not self._opens(text, first, True):
                    open_at, carried = carried, None
                else:
                    spans.append((carried, carried_end))
                    carried = None
            for mark in marks:
                if self._opens(text, mark, open_at is not None):
                    if open_at is None:
                        open_at = mark[0]
                elif open_at is not None:
                    spans.append((open_at, mark[0] + mark[1]))
                    open_at = None
                else:
                    # a closing mark with nothing open: the quotation began at the paragraph start
                    spans.append((line_start, mark[0] + mark[1]))
            if open_at is not None:
                carried, carried_end = open_at, line_end
        if carried is not None:
            spans.append((carried, carried_end))
        return self._merge(spans)

    @staticmethod
    def _marks(text: str, normalised: str, start: int, end: int) -> list[tuple[int, int]]:
        """(offset, width) of each double quotation mark in text[start:end]."""
        return [(m.start(), m.end() - m.start()) for m in DOUBLE_MARK.finditer(normalised, start, end)]

    @staticmethod
    def _opens(text: str, mark: tuple[int, int], something_open: bool) -> bool:
        i, width = mark
        char = text[i]
        if text[i:i + 2] == "``":
            return True
        if char in OPENING:
            # German and Czech quotations open low and close with "“": „so“
            return not (char == "“" and something_open)
        if char in CLOSING:
            return False
        before = text[i - 1] if i > 0 else " "
        after = text[i + width] if i + width < len(text) else " "
        if before.isspace() or before in "([{—–-:,":
            return not (after.isspace() and something_open)
        if after.isspace() or after in ".,;:!?)]}—–-":
            return False
        return not something_open

    @staticmethod
    def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if end <= start:
                continue
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        return out
