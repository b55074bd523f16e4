"""/api/v1/me/profile: the worker's own profile through the API, and the issuer's requests."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mizan.api import services as api_services
from mizan.profiles.models import Certificate, ProfileOccupation, ProfileSkill
from mizan.taxonomy.selectors import skills_for
from tests.api.conftest import assert_problem, bearer
from tests.profiles.helpers import PDF, WELDER, build_profile, upload_certificate
from tests.roles import assert_role_matrix, client_for, everyone

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/profile"
WORKER_ONLY = everyone(403, anonymous=401, worker=200)


class RewindingFile(SimpleUploadedFile):
    """Sent once per persona by the role matrix: each request reads it from the start."""

    def read(self, *args: Any) -> bytes:
        self.seek(0)
        return super().read(*args)


def put(client: Any, path: str, body: Any) -> Any:
    return client.put(f"{URL}{path}", json.dumps(body), content_type="application/json")


def test_role_matrix_of_every_endpoint(personas, common_taxonomy):
    worker = personas.worker
    build_profile(worker, common_taxonomy)
    certificate = upload_certificate(worker, issuer=personas.organisation("agency"))
    assert_role_matrix(personas, URL, WORKER_ONLY)
    for path, body in (
        ("/occupations", {"occupations": []}),
        (f"/occupations/{WELDER}", {"years_of_experience": 3}),
        ("/languages", {"languages": []}),
        ("/preferences", {}),
    ):
        assert_role_matrix(
            personas,
            f"{URL}{path}",
            WORKER_ONLY,
            method="put",
            data=json.dumps(body),
            content_type="application/json",
        )
    assert_role_matrix(personas, f"{URL}/occupations/{WELDER}", WORKER_ONLY, method="delete")
    assert_role_matrix(
        personas,
        f"{URL}/certificates",
        everyone(403, anonymous=401, worker=201),
        method="post",
        data={"title": "Cook", "issuer_name": "School", "file": RewindingFile("c.pdf", PDF)},
    )
    assert_role_matrix(personas, f"{URL}/certificates/{certificate.pk}/file", WORKER_ONLY)
    assert_role_matrix(
        personas,
        f"{URL}/certificates/{certificate.pk}/verification",
        everyone(403, anonymous=401, worker=201),
        method="post",
    )
    issuers = {"agency_admin": 200, "recruiter": 200, "employer": 200, "officer": 200, "caseworker": 200}
    assert_role_matrix(
        personas, f"{URL}/verification-requests", everyone(403, anonymous=401, platform_admin=200, **issuers)
    )
    request_id = certificate.verification_requests.get().pk
    assert_role_matrix(
        personas,
        f"{URL}/verification-requests/{request_id}/decision",
        everyone(
            403,
            anonymous=401,
            employer=404,
            officer=404,
            caseworker=404,
            agency_admin=200,
            recruiter=409,
            platform_admin=409,
        ),
        method="post",
        data=json.dumps({"confirmed": True}),
        content_type="application/json",
    )
    assert_role_matrix(
        personas,
        f"{URL}/certificates/{certificate.pk}/verification",
        everyone(403, anonymous=401, worker=404),
        method="delete",
    )
    assert_role_matrix(
        personas,
        f"{URL}/certificates/{certificate.pk}",
        everyone(403, anonymous=401, worker=204),
        method="delete",
    )


def test_an_api_token_never_acts_for_a_worker(personas):
    admin = personas.agency_admin
    _token, secret = api_services.api_token_create(
        actor=admin,
        organisation=admin.memberships.get().organisation,
        name="Integration",
        scopes=["read:organisation"],
        expires_at=None,
    )
    client = client_for(None)
    assert_problem(client.get(URL, **bearer(secret)), 403, "forbidden")
    response = client.put(
        f"{URL}/languages", '{"languages": []}', content_type="application/json", **bearer(secret)
    )
    assert_problem(response, 403, "forbidden")


def test_a_whole_profile_through_the_api(client_as, worker, common_taxonomy):
    client = client_as(worker)
    empty = client.get(URL).json()
    assert empty["occupations"] == []
    assert empty["hints"][0] == "add_work"
    assert empty["job_matching_on"] is False
    essential, optional = skills_for(common_taxonomy[WELDER])
    uris = [essential[0].uri, optional[0].uri]
    body = put(
        client,
        "/occupations",
        {"occupations": [{"code": WELDER, "years_of_experience": "4.5", "skills": uris}, {"code": "9313.1"}]},
    ).json()
    assert [item["code"] for item in body["occupations"]] == [WELDER, "9313.1"]
    assert body["occupations"][0]["is_main"] is True
    assert {skill["uri"] for skill in body["occupations"][0]["skills"]} == set(uris)
    assert body["hints"][0] == "add_skills"
    body = put(
        client, "/languages", {"languages": [{"code": "ne", "level": 3}, {"code": "ar", "level": 0}]}
    ).json()
    assert {item["code"]: item["level"] for item in body["languages"]} == {"ne": 3, "ar": 0}
    body = put(
        client,
        "/preferences",
        {"destinations": ["QA"], "sectors": ["construction"], "min_monthly_pay": "1300", "currency": "QAR"},
    ).json()
    assert body["preferences"]["min_monthly_pay"] == "1300.00"
    body = put(client, f"/occupations/{WELDER}", {"years_of_experience": 5, "skills": uris[:1]}).json()
    assert body["occupations"][0]["years_of_experience"] == "5.0"
    assert client.delete(f"{URL}/occupations/9313.1").status_code == 200
    assert list(ProfileOccupation.objects.values_list("occupation__code", flat=True)) == [WELDER]


@pytest.mark.parametrize(
    ("path", "body", "status", "code"),
    [
        ("/occupations", {"occupations": [{"code": "0000.0"}]}, 400, "unknown_occupation"),
        (
            "/occupations",
            {"occupations": [{"code": "9111.1", "skills": ["http://x/skill"]}]},
            400,
            "skill_not_of_occupation",
        ),
        ("/occupations", {"occupations": [{"code": WELDER}, {"code": WELDER}]}, 400, "occupation_twice"),
        (
            "/occupations",
            {"occupations": [{"code": WELDER, "years_of_experience": 61}]},
            422,
            "validation_failed",
        ),
        ("/occupations", {"occupations": [{"code": WELDER, "sex": "f"}]}, 422, "validation_failed"),
        ("/occupations/0000.0", {"years_of_experience": 1}, 400, "unknown_occupation"),
        ("/languages", {"languages": [{"code": "xx", "level": 1}]}, 400, "unknown_language"),
        ("/languages", {"languages": [{"code": "ne", "level": 7}]}, 422, "validation_failed"),
        ("/preferences", {"destinations": ["XX"]}, 400, "unknown_country"),
        ("/preferences", {"min_monthly_pay": "10"}, 400, "currency_needed"),
        ("/preferences", {"religion": "x"}, 422, "validation_failed"),
    ],
)
def test_bad_input_is_a_problem_and_loses_nothing(
    client_as, worker, common_taxonomy, path, body, status, code
):
    build_profile(worker, common_taxonomy)
    client = client_as(worker)
    before = client.get(URL).json()
    assert_problem(put(client, path, body), status, code)
    after = client.get(URL).json()
    assert after == before


def test_an_empty_profile_explains_that_matching_needs_skills(client_as, worker, common_taxonomy):
    client = client_as(worker)
    body = put(client, "/occupations", {"occupations": [{"code": WELDER}]}).json()
    assert "add_skills" in body["hints"]
    assert not ProfileSkill.objects.exists()


def test_certificates_through_the_api(client_as, worker, personas):
    client = client_as(worker)
    issuer = personas.organisation("agency")
    response = client.post(
        f"{URL}/certificates",
        {
            "title": "Caregiver",
            "issuer_id": str(issuer.pk),
            "number": "N-9",
            "issued_on": "2024-02-01",
            "file": SimpleUploadedFile("c.pdf", PDF),
        },
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["issuer"], created["number"], created["status"]) == (issuer.name, "N-9", "unverified")
    assert_problem(
        client.post(
            f"{URL}/certificates",
            {
                "title": "X",
                "issuer_name": "Y",
                "issued_on": "01/02/2024",
                "file": SimpleUploadedFile("c.pdf", PDF),
            },
        ),
        400,
        "date_invalid",
    )
    assert_problem(
        client.post(
            f"{URL}/certificates",
            {"title": "X", "issuer_name": "Y", "file": SimpleUploadedFile("c.gif", b"GIF89a")},
        ),
        415,
    )
    assert Certificate.objects.count() == 1
    file = client.get(f"{URL}/certificates/{created['id']}/file")
    assert file.status_code == 200
    assert file.content == PDF
    asked = client.post(f"{URL}/certificates/{created['id']}/verification")
    assert asked.status_code == 201
    assert asked.json()["request"]["status"] == "pending"
    assert_problem(client.post(f"{URL}/certificates/{created['id']}/verification"), 409, "already_asked")

    staff = client_for(personas.agency_admin)
    [listed] = staff.get(f"{URL}/verification-requests").json()
    assert listed["number"] == "N-9"
    assert "phone" not in json.dumps(listed)
    decided = staff.post(
        f"{URL}/verification-requests/{listed['id']}/decision",
        json.dumps({"confirmed": True, "note": "ok"}),
        content_type="application/json",
    )
    assert decided.status_code == 200
    assert decided.json()["status"] == "verified"
    assert client.get(URL).json()["certificates"][0]["status"] == "verified"
