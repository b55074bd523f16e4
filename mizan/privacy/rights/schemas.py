"""The export document ("everything Mizan holds about me", schema ``mizan.my-data`` version 1) and what
the data-rights API takes and gives. The export schema is published in the OpenAPI document
(``MyDataExport``) and described field by field in docs/privacy/rights.md.

Versioning: within version 1 fields are only added; a removed or changed field makes version 2.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field

from mizan.privacy.consent.schemas import AccessRecordOut, ConsentOut

SCHEMA_NAME = "mizan.my-data"
SCHEMA_VERSION = 1


class TrustedPhoneOut(Schema):
    label: str
    created_at: datetime
    last_used_at: datetime | None


class AccountOut(Schema):
    id: UUID
    phone: str | None = Field(description="The sign-in phone number, E.164.")
    name: str
    language: str = Field(description="BCP 47 code of the language Mizan talks to you in.")
    joined_at: datetime
    last_sign_in_at: datetime | None
    has_pin: bool
    trusted_phones: list[TrustedPhoneOut] = Field(description="Phones on which your PIN works.")


class PersonalDetailsOut(Schema):
    values: dict[str, str | None] = Field(
        description="Each personal detail by name (see GET /api/v1/me/details); dates as YYYY-MM-DD."
    )
    unreadable: list[str] = Field(description="Details that can no longer be read (erased).")
    updated_at: datetime | None


class DocumentOut(Schema):
    id: UUID
    kind: str
    kind_label: str
    name: str
    content_type: str
    size: int = Field(description="Bytes.")
    uploaded_at: datetime
    download: str = Field(description="Path of the file, for the signed-in worker.")


class CorrectionOut(Schema):
    id: UUID
    item: str
    item_label: str
    what_is_wrong: str
    should_be: str
    status: Literal["open", "done", "refused"]
    status_label: str
    response: str = Field(description="Mizan's answer: what was done, or why not.")
    created_at: datetime
    closed_at: datetime | None


class RestrictionOut(Schema):
    kind: Literal["restrict", "object_matching", "object_statistics"]
    label: str
    started_at: datetime
    ended_at: datetime | None
    active: bool


class LegalHoldOut(Schema):
    id: UUID
    reason: str
    reason_label: str
    categories: list[str] = Field(description="What must be kept: data category codes.")
    source_reference: str = Field(description="What requires it, by id (case:…, contract:…, order:…).")
    until: date | None = Field(description="Kept until this day; null: until the matter is finished.")
    active: bool
    sentence: str = Field(description="Why, in plain words in the reader's language.")
    created_at: datetime
    released_at: datetime | None


class LedgerReferenceOut(Schema):
    seq: int = Field(description="The entry's number in Mizan's public ledger.")
    kind: str
    subject: str
    recorded_at: datetime
    entry_hash: str = Field(description="Check it against a signed checkpoint on the ledger page.")


class MyDataExport(Schema):
    """Everything Mizan holds about the signed-in worker, decrypted for them."""

    schema_name: str = Field(SCHEMA_NAME, alias="schema", description=f"Always {SCHEMA_NAME!r}.")
    schema_version: int = Field(SCHEMA_VERSION, description="Raised only when a field is removed or changed.")
    generated_at: datetime
    account: AccountOut
    personal_details: PersonalDetailsOut
    documents: list[DocumentOut]
    consents: list[ConsentOut]
    access_records: list[AccessRecordOut] = Field(description="Who saw your data: every read by others.")
    correction_requests: list[CorrectionOut]
    restrictions: list[RestrictionOut]
    legal_holds: list[LegalHoldOut]
    ledger: list[LedgerReferenceOut] = Field(description="Ledger entries about your records.")
    sections: dict[str, Any] = Field(description="Data of other parts of Mizan, one section each.")

    model_config = {"populate_by_name": True}


# --- API inputs and small outputs ---------------------------------------------------------------------


class CorrectionIn(Schema):
    item: Literal["account", "personal_details", "documents", "permissions", "access_records", "other"]
    what_is_wrong: str = Field(min_length=1, max_length=2000)
    should_be: str = Field("", max_length=2000)
    restrict: bool = Field(False, description="Keep my data but do not use it until this is answered.")


class RestrictionsIn(Schema):
    restrict: bool | None = Field(None, description="Keep my data, but do not use it (legal claims aside).")
    object_matching: bool | None = Field(None, description="No job matching (also stops that permission).")
    object_statistics: bool | None = Field(None, description="Leave me out of anonymous counts.")


class RestrictionsOut(Schema):
    restrict: bool
    object_matching: bool
    object_statistics: bool


class EraseIn(Schema):
    confirm: bool = Field(description="Must be true: the worker understood that this cannot be undone.")


class ErasureOut(Schema):
    status: Literal["held", "done"]
    erased_at: datetime
    kept: list[str] = Field(description="What legal holds still keep, and why, in plain words.")
