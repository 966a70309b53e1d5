"""Decision steps for outlets no rule lists, named by what they are: a name that ends like a
newspaper's, a broadcaster's call sign or regional service, a name described as a news agency,
daily or station, and the names an article has so described (remembered for later mentions)."""

from __future__ import annotations

import re
from itertools import takewhile
from typing import Optional

from spacy.tokens import Doc, Span

from ...nlp.syntax import MEASURE_ENTS, PERSON_ENTS
from ...rules.matcher import HitIndex
from ...rules.refs import decision_step
from ..context import ArticleContext
from .phrase import Phrase, rule_of
from .verdict import Verdict

# Words for a printed or online publication, which describe no person ("radio" does: "radio host").
PRINT_NOUNS = frozenset(("newspaper", "daily", "tabloid", "magazine", "weekly", "publication", "website"))
# A US or Canadian broadcaster's call sign: four letters from K, W or C ("KQED", "WNHT"), or three
# with a band ("WGN-TV", "KFI-AM"). Names spelt the same way that are no station.
CALL_SIGN = re.compile(r"^[KWC][A-Z]{2,3}$")
BANDS = ("TV", "FM", "AM", "DT", "HD")
NOT_CALL_SIGNS = frozenset(("KPMG", "WIPO", "WWII", "WHOI", "CSIS", "CDPH", "CPSC", "WADA", "WMATA", "CBRN", "CERN",
                            "CITES", "KKK", "COVID", "CEOS", "CFOS", "CPAC", "CSPAN", "WTTC", "CENTCOM", "CAIR"))
BROADCAST_WORDS = ("radio", "tv", "television", "channel", "world", "service")


def call_sign_in(tokens) -> Optional[Span]:
    """ "told KQED", "said on WNHT's Sunday program", "WGN-TV": a station named by its call sign
    (four letters alone, or three or four with a band after a hyphen, which the tokenizer splits)."""
    for token in tokens:
        if not CALL_SIGN.match(token.text) or token.text in NOT_CALL_SIGNS:
            continue
        doc = token.doc
        band = token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].text in BANDS
        if band:
            return doc[token.i:token.i + 3]
        if len(token.text) == 4:
            return doc[token.i:token.i + 1]
    return None


@decision_step("decide.outlet_named_like", "A name of two or more capitalised words that ends like a newspaper's "
               "('The Bayport Observer', 'the Daily Herald': lex.newspaper_name_words), a name set before 'magazine' "
               "or 'newspaper' ('Cosmopolitan magazine'), a broadcaster's call sign "
               "('KQED', 'WGN-TV') or a station of a known outlet ('BBC Radio Lincoln') is an outlet even when no "
               "outlet rule lists it; so is a name, not a person's, that 'quoted' someone 'as saying' ('Velnews "
               "quoted the president as saying'): what news agencies do.")
def outlet_named_like(p: Phrase) -> Verdict:
    root = p.root
    one_name = sum(t.pos_ == "PROPN" for t in p.core) == 1 and root.text not in p.ctx.people  # not "Ana Ruiz quoted"
    if (root.pos_ == "PROPN" and root.dep_ == "nsubj" and root.head.lemma_ == "quote" and root.ent_type_ not in PERSON_ENTS
            and (root.ent_type_ == "ORG" or one_name) and any(c.lower_ == "as" for c in root.head.children)):
        return p.make("secondary-outlet", "decide.outlet_named_like", outlet=p.text)
    programme = p.lemma in PROGRAMME_NOUNS  # "in an interview on WNHT's Sunday program"
    station = call_sign_in(p.core) if root.pos_ == "PROPN" or root.text in BANDS or programme else None
    if station is not None and (station.end > root.i >= station.start - 1 or programme and station.end <= root.i):
        return p.make("secondary-outlet", "decide.outlet_named_like", outlet=station.text)
    broadcaster = p.classifier.outlet_hit(p.hits, p.core, p.root)
    rest = root.doc[broadcaster.end:root.i + 1] if broadcaster is not None and broadcaster.end <= root.i else []
    if rest and (any(t.lower_ in BROADCAST_WORDS for t in rest[:-1]) or len(rest) <= 2 and all(
            t.pos_ == "PROPN" and t.is_title and t.ent_type_ not in PERSON_ENTS for t in rest)):
        # "BBC Radio Lincoln", "CBS Radio News": a station or service of a known outlet; "CBC
        # Manitoba", "ABC North Coast": its regional service
        return p.make("secondary-outlet", rule_of(broadcaster), outlet=p.classifier.outlet_name(broadcaster),
                      hit=broadcaster)
    titled = [c for c in root.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in PERSON_ENTS]
    if root.lower_ in ("magazine", "newspaper") and titled and not [h for h in p.within(p.core, "official") if h.type != "state"]:
        # "in an interview with Cosmopolitan magazine", "Time magazine reported": a name the gazetteer lacks
        return p.make("secondary-outlet", "decide.outlet_named_like", outlet=" ".join(t.text for t in titled))
    if root.pos_ != "PROPN" or root.lower_ not in p.lexicon.newspaper_name_words or p.within(p.core, "official"):
        return None
    name = [t for t in p.core if t.i <= root.i and (t.pos_ == "PROPN" or t.lower_ == "the")]
    if root.ent_type_ in PERSON_ENTS and name[0].lower_ != "the":
        return None  # a surname ("Jo Star said") names no paper; "The Bayport Observer" read as a person does
    if sum(1 for t in name if t.pos_ == "PROPN" and t.is_title) < 2:
        return None
    return p.make("secondary-outlet", "decide.outlet_named_like", outlet=" ".join(t.text for t in name))


# A station's programme, named after its call sign ("WNHT's Sunday program"): the station's.
PROGRAMME_NOUNS = ("program", "programme", "show", "broadcast", "newscast", "podcast", "episode")

# What a "news ..." is when it is an outlet: "the news agency Lusa", not "the news conference".
NEWS_KINDS = ("agency", "service", "network", "site", "portal", "channel", "magazine")
# The words before those that make them news outlets: "news agency", "the state information agency
# Khovar", "press agency", "telegraph agency".
NEWS_WORDS = ("news", "information", "press", "telegraph")


@decision_step("decide.outlet_described", "A proper name described as an outlet ('the newspaper Le Monde', 'the "
               "Kyiv daily Ukrainska Pravda') is an outlet even when no outlet rule lists it.")
def outlet_described(p: Phrase) -> Verdict:
    root, outlet_nouns = p.root, p.lexicon.outlet_nouns
    name = " ".join(t.text for t in p.core if (t.is_title or t.is_upper) and t.is_alpha and t.i <= root.i)
    if root.is_alpha and not root.is_lower and name in p.ctx.described_outlets:  # described once: "Velnews also quoted ..."
        return p.make("secondary-outlet", "decide.outlet_described", outlet=name)
    name_like = root.pos_ == "PROPN" or (root.text.isupper() and len(root.text) >= 2)  # "the state news agency AIM"
    # "the trade publication BioPharma Ledger", even read as a person's name; not "radio host Ana Ruiz"
    publication = any(t.head == root and t.lemma_.lower() in PRINT_NOUNS and t.i < root.i for t in p.core)
    if name_like and ((root.ent_type_ not in PERSON_ENTS or publication) and any(
            (t.lemma_.lower() in outlet_nouns or _news_kind(t)) and t.i < root.i
            and t.dep_ in ("compound", "nmod", "appos", "amod") for t in p.core) or any(
            # "KY3, the NBC affiliate in Springfield,", whatever the recogniser made of it
            c.dep_ == "appos" and c.lemma_.lower() in outlet_nouns for c in root.children)):
        return p.make("secondary-outlet", "decide.outlet_described", outlet=p.text)
    # "Local broadcaster Teleamazonas", "the Portuguese news agency Lusa": the word first, the name beside
    # it, in apposition or (the parser may hang it elsewhere) right after
    described = root.lemma_.lower() in outlet_nouns or root.lemma_.lower() in NEWS_KINDS and any(
        c.dep_ in ("compound", "amod") and c.lower_ in NEWS_WORDS for c in root.children)
    after = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    name = next((c for c in [*(c for c in root.children if c.dep_ == "appos"), after] if c is not None
                 and c.i == root.i + 1 and c.pos_ == "PROPN" and c.ent_type_ not in (*PERSON_ENTS, *MEASURE_ENTS)), None) \
        if described else None
    if name is not None:
        return p.make("secondary-outlet", "decide.outlet_described", outlet=" ".join(t.text for t in name.subtree))
    return None


def _news_kind(token) -> bool:
    """ "agency" in "the state information agency Khovar", "press agency": a news outlet's kind."""
    return token.lower_ in NEWS_KINDS and _after_news_word(token)


def _after_news_word(token) -> bool:
    """The word before is one that makes a kind of outlet a news one ("news", "information", "press")."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in NEWS_WORDS


# Entities that never make an outlet's name ("the station Monday").
NOT_NAME_WORD_ENTS = ("GPE", "NORP", "LOC", "FAC", "DATE", "TIME")
# Words for what an outlet is, right before its name ("the state news agency Velnews", "the daily
# Ultima Pagina", "television station KSL"); a person may stand after the print words
# (PRINT_NOUNS) only when the recogniser misreads a title's name ("the trade publication
# BioPharma Ledger"). references.register_people calls register_described_outlets; outlet_described reads them.
OUTLET_KIND_WORDS = frozenset(("agency", "broadcaster", "channel", "station", "affiliate", "network", "site", "portal",
                               "outlet", "service", "paper"))
DESCRIBING_WORDS = OUTLET_KIND_WORDS | PRINT_NOUNS  # once, not for every token of every article


def register_described_outlets(doc: Doc, hits: HitIndex, ctx: ArticleContext) -> None:
    """Remember the names of outlets no rule lists that the article describes as outlets."""
    for token in doc:
        kind = token.lower_
        if token.pos_ != "NOUN" or kind not in DESCRIBING_WORDS or any(
                h.type != "generic" for h in hits.within([token.i + 1], "outlet")):
            continue  # a listed outlet is known already
        # after "news agency" the recogniser's guess of a place ("state news agency Kabar" as GPE) is a name
        news_kind = _after_news_word(token)
        name = list(takewhile(lambda t: (t.is_title or (t.is_upper and len(t) > 1)) and t.pos_ in ("PROPN", "NOUN")
                              and (news_kind or t.ent_type_ not in NOT_NAME_WORD_ENTS),
                              doc[token.i + 1:min(len(doc), token.i + 5)]))
        if name and (kind in PRINT_NOUNS or kind == "agency" or name[-1].ent_type_ not in PERSON_ENTS):
            ctx.described_outlets.add(doc[name[0].i:name[-1].i + 1].text)
