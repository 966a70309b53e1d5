"""Decision steps for phrases that point back to a source named before, or to a group's part.

docs/labelling.md: a back-reference carries its source's label ("he said", "the source claimed",
"one of them", "the analyst" after "Michael Kofman, a military analyst").
"""

from __future__ import annotations

import re
from typing import Optional

from ...nlp.syntax import PERSON_ENTS, prep_objects
from ...rules.refs import decision_step
from ..context import THING_LABELS, Source
from ..pronouns import age_described, compatible, learn_gender, person_of_age
from .phrase import Phrase, rule_of
from .verdict import NOT_A_SOURCE, Verdict

PERSON_PRONOUNS = {"he", "she", "him", "her"}
REPLY_VERBS = ("reply", "respond", "answer", "retort")
# How far back a person named as a subject is still the one "he" or "she" points to.
SUBJECT_SENTENCES = 2
PLURAL_PRONOUNS = {"they", "them"}
THING_PRONOUNS = {"it"}
GROUP_POINTERS = ("them", "those", "these")
RELATIVE_PRONOUNS = ("who", "which", "that")


@decision_step("decide.acronym", "An acronym the article defined ('Joint Chiefs of Staff (JCS)') is that body: "
               "it takes the label and rule that decided the body.")
def acronym(p: Phrase) -> Verdict:
    body = p.ctx.acronyms.get(p.root.text)
    if body is None or not p.root.text.isupper():
        return None
    return p.make(body.label, body.rule_id, resolved=body.name)


def is_part_of_group(p: Phrase) -> bool:
    return p.lower == "one" or p.root.pos_ == "NUM" or p.lower in p.lexicon.quantity_heads


@decision_step("decide.part_of_group", "A part of a group is the group: 'one of the people', 'two of the officials', "
               "'a number of lawmakers' are decided as 'people', 'officials', 'lawmakers'.")
def part_of_group(p: Phrase) -> Verdict:
    if not is_part_of_group(p):
        return None
    named = next((c for c in p.root.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if named is not None:  # "one of the organisers, Lea Brandt,": the person named
        return p.classifier.decide(named, p.hits, p.ctx) or NOT_A_SOURCE
    group = next((g for c in p.root.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
    if group is None:
        return None
    return p.classifier.decide(group, p.hits, p.ctx) or NOT_A_SOURCE


@decision_step("ref.pronoun", "A pronoun points back to the nearest earlier source of its kind ('he' a person, "
               "'they' a group, 'it' a body or document; 'one of them' part of the group named before) "
               "and carries its label. 'He' or 'she' may also be a person named as a subject just before "
               "('Reyes has pushed for the law. He said'), never one the text gave the other gender "
               "('Mr.', 'Ms.', 'she said').")
def pronoun(p: Phrase) -> Verdict:
    if is_part_of_group(p) and any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in GROUP_POINTERS for g in c.children)
                                   for c in p.root.children):
        earlier = p.ctx.last(want_plural=True)
        if earlier is not None:
            return p.refer(earlier.label, "ref.pronoun", earlier.resolved, key=earlier.key)
    if p.lower not in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
        return None
    if p.lower == "it" and _dummy_it(p.root):
        return NOT_A_SOURCE
    if p.lower in PERSON_PRONOUNS:
        return person_pointed_to(p, p.root) or NOT_A_SOURCE
    elif p.lower in PLURAL_PRONOUNS:
        # "they": people, or an organisation ("the company ... they said"), never one person
        earlier = p.ctx.last(want_person=True, want_plural=True) or p.ctx.last(want_plural=True) or p.ctx.last(
            want_person=False)
    else:
        earlier = p.ctx.last(want_person=False)
    return p.refer_to(earlier, "ref.pronoun") if earlier is not None else NOT_A_SOURCE


def _dummy_it(it) -> bool:
    """ "It is fair to ask what changed", "It was not clear whether ...": an "it" that stands for
    the clause after an adjective points back to nothing."""
    verb = it.head
    return it.dep_ == "nsubj" and verb.lemma_ in ("be", "seem", "remain") and any(
        c.dep_ == "acomp" for c in verb.children) and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)


def person_pointed_to(p: Phrase, pronoun) -> Optional[Source]:
    """ "he", "she", "his" (the phrase's own words, for "his office"): the nearest earlier person
    it can be, a person source or a person named as a sentence's subject ("Reyes has pushed for
    the law. He said"), whose gender, when the text gives one, is the pronoun's (pronouns.py)."""
    offset, word = pronoun.idx, pronoun.lower_
    source = next((s for s in reversed(p.ctx.history) if s.is_person and not s.plural
                   and s.label not in THING_LABELS and compatible(p.ctx, s.key, word)), None)
    previous = _sentence_before(pronoun.sent, SUBJECT_SENTENCES)
    # A person named as a subject since that source, in this sentence or the two before; a main
    # clause's subject first ("Okonjo said ... Trell had raised a handgun. She wrote" is Okonjo).
    subjects = [(start, name, main) for start, name, main in p.ctx.subjects
                if previous.start_char <= start < offset and compatible(p.ctx, name, word)
                and (source is None or start >= source.start_char)]
    subjects.sort(key=lambda subject: (subject[2], subject[0]))
    subject = _one_asked(p, pronoun, _sentence_before(pronoun.sent, 1)) or (subjects[-1][1] if subjects else None)
    known = p.ctx.people.get(subject) if subject is not None else None
    if known is not None:
        named_at = max((s for s, name, _ in subjects if name == subject), default=offset)
        _learn_if_only_one(p, known.name, named_at, offset, word)
        return p.refer(known.label, "ref.pronoun", known.mention, key=known.name)
    if source is not None:
        _learn_if_only_one(p, source.key, source.start_char, offset, word)
        return p.refer_to(source, "ref.pronoun")
    return _person_named_before(p)


def _learn_if_only_one(p: Phrase, name: Optional[str], start: int, offset: int, pronoun: str) -> None:
    """The pronoun's gender becomes the person's only when no one else was named between them
    ("Gov. Chris Christie described nominee Hillary Clinton as a disgrace after she attacked
    ..." teaches nothing about Christie)."""
    if not any(start < at < offset and other != name for at, other in p.ctx.mentions):
        learn_gender(p.ctx, name, pronoun)


def _sentence_before(sent, count: int):
    """The sentence `count` sentences before this one (or the first)."""
    for _ in range(count):
        if sent.start == 0:
            break
        sent = sent.doc[sent.start - 1].sent
    return sent


def _one_asked(p: Phrase, pronoun, previous) -> Optional[str]:
    """ "CNN host Dana Whitfield asked Hadley whether ... 'We're close,' he replied.": the one who
    replies is the one asked in the sentence before, not its subject."""
    if pronoun.head.lemma_ not in REPLY_VERBS or pronoun.dep_ != "nsubj":
        return None
    for token in previous:
        if token.lemma_ == "ask":
            asked = next((c for c in token.children if c.dep_ in ("dobj", "dative") and c.ent_type_ in PERSON_ENTS), None)
            known = p.ctx.people.get(asked.text) if asked is not None else None
            if known is not None:
                return known.name
    return None


def _person_named_before(p: Phrase) -> Optional[Source]:
    """ "he" before any source was labelled: the person the article named last."""
    named = p.ctx.person_before(p.root.idx)
    known = p.ctx.people.get(named) if named is not None else None
    if known is None:
        return None
    return p.refer(known.label, "ref.pronoun", known.mention, key=known.name)


@decision_step("ref.relative", "A relative pronoun that speaks ('the European Union, which contended that', "
               "'Kofman, who said') is the noun its clause describes: decided as that noun.")
def relative(p: Phrase) -> Verdict:
    root = p.root
    if p.lower not in RELATIVE_PRONOUNS or root.dep_ not in ("nsubj", "nsubjpass") or root.head.dep_ != "relcl" \
            or root.is_upper and len(root) > 1:
        return None  # "the rate that the WHO says should not be exceeded": the World Health Organization, no "who"
    antecedent = _predicated_of(root.head.head)
    if antecedent.pos_ not in ("NOUN", "PROPN"):
        return NOT_A_SOURCE
    decided = p.classifier.decide(antecedent, p.hits, p.ctx)
    named = antecedent.head if antecedent.dep_ == "appos" and antecedent.head.ent_type_ in PERSON_ENTS else None
    if named is not None and (decided is None or decided.label == "anonymous"):
        # "Aaron Pike, a father of three who said": an unnamed description of a named person is that person
        decided = p.classifier.decide(named, p.hits, p.ctx) or decided
    return decided or NOT_A_SOURCE


def _predicated_of(noun):
    """ "Trump is a serial liar ... and birther who has pledged to ban ...": a noun said of the
    subject of "is" (an attribute, or one joined to it) describes that subject."""
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "attr" and top.head.lemma_ == "be":
        verb = top.head
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
            return subject
    return noun


@decision_step("decide.pronoun_not_a_source", "Other pronouns ('who', 'this', 'everyone') name no source, "
               "unless an anonymous-source rule matched them ('someone').")
def other_pronoun(p: Phrase) -> Verdict:
    if p.root.pos_ == "PRON" and not p.at_root("anonymous_source"):
        return NOT_A_SOURCE
    return None


@decision_step("decide.named_members", "A group described and then named speaks as the names: 'critics, including "
               "Senator Elizabeth Warren,', 'groups such as Amnesty International', 'Republicans led by Rep. X'. "
               "Only a plural common noun; "
               "a name that gets no named label leaves the group as it is.")
def named_members(p: Phrase) -> Verdict:
    root = p.root
    group = root.ent_type_ == "NORP" and root.tag_ in ("NNPS", "NNS")  # "five House Republicans led by ..."
    if not group and (root.pos_ != "NOUN" or root.tag_ != "NNS"):
        return None
    names = {"PERSON", "ORG", "FAC"}
    candidates = [c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.ent_type_ in names]
    for prep in root.children:
        such_as = prep.lower_ == "as" and root.doc[prep.i - 1].lower_ == "such"
        if prep.dep_ == "prep" and (prep.lower_ in ("including", "like") or such_as):
            candidates += [g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ in names]
        if prep.dep_ == "acl" and prep.lemma_ == "lead":  # "five House Republicans led by Rep. Wayne Pettibone"
            candidates += [g for a in prep.children if a.dep_ == "agent" for g in a.children
                           if g.dep_ == "pobj" and g.ent_type_ in names]
    for member in candidates:
        source = p.classifier.decide(member, p.hits, p.ctx)
        if source is not None and source.label in ("named-official", "named-other"):
            source.plural = source.is_person = True  # the group of people still: "they" later points back to it
            return source
    return None


# A programme's journalists by their role: "the host pressed her", "the anchor asked".
BROADCAST_ROLES = ("host", "co-host", "anchor", "moderator", "interviewer", "presenter")


@decision_step("ref.programme_journalist", "'The host', 'the anchor', 'the moderator' after another outlet's "
               "programme or journalist was credited ask for that outlet: secondary-outlet (docs/labelling.md: a "
               "question by another outlet's journalist).")
def programme_journalist(p: Phrase) -> Verdict:
    if p.lemma not in BROADCAST_ROLES or not p.has_word("the") or p.extra and any(
            t.ent_type_ in PERSON_ENTS for t in p.extended):
        return None  # "the host, Dana Park," is named here
    outlet = next((s for s in reversed(p.ctx.outlets) if s.outlet), None)
    if outlet is None:
        return None
    return p.refer("secondary-outlet", "ref.programme_journalist", outlet.resolved, person=False, outlet=outlet.outlet)


@decision_step("ref.definite", "A definite description points back to the person the article described with "
               "that word ('the analyst' after 'Michael Kofman, a military analyst'; 'the senators', 'the "
               "spokesman' named before) and carries their label.")
def described_before(p: Phrase) -> Verdict:
    root = p.root
    if root.pos_ != "NOUN" or root.tag_ != "NN" or not any(t.lower_ == "the" and t.dep_ == "det" for t in p.core):
        return None
    if p.at_root("named_other", "reference") or p.at_root("official", "body", "function"):
        return None  # "the company", "the ministry", "the court": bodies have their own references
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in root.children):
        return None  # "the town's fire chief, Bram Ostrander,": named here, not before
    # the word as the described role, not as its owner ("the family's attorney" is no family)
    word = re.compile(rf"\b{re.escape(root.lower_)}\b(?!['’]s)")
    for source in reversed(p.ctx.history):
        # an unnamed one too, by the same word as its head: "the adviser said" after "One adviser to Ms. Whitcomb"
        unnamed = source.label == "anonymous" and source.text.lower().split()[-1] == root.lower_ and not any(
            c.dep_ == "poss" for c in root.children) and bool(
            p.at_root("anonymous_source", "descriptor") or p.at_root("official", "title"))
        if source.is_person and not source.plural and (source.key or unnamed) and word.search(source.text.lower()):
            return p.refer(source.label, "ref.definite", source.resolved, key=source.key)
    for offset, name in reversed(p.ctx.mentions):
        known = p.ctx.people.get(name)
        if offset < root.idx and known is not None and word.search(known.mention.lower()):
            return p.refer(known.label, "ref.definite", known.mention, key=known.name)
    return None


@decision_step("ref.statement", "'The statement', 'this release' points back to whoever issued it: the nearest "
               "earlier source; 'a statement from its transportation office' is the office's.")
def statement(p: Phrase) -> Verdict:
    if p.root.pos_ != "NOUN" or p.lemma not in p.lexicon.statement_nouns:
        return None
    # "according to a statement from its transportation office": whoever it is from
    issuer = next(iter(prep_objects(p.root, "from", "by")), None)
    if issuer is not None:
        found = p.classifier.classify(issuer, p.hits, p.ctx)
        if found is not None and found.label in ("named-official", "named-other", "anonymous"):
            return found
    if p.has_word("the", "this", "that"):
        earlier = p.ctx.last()
        if earlier is not None:
            return p.refer(earlier.label, "ref.statement", earlier.resolved, person=earlier.is_person,
                           plural=earlier.plural, outlet=earlier.outlet)
    return None


# How English forms words for people by what they do or are ("the businessman", "the nominee",
# "the researcher", "the novelist", "the resident"), and the common words that end the same way
# but name things: a definite description is a person only when its head is such a word.
PERSON_NOUN_ENDINGS = ("er", "or", "ist", "ian", "ee", "man", "woman", "person", "ent", "ant", "ive", "ate", "ic")
THING_NOUNS_LIKE_PEOPLE = frozenset((
    "paper", "letter", "number", "order", "matter", "water", "border", "power", "center", "centre", "computer",
    "chapter", "error", "factor", "sector", "floor", "door", "color", "colour", "rumor", "rumour", "motor", "monitor",
    "indicator", "corridor", "behavior", "behaviour", "favor", "favour", "honor", "honour", "labor", "labour",
    "tumor", "vapor", "meter", "filter", "cancer", "disaster", "register", "answer", "offer", "quarter", "trailer",
    "poster", "transcript", "list", "playlist", "checklist", "document", "statement", "agreement", "government",
    "comment", "incident", "event", "element", "argument", "announcement", "amendment", "assessment", "content",
    "department", "movement", "moment", "payment", "settlement", "treatment", "segment", "judgment", "judgement",
    "development", "environment", "investment", "parliament", "plant", "grant", "restaurant", "warrant", "giant",
    "variant", "debate", "rate", "state", "estate", "climate", "date", "mandate", "update", "senate",
    "initiative", "alternative", "objective", "incentive", "directive", "archive", "explosive",
    "topic", "public", "clinic", "traffic", "music", "logic", "republic", "plastic", "graphic", "mechanic"))


# Words for people that no ending shows.
PEOPLE_WORDS = frozenset((
    "mogul", "tycoon", "magnate", "billionaire", "millionaire", "chief", "boss", "star", "celebrity", "veteran",
    "spouse", "lady", "child", "girl", "boy", "teen", "teenager", "victim", "suspect", "witness", "priest", "bishop", "pope",
    "guard", "cop", "chef", "coach", "judge", "attorney", "nurse", "pilot", "hero", "heroine", "rival", "ally",
    "friend", "aide", "adviser", "pundit", "heir", "heiress", "actress", "host", "lawmaker", "incumbent", "challenger",
    "frontrunner", "front-runner", "democrat", "republican", "independent", "conservative", "liberal", "progressive",
    "populist", "envoy", "diplomat", "official", "source", "insider", "expert", "doctor", "scientist", "analyst"))


def names_a_role(word: str) -> bool:
    """A word that names a person by role ("the businessman", "the nominee", "the candidate")."""
    return word in PEOPLE_WORDS or (word.endswith(PERSON_NOUN_ENDINGS) and word not in THING_NOUNS_LIKE_PEOPLE)


@decision_step("ref.definite_person", "A definite description of one person that no rule names ('the Democratic "
               "presidential nominee', 'the New York businessman') is someone the article is about: a candidate's "
               "role is named-other (official.not_official); otherwise the person spoken of last, with their label.")
def definite_person(p: Phrase) -> Verdict:
    root = p.root
    age = age_described(root)  # "the 61-year-old said": the person named with that age, else the last
    a_noun = root.pos_ == "NOUN" and root.tag_ == "NN"
    if not (a_noun or age) or not p.has_word("the") or root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if not p.hits.at(root.head.i, "cue", "speech_verb"):
        return None  # only the subject of a verb of saying: "the drone, called Arash, had" is no person
    aged = p.ctx.people.get(person_of_age(p.ctx, root.doc, age, root.i)) if age else None
    if aged is not None:
        return p.refer(aged.label, "ref.definite_person", aged.mention, key=aged.name)
    role = p.at_root("official", "not_official")
    if role:
        return p.make("named-other", rule_of(role[0]), person=True)
    if not names_a_role(root.lower_) and age is None:
        return None  # "the video told the whole story", "the plan calls for": a thing, not a person
    earlier = p.ctx.last(want_person=True, want_plural=False)
    if earlier is not None:
        return p.refer(earlier.label, "ref.definite_person", earlier.resolved, key=earlier.key)
    return _person_named_before(p)
