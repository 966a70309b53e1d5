"""Pydantic models of the rule files: what each kind of file may contain."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .. import LABELS

Label = Literal[
    "named-official", "anonymous", "satellite-imagery", "secondary-outlet", "named-other", "document"
]

# Each kind of file allows these rule types; the first is the default when a rule names none.
RULE_TYPES: dict[str, tuple[str, ...]] = {
    "cue": ("speech_verb", "evidence_verb", "source_phrase", "credit_phrase", "no_comment", "document_verb", "frame"),
    "anonymous_source": ("descriptor", "hedge", "unnamed_marker", "group", "anonymity_request",
                         "reason_formulaic", "reason_substantive", "vantage", "rank"),
    "official": ("title", "body", "function", "not_official", "spokesperson", "state"),
    "outlet": ("gazetteer", "generic"),
    "imagery": ("imagery_term", "provider"),
    "document": ("document_noun", "document_phrase"),
    "named_other": ("organisation", "reference", "not_a_source", "named_entity"),
}


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    match: list[str] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


class OutletEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    type: Literal["wire", "news-agency", "broadcaster", "newspaper", "magazine", "digital", "state-media", "generic"]
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
    kind: Literal["cue", "anonymous_source", "official", "outlet", "imagery", "document", "named_other"]
    version: int = 1
    description: Optional[str] = None
    rules: list[Rule]


assert set(LABELS) == set(Label.__args__)  # the schema and the package agree on the six labels
