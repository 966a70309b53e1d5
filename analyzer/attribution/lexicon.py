"""The word lists the label decisions read, loaded from the lexicon rule files
(rules/source_words.yml): users can read and edit them like any rule, with a `why` and
examples. Each attribute is a frozenset of lower-case words."""

from __future__ import annotations

from ..rules.loader import RuleSet
from ..rules.refs import rule_ref

# attribute -> the rule id of its list; declared with rule_ref, so a --rules folder that drops
# one fails at load time with one line, not with a wrong label.
WORD_LISTS = {
    "news_report_nouns": rule_ref("lex.news_report_nouns"),
    "shared_titles": rule_ref("lex.shared_titles"),
    "official_references": rule_ref("lex.official_references"),
    "company_references": rule_ref("lex.company_references"),
    "outlet_nouns": rule_ref("lex.outlet_nouns"),
    "outlet_heads": rule_ref("lex.outlet_heads"),
    "image_words": rule_ref("lex.image_words"),
    "statement_nouns": rule_ref("lex.statement_nouns"),
    "quantity_heads": rule_ref("lex.quantity_heads"),
    "poll_words": rule_ref("lex.poll_words"),
    "bare_not_people": rule_ref("lex.bare_not_people"),
    "collective_people": rule_ref("lex.collective_people"),
    "unnamed_insiders": rule_ref("lex.unnamed_insiders"),
    "speaks_for_person": rule_ref("lex.speaks_for_person"),
    "no_office_agents": rule_ref("lex.no_office_agents"),
    "collegial_functions": rule_ref("lex.collegial_functions"),
    "state_words": rule_ref("lex.state_words"),
    "judges": rule_ref("lex.judges"),
    "asking_verbs": rule_ref("lex.asking_verbs"),
    "generic_heads": rule_ref("lex.generic_heads"),
    "vague_plurals": rule_ref("lex.vague_plurals"),
    "insider_heads": rule_ref("lex.insider_heads"),
    "past_office": rule_ref("lex.past_office"),
    "unnamed_outlets": rule_ref("lex.unnamed_outlets"),
    "author_heads": rule_ref("lex.author_heads"),
    "journalist_titles": rule_ref("lex.journalist_titles"),
    "act_documents": rule_ref("lex.act_documents"),
    "request_verbs": rule_ref("lex.request_verbs"),
    "newspaper_name_words": rule_ref("lex.newspaper_name_words"),
    "plural_titles": rule_ref("lex.plural_titles"),
    "board_roles": rule_ref("lex.board_roles"),
    "authored_documents": rule_ref("lex.authored_documents"),
    "expert_words": rule_ref("lex.expert_words"),
    "private_kinds": rule_ref("lex.private_kinds"),
}


class Lexicon:
    """The word lists of one rule set, as attributes (`lexicon.statement_nouns`)."""

    def __init__(self, ruleset: RuleSet):
        for attribute, rule_id in WORD_LISTS.items():
            setattr(self, attribute, ruleset.terms(rule_id))

    def __getattr__(self, name: str) -> frozenset[str]:  # only for names WORD_LISTS lacks
        raise AttributeError(f"no word list {name!r}: add it to WORD_LISTS and a lexicon rule file")
