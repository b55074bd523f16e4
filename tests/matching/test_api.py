"""The matching API: the same selectors and services as the pages, with problem details for every "no"."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from mizan.api import services as api_services
from mizan.matching.models import Channel, Invitation, RankingLog
from mizan.privacy.consent.models import AccessRecord
from tests.api.conftest import assert_problem, bearer
from tests.matching.helpers import build_profile, new_worker, published_vacancy, stop_matching
from tests.roles import assert_role_matrix, client_for, everyone

pytestmark = pytest.mark.django_db
BASE = "/api/v1/matching"


@pytest.fixture
def vacancy(common_taxonomy, personas):
    return published_vacancy(
        common_taxonomy, posted_by=personas.organisation("agency"), employer=personas.organisation("employer")
    )


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_who_may_read_candidates(common_taxonomy, personas, vacancy):
    new_worker(common_taxonomy)
    assert_role_matrix(
        personas,
        f"{BASE}/vacancies/{vacancy.id}/candidates?k=5",
        everyone(403, anonymous=401, agency_admin=200, recruiter=200, employer=200, platform_admin=200),
    )
    assert_role_matrix(
        personas,
        f"{BASE}/vacancies/{vacancy.id}/invitations",
        everyone(403, anonymous=401, agency_admin=200, recruiter=200, employer=200, platform_admin=200),
    )


def test_candidates_are_blind_explained_and_recorded(common_taxonomy, personas, vacancy):
    workers = [new_worker(common_taxonomy, essential=n) for n in (2, 7)]
    response = client_for(personas.recruiter).get(f"{BASE}/vacancies/{vacancy.id}/candidates?k=5")
    body = response.json()
    assert response.status_code == 200
    assert [c["position"] for c in body["candidates"]] == [1, 2]
    first = body["candidates"][0]
    assert first["explanation"]["essential_covered"] == 7
    assert {line["component"] for line in first["explanation"]["lines"]} >= {"occupation", "essential_skills"}
    assert first["languages"][0]["level"] <= 2
    text = response.content.decode()
    assert all(str(w.pk) not in text and (w.phone or "x") not in text for w in workers)
    assert RankingLog.objects.get(pk=body["ranking_log"]).channel == Channel.API
    assert AccessRecord.objects.filter(actor=personas.recruiter).count() == 2
    assert_problem(client_for(personas.recruiter).get(f"{BASE}/vacancies/{vacancy.id}/candidates?k=0"), 422)
    assert_problem(
        client_for(personas.recruiter).get(f"{BASE}/vacancies/{personas.worker.pk}/candidates"), 404
    )


def test_an_organisation_token_reads_candidates_as_its_maker(common_taxonomy, personas, vacancy):
    new_worker(common_taxonomy)
    _token, secret = api_services.api_token_create(
        actor=personas.agency_admin,
        organisation=vacancy.posted_by,
        name="ATS",
        scopes=["read:organisation"],
        expires_at=None,
    )
    response = client_for(None).get(f"{BASE}/vacancies/{vacancy.id}/candidates", **bearer(secret))
    assert response.status_code == 200
    assert len(response.json()["candidates"]) == 1
    record = AccessRecord.objects.get()
    assert (record.actor, record.organisation) == (personas.agency_admin, vacancy.posted_by)
    _weak, weak = api_services.api_token_create(
        actor=personas.agency_admin,
        organisation=vacancy.posted_by,
        name="Board",
        scopes=["read:public"],
        expires_at=None,
    )
    assert_problem(
        client_for(None).get(f"{BASE}/vacancies/{vacancy.id}/candidates", **bearer(weak)),
        403,
        "missing_scope",
    )
    handle = response.json()["candidates"][0]["handle"]
    refused = _post_token(
        f"{BASE}/vacancies/{vacancy.id}/invitations", {"handle": handle, "reason": "A good welder"}, secret
    )
    assert refused.status_code in (401, 403)
    assert not Invitation.objects.exists()


def _post_token(url, body, secret):
    return client_for(None).post(url, json.dumps(body), content_type="application/json", **bearer(secret))


def test_inviting_through_the_api(common_taxonomy, personas, vacancy):
    worker = new_worker(common_taxonomy)
    client = client_for(personas.recruiter, enforce_csrf_checks=False)
    handle = client.get(f"{BASE}/vacancies/{vacancy.id}/candidates").json()["candidates"][0]["handle"]
    url = f"{BASE}/vacancies/{vacancy.id}/invitations"

    assert_problem(_post(client, url, {"handle": handle, "reason": "ok"}), 400, "reason_needed")
    assert_problem(
        _post(client, url, {"handle": "nobody", "reason": "A good welder"}), 404, "unknown_candidate"
    )
    assert_problem(_post(client, url, {"handle": handle}), 422)
    created = _post(client, url, {"handle": handle, "reason": "A good welder"})
    assert created.status_code == 201
    assert created.json()["status"] == "invited"
    assert created.json()["handle"] == handle
    assert_problem(_post(client, url, {"handle": handle, "reason": "A good welder"}), 409, "already_invited")
    assert Invitation.objects.get().worker == worker

    invitation = Invitation.objects.get()
    withdraw = f"{url}/{invitation.id}/withdraw"
    assert _post(client, withdraw, {}).json()["status"] == "withdrawn"
    assert_problem(_post(client, withdraw, {}), 409, "not_open")


def test_who_may_invite_through_the_api(common_taxonomy, personas, vacancy):
    new_worker(common_taxonomy)
    handle = (
        client_for(personas.recruiter)
        .get(f"{BASE}/vacancies/{vacancy.id}/candidates")
        .json()["candidates"][0]["handle"]
    )
    assert_role_matrix(
        personas,
        f"{BASE}/vacancies/{vacancy.id}/invitations",
        everyone(
            403,
            anonymous=401,
            agency_admin=(201, 409),
            recruiter=(201, 409),
            employer=(201, 409),
            platform_admin=(201, 409),
        ),
        method="post",
        data=json.dumps({"handle": handle, "reason": "Fits the job."}),
        content_type="application/json",
    )


def test_the_worker_reads_jobs_and_answers_invitations(common_taxonomy, personas, vacancy):
    assert_role_matrix(personas, f"{BASE}/me/jobs", everyone(403, anonymous=401, worker=200))
    assert_role_matrix(personas, f"{BASE}/me/invitations", everyone(403, anonymous=401, worker=200))
    worker = personas.worker
    client = client_for(worker)
    assert client.get(f"{BASE}/me/jobs").json()["state"] == "off"
    build_profile(worker, common_taxonomy, essential=4)
    jobs = client.get(f"{BASE}/me/jobs?k=5").json()
    assert jobs["state"] == "jobs"
    assert jobs["jobs"][0]["vacancy"] == str(vacancy.id)
    assert jobs["jobs"][0]["url"] == reverse("vacancies:detail", kwargs={"vacancy_id": vacancy.id})
    assert jobs["jobs"][0]["explanation"]["lines"][0]["text"] == "Same occupation as the job."
    assert_problem(client.get(f"{BASE}/me/jobs?k=99"), 422)

    recruiter = client_for(personas.recruiter)
    handle = recruiter.get(f"{BASE}/vacancies/{vacancy.id}/candidates").json()["candidates"][0]["handle"]
    _post(
        recruiter, f"{BASE}/vacancies/{vacancy.id}/invitations", {"handle": handle, "reason": "Welds well."}
    )
    [item] = client.get(f"{BASE}/me/invitations").json()
    assert (item["reason"], item["is_open"], item["vacancy"]) == ("Welds well.", True, str(vacancy.id))
    answer = f"{BASE}/me/invitations/{item['id']}/answer"
    other = new_worker(common_taxonomy)
    assert_problem(_post(client_for(other), answer, {"accept": True}), 404)
    assert _post(client, answer, {"accept": True}).json()["status"] == "accepted"
    assert_problem(_post(client, answer, {"accept": False}), 409, "not_open")
    stop_matching(worker)
    assert client.get(f"{BASE}/me/jobs").json()["state"] == "off"


def test_who_may_withdraw_and_answer_through_the_api(common_taxonomy, personas, vacancy):
    build_profile(personas.worker, common_taxonomy)
    recruiter = client_for(personas.recruiter)
    handle = recruiter.get(f"{BASE}/vacancies/{vacancy.id}/candidates").json()["candidates"][0]["handle"]
    first = _post(
        recruiter, f"{BASE}/vacancies/{vacancy.id}/invitations", {"handle": handle, "reason": "Good."}
    )
    invitation_id = first.json()["id"]
    assert_role_matrix(
        personas,
        f"{BASE}/me/invitations/{invitation_id}/answer",
        everyone(403, anonymous=401, worker=200),
        method="post",
        data=json.dumps({"accept": False}),
        content_type="application/json",
    )
    Invitation.objects.update(status="invited", answered_at=None)
    hirers = dict.fromkeys(("agency_admin", "recruiter", "employer", "platform_admin"), (200, 409))
    assert_role_matrix(
        personas,
        f"{BASE}/vacancies/{vacancy.id}/invitations/{invitation_id}/withdraw",
        everyone(403, anonymous=401, **hirers),
        method="post",
        data="{}",
        content_type="application/json",
    )
    assert Invitation.objects.get().status == "withdrawn"
