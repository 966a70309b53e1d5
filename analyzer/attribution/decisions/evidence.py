"""Decision steps for what is no source at all, and for evidence that is not a person:
satellite imagery, documents and data, other news outlets (those no rule lists but the text
names as outlets: outlet_names.py)."""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.syntax import clauses, document_noun_read_as_verb
from ...rules.matcher import HitIndex
from ...rules.refs import decision_step, step_id
from ..context import ArticleContext, Source
from .phrase import Phrase, rule_of
from .verdict import NOT_A_SOURCE, Verdict

REF_IMAGERY = step_id("ref.imagery", "'The images', 'these photos' after satellite imagery was cited point back to it.")
IMAGERY_DESCRIBED = step_id("decide.imagery_from_satellite", "Images, photos or imagery said to come from a satellite "
                            "in a clause or attachment ('imagery from the Sentinel-2 satellite') are satellite imagery.")
UNNAMED_REPORTS = step_id("decide.unnamed_reports", "'Recent reports have suggested', 'reports say': reports that name no "
                          "author or outlet are news reports with no outlet named: secondary-outlet and anonymous.")
RESPONDENTS = step_id("ref.respondents", "People named as a poll's respondents ('most respondents', 'those surveyed') "
                      "point back to the poll: document.")
# Words for a piece of news that no document is called.
NEWS_ONLY_NOUNS = ("piece", "story", "article", "column", "editorial", "op-ed", "segment", "headline", "dispatch",
                   "exclusive", "broadcast")
# The outlet name given to news reports that name none; cues.py adds `anonymous` beside it.
MEDIA_REPORTS = "media reports"
SATELLITE_WORDS = ("satellite", "satellites", "space", "orbit")
# What satellites sense besides pictures ("heat signatures detected by NASA's FIRMS satellite
# system", "readings from the Sentinel-5P satellite"): imagery when a satellite is named with them.
SENSED_WORDS = ("data", "signature", "reading", "measurement", "observation", "scan", "detection")
NOMINAL_DEPS = ("pobj", "nsubj", "nsubjpass", "dobj")
# Entity types of words that are no one's name ("CNN's Atlanta bureau", "NBC's Sunday show").
NOT_NAME_ENTS = ("GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "EVENT", "WORK_OF_ART")
# Words about when reports came, which leave them unnamed ("recent reports", "earlier reports").
REPORT_TIME_WORDS = ("recent", "earlier", "new", "latest", "previous", "initial", "early", "unconfirmed", "several",
                     "some", "many", "multiple", "conflicting")


def is_poll_share(root: Token) -> bool:
    """ "eight of 10 voters", "four in 10 Americans", "two out of three": a share of a counted
    whole, which is how polls report; "two of the officials" counts people, not a share."""
    if root.like_num or root.pos_ == "NUM":
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "out"):
                for whole in prep.subtree:
                    if whole.dep_ == "pobj" and any(c.dep_ == "nummod" for c in whole.children):
                        return True
        return False
    return root.tag_ in ("NNS", "NNPS") and any(
        c.dep_ == "nummod" and any(q.dep_ == "quantmod" and q.lower_ in ("in", "of", "out") for q in c.lefts)
        for c in root.children)


@decision_step("decide.poll_share", "'Eight of 10 voters say', 'four in 10 Americans': a poll's finding, not a source; "
               "but people named as a poll's respondents ('a third of those surveyed', 'most respondents', "
               "'Republicans polled') point back to the poll: document.")
def poll_share(p: Phrase) -> Verdict:
    if names_respondents(p.root):
        earlier = next((s for s in reversed(p.ctx.history) if s.label == "document"), None)
        return p.refer("document", RESPONDENTS, earlier.resolved if earlier else p.text, person=False)
    return NOT_A_SOURCE if is_poll_share(p.root) else None


# Participles that make people a poll's respondents ("those surveyed", "voters polled").
SURVEYED_WORDS = ("survey", "poll")


def names_respondents(root: Token) -> bool:
    """ "Most respondents", "a third of those surveyed", "Republicans polled by Gallup": the people
    speak as the poll's answers, an explicit reference to it (docs/labelling.md: polls are documents)."""
    words = [root] + [t for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    for word in words:
        if word.lemma_.lower() in ("respondent", "respondents"):
            return True
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in SURVEYED_WORDS for o in c.children)
               for c in word.children):
            return True  # "6 percent of voters in the Fox News poll"
        if any(c.lemma_.lower() in SURVEYED_WORDS and c.tag_ == "VBN" and c.dep_ in ("acl", "amod", "relcl")
               for c in word.children):
            return True
    return False


@decision_step("decide.not_a_source", "Words used in another sense ('renewable sources of energy', 'the official "
               "opening': rule other.not_a_source), numbers and poll shares ('63 percent said', 'a majority of "
               "voters') are no source.")
def not_a_source(p: Phrase) -> Verdict:
    if p.at_root("named_other", "not_a_source") and not p.at_root("document"):
        return NOT_A_SOURCE  # "official statistics" are still statistics (decide.document)
    # a poll word in a title ("Senate Majority Leader Mitch McConnell", "the minority leader") is part of a name
    if p.root.like_num or any(t.lower_ in p.lexicon.poll_words and t.dep_ != "compound"
                              for t in p.core + p.extra):
        return NOT_A_SOURCE
    return None


@decision_step("decide.imagery", "Satellite imagery, named by its words or its provider (rules imagery.*), or "
               "pointed back to ('the images' after imagery was cited: ref.imagery).")
def imagery(p: Phrase) -> Verdict:
    found = p.within(p.core, "imagery")
    if not found and (p.lemma in p.lexicon.image_words or p.lemma in SENSED_WORDS):
        # "Images captured on Sunday by Planet Labs", "imagery from the Sentinel-2 satellite":
        # the provider or the satellite is named in a clause or an attachment of the image word.
        described = p.extra + clauses(p.root) + agent_of_participle(p.root)
        found = p.within(described, "imagery", "provider")
        if not found and any(t.lower_ in SATELLITE_WORDS for t in described):
            return p.make("satellite-imagery", IMAGERY_DESCRIBED)
    if found:
        return p.make("satellite-imagery", rule_of(found[0]))
    if p.ctx.seen_imagery and p.lemma in p.lexicon.image_words and (
            p.has_word("the", "these", "those") or _imagery_compared(p)):
        return p.make("satellite-imagery", REF_IMAGERY)
    return None


# Words that set one set of images beside another the article cited ("comparable images from
# January", "earlier images"); words that say the images came from somewhere else.
COMPARING_WORDS = frozenset(("comparable", "earlier", "later", "newer", "older", "previous", "subsequent", "similar",
                             "further", "additional", "latest", "more"))
NOT_SENSED_WORDS = frozenset(("social", "media", "shared", "posted", "phone", "video", "footage", "online", "facebook",
                              "telegram"))


def _imagery_compared(p: Phrase) -> bool:
    """ "Comparable images from January show the same buildings intact", "Images from 2 March
    show trenches" after satellite imagery was cited: more of the same imagery, by a word that
    compares or a date it was taken, unless the phrase says it came from social media."""
    words = {t.lower_ for t in p.extended}
    if words & NOT_SENSED_WORDS:
        return False
    dated = any(t.ent_type_ == "DATE" and t.head.dep_ == "prep" and t.head.head == p.root for t in p.extra)
    return bool(words & COMPARING_WORDS) or dated


@decision_step("decide.document", "A head noun that names written or statistical evidence (rules document.*) is a "
               "document; another outlet's report, story or interview is that outlet's reporting.")
def document(p: Phrase) -> Verdict:
    root = p.root
    # "Records show" (a capitalised first word tagged as a name), "the polling average" (a noun
    # tagged as an adjective): a document word used as a noun, by its place in the sentence
    common = root.pos_ == "NOUN" or (root.pos_ == "PROPN" and root.i == root.sent.start) or (
        root.pos_ == "ADJ" and root.dep_ in NOMINAL_DEPS) or document_noun_read_as_verb(root) or _titled_document(p)
    found = [h for h in p.at_root("document") if common or h.type == "document_phrase"]
    # The tagger often reads "a company filing" / "a court ruling" as a noun with a participle.
    found += [h for c in root.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i == root.i + 1
              for h in p.hits.within([c.i], "document")]
    if not found:
        return None
    # "a CNN report", "a report by Reuters", "a story in The Times": the outlet's reporting
    outlet = p.classifier.outlet_hit(p.hits, p.extended + agent_of(root))
    if outlet is not None and p.lemma in p.lexicon.news_report_nouns:
        return p.make("secondary-outlet", rule_of(outlet), outlet=p.classifier.outlet_name(outlet), hit=outlet)
    if unnamed_reports(p):
        return p.make("secondary-outlet", UNNAMED_REPORTS, outlet=MEDIA_REPORTS)
    return p.make("document", rule_of(found[0]))


def _titled_document(p: Phrase) -> bool:
    """ "the World Health Organization's latest Global Tuberculosis Report": a document's title
    ends in a word for a published study; not a paper's name ("The Bristol Cable", "The Daily Record")."""
    root = p.root
    return root.pos_ == "PROPN" and root.lower_ in TITLED_DOCUMENTS and (
        p.has_word("the") or any(c.dep_ == "poss" for c in root.children)) and not p.hits.within([root.i], "outlet") \
        and not p.hits.within([root.i], "official")  # "the US Geological Survey" is a body


# The last word of a published study's title ("Global Tuberculosis Report", "World Economic Outlook").
TITLED_DOCUMENTS = frozenset(("report", "survey", "study", "index", "outlook", "assessment", "audit", "census"))


def agent_of_participle(root: Token) -> list[Token]:
    """ "Images captured on Sunday by Planet Labs show ...": the parser makes the images the
    subject of "captured"; its "by" phrase names who took them."""
    head = root.head
    # "Images captured Sunday by ESA's Sentinel-2 satellite show": the parser may read the
    # participle as the past tense; its "by" phrase still names who took them
    if root.dep_ not in ("nsubj", "nsubjpass") or head.tag_ not in ("VBN", "VBD"):
        return []
    return agent_of(head)


def agent_of(root: Token) -> list[Token]:
    """The words of a "by" phrase on the noun ("a report by Reuters")."""
    return [t for c in root.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for t in c.subtree]


def unnamed_reports(p: Phrase) -> bool:
    """ "Recent reports have suggested", "reports say": reports in the plural that name no
    author, body or outlet are news reports with no outlet named (docs/labelling.md), unless
    they point back to reports cited as documents."""
    if p.lower != "reports" or p.root.pos_ != "NOUN":
        return False
    if p.has_word("the", "these", "those") and any("report" in d.text.lower() for d in p.ctx.documents):
        return False  # "The reports show" after "according to campaign finance reports filed Monday": those
    named = [t for t in p.extended if t.i != p.root.i and (t.pos_ == "PROPN" or t.dep_ == "poss" or t.ent_type_)]
    return not named and not any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in REPORT_TIME_WORDS
                                 for c in p.root.children)


@decision_step("decide.outlet", "Another news organisation (rules outlet.*): its name heads the phrase, or the head "
               "is a word for an outlet ('the agency', 'the network') that the name qualifies.")
def outlet(p: Phrase) -> Verdict:
    found = p.classifier.outlet_hit(p.hits, p.core, p.root)
    # "the network", "The Times story"
    head = p.lemma in p.lexicon.outlet_heads or p.lemma in p.lexicon.news_report_nouns
    if found is not None and (found.start <= p.root.i < found.end or head):
        return p.make("secondary-outlet", rule_of(found), outlet=p.classifier.outlet_name(found), hit=found)
    if found is not None and possessed_name(found, p.root):
        # "NBC's Lester Holt", where the recogniser took the name for an organisation: the outlet's own person
        return p.make("secondary-outlet", rule_of(found), outlet=p.classifier.outlet_name(found), hit=found, person=True)
    return None


def possessed_name(outlet_hit, root: Token) -> bool:
    """ "NBC's Lester Holt", "The Post's Robert Costa": a capitalised name right after an outlet's
    possessive is someone of that outlet's (its journalist), whatever entity type the name got; a
    title in quotation marks is its programme."""
    doc = root.doc
    after = outlet_hit.end + 1
    if not (outlet_hit.end < len(doc) and doc[outlet_hit.end].lower_ in ("'s", "’s", "'", "’") and after <= root.i):
        return False
    name = doc[after:root.i + 1]
    if len(name) and name[0].is_quote:  # "CNN's “State of the Union”": its programme
        return all(t.is_title or t.is_quote or not t.is_alpha for t in name)
    return len(name) >= 2 and all(t.pos_ == "PROPN" and t.is_title and t.ent_type_ not in NOT_NAME_ENTS for t in name)


# Words that describe an outlet as a newspaper ("the state-run newspaper Global New Light of Myanmar").
NEWSPAPER_WORDS = frozenset(("newspaper", "newspapers", "daily", "tabloid", "broadsheet", "weekly", "gazette"))


@decision_step("ref.outlet_story", "'The article', 'the piece', 'the story' (and 'the paper' after a newspaper) "
               "after another outlet's reporting was credited point back to that outlet's reporting, not to a document.")
def outlet_story(p: Phrase) -> Verdict:
    paper = p.lemma == "paper"  # "the paper alleges" after The Washington Post: the newspaper
    if not (p.lemma in p.lexicon.news_report_nouns or paper) or not p.has_word("the", "this", "that"):
        return None
    named = p.classifier.outlet_hit(p.hits, p.extended + agent_of(p.root))
    if named is not None and named.type != "generic":
        return None  # "the CNN story": decided with its outlet
    owner = next((c for c in p.root.children if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if named is None and owner is not None and owner.pos_ != "PRON" and \
            owner.lemma_.lower() not in p.lexicon.outlet_nouns:
        return None  # "The consultant's report", "that GAO report": whose it is, no outlet's story
    # "the piece", "the story" can only be news: the outlet credited last, whatever documents its
    # reporting cited since; "the report" or "the analysis" is the nearest of the two
    news_only = p.lemma in NEWS_ONLY_NOUNS
    # only what came before it: "The paper reviewed emails showing ...": the emails are cited after it
    earlier = next((s for s in reversed(p.ctx.history) if s.start_char < p.root.idx and (
        s.label == "secondary-outlet" or (s.label == "document" and not news_only))), None)
    # an outlet credited on the way ("according to a report by The Times") and a document
    # cited ("said in a report to the council") count too: neither speaks for anyone
    credited = next((o for o in reversed(p.ctx.outlets) if o.start_char < p.root.idx), None)
    if (news_only or paper) and credited is not None and (earlier is None or credited.start_char > earlier.start_char):
        earlier = credited
    cited = next((d for d in reversed(p.ctx.documents) if d.start_char < p.root.idx), None)
    if cited is not None and not (news_only or paper) and (earlier is None or cited.start_char > earlier.start_char):
        earlier = cited
    if earlier is None or earlier.label != "secondary-outlet":
        return None
    described = {w.lower().strip(".,") for w in f"{earlier.text} {earlier.resolved}".split()}
    if paper and earlier.outlet not in p.classifier.newspapers and not described & NEWSPAPER_WORDS:
        return None  # "the paper" after a journal or a network is a research paper; after "the newspaper X", X
    return p.refer(earlier.label, "ref.outlet_story", earlier.resolved, person=False, outlet=earlier.outlet)


def imagery_in_clauses(subject: Token, hits: HitIndex, ctx: ArticleContext, image_words: frozenset[str]) -> list[Source]:
    """ "analysts who studied the images said": the images carry their own label."""
    out = []
    for token in clauses(subject):
        if hits.within([token.i], "imagery") or (
                ctx.seen_imagery and token.lemma_.lower() in image_words and token.pos_ == "NOUN"):
            out.append(Source("satellite-imagery", REF_IMAGERY, token.text, token.text, token.idx, token.idx + len(token.text)))
            break
    return out
