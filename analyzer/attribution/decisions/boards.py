"""The elected boards of local government: "Board President Harold Jenkins", "board member
Linda Schaefer", "Trustee Marcus Hill". Local news names a school board or a planning board
once ("the Cedar Creek school board voted 5-2") and then its members by a bare "Board" title, a
word companies use too; in an article that names a public board, that title is a seat on it
(named-official)."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...rules.refs import step_id
from .phrase import org_hit

BOARD_SEAT = step_id("decide.public_board_seat", "A seat on a board ('Board President Harold Jenkins', 'board member "
                     "Linda Schaefer': lex.board_roles) in an article that names a public board (a school, planning "
                     "or county board: rule official.body) is an office on that board: named-official.")

# Roles that exist only on a board: in an article that names a public board, the word alone seats a person.
BOARD_ONLY_ROLES = ("trustee",)


def board_seat(hits, lexicon, tokens: list[Token]) -> Optional[tuple[str, str]]:
    """(named-official, step) for a person titled by a role on a board ("Board member X") when
    the article names a public board and the phrase names no other organisation."""
    organisation = org_hit(hits, tokens)
    doc = tokens[0].doc
    if organisation is None:
        # "Trustee Marcus Hill", "Ana Ortiz, a trustee,": a role only a board has needs no "Board"
        if not any(t.lower_ in BOARD_ONLY_ROLES for t in tokens):
            return None
    elif organisation.end - organisation.start != 1 or doc[organisation.start].lower_ != "board" or not any(
            t.lower_ in lexicon.board_roles for t in tokens if t.i != organisation.start):
        return None
    named_public_board = any(
        any(doc[i].lower_ == "board" for i in range(hit.start, hit.end))
        for hit in hits.hits if hit.kind == "official" and hit.type == "body")
    return ("named-official", BOARD_SEAT) if named_public_board else None
