"""API schemas of the registry. Everything here is about organisations; no person is ever named."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal, get_args

from ninja import Schema
from pydantic import Field

from mizan.registry.standing import CODES

LicenceStatus = Literal["active", "suspended", "revoked", "surrendered"]
LicenceState = Literal["valid", "not_yet_valid", "expired", "suspended", "revoked", "surrendered"]
StandingCode = Literal[
    "licensed", "expired", "not_yet_valid", "suspended", "revoked", "surrendered", "blacklisted", "no_licence"
]
assert set(get_args(StandingCode)) == set(CODES)


class OrganisationOut(Schema):
    id: uuid.UUID
    name: str
    kind: Literal["agency", "employer"]
    country: str = Field(description="ISO 3166-1 alpha-2.")
    registration_number: str


class LicenceOut(Schema):
    id: uuid.UUID
    number: str = Field(description="As the authority writes it.")
    number_key: str = Field(description="The number folded for lookup: upper case, letters and digits only.")
    country: str
    issuing_authority: str = Field(description="The name of the authority that issued it.")
    issuing_authority_id: uuid.UUID | None = Field(description="The authority's id, when it uses Mizan.")
    organisation: OrganisationOut
    valid_from: dt.date
    valid_to: dt.date | None = Field(description="None: no end date.")
    status: LicenceStatus = Field(description="The status recorded by the authority, as it stands today.")
    state: LicenceState = Field(description="Today: valid, not valid yet, expired, or the status.")
    address: str
    updated_at: dt.datetime


class LicencePage(Schema):
    count: int = Field(description="How many licences match the filters in all.")
    limit: int
    offset: int
    items: list[LicenceOut]


class StandingOut(Schema):
    code: StandingCode
    label: str = Field(description="In the reader's language.")
    until: dt.date | None = Field(description="The end of the licence in force, or of the one that expired.")


class SearchOut(Schema):
    organisation: OrganisationOut
    standing: StandingOut
    licence_numbers: list[str]
    by_number: bool = Field(description="Found by its licence number rather than by its name.")


class CertificationOut(Schema):
    id: uuid.UUID
    standard: str
    level: str
    auditor: str
    valid_from: dt.date
    valid_to: dt.date
    is_withdrawn: bool
    withdrawn_reason: str


class SanctionOut(Schema):
    id: uuid.UUID
    kind: Literal["warning", "suspension", "revocation", "blacklist"]
    authority: str
    country: str
    reason: str
    starts_on: dt.date
    ends_on: dt.date | None
    lifted_on: dt.date | None
    lifted_reason: str
    in_force: bool


class RecordOut(Schema):
    organisation: OrganisationOut
    on: dt.date
    standing: StandingOut
    may_recruit: bool
    reasons: list[str] = Field(description="Why it may not recruit, in the reader's language.")
    licences: list[LicenceOut]
    certifications: list[CertificationOut]
    sanctions: list[SanctionOut]
    review_summary: Any = Field(None, description="Aggregate of workers' reviews; null: not available yet.")
    complaint_count: int | None = Field(None, description="Null: not available yet.")
    alert_count: int | None = Field(None, description="Null: not available yet.")


class LicenceIn(Schema):
    organisation_name: str = Field(min_length=1, max_length=200)
    registration_number: str = Field(min_length=1, max_length=80)
    kind: Literal["agency", "employer"]
    number: str = Field(min_length=1, max_length=80)
    valid_from: dt.date
    valid_to: dt.date | None = None
    address: str = Field("", max_length=300)
    authority_id: uuid.UUID | None = Field(
        None, description="Only for people who act for several authorities."
    )


class LicenceStatusIn(Schema):
    action: Literal["suspend", "revoke", "reinstate", "renew", "surrender"]
    reason: str = Field("", max_length=2000, description="Required except to renew; public.")
    valid_from: dt.date | None = None
    valid_to: dt.date | None = Field(None, description="Required to renew.")
