"""Quotation spans in an article, robust to unmatched and mixed quotation marks.

textacy's quotation-mark normalisation maps curly, angled and low marks to plain ones
with the same length, so offsets stay valid; the direction of each mark is then read from
its original form ("“" opens, "”" closes) or, for a plain '"', from the characters around it.
A quotation left open at the end of a paragraph runs on into the next paragraph when that
one continues it (news style opens every quoted paragraph and closes only the last).
"""

from __future__ import annotations

from textacy.preprocessing.normalize import quotation_marks

OPENING = {"“", "„", "«", "‟", "〝"}
CLOSING = {"”", "»", "〞", "〟"}


class QuoteFinder:
    def __call__(self, text: str) -> list[tuple[int, int]]:
        normalised = quotation_marks(text)
        if len(normalised) != len(text):  # never trust offsets from a normaliser that changed length
            normalised = text
        spans: list[tuple[int, int]] = []
        carried: int | None = None  # a quotation still open at the end of an earlier paragraph
        carried_end = 0
        position = 0
        for line in text.splitlines(keepends=True):
            line_start, line_end = position, position + len(line.rstrip("\r\n"))
            position += len(line)
            if not text[line_start:line_end].strip():
                continue
            marks = [i for i in range(line_start, line_end) if normalised[i] == '"']
            open_at: int | None = None
            if carried is not None:
                first = marks[0] if marks else None
                leading = first is not None and not text[line_start:first].strip()
                if first is not None and leading and self._opens(text, first, False):
                    open_at, carried = carried, None
                    marks = marks[1:]
                elif first is not None and not self._opens(text, first, True):
                    open_at, carried = carried, None
                else:
                    spans.append((carried, carried_end))
                    carried = None
            for i in marks:
                if self._opens(text, i, open_at is not None):
                    if open_at is None:
                        open_at = i
                elif open_at is not None:
                    spans.append((open_at, i + 1))
                    open_at = None
                else:
                    # a closing mark with nothing open: the quotation began at the paragraph start
                    spans.append((line_start, i + 1))
            if open_at is not None:
                carried, carried_end = open_at, line_end
        if carried is not None:
            spans.append((carried, carried_end))
        return self._merge(spans)

    @staticmethod
    def _opens(text: str, i: int, something_open: bool) -> bool:
        char = text[i]
        if char in OPENING:
            return True
        if char in CLOSING:
            return False
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
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
