"""API tokens: made by organisation admins, stored as a hash, limited by scopes, revoked at once."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mizan.api import services, tokens
from mizan.api.models import ApiToken
from mizan.common.errors import DomainError, PermissionDenied
from tests.api.conftest import assert_problem, bearer
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db


def url(organisation, token=None):
    base = f"/api/v1/organisations/{organisation.id}/tokens"
    return f"{base}/{token.id}" if token else base


# --- The token itself --------------------------------------------------------------------------------


def test_a_token_has_the_documented_shape():
    new = tokens.generate()
    assert new.clear_text.startswith(f"mzn_{new.prefix}_")
    assert len(new.prefix) == 8
    assert tokens.parse_prefix(new.clear_text) == new.prefix
    assert new.hash == hashlib.sha256(new.clear_text.encode()).hexdigest()


@pytest.mark.parametrize(
    "text",
    ["", "mzn_", "mzn_abcdefgh", "mzn_abcdefgh_", "abc_abcdefgh_x", "mzn_abcdefgh-x", "mzn_" + "x" * 200],
)
def test_malformed_tokens_have_no_prefix(text):
    assert tokens.parse_prefix(text) is None


def test_only_the_hash_is_stored_never_the_clear_token(admin_client, agency):
    response = admin_client.post(
        url(agency),
        data={"name": "Payroll sync", "scopes": ["read:organisation"]},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    secret = body["secret"]
    token = ApiToken.objects.get(pk=body["token"]["id"])
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret.startswith(f"mzn_{token.prefix}_")
    stored = " ".join(str(value) for value in ApiToken.objects.filter(pk=token.pk).values().get().values())
    assert secret not in stored
    assert secret.split("_", 2)[2] not in stored
    listed = admin_client.get(url(agency)).content.decode()
    assert secret not in listed
    assert token.prefix in listed


def test_the_creator_and_organisation_are_recorded(make_token, agency, agency_admin):
    token, _secret = make_token(scopes=["write:vacancies", "read:public", "read:public"])
    assert token.organisation == agency
    assert token.created_by == agency_admin
    assert token.scopes == ["read:public", "write:vacancies"]


# --- Who may manage tokens ---------------------------------------------------------------------------


def test_only_the_organisations_admins_may_list_its_tokens(personas, agency):
    assert_role_matrix(
        personas, url(agency), everyone(403, anonymous=401, agency_admin=200, platform_admin=200)
    )


def test_only_the_organisations_admins_may_create_tokens(personas, agency):
    assert_role_matrix(
        personas,
        url(agency),
        everyone(403, anonymous=401, agency_admin=201, platform_admin=201),
        method="post",
        data={"name": "CI", "scopes": ["read:public"]},
        content_type="application/json",
    )


def test_a_non_admin_creating_a_token_gets_a_403_problem(client_as, agency):
    response = client_as("recruiter").post(
        url(agency), data={"name": "CI", "scopes": ["read:public"]}, content_type="application/json"
    )
    assert_problem(response, 403)
    assert not ApiToken.objects.exists()


def test_an_admin_of_another_organisation_may_not_touch_these_tokens(make_token, agency, personas, client_as):
    token, _secret = make_token()
    other_admin = personas.employer
    other_admin.memberships.update(role="admin")
    client = client_as(other_admin)
    assert_problem(client.get(url(agency)), 403)
    assert_problem(client.delete(url(agency, token)), 403)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_cannot_manage_tokens(make_token, anonymous, agency):
    _token, secret = make_token(scopes=["read:organisation", "write:vacancies"])
    assert_problem(anonymous.get(url(agency), **bearer(secret)), 401)


def test_the_service_refuses_a_non_admin(agency, recruiter):
    with pytest.raises(PermissionDenied):
        services.api_token_create(
            actor=recruiter, organisation=agency, name="x", scopes=["read:public"], expires_at=None
        )


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"name": "   "}, "no_name"),
        ({"scopes": []}, "no_scope"),
        ({"scopes": ["read:everything"]}, "unknown_scope"),
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "expiry_past"),
    ],
)
def test_the_service_refuses_bad_input(agency, agency_admin, changes, code):
    arguments = {"name": "CI", "scopes": ["read:public"], "expires_at": None, **changes}
    with pytest.raises(DomainError) as caught:
        services.api_token_create(actor=agency_admin, organisation=agency, **arguments)
    assert caught.value.code == code


def test_an_expiry_in_the_past_is_a_400_problem(admin_client, agency):
    past = (timezone.now() - timedelta(days=1)).isoformat()
    response = admin_client.post(
        url(agency),
        data={"name": "CI", "scopes": ["read:public"], "expires_at": past},
        content_type="application/json",
    )
    assert_problem(response, 400, "expiry_past")


def test_an_expiry_without_a_time_zone_is_a_422_problem(admin_client, agency):
    response = admin_client.post(
        url(agency),
        data={"name": "CI", "scopes": ["read:public"], "expires_at": "2999-01-01T00:00:00"},
        content_type="application/json",
    )
    assert_problem(response, 422)


# --- Using and revoking --------------------------------------------------------------------------------


def test_a_token_authenticates_and_records_its_use(make_token, anonymous):
    token, secret = make_token()
    assert token.last_used_at is None
    assert anonymous.get("/api/v1/me", **bearer(secret)).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_revoking_works_at_once(make_token, admin_client, anonymous, agency, agency_admin):
    token, secret = make_token()
    assert anonymous.get("/api/v1/me", **bearer(secret)).status_code == 200

    response = admin_client.delete(url(agency, token))
    assert response.status_code == 204
    assert_problem(anonymous.get("/api/v1/me", **bearer(secret)), 401)
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token.revoked_by == agency_admin
    listed = admin_client.get(url(agency)).json()
    assert listed[0]["revoked_at"] is not None
    assert listed[0]["is_active"] is False


def test_revoking_twice_keeps_the_first_revocation(make_token, admin_client, agency):
    token, _secret = make_token()
    admin_client.delete(url(agency, token))
    first = ApiToken.objects.get(pk=token.pk).revoked_at
    assert admin_client.delete(url(agency, token)).status_code == 204
    assert ApiToken.objects.get(pk=token.pk).revoked_at == first


def test_revoking_another_organisations_token_through_this_one_is_404(make_token, admin_client, personas):
    other = personas.organisation("employer")
    token, _secret = make_token(organisation=other, actor=personas.platform_admin)
    agency = personas.organisation("agency")
    assert_problem(admin_client.delete(url(agency, token)), 404)


@pytest.mark.parametrize(
    "credentials",
    [
        "mzn_AAAAAAAA_not-a-real-secret",
        "not-even-shaped-like-a-token",
        "",
    ],
)
def test_an_unknown_token_is_a_401_problem(anonymous, credentials):
    response = anonymous.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {credentials}")
    assert_problem(response, 401, "unauthenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_right_prefix_with_a_wrong_secret_is_a_401_problem(make_token, anonymous):
    _token, secret = make_token()
    assert_problem(anonymous.get("/api/v1/me", **bearer(secret[:-2] + "xx")), 401)


def test_unknown_revoked_and_expired_tokens_get_the_same_answer(make_token, anonymous):
    revoked, revoked_secret = make_token()
    revoked.revoked_at = timezone.now()
    revoked.save()
    expired, expired_secret = make_token(expires_at=timezone.now() + timedelta(seconds=1))
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    answers = [
        anonymous.get("/api/v1/me", **bearer(secret))
        for secret in (revoked_secret, expired_secret, "mzn_AAAAAAAA_unknown")
    ]
    bodies = [assert_problem(response, 401) for response in answers]
    assert bodies[0] == bodies[1] == bodies[2]


def test_a_token_that_has_not_expired_yet_works(make_token, anonymous):
    _token, secret = make_token(expires_at=timezone.now() + timedelta(days=30))
    assert anonymous.get("/api/v1/me", **bearer(secret)).status_code == 200


# --- Scopes ----------------------------------------------------------------------------------------------


@pytest.mark.urls("tests.api.probe_urls")
def test_a_token_without_the_scope_gets_a_403_problem(make_token, anonymous):
    _token, secret = make_token(scopes=["read:organisation"])
    body = assert_problem(anonymous.get("/api/probe/scoped", **bearer(secret)), 403, "missing_scope")
    assert "write:vacancies" in body["detail"]


@pytest.mark.urls("tests.api.probe_urls")
def test_a_token_with_the_scope_passes(make_token, anonymous):
    _token, secret = make_token(scopes=["write:vacancies"])
    assert anonymous.get("/api/probe/scoped", **bearer(secret)).status_code == 200


@pytest.mark.urls("tests.api.probe_urls")
def test_scopes_limit_tokens_not_people(admin_client):
    assert admin_client.get("/api/probe/scoped").status_code == 200


@pytest.mark.urls("tests.api.probe_urls")
def test_the_required_scope_is_in_the_schema(anonymous):
    schema = anonymous.get("/api/probe/openapi.json").json()
    assert schema["paths"]["/api/probe/scoped"]["get"]["x-scopes"] == ["write:vacancies"]


# --- Queries -----------------------------------------------------------------------------------------------


def test_listing_tokens_costs_the_same_for_one_or_many(make_token, admin_client, agency):
    make_token()
    with CaptureQueriesContext(connection) as one:
        assert admin_client.get(url(agency)).status_code == 200
    for _ in range(5):
        make_token()
    with CaptureQueriesContext(connection) as many:
        assert len(admin_client.get(url(agency)).json()) == 6
    assert len(many) == len(one)
