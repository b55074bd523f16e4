"""POST /api/v1/wages/statement: the hand-worked Hong Kong case through HTTP, in the requested language;
bad input is a 422 problem naming each field, never a 500; public, and nothing is stored.

The endpoint's router is mounted by mizan/api/router.py. Until that line is in, these tests mount the same
router (``build_router()``) on a test API at the same address, so they run either way.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from django.test import Client
from django.urls import Resolver404, path, resolve

from mizan.api.base import create_api
from mizan.wages.api_statement import build_router
from mizan.wages.schemas_statement import EXAMPLE
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

STATEMENT = "/api/v1/wages/statement"

_test_api = create_api(namespace="api-v1-wages-statement-test")
_test_api.add_router("/wages", build_router())
urlpatterns = [path("api/v1/", _test_api.urls)]


def _mounted_on_the_site() -> bool:
    try:
        resolve(STATEMENT)
    except Resolver404:
        return False
    return True


@pytest.fixture(autouse=True)
def _endpoint(settings: Any) -> None:
    if not _mounted_on_the_site():
        settings.ROOT_URLCONF = __name__


def helper_body(**changes: Any) -> dict[str, Any]:
    """Three weeks of work with no rest day (see test_engine_hk for the arithmetic)."""
    entries = []
    for day in range(2, 23):
        date = f"2026-03-{day:02d}"
        entries.append(
            {
                "id": f"w{day}",
                "kind": "work",
                "start": f"{date}T07:00:00+08:00",
                "end": f"{date}T21:00:00+08:00",
            }
        )
        entries.append(
            {
                "id": f"m{day}",
                "kind": "meal_break",
                "start": f"{date}T12:00:00+08:00",
                "end": f"{date}T13:00:00+08:00",
            }
        )
    body = copy.deepcopy(EXAMPLE)
    body.update(
        {
            "period": {"start": "2026-03-02", "end": "2026-03-22", "tz": "Asia/Hong_Kong"},
            "entries": entries,
            "received": [{"amount": "3000", "currency": "HKD", "date": "2026-03-31"}],
            "deductions": [
                {"kind": "recruitment_fee", "amount": "1000.00", "currency": "HKD", "note": "agency"}
            ],
        }
    )
    body.update(changes)
    return body


def post(client: Client, body: Any, **headers: str) -> Any:
    return client.post(STATEMENT, body, content_type="application/json", headers=headers or None)


def test_the_hong_kong_helper_statement(client: Client) -> None:
    response = post(client, helper_body())
    assert response.status_code == 200, response.content
    assert response["Content-Language"] == "en"
    data = response.json()
    totals = data["totals"]
    assert (totals["due"], totals["received"], totals["shortfall"]) == ("4292.13", "3000.00", "1292.13")
    assert data["rest"]["weeks_missing_rest"] == [1, 2, 3]
    (fee,) = data["deductions"]
    assert fee["status"] == "unlawful"
    assert [c["rule_id"] for c in fee["citations"]] == ["INT.ILO-FRP.GP07", "HK.EA.COMMISSION"]
    assert fee["citations"][1]["url"].startswith("https://")
    food = next(c for c in data["components"] if c["code"] == "allowance_food")
    assert (food["law"], food["due"], food["decided_by"]) == ("837.29", "837.29", "law")
    assert all(line["message"] and "{" not in line["message"] for line in data["lines"])
    assert data["headline"][0].startswith("You were paid")
    assert any(item["code"] == "rest_day_pay" for item in data["could_not_check"])
    assert {source["rule_id"] for source in data["sources"]} >= {"HK.FDH.MAW.2025", "HK.FDH.REST"}


def test_the_example_in_the_schema_works(client: Client) -> None:
    response = post(client, EXAMPLE)
    assert response.status_code == 200, response.content
    assert response.json()["totals"]["currency"] == "HKD"


def test_the_language_comes_from_the_body_or_accept_language(client: Client) -> None:
    assert post(client, helper_body(language="ne"))["Content-Language"] == "ne"
    body = helper_body()
    del body["language"]
    response = post(client, body, **{"Accept-Language": "ar"})
    assert response["Content-Language"] == "ar"
    assert response.json()["language"] == "ar"


def test_problems_with_the_entries_come_back_explained(client: Client) -> None:
    body = helper_body(
        entries=[
            {
                "id": "a",
                "kind": "work",
                "start": "2026-03-02T08:00:00+08:00",
                "end": "2026-03-02T12:00:00+08:00",
            },
            {
                "id": "b",
                "kind": "work",
                "start": "2026-03-02T11:00:00+08:00",
                "end": "2026-03-02T13:00:00+08:00",
            },
            {
                "id": "np",
                "kind": "work",
                "start": "2026-03-03T05:15:00+05:45",
                "end": "2026-03-03T09:15:00+05:45",
            },
            {
                "id": "back",
                "kind": "work",
                "start": "2026-03-04T12:00:00+08:00",
                "end": "2026-03-04T08:00:00+08:00",
            },
            {"id": "naive", "kind": "work", "start": "2026-03-05T08:00:00", "end": "2026-03-05T09:00:00"},
        ]
    )
    data = post(client, body).json()
    found = {problem["code"]: problem for problem in data["problems"]}
    assert found["overlap"]["entry_ids"] == ["a", "b"]
    assert found["timezone_differs"]["params"]["entry_offset"] == "UTC+05:45"
    assert found["bad_range"]["entry_ids"] == ["back"]
    assert found["no_offset"]["entry_ids"] == ["naive"]
    assert all(problem["message"] for problem in data["problems"])
    assert data["hours"]["worked"] == "10"  # 5 (a and b, once) + 4 (np) + 1 (naive)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"destination": "XX"}, ["body", "payload", "destination"]),
        (
            {"period": {"start": "2026-03-02", "end": "2026-03-01", "tz": "Asia/Hong_Kong"}},
            ["body", "payload", "period"],
        ),
        (
            {"period": {"start": "2026-01-01", "end": "2026-06-01", "tz": "Asia/Hong_Kong"}},
            ["body", "payload", "period"],
        ),
        (
            {"period": {"start": "2026-03-02", "end": "2026-03-08", "tz": "Mars/Olympus"}},
            ["body", "payload", "period", "tz"],
        ),
        (
            {"terms": {"pay": {"amount": "-5", "currency": "HKD"}, "pay_period": "month"}},
            ["body", "payload", "terms", "pay", "amount"],
        ),
        (
            {"terms": {"pay": {"amount": "5", "currency": "ABC"}, "pay_period": "month"}},
            ["body", "payload", "terms", "pay", "currency"],
        ),
        (
            {"terms": {"pay": {"amount": "5", "currency": "HKD"}, "pay_period": "year"}},
            ["body", "payload", "terms", "pay_period"],
        ),
        (
            {"received": [{"amount": "1e30", "currency": "HKD", "date": "2026-03-31"}]},
            ["body", "payload", "received", 0, "amount"],
        ),
        ({"language": "xx"}, ["body", "payload", "language"]),
        (
            {
                "entries": [
                    {
                        "id": "a",
                        "kind": "work",
                        "start": "9999-12-31T23:00:00-05:00",
                        "end": "9999-12-31T23:30:00-05:00",
                    }
                ]
            },
            ["body", "payload", "entries", 0, "start"],
        ),
        (
            {"received": [{"amount": "1", "currency": "HKD", "date": "0001-01-01"}]},
            ["body", "payload", "received", 0, "date"],
        ),
        ({"salary": 100}, ["body", "payload", "salary"]),
        (
            {
                "entries": [
                    {
                        "id": "a",
                        "kind": "work",
                        "start": "2026-03-02T08:00:00+08:00",
                        "end": "2026-03-02T09:00:00+08:00",
                    }
                ]
                * 2
            },
            ["body", "payload", "entries"],
        ),
        (
            {"entries": [{"id": "a", "kind": "nap", "start": "2026-03-02T08:00:00+08:00", "end": "x"}]},
            ["body", "payload", "entries", 0, "kind"],
        ),
    ],
)
def test_bad_input_is_a_422_problem_naming_the_field(
    client: Client, change: dict[str, Any], where: list[Any]
) -> None:
    response = post(client, helper_body(**change))
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["type"].endswith("/validation_failed")
    assert where in [error["loc"] for error in problem["errors"]], problem["errors"]


def test_a_body_that_is_not_json_is_a_400_problem(client: Client) -> None:
    response = client.post(STATEMENT, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["type"].endswith("/malformed_body")


def test_nothing_sent_is_stored(client: Client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    post(client, EXAMPLE)  # warm the pack cache
    with CaptureQueriesContext(connection) as queries:
        assert post(client, helper_body()).status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


def test_everyone_may_ask_for_a_statement(personas: Any) -> None:
    assert_role_matrix(
        personas, STATEMENT, everyone(200), method="post", data=EXAMPLE, content_type="application/json"
    )


def test_the_openapi_schema_documents_the_endpoint_with_an_example(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][STATEMENT]["post"]
    assert {"200", "400", "413", "422"} <= set(operation["responses"])
    assert "application/problem+json" in operation["responses"]["422"]["content"]
    assert "Nothing is stored" in operation["description"] or "nothing is stored" in operation["description"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    name = body["$ref"].rsplit("/", 1)[-1]
    assert schema["components"]["schemas"][name]["examples"][0]["destination"] == "HK"
