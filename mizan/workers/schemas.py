from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Schema
from pydantic import BaseModel, ConfigDict, Field


class PersonalDetailsIn(BaseModel):
    """The whole set of details (PUT replaces it): a field left out or null is cleared. Unknown fields
    and bodies that are not a JSON object are refused (422), so a mistake never clears anything."""

    # A plain pydantic model, not ninja's Schema: Schema reads attributes of any object, so a body
    # such as [] or 5 would validate as "everything empty" and a PUT would erase every detail.
    model_config = ConfigDict(extra="forbid")

    full_name: str | None = None
    date_of_birth: date | None = None
    passport_number: str | None = None
    national_id_number: str | None = None
    contact_email: str | None = None
    second_phone: str | None = Field(None, description="E.164, or a number of the sign-in phone's country.")
    home_address: str | None = None
    bank_name: str | None = None
    bank_account_number: str | None = None
    emergency_contact: str | None = None


class PersonalDetailsOut(Schema):
    full_name: str | None
    date_of_birth: date | None
    passport_number: str | None
    national_id_number: str | None
    contact_email: str | None
    second_phone: str | None
    home_address: str | None
    bank_name: str | None
    bank_account_number: str | None
    emergency_contact: str | None
    unreadable: list[str] = Field(
        description="Details that are stored but can no longer be read (erased or damaged)."
    )
    updated_at: datetime | None


class DocumentOut(Schema):
    id: UUID
    kind: str = Field(description="passport_page, national_id, visa, certificate or other.")
    kind_label: str
    name: str
    content_type: str
    size: int = Field(description="Bytes of the kept file (pictures are re-encoded without their metadata).")
    created_at: datetime
