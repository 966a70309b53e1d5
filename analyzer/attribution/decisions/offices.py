"""A named person's office: the words around the name that make them an official (a title,
an official body, a party-and-state tag, a seat they hold now) or keep them from being one
("former", "candidate", a post at a private organisation). One place decides it for the
decision steps (decide.named_person) and for the people an article names (references.py)."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from ...nlp.syntax import ORG_ENTS, PERSON_ENTS, attachments, noun_phrase
from ...rules.refs import step_id
from ..pronouns import HONORIFIC_GENDER
from .boards import board_seat
from .owners import employer_after_at, owner_not_a_place, private_owner
from .phrase import (POSSESSIVES, TITLE, UNIQUE_TITLE, a_place_in, context_body, has_group_ent, official_bodies, org_hit,
                     organisation_named_on, rule_of)

STAFF_OF_BODY = step_id("decide.staff_of_body", "A named person described by a role at an official body ('the WHO's "
                        "technical lead', 'an epidemiologist at the CDC') speaks for that body: named-official.")
LEADS_BODY = step_id("decide.leads_official_body", "A person who heads or sits on an official body now ('Lynch, who "
                     "heads the Justice Department,', 'Varga, who has represented the 14th Senate district since "
                     "2016,') is an official.")
PARTY_STATE_TAG = step_id("decide.party_state_tag", "A name followed by a party-and-state tag ('Adam Schiff "
                          "(D-Calif.)') is a sitting legislator: named-official.")
# "(D-Calif.)", "(R-N.Y., chairman of the committee)"; or AP's style, between commas: ", R-Texas,"
PARTY_STATE = re.compile(r"\s*(?:\((?:D|R|I)[-–](?:[A-Z][A-Za-z.]+\.?|[A-Z]{2})(?:,[^)]{0,30})?\)"
                         r"|,\s*(?:D|R|I)[-–](?:[A-Z][A-Za-z.]+\.?|[A-Z]{2})(?=[\s,;:]|$))")
PARTY_STATE_TOKENS = 16  # "(R-N.Y., chairman of the committee)" fits well within
LEADING_VERBS = ("head", "lead", "run", "chair", "direct", "oversee", "command")
# Verbs of holding a seat ("has represented the district since 2016", "has served on the council since").
SEAT_VERBS = ("represent", "serve", "sit")
LEFT_OFFICE = step_id("decide.left_office", "A person who left an official body ('Keene, who left the department "
                      "in 2024,') no longer holds its office: named-other, as 'former' says.")
# Verbs of leaving a post, in the past ("who left the department", "who resigned from the board").
LEAVING_VERBS = ("leave", "quit", "resign", "retire", "depart", "exit")
# Words for a body that its staff are named by, with "the" ("the unit's civilian director").
BODY_WORDS = frozenset(("board", "council", "unit", "office", "center", "centre", "commission", "committee", "agency",
                        "ministry", "department", "bureau", "service", "authority"))
STAFF_OF_BODY_BEFORE = step_id("decide.staff_of_body_before", "A title of the body that spoke before ('Marie-Claude "
                               "Tessier, the unit's civilian director,' after the investigation unit said it had taken "
                               "the case) is that body's post: its label.")


def speaks_for_other(hits, spokes: Token, lexicon) -> bool:
    """ "a spokesman for Harborline", "a spokeswoman for the family": a "for" phrase that names no
    official body, function or state, nor points back to one ("for the department")."""
    for prep in spokes.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            return not hits.within([t.i for t in prep.subtree], "official") and not speaks_for_body_named_before(
                spokes, lexicon)
    return False


def speaks_for_body_named_before(spokes: Token, lexicon) -> bool:
    """ "a spokesman for the department", "a spokeswoman for the ministry": a spokesperson for a
    body the article named before (lex.official_references: "the department" points to one)."""
    return any(prep.dep_ == "prep" and prep.lower_ == "for" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in lexicon.official_references and any(
            d.lower_ == "the" for d in o.children) for o in prep.children) for prep in spokes.children)


def office_of_person(hits, lexicon, tokens: list[Token], ent: Span) -> Optional[tuple[str, str]]:
    """(label, rule) for a named person from the words around the name: "former", "nominee",
    "campaign" (official.not_official) make them named-other, unless the title right before the
    name is an office they hold now ("Republican vice-presidential nominee Gov. Mike Pence":
    a sitting governor is an official even when campaigning); else their title decides."""
    not_official = hits.within([t.i for t in tokens], "official", "not_official")
    if not_official and not _sitting_title(hits, lexicon, ent, not_official):
        return "named-other", rule_of(not_official[0])
    if _left_a_body(hits, lexicon, ent):
        return "named-other", LEFT_OFFICE
    return title_of_person(hits, lexicon, tokens, ent) or _leads_a_body(hits, ent) or _party_and_state(ent) \
        or board_seat(hits, lexicon, tokens)


def _left_a_body(hits, lexicon, ent: Span) -> bool:
    """ "Keene, who left the department in 2024,", "who resigned from the council": a relative
    clause in the past saying the person left an official body."""
    for clause in (c for c in ent.root.children if c.dep_ == "relcl"):
        if clause.lemma_.lower() not in LEAVING_VERBS or clause.tag_ != "VBD":
            continue
        left = [t for c in clause.children if c.dep_ in ("dobj", "prep") for t in c.subtree]
        if hits.within([t.i for t in left], "official", "body", "function") or any(
                t.lemma_.lower() in lexicon.official_references and t.dep_ in ("dobj", "pobj") for t in left):
            return True
    return False


def _party_and_state(ent: Span) -> Optional[tuple[str, str]]:
    """ "Adam Schiff (D-Calif.)": the party-and-state tag news gives sitting members of Congress
    and of state legislatures."""
    # the words right after the name, not doc.text (which joins the whole document on each call)
    after = ent.doc[ent.end - 1:ent.end + PARTY_STATE_TOKENS].text
    if PARTY_STATE.match(after, len(ent[-1].text)) is None:
        return None
    return "named-official", PARTY_STATE_TAG


def _leads_a_body(hits, ent: Span) -> Optional[tuple[str, str]]:
    """ "Loretta Lynch, who heads the Justice Department,": the head of an official body, said
    in a relative clause in the present, is an official; so is one who has held a seat on one
    since a date and holds it still ("who has represented the 14th Senate district since 2016")."""
    for clause in (c for c in ent.root.children if c.dep_ == "relcl"):
        verb = clause.lemma_.lower()
        if verb in LEADING_VERBS and clause.tag_ in ("VBZ", "VBP") and any(
                c.dep_ == "dobj" and hits.within([t.i for t in c.subtree], "official", "body") for c in clause.children):
            return "named-official", LEADS_BODY
        still = clause.tag_ in ("VBZ", "VBP") or (
            any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in clause.children)
            and any(c.dep_ == "prep" and c.lower_ == "since" for c in clause.children))
        if verb in SEAT_VERBS and still and hits.within([t.i for t in clause.subtree], "official", "body", "function"):
            return "named-official", LEADS_BODY
    return None


def _sitting_title(hits, lexicon, ent: Span, not_official) -> bool:
    """A public-office title right before the name, and no word before it in the phrase that
    puts the office in the past (lex.past_office) unless a campaign word between takes it."""
    doc, first = ent.doc, ent.start
    for hit in hits.within(range(max(0, first - 2), first), "official", "title"):
        if rule_of(hit) not in (TITLE, UNIQUE_TITLE) or hit.end < first - 1:
            continue
        # "former presidential candidate Sen. Bernie Sanders": "former" belongs to the campaign
        # word after it, not to the title before the name
        past = any(doc[n.start].lower_ in lexicon.past_office and not any(
            n.start < m.start < hit.start and doc[m.start].lower_ not in lexicon.past_office for m in not_official)
            for n in not_official if n.start < hit.start)
        if not past:
            return True
    return False


def title_of_person(hits, lexicon, tokens: list[Token], name: Optional[Span] = None) -> Optional[tuple[str, str]]:
    """(label, rule) when a title or body among the tokens makes a person an official; a title
    companies share with governments (lex.shared_titles) next to a private organisation does not
    (the person's own name is no organisation, whatever the recogniser tagged it)."""
    doc = tokens[0].doc
    titles = [h for h in hits.within([t.i for t in tokens], "official", "title") if not _about_someone_else(doc, h, tokens)
              # "Charlie King", "Amy Marshal": a title word that ends a longer name is the surname
              # ("Zanesville Fire Chief Doug Harlan", taken whole by the recogniser, keeps its title)
              and not (name is not None and name.start < h.start and h.end == name.end)
              # "Mr. King", "Ms. Marshal": after an honorific, the word is the surname
              and not (h.start > 0 and doc[h.start - 1].lower_ in HONORIFIC_GENDER)
              # "a spokesperson for the Democratic Governors Association": its members' title
              and not organisation_named_on(hits, doc, h.end)]
    # the longest title wins: "general" is no rank inside "general counsel"
    titles = [h for h in titles if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                                           for o in titles)]
    # "MSF's medical coordinator in Mozambique": a country the post is in is no employer
    # and nor is one inside an organisation's name ("the Mozambique Red Cross")
    # and a country describing the post at a company ("chief U.S. economist at Barclays") is its scope
    at_company = any(employer_after_at(t) and not hits.within([t.i], "official") and not hits.within([t.i], "outlet")
                     for t in tokens)
    employers = [h for h in official_bodies(hits, tokens, "body", "state") if doc[h.start].head.lower_ != "in"
                 and not _about_someone_else(doc, h, tokens) and not (h.type == "state" and a_place_in(doc[h.start]))
                 and not (h.type == "state" and (doc[h.start].ent_type_ in ORG_ENTS
                                                 or at_company and doc[h.start].dep_ in ("compound", "amod")))]
    private = not employers and (at_company or org_hit(hits, tokens) is not None or any(
        # "president of the Riverbend chapter of the NAACP": an organisation the recogniser names and no rule
        # lists as official or as an outlet
        t.ent_type_ == "ORG" and (t.head.dep_ == "prep" or owner_not_a_place(t)) and not (name and t in name)
        and not hits.within([t.i], "official") and not hits.within([t.i], "outlet")
        for t in tokens) or private_owner(hits, tokens))
    for hit in titles:
        if private and doc[hit.start].lower_ in lexicon.shared_titles:
            continue  # "president of the Sierra Club", "the BJP's state spokesperson"
        if rule_of(hit) in (TITLE, UNIQUE_TITLE):
            return "named-official", rule_of(hit)
    if private:
        return None
    # "Lindahl's attorney, Bernard Cole": a person's lawyer, whose name the recogniser took for a place
    agents = titles and all(doc[h.start].lower_ in lexicon.no_office_agents for h in titles)
    body_context = context_body(hits, tokens) or (has_group_ent(tokens) and not agents)
    if titles and body_context:
        return "named-official", rule_of(titles[0])
    spokes = hits.within([t.i for t in tokens], "official", "spokesperson")
    if spokes and any(t.i < spokes[0].start and t.ent_type_ in PERSON_ENTS and not hits.within([t.i], "official")
                      for t in tokens):
        return None  # "Clinton spokesman Nick Merrill": a person's spokesman, and that person, hold no office by it
    if spokes and speaks_for_other(hits, tokens[0].doc[spokes[0].start], lexicon):
        return None  # "a spokesman for the joint venture, Daniel Cho": whoever it speaks for is no official body
    if spokes and (body_context or speaks_for_body_named_before(doc[spokes[0].start], lexicon)
                   or org_hit(hits, tokens) is None and not any(t.ent_type_ in ORG_ENTS for t in tokens)):
        return "named-official", rule_of(spokes[0])
    bodies = [h for h in hits.within([t.i for t in tokens], "official", "body") if not _about_someone_else(doc, h, tokens)]
    if not titles and bodies and any(t.pos_ == "NOUN" and not hits.within([t.i], "official") for t in tokens):
        # "Maria Van Kerkhove, the WHO's technical lead": staff speaking for an official body
        return "named-official", STAFF_OF_BODY
    return None


def _about_someone_else(doc, hit, tokens: list[Token]) -> bool:
    """ "Kevin Barrett, a lawyer at a firm, who represents the Department of Environmental
    Protection": a title or body inside a relative clause about the person is whom they deal
    with, not their post; the head of a body ("who heads the Justice Department") is found by
    _leads_a_body."""
    ids = {t.i for t in tokens}
    return any(a.dep_ == "relcl" and a.i in ids for a in doc[hit.start].ancestors)


def principal_office(hits, people: dict, tokens: list[Token], ent: Span) -> Optional[tuple[str, str]]:
    """ "Obama spokesman Josh Earnest", "Brandt's spokesman, Kyle Dempsey": a person's
    spokesperson speaks with the office of the person named before the title, when the article
    made that person an official (as "the senator's spokesman" does: decide.speaks_for_person)."""
    known, token = _principal_named_before(hits, people, tokens, ent)
    if known is not None and known.label == "named-official" and not _runs_a_campaign(token):
        return known.label, known.rule_id
    return None


def private_principal(hits, people: dict, tokens: list[Token], ent: Span) -> Optional[tuple[str, str]]:
    """ "Hartigan spokeswoman Jessa Kline" after "businessman Tom Hartigan": a spokesperson of a
    person the article made no official speaks for no office, whatever place the recogniser
    took the name for."""
    known, token = _principal_named_before(hits, people, tokens, ent)
    if known is None or known.label != "named-other" or token.ent_type_ in ORG_ENTS:
        return None
    if any(rule_of(h) in (TITLE, UNIQUE_TITLE) and h.end == ent.start for h in hits.within([ent.start - 1], "official", "title")):
        return None  # "Labour's transport spokesperson, Cllr Nasreen Akhtar": her own office first
    return "named-other", known.rule_id


def _principal_named_before(hits, people: dict, tokens: list[Token], ent: Span):
    """(the person, the name's token) named before a spokesperson's title, when the article named them."""
    spokes = hits.within([t.i for t in tokens], "official", "spokesperson")
    if not spokes:
        return None, None
    # the recogniser may tag the name an organisation or a place ("Quint spokesman"): a name the article gave a person
    for token in (t for t in tokens if t.i < spokes[0].start and t not in ent and (
            t.ent_type_ in PERSON_ENTS or t.pos_ == "PROPN" and t.text in people)):
        known = people.get(token.text)
        if known is not None and not known.outlet:
            return known, token
    return None, None


def _runs_a_campaign(name: Token) -> bool:
    """The article names the person's campaign ("the Calloway campaign", "Calloway's
    presidential campaign"): a spokesperson named with a candidate is campaign staff, who hold
    no office."""
    doc = name.doc
    for token in doc:
        if token.text == name.text:
            words = [t.lower_ for t in doc[token.i + 1:token.i + 4] if t.lower_ not in POSSESSIVES]
            if "campaign" in words[:2]:
                return True
    return False


def person_words(ent) -> list:
    """The words around a named person that can carry a title or a body."""
    root = ent.root
    tokens = set(noun_phrase(root)) | set(attachments(root)) | set(ent)
    # "Jake Sullivan" in "national security adviser Jake Sullivan" may hang off the title; not
    # off a noun inside the quotation before it ("... the president and our military,” Flynn, ...").
    across_quote = any(t.is_quote for t in root.doc[min(root.i, root.head.i):max(root.i, root.head.i)])
    if (root.dep_ in ("appos", "compound") or root.head.dep_ == "appos") and not across_quote:
        tokens |= set(noun_phrase(root.head))
    if root.dep_ == "appos" and not across_quote:
        # "The president of the Riverton police union, Gary Mertens,": what the title belongs to
        tokens |= set(attachments(root.head))
        if root.head.dep_ == "pobj" and root.head.head.head.pos_ == "NOUN":
            # "the U.N.'s humanitarian coordinator for Sudan, Halima Osei-Berg,": the parser hangs
            # the name on "Sudan"; the title is the noun the place belongs to
            tokens |= set(noun_phrase(root.head.head.head))
    left = root.doc[ent.start - 1] if ent.start else None
    if left is not None and left.tag_ == "NN" and left.head == root.head and left.dep_ == root.dep_:
        tokens |= set(noun_phrase(left))  # "told co-host Joe Scarborough": parsed as two objects
    first = root
    while first.dep_ == "conj" and first.head.ent_type_ in PERSON_ENTS:
        first = first.head
    before = [t for t in noun_phrase(first) if t.i < first.i]
    if first is not root and any(t.tag_ in ("NNS", "NNPS") or t.lower_ in ("sens.", "reps.") for t in before):
        # "Senators Charles E. Grassley, Tom Vale and Patrick J. Leahy": a plural title covers them
        # all; "President Obama and Clinton": a title for one covers only the first
        tokens |= set(before)
    return sorted(tokens, key=lambda t: t.i)


def staff_of_body_before(hits, history: list, tokens: list[Token]) -> Optional[tuple[str, str]]:
    """(label, rule) for a title the tokens give a person at "the unit", "the board" that spoke before."""
    doc = tokens[0].doc if tokens else None
    # "the board's", also where the parser made no possessive of a curly apostrophe
    owner = next((t for t in tokens if t.lemma_.lower() in BODY_WORDS and (
        t.dep_ == "poss" and any(c.lower_ == "the" for c in t.children)
        or t.i > 0 and doc[t.i - 1].lower_ == "the" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in POSSESSIVES)), None)
    if owner is None or not hits.within([t.i for t in tokens if t.i > owner.i], "official", "title"):
        return None
    earlier = next((s for s in reversed(history) if not s.is_person and s.start_char < owner.idx), None)
    return ("named-official", STAFF_OF_BODY_BEFORE) if earlier is not None and earlier.label == "named-official" else None
