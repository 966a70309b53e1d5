"""The rules compiled for the matchers, kept between runs (cache.py).

Compiling tokenizes every phrase and outlet name of the rule files (some 4,000): a quarter of a
second, most of the start-up after spaCy's own. What it makes (matcher.py's MatcherPatterns)
depends only on the rule files, the code that compiles them and the tokenizer, so the key is
made of all three: an edited rule file, a `--rules` folder, another spaCy, model or tokenizer
exception gives another key.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Optional

import spacy

from . import cache
from .loader import RuleSet
from .matcher import MatcherPatterns, RuleMatcher

# The modules whose code decides what the compiled patterns hold.
COMPILING_MODULES = ("loader.py", "schema.py", "matcher.py", "compiled.py")
FORMAT = 1


def tokenizer_fingerprint(tokenizer) -> str:
    """What decides how the tokenizer splits a phrase: its exceptions and affix patterns."""
    def pattern(function) -> Optional[str]:
        return getattr(getattr(function, "__self__", None), "pattern", None)

    parts = [tokenizer.rules, [pattern(tokenizer.prefix_search), pattern(tokenizer.suffix_search),
                               pattern(tokenizer.infix_finditer), pattern(tokenizer.token_match),
                               pattern(tokenizer.url_match)], tokenizer.faster_heuristics]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def patterns_key(nlp, ruleset: RuleSet) -> str:
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in COMPILING_MODULES:
        digest.update((here / name).read_bytes())
    about = [FORMAT, ruleset.digest, spacy.__version__, nlp.lang, tokenizer_fingerprint(nlp.tokenizer),
             list(sys.version_info[:2])]
    digest.update(json.dumps(about).encode())
    return digest.hexdigest()


def cached_rule_matcher(nlp, ruleset: RuleSet) -> RuleMatcher:
    """RuleMatcher(nlp, ruleset), its patterns read from the cache when it has them."""
    if cache.cache_dir() is None or not ruleset.digest:  # off, or rules made in code: nothing to key them by
        return RuleMatcher(nlp, ruleset)
    try:
        key = patterns_key(nlp, ruleset)
    except OSError:  # the compiling modules' source is not there to read (a frozen install)
        return RuleMatcher(nlp, ruleset)
    stored = cache.read("matcher", key)
    if stored is not None:
        try:
            return RuleMatcher(nlp, ruleset, MatcherPatterns(stored["adds"], stored["outlet_entries"]))
        except Exception:  # noqa: BLE001 - a damaged entry: compile instead, and replace it
            pass
    matcher = RuleMatcher(nlp, ruleset)
    cache.write("matcher", key, {"adds": matcher.patterns.adds, "outlet_entries": matcher.patterns.outlet_entries})
    return matcher
