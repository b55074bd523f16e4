"""/api/v1/me/data: the signed-in worker's export, corrections, choices, holds and erasure."""

from __future__ import annotations

from typing import Any

import pytest

from mizan.privacy.consent.models import Consent
from mizan.privacy.rights.models import CorrectionRequest, Erasure, Restriction
from tests.api.conftest import assert_problem, bearer
from tests.consent.helpers import agency, give
from tests.rights.conftest import PASSPORT
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

BASE = "/api/v1/me/data"
JSON = "application/json"


@pytest.mark.parametrize("path", ["/export", "/corrections", "/restrictions", "/holds"])
def test_only_the_worker_reads_their_rights(personas: Any, path: str) -> None:
    assert_role_matrix(personas, BASE + path, everyone(403, anonymous=401, worker=200))


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("post", "/corrections", {"item": "other", "what_is_wrong": "wrong"}, 201),
        ("put", "/restrictions", {"object_statistics": True}, 200),
        ("post", "/erase", {"confirm": True}, 200),
    ],
)
def test_only_the_worker_acts_on_their_rights(
    personas: Any, method: str, path: str, body: dict[str, Any], status: int
) -> None:
    assert_role_matrix(
        personas,
        BASE + path,
        everyone(403, anonymous=401, worker=status),
        method=method,
        data=body,
        content_type=JSON,
    )


def test_an_api_token_cannot_act_for_a_worker(personas: Any, client: Any) -> None:
    from mizan.api import services as api_services

    _token, secret = api_services.api_token_create(
        actor=personas.agency_admin,
        organisation=agency(personas),
        name="Sync",
        scopes=["read:organisation"],
        expires_at=None,
    )
    assert_problem(client.get(f"{BASE}/export", **bearer(secret)), 401)


def test_the_export_is_the_documented_schema_and_never_cached(worker_with_data: Any, client_as: Any) -> None:
    response = client_as(worker_with_data).get(f"{BASE}/export")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["schema"] == "mizan.my-data"
    assert body["schema_version"] == 1
    assert body["personal_details"]["values"]["passport_number"] == PASSPORT
    schema = client_as(worker_with_data).get("/api/v1/openapi.json").json()
    export_schema = schema["components"]["schemas"]["MyDataExport"]
    assert "schema" in export_schema["properties"]
    assert set(body) <= set(export_schema["properties"])


def test_corrections_through_the_api(client_as: Any, worker: Any) -> None:
    client = client_as(worker)
    created = client.post(
        f"{BASE}/corrections",
        {"item": "account", "what_is_wrong": "wrong name", "should_be": "Sita", "restrict": True},
        content_type=JSON,
    )
    assert created.status_code == 201
    assert created.json()["status"] == "open"
    assert CorrectionRequest.objects.get(worker=worker).should_be == "Sita"
    assert Restriction.objects.filter(worker=worker, kind="restrict", ended_at__isnull=True).exists()
    listed = client.get(f"{BASE}/corrections").json()
    assert [c["what_is_wrong"] for c in listed] == ["wrong name"]
    invalid = client.post(
        f"{BASE}/corrections", {"item": "everything", "what_is_wrong": ""}, content_type=JSON
    )
    assert_problem(invalid, 422, "validation_failed")


def test_choices_through_the_api(client_as: Any, worker: Any) -> None:
    give(worker)
    client = client_as(worker)
    body = client.put(f"{BASE}/restrictions", {"object_matching": True}, content_type=JSON).json()
    assert body == {"restrict": False, "object_matching": True, "object_statistics": False}
    assert Consent.objects.get(worker=worker, purpose="job_matching").withdrawn_method == "api"
    body = client.put(
        f"{BASE}/restrictions", {"object_matching": False, "restrict": True}, content_type=JSON
    ).json()
    assert body == {"restrict": True, "object_matching": False, "object_statistics": False}
    assert client.get(f"{BASE}/restrictions").json() == body
    assert_problem(client.put(f"{BASE}/restrictions", {"restrict": "maybe"}, content_type=JSON), 422)


def test_erasure_through_the_api_needs_confirmation_and_says_what_is_kept(
    client_as: Any, worker_with_data: Any, hold_on: Any
) -> None:
    hold_on(worker_with_data, ["documents"], reason="open_case", source_reference="case:5")
    client = client_as(worker_with_data)
    assert_problem(
        client.post(f"{BASE}/erase", {"confirm": False}, content_type=JSON), 400, "confirmation_needed"
    )
    assert not Erasure.objects.exists()
    holds = client.get(f"{BASE}/holds").json()
    assert holds[0]["categories"] == ["documents"]
    done = client.post(f"{BASE}/erase", {"confirm": True}, content_type=JSON)
    assert done.status_code == 200
    body = done.json()
    assert body["status"] == "held"
    assert body["kept"] == [holds[0]["sentence"]]
    assert_problem(client.get(f"{BASE}/export"), 401)  # signed out
