"""Who "he" and "she" can be: the gender the article itself gives each person it names, and the
people it names as the subject of a sentence.

"Mayor Linda Ortiz said ... Tom Becker said he would sue ... She added" is the mayor, not the
landlord quoted last; "Reyes has pushed for the law. He said" is Reyes, although he is no
source in the first sentence. The gender comes only from the text (a "Mr."/"Ms." before the
name, a family role or gendered title beside it, or the pronouns of a sentence that names that
one person), never from a list of first names: a person the text gives no gender matches either pronoun.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..nlp.syntax import PERSON_ENTS, entities_in
from .context import ArticleContext

MALE, FEMALE = "male", "female"
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
                  "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
HONORIFIC_GENDER = {"mr.": MALE, "mr": MALE, "ms.": FEMALE, "ms": FEMALE, "mrs.": FEMALE, "mrs": FEMALE,
                    "miss": FEMALE}
# Words for a family role or a gendered title that the text sets beside a name ("Trell's mother,
# Denise Trell", "his widow, Ann Ruiz", "Congresswoman Ana Diaz"): the text gives the gender.
GENDERED_NOUNS = {**{w: MALE for w in ("father", "husband", "son", "brother", "uncle", "grandfather", "nephew",
                                        "widower", "boyfriend", "fiance", "congressman", "councilman",
                                        "chairman", "spokesman", "businessman", "king", "prince")},
                  **{w: FEMALE for w in ("mother", "wife", "daughter", "sister", "aunt", "grandmother", "niece",
                                         "widow", "girlfriend", "fiancee", "congresswoman", "councilwoman",
                                         "chairwoman", "spokeswoman", "businesswoman", "queen", "princess")}}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
VOTING_DEPS = SUBJECT_DEPS + ("poss",)


def register_genders_and_subjects(doc: Doc, ctx: ArticleContext, quote_spans: list[tuple[int, int]]) -> None:
    """Fill ctx.genders (full name -> gender) and ctx.subjects (offset, full name) from the
    people register_people remembered. Words inside quotation marks are another person's
    speech: their pronouns and subjects are not the narrator's."""
    votes: dict[str, dict[str, int]] = {}
    headings = {start for start, _ in doc._.sourcing_headings}
    for sent in doc.sents:
        if sent.start_char in headings:
            continue
        named = _people_named(sent, ctx, quote_spans)
        # a clause's subject or a possessive ("Becker said he would sue", "Amari lost his licence");
        # an object is often someone else ("Holt said the crew had reached him"); and after the
        # name: one before it points back to someone else ("she said, standing beside the
        # family's lawyer, Victor Alcott")
        first_named = named[0][0].start if named else len(doc)
        pronouns = {PRONOUN_GENDER[t.lower_] for t in sent if t.lower_ in PRONOUN_GENDER and t.i > first_named
                    and t.dep_ in VOTING_DEPS and not _quoted(t.idx, quote_spans)}
        for ent, name in named:
            honorific = HONORIFIC_GENDER.get(doc[ent.start - 1].lower_) if ent.start > 0 else None
            if honorific:
                _vote(votes, name, honorific, 3)
            role = _role_gender(ent)
            if role:
                _vote(votes, name, role, 3)
            if ent.root.dep_ in SUBJECT_DEPS:
                ctx.subjects.append((ent.start_char, name, ent.root.head == sent.root))
        people = {name for _, name in named}
        if len(people) == 1 and len(pronouns) == 1:
            _vote(votes, next(iter(people)), next(iter(pronouns)), 1)
    for name, counts in votes.items():
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            ctx.genders[name] = ranked[0][0]


def _people_named(sent: Span, ctx: ArticleContext, quote_spans) -> list[tuple[Span, str]]:
    """(entity, full name) of each person the sentence names outside quotation marks. A
    surname alone is often tagged as an organisation ("Becker has owned"): a name the article
    gave a person before is that person."""
    found = []
    for ent in entities_in(sent):
        if _quoted(ent.start_char, quote_spans):
            continue
        known = ctx.people.get(ent.text)
        if known is None and ent.label_ in PERSON_ENTS:
            known = ctx.people.get(ent.text.split()[-1])
        if known is not None:
            found.append((ent, known.name))
    # a surname the recogniser did not tag at all ("Okonjo said video ... showed")
    for token in sent:
        if token.pos_ == "PROPN" and not token.ent_type_ and token.text in ctx.people and not _quoted(token.idx, quote_spans):
            found.append((sent.doc[token.i:token.i + 1], ctx.people[token.text].name))
    return sorted(found, key=lambda item: item[0].start)


def _role_gender(ent: Span) -> Optional[str]:
    """The gender of a role word set beside the name: the noun the name is in apposition to
    ("Trell's mother, Denise Trell"), one in apposition to the name ("Ann Ruiz, his widow"), or a
    title word just before it ("Congresswoman Ana Diaz")."""
    root = ent.root
    beside = [root.head] if root.dep_ == "appos" else []
    beside += [c for c in root.children if c.dep_ == "appos"]
    if ent.start > 0:
        beside.append(ent.doc[ent.start - 1])
    return next((GENDERED_NOUNS[t.lower_] for t in beside if t.lower_ in GENDERED_NOUNS), None)


def _quoted(offset: int, quote_spans) -> bool:
    return any(start <= offset < end for start, end in quote_spans)


def _vote(votes: dict[str, dict[str, int]], name: str, gender: str, weight: int) -> None:
    counts = votes.setdefault(name, {})
    counts[gender] = counts.get(gender, 0) + weight


def compatible(ctx: ArticleContext, name: Optional[str], pronoun: str) -> bool:
    """May this pronoun point to the person of that name? Yes unless the text gave them the other gender."""
    gender = ctx.genders.get(name) if name else None
    wanted = PRONOUN_GENDER.get(pronoun)
    return gender is None or wanted is None or gender == wanted


def learn_gender(ctx: ArticleContext, name: Optional[str], pronoun: str) -> None:
    """A pronoun resolved to a person the text gave no gender gives them the pronoun's."""
    if name and pronoun in PRONOUN_GENDER:
        ctx.genders.setdefault(name, PRONOUN_GENDER[pronoun])


def age_described(root: Token) -> Optional[str]:
    """ "the 61-year-old said": the age a description gives ("61"), else None."""
    year = next((c for c in root.children if c.lower_ == "year"), None) if root.lower_ == "old" else None
    number = next((c for c in year.children if c.like_num), None) if year is not None else None
    return number.text if number is not None else None


def person_of_age(ctx: ArticleContext, doc: Doc, age: str, before: int) -> Optional[str]:
    """The last person named before with that age beside the name ("Tran Van Loc, 61, said")."""
    found = None
    for ent in (e for e in doc.ents if e.label_ in PERSON_ENTS and e.end + 1 < min(before, len(doc))):
        if doc[ent.end].text == "," and doc[ent.end + 1].text == age and ent.text in ctx.people:
            found = ctx.people[ent.text].name
    return found
