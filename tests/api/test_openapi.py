from __future__ import annotations

import json

import pytest

from tests.api.conftest import PROBLEM, assert_problem

pytestmark = pytest.mark.django_db

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
def schema(anonymous):
    response = anonymous.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_describes_the_mizan_api(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Mizan API"
    assert schema["info"]["version"] == "1"
    assert {"/api/v1/health", "/api/v1/me", "/api/v1/organisations/{org_id}/tokens"} <= set(schema["paths"])
    assert "Problem" in schema["components"]["schemas"]


def test_every_operation_documents_its_problems_as_problem_json(schema):
    operations = [
        (method, path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]
    assert len(operations) >= 8
    for method, path, operation in operations:
        problems = {code: r for code, r in operation["responses"].items() if code.startswith("4")}
        assert problems, f"{method.upper()} {path} documents no 4xx"
        for code, response in problems.items():
            assert list(response["content"]) == [PROBLEM], f"{method.upper()} {path} {code}"
            assert response["content"][PROBLEM]["schema"] == {"$ref": "#/components/schemas/Problem"}
        for code, response in operation["responses"].items():
            if code.startswith("2") and "content" in response:
                assert list(response["content"]) == ["application/json"]


def test_operations_behind_authentication_document_401(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if operation.get("security"):
                assert "401" in operation["responses"], f"{method.upper()} {path}"


def test_both_authentication_methods_are_declared(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionAuth"]["in"] == "cookie"


def test_the_swagger_page_is_off_because_it_needs_a_cdn(anonymous):
    assert_problem(anonymous.get("/api/v1/docs"), 404)
