"""Decision steps for officials and bodies, unnamed people, groups and organisations: the
last steps of the table, for phrases that name nobody in particular."""

from __future__ import annotations

from ...nlp.syntax import GROUP_ENTS, NOT_SOURCE_ENTS, ORG_ENTS, PERSON_ENTS
from ...rules.refs import decision_step, step_id
from .offices import staff_of_body_before
from .owners import employer_after_at, owned_by_company
from .phrase import NAMED_ENTITY, TITLE, TITLE_OF_BODY, UNIQUE_TITLE, Phrase, has_group_ent, org_hit, rule_of
from .verdict import NOT_A_SOURCE, Verdict

INDEFINITE = ("a", "an", "one", "another")
# the head of a service named by it ("elections director", "fire chief": rule official.body)
HEADS_OF_SERVICES = ("director", "commissioner", "administrator", "chief", "supervisor", "superintendent")
# Entity types of places and times: "Doctors in Gaza" are people described, not an organisation.
PLACE_ENTS = ("GPE", "LOC", "FAC", "NORP", "DATE", "TIME")
UNNAMED_OFFICIAL = step_id("decide.unnamed_official", "An official role with no name ('an investigator', 'senators', "
                           "'a spokesman') is one or more unnamed people: anonymous (AP, Reuters).")
TITLE_WITHOUT_OFFICE = step_id("decide.title_without_office", "A title with no office behind it ('the director' of "
                               "no named body, 'the former president') is a named non-official source.")
EMPLOYER_NAMED = step_id("decide.employer_named", "A described person whose employer is named ('analysts at "
                         "Jefferies', 'a researcher with Oxfam') speaks as that organisation: named-other.")
NATIONALITY_GROUP = step_id("decide.nationality_group", "A nationality or group named by the entity recogniser "
                            "('Palestinians', 'Democrats') is a group of unnamed people: anonymous.")
ORGANISATION_NAMED = step_id("decide.organisation_named", "An organisation the entity recogniser names, that no "
                             "official, outlet or document rule claims, is a named non-official source.")
PROPER_NAME = step_id("decide.proper_name", "A capitalised proper name that no other step claims is a named "
                      "non-official source.")
INDEFINITE_PERSON = step_id("decide.indefinite_person", "'A taxi driver said': one unnamed person described by a "
                            "word no rule lists is anonymous.")
UNNAMED_ORGANISATIONS = step_id("decide.unnamed_organisations", "Organisations of a kind, none of them named ('rail "
                                 "unions', 'human rights groups', 'tech companies said'), are unidentified: anonymous.")
# A party member described in the singular ("the Ohio Republican") is one person.
PARTISANS = frozenset(("democrat", "republican", "libertarian", "independent", "conservative", "liberal"))
FAMILY_OF_NAMED = step_id("decide.family_of_named", "The family or a close relative of a named person ('Price's "
                          "family', 'Scott's wife', 'his widow') is identified through them: named-other.")
# Relatives who are one identifiable person or household when a named person's ("Scott's wife",
# "Price's family"); "a relative" or "relatives of victims" stay unnamed.
FAMILY_WORDS = frozenset(("family", "relatives", "wife", "husband", "widow", "widower", "mother", "father", "parents",
                          "fiancee", "fiance"))
PLURAL_PEOPLE = step_id("decide.plural_people", "'Shopkeepers said': people described by a plural word no rule "
                        "lists are anonymous.")


@decision_step("decide.state", "A country or capital standing for its government ('Russia said', 'Washington "
               "warned': rules official.state_*) is an official body on the record.")
def state(p: Phrase) -> Verdict:
    ent = p.ent
    states = [h for h in p.at_root("official", "state") if h.end - 1 == p.root.i
              and (ent is None or ent.label_ == "GPE" or (ent.end - ent.start) <= (h.end - h.start))]
    return p.make("named-official", rule_of(states[0])) if states else None


@decision_step("decide.anonymity_request", "An unnamed source that asked for anonymity (rule anon.anonymity_request) "
               "is anonymous whatever its role; the condition itself ('on condition of anonymity') is no source.")
def anonymity_request(p: Phrase) -> Verdict:
    requests = p.hits.within([t.i for t in p.root.subtree], "anonymous_source", "anonymity_request")
    if not requests:
        return None
    if any(h.start <= p.root.i < h.end for h in requests):
        return NOT_A_SOURCE
    return p.make("anonymous", rule_of(requests[0]), person=True)


# words that keep an organisation described as a group a state's or an armed one ("a militant group")
NOT_PRIVATE = frozenset(("militant", "armed", "rebel", "paramilitary", "military", "militia", "intergovernmental",
                         "governmental", "government", "state", "public", "official", "jihadist", "insurgent"))


@decision_step("decide.described_private", "A named organisation described in apposition as a private kind "
               "('The Power Producers Council, a trade group,', 'an independent monitoring group': lex.private_kinds) "
               "is a named non-official source, whatever words of office its name holds; not an armed or state one.")
def described_private(p: Phrase) -> Verdict:
    for described in _described_as(p, p.lexicon.private_kinds):
        words = list(described.subtree)
        if not any(t.lower_ in NOT_PRIVATE for t in words) and not p.hits.within([t.i for t in words], "official"):
            return p.make("named-other", "decide.described_private")
    return None


# what a public body is called in apposition ("Manitoba's Independent Investigation Unit, the civilian
# agency that investigates police,"), and the words that make such a word a private firm's ("an ad agency")
PUBLIC_KINDS = frozenset(("agency", "regulator", "ministry", "department", "authority"))
# an agency or an authority is a public one only when the words say so ("a British agency" may be a firm)
PUBLIC_WORDS = frozenset(("state", "federal", "government", "governmental", "civilian", "public", "national",
                          "provincial", "regional", "municipal", "city", "county", "oversight"))
NOT_PUBLIC = frozenset(("private", "nonprofit", "non-profit", "news", "advertising", "ad", "travel", "talent",
                        "marketing", "insurance", "recruitment", "employment", "modeling", "modelling", "press",
                        "literary", "estate", "rating", "ratings", "credit", "creative", "design", "consulting"))


@decision_step("decide.described_public", "A named organisation described in apposition as a public body ('the "
               "civilian agency that investigates police', 'the state regulator') speaks on the record for it: "
               "named-official; not 'an ad agency' or 'a news agency'.")
def described_public(p: Phrase) -> Verdict:
    for described in _described_as(p, PUBLIC_KINDS):
        words = {t.lower_ for t in described.subtree}
        if not words & NOT_PUBLIC and (described.lemma_.lower() not in ("agency", "authority") or words & PUBLIC_WORDS):
            return p.make("named-official", "decide.described_public")
    return None


def _described_as(p: Phrase, kinds: frozenset[str]) -> list:
    """The heads of the appositions that say what kind of organisation a proper name is ("The
    Harbor Energy Council, a trade group,"); an outlet's name is decided as an outlet."""
    root = p.root
    if root.pos_ != "PROPN" or p.hits.within([root.i], "outlet"):
        return []
    return [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in kinds]


@decision_step("decide.official_function", "An office named by its function ('police', 'prosecutors', 'the court': "
               "rule official.function) speaks on the record; one unnamed holder ('a sheriff') is anonymous.")
def official_function(p: Phrase) -> Verdict:
    function = p.at_root("official", "function")
    if not function:
        return None
    if p.has_word(*INDEFINITE) and not p.plural and p.lemma not in p.lexicon.collegial_functions:
        return p.make("anonymous", p.rule_or_step("anonymous_source", "descriptor", UNNAMED_OFFICIAL), person=True)
    if p.lemma not in p.lexicon.state_words or p.has_word("the"):
        return p.make("named-official", rule_of(function[0]))
    return None


@decision_step("decide.body_named", "An official body whose name covers the head ('the State Department', 'the "
               "Kremlin': rule official.body) speaks on the record.")
def body_named(p: Phrase) -> Verdict:
    if p.has_word(*INDEFINITE) and p.lemma in HEADS_OF_SERVICES:
        return None  # "a local fire chief": one unnamed holder of the post, decided as a title
    covering = [h for h in p.at_root("official", "body") if h.start <= p.root.i < h.end and h.end - h.start > 1]
    return p.make("named-official", rule_of(covering[0])) if covering else None


@decision_step("decide.title", "A title of office ('the president', 'the prime minister': rules official.title*) "
               "held now is an official; plural or indefinite ('senators', 'an aide') unnamed people; a title that "
               "holds no office ('the former president': rule official.not_official) named-other.")
def title(p: Phrase) -> Verdict:
    titles = p.at_root("official", "title")
    if not titles:
        return None
    not_official = p.within(p.core, "official", "not_official")
    # "the company's finance director": a title companies share, at a company, is no office
    unique = [h for h in titles if rule_of(h) == UNIQUE_TITLE and not (
        owned_by_company(p.hits, p.core) and p.root.doc[h.end - 1].lower_ in p.lexicon.shared_titles)]
    # "the prime minister", "the city engineer" identify one holder; "some council members" no one
    if unique and not not_official and not p.plural and not p.has_word(*INDEFINITE, "some", "several", "many"):
        return p.make("named-official", UNIQUE_TITLE, person=True)
    if not not_official:
        decided = _office_held(p, rule_of(titles[0]))
        if decided is not None:
            return decided
    return p.make("named-other", rule_of(not_official[0]) if not_official else TITLE_WITHOUT_OFFICE, person=True)


def _office_held(p: Phrase, rule: str) -> Verdict:
    definite = not any(t.lower_ in ("a", "an", "some", "many", "several") or t.like_num for t in p.core)
    if (p.lemma in p.lexicon.shared_titles and (org_hit(p.hits, p.extended) is not None or owned_by_company(p.hits, p.core))
            and p.context_body(p.extended) is None):
        # "the president of the Riverton police union": a private organisation's title
        return p.make("named-other", TITLE_WITHOUT_OFFICE, person=True)
    if rule == TITLE and not p.plural and (definite or p.lemma in p.lexicon.judges):
        return p.make("named-official", rule, person=True)
    if rule == TITLE_OF_BODY and not p.plural and definite and (
            p.context_body(p.extended) or has_group_ent(p.extended)):
        return p.make("named-official", rule, person=True)
    staff = staff_of_body_before(p.hits, p.ctx.history, p.extended) if not p.plural and definite else None
    if staff is not None:  # "the unit's civilian director" after the unit spoke
        return p.make(*staff, person=True)
    if p.plural and definite and rule == TITLE and p.has_word("the"):
        return p.make("named-official", "ref.definite", person=True)  # "the senators" named before
    if p.plural or not definite:
        # "economists at Goldman Sachs": unnamed staff of a named organisation speak for it
        employer = employer_named(p) if rule == TITLE_OF_BODY else None
        return employer or p.make("anonymous", p.rule_or_step("anonymous_source", "descriptor", UNNAMED_OFFICIAL),
                                  person=True)
    return None


@decision_step("decide.descriptor", "People described but not named ('a US official', 'critics', 'people familiar "
               "with the matter': rule anon.descriptor) are anonymous, unless named in apposition ('the analyst Tom "
               "Reyes') or by employer ('analysts at Jefferies').")
def descriptor(p: Phrase) -> Verdict:
    found = p.at_root("anonymous_source", "descriptor")
    if not found or names_an_organisation(p.root):
        return None
    root = p.root
    if p.lemma in p.lexicon.bare_not_people and not any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in root.children):
        return NOT_A_SOURCE  # "cited the figure" is a number; "a senior Hamas figure" is a person
    for named in _named_beside(p):
        person = p.classifier.decide(named, p.hits, p.ctx)
        if person is not None and person.label in ("named-official", "named-other"):
            return person
    if p.lemma not in p.lexicon.unnamed_insiders:
        employer = employer_named(p)
        if employer is not None:
            return employer
    return _possessed_role(p) or _family_of_named(p) or p.make("anonymous", rule_of(found[0]), person=True)


def _family_of_named(p: Phrase) -> Verdict:
    """ "Price's family disputes the sheriff's account", "His wife said": a named person's own."""
    root = p.root
    if root.lower_ not in FAMILY_WORDS:
        return None
    owner = next((c for c in root.children if c.dep_ == "poss"), None)
    # a wife or a family is a person's, whatever the recogniser tagged the name ("Scott's family": ORG)
    named = owner is not None and (owner.ent_type_ in PERSON_ENTS or owner.text in p.ctx.people or (
        owner.pos_ == "PROPN" and owner.ent_type_ not in PLACE_ENTS) or (
        owner.lower_ in ("his", "her") and p.ctx.last(want_person=True, want_plural=False) is not None))
    return p.make("named-other", FAMILY_OF_NAMED, person=True) if named else None


# How close before the role the person it stands for must have been a source: the sentence before.
EPITHET_WITHIN_CHARS = 250


def _possessed_role(p: Phrase) -> Verdict:
    """ "David Axelrod called on Dean to apologize. '...,' Obama's former campaign strategist
    said": one person's role named by whose it is, as the subject of a verb of saying, is the
    person spoken of just before, never the one who owns the role (decide.descriptor asks)."""
    root = p.root
    owner = next((c for c in root.children if c.dep_ == "poss" and c.ent_type_ in PERSON_ENTS), None)
    if owner is None or root.tag_ != "NN" or root.dep_ not in ("nsubj", "nsubjpass") or not p.hits.at(
            root.head.i, "cue", "speech_verb"):
        return None
    earlier = p.ctx.last(want_person=True, want_plural=False)
    if earlier is None or not earlier.key or owner.text in earlier.key or earlier.label not in ("named-official", "named-other") \
            or earlier.start_char < root.idx - EPITHET_WITHIN_CHARS:
        return None  # someone new ("Gary Johnson's doctor is calling ...") when no one was spoken of just before
    return p.refer(earlier.label, "ref.definite_person", earlier.resolved, key=earlier.key)


def _named_beside(p: Phrase) -> list:
    """The names set in apposition to the described person: "The witness, Teresa Cole,"; also
    after the person they work for ("A lawyer for Vahle, Neil Okafor,", where the parser hangs
    the lawyer's name on Vahle: one person's name in apposition to another's is the lawyer's);
    and the named person whose own group is joined to them ("Ruiz and her colleagues")."""
    root = p.root

    def is_name(token) -> bool:
        return token.ent_type_ in PERSON_ENTS or token.text in p.ctx.people

    appositions = [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
    # "a longtime donor, Sarasota developer Rick Albanese,": the parser hangs the name on the second description
    appositions += [g for c in appositions if not is_name(c) for g in c.children if g.dep_ == "appos" and g.i > c.i]
    named = [c for c in appositions if is_name(c)]
    if root.dep_ == "conj" and is_name(root.head) and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their")
                                                           for c in root.children):
        named.append(root.head)  # "Ruiz and her colleagues wrote": the named author's group is hers
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "for"):
        for whom in (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in PERSON_ENTS):
            named += [c for c in whom.children if c.dep_ == "appos" and c.ent_type_ in PERSON_ENTS]
    return named


def _has_name(p: Phrase) -> bool:
    """A capitalised name among the phrase's words (its first word's capital may be the sentence's)."""
    return any(t.pos_ == "PROPN" and t.is_title and not t.is_sent_start for t in p.extended)


def names_an_organisation(root) -> bool:
    """ "Doctors Without Borders", "said Physicians for Human Rights": a plural people word with a
    capitalised name after its preposition is an organisation's name, not people described. The
    head's capital counts only mid-sentence; at the start, the preposition's own capital must show
    it ("Doctors Without Borders said", not "Doctors in Gaza said"). So is one after a proper name
    ("Greyline Partners")."""
    if not root.is_title:
        return False
    before = root.doc[root.i - 1] if root.i > 0 else None
    if before is not None and root.tag_ in ("NNS", "NNPS") and before.dep_ == "compound" and before.head.i == root.i \
            and before.pos_ == "PROPN" and before.is_title and before.ent_type_ not in PLACE_ENTS:
        return True  # "Greyline Partners, which disclosed a stake,": a firm's name, not partners described
    for prep in root.children:
        if prep.dep_ != "prep" or prep.i != root.i + 1 or not (prep.is_title or not root.is_sent_start):
            continue
        if any(o.dep_ == "pobj" and o.pos_ == "PROPN" and o.is_title and o.ent_type_ not in PLACE_ENTS
               for o in prep.children):
            return True
    return False


def employer_named(p: Phrase) -> Verdict:
    """Unnamed staff by the organisation they work for: "analysts at Jefferies" speak for it
    (named-other), "a reporter from ABC News" for the outlet, "lawyers for the city" for the city."""
    root = p.root
    outlet = p.classifier.outlet_hit(p.hits, p.extra) if root.lower_ in p.lexicon.journalist_titles else None
    if outlet is not None:  # "a reporter from ABC News", "a correspondent for the BBC": the outlet's reporting
        return p.make("secondary-outlet", rule_of(outlet), outlet=p.classifier.outlet_name(outlet), person=True)
    represented = [h for c in root.children if c.dep_ == "prep" and c.lower_ == "for"
                   for h in p.within(list(c.subtree), "official", "body", "function", "state")]
    if represented and p.lemma in p.lexicon.no_office_agents:
        # "lawyers for the city", "an attorney for the secretary of state's office": they speak for it in court
        return p.make("named-official", rule_of(represented[0]), person=True)
    # "critics in both parties", "analysts at banks": organisations in the plural and in lower case name none
    organisations = [h for h in p.within(p.extra, "named_other", "organisation")
                     if not (root.doc[h.end - 1].tag_ == "NNS" and root.doc[h.end - 1].is_lower)]
    org = [t for t in p.extra if t.ent_type_ in ORG_ENTS] + [root.doc[h.start] for h in organisations] + [
        t for c in root.children if c.dep_ == "prep" for t in c.children if employer_after_at(t)]  # "analysts at Jefferies"
    if p.lemma in p.lexicon.expert_words:  # "a Goldman Sachs analyst"; not "a Google employee", an insider
        org += [t for t in p.core if t.i < root.i and t.ent_type_ == "ORG" and t.dep_ in ("compound", "poss")
                and not p.hits.within([t.i], "official") and not p.hits.within([t.i], "outlet")]
    if org and not p.context_body(p.extra):
        return p.make("named-other", rule_of(organisations[0]) if organisations else EMPLOYER_NAMED, person=True)
    return None


@decision_step("decide.body_in_phrase", "An official body among the phrase's words ('the Ukrainian military', "
               "'Pentagon officials': rule official.body), or a part of one ('the observer mission of the OSCE'), "
               "speaks on the record; a nationality or group "
               "('Palestinians': rule anon.group) is unnamed people.")
def body_or_group(p: Phrase) -> Verdict:
    body = p.within(p.core, "official", "body")
    covering = [h for h in body if h.start <= p.root.i < h.end]
    if covering:
        return p.make("named-official", rule_of(covering[0]))
    group = p.at_root("anonymous_source", "group")
    if group or (p.ent is not None and p.ent.label_ in GROUP_ENTS):
        return p.make("anonymous", rule_of(group[0]) if group else NATIONALITY_GROUP, person=True)
    if body:
        return p.make("named-official", rule_of(body[0]))
    # "the observer mission of the OSCE", "the press office of the Foreign Ministry": a part of a
    # body; "the U.S. attorney's office", "the governor's own budget office": an office's (the
    # parser may call "The Wayne County Clerk's" a modifier, not a possessive)
    of_body = [h for c in p.root.children if c.dep_ == "prep" and c.lower_ == "of"
               for h in p.within(list(c.subtree), "official", "body")] + [
        h for c in p.root.children if p.root.lower_ == "office" and (
            c.dep_ == "poss" or c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children))
        for h in p.within(list(c.subtree), "official", "title", "body")
        # a title companies use too ("the director's office") only with a country or body ("the U.S. attorney's")
        if rule_of(h) != TITLE_OF_BODY or p.context_body(list(c.subtree))]
    # "The Cook County Sheriff's Office": an office's own name, capitalised, is an office too
    office = p.root.pos_ == "NOUN" or p.root.lower_ == "office"
    if of_body and office and not p.at_root("anonymous_source") and not p.at_root("official", "title"):
        return p.make("named-official", rule_of(of_body[0]))
    return None


@decision_step("ref.party_member", "A party member described in the singular ('the Vermont Democrat said', 'the Ohio "
               "Republican') is one person, the one spoken of last, with their label; not a group.")
def party_member(p: Phrase) -> Verdict:
    if p.root.lower_ not in PARTISANS or p.root.tag_ not in ("NN", "NNP") or not p.has_word("the"):
        return None
    earlier = p.ctx.last(want_person=True, want_plural=False)
    if earlier is not None:
        return p.refer(earlier.label, "ref.party_member", earlier.resolved, key=earlier.key)
    named = p.ctx.person_before(p.root.idx)
    known = p.ctx.people.get(named) if named is not None else None
    return p.refer(known.label, "ref.party_member", known.mention, key=known.name) if known else None


@decision_step("decide.organisation", "A company, university, party or NGO (rule other.organisation, or an "
               "organisation the entity recogniser names), or any other proper name, is a named non-official source.")
def organisation(p: Phrase) -> Verdict:
    root, ent = p.root, p.ent
    named = [t for t in p.extended if t.ent_type_ in ORG_ENTS and not p.hits.within([t.i], "outlet")]
    found = org_hit(p.hits, p.extra) or next(iter(p.at_root("named_other", "organisation")), None)
    if found is not None and not named and root.tag_ == "NNS" and not _has_name(p):
        # "rail unions", "human rights groups": organisations of a kind, none of them named
        return p.make("anonymous", UNNAMED_ORGANISATIONS, person=True)
    if named or found is not None:
        return p.make("named-other", rule_of(found) if found is not None else ORGANISATION_NAMED)
    if names_an_organisation(root):
        return p.make("named-other", ORGANISATION_NAMED)
    if ent is not None and ent.label_ in ORG_ENTS:
        return p.make("named-other", NAMED_ENTITY if ent.label_ == "ORG" else ORGANISATION_NAMED)
    # a name the recogniser took for a product, described as what it is ("Maersk, the world's largest container line,")
    described = ent is not None and ent.label_ == "PRODUCT" and any(c.dep_ == "appos" for c in root.children)
    if root.pos_ == "PROPN" and root.is_title and (ent is None or ent.label_ not in NOT_SOURCE_ENTS or described):
        # "Leah Brandt, whose two children ...": a name the recogniser missed, described as a person
        person = any(c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whose", "whom") for c in root.children)
        return p.make("named-other", PROPER_NAME, person=person)
    return None


@decision_step("decide.unlisted_people", "The subject of a cue that is a common noun no rule lists: one person "
               "('a taxi driver said') or people ('shopkeepers said') described, not named: anonymous.")
def unlisted_people(p: Phrase) -> Verdict:
    root = p.root
    if root.pos_ != "NOUN" or root.dep_ != "nsubj":
        return None
    if root.tag_ == "NN" and p.has_word(*INDEFINITE):
        return p.make("anonymous", INDEFINITE_PERSON, person=True)
    if root.tag_ == "NNS":
        return p.make("anonymous", PLURAL_PEOPLE, person=True)
    return None
