"""When a verb of speaking or thinking carries a claim and not an act: "believes that ...",
"called the vote a sham", "sees reauthorization as a chance to fix it" report what someone
holds; "found her keys", "called his mother" do not (rules/cues.yml: needs_clause)."""

from __future__ import annotations

from spacy.tokens import Token

# Dependents of a verb that carry what was said, so that "believe", "find", "call" report a
# claim and not an act: ccomp "warned that the clinics were full", xcomp "expects to win",
# oprd "called the vote a sham", parataxis a clause set beside the verb, advcl where the parser
# hangs the content under an adverbial clause ("hopes, if the rain stops, to reopen the road").
CONTENT_DEPS = ("ccomp", "xcomp", "parataxis", "oprd", "advcl")
# Prepositions whose phrase is the content: "for" only after an asking verb ("called for an
# inquiry"); "that" for a complementiser the parser attaches to the verb as a preposition.
CONTENT_PREPS = ("for", "that")
# "as" on a verb of viewing carries the view ("see the vote as a test", "described it as unsafe"),
# wherever the parser hangs it.
VIEWING_VERBS = ("see", "view", "regard", "describe", "characterize", "characterise", "portray")
MODALS = ("may", "might", "could", "would", "can")
# Verbs whose object is a forecast figure ("expects growth of 1.6 percent", "estimates the cost at $5 billion").
FORECAST_VERBS = ("expect", "estimate", "project", "forecast", "predict", "see", "anticipate")
# Verbs that put a cause on something, with the preposition that carries it, on the verb or on its
# object: "blamed falling birth rates for the decline", "attribute the rise to supply disruptions".
CAUSE_VERBS = {"blame": ("for", "on"), "fault": ("for",), "attribute": ("to",)}
# Verbs of holding a view that a modal turns into the writer's guess ("would hope", "might think").
GUESSED_VIEWS = ("hope", "think", "believe", "fear", "expect", "see", "view", "regard", "worry", "welcome")
# Dependents of a verb's object that make the object content, when the parser hangs them
# under the object: a clause ("cited figures that show a decline": relcl, acl), a predicate
# (oprd), or "as" ("described the outbreak as contained").
OBJECT_CONTENT_DEPS = ("oprd", "acl", "relcl")
# Verbs that give a name ("which Pyongyang calls the Sohae ground"), in a relative clause.
# a step in one's own career: announcing it reports an act ("announced his retirement")
CAREER_STEPS = frozenset(("retirement", "resignation", "candidacy", "bid", "run", "departure", "exit", "withdrawal",
                          "engagement", "death"))
NAMING_VERBS = ("call", "dub", "name", "term", "label", "nickname", "refer")


def has_content(verb: Token, quote_spans, asking_verbs: frozenset[str]) -> bool:
    """The verb carries a claim: a clause, a content preposition, an object with a predicate,
    or a quotation in its sentence."""
    # "concern that Russia may see it as escalation", "many Mexicans would hope": a guess at a
    # view, not a view stated
    hypothetical = any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)
    if hypothetical and verb.lemma_.lower() in GUESSED_VIEWS:
        return False
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS:
            return True
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS and (
                child.lower_ != "for" or verb.lemma_.lower() in asking_verbs):
            return True
        if child.dep_ == "prep" and child.lower_ == "as" and verb.lemma_.lower() in VIEWING_VERBS and not hypothetical:
            return True
        if child.dep_ == "prep" and child.lower_ == "with" and verb.lemma_.lower() == "charge":
            return True  # "prosecutors charged two developers with fraud": the charge is a claim
        causes = CAUSE_VERBS.get(verb.lemma_.lower(), ())
        if causes and any(g.dep_ == "prep" and g.lower_ in causes for g in (child, *child.children)
                          if child.dep_ in ("prep", "dobj")):
            return True  # "officials blamed falling birth rates for the decline": a cause stated is a claim
        if child.dep_ == "dobj" and verb.lemma_.lower() == "describe" and not hypothetical and verb.dep_ != "acl":
            return True  # "a bystander described the crash" (docs/labelling.md): an account given
        if child.dep_ == "dobj" and any(g.dep_ in OBJECT_CONTENT_DEPS or (g.dep_ == "prep" and g.lower_ == "as")
                                        for g in child.children):
            return True
        if (child.dep_ == "dobj" or child.dep_ == "prep" and child.lower_ == "at") and (
                verb.lemma_.lower() in FORECAST_VERBS) and any(t.like_num or t.text in ("%", "$") for t in child.subtree):
            return True  # "expects growth of 1.6 percent": a figure forecast is a claim
    if verb.dep_ == "parataxis" and verb.head.i < verb.i and any(c.dep_ == "nsubj" for c in verb.children):
        return True  # "Dozens more are missing, the agency added, and roads are cut": a tag set in what it reports
    sent = verb.sent
    # "He responded the same way: THEY LOSE, WE WIN." — the words after a colon are what was said
    if any(t.text == ":" and t.head.i >= verb.i and sent.end - t.i > 2 for t in sent[verb.i - sent.start:]):
        return True
    # "The governor added:" closing its paragraph: the next paragraph is what was said (quotations.carry_excerpts)
    last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
    if last.text == ":" and (last.head == verb or last.i == verb.i + 1):
        return True
    if verb.dep_ == "relcl":
        return False  # "..., Obama said at the dinner, where Clinton also spoke": the quotation is not hers
    return any(s < sent.end_char and e > sent.start_char for s, e in quote_spans)


# Verbs of putting forward a bill or a rule (content.proposed_an_act).
PROPOSING_VERBS = ("propose", "introduce", "unveil", "sponsor", "table")


def an_act_not_a_claim(verb: Token, hits, act_documents) -> bool:
    """A verb of saying or writing that reports an act, not a claim: giving a name, writing a
    work, the article's own staff credited, putting forward a bill, announcing one's retirement,
    the terms a source spoke on."""
    return names_something(verb) or wrote_a_work(verb, hits) or credits_own_staff(verb) or proposed_an_act(
        verb, act_documents) or announced_a_step(verb) or on_condition(verb)


def a_chance_to_speak(verb: Token) -> bool:
    """ "Residents can comment on the trial online", "may say more on Monday": a chance to speak,
    not words spoken, unless it carries content; "can not say" is an answer."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "may") for c in verb.children) and not any(
        c.dep_ == "neg" for c in verb.children)


def on_condition(verb: Token) -> bool:
    """ "who spoke on the condition of anonymity to describe internal talks": the terms the source
    spoke on, and why, said of the source; what it said is the main clause's."""
    spoke = verb.head if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() == "speak" else verb
    # "The aide spoke on condition of anonymity to discuss ...": a sentence of its own about the source is its own
    return spoke.lemma_.lower() == "speak" and spoke.dep_ != "ROOT" and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() == "condition" for g in c.children)
        for c in spoke.children)


def announced_a_step(verb: Token) -> bool:
    """ "Sen. Pruitt announced his retirement", "she announced her candidacy": a step in one's own
    career announced is an event; what an announcement says ("announced that ...") is a claim."""
    return verb.lemma_.lower() == "announce" and not _states_a_clause(verb) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in CAREER_STEPS for c in verb.children)


def names_something(verb: Token) -> bool:
    """ "The island, which the Philippines calls Pag-asa": a relative clause that gives a name
    reports no claim, whoever uses the name."""
    return (verb.dep_ in ("relcl", "conj") and verb.lemma_.lower() in NAMING_VERBS
            and any(c.tag_ in ("WDT", "WP") for c in (verb if verb.dep_ == "relcl" else verb.head).children))


def wrote_a_work(verb: Token, hits) -> bool:
    """ "Mariano wrote a memoir of her time at the White House", "a doctor who wrote many of the
    prescriptions": writing a book, a letter or a prescription is an act; what it says ("wrote in
    her memoir that ...") is the claim."""
    return verb.lemma_.lower() == "write" and not _states_a_clause(verb) and any(
        c.dep_ == "dobj" and (c.pos_ in ("NOUN", "PROPN") or c.lower_ in ("many", "some", "most") or hits.within([c.i], "document"))
        # "The memo was written by Curtis Hembree": who wrote it, said of the document
        or c.dep_ == "nsubjpass" and hits.within([c.i], "document")
        for c in verb.children)


def credits_own_staff(verb: Token) -> bool:
    """ "Bryant Rousseau and Caryn Wilson contributed reporting.", "Reporting was contributed by
    Alan Blinder.", "Julie Davis reported from Midway Atoll.": the article's own staff credited
    at its end, no source (docs/labelling.md: bylines)."""
    if verb.lemma_.lower() != "report":
        return False
    from_a_place = any(c.dep_ == "prep" and c.lower_ == "from" and any(o.pos_ == "PROPN" for o in c.children)
                       for c in verb.children) and not any(c.dep_ in ("ccomp", "dobj", "mark") for c in verb.children)
    return from_a_place or (verb.head.lemma_.lower() == "contribute"
                            and verb.dep_ in ("xcomp", "dobj", "nsubjpass", "ccomp"))


def report_with_content(token: Token) -> bool:
    """ "a New York Times report that Trump had a loss ...", "Trump's claim that there were
    thousands of shootings": a report or a claim named by whoever made it (a name before the
    noun) and given its content (a "that" clause) states what it says, whatever the sentence
    then does with it ("Clinton is seizing upon ...", "PolitiFact examined ...")."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ("report", "claim"):
        return False
    made_by = any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in token.children)
    # the clause right after the noun, wherever the parser hangs it ("seizing on a Post report that ...")
    return made_by and token.i + 1 < token.sent.end and token.doc[token.i + 1].lower_ == "that"


def says_something(document: Token) -> bool:
    """ "a lawsuit alleging that ...", "vouchers showing that ...": a document with what it says."""
    return any(c.dep_ in ("acl", "relcl") for c in document.children)


def objects_with_content(verb: Token, lexicon, quote_spans, only_own: bool) -> list[Token]:
    """The objects of a verb of sending or releasing that the sentence cites: "signed the bill",
    "published a log", "did not release the poll" are acts on a document, events unless the
    sentence gives what it says ("a lawsuit alleging that ..."); a statement issued is its
    speaker's words either way. With `only_own` ("obtained emails showing ..."), only a
    document's own clause counts."""
    def cited(obj: Token) -> bool:
        lemma = obj.lemma_.lower()
        if only_own or lemma in lexicon.act_documents:
            return says_something(obj)
        return lemma in lexicon.statement_nouns or sent_with_content(verb, obj, quote_spans, lexicon.asking_verbs)
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and cited(c)]


def sent_with_content(verb: Token, document: Token, quote_spans, asking_verbs: frozenset[str]) -> bool:
    """ "released a report showing that ...", "sent a letter to Senate leaders opposing the
    plan", "issued figures: ...": a document sent, filed or published together with what it says.
    Without it ("The charity published a log on its website", "the campaign did not release the
    poll") the sentence reports an act about a document, which carries no source
    (docs/labelling.md: about a document, not from it)."""
    if says_something(document) or has_content(verb, quote_spans, asking_verbs):
        return True
    # a participle on the phrase after the document ("to Senate leaders opposing the plan")
    return any(t.dep_ == "acl" and t.tag_ == "VBG" and t.i > document.i for t in verb.subtree)


def proposed_an_act(verb: Token, act_documents: frozenset[str]) -> bool:
    """ "The Transportation Department proposed the rule last year": proposing or introducing a
    bill, a rule or a budget is an act (lex.act_documents), unless the sentence says what it
    would do ("a rule requiring ...") or what the proposer said."""
    return verb.lemma_.lower() in PROPOSING_VERBS and not _states_a_clause(verb) \
        and any(c.dep_ == "dobj" and c.lemma_.lower() in act_documents and not says_something(c) for c in verb.children)


def _states_a_clause(verb: Token) -> bool:
    """ "wrote that ...", "proposed: ...": the verb reports what was said, not only what was made."""
    return any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
