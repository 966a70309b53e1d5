"""The decision step for a source described before the article names it: "..., top black
lawmakers said" then Rep. G.K. Butterfield; "Several residents said" then the first person named
in the same paragraph (docs/labelling.md: named later)."""

from __future__ import annotations

import re
from itertools import takewhile

from ...nlp.syntax import ORG_ENTS, name_head_at
from ...rules.refs import decision_step
from .officials import employer_named
from .phrase import TITLE_OF_BODY, Phrase, rule_of
from .verdict import Verdict

# Words that make a party's members legislators ("House Republicans", "Democrats on the committee").
LEGISLATURE_WORDS = frozenset(("house", "senate", "congress", "congressional", "committee", "panel", "legislature",
                               "assembly", "caucus", "chamber"))
# A legislator's title in a mention: "Rep. Jason Chaffetz", "Sen. Ann Hale", "Senator Ann Hale".
LEGISLATOR_TITLE = re.compile(r"\b(?:Rep|Reps|Sen|Sens)\.|\b(?:Representative|Senator|Congressman|Congresswoman)\b")
# How far on a source described before it is named may be named: about two short paragraphs.
NAMED_LATER_CHARS = 600
# A role and how a name's title abbreviates it: "a doctor" is named later as "Dr. Connie Mariano".
ROLE_ABBREVIATIONS = {"doctor": "dr", "professor": "prof", "senator": "sen", "governor": "gov",
                      "representative": "rep", "general": "gen", "detective": "det", "sergeant": "sgt"}


@decision_step("ref.named_later", "A source described before it is named takes the label of the person the "
               "article goes on to name ('..., top black lawmakers said' then Rep. G.K. Butterfield: named-official; "
               "'a witness described the crash' then 'Maria Lopez, a witness': named-other; 'Several residents said' "
               "then, in the same paragraph, the first person named: one of them). Only the next few paragraphs count; "
               "'officials', 'sources' and 'some parents' keep their cover; a source never named stays anonymous "
               "(docs/labelling.md).")
def named_later(p: Phrase) -> Verdict:
    root = p.root
    in_congress = _party_among_legislators(p)
    legislators = _party_in_legislature(p) or in_congress is not None
    if (root.pos_ != "NOUN" and not legislators) or p.has_word("the", "this", "these", "that", "those"):
        return None
    if any(c.dep_ == "poss" or c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in root.children):
        return None  # "Northgate's vice president, Steven Rourke,": whose, and named here: not vague
    sent = root.sent
    if p.hits.within(range(sent.start, sent.end), "anonymous_source", "anonymity_request"):
        return None  # "Aid workers, speaking on condition of anonymity, said": they asked not to be named
    # an office's title ("lawmakers"), not one companies use too ("economists", "directors")
    titled = legislators or any(rule_of(h) != TITLE_OF_BODY for h in p.at_root("official", "title"))
    # people no rule describes ("Rail unions have long argued") may be named next, as described ones may
    # (or private organisations, "retailers", named by someone of theirs: never by an official)
    organisations = p.at_root("named_other", "organisation")
    unlisted = root.tag_ == "NNS" and root.dep_ == "nsubj" and len(organisations) == len(p.hits.at(root.i))
    if not (titled or unlisted or p.at_root("anonymous_source", "descriptor")) or (
            not legislators and employer_named(p) is not None):
        return None  # "analysts at Goldman Sachs" say whom they speak for: no one to name later
    short = ROLE_ABBREVIATIONS.get(p.lemma)
    word = re.compile(rf"\b{re.escape(p.lemma)}s?\b" + (rf"|\b{short}\." if short else ""))
    first_after = True
    for offset, name in p.ctx.mentions:
        if not root.idx < offset <= root.idx + NAMED_LATER_CHARS:
            continue
        known = p.ctx.people.get(name)
        if known is None:
            continue
        if (titled and known.label == "named-official") or word.search(_described_as(p, known.mention, offset)) or (
                first_after and not titled and _introduced_next(p, name, offset)
                and not (organisations and known.label != "named-other")):
            return p.refer(known.label, "ref.named_later", known.mention, key=known.name, plural=p.plural)
        first_after = False
    if in_congress is not None:  # "Democrats said" in a story of a hearing: the legislators it names
        return p.refer(in_congress.label, "ref.named_later", in_congress.mention, key=in_congress.name, plural=True)
    return None


def _party_among_legislators(p: Phrase):
    """ "Republicans said the findings raised more questions" in a story that names two or more
    legislators by title: the party's members among them, not the party's voters. The
    legislator it names first after the phrase, else the last before; None elsewhere."""
    verb = p.root.head
    if p.root.lower_ not in ("democrats", "republicans") or p.root.dep_ != "nsubj" or len(list(p.root.children)) or (
            verb.dep_ not in ("ROOT", "conj")):
        return None  # "She said Republicans had told her", "a suit in which Democrats argued", "many Democrats"
    named = [(offset, p.ctx.people[name]) for offset, name in p.ctx.mentions if name in p.ctx.people
             and p.ctx.people[name].label == "named-official" and LEGISLATOR_TITLE.search(p.ctx.people[name].mention)]
    if len({known.name for _, known in named}) < 2:
        return None
    after = [known for offset, known in named if offset > p.root.idx]
    return after[0] if after else named[-1][1]


def _party_in_legislature(p: Phrase) -> bool:
    """ "House Republicans", "Democrats on the committee": a party's legislators, who may be named
    next as any lawmakers may; not "Republicans" or "many Democrats" alone (voters as well)."""
    if p.root.lower_ not in ("democrats", "republicans") or p.root.head.dep_ in ("ccomp", "xcomp"):
        return False  # "She said Republicans on the committee had told her": her unnamed sources
    doc = p.root.doc  # the parser may hang "on the committee" on the verb
    return any(t.lower_ in LEGISLATURE_WORDS for t in doc[max(0, p.root.i - 2):p.root.i + 4] if t.i != p.root.i)


def _described_as(p: Phrase, mention: str, offset: int) -> str:
    """How the article describes the person it names at `offset`: the noun the name stands in
    apposition to, and the mention."""
    return f"{_apposition_head(p.root.doc, offset)} {mention.lower()}"


def _apposition_head(doc, offset: int) -> str:
    """The noun before the name at `offset` that the name stands in apposition to ("witness" in
    "The witness, Gareth Pryce, ..."); "" when there is none."""
    root = name_head_at(doc, offset)
    return root.head.lower_ if root is not None and root.dep_ == "appos" and root.head.i < root.i else ""


def _introduced_next(p: Phrase, name: str, offset: int) -> bool:
    """ "Several residents said the site floods. '...,' said Gloria Tate, 74.": people described
    in the plural, then the first person named after them, in the same paragraph and new to the
    article, is one of them (docs/labelling.md: named later)."""
    lexicon = p.lexicon
    # "A witness described the crash." then, by the next paragraph, a new person who is no
    # official: the witness (docs/labelling.md: named later)
    one_described = (not p.plural and p.has_word("a", "an") and p.ctx.people[name].label == "named-other"
                     and _apposition_head(p.root.doc, offset) in ("", p.lemma))  # not "The witness, X" after "a neighbour"
    if not (p.plural or one_described) or p.root.ent_type_ in ORG_ENTS or p.has_word("some") or (
            p.lemma in lexicon.insider_heads or p.lemma in lexicon.unnamed_insiders):
        return False  # "officials", "people familiar", "sources" keep their cover; "some parents" are a few of many
    if any(start < p.root.idx and known == name for start, known in p.ctx.mentions) or (
            " " not in name and not any(name in p.ctx.people[other].name.split()[:-1] for other in p.ctx.people)):
        # named before; or one word that is no one's first name ("Donald" of "Donald Trump" is):
        # a surname alone is someone met before, or a company the recogniser took for a person ("Corvane")
        return False
    between = takewhile(lambda t: t.idx < offset, p.root.doc[p.root.i:])
    breaks = sum(("\n" in t.text or "\n" in t.whitespace_) for t in between)
    return breaks == 0 or (one_described and breaks == 1)
