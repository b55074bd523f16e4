"""GET /api/v1/taxonomy/occupations (search) and /occupations/{code} (with skills): public, problems for
bad input."""

from __future__ import annotations

import pytest
from django.test import Client

from mizan.taxonomy.models import Occupation
from tests.personas import Personas
from tests.roles import assert_role_matrix, everyone

SEARCH = "/api/v1/taxonomy/occupations"
Taxonomy = dict[str, Occupation]


def test_everyone_may_search_and_read(personas: Personas, common_taxonomy: Taxonomy) -> None:
    assert_role_matrix(personas, f"{SEARCH}?q=weldr", everyone(200))
    assert_role_matrix(personas, f"{SEARCH}/7212.3", everyone(200))


def test_search_in_any_script_with_titles_in_the_language(client: Client, common_taxonomy: Taxonomy) -> None:
    response = client.get(SEARCH, {"q": "वेल्डर", "language": "ar"})
    assert response.status_code == 200
    assert response["Content-Language"] == "ar"
    first = response.json()[0]
    assert first == {
        "code": "7212.3",
        "uri": common_taxonomy["7212.3"].uri,
        "title": "لحام",
        "preferred_label": "welder",
        "isco_group": "7212",
        "is_common": True,
    }


def test_without_a_query_the_common_occupations(client: Client, common_taxonomy: Taxonomy) -> None:
    data = client.get(SEARCH, {"limit": 100}, HTTP_ACCEPT_LANGUAGE="ne").json()
    assert len(data) == len(common_taxonomy)
    assert {row["code"] for row in data} == set(common_taxonomy)
    assert "घरेलु कामदार" in {row["title"] for row in data}
    assert len(client.get(SEARCH, {"limit": 5}).json()) == 5


def test_one_occupation_with_skills_and_isco_path(client: Client, common_taxonomy: Taxonomy) -> None:
    response = client.get(f"{SEARCH}/9111.1", {"language": "fil"})
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Kasambahay"
    assert data["titles"]["ne"] == "घरेलु कामदार"
    assert len(data["titles"]) == 12
    assert [group["code"] for group in data["isco_path"]] == ["9", "91", "911", "9111"]
    assert data["essential_skills"]
    assert data["optional_skills"]
    assert {"uri", "label", "type"} == set(data["essential_skills"][0])
    assert data["attribution"] == "This service uses the ESCO classification of the European Commission."


def test_unknown_code_is_a_404_problem(client: Client, common_taxonomy: Taxonomy) -> None:
    response = client.get(f"{SEARCH}/9999.9")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["type"].endswith("/not_found")


@pytest.mark.parametrize(
    ("path", "params"),
    [
        (SEARCH, {"q": "welder", "language": "xx"}),
        (SEARCH, {"q": "w" * 101}),
        (SEARCH, {"limit": 0}),
        (SEARCH, {"limit": 1000}),
        (f"{SEARCH}/7212.3", {"language": "klingon"}),
        (f"{SEARCH}/not-a-code", {}),
    ],
)
def test_bad_input_is_a_422_problem(
    client: Client, common_taxonomy: Taxonomy, path: str, params: dict[str, object]
) -> None:
    response = client.get(path, params)
    assert response.status_code == 422
    assert response.json()["type"].endswith("/validation_failed")


def test_the_schema_documents_the_problems(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    detail = schema["paths"]["/api/v1/taxonomy/occupations/{code}"]["get"]["responses"]
    assert {"200", "404", "422"} <= set(detail)
    assert "422" in schema["paths"]["/api/v1/taxonomy/occupations"]["get"]["responses"]
