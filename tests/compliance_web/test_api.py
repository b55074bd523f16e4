"""POST /api/v1/compliance/check and the pack endpoints: the engine's corpus gives its cited findings through
the API in every language; bad input is a 422 problem naming each field, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from mizan.common.languages import LANGUAGES
from tests.compliance_web.conftest import CASES, as_json
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

CHECK = "/api/v1/compliance/check"
CODES = [language.code for language in LANGUAGES]


def post(client: Client, body: Any, **headers: str) -> Any:
    return client.post(CHECK, body, content_type="application/json", headers=headers or None)


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case["name"] for case in CASES])
def test_every_corpus_case_gives_its_cited_findings_through_the_api(client: Client, index: int) -> None:
    case = CASES[index]
    language = CODES[index % len(CODES)]  # the corpus goes round all twelve languages
    body = {**as_json(case["offer"]), "on": case["check_on"].isoformat(), "language": language}
    response = post(client, body)
    assert response.status_code == 200, response.content
    assert response["Content-Language"] == language
    data = response.json()
    found = {(f["rule_id"], f["severity"]): f for f in data["findings"]}
    for rule_id, severity in case.get("expect", []):
        finding = found.get((rule_id, severity))
        assert finding is not None, f"{rule_id} {severity} missing; got {sorted(found)}"
        if not finding["message_key"].startswith("compliance.scope."):  # scope notes cite no rule
            assert finding["citation"]["url"].startswith("http")
        assert finding["message"]
        assert "{" not in finding["message"]
    problems = {f["rule_id"] for f in data["findings"] if f["severity"] != "info"}
    for rule_id in case.get("not", []):
        assert rule_id not in problems
    if case.get("clean"):
        assert data["summary"]["violations"] == data["summary"]["warnings"] == 0


def test_the_answer_has_the_calculator_packs_contacts_and_advice(client: Client) -> None:
    body = {
        "origin": "NP",
        "destination": "QA",
        "sector": "construction",
        "pay": {"amount": "1000", "currency": "QAR", "period": "monthly"},
        "allowances": {"food": {"provided": True}, "housing": {"provided": True}},
        "fees": [{"category": "recruitment_fee", "amount": "150000", "currency": "NPR", "paid_by": "worker"}],
        "on": "2026-01-10",
    }
    data = post(client, body).json()
    assert data["on"] == "2026-01-10"
    assert {pack["id"] for pack in data["packs"]} >= {"INT", "QA", "NP"}
    assert all(pack["checked"].startswith("Checked against") for pack in data["packs"])
    calculator = data["calculator"]
    assert calculator["currency"] == "QAR"
    assert calculator["net_monthly_pay"] == "1000.00"
    assert float(calculator["worker_costs_total"]) > 3000  # NPR 150,000 in QAR
    assert float(calculator["sdg_10_7_1_ratio"]) > 3
    assert "10.7.1" in calculator["sdg_10_7_1_explained"]
    assert data["advice"]
    assert data["summary"]["violations"] >= 2


def test_a_missing_field_still_evaluates_what_it_can(client: Client) -> None:
    data = post(client, {"destination": "SA", "sector": "domestic_work"}).json()
    assert "fees" in data["missing"]
    assert any(f["message_key"].endswith(".unknown") for f in data["findings"])


def test_the_language_comes_from_accept_language_when_not_given(client: Client) -> None:
    response = post(client, {"destination": "QA"}, **{"Accept-Language": "ne"})
    assert response.status_code == 200
    assert response.json()["language"] == "ne"
    assert response["Content-Language"] == "ne"


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"on": "2026-13-45"}, ["body", "payload", "on"]),
        ({"on": "1800-01-01"}, ["body", "payload", "on"]),
        ({"origin": "XX"}, ["body", "payload", "origin"]),
        ({"destination": "qatar"}, ["body", "payload", "destination"]),
        ({"pay": {"amount": "-100", "currency": "QAR"}}, ["body", "payload", "pay", "amount"]),
        ({"pay": {"amount": "1e400", "currency": "QAR"}}, ["body", "payload", "pay", "amount"]),
        ({"pay": {"amount": 10**30, "currency": "QAR"}}, ["body", "payload", "pay", "amount"]),
        ({"pay": {"amount": "a lot", "currency": "QAR"}}, ["body", "payload", "pay", "amount"]),
        ({"pay": {"amount": "100", "currency": "ZZZ"}}, ["body", "payload", "pay", "currency"]),
        ({"fees": [{"amount": "100"}]}, ["body", "payload", "fees", 0, "category"]),
        ({"hours": {"per_day": 200}}, ["body", "payload", "hours", "per_day"]),
        ({"language": "xx"}, ["body", "payload", "language"]),
        ({"salary": 100}, ["body", "payload", "salary"]),
    ],
)
def test_bad_input_is_a_422_problem_naming_the_field(client: Client, body: dict[str, Any], where: list[Any]):
    response = post(client, body)
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["type"].endswith("/validation_failed")
    assert where in [error["loc"] for error in problem["errors"]], problem["errors"]
    assert all(error["msg"] for error in problem["errors"])


def test_a_body_that_is_not_json_is_a_400_problem(client: Client) -> None:
    response = client.post(CHECK, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["type"].endswith("/malformed_body")


def test_nothing_sent_is_stored(client: Client, django_assert_max_num_queries: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    post(client, {"destination": "QA"})  # warm the pack cache
    with CaptureQueriesContext(connection) as queries:
        post(client, {"origin": "NP", "destination": "QA", "worker": {"age": 30}})
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


def test_the_pack_list_and_versions_are_public(client: Client) -> None:
    packs = client.get("/api/v1/compliance/packs").json()
    ids = {pack["id"] for pack in packs}
    assert {"INT", "QA", "HK-domestic_work", "NP"} <= ids
    hk = next(pack for pack in packs if pack["id"] == "HK-domestic_work")
    assert hk["versions"] >= 7
    versions = client.get("/api/v1/compliance/packs/HK-domestic_work/versions").json()
    assert [v["version"] for v in versions][:2] == ["2013.10", "2015.10"]
    assert versions[0]["yaml"].startswith("# Hong Kong")
    assert len(versions[0]["yaml_sha256"]) == 64
    assert versions[1]["supersedes"] == "2013.10"
    missing = client.get("/api/v1/compliance/packs/NOPE/versions")
    assert missing.status_code == 404
    assert missing.json()["type"].endswith("/not_found")
    assert client.get("/api/v1/compliance/packs/bad%20id!/versions").status_code == 422


def test_role_matrix_of_the_endpoints(personas: Any) -> None:
    assert_role_matrix(personas, "/api/v1/compliance/packs", everyone(200))
    assert_role_matrix(personas, "/api/v1/compliance/packs/QA/versions", everyone(200))
    assert_role_matrix(
        personas,
        CHECK,
        everyone(200),
        method="post",
        data={"destination": "QA"},
        content_type="application/json",
    )


def test_every_response_code_is_documented(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    check = schema["paths"][CHECK]["post"]["responses"]
    assert {"200", "400", "413", "422"} <= set(check)
    versions = schema["paths"]["/api/v1/compliance/packs/{pack_id}/versions"]["get"]["responses"]
    assert {"200", "404", "422"} <= set(versions)
