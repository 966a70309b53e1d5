"""The model's attribute ruler (tag -> part of speech and morphology, a few lemma and
dependency exceptions), applied with the same result at a fraction of its cost.

spaCy's AttributeRuler runs a Matcher of ~180 patterns and then builds a Span and sets the
attributes once per match, in Python, for nearly every token: 13-16% of the whole model's
time here. Almost all of its patterns look at one token's TAG and/or LOWER, so what they set
depends only on that pair: it is worked out once per pair and cached. The few other patterns
(dependency labels, regular expressions, several tokens) keep a Matcher of their own. The
order of application is spaCy's: by pattern number, the later pattern winning.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# What a one-token pattern may look at and still be decided by the token's (TAG, LOWER, DEP,
# IS_SPACE): these four values decide every such pattern, so their result is cached.
TOKEN_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
TOKEN_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# The cache holds one entry per distinct (tag, word, dependency, space) seen; cleared when
# full so that memory stays flat on an archive of any size.
CACHE_LIMIT = 200_000


class FastAttributeRuler:
    """Built from the model's loaded AttributeRuler: the same patterns, attributes and order."""

    def __init__(self, ruler) -> None:
        self.vocab = ruler.vocab
        self.attrs: list[dict] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.one_token: list[tuple[int, list]] = []  # (pattern number, its checks), in order
        self.matcher = Matcher(self.vocab, validate=False)  # patterns of several tokens
        # The first word each of those patterns needs ("gon" na, "let" 's): a document with none
        # of them skips the Matcher, which would cost more than all the rest.
        self.openers: list = []
        for number in range(len(self.attrs)):
            _, patterns = ruler.matcher.get(str(number))
            for pattern in patterns:
                checks = _checks(pattern)
                if checks is None or self.indices[number] not in (0, -1):
                    self.matcher.add(str(number), [pattern])
                    self.openers.append(_test(pattern[0]["LOWER"]) if "LOWER" in pattern[0] else None)
                else:
                    self.one_token.append((number, checks))
        self._actions: dict[tuple, dict] = {}

    def _numbers(self, values: tuple) -> list[int]:
        """The one-token patterns that match a token with these (TAG, LOWER, DEP, IS_SPACE) values."""
        strings = self.vocab.strings
        token = (strings[values[0]], strings[values[1]], strings[values[2]], bool(values[3]))
        return [number for number, checks in self.one_token if all(check(token[i]) for i, check in checks)]

    def _action(self, values: tuple) -> dict:
        action = self._actions.get(values)
        if action is None:
            if len(self._actions) >= CACHE_LIMIT:
                self._actions.clear()
            action = self._actions[values] = self._merged(self._numbers(values))
        return action

    def _merged(self, numbers) -> dict:
        """The attributes of these patterns applied in spaCy's order: a later pattern wins."""
        merged: dict = {}
        for number in sorted(numbers):
            merged.update(self.attrs[number])
        return merged

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(TOKEN_ATTRS)
        longer: dict[int, list[int]] = {}  # token -> patterns of several tokens that set it
        if self._may_match(set(rows[:, 1].tolist())):
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                number = int(self.vocab.strings[match_id])
                longer.setdefault(doc[start:end][self.indices[number]].i, []).append(number)
        for i, values in enumerate(map(tuple, rows.tolist())):
            if i in longer:
                action = self._merged(self._numbers(values) + longer[i])
            else:
                action = self._action(values)
            if action:
                set_token_attrs(doc[i], action)
        return doc

    def _may_match(self, lowers: set[int]) -> bool:
        if not self.openers:
            return False
        if any(opener is None for opener in self.openers):
            return True
        words = [self.vocab.strings[lower] for lower in lowers]
        return any(opener(word) for opener in self.openers for word in words)

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def _checks(pattern: list[dict]):
    """[(position in TOKEN_KEYS, test)] for a one-token pattern over TOKEN_KEYS, or None when it
    needs the Matcher (several tokens, another attribute, an operator other than IN/NOT_IN/REGEX)."""
    if len(pattern) != 1 or not pattern[0] or set(pattern[0]) - set(TOKEN_KEYS):
        return None
    checks = []
    for key, value in pattern[0].items():
        test = _test(value)
        if test is None:
            return None
        checks.append((TOKEN_KEYS.index(key), test))
    return checks


def _test(value):
    """The Matcher's test of one attribute value: equal, IN, NOT_IN or REGEX (re.search)."""
    if isinstance(value, (str, bool)):
        return lambda seen: seen == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            members = set(arg)
            return lambda seen: seen in members
        if op == "NOT_IN":
            members = set(arg)
            return lambda seen: seen not in members
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return lambda seen: isinstance(seen, str) and regex.search(seen) is not None
    return None


@Language.factory("sourcing_attributes")
def make_fast_attributes(nlp: Language, name: str) -> FastAttributeRuler:
    """Added right after the model's "attribute_ruler", from which it takes the patterns;
    build_pipeline then removes the model's."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))
