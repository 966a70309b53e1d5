"""Pydantic models of the rule files: what each kind of file may contain."""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator

from .. import LABELS

Label = Literal[
    "named-official", "anonymous", "satellite-imagery", "secondary-outlet", "named-other", "document"
]

# Each kind of file allows these rule types; the first is the default when a rule names none.
RULE_TYPES: dict[str, tuple[str, ...]] = {
    "cue": ("speech_verb", "evidence_verb", "source_phrase", "credit_phrase", "no_comment", "document_verb", "frame",
            "broadcast"),
    "anonymous_source": ("descriptor", "hedge", "unnamed_marker", "group", "anonymity_request",
                         "reason_formulaic", "reason_substantive", "vantage", "rank"),
    "official": ("title", "body", "function", "not_official", "spokesperson", "state"),
    "outlet": ("gazetteer", "generic"),
    "imagery": ("imagery_term", "provider"),
    "document": ("document_noun", "document_phrase"),
    "named_other": ("organisation", "reference", "not_a_source", "named_entity"),
    # Plain word lists the code reads by id (RuleSet.terms); never given to the matchers.
    "lexicon": ("word_list",),
}

# The label a rule gives the source it decides, by (kind, type), when the rule sets no `label:`.
# `rules check` asserts it on every attribution an example's sentence credits to the rule.
# None: the rule decides no label of its own (a cue, a reason, a back-reference, a word list).
DEFAULT_LABELS: dict[tuple[str, str], Optional[str]] = {
    **{("anonymous_source", t): "anonymous" for t in ("descriptor", "hedge", "unnamed_marker", "group", "anonymity_request")},
    **{("anonymous_source", t): None for t in ("reason_formulaic", "reason_substantive", "vantage", "rank")},
    **{("official", t): "named-official" for t in ("title", "body", "function", "spokesperson", "state")},
    ("official", "not_official"): "named-other",
    **{("outlet", t): "secondary-outlet" for t in RULE_TYPES["outlet"]},
    **{("imagery", t): "satellite-imagery" for t in RULE_TYPES["imagery"]},
    **{("document", t): "document" for t in RULE_TYPES["document"]},
    **{("named_other", t): "named-other" for t in ("organisation", "named_entity")},
    **{("named_other", t): None for t in ("reference", "not_a_source")},
    **{("cue", t): None for t in RULE_TYPES["cue"]},
    ("lexicon", "word_list"): None,
}


class LabelledExample(BaseModel):
    """An example that asserts the exact set of labels its sentence gets (may be empty).

    `context` is optional text put before it, as the paragraph before, for an example that
    points back ("The statement said..."); only the sentences of `text` are checked."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1)
    labels: list[Label]
    context: Optional[str] = None

    @field_validator("labels")
    @classmethod
    def _labels_once(cls, values: list[str]) -> list[str]:
        if len(set(values)) != len(values):
            raise ValueError("a label listed twice")
        return values


def _example_form(value) -> str:
    return "sentence" if isinstance(value, str) else "labelled"


# A plain sentence, or a sentence with the labels it must get. The tag picks the form, so an
# error names the mapping's field ("labels"), not a failed try at a string first.
Example = Annotated[Union[Annotated[str, Tag("sentence")], Annotated[LabelledExample, Tag("labelled")]],
                    Discriminator(_example_form)]
EXAMPLE_FORMS = ("sentence", "labelled")  # the tags, which error locations leave out


class Examples(BaseModel):
    """`match` / `no_match` in a file; `.match` / `.no_match` give their texts (plain strings,
    which the bench and the matcher tests read), `.match_items` the examples as written."""

    model_config = ConfigDict(extra="forbid")
    match_items: list[Example] = Field(default_factory=list, alias="match")
    no_match_items: list[Example] = Field(default_factory=list, alias="no_match")

    @property
    def match(self) -> list[str]:
        return [example_text(e) for e in self.match_items]

    @property
    def no_match(self) -> list[str]:
        return [example_text(e) for e in self.no_match_items]


def example_text(example: Union[str, LabelledExample]) -> str:
    return example.text if isinstance(example, LabelledExample) else example


class OutletEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    type: Literal["wire", "news-agency", "broadcaster", "newspaper", "magazine", "digital", "state-media", "fact-checker", "generic"]
    country: str = Field(default="XX", min_length=2, max_length=2)
    aliases: list[str] = Field(default_factory=list)
    ambiguous: bool = False
    same_as: Optional[str] = None  # a short form listed on its own ("AP"): the outlet it stands for

    @property
    def canonical(self) -> str:
        return self.same_as or self.name

    @property
    def surface_forms(self) -> list[str]:
        return [self.name, *self.aliases]


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$")
    why: str = Field(min_length=10)
    type: Optional[str] = None
    terms: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    patterns: list[list[dict]] = Field(default_factory=list)
    entries: list[OutletEntry] = Field(default_factory=list)
    label: Optional[Label] = None
    recipient: bool = False
    needs_clause: bool = False
    object_speaks: bool = False
    strength: Optional[int] = Field(default=None, ge=0, le=9)
    subject_must_be: list[Label] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)

    @field_validator("terms", "phrases")
    @classmethod
    def _no_blank_terms(cls, values: list[str]) -> list[str]:
        for value in values:
            if not value.strip():
                raise ValueError("blank entry")
        return values


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["cue", "anonymous_source", "official", "outlet", "imagery", "document", "named_other", "lexicon"]
    version: int = 1
    description: Optional[str] = None
    rules: list[Rule]


# Only word lists carry none of the matcher fields; what a lexicon rule may set besides its terms.
LEXICON_FIELDS = {"id", "why", "type", "terms", "examples"}


def expected_label(kind: str, rule_type: str, rule: Rule) -> Optional[str]:
    """The label a rule gives the source it decides: its own `label:`, else its kind's default."""
    return rule.label or DEFAULT_LABELS[(kind, rule_type)]


assert set(LABELS) == set(Label.__args__)  # the schema and the package agree on the six labels
# Every rule type has said which label it gives (or none): a new type must decide.
assert set(DEFAULT_LABELS) == {(kind, t) for kind, types in RULE_TYPES.items() for t in types}
