from __future__ import annotations

import pytest

from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


def test_a_person_sees_themselves_and_their_memberships(client_as, agency_admin, agency):
    body = client_as(agency_admin).get("/api/v1/me").json()
    assert body["principal"] == "user"
    assert body["id"] == str(agency_admin.id)
    assert body["kind"] == "staff"
    assert body["preferred_language"] == "en"
    assert body["memberships"] == [
        {"organisation": {"id": str(agency.id), "name": agency.name, "kind": "agency"}, "role": "admin"}
    ]


def test_a_worker_has_no_memberships(client_as, worker):
    body = client_as(worker).get("/api/v1/me").json()
    assert body["kind"] == "worker"
    assert body["memberships"] == []


def test_a_person_sees_no_phone_or_email(client_as, worker):
    content = client_as(worker).get("/api/v1/me").content.decode()
    assert worker.phone not in content


def test_a_token_sees_its_organisation_and_scopes(make_token, anonymous, agency):
    token, secret = make_token(scopes=["read:public", "read:organisation"])
    body = anonymous.get("/api/v1/me", **bearer(secret)).json()
    assert body == {
        "principal": "token",
        "token_id": str(token.id),
        "name": token.name,
        "organisation": {"id": str(agency.id), "name": agency.name, "kind": "agency"},
        "scopes": ["read:organisation", "read:public"],
        "expires_at": None,
    }


def test_a_bad_token_does_not_fall_back_to_the_session(client_as, agency_admin):
    client = client_as(agency_admin)
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer mzn_AAAAAAAA_wrong").status_code == 401
