"""What a decision step answers: a labelled Source (decided), NOT_A_SOURCE (decided: this
phrase is no source; stop), or None (this step does not apply; ask the next)."""

from __future__ import annotations

from typing import Optional, Union

from ..context import Source


class NotASource:
    def __repr__(self) -> str:
        return "NOT_A_SOURCE"


NOT_A_SOURCE = NotASource()
Verdict = Optional[Union[Source, NotASource]]
