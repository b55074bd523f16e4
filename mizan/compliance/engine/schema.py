"""The rule-pack format (one YAML document = one version of one pack), validated by pydantic.

Rule parameters are a free mapping here; each kind validates its own (see ``kinds``), so an error can
name the kind's parameter and its line.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from mizan.compliance.engine.findings import Confidence, Severity
from mizan.compliance.engine.terms import CountryCode, RegionCode, Sector

RuleId = Annotated[str, StringConstraints(pattern=r"^(INT|[A-Z]{2})(\.[A-Za-z0-9][A-Za-z0-9_-]*)+$")]
PackId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")]
Category = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,40}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Scope(_Spec):
    """Which offers a pack applies to; an absent field matches any offer."""

    origin: CountryCode | None = None
    destination: CountryCode | None = None
    sector: Sector | None = None
    worker_category: Category | None = None


class When(_Spec):
    """Narrows one rule to part of its pack's scope; each list matches any of its values."""

    origins: list[CountryCode] | None = None
    destinations: list[CountryCode] | None = None
    sectors: list[Sector] | None = None
    worker_categories: list[Category] | None = None
    regions: list[RegionCode] | None = None  # ISO 3166-2 of the workplace


class CitationSpec(_Spec):
    title: Annotated[str, Field(min_length=3, max_length=300)]
    url: Url
    article: Annotated[str, Field(max_length=200)] | None = None


class RuleSpec(_Spec):
    id: RuleId
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]
    parameters: dict[str, Any] = Field(default_factory=dict)
    when: When | None = None
    citation: CitationSpec
    confidence: Confidence
    facts: list[Annotated[str, StringConstraints(min_length=2, max_length=80)]] = Field(default_factory=list)
    notes: str | None = None
    conflict: str | None = None  # a documented conflict: findings become warnings that name it
    max_severity: Severity | None = None  # e.g. "warning" for a rule the law does not enforce
    effective_from: dt.date | None = None  # within the pack version, for phased rules
    effective_to: dt.date | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> RuleSpec:
        if self.effective_from and self.effective_to and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self


class PackSpec(_Spec):
    id: PackId
    version: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    title: Annotated[str, Field(min_length=3, max_length=200)]
    jurisdiction: Annotated[str, StringConstraints(pattern=r"^(INT|[A-Z]{2})$")]
    scope: Scope = Field(default_factory=Scope)
    effective_from: dt.date
    effective_to: dt.date | None = None  # last day in force
    supersedes: str | None = None  # the version this one replaces
    review_by: dt.date | None = None  # after this day, results say "these rules may be out of date"
    as_of: dt.date | None = None  # when the facts were compiled
    notes: str | None = None
    rules: list[RuleSpec]

    @model_validator(mode="after")
    def _consistent(self) -> PackSpec:
        if self.effective_to and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        expected = self.scope.origin or self.scope.destination or "INT"
        if self.scope.origin and self.scope.destination:
            expected = self.jurisdiction  # a bilateral pack may belong to either side
            if self.jurisdiction not in (self.scope.origin, self.scope.destination):
                raise ValueError("jurisdiction must be the scope's origin or destination")
        if self.jurisdiction != expected:
            raise ValueError(
                f"jurisdiction {self.jurisdiction} does not match the scope (expected {expected})"
            )
        if self.supersedes == self.version:
            raise ValueError("a version cannot supersede itself")
        return self
