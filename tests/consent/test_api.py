"""The privacy API: the registry for anyone; consents and access records for the signed-in worker."""

from __future__ import annotations

import pytest

from mizan.api import services as api_services
from mizan.common.errors import PermissionDenied
from mizan.privacy.consent.models import Consent
from mizan.privacy.consent.purposes import PURPOSES
from tests.api.conftest import assert_problem, bearer
from tests.consent.helpers import agency, give, read
from tests.factories import OrganisationFactory, WorkerFactory
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

BASE = "/api/v1/privacy"
JSON = "application/json"


def post(client, url, data=None):
    return client.post(url, data=data or {}, content_type=JSON)


# --- Role matrices --------------------------------------------------------------------------------------


def test_the_purposes_are_public(personas):
    assert_role_matrix(personas, f"{BASE}/purposes", everyone(200))


@pytest.mark.parametrize("path", ["/consents", "/access-records"])
def test_only_workers_read_their_consents_and_access_records(personas, path):
    assert_role_matrix(personas, BASE + path, everyone(403, anonymous=401, worker=200))


def test_only_workers_give_consent(personas):
    assert_role_matrix(
        personas,
        f"{BASE}/consents",
        everyone(403, anonymous=401, worker=201),
        method="post",
        data={"purpose": "job_matching"},
        content_type=JSON,
    )


def test_only_the_worker_withdraws_their_consent(personas):
    consent = give(personas.worker)
    assert_role_matrix(
        personas,
        f"{BASE}/consents/{consent.id}/withdraw",
        everyone(403, anonymous=401, worker=200),
        method="post",
        content_type=JSON,
    )


def test_an_api_token_cannot_act_for_a_worker(personas, client):
    _token, secret = api_services.api_token_create(
        actor=personas.agency_admin,
        organisation=agency(personas),
        name="Sync",
        scopes=["read:organisation"],
        expires_at=None,
    )
    assert_problem(client.get(f"{BASE}/consents", **bearer(secret)), 401)
    assert_problem(client.get(f"{BASE}/access-records", **bearer(secret)), 401)


# --- Purposes -------------------------------------------------------------------------------------------


def test_the_purposes_carry_versions_bases_and_translated_notices(client):
    body = client.get(f"{BASE}/purposes").json()
    by_code = {p["code"]: p for p in body}
    assert set(by_code) == set(PURPOSES)
    matching = by_code["job_matching"]
    assert matching["notice_version"] == PURPOSES["job_matching"].notice_version
    assert matching["legal_basis"] == "consent"
    assert matching["needs_consent"] is True
    assert {c["code"] for c in matching["categories"]} == {"skills_experience", "preferences"}
    assert {"organisation_kind": "agency", "roles": ["admin", "recruiter"]} in matching["readers"]
    assert by_code["recruitment"]["organisation_bound"] is True
    assert by_code["statistics"]["readable"] is False
    arabic = client.get(f"{BASE}/purposes", headers={"accept-language": "ar"})
    assert arabic["Content-Language"] == "ar"
    assert [p["code"] for p in arabic.json()] == [p["code"] for p in body]


# --- Consents -------------------------------------------------------------------------------------------


def test_a_worker_gives_lists_and_withdraws_a_consent(client_as, worker):
    client = client_as(worker)
    response = post(client, f"{BASE}/consents", {"purpose": "job_matching"})
    assert response.status_code == 201
    given = response.json()
    assert given["purpose"] == "job_matching"
    assert given["method"] == "api"
    assert given["is_active"] is True
    assert given["organisation"] is None

    listed = client.get(f"{BASE}/consents").json()
    assert [c["id"] for c in listed] == [given["id"]]

    withdrawn = post(client, f"{BASE}/consents/{given['id']}/withdraw")
    assert withdrawn.status_code == 200
    assert withdrawn.json()["is_active"] is False
    assert withdrawn.json()["withdrawn_method"] == "api"
    assert_problem(post(client, f"{BASE}/consents/{given['id']}/withdraw"), 409, "already_withdrawn")


def test_an_organisation_bound_consent_names_the_organisation(client_as, worker, personas):
    organisation = agency(personas)
    response = post(
        client_as(worker),
        f"{BASE}/consents",
        {"purpose": "recruitment", "organisation_id": str(organisation.id)},
    )
    assert response.status_code == 201
    assert response.json()["organisation"] == {
        "id": str(organisation.id),
        "name": organisation.name,
        "kind": "agency",
    }


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        ({"purpose": "curiosity"}, 400, "unknown_purpose"),
        ({"purpose": "contract"}, 400, "not_consent_based"),
        ({"purpose": "recruitment"}, 400, "organisation_needed"),
        (
            {"purpose": "job_matching", "organisation_id": "00000000-0000-0000-0000-000000000000"},
            404,
            "not_found",
        ),
        ({}, 422, "validation_failed"),
        ({"purpose": "job_matching", "organisation_id": "not-a-uuid"}, 422, "validation_failed"),
    ],
)
def test_bad_consents_are_problems(client_as, worker, data, status, code):
    assert_problem(post(client_as(worker), f"{BASE}/consents", data), status, code)
    assert not Consent.objects.exists()


def test_an_ngo_is_not_a_recruiter(client_as, worker):
    ngo = OrganisationFactory(kind="ngo")
    response = post(
        client_as(worker), f"{BASE}/consents", {"purpose": "recruitment", "organisation_id": str(ngo.id)}
    )
    assert_problem(response, 400, "organisation_wrong_kind")


def test_giving_twice_is_a_conflict(client_as, worker):
    client = client_as(worker)
    post(client, f"{BASE}/consents", {"purpose": "job_matching"})
    assert_problem(post(client, f"{BASE}/consents", {"purpose": "job_matching"}), 409, "already_given")


def test_another_workers_consent_is_not_found(client_as, worker):
    consent = give(WorkerFactory())
    assert_problem(post(client_as(worker), f"{BASE}/consents/{consent.id}/withdraw"), 404, "not_found")
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_writes_need_the_csrf_token(worker):
    from tests.roles import client_for

    client = client_for(worker, enforce_csrf_checks=True)
    assert_problem(post(client, f"{BASE}/consents", {"purpose": "job_matching"}), 403, "csrf_failed")


# --- Access records -------------------------------------------------------------------------------------


def test_access_records_list_granted_and_refused_reads_of_my_data_only(
    client_as, worker, recruiter, inspector
):
    give(worker)
    read(recruiter, worker)
    with pytest.raises(PermissionDenied):
        read(inspector, worker)
    other = WorkerFactory()
    give(other)
    read(recruiter, other)

    body = client_as(worker).get(f"{BASE}/access-records").json()
    assert body["count"] == 2
    assert body["pages"] == 1
    newest, oldest = body["items"]
    assert newest["outcome"] == "refused"
    assert newest["reason"] == "role_not_allowed"
    assert newest["person"] == "Inspector"
    assert "was not allowed" in newest["sentence"]
    assert oldest["outcome"] == "granted"
    assert oldest["reason"] is None
    assert oldest["categories"] == ["skills_experience"]
    assert oldest["organisation"]["kind"] == "agency"


def test_access_records_are_paged(client_as, worker, recruiter):
    give(worker)
    for _ in range(5):
        read(recruiter, worker)
    client = client_as(worker)
    body = client.get(f"{BASE}/access-records", {"page": 2, "page_size": 2}).json()
    assert (body["count"], body["page"], body["pages"], len(body["items"])) == (5, 2, 3, 2)
    assert client.get(f"{BASE}/access-records", {"page": 9}).json()["items"] == []
    assert_problem(client.get(f"{BASE}/access-records", {"page": 0}), 422)
    assert_problem(client.get(f"{BASE}/access-records", {"page_size": 1000}), 422)
