"""Fixtures for the API tests: an organisation with its admin, tokens, and clients that speak JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from mizan.accounts.models import Organisation, User
from mizan.api import services
from mizan.api.models import ApiToken
from tests.personas import Personas
from tests.roles import client_for

PROBLEM = "application/problem+json"


def assert_problem(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """``response`` is an RFC 9457 problem with ``status`` (and type ending in ``code``); its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(PROBLEM), response["Content-Type"]
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("https://")
    assert isinstance(body["title"], str)
    assert body["title"]
    if code is not None:
        assert body["type"].endswith("/" + code), body["type"]
    return body


@pytest.fixture
def agency(personas: Personas) -> Organisation:
    return personas.organisation(Organisation.Kind.AGENCY)


@pytest.fixture
def make_token(agency: Organisation, agency_admin: User) -> Callable[..., tuple[ApiToken, str]]:
    """``make_token(scopes=[...], expires_at=..., organisation=...)`` -> (token, clear text)."""

    def make(
        *,
        scopes: list[str] | None = None,
        expires_at: datetime | None = None,
        organisation: Organisation | None = None,
        actor: User | None = None,
    ) -> tuple[ApiToken, str]:
        return services.api_token_create(
            actor=actor or agency_admin,
            organisation=organisation or agency,
            name="Integration",
            scopes=scopes or ["read:organisation"],
            expires_at=expires_at,
        )

    return make


def bearer(clear_text: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {clear_text}"}


@pytest.fixture
def admin_client(agency_admin: User) -> Client:
    return client_for(agency_admin)


@pytest.fixture
def anonymous() -> Client:
    return Client()
