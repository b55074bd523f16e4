"""Request and answer bodies of /api/v1/me/profile.

Request bodies are plain pydantic models that forbid unknown fields: a PUT replaces a part of the profile,
so a misspelt field must be refused (422), never read as "empty" and erase what the worker saved.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from ninja import Schema
from pydantic import BaseModel, ConfigDict, Field


class OccupationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=30, description="ESCO occupation code, e.g. 7212.3.")
    years_of_experience: Decimal = Field(Decimal(0), ge=0, le=60, description="0 to 60, to a tenth.")
    is_main: bool = False
    skills: list[str] = Field(
        default_factory=list,
        max_length=500,
        description="ESCO skill URIs, each one of this occupation's essential or optional skills.",
    )


class OccupationsIn(BaseModel):
    """Every kind of work the worker does (PUT replaces them all)."""

    model_config = ConfigDict(extra="forbid")

    occupations: list[OccupationIn] = Field(max_length=10)


class OneOccupationIn(BaseModel):
    """One kind of work (PUT adds it or replaces its years and skills)."""

    model_config = ConfigDict(extra="forbid")

    years_of_experience: Decimal = Field(Decimal(0), ge=0, le=60)
    is_main: bool = False
    skills: list[str] = Field(default_factory=list, max_length=500)


class LanguageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=35, description="BCP 47 language tag; any language ISO 639 knows.")
    level: int = Field(
        ge=0, le=3, description="0 a few words, 1 I can talk, 2 I speak well, 3 my own language."
    )


class LanguagesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    languages: list[LanguageIn] = Field(max_length=20)


class PreferencesIn(BaseModel):
    """The jobs the worker wants (PUT replaces them); every part may be left out."""

    model_config = ConfigDict(extra="forbid")

    destinations: list[str] = Field(default_factory=list, max_length=15, description="ISO 3166-1 alpha-2.")
    sectors: list[str] = Field(
        default_factory=list,
        max_length=9,
        description="domestic_work, construction, manufacturing, agriculture, fishing, hospitality, care, "
        "services or other.",
    )
    min_monthly_pay: Decimal | None = Field(
        None, ge=0, description="With currency; never shown to employers."
    )
    currency: str | None = Field(None, max_length=3, description="ISO 4217.")
    available_from: date | None = None


class SkillOut(Schema):
    uri: str
    label: str = Field(description="ESCO's English label.")


class OccupationOut(Schema):
    code: str
    isco_code: str
    title: str = Field(description="In the request's language where Mizan has a translation.")
    years_of_experience: Decimal
    is_main: bool
    skills: list[SkillOut]


class LanguageOut(Schema):
    code: str
    name: str
    level: int
    level_label: str


class VerificationOut(Schema):
    id: UUID
    organisation: str
    status: str = Field(description="pending, verified, rejected or withdrawn.")
    asked_at: datetime
    decided_at: datetime | None
    note: str


class CertificateOut(Schema):
    id: UUID
    title: str
    number: str | None
    issuer: str
    issuer_id: UUID | None
    issued_on: date | None
    status: str = Field(description="unverified, verified or rejected.")
    status_label: str
    decided_at: datetime | None
    file_name: str
    content_type: str
    size: int
    created_at: datetime
    request: VerificationOut | None


class PreferencesOut(Schema):
    destinations: list[str]
    sectors: list[str]
    min_monthly_pay: Decimal | None
    currency: str | None
    available_from: date | None


class ProfileOut(Schema):
    job_matching_on: bool = Field(description="Matching may use the profile now (consent, no restriction).")
    job_matching_consent: bool = Field(description="The worker said yes to job matching.")
    occupations: list[OccupationOut]
    languages: list[LanguageOut]
    certificates: list[CertificateOut]
    preferences: PreferencesOut
    hints: list[str] = Field(
        description="What is missing, most useful first: add_work, add_skills, add_languages, "
        "add_preferences, turn_on_matching."
    )
    changed_at: datetime | None


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    confirmed: bool = Field(description="True: the organisation gave this certificate.")
    note: str = Field("", max_length=300, description="Shown to the worker.")


class IssuerRequestOut(Schema):
    id: UUID
    organisation: str
    title: str
    number: str | None = Field(description="Only while the request waits for an answer.")
    issued_on: date | None
    asked_at: datetime
    status: str
    decided_at: datetime | None
