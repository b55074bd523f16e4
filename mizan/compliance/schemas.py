"""API schemas of the compliance app. The offer is the engine's OfferTerms (docs/compliance-engine.md)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field, field_validator

from mizan.common.countries import country_codes
from mizan.common.languages import BY_CODE
from mizan.compliance.checking import EARLIEST, LATEST
from mizan.compliance.engine import OfferTerms


class CheckIn(OfferTerms):
    """A job offer in the engine's format (every field optional), plus ``on`` and ``language``."""

    on: dt.date | None = Field(
        None, description="Check with the rules in force on this day (default: the offer's date, else today)."
    )
    language: str | None = Field(
        None, description="Language of the messages (one of /api/v1/languages; default: Accept-Language)."
    )

    @field_validator("origin", "destination")
    @classmethod
    def _known_country(cls, value: str | None) -> str | None:
        if value is not None and value not in country_codes():
            raise ValueError(f"{value} is not an ISO 3166-1 country code")
        return value

    @field_validator("on")
    @classmethod
    def _on_in_range(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and not EARLIEST <= value <= LATEST:
            raise ValueError(f"must be between {EARLIEST.isoformat()} and {LATEST.isoformat()}")
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str | None) -> str | None:
        if value is not None and value not in BY_CODE:
            raise ValueError(f"must be one of {', '.join(BY_CODE)}")
        return value

    def terms(self) -> OfferTerms:
        return OfferTerms.model_validate(self.model_dump(exclude={"on", "language"}, exclude_none=True))


class CitationOut(Schema):
    title: str
    url: str
    article: str | None


class PackRef(Schema):
    id: str
    version: str


class FindingOut(Schema):
    severity: str = Field(description="violation, warning or info")
    rule_id: str
    message_key: str
    message: str = Field(description="The finding in words, in the requested language.")
    params: dict[str, str]
    citation: CitationOut | None
    pack: PackRef
    confidence: str = Field(description="high, medium or low")
    confidence_text: str
    rules: str = Field(description="Whose rules, in words (e.g. “the rules of Qatar”).")
    conflict: str | None = Field(description="A documented disagreement between sources (English).")
    facts: list[str] = Field(description="Ids in the legal fact sheet.")


class PackUseOut(Schema):
    id: str
    version: str
    jurisdiction: str
    title: str
    effective_from: dt.date
    effective_to: dt.date | None
    review_by: dt.date | None
    out_of_date: bool
    rules: str
    checked: str


class FigureOut(Schema):
    key: str
    label: str
    value: str


class CalculatorOut(Schema):
    currency: str | None
    gross_monthly_pay: str | None
    overtime_monthly_pay: str | None
    lawful_deductions: str | None
    net_monthly_pay: str | None
    recruitment_deductions: str | None
    take_home_pay: str | None
    worker_costs_paid: str | None
    worker_costs_owed: str | None
    worker_costs_total: str | None
    costs_against_rules: str | None
    months_to_repay: str | None
    sdg_10_7_1_ratio: str | None = Field(description="Worker-borne recruitment costs ÷ monthly earnings.")
    sdg_10_7_1_explained: str | None
    missing: list[str]
    unconverted: list[str]
    figures: list[FigureOut]
    notes: list[str]


class ContactOut(Schema):
    country: str
    name: str
    does: str
    url: str = Field(description="Where the legal fact sheet found this body.")
    fact: str


class SummaryOut(Schema):
    violations: int
    warnings: int
    infos: int
    passed: int


class CheckOut(Schema):
    language: str
    on: dt.date
    corridor: dict[str, str | None]
    summary: SummaryOut
    headline: list[str]
    out_of_date: bool = Field(
        description="A pack used is past its review date: the rules may be out of date."
    )
    packs: list[PackUseOut]
    findings: list[FindingOut] = Field(
        description="Violations, then warnings, then what could not be checked."
    )
    passed: list[FindingOut] = Field(description="Rules the offer meets.")
    missing: list[str] = Field(description="Offer fields that would allow more checks.")
    calculator: CalculatorOut
    contacts: list[ContactOut]
    advice: list[str]


class PackOut(Schema):
    id: str
    title: str
    jurisdiction: str
    current_version: str
    review_by: dt.date | None
    out_of_date: bool
    versions: int


class VersionOut(Schema):
    pack_id: str
    version: str
    title: str
    jurisdiction: str
    effective_from: dt.date
    effective_to: dt.date | None
    supersedes: str | None
    review_by: dt.date | None
    rules: int
    published_at: dt.datetime | None = Field(description="None for versions shipped with Mizan.")
    yaml_sha256: str
    yaml: str
