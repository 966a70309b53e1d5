"""Decision steps for people: named persons, those who speak for them, spokespeople, and
definite references to a named body ("the company", "the ministry")."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from ...nlp.syntax import ORG_ENTS, PERSON_ENTS, attachments, entity_of, name_words, noun_phrase, prep_objects
from ...rules.matcher import Hit
from ...rules.refs import decision_step, rule_ref, step_id
from ..context import Source
from .offices import (office_of_person, principal_office, private_principal, speaks_for_body_named_before,
                      speaks_for_other, staff_of_body_before)
from .phrase import NAMED_ENTITY, POSSESSIVES, TITLE, Phrase, has_group_ent, org_hit, rule_of
from .references import person_pointed_to
from .verdict import Verdict

NOT_OFFICIAL = rule_ref("official.not_official")
REF_NAME = step_id("ref.name", "A person named again by surname ('Burns said') carries the label of the full "
                   "mention ('CIA Director William Burns').")
SPOKESPERSON_OF_ORG = step_id("decide.spokesperson_of_organisation", "A spokesperson of a named company, party or NGO "
                              "(a named organisation the entity recogniser found) speaks for it: named-other.")
UNNAMED_SPOKESPERSON = step_id("decide.unnamed_spokesperson", "A spokesperson of no named body, and named before by no "
                               "one, is an unnamed source: anonymous.")
# How far back "its reporter" may look for the outlet it belongs to: a paragraph or two; a
# show's host, for the show named at the top ("told MSNBC's 'Morning Joe'" ... "told co-host").
OUTLET_LOOKBACK_TOKENS = 120
SHOW_LOOKBACK_TOKENS = 400
SHOW_ROLES = frozenset(("host", "co-host", "anchor", "co-anchor", "moderator", "presenter", "interviewer"))
# Journalists named bare ("Host Paula Garrity", "The reporter, David Fahrenthold,"): they work for
# the outlet named just before.
BARE_JOURNALIST_ROLES = SHOW_ROLES | frozenset(("reporter", "correspondent", "columnist", "journalist"))
# A host described by a medium of their own ("talk radio host", "podcast host") has a show of
# their own: not the journalist of the outlet named just before.
OWN_SHOW_WORDS = frozenset(("radio", "talk", "podcast", "podcaster", "syndicated"))
# "her office", "his spokesman": the owner is the person the pronoun points to
OWNER_PRONOUNS = ("his", "her")
SPEAKS_FOR_PERSON = step_id("decide.agent_of_person", "A person's lawyer, attorney or campaign speaks for them but "
                            "holds no office: named-other.")


@decision_step("decide.unnamed_marker", "A word that says the source is withheld ('unnamed', 'anonymous', "
               "'unidentified': rule anon.unnamed_marker) makes even a titled source anonymous.")
def unnamed_marker(p: Phrase) -> Verdict:
    found = p.within(p.core, "anonymous_source", "unnamed_marker")
    return p.make("anonymous", rule_of(found[0]), person=True) if found else None


@decision_step("decide.named_person", "A named person: an official by a title or a body in the phrase (rules "
               "official.*), else by how the article introduced them, else named-other.")
def named_person(p: Phrase) -> Verdict:
    root, ent = p.root, p.ent
    if ent is not None and any(h.start <= root.i < h.end and (len(ent) == 1 or h.start <= ent.start and ent.end <= h.end)
                               for h in p.at_root("official", "body")):
        return None  # "JAXA said", "the General Staff said", tagged a person: the body's name decides (decide.body_named)
    if ent is not None and ent.label_ in PERSON_ENTS:
        return classify_person(p, ent, p.extended + shared_plural_title(root, p.lexicon))
    # "Trump this week also said", "Pike wrote": the tagger may read a surname as a common word, a verb, an interjection
    if (root.pos_ == "PROPN" or (root.pos_ in ("NOUN", "VERB", "INTJ", "ADJ", "X") and root.is_title)) and (
            ent is None or ent.label_ not in PERSON_ENTS) and (
            (ent is not None and ent.text in p.ctx.people) or root.text in p.ctx.people):
        # The tagger calls a later "Husted" an organisation, or "Sessions" a common noun; the
        # article named them as a person.
        return classify_person(p, ent if ent is not None else root.doc[root.i:root.i + 1], p.extended)
    name = name_words(root)
    plural_title = shared_plural_title(root, p.lexicon) if root.pos_ == "PROPN" and root.is_title else []
    if plural_title:  # "Sens. Ann Hale and Bo Price": the recogniser may miss the second name
        return classify_person(p, root.doc[name[0].i:root.i + 1], p.extended + plural_title)
    if root.pos_ == "PROPN" and root.is_title and len(name) >= 2 and any(
            c.dep_ == "appos" and p.hits.within([c.i], "anonymous_source", "descriptor") for c in root.children):
        # "Theo Marchand, a polling analyst at Quinnipiac,": a full name set beside a word for a
        # person, whatever entity type the recogniser gave it (or none)
        return classify_person(p, root.doc[name[0].i:root.i + 1], p.extended)
    if root.pos_ == "PROPN" and root.is_title and names_a_journalist(p.lexicon, p.core):
        # "Fox News host Sean Hannity", the name tagged an organisation: a journalist's title makes a person
        first = root.i
        while first > 0 and root.doc[first - 1].pos_ == "PROPN" and root.doc[first - 1].dep_ == "compound" \
                and not p.hits.within([first - 1], "outlet"):
            first -= 1
        return classify_person(p, root.doc[first:root.i + 1], p.extended)
    return None


# Who speaks for a person named after "for" ("a spokeswoman for Marchetti, Lia Ortiz,").
SPOKESPEOPLE = ("spokesman", "spokeswoman", "spokesperson")


def _owner(p: Phrase) -> Optional[Token]:
    """Whose office or spokesperson: a person tagged, a pronoun, or a name the article gave a person
    ("Ashby's office"), before the noun or after "for" ("a spokeswoman for Marchetti")."""
    for c in p.root.children:
        candidates = [c] if c.dep_ == "poss" else [o for o in c.children if o.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ == "for" else []
        for owner in candidates:
            if owner.ent_type_ in PERSON_ENTS or owner.lower_ in OWNER_PRONOUNS or (
                    owner.pos_ == "PROPN" and owner.text in p.ctx.people):
                return owner
    return None


@decision_step("decide.named_in_apposition", "A role named by the person in apposition ('the bakery's owner, "
               "Tomasz Nowak,', 'her lawyer, David Kim,') is that person: decided as a named person with the "
               "role's words as their title.")
def named_in_apposition(p: Phrase) -> Verdict:
    if p.root.pos_ != "NOUN":
        return None
    named = next((c for c in p.root.children if c.dep_ == "appos" and (c.ent_type_ in PERSON_ENTS or _titled_name(p, c))), None)
    if named is None:
        return None
    # the name itself, without a title the recogniser took into it ("Cllr Nasreen Akhtar" as one organisation)
    name = entity_of(named) or named.doc[named.i:named.i + 1]
    titles = [h for h in p.hits.within([t.i for t in name], "official", "title") if h.end <= named.i]
    if titles:
        name = name.doc[max(h.end for h in titles):name.end]
    # "A spokeswoman for Gov. Marchetti, Lia Ortiz,": she speaks for the one she works for, unless
    # her own title is an office ("Labour's transport spokesperson, Cllr Nasreen Akhtar,")
    if p.lemma in SPOKESPEOPLE and _owner(p) is not None:
        own_office = office_of_person(p.hits, p.lexicon, noun_phrase(named), name)
        if not (own_office and own_office[0] == "named-official"):
            return speaks_for_person(p)
    return classify_person(p, name, p.extended)


def _titled_name(p: Phrase, head: Token) -> bool:
    """A title of office before two or more names is a person's, whatever the recogniser made of
    it ("Cllr Nasreen Akhtar"); "Justice Abroad" is a campaign group's name."""
    words = noun_phrase(head)
    titles = [h for h in p.hits.within([t.i for t in words], "official", "title") if rule_of(h) == TITLE]
    return head.pos_ == "PROPN" and bool(titles) and sum(t.i >= titles[-1].end and t.is_title for t in words) >= 2


@decision_step("decide.speaks_for_person", "'Mayor Jill Hartman's office', 'the senator's spokesman' speak for the "
               "person named, with their label; a lawyer or campaign holds no office (named-other).")
def speaks_for_person(p: Phrase) -> Verdict:
    if p.lemma not in p.lexicon.speaks_for_person:
        return None
    owner = _owner(p)
    if owner is None:
        return None
    if owner.lower_ in OWNER_PRONOUNS:  # "her office", "his spokesman": the person "she" or "he" is
        person = person_pointed_to(p, owner)
        if person is None:
            return None
    else:
        person = classify_person(p, entity_of(owner) or owner.doc[owner.i:owner.i + 1], noun_phrase(owner) + attachments(owner))
    if p.lemma in p.lexicon.no_office_agents:
        return p.make("named-other", person.rule_id if person.label == "named-other" else SPEAKS_FOR_PERSON,
                      resolved=person.resolved, person=True)
    return p.make(person.label, person.rule_id, resolved=person.resolved, person=True)


@decision_step("decide.spokesperson", "Spokespeople speak on the record for the body they name (rule "
               "official.spokesperson); of a company, for the company; 'the spokesman' points back to one named "
               "before; with no body at all, an unnamed source.")
def spokesperson(p: Phrase) -> Verdict:
    spokes = p.at_root("official", "spokesperson")
    if not spokes:
        return None
    body = p.context_body(p.extended)
    if body is None and has_group_ent(p.extended) and _speaks_of_its_company(p):
        # "A Meridian spokesman said the company was cooperating": a company's name taken for a place
        return p.make("named-other", SPOKESPERSON_OF_ORG, person=True)
    if body or has_group_ent(p.extended) or speaks_for_body_named_before(p.root, p.lexicon):
        return p.make("named-official", rule_of(spokes[0]), person=True)  # "a spokesman for the department" too
    principal = _principal(p)
    if principal is not None:  # "A spokeswoman for Thibodeaux, Claire Benoit": speaks for the governor
        return p.make(principal.label, principal.rule_id, resolved=principal.mention, person=True)
    organisation = org_hit(p.hits, p.extended)
    if organisation is not None or any(t.ent_type_ in ORG_ENTS for t in p.extended):
        return p.make("named-other", rule_of(organisation) if organisation else SPOKESPERSON_OF_ORG, person=True)
    named = any(t.ent_type_ in PERSON_ENTS for t in p.extra)
    if named and speaks_for_other(p.hits, p.root, p.lexicon):
        # "A spokesman for Harborline, Eric Dunmore": named, for someone no rule makes official
        return p.make("named-other", SPOKESPERSON_OF_ORG, person=True)
    if named:
        return p.make("named-official", rule_of(spokes[0]), person=True)
    if p.has_word("the"):
        earlier = _spokesperson_before(p)
        if earlier is not None:
            return earlier
    return p.make("anonymous", p.rule_or_step("anonymous_source", "descriptor", UNNAMED_SPOKESPERSON), person=True)


def _speaks_of_its_company(p: Phrase) -> bool:
    """What the spokesperson said has "the company" (or "the firm", lex.company_references) as a subject."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in p.lexicon.company_references and t.i > p.root.i
               and any(c.lower_ == "the" for c in t.children) for t in p.root.sent)


def _spokesperson_before(p: Phrase) -> Optional[Source]:
    """ "the spokesman" points back to the spokesperson named before."""
    earlier = next((s for s in reversed(p.ctx.history) if "spokes" in s.resolved.lower()), None)
    if earlier is not None:
        return p.refer(earlier.label, "ref.definite", earlier.resolved, key=earlier.key)
    named_before = [name for offset, name in p.ctx.mentions if offset < p.root.idx
                    and name in p.ctx.people and "spokes" in p.ctx.people[name].mention.lower()]
    if named_before:
        known = p.ctx.people[named_before[-1]]
        return p.refer(known.label, "ref.definite", known.mention, key=known.name)
    return None


@decision_step("decide.body_reference", "'The company', 'the ministry' (rule other.reference) point back to the "
               "organisation or body named before and carry its label; with none before, a ministry is official.")
def body_reference(p: Phrase) -> Verdict:
    reference = p.at_root("named_other", "reference")
    doc = p.root.doc
    if not reference or any(any(t.pos_ == "PROPN" or t.i < p.root.i and t.dep_ != "det" for t in doc[h.start:h.end])
                            for h in p.at_root("official", "body")):
        return None  # "the Ministry of Transport", "the county health department" name their body
    if p.root.is_title and any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.is_title for g in c.children)
                               for c in p.root.children):
        return None  # "The Centre for Monitoring Election Violence": a name, not "the centre" named before
    rule = rule_of(reference[0])
    official = p.lemma in p.lexicon.official_references
    # A back-reference points to a source of its own kind: "the ministry said" never to a
    # think tank named before, "the lab said" never to the United Nations; a word either kind
    # uses ("the center", "the council", "the board") to the nearest body of either.
    wanted = ("named-official",) if official else ("named-other",) if p.lemma in p.lexicon.company_references \
        else ("named-other", "named-official")
    # "The agency quoted ..." after "the state news agency Antara": the nearest source called an agency, a news one too
    agency = next((s for s in reversed(p.ctx.history) if "agency" in s.text.lower().split()), None) \
        if p.lemma == "agency" else None
    named = _body_named_with(p, wanted)
    if named is not None:  # "The committee said" after "The Senate Finance Committee held a hearing"
        return p.refer(named[0], rule, named[1], person=False)
    earlier = agency if agency is not None and agency.label == "secondary-outlet" else next(
        (s for s in reversed(p.ctx.history) if not s.is_person and s.label in wanted), None)
    if earlier is not None:
        return p.refer(earlier.label, rule, earlier.resolved, person=False, outlet=earlier.outlet)
    return p.make("named-official" if official else "named-other", rule)


# Words a back-reference repeats from the name of the body it means ("the committee" after "the
# House Ethics Committee"); not "the bank", which a central bank's name holds as well as a lender's.
REPEATED_NAME_WORDS = ("committee", "subcommittee", "commission")


def _body_named_with(p: Phrase, wanted: tuple[str, ...]) -> Optional[tuple[str, str]]:
    """(label, name) of the nearest body or organisation named before whose name holds the
    reference's word ("The Senate Finance Committee held a hearing. The committee said ..."),
    anywhere before and whether or not it spoke there; a body of the kind the word may point to.
    A name of two words or more: "Committee Chairman Gary Lindell" names no committee."""
    doc = p.root.doc
    if p.lemma not in REPEATED_NAME_WORDS:
        return None
    bodies = [(h.start, h.end) for h in p.hits.starting_in(0, p.root.i, "official", "body")]
    # organisations: the rules' and the recogniser's ("the Democratic National Committee"), where no body is
    others = [(h.start, h.end) for h in p.hits.starting_in(0, p.root.i, "named_other", "organisation")] + [
        (e.start, e.end) for e in doc.ents if e.label_ in ORG_ENTS and e.end <= p.root.i]
    named = [(s, e, "named-official") for s, e in bodies] + [
        (s, e, "named-other") for s, e in others if not any(b <= s < c or s <= b < e for b, c in bodies)]
    for start, end, label in sorted(named, reverse=True):
        words = doc[start:end]
        if label in wanted and len(words) > 1 and any(t.lower_ == p.lemma and t.is_title for t in words):
            return label, words.text
    return None


@decision_step("decide.document_authors", "The authors of a document ('the authors of the study', 'the report's "
               "authors', 'its authors', 'the researchers' after a study was cited) are the people behind a named piece of work: "
               "named-other, not an anonymous group (docs/labelling.md).")
def document_authors(p: Phrase) -> Verdict:
    if p.lemma not in p.lexicon.author_heads or not p.has_word("the", "its", "their"):
        return None  # "the authors", "its authors" (of the study named before)
    of_document = p.within(p.extended, "document")
    cited_before = any(s.label == "document" for s in p.ctx.history)
    if of_document or cited_before:
        return p.make("named-other", "decide.document_authors", person=True)
    return None


# -- a named person ----------------------------------------------------------------------

def shared_plural_title(root: Token, lexicon) -> list[Token]:
    """ "Sens. Ann Hale and Bo Price", "Governors Ada Reyes, Jo Lin and Sam Ortiz": a plural
    title before the first of several names is every one's title (lex.plural_titles). The title's
    tokens, for a name joined to the first; none otherwise."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first is root:
        return []
    start = first.left_edge.i
    before = root.doc[max(start - 2, first.sent.start):start + 1]
    return [t for t in before if t.lower_.rstrip(".") in lexicon.plural_titles]


def classify_person(p: Phrase, ent: Span, extended: list[Token]) -> Source:
    """A named person's source: the title or body in their phrase decides, else how the
    article introduced them (ctx.people), else named-other."""
    if len(ent) > 1 and ent[-1].lower_ in POSSESSIVES:
        ent = ent[:-1]  # "Ashcraft’s" taken whole by the recogniser: the name is "Ashcraft"
    name = ent.text
    outlet = journalist_outlet(p.hits, p.classifier, p.lexicon, extended)
    if outlet is not None:  # "CNN host Dana Whitfield asked": another outlet's journalist
        source = p.make("secondary-outlet", rule_of(outlet), outlet=p.classifier.outlet_name(outlet), person=True)
        source.key = name
        return source
    # the recogniser may run a name on ("Ungar told The Associated Press"): the speaker's own word too
    known = p.ctx.people.get(name) or p.ctx.people.get(name.split()[-1]) or (
        p.ctx.people.get(p.root.text) if p.root.pos_ == "PROPN" and p.root in ent else None)
    decided = private_principal(p.hits, p.ctx.people, extended, ent) or office_of_person(p.hits, p.lexicon, extended, ent) \
        or principal_office(p.hits, p.ctx.people, extended, ent) or staff_of_body_before(p.hits, p.ctx.history, extended)
    if decided is not None and decided[1] == NOT_OFFICIAL and known is not None and known.label == "named-official" \
            and _only_campaigning(p, extended):
        decided = None  # "Brandt, the Democratic nominee," after "Sen. Carla Brandt": a senator campaigning is one
    if decided is None and known is not None:
        # as the article introduced them; a journalist ("Cole described" after "The Herald's
        # reporter, Jane Cole") speaks for their outlet
        label = "secondary-outlet" if known.outlet else known.label
        rule = known.rule_id if known.name == name and not known.outlet else REF_NAME
        source = p.make(label, rule, resolved=known.mention, person=True, outlet=known.outlet)
        source.key = known.name
        return source
    label, rule = decided or ("named-other", NAMED_ENTITY)
    source = p.make(label, rule, person=True)
    source.key = known.name if known is not None else name
    if known is not None and known.name != name:
        source.resolved = known.mention
    return source


def _only_campaigning(p: Phrase, tokens: list[Token]) -> bool:
    """The words that deny an office are a campaign's ("nominee", "candidate"), none that puts
    one in the past ("former", "retired": lex.past_office)."""
    doc = p.root.doc
    denials = p.hits.within([t.i for t in tokens], "official", "not_official")
    return not any(t.lower_ in p.lexicon.past_office for h in denials for t in doc[h.start:h.end])


def journalist_outlet(hits, classifier, lexicon, tokens: list[Token]) -> Optional[Hit]:
    """The outlet of a journalist named with it ("CNN host Dana Whitfield", "Sky News presenter
    Anna Rourke", "Ellen Park, a correspondent for CBS News", "NBC's Chuck Todd"): their
    questions and reporting are that outlet's (docs/labelling.md: secondary-outlet)."""
    outlet = classifier.outlet_hit(hits, tokens)
    if outlet is None:
        return _its_journalist(hits, classifier, lexicon, tokens)
    doc = tokens[0].doc
    # "NBC's Chuck Todd", "The Post's Robert Costa": an outlet's own person
    possessive = outlet.end < len(doc) and doc[outlet.end].lower_ in ("'s", "’s", "'", "’") and \
        outlet.end + 1 < len(doc) and (doc[outlet.end + 1].ent_type_ == "PERSON" or (
            doc[outlet.end + 1].pos_ == "PROPN" and doc[outlet.end + 1].is_title and doc[outlet.end + 1].ent_type_ == "ORG"))
    return outlet if possessive or names_a_journalist(lexicon, tokens) or _outlets_analyst(outlet, tokens) else None


# Roles that are an outlet's only right after its name ("CNN senior political analyst Dev Kapoor");
# "a military analyst at CNA" works for a research centre whatever outlet shares its letters.
OUTLET_ROLES = frozenset(("analyst",))


def _outlets_analyst(outlet: Hit, tokens: list[Token]) -> bool:
    doc = tokens[0].doc
    return any(t.lower_ in OUTLET_ROLES and t.i >= outlet.end and all(w.is_lower for w in doc[outlet.end:t.i])
               for t in tokens)


def _principal(p: Phrase):
    """The person a spokesperson speaks for, when the "for" phrase names one the article knows."""
    for whom in (o for o in prep_objects(p.root, "for") if o.pos_ == "PROPN"):
        known = p.ctx.people.get(whom.text)
        if known is not None and not known.outlet:
            return known
    return None


def names_a_journalist(lexicon, tokens) -> bool:
    """A journalist's title among the words ("host", "correspondent": lex.journalist_titles)."""
    return any(t.lower_ in lexicon.journalist_titles for t in tokens)


def _its_journalist(hits, classifier, lexicon, tokens: list[Token]) -> Optional[Hit]:
    """ "its national enterprise reporter Stephanie McCrummen" after The Washington Post was
    named: "its" or "the paper's" journalist works for the outlet named last before."""
    if not tokens or not names_a_journalist(lexicon, tokens):
        return None
    # "Host Paula Garrity pressed Pryce" after "in an interview on NBC's 'Meet the Press'": a
    # journalist with no outlet of their own in the phrase works for the one named just before
    bare_role = any(t.lower_ in BARE_JOURNALIST_ROLES for t in tokens) and not any(
        t.lower_ in OWN_SHOW_WORDS for t in tokens)  # "talk radio host Rush Limbaugh": a show of his own
    if not bare_role and not any(t.lower_ in ("its", "their") and t.dep_ == "poss" for t in tokens):
        return None
    doc, first = tokens[0].doc, tokens[0].i
    lookback = SHOW_LOOKBACK_TOKENS if any(t.lower_ in SHOW_ROLES for t in tokens) else OUTLET_LOOKBACK_TOKENS
    before = hits.starting_in(max(0, first - lookback), first, "outlet")
    # the nearest that names an outlet ("the Bezos-owned outlet" names none)
    return next((found for hit in reversed(before) if hit.type != "generic"
                 and (found := classifier.outlet_hit(hits, [doc[hit.start]]))), None)
