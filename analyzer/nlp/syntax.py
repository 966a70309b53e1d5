"""Pure parse helpers: what the dependency parse and the entity recogniser say about a token.

Nothing here knows about labels or rules: the subject of a verb, the object after a cue,
a noun phrase's own words, the entity a token belongs to. The attribution stage asks these
questions; keeping them in one place keeps the decisions (attribution/) readable.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc, Span, Token

# Entity types, by what they can be as a source.
PERSON_ENTS = {"PERSON"}
PLACE_ENTS = {"GPE"}              # countries, cities, states: a government can speak for them
GROUP_ENTS = {"NORP"}             # nationalities, religious and political groups
ORG_ENTS = {"ORG", "FAC"}
NOT_SOURCE_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LOC", "LANGUAGE",
                   "LAW", "WORK_OF_ART", "PRODUCT"}

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Prepositions that attach an apposition-like description to a source ("an analyst at Jefferies").
ATTACHMENT_PREPS = {"of", "at", "from", "for", "with", "in", "on", "to", "within", "inside", "including", "like", "such",
                    "among"}
TIME_ENTS = ("DATE", "TIME")
MEASURE_ENTS = TIME_ENTS + ("CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")  # never a speaker
RELAYED_SPEECH = ("say", "tell")
# Words that open a clause of time or condition: "When asked by reporters", "If confirmed by the Senate".
CONDITION_WORDS = ("when", "whenever", "if", "once", "after", "before", "while", "unless", "until")
# The words of a short speaker phrase after a comma: "..., The Washington Post reported Tuesday."
TAG_PHRASE_POS = ("DET", "PROPN", "NOUN", "ADJ", "PRON", "PART", "NUM", "CCONJ")
TAG_PHRASE_MAX = 6
CLAUSE_PREPS = ("by", "after", "before", "while", "in")  # "by saying": the verb belongs to the clause above
MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "det", "flat", "nummod")


class _EntityIndex:
    """Token offset -> entity span of the last document asked about. Doc.ents builds new Span
    objects on every access (and Span.ents reads all of Doc.ents), so they are indexed once
    per document; one document is kept, by reference, so a recycled id() can never return
    another document's entities."""

    def __init__(self) -> None:
        self.doc: Optional[Doc] = None
        self.by_token: dict[int, Span] = {}
        self.ents: tuple[Span, ...] = ()
        self.starts: list[int] = []

    def of(self, doc: Doc) -> "_EntityIndex":
        if doc is not self.doc:
            self.doc = doc
            self.ents = doc.ents
            self.starts = [ent.start for ent in self.ents]
            self.by_token = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        return self

    def get(self, token: Token) -> Optional[Span]:
        return self.of(token.doc).by_token.get(token.i)

    def within(self, span: Span) -> list[Span]:
        """What span.ents gives, in the same order, without rebuilding every entity of the document."""
        index = self.of(span.doc)
        found = []
        for ent in index.ents[bisect_left(index.starts, span.start):]:
            if ent.end > span.end:
                break
            found.append(ent)
        return found

    def forget(self) -> None:
        self.doc, self.by_token, self.ents, self.starts = None, {}, (), []


_ENTITIES = _EntityIndex()


def entity_of(token: Token) -> Optional[Span]:
    """The named entity the token is part of, or None."""
    if not token.ent_type_:
        return None
    return _ENTITIES.get(token)


def entities_in(span: Span) -> list[Span]:
    """The named entities wholly inside the span (a sentence): span.ents, read from the index."""
    return _ENTITIES.within(span)


def forget_entities() -> None:
    """Drop the entity index (the component calls it when a document is done)."""
    _ENTITIES.forget()


def noun_phrase(root: Token) -> list[Token]:
    """The root's own words: left modifiers, compounds, flat names (not clauses or appositions)."""
    tokens = []
    for token in root.subtree:
        if token.i < root.i or token.i == root.i or (token.dep_ in ("flat", "compound") and token.head == root):
            if token.dep_ == "compound" and token.pos_ == "VERB":
                continue  # "Said Ellis:": the parser takes an opening verb for part of the name
            tokens.append(token)
    return sorted(tokens, key=lambda t: t.i)


def attachments(root: Token) -> list[Token]:
    """Appositions and prepositional attachments ("a military analyst at the Carnegie Endowment")."""
    out = []
    for child in root.children:
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in ATTACHMENT_PREPS):
            out.extend(child.subtree)
    for token in noun_phrase(root):
        if token.i == root.i:
            continue
        for child in token.children:
            if child.dep_ == "appos":
                out.extend(child.subtree)
    return sorted(set(out), key=lambda t: t.i)


def clauses(root: Token) -> list[Token]:
    """The words of the relative and participle clauses about the root ("analysts who studied ...")."""
    out = []
    for child in root.children:
        if child.dep_ in ("relcl", "acl"):
            out.extend(child.subtree)
    return out


def span_text(tokens: list[Token]) -> tuple[str, int, int]:
    """(text, start_char, end_char) from the first to the last token, punctuation trimmed."""
    tokens = [t for t in tokens if not t.is_punct or t.text in ("'s", "’s", ".")]
    if not tokens:
        return "", 0, 0
    doc = tokens[0].doc
    span = doc[tokens[0].i:tokens[-1].i + 1]
    return span.text, span.start_char, span.end_char


DASHES = ("-", "–", "—", "--")


# "required by law to disclose": a rule that obliges someone to speak does not speak
OBLIGING_VERBS = ("require", "force", "compel", "oblige", "obligate", "mandate")


def subject(verb: Token) -> Optional[Token]:
    """Who does the verb: its subject, the agent of a passive, the noun a relative clause is
    about, or the subject of the clause a complement, conjunct or "by saying" hangs from."""
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        opener = [c.lower_ for c in token.children if c.dep_ == "mark" or c.lower_ in CONDITION_WORDS]
        if not subjects and agent is not None and token.dep_ != "acl" and opener in ([], ["as"]):
            # "As first reported by Politico, Pell faces questions", "Under the plan, announced by Gov.
            # Tom Hale, schools ...": the agent, not the main clause's subject ("When asked by
            # reporters, Peskov said": the agent asks; the clause's subject still speaks). A clause
            # on a noun describes it: "prescriptions written by doctors" are no doctors' words.
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subjects:
            # "NEW DELHI (Reuters) - The World Health Organization said": the parser may take a
            # dateline's place for a second subject; the one nearest the verb is the speaker
            dateline = len(subjects) > 1 and subjects[0].is_upper and any(c.text in DASHES for c in subjects[0].children)
            found = subjects[-1] if dateline else subjects[0]
            dash = next((c for c in found.children if c.text in DASHES), None) if found.is_upper else None
            if dash is not None:
                # "WASHINGTON -- President Obama, dedicating the museum, said": the speaker hangs on the dateline
                found = next((c for c in found.children if c.dep_ == "appos" and c.i > dash.i), found)
            if passive and found.dep_ == "nsubjpass" and verb.dep_ == "xcomp" and token.lemma_ in OBLIGING_VERBS:
                return found  # "Candidates are required by law to disclose": the candidates would disclose
            if passive and found.dep_ == "nsubjpass" and token.lemma_ not in ("quote", "cite"):
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if found.lower_ in ("i", "we", "you", "it") and found.dep_ != "nsubj":
                return None
            if token is not verb and found.lower_ == "it" and token.lemma_ in ("take", "be"):
                return None  # "it may take days to determine": no one determines
            if found.dep_ == "csubj":
                return None
            return found
        if token.dep_ == "acl" and token.tag_ == "VBN" and agent is not None and token.lemma_ in ("report", "publish"):
            return None  # "a letter to senators first reported by Politico": the senators report nothing
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head
        if token.dep_ == "advcl" and token.tag_ == "VBN" and not any(c.dep_ == "aux" for c in token.children):
            # "As noted in the report, the agency missed ...": not the agency's words; "If convicted,
            # Albanese faces ...": the main clause's subject is the one convicted, not the court
            return None
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.lower_ in CLAUSE_PREPS:
            token = token.head.head  # "began by saying", "left after telling reporters": the clause's subject
            continue
        return None
    return None


def trailing_tag_speaker(verb: Token) -> Optional[Token]:
    """ "..., The Washington Post reported Tuesday.": a verb of saying that ends the sentence
    after a comma and a short noun phrase has that phrase for its speaker, whatever the parser
    made of the long clause before it (it often hangs the phrase on a name in that clause)."""
    sent = verb.sent
    after = [t for t in sent if t.i > verb.i and not (t.is_punct or t.is_space)]
    if len(after) > 3 or any(t.pos_ not in ("PROPN", "NOUN", "ADV", "NUM", "ADP") or t.ent_type_ not in TIME_ENTS + ("",)
                             for t in after):
        return None
    phrase = []
    for token in reversed(sent[:verb.i - sent.start]):
        if token.text == ",":
            break
        if (token.pos_ not in TAG_PHRASE_POS and token.text != "/") or len(phrase) == TAG_PHRASE_MAX:
            return None  # ("a new CNN/ORC poll shows": sponsors joined by a slash)
        phrase.append(token)
    if not phrase or token.text != "," or phrase[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return phrase[0]


# Plural nouns of documents that are also verbs: after a name at the end of a phrase the
# tagger can read them as verbs ("according to Census Bureau estimates.").
DOCUMENT_VERB_FORMS = frozenset(("estimates", "figures", "records", "reports", "projections", "forecasts",
                                 "counts", "surveys", "studies", "tallies", "filings"))


def document_noun_read_as_verb(token: Token) -> bool:
    """ "according to Census Bureau estimates.": a document's plural after a name, tagged a verb
    that has no object or clause of its own."""
    return (token.pos_ == "VERB" and token.lower_ in DOCUMENT_VERB_FORMS and token.i > 0
            and token.doc[token.i - 1].pos_ == "PROPN" and not any(c.dep_ in ("dobj", "ccomp") for c in token.children))


def object_after(doc: Doc, start: int, end: int) -> Optional[Token]:
    """The noun phrase a cue phrase doc[start:end] points at ("according to X", "told X")."""
    last = doc[end - 1]
    objects = [c for c in last.children if c.dep_ in ("pobj", "dobj", "pcomp") and c.pos_ != "VERB"]
    if objects:
        after = doc[objects[0].i + 1] if objects[0].i + 1 < len(doc) else None
        if after is not None and document_noun_read_as_verb(after):
            return after  # "Census Bureau estimates": the estimates, not the bureau
        return past_joined_names(objects[0])
    for token in doc[end - 1: min(len(doc), end + 8)]:
        if token.i < start + 1:
            continue
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.lower_ not in ("according", "per"):
            root = token
            while root.head.i != root.i and root.dep_ in MODIFIER_DEPS and root.head.i < end + 10:
                root = root.head
            return root
        if token.is_punct and token.i >= end:
            break
    return None


def name_words(token: Token) -> list[Token]:
    """A proper name's capitalised words: those the parser hangs on its last word, then the word
    ("Teresa Cole", "Theo Marchand")."""
    return [t for t in token.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN" and t.is_title] + [token]


def prep_objects(token: Token, *prepositions: str) -> list[Token]:
    """The objects of the token's prepositions of these words: "a letter from the mayor" ->
    [mayor] for "from"."""
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions
            for o in c.children if o.dep_ == "pobj"]


def past_joined_names(token: Token) -> Token:
    """ "a new POLITICO/Morning Consult poll": the parser stops the phrase at the slash between
    two sponsors' names; the noun after the names is the phrase's head."""
    doc = token.doc
    i = token.i + 1
    if i >= len(doc) or doc[i].text != "/":
        return token
    while i < len(doc) and (doc[i].text in ("/", "-") or doc[i].pos_ == "PROPN"):
        i += 1
    return doc[i] if i < len(doc) and doc[i].pos_ == "NOUN" and i <= token.i + 6 else token


# Verbs of speaking whose object is the one spoken to ("told CNN", "briefed reporters"); the object
# of others is what they are about ("accused the network of bias", "praised Fox News").
TELLING_VERBS = ("tell", "inform", "brief", "assure", "notify", "warn", "update", "reassure")


def recipients(verb: Token) -> list[Token]:
    """Who a verb of speaking was addressed to: "told CNN", "said in an interview with Reuters"."""
    telling = verb.lemma_.lower() in TELLING_VERBS
    out = [c for c in verb.children if c.dep_ in ("dative", "iobj") or (c.dep_ == "dobj" and telling)]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def passive_subject(verb: Token) -> Optional[Token]:
    """What a passive verb is done to: "Peskov" in "Peskov was quoted by TASS"."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def first_subject_before(verb: Token) -> Optional[Token]:
    """The first noun phrase of the clause before the verb: stands in when the parse loses a
    subject ("Satellite photos taken on Saturday show ...")."""
    sent = verb.sent
    doc = sent.doc
    # The language's chunker on this sentence only: Span.noun_chunks chunks the whole
    # document on every call.
    for start, end, _ in doc.noun_chunks_iterator(sent):
        root = doc[start:end].root
        if root.i < verb.i and root.dep_ in ("nsubj", "nsubjpass", "ROOT", "dep"):
            return root
    return None


def person_named_before(verb: Token) -> Optional[Token]:
    """The person named last before a sentence's main verb that follows a comma, if no other
    verb stands between them: after a long opening the parser can lose the subject of ", said"."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.i == 0:
        return None
    if doc[verb.i - 1].text != ",":
        return _subject_after_opening(verb)
    end = verb.i
    commas = [t.i for t in doc[verb.sent.start:verb.i - 1] if t.text == ","]
    if commas and doc[commas[-1] + 1].lower_ in ("who", "whose"):
        end = commas[-1]  # "Carol Jennings, whose son died of an overdose, said": past the relative clause
    for token in reversed(doc[verb.sent.start:end]):
        if token.pos_ in ("VERB", "AUX"):
            return None
        if token.ent_type_ in PERSON_ENTS:
            entity = entity_of(token)
            return entity.root if entity is not None else token
    return None


def _subject_after_opening(verb: Token) -> Optional[Token]:
    """ "When terrorists strike abroad, Obama and Clinton call them ...": after a long opening
    the parser can hang the names on the opening's last noun and leave the main verb without a
    subject. The words between the last comma and the verb, when they are no more than a
    phrase that begins with a person's name, are that subject."""
    doc = verb.doc
    opening = doc[verb.sent.start:verb.i]
    comma = next((t.i for t in reversed(opening) if t.text == ","), None)
    if comma is None or comma + 1 >= verb.i or any(t.pos_ in ("VERB", "AUX") for t in doc[comma + 1:verb.i]):
        return None
    first = doc[comma + 1]
    if first.ent_type_ not in PERSON_ENTS or first.ent_iob_ != "B":
        return None
    entity = entity_of(first)
    return entity.root if entity is not None else first


def name_head_at(doc: Doc, offset: int) -> Optional[Token]:
    """The head word of the name that starts at character `offset` ("Gareth Pryce" -> "Pryce"),
    for what the sentence makes of the name: a subject, a noun's apposition."""
    named = doc.char_span(offset, offset + 1, alignment_mode="expand")
    root = named[0] if named is not None else None
    while root is not None and root.dep_ in ("compound", "flat") and root.head.i > root.i:
        root = root.head
    return root


def joined_phrases(root: Token, past_words: frozenset[str] = frozenset()) -> list[Token]:
    """The noun phrase and the nouns joined to it ("the mayor and two aides", "Russia, China and
    Iran"), without a description the parser joined to a name ("Even China, Pyongyang's only
    ally and its economic lifeline, said": one source described, not two), nor a second role of
    one person a past word covers ("The former first lady and U.S. senator said": both past)."""
    joined = [c for c in root.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON") and c.i > root.i]
    if root.is_title and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        # "the Ministry of Agriculture, Climate Change and Environment": the rest of one long name
        joined = [c for c in joined if any(d.dep_ in ("det", "poss") for d in c.children) or c.ent_type_ in PERSON_ENTS]
    if root.pos_ == "PROPN" and joined and joined[0].pos_ == "NOUN" and joined[0].tag_ == "NN" and any(
            c.dep_ == "poss" for c in joined[0].children):
        return [root]
    if root.tag_ == "NN" and any(c.lower_ in past_words for c in root.children) and joined and joined[0].tag_ == "NN" \
            and not any(c.dep_ in ("det", "poss") for c in joined[0].children):
        return [root]
    return [root] + joined


def inside_reported_clause(verb: Token, cue_verbs: set[int]) -> bool:
    """ "He said the group would respond ...": a verb inside what another cue verb reports
    (`cue_verbs`: their token offsets) is content, not a second attribution; a bare trailing
    "..., AFP reported." is not; a comparison inside it ("... later than they had forecast") is."""
    if not any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl") and c.i > verb.i or c.dep_ == "mark"
               for c in verb.children):
        return False
    if verb.lemma_ in RELAYED_SPEECH and verb.tag_ not in ("VB", "VBG"):
        # "Mitchell recalled McConnell said ...": a source relaying another's words (both count);
        # not what someone might say ("rules that allow companies to tell one country that ...")
        return False
    token, path = verb, []
    while token.head.i != token.i and len(path) < 8:
        path.append(token.dep_)
        token = token.head
        if token.i in cue_verbs and "ccomp" in path and token.i < verb.i:
            return True
    return False
