"""What the API's own endpoints take and give (apps keep theirs in their own schemas.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from ninja import Schema
from pydantic import AwareDatetime, Field, StringConstraints

from mizan.api.scopes import Scope


class HealthOut(Schema):
    status: Literal["ok", "error"]
    version: str = Field(description="The API version, the number in /api/v<version>/.")
    database: Literal["ok", "error"]


class LanguageOut(Schema):
    code: str = Field(description="BCP 47 code, as used in Accept-Language and ?language=.")
    endonym: str = Field(description="The language's name in itself.")
    rtl: bool = Field(description="Written right to left.")


class CountryOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2.")
    name: str


class ScopeOut(Schema):
    name: Scope
    description: str


class OrganisationRef(Schema):
    id: UUID
    name: str
    kind: str


class MembershipOut(Schema):
    organisation: OrganisationRef
    role: str


class UserMe(Schema):
    """A person signed in through the site."""

    principal: Literal["user"] = "user"
    id: UUID
    kind: str
    preferred_language: str
    memberships: list[MembershipOut]


class TokenMe(Schema):
    """A machine calling with an API token."""

    principal: Literal["token"] = "token"
    token_id: UUID
    name: str
    organisation: OrganisationRef
    scopes: list[str]
    expires_at: datetime | None


Me = Annotated[UserMe | TokenMe, Field(discriminator="principal")]


class TokenOut(Schema):
    id: UUID
    name: str
    display: str = Field(description="The token's public prefix, to tell tokens apart; never the secret.")
    prefix: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None = Field(description="Recorded to the minute.")
    is_active: bool


class TokenCreateIn(Schema):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    scopes: list[Scope] = Field(min_length=1)
    expires_at: AwareDatetime | None = Field(None, description="With a time zone. Empty: never expires.")


class TokenCreatedOut(Schema):
    token: TokenOut
    secret: str = Field(description="The whole token. Shown this once and never again: store it now.")
