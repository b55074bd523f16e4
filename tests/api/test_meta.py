from __future__ import annotations

from unittest import mock

import pytest
from django.db import DatabaseError

from mizan.common.languages import LANGUAGES
from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_health_checks_the_database(anonymous):
    response = anonymous.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": "1", "database": "ok"}


def test_health_is_503_when_the_database_is_unreachable(anonymous):
    with mock.patch("mizan.api.endpoints.meta.connection.cursor", side_effect=DatabaseError("down")):
        response = anonymous.get("/api/v1/health")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_languages_lists_all_twelve_with_direction(anonymous):
    body = anonymous.get("/api/v1/languages").json()
    assert [item["code"] for item in body] == [lang.code for lang in LANGUAGES]
    assert len(body) == 12
    arabic = next(item for item in body if item["code"] == "ar")
    assert arabic == {"code": "ar", "endonym": "العربية", "rtl": True}


def test_countries_are_named_in_the_asked_language(anonymous):
    english = {c["code"]: c["name"] for c in anonymous.get("/api/v1/countries?language=en").json()}
    arabic = {c["code"]: c["name"] for c in anonymous.get("/api/v1/countries?language=ar").json()}
    assert english["NP"] == "Nepal"
    assert arabic["NP"] != "Nepal"
    assert set(english) == set(arabic)
    assert len(english) > 240


def test_countries_follow_accept_language_without_a_parameter(anonymous):
    body = anonymous.get("/api/v1/countries", HTTP_ACCEPT_LANGUAGE="th").json()
    assert {c["code"]: c["name"] for c in body}["NP"] != "Nepal"


def test_an_unknown_language_is_a_400_problem(anonymous):
    body = assert_problem(anonymous.get("/api/v1/countries?language=xx"), 400, "unknown_language")
    assert "xx" in body["detail"]


def test_scopes_are_listed_with_descriptions(anonymous):
    body = anonymous.get("/api/v1/scopes").json()
    assert {item["name"] for item in body} >= {"read:public", "read:organisation", "write:vacancies"}
    assert all(item["description"] for item in body)
