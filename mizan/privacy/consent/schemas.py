"""What the privacy API takes and gives."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field


class CategoryOut(Schema):
    code: str
    label: str = Field(description="In the reader's language.")
    sensitive: bool = Field(description="Stored encrypted.")


class ReaderOut(Schema):
    organisation_kind: str
    roles: list[str]


class PurposeOut(Schema):
    code: str
    notice_version: int = Field(
        description="Consents count only for the version in force; a new one asks again."
    )
    title: str
    what: str
    why: str
    kept_for: str
    can_say_no: str
    legal_basis: str = Field(
        description="consent, contract, legal_obligation, vital_interest, public_interest"
    )
    legal_basis_label: str
    needs_consent: bool
    organisation_bound: bool = Field(description="Given to one named organisation.")
    readable: bool = Field(description="False: only anonymous counts, no person may read one worker's data.")
    needs_reference: bool = Field(description="A reader must name the case or inspection.")
    categories: list[CategoryOut]
    readers: list[ReaderOut] = Field(description="Organisation kinds and the roles in them that may read.")


class OrganisationOut(Schema):
    id: UUID
    name: str
    kind: str


class ConsentOut(Schema):
    id: UUID
    purpose: str
    purpose_title: str
    organisation: OrganisationOut | None
    notice_version: int
    is_current: bool = Field(description="Given to the notice in force; if false it no longer counts.")
    is_active: bool = Field(description="Counts now: not withdrawn and given to the notice in force.")
    given_at: datetime
    method: str
    withdrawn_at: datetime | None
    withdrawn_method: str | None


class ConsentIn(Schema):
    purpose: str = Field(min_length=1, max_length=40, examples=["job_matching"])
    organisation_id: UUID | None = Field(None, description="Needed for purposes bound to one organisation.")


class AccessRecordOut(Schema):
    id: UUID
    at: datetime
    outcome: Literal["granted", "refused"]
    reason: str | None = Field(description="Why it was refused (a code); null when granted.")
    purpose: str
    categories: list[str]
    person: str = Field(description="The name of the person who looked.")
    organisation: OrganisationOut | None
    sentence: str = Field(description="What happened, in plain words in the reader's language.")


class AccessRecordPage(Schema):
    count: int
    page: int
    pages: int
    items: list[AccessRecordOut]
