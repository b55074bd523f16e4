"""Every error path of the API answers with a problem (RFC 9457), never HTML, never a 500 for bad input."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_an_unknown_path_is_a_404_problem(anonymous):
    assert_problem(anonymous.get("/api/v1/no-such-thing"), 404)
    assert_problem(anonymous.get("/api/v1/"), 404)


def test_a_method_the_path_does_not_have_is_a_405_problem(anonymous):
    response = anonymous.post("/api/v1/health")
    assert_problem(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"


def test_an_oversize_body_is_a_413_problem(admin_client, agency, settings):
    settings.MIZAN_MAX_BODY_BYTES = 2048
    response = admin_client.post(
        f"/api/v1/organisations/{agency.id}/tokens", data="x" * 4096, content_type="application/json"
    )
    assert_problem(response, 413)


def test_malformed_json_is_a_400_problem(admin_client, agency):
    response = admin_client.post(
        f"/api/v1/organisations/{agency.id}/tokens", data='{"name": "oops",', content_type="application/json"
    )
    body = assert_problem(response, 400, "malformed_body")
    assert "JSON" in body["detail"]


def test_a_body_that_is_not_utf8_is_a_400_problem(admin_client, agency):
    response = admin_client.post(
        f"/api/v1/organisations/{agency.id}/tokens", data=b"\xff\xfe{", content_type="application/json"
    )
    assert_problem(response, 400, "malformed_body")


def test_an_invalid_body_is_a_422_problem_listing_each_error(admin_client, agency):
    response = admin_client.post(
        f"/api/v1/organisations/{agency.id}/tokens",
        data={"name": "", "scopes": ["read:everything"]},
        content_type="application/json",
    )
    body = assert_problem(response, 422, "validation_failed")
    locations = {tuple(error["loc"]) for error in body["errors"]}
    assert ("body", "payload", "name") in locations
    assert ("body", "payload", "scopes", 0) in locations
    for error in body["errors"]:
        assert set(error) == {"loc", "msg", "type"}


def test_json_that_is_not_an_object_is_a_422_problem(admin_client, agency):
    response = admin_client.post(
        f"/api/v1/organisations/{agency.id}/tokens", data="[1, 2]", content_type="application/json"
    )
    assert_problem(response, 422)


def test_an_unknown_organisation_is_a_404_problem(admin_client):
    assert_problem(admin_client.get(f"/api/v1/organisations/{uuid.uuid4()}/tokens"), 404)
    assert_problem(admin_client.get("/api/v1/organisations/not-a-uuid/tokens"), 404)


def test_no_credentials_is_a_401_problem_inviting_a_bearer_token(anonymous):
    response = anonymous.get("/api/v1/me")
    assert_problem(response, 401, "unauthenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_staff_session_without_two_factor_is_a_403_problem(agency_admin):
    from tests.roles import client_for

    assert_problem(client_for(agency_admin, verified=False).get("/api/v1/me"), 403)


def test_a_session_post_without_the_csrf_token_is_a_403_problem(agency_admin, agency):
    from tests.roles import sign_in

    client = sign_in(Client(enforce_csrf_checks=True), agency_admin)
    url = f"/api/v1/organisations/{agency.id}/tokens"
    data = {"name": "CI", "scopes": ["read:public"]}
    assert_problem(client.post(url, data=data, content_type="application/json"), 403, "csrf_failed")

    csrf = "a" * 32  # a valid (unmasked) CSRF secret; cookie and header must agree
    client.cookies["csrftoken"] = csrf
    response = client.post(url, data=data, content_type="application/json", HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 201


def test_problems_are_in_the_readers_language(anonymous):
    response = anonymous.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="ar")
    assert_problem(response, 401)
    assert response["Content-Language"] == "ar"


@pytest.mark.urls("tests.api.probe_urls")
class TestEveryHandler:
    def test_a_throttled_domain_error_is_429_with_retry_after(self, anonymous):
        response = anonymous.get("/api/probe/throttled")
        assert_problem(response, 429, "throttled")
        assert response["Retry-After"] == "42"

    def test_a_domain_error_keeps_its_code_and_fills_its_placeholders(self, anonymous):
        body = assert_problem(anonymous.get("/api/probe/domain"), 400, "wrong_thing")
        assert body["detail"] == "Nothing is right about “this”."

    def test_an_http_error_is_a_problem_with_its_status(self, anonymous):
        body = assert_problem(anonymous.get("/api/probe/http-error"), 409, "conflict")
        assert body["detail"] == "It is already there."

    def test_djangos_permission_denied_is_403(self, anonymous):
        body = assert_problem(anonymous.get("/api/probe/django-forbidden"), 403, "forbidden")
        assert "internal" not in body["detail"]

    def test_http404_does_not_leak_its_message(self, anonymous):
        body = assert_problem(anonymous.get("/api/probe/django-404"), 404, "not_found")
        assert "internal" not in body["detail"]

    def test_a_problem_returned_by_an_operation_is_served_as_problem_json(self, anonymous):
        assert_problem(anonymous.get("/api/probe/status-problem"), 409)

    def test_a_bug_is_a_500_problem_not_a_page(self):
        response = Client(raise_request_exception=False).get("/api/probe/crash")
        assert_problem(response, 500)
