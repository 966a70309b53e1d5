"""Compile a RuleSet into spaCy matchers, and the hits they find in a Doc.

Single-word terms go to PhraseMatchers on LEMMA and on LOWER (with the plural), which cost
next to nothing; only real token patterns go to the Matcher, whose cost grows with the
number of patterns (shared/PERFORMANCE.md) and with the list predicates on their first
token. Phrases go to a PhraseMatcher too: lower-case phrases match any case, phrases
written with capitals ("WHO", "Fed") match exactly.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from .loader import LoadedRule, RuleSet
from .schema import OutletEntry


MAX_EXPANSION = 400


def expand_to_phrases(pattern: list[dict]) -> list[list[str]] | None:
    """The word sequences a pattern of only LOWER words (optionally OP "?") matches, or None
    when it uses anything else (lemmas, entity types, flags, NOT_IN, repeats)."""
    sequences: list[list[str]] = [[]]
    for spec in pattern:
        keys = set(spec) - {"OP"}
        if keys != {"LOWER"} or spec.get("OP") not in (None, "?"):
            return None
        value = spec["LOWER"]
        if isinstance(value, str):
            words = [value]
        elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(w, str) for w in value["IN"]):
            words = list(value["IN"])
        else:
            return None
        extended = [seq + [w] for seq in sequences for w in words]
        if spec.get("OP") == "?":
            extended += sequences
        sequences = extended
        if len(sequences) > MAX_EXPANSION:
            return None
    return [seq for seq in sequences if seq]


# A first token chosen from a short list is cheaper as one pattern per word. The Matcher tests
# every pattern's first token at every word: a word compares in C, a list calls a Python set
# predicate, which costs as much as about five words.
MAX_SPLIT = 5


def split_first_choice(pattern: list[dict]) -> list[list[dict]]:
    """The pattern as one pattern per word of its first token's short IN list; the same
    matches. Patterns whose first token is optional or repeated, or has other list
    predicates, stay as they are."""
    first = pattern[0] if pattern else {}
    if first.get("OP") is not None:
        return [pattern]
    choices = [key for key, value in first.items() if isinstance(value, dict)]
    if len(choices) != 1:
        return [pattern]
    key = choices[0]
    value = first[key]
    words = value.get("IN") if set(value) == {"IN"} else None
    if not words or len(words) > MAX_SPLIT or not all(isinstance(w, str) for w in words):
        return [pattern]
    return [[{**first, key: word}] + pattern[1:] for word in dict.fromkeys(words)]


def plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


class Hit(NamedTuple):
    """One rule's match. A named tuple, as an article has thousands: built in C, hashed as a tuple."""

    rule_id: str
    kind: str
    type: str
    start: int  # token offsets, end exclusive
    end: int


# Rules that only describe an anonymous source (its reason, vantage, rank): matched on demand,
# in the sentences that have one, not over the whole article.
DETAIL_TYPES = {"reason_formulaic", "reason_substantive", "vantage", "rank"}


# The matchers a RuleMatcher fills: the token attribute each PhraseMatcher compares, None for
# the token Matchers.
MATCHERS = {"matcher": None, "detail_matcher": None, "detail_phrases": "LOWER", "phrases_exact": "ORTH",
            "phrases_lower": "LOWER", "terms_lemma": "LEMMA"}
# A token's string for each compared attribute: the string of the hash the PhraseMatcher takes.
TOKEN_STRINGS = {"LOWER": "lower_", "ORTH": "orth_", "LEMMA": "lemma_"}


@dataclass
class MatcherPatterns:
    """The compiled rules: every add to the matchers, in order, as plain data; a phrase is the
    strings of the attribute its PhraseMatcher compares, not a Doc. Compiling tokenizes some
    4,000 phrases and outlet names (a quarter of a second at start-up); loading this takes
    milliseconds, so rules/compiled.py keeps it between runs."""

    adds: list = field(default_factory=list)  # (matcher attribute, key, patterns or word lists)
    outlet_entries: dict = field(default_factory=dict)  # entry key -> (rule id, entry number)


class _Recorder:
    """Stands in for one of the matchers while the rules compile: records each add as plain data."""

    def __init__(self, name: str, attr: Optional[str], patterns: MatcherPatterns):
        self.name, self.attr, self.patterns = name, attr, patterns

    def add(self, key: str, items: list) -> None:
        if self.attr is not None:  # Docs -> the strings the PhraseMatcher would compare
            attribute = TOKEN_STRINGS[self.attr]
            items = [[getattr(token, attribute) for token in doc] for doc in items]
        self.patterns.adds.append((self.name, key, list(items)))


class RuleMatcher:
    def __init__(self, nlp: Language, ruleset: RuleSet, patterns: Optional[MatcherPatterns] = None):
        """The rules' matchers, compiled from `ruleset`, or loaded from its already compiled
        `patterns` (which must come from the same rules and tokenizer: rules/compiled.py)."""
        self.ruleset = ruleset
        self.rules = ruleset.by_id()
        self.strengths = {r.id: r.rule.strength for r in ruleset.rules if r.rule.strength is not None}
        self._described: dict[int, tuple[str, str, str]] = {}  # match id -> (key, kind, type)
        self.patterns = patterns if patterns is not None else self._compile(nlp)
        self._load(nlp.vocab, self.patterns)

    def _compile(self, nlp: Language) -> MatcherPatterns:
        self.patterns = MatcherPatterns()
        for name, attr in MATCHERS.items():
            setattr(self, name, _Recorder(name, attr, self.patterns))
        for loaded in self.ruleset.rules:
            self._add(nlp, loaded)
        return self.patterns

    def _load(self, vocab, patterns: MatcherPatterns) -> None:
        for name, attr in MATCHERS.items():
            setattr(self, name, Matcher(vocab, validate=True) if attr is None else PhraseMatcher(vocab, attr=attr))
        strings = vocab.strings
        for name, key, items in patterns.adds:
            if MATCHERS[name] is not None:  # a phrase: the hashes of its strings, as a Doc's tokens give them
                items = [[strings.add(word) for word in words] for words in items]
            getattr(self, name).add(key, items)
        # Outlet surface forms map back to their entry so a hit can name the outlet.
        self.outlet_entries: dict[str, OutletEntry] = {  # "outlet.wire_services#3" -> its entry
            entry_key: self.rules[rule_id].rule.entries[number]
            for entry_key, (rule_id, number) in patterns.outlet_entries.items()}

    def _add(self, nlp: Language, loaded: LoadedRule) -> None:
        if loaded.kind == "lexicon":
            return  # a word list the code reads by id (RuleSet.terms), never matched
        rule = loaded.rule
        key = loaded.id
        single = [t for t in rule.terms if " " not in t.strip()]
        multi = [t for t in rule.terms if " " in t.strip()] + list(rule.phrases)
        if single:
            lowered = sorted({t.lower() for t in single})
            # Lemmas keep the case of proper nouns ("Senators" stays "Senators"), so the lower-cased
            # word and its plural are matched as well.
            forms = sorted(set(lowered) | {plural(t) for t in lowered if t.isalpha()})
            # One token each, as the tokenizer splits "Sen." in a text but "sen." alone.
            self.phrases_lower.add(key, [Doc(nlp.vocab, words=[form]) for form in forms])
            self.terms_lemma.add(key, [Doc(nlp.vocab, words=[term], lemmas=[term]) for term in lowered])
        matcher_patterns = []
        detail = loaded.type in DETAIL_TYPES
        for pattern in rule.patterns:
            phrases = expand_to_phrases(pattern)
            if phrases is None:
                matcher_patterns.extend(split_first_choice(pattern))
            else:
                # A pattern of plain words is a list of phrases: the PhraseMatcher finds the
                # same spans at a fraction of the Matcher's cost.
                target = self.detail_phrases if detail else self.phrases_lower
                target.add(key, [Doc(nlp.vocab, words=words) for words in phrases])
        if matcher_patterns:
            (self.detail_matcher if detail else self.matcher).add(key, matcher_patterns)
        for phrase in multi:
            self._add_phrase(nlp, key, phrase)
        for number, entry in enumerate(rule.entries):
            entry_key = f"{key}#{number}"
            self.patterns.outlet_entries[entry_key] = (key, number)
            for form in entry.surface_forms:
                self._add_phrase(nlp, entry_key, form)

    def _add_phrase(self, nlp: Language, key: str, phrase: str) -> None:
        doc = nlp.make_doc(phrase.strip())
        if any(ch.isupper() for ch in phrase):
            self.phrases_exact.add(key, [doc])
            if phrase.isalpha() and phrase.isupper() and 2 <= len(phrase) <= 6:
                # an acronym is also written with full stops: "F.B.I.", "S.E.C." (The New York Times's style)
                self.phrases_exact.add(key, [nlp.make_doc("".join(f"{letter}." for letter in phrase))])
            if phrase.startswith("The "):
                # "The Times of Israel" is written "the Times of Israel" mid-sentence.
                self.phrases_exact.add(key, [nlp.make_doc("the " + phrase.strip()[4:])])
        else:
            self.phrases_lower.add(key, [doc])

    def __call__(self, doc: Doc, with_details: bool = True) -> list[Hit]:
        found = (list(self.matcher(doc)) + list(self.phrases_exact(doc)) + list(self.phrases_lower(doc))
                 + list(self.terms_lemma(doc)))
        if with_details:
            found += list(self.detail_matcher(doc)) + list(self.detail_phrases(doc))
        return self._hits(doc, found)

    def details(self, span) -> list[Hit]:
        """The detail rules' hits in one sentence (doc offsets)."""
        found = [(m, s + span.start, e + span.start) for m, s, e in self.detail_matcher(span)]
        found += list(self.detail_phrases(span))  # the PhraseMatcher answers in doc offsets already
        return self._hits(span.doc, found)

    def _hits(self, doc: Doc, found) -> list[Hit]:
        strings = doc.vocab.strings
        described = self._described
        hits = []
        for match_id, start, end in set(found):
            about = described.get(match_id)
            if about is None:
                key = strings[match_id]
                loaded = self.rules[key.split("#", 1)[0]]
                about = described[match_id] = (key, loaded.kind, loaded.type)
            hits.append(Hit(*about, start, end))
        return sorted(hits, key=lambda h: (h.start, h.start - h.end, h.rule_id))


class HitIndex:
    """Hits by token, so a source span can ask which rules cover its words."""

    def __init__(self, hits: list[Hit], strengths: Optional[dict[str, int]] = None, detail_loader=None):
        self.hits = hits
        self.strengths = strengths or {}
        self.detail_loader = detail_loader  # span -> hits of the on-demand rules
        self.detailed: set[int] = set()
        self.initial = len(hits)
        self.starts = [h.start for h in hits]  # hits come sorted by start
        self.by_token: dict[int, list[Hit]] = defaultdict(list)
        for hit in hits:
            for i in range(hit.start, hit.end):
                self.by_token[i].append(hit)

    def load_details(self, sentence) -> None:
        """Match the on-demand rules in this sentence, once."""
        if self.detail_loader is None or sentence.start in self.detailed:
            return
        self.detailed.add(sentence.start)
        for hit in self.detail_loader(sentence):
            self.add(hit)

    def add(self, hit: Hit) -> None:
        """A hit found after matching: an on-demand rule's, or a body's acronym used later."""
        self.hits.append(hit)
        for i in range(hit.start, hit.end):
            self.by_token[i].append(hit)

    def at(self, i: int, kind: str | None = None, *types: str) -> list[Hit]:
        return [h for h in self.by_token.get(i, ()) if (kind is None or h.kind == kind) and (not types or h.type in types)]

    def within(self, token_ids, kind: str | None = None, *types: str) -> list[Hit]:
        by_token = self.by_token
        seen, out = set(), []
        for i in sorted(set(token_ids)):
            for h in by_token.get(i, ()):
                # A hit is one object in every token's list: identity is enough to skip it again.
                if id(h) not in seen and (kind is None or h.kind == kind) and (not types or h.type in types):
                    seen.add(id(h))
                    out.append(h)
        return out

    def starting_in(self, start: int, end: int, kind: str, *types: str) -> list[Hit]:
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        candidates = self.hits[first:last] + self.hits[self.initial:]  # then the on-demand ones
        return [h for h in candidates if start <= h.start < end and h.kind == kind and (not types or h.type in types)]
