"""People whose office the article gives after it named them: by a definite description ("the
senator's statement" after a bare "Sanders"), or as the office that spoke in the sentence before
("Connecticut's tax commissioner says ..." then "Kevin Sullivan says ..."). references.register_people
calls these once the people named are known."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp.syntax import PERSON_ENTS, entity_of, name_head_at
from ..rules.matcher import HitIndex
from .context import ArticleContext, KnownPerson
from .decisions.phrase import NAMED_ENTITY, rule_of

# Offices that a definite description names for one person in a story ("the senator's statement",
# "the governor said"); "the president" is left out: in political news it is often someone else.
DESCRIBED_OFFICES = ("senator", "governor", "mayor", "congressman", "congresswoman", "lawmaker", "speaker",
                     "attorney", "secretary", "minister", "judge", "sheriff", "prosecutor")
# The abbreviated titles news writes before a name for the offices above ("Gov. Chris Christie").
OFFICE_ABBREVIATIONS = {"governor": ("gov.",), "senator": ("sen.",), "congressman": ("rep.",),
                        "congresswoman": ("rep.",), "attorney": ("atty.",)}
# How far before the description the person must have been named: about a paragraph.
DESCRIBED_WITHIN_CHARS = 500


def offices_described_later(doc: Doc, hits: HitIndex, ctx: ArticleContext) -> None:
    """ "Sanders made the following comment: ... When PolitiFact examined the senator's statement":
    the text gives the office by a definite description of the person named just before, who had
    no title: that person is an official (docs/labelling.md: the position the text gives them)."""
    for hit in hits.starting_in(0, len(doc), "official", "title"):
        word = doc[hit.end - 1]
        if rule_of(hit) != "official.title" or word.lower_ not in DESCRIBED_OFFICES or hit.start == 0:
            continue
        first = hit.start - 1  # "the Indiana governor", "the Republican senator": words of place or party between
        while first > 0 and doc[first].head == word and doc[first].dep_ in ("compound", "amod") and (
                doc[first].ent_type_ in ("GPE", "NORP") and not hits.within([first], "official")):
            first -= 1
        if doc[first].lower_ != "the" or (hit.end < len(doc) and doc[hit.end].pos_ == "PROPN"):
            continue  # "the senator", not "the Senate" or "the senator Tom Vale"
        if word.dep_ not in ("nsubj", "poss", "nsubjpass") or any(c.dep_ == "appos" for c in word.children):
            continue  # "The prosecutor, Yerlan Dzhaksybekov, told the court": named here, someone else
        before = [(offset, name) for offset, name in ctx.mentions if word.idx - DESCRIBED_WITHIN_CHARS <= offset < word.idx]
        # "As far as whether Sanders still senses hatred of Clinton ..., the Vermont senator": the one
        # named as a subject, not the one named last
        subjects = [name for offset, name in before if _named_as_subject(doc, offset)]
        known = ctx.people.get(subjects[-1] if subjects else before[-1][1]) if before else None
        if _same_office_named_before(doc, word, ctx):
            continue  # "Gov. Chris Christie ... Christie blasted Clinton ... The governor added": the official is meant
        # someone the article described by a role of theirs ("the family's attorney, Marcus Bell") is not the one
        if known is not None and known.label == "named-other" and known.rule_id == NAMED_ENTITY and not known.outlet \
                and known.mention in (known.name, known.name.split()[-1]):
            ctx.describe_again(known, KnownPerson("named-official", rule_of(hit), known.name,
                                                    f"{known.mention} ({doc[hit.start:hit.end].text})"))


def named_after_their_office(doc: Doc, hits: HitIndex, ctx: ArticleContext) -> None:
    """ "Connecticut's tax commissioner says an internal review shows ... Kevin Sullivan says he
    instructed staff ...": a person the article names for the first time, bare, as the speaker
    of the sentence right after one whose speaker is an office with no name, holds that office."""
    sents = [s for s in doc.sents if not any(s.start_char == start for start, _ in doc._.sourcing_headings)]
    for before, sent in zip(sents, sents[1:]):
        office = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
        titles = hits.within([office.i], "official", "title") if office is not None else []
        if not titles or office.pos_ != "NOUN" or office.tag_ != "NN" or office.ent_type_ or not hits.at(
                before.root.i, "cue", "speech_verb"):
            continue
        if not any(c.dep_ == "poss" or c.lower_ == "the" for c in office.children) or any(
                t.ent_type_ in PERSON_ENTS for t in office.subtree):
            continue  # "a commissioner said": one of several; "Ellison's spokeswoman, Brooke Tanner,": named
        named = next((c for c in sent.root.children if c.dep_ == "nsubj" and c.ent_type_ in PERSON_ENTS), None)
        entity = entity_of(named) if named is not None else None
        known = ctx.people.get(entity.text) if entity is not None and len(entity) > 1 else None
        if known is None or known.rule_id != NAMED_ENTITY or not hits.at(sent.root.i, "cue", "speech_verb"):
            continue
        if min(offset for offset, name in ctx.mentions if name == known.name) != entity.start_char:
            continue  # named before: someone the article already knew
        ctx.describe_again(known, KnownPerson("named-official", rule_of(titles[0]), known.name,
                                                f"{known.mention} ({doc[office.left_edge.i:office.i + 1].text})"))


def _named_as_subject(doc: Doc, offset: int) -> bool:
    """The name at `offset` is the subject of its clause ("whether Sanders still senses ...")."""
    root = name_head_at(doc, offset)
    return root is not None and root.dep_ in ("nsubj", "nsubjpass")


def _same_office_named_before(doc: Doc, word: Token, ctx: ArticleContext) -> bool:
    """An official the article gave this office was named before the description, anywhere
    ("Gov. Daniel Ostrowski" in the lead, "the governor" paragraphs later), or in the paragraph
    or so before it by a name the recogniser may not tag there ("Christie, who has campaigned
    ..." after "Gov. Chris Christie"): the description is theirs."""
    first = word.i
    while first > 0 and doc[first - 1].idx >= word.idx - DESCRIBED_WITHIN_CHARS:
        first -= 1
    forms = (word.lower_,) + OFFICE_ABBREVIATIONS.get(word.lower_, ())
    names = {name for offset, name in ctx.mentions if offset < word.idx} | {t.text for t in doc[first:word.i]
                                                                           if t.pos_ == "PROPN"}
    return any(name in ctx.people and ctx.people[name].label == "named-official"
               and any(form in ctx.people[name].mention.lower().split() for form in forms) for name in names)
