"""Organisation administrators make and revoke API tokens on a page, through the same services as the API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mizan.api.models import ApiToken
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db


def tokens_url(user):
    return reverse("api_pages:tokens", kwargs={"org_id": user.memberships.get().organisation.id})


def test_only_the_organisations_admins_and_platform_admins_open_the_token_page(personas):
    assert_role_matrix(
        personas,
        tokens_url(personas.agency_admin),
        everyone(403, anonymous=302, agency_admin=200, platform_admin=200),
    )


def test_a_token_is_shown_once_and_stored_only_as_a_hash(client_as, agency_admin):
    client = client_as(agency_admin)
    response = client.post(
        tokens_url(agency_admin),
        {"name": "Payroll sync", "scopes": ["read:organisation"], "expires_in_days": "90"},
    )
    assert response.status_code == 201
    token = ApiToken.objects.get()
    page = response.content.decode()
    secret = page.split('<p class="secret" dir="ltr">')[1].split("</p>")[0]
    assert secret.startswith("mzn_")
    assert secret not in token.token_hash
    assert secret not in client.get(tokens_url(agency_admin)).content.decode()


def test_a_token_without_a_scope_is_refused_with_a_reason(client_as, agency_admin):
    response = client_as(agency_admin).post(tokens_url(agency_admin), {"name": "x", "expires_in_days": ""})
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_stops_the_token_at_once(client_as, agency_admin):
    client = client_as(agency_admin)
    page = client.post(tokens_url(agency_admin), {"name": "n", "scopes": ["read:public"]}).content.decode()
    secret = page.split('<p class="secret" dir="ltr">')[1].split("</p>")[0]
    assert client_as(None).get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    token = ApiToken.objects.get()
    revoke = reverse("api_pages:revoke", kwargs={"org_id": token.organisation_id, "token_id": token.id})
    assert client.post(revoke).status_code == 302
    assert client_as(None).get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
