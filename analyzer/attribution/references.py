"""Before the cues are read: remember the people and the acronyms the article introduces, so
later back-references find them ("Burns said" -> "CIA Director William Burns", "the JCS")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..nlp.syntax import ORG_ENTS, PERSON_ENTS, entity_of, name_words, noun_phrase, subject
from ..rules.matcher import Hit, HitIndex
from .context import ArticleContext, KnownBody, KnownPerson, name_keys
from .decisions.outlet_names import register_described_outlets
from .decisions.offices import office_of_person, person_words, principal_office
from .decisions.people import OUTLET_ROLES, journalist_outlet
from .decisions.phrase import NAMED_ENTITY, POSSESSIVES, UNIQUE_TITLE, rule_of
from .offices_described import named_after_their_office, offices_described_later
from .pronouns import HONORIFIC_GENDER

# Entity types that are no person's name after a title ("Secretary of State", "Gov. of Texas").
# (the recogniser often tags a name after a title as an organisation: "Judge Ana Weiss")
NOT_PERSON_ENTS = ("GPE", "NORP", "LOC", "FAC", "DATE", "TIME")
# Entity types a name set beside a word for a person cannot have (the recogniser tags a person
# found no other way as nothing, a product or a work of art).
NOT_A_NAME_ENTS = ("PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "PERCENT")
BRACKETED_WORD = re.compile(r"\((\w{2,})\)")


def register_acronyms(doc: Doc, hits: HitIndex, ctx: ArticleContext, text: str) -> None:
    """ "South Korea's Joint Chiefs of Staff (JCS)": later mentions of the acronym are that body.
    `text` is doc.text, which the caller has read once (Doc.text joins every token on each call)."""
    for match in BRACKETED_WORD.finditer(text):  # a text search: far cheaper than a look at every token
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or len(span) != 1 or not 2 <= span.start < len(doc) - 1:
            continue
        token = span[0]
        if not (token.text.isupper() and token.is_alpha and len(token) >= 2
                and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"):
            continue
        before = doc[token.i - 2]
        bodies = [h for h in hits.at(before.i, "official", "body") if h.end == before.i + 1]
        if bodies:
            full = doc[bodies[0].start:bodies[0].end].text
            ctx.acronyms[token.text] = KnownBody("named-official", rule_of(bodies[0]), full)
            # "MEC spokesperson Thandiwe Lungu" after "the Malawi Electoral Commission (MEC)": the
            # acronym names the body wherever a title looks for one
            for later in doc[token.i + 2:]:
                if later.text == token.text and not hits.at(later.i, "official", "body"):
                    hits.add(Hit(bodies[0].rule_id, "official", "body", later.i, later.i + 1))
        elif before.ent_type_ in ORG_ENTS:
            ent = entity_of(before)
            ctx.acronyms.setdefault(token.text, KnownBody("named-other", NAMED_ENTITY, ent.text if ent else before.text))


def register_people(doc: Doc, hits: HitIndex, ctx: ArticleContext, classifier, quote_spans=()) -> None:
    """Remember every person the article names, with the label their title gives them. A
    headline's words are no title ("Black Lawmakers Rip Donald Trump" makes no lawmaker of
    Trump): a person named there is remembered as named-other until the text says more; nor is
    a speaker's form of address ("'... about Governor Brandt,' she said" of a former governor)."""
    no_titles = list(doc._.sourcing_headings) + list(quote_spans)
    lexicon = classifier.lexicon
    for ent in doc.ents:
        if ent.label_ not in PERSON_ENTS or _a_country(ent, hits):
            continue
        root = ent.root
        words = person_words(ent)
        if any(s <= ent.start_char < e for s, e in no_titles) or any(t.lower_ == "then" for t in words):
            decided = None  # "Whitcomb, then a state senator,": an office held then says who they were, not are
        else:
            decided = office_of_person(hits, lexicon, words, ent) or principal_office(hits, ctx.people, words, ent)
        journalist = journalist_outlet(hits, classifier, lexicon, words)
        outlet = classifier.outlet_name(journalist) if journalist is not None else None
        label, rule = decided or ("named-other", NAMED_ENTITY)
        # "U.S. Rep. Maureen Ostrowski's town hall": the recogniser may take the possessive into
        # the name, which would leave "Ostrowski" unknown when she speaks later
        name = ent[:-1] if len(ent) > 1 and ent[-1].lower_ in POSSESSIVES else ent
        full = _without_honorific(name.text)
        phrase = noun_phrase(root)
        mention = root.doc[min(t.i for t in phrase):max(t.i for t in phrase) + 1].text if phrase else full
        if full not in mention:
            mention = full
        _remember(ctx, KnownPerson(label, rule, full, mention, outlet), ent.start_char)
    _register_titled_names(doc, hits, ctx, lexicon)
    _register_outlet_people(doc, hits, ctx, classifier)
    _register_writers_for_outlets(doc, hits, ctx, classifier)
    _register_people_of_outlets(doc, hits, ctx, classifier)
    _register_described_names(doc, ctx)
    _register_titled_in_apposition(doc, hits, ctx, lexicon)
    _join_nicknames(doc, ctx)
    _join_short_names(ctx)
    offices_described_later(doc, hits, ctx)
    named_after_their_office(doc, hits, ctx)
    register_described_outlets(doc, hits, ctx)


def _a_country(ent: Span, hits: HitIndex) -> bool:
    """ "N. Korea" in a headline, tagged a person: a country's name, alone or after a compass
    letter, is no person ("Jim Jordan" is: a first name stands before the country's word)."""
    root = ent.root
    return bool(hits.within([root.i], "official", "state")) and all(
        len(t.text) <= 2 and t.text.endswith(".") for t in ent if t.i != root.i)


def _without_honorific(name: str) -> str:
    """ "Ms Frame" (the recogniser takes a British honorific into the name) is Frame."""
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in HONORIFIC_GENDER else name


def _know_as(ctx: ArticleContext, person: KnownPerson) -> None:
    """From now on, every key of the person's name is this person."""
    for key in name_keys(person.name):
        ctx.people[key] = person


def _remember(ctx: ArticleContext, person: KnownPerson, offset: int) -> None:
    """Remember a person by full name and by surname, and where the article named them."""
    for key in name_keys(person.name):
        known = ctx.people.get(key)
        # A titled mention is the better evidence: "Sen. Lindsey Graham" decides "Graham"
        # even when the headline named him first without the title.
        if known is None or (known.label != "named-official" and person.label == "named-official") or (
                person.outlet and not known.outlet and known.rule_id == NAMED_ENTITY):
            # "The reporter, David Fahrenthold," decides "Fahrenthold writes" read before it
            ctx.people[key] = person
    ctx.mentions.append((offset, person.name))


def _register_titled_names(doc: Doc, hits: HitIndex, ctx: ArticleContext, lexicon) -> None:
    """A title and the capitalised words after it are a person even when the entity recogniser
    missed the name ("Councilwoman Ana Ruiz", where it tags only "Councilwoman")."""
    headings = doc._.sourcing_headings
    for hit in hits.starting_in(0, len(doc), "official", "title"):
        name = _name_after(doc[hit.end:min(len(doc), hit.end + 3)]) or _name_in_apposition(doc[hit.end - 1])
        if not name or any(s <= name[0].idx < e for s, e in headings):
            continue
        full = doc[name[0].i:name[-1].i + 1].text
        known = ctx.people.get(full) or ctx.people.get(full.split()[-1])
        if known is not None and (known.rule_id != NAMED_ENTITY or rule_of(hit) != UNIQUE_TITLE):
            continue  # named already; only a title no private post shares says more than a bare "Okoro said"
        first, last = min(hit.start, name[0].i), max(hit.end, name[-1].i + 1)
        first = max(doc[first].sent.start, first - 2)  # "the former Secretary of State ..."
        decided = office_of_person(hits, lexicon, list(doc[first:last]), doc[name[0].i:name[-1].i + 1])
        label, rule = decided or ("named-other", NAMED_ENTITY)
        _remember(ctx, KnownPerson(label, rule, full, doc[first:last].text), name[0].idx)


def _register_outlet_people(doc: Doc, hits: HitIndex, ctx: ArticleContext, classifier) -> None:
    """ "NBC's Lester Holt", "Fox News host Brett Calloway", where the recogniser took the name for an
    organisation: a journalist of that outlet, so that "Trump told Holt" or "Calloway said" later
    is that outlet's reporting."""
    titles = classifier.lexicon.journalist_titles | OUTLET_ROLES
    for hit in hits.starting_in(0, len(doc), "outlet"):
        if hit.end + 2 >= len(doc):
            continue
        if doc[hit.end].lower_ in POSSESSIVES:
            start = hit.end + 1
        else:  # "Fox News host", "CNN senior political analyst"
            role = next((t for t in doc[hit.end:min(len(doc), hit.end + 4)] if t.lower_ in titles), None)
            if role is None or any(not t.is_lower for t in doc[hit.end:role.i]):
                continue
            start = role.i + 1
        name = _name_after(doc[start:min(len(doc), start + 3)])
        if len(name) < 2 or name[0].ent_type_ != "ORG":
            continue
        full = doc[name[0].i:name[-1].i + 1].text
        known = ctx.people.get(full) or ctx.people.get(full.split()[-1])
        if known is None or known.rule_id == NAMED_ENTITY:  # named elsewhere without a title: this says who they are
            _know_as(ctx, KnownPerson("secondary-outlet", rule_of(hit), full, doc[hit.start:name[-1].i + 1].text,
                                      classifier.outlet_name(hit)))
            ctx.mentions.append((name[0].idx, full))


def _register_writers_for_outlets(doc: Doc, hits: HitIndex, ctx: ArticleContext, classifier) -> None:
    """ "'...,' wrote Cameron Easley for Morning Consult", "Writing for a Los Angeles Times panel,
    Mark Barabak said": one who writes for another outlet writes its reporting, then and later."""
    for verb in (t for t in doc if t.lemma_ == "write" and t.pos_ == "VERB"):
        venue = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.subtree]
        outlet = classifier.outlet_hit(hits, venue) if venue else None
        if outlet is None:
            continue
        # "Writing for ..., Mark Barabak said": the opening's writer is the main clause's subject,
        # which the parser may not link to it
        opening = verb.i == verb.sent.start and verb.tag_ == "VBG"
        writer = subject(verb.sent.root) if opening else subject(verb)
        entity = entity_of(writer) if writer is not None else None
        if entity is None or entity.label_ not in PERSON_ENTS or len(entity) < 2:
            continue
        _remember_journalist(ctx, entity.text, outlet, classifier)


def _register_people_of_outlets(doc: Doc, hits: HitIndex, ctx: ArticleContext, classifier) -> None:
    """ "Trump told Bill O'Reilly of Fox News", "Maggie Haberman of The New York Times": a person
    named as of an outlet is its journalist, then and later ("telling O'Reilly that")."""
    for ent in (e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1):
        venue = [t for c in ent.root.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        outlet = classifier.outlet_hit(hits, venue) if venue else None
        if outlet is not None:
            _remember_journalist(ctx, ent.text, outlet, classifier)


def _remember_journalist(ctx: ArticleContext, name: str, outlet, classifier) -> None:
    """Another outlet's journalist, unless the article gave the person a title of their own."""
    known = ctx.people.get(name)
    if known is None or known.rule_id == NAMED_ENTITY:
        _know_as(ctx, KnownPerson("secondary-outlet", rule_of(outlet), name, name, classifier.outlet_name(outlet)))


def _register_described_names(doc: Doc, ctx: ArticleContext) -> None:
    """ "The witness, Teresa Cole, 58, said", where the recogniser found no person (or a product): a first name and
    surname in apposition to a word for a person are that person (named-other: titles of office
    were read before), so that "Cole said" later is her."""
    headings = doc._.sourcing_headings
    for token in doc:
        if token.dep_ != "appos" or token.ent_type_ in NOT_A_NAME_ENTS or token.head.pos_ != "NOUN" or not token.is_title:
            continue
        words = name_words(token)
        if len(words) < 2 or token.pos_ != "PROPN" or any(t.ent_type_ in NOT_A_NAME_ENTS for t in words):
            continue
        if any(s <= words[0].idx < e for s, e in headings):
            continue
        full = doc[words[0].i:token.i + 1].text
        described = doc[min(token.head.left_edge.i, words[0].i):token.i + 1].text  # "The witness, Teresa Cole"
        if full not in ctx.people and token.text not in ctx.people:
            _remember(ctx, KnownPerson("named-other", NAMED_ENTITY, full, described), words[0].idx)


def _register_titled_in_apposition(doc: Doc, hits: HitIndex, ctx: ArticleContext, lexicon) -> None:
    """ "said Amara Diallo, a WFP spokeswoman in Nairobi", where the recogniser took the name for
    an organisation: a first name and surname followed by a title in apposition are a person,
    with the label the title gives, so that "Diallo said" later is her. A person named before
    with no title ("Democrat Renee Collier raised ...") and given an office so later ("Collier,
    the state's attorney general,") holds it (docs/labelling.md: the position the text gives them)."""
    headings = doc._.sourcing_headings
    for token in doc:
        if token.pos_ != "PROPN" or not token.is_title or token.ent_type_ not in ("ORG", ""):
            continue
        role = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                     and hits.within([c.i], "official", "title", "spokesperson")), None)
        words = name_words(token)
        if role is None or len(words) > 3 or hits.within([t.i for t in words], "named_other", "organisation") \
                or hits.within([t.i for t in words], "outlet") or any(s <= words[0].idx < e for s, e in headings):
            continue
        full = doc[words[0].i:token.i + 1].text
        described = doc[words[0].i:role.right_edge.i + 1]  # "Amara Diallo, a WFP spokeswoman in Nairobi"
        decided = office_of_person(hits, lexicon, list(described), doc[words[0].i:token.i + 1])
        known = ctx.people.get(full) or ctx.people.get(token.text)
        if known is not None:
            then = any(t.lower_ == "then" for t in described)  # "Alder, then the state's attorney general,"
            if decided is not None and decided[0] == "named-official" and known.label == "named-other" and \
                    known.rule_id == NAMED_ENTITY and not known.outlet and not then:
                ctx.describe_again(known, KnownPerson(*decided, known.name, described.text))
            continue
        if len(words) >= 2:
            label, rule = decided or ("named-other", NAMED_ENTITY)
            _remember(ctx, KnownPerson(label, rule, full, described.text), words[0].idx)


def _name_after(tokens) -> list:
    """The capitalised name words right after a title ("Councilwoman Ana Ruiz")."""
    name = []
    for token in tokens:
        if token.pos_ != "PROPN" or not token.is_title or token.ent_type_ in NOT_PERSON_ENTS:
            break
        name.append(token)
    return name


def _name_in_apposition(title) -> list:
    """ "The state's attorney general, Renata Calloway,", where the recogniser took the name for an
    organisation: a capitalised name in apposition to the title."""
    named = next((c for c in title.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.is_title), None)
    if named is None or named.ent_type_ in NOT_PERSON_ENTS:
        return []
    words = [t for t in named.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [named]
    return words if len(words) >= 2 else []


def _join_nicknames(doc: Doc, ctx: ArticleContext) -> None:
    """ 'Rep. Robert C. "Bobby" Scott': the recogniser splits the name at the nickname's closing
    quotation mark; the titled first part is the person, also as "Bobby Scott" and "Scott"."""
    people = [e for e in doc.ents if e.label_ in PERSON_ENTS]
    for given, surname in zip(people, people[1:]):
        nickname = re.split(r'["“]', given.text)[-1]
        if given.text == nickname or surname.start != given.end + 1 or doc[given.end].text not in ('"', '”'):
            continue
        known = ctx.people.get(given.text)
        if known is not None and known.rule_id != NAMED_ENTITY:
            for key in (f"{nickname} {surname.text}", surname.text):
                if key not in ctx.people or ctx.people[key].rule_id == NAMED_ENTITY:
                    ctx.people[key] = known


def _join_short_names(ctx: ArticleContext) -> None:
    """ "De Blasio" after "Mayor Bill de Blasio" is the mayor, not a new untitled person: a name
    that ends another person's full name (any case) is that person."""
    fuller = {known.name.casefold(): known for known in ctx.people.values()}
    for key, known in list(ctx.people.items()):
        if len(key.split()) < 2 or known.rule_id != NAMED_ENTITY:
            continue
        whole = next((p for name, p in fuller.items() if name != key.casefold() and name.endswith(" " + key.casefold())),
                     None)
        if whole is not None:
            ctx.people[key] = whole
