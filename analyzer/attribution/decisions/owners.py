"""Who owns a title: "Northstar's vice president" and "the group's emergency coordinator" hold
posts at a private organisation, not public office (decide.named_person, title_of_person)."""

from __future__ import annotations

from spacy.tokens import Token


def owner_not_a_place(token: Token) -> bool:
    """ "Northstar's vice president": an organisation owns the title, unless the recogniser
    tags the same name a place elsewhere in the article ("Sarkovia's president")."""
    if token.dep_ != "poss" and not any(c.dep_ == "case" for c in token.children):
        return False
    return not any(e.label_ in ("GPE", "LOC") and e.text == token.text for e in token.doc.ents)


def private_owner(hits, tokens: list[Token]) -> bool:
    """ "the group's emergency coordinator", "the company's director": a title owned by an
    organisation the article referred back to as a private one (rule other.reference)."""
    return any(t.dep_ == "poss" and hits.within([t.i], "named_other", "reference") for t in tokens)


def employer_after_at(token: Token) -> bool:
    """ "analysts at Jefferies", "chief economist at Barclays": a proper name after "at" is an
    employer, not a place."""
    return token.dep_ == "pobj" and token.head.lower_ == "at" and token.pos_ == "PROPN" and \
        token.ent_type_ not in ("GPE", "LOC", "FAC")


def owned_by_company(hits, tokens: list[Token]) -> bool:
    """ "Northgate's vice president", "Harlow Group's finance director": a post owned by an
    organisation the recogniser names, that is no place and that no rule makes official."""
    return any(t.ent_type_ == "ORG" and owner_not_a_place(t) and t.dep_ == "poss" and not hits.within([t.i], "official")
               for t in tokens)
