"""The matching pages: who may open them, what they show (and never show), and their forms."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mizan.matching import selectors
from mizan.matching.models import Invitation, RankingLog
from mizan.vacancies.models import Vacancy
from tests.factories import OrganisationFactory, WorkerFactory
from tests.matching.helpers import build_profile, give_personal_details, new_worker, published_vacancy
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacancy(common_taxonomy, personas):
    return published_vacancy(
        common_taxonomy, posted_by=personas.organisation("agency"), employer=personas.organisation("employer")
    )


def test_who_may_open_the_shortlist(common_taxonomy, personas, vacancy):
    new_worker(common_taxonomy)
    url = reverse("matching:shortlist", kwargs={"vacancy_id": vacancy.id})
    assert_role_matrix(
        personas,
        url,
        everyone(403, anonymous=302, agency_admin=200, recruiter=200, employer=200, platform_admin=200),
    )
    other = published_vacancy(common_taxonomy)  # someone else's job: not found, not confirmed to exist
    assert (
        client_get(personas, "recruiter", reverse("matching:shortlist", kwargs={"vacancy_id": other.id}))
        == 404
    )


def client_get(personas, name, url):
    from tests.roles import client_for

    return client_for(personas[name]).get(url).status_code


def test_the_shortlist_page_is_blind(common_taxonomy, personas, vacancy, client_as):
    people = [
        ("+9779800000201", "Sita Tamang", "1996-02-01", "Ward 4, Pokhara, Nepal"),
        ("+639170000202", "Maria Dela Cruz", "1988-12-24", "Barangay 12, Cebu, Philippines"),
    ]
    workers = []
    for phone, name, birth, address in people:
        worker = WorkerFactory(phone=phone, display_name=name.split()[0])
        give_personal_details(worker, name=name, birth=birth, address=address)
        workers.append(build_profile(worker, common_taxonomy, essential=4))
    html = (
        client_as("recruiter")
        .get(reverse("matching:shortlist", kwargs={"vacancy_id": vacancy.id}))
        .content.decode()
    )

    assert html.count("Invite to apply") == 2
    for (phone, name, birth, address), worker in zip(people, workers, strict=True):
        for secret in (
            phone,
            phone[1:],
            name,
            *name.split(),
            birth,
            address,
            "Pokhara",
            "Philippines",
            str(worker.pk),
        ):
            assert secret not in html, secret
        assert worker.pk.hex not in html
    assert "Candidate 1" in html
    assert "Candidate 2" in html
    assert "own language" not in html  # whose mother tongue it is would hint at where they come from
    assert re.search(r'<meter[^>]+value="\d+"', html)


def test_inviting_from_the_page_needs_a_reason_and_keeps_what_was_typed(
    common_taxonomy, personas, vacancy, client_as
):
    worker = new_worker(common_taxonomy)
    client = client_as("recruiter")
    page = client.get(reverse("matching:shortlist", kwargs={"vacancy_id": vacancy.id})).content.decode()
    handle = re.search(r'name="handle" value="([^"]+)"', page).group(1)
    invite = reverse("matching:invite", kwargs={"vacancy_id": vacancy.id})

    short = client.post(invite, {"handle": handle, "reason": "ok"})
    assert short.status_code == 400
    assert "at least 5 letters" in short.content.decode()
    assert ">ok</textarea>" in short.content.decode()
    assert client.post(invite, {"handle": "not-a-candidate", "reason": "A good welder"}).status_code == 404

    done = client.post(invite, {"handle": handle, "reason": "Four years of welding."})
    assert done.status_code == 302
    assert done["Location"].endswith("#sent")
    invitation = Invitation.objects.get()
    assert (invitation.worker, invitation.reason) == (worker, "Four years of welding.")
    page = client.get(reverse("matching:shortlist", kwargs={"vacancy_id": vacancy.id})).content.decode()
    assert "Four years of welding." in page
    assert "Withdraw this invitation" in page

    withdraw = reverse("matching:withdraw", kwargs={"vacancy_id": vacancy.id, "invitation_id": invitation.id})
    assert client.post(withdraw).status_code == 302
    assert Invitation.objects.get().status == "withdrawn"


def test_who_may_invite(common_taxonomy, personas, vacancy):
    worker = new_worker(common_taxonomy)
    handle = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id).candidates[0].handle
    Invitation.objects.all().delete()
    url = reverse("matching:invite", kwargs={"vacancy_id": vacancy.id})
    assert_role_matrix(
        personas,
        url,
        everyone(
            403,
            anonymous=302,
            agency_admin=(302, 400),
            recruiter=(302, 400),
            employer=(302, 400),
            platform_admin=(302, 400),
        ),
        method="post",
        data={"handle": handle, "reason": "Fits the job well."},
    )
    assert Invitation.objects.filter(worker=worker).count() == 1  # the first allowed person; then "already"


def test_the_empty_shortlist_explains_itself(common_taxonomy, personas, client_as):
    draft = published_vacancy(
        common_taxonomy, posted_by=personas.organisation("agency"), status=Vacancy.Status.DRAFT
    )
    html = (
        client_as("recruiter")
        .get(reverse("matching:shortlist", kwargs={"vacancy_id": draft.id}))
        .content.decode()
    )
    assert "No candidates to show" in html
    assert "Publish it first" in html
    new_worker(common_taxonomy, min_pay="9000")
    vacancy = published_vacancy(common_taxonomy, posted_by=personas.organisation("agency"))
    html = (
        client_as("recruiter")
        .get(reverse("matching:shortlist", kwargs={"vacancy_id": vacancy.id}))
        .content.decode()
    )
    assert "The pay is below the worker&#x27;s own minimum." in html
    assert "Workers compared: 1." in html


def test_who_may_see_jobs_for_them(personas):
    assert_role_matrix(personas, reverse("matching:for_me"), everyone(403, anonymous=302, worker=200))


def test_jobs_for_you_shows_jobs_invitations_and_the_way_on(common_taxonomy, personas, client_as, vacancy):
    worker = personas.worker
    client = client_as("worker")
    off = client.get(reverse("matching:for_me")).content.decode()
    assert "Job matching is off" in off
    assert reverse("consent:permissions") in off

    build_profile(worker, common_taxonomy, essential=4)
    candidate = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id).candidates[0]
    from mizan.matching import services

    services.invite(
        actor=personas.recruiter,
        vacancy=vacancy.id,
        candidate_handle=candidate.handle,
        reason="You weld well.",
    )
    page = client.get(reverse("matching:for_me")).content.decode()
    assert reverse("vacancies:detail", kwargs={"vacancy_id": vacancy.id}) in page
    assert "Why this job fits you" in page
    assert "Same occupation as the job." in page
    assert "You weld well." in page
    assert "Yes, I am interested" in page

    invitation = Invitation.objects.get()
    answer = reverse("matching:answer", kwargs={"invitation_id": invitation.id})
    assert client.post(answer, {"answer": "maybe"}).status_code == 302
    assert Invitation.objects.get().status == "invited"
    assert client.post(answer, {"answer": "accept"}).status_code == 302
    assert Invitation.objects.get().status == "accepted"
    page = client.get(reverse("matching:for_me")).content.decode()
    assert "See the job and apply" in page
    assert client_as(new_worker(common_taxonomy)).post(answer, {"answer": "decline"}).status_code == 404
    assert RankingLog.objects.filter(worker_id=worker.pk).count() == 2


def test_who_may_answer_an_invitation(common_taxonomy, personas, vacancy):
    build_profile(personas.worker, common_taxonomy)
    candidate = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id).candidates[0]
    from mizan.matching import services

    invitation = services.invite(
        actor=personas.recruiter,
        vacancy=vacancy.id,
        candidate_handle=candidate.handle,
        reason="Good welder.",
    )
    url = reverse("matching:answer", kwargs={"invitation_id": invitation.id})
    assert_role_matrix(
        personas, url, everyone(403, anonymous=302, worker=302), method="post", data={"answer": "decline"}
    )
    assert Invitation.objects.get().status == "declined"


def test_who_may_audit_the_rankings(common_taxonomy, personas, vacancy):
    new_worker(common_taxonomy)
    selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id)
    assert_role_matrix(
        personas,
        reverse("matching:audit"),
        everyone(403, anonymous=302, auditor=200, inspector=200, officer=200, platform_admin=200),
    )


def test_an_authority_audits_only_rankings_of_its_country(common_taxonomy, personas, client_as):
    new_worker(common_taxonomy, destinations=())
    authority = personas.organisation("authority")
    agency = personas.organisation("agency")
    ours = published_vacancy(common_taxonomy, posted_by=agency, destination=authority.country, currency="QAR")
    theirs_agency = OrganisationFactory(kind="agency", country="PH")
    theirs = published_vacancy(
        common_taxonomy, posted_by=theirs_agency, destination="HK", currency="HKD", pay_usd="600"
    )
    selectors.shortlist(actor=personas.recruiter, vacancy=ours.id)
    logs = selectors.ranking_logs_for(actor=personas.inspector)
    assert [log.vacancy_id for log in logs] == [ours.id]
    assert {log.vacancy_id for log in selectors.ranking_logs_for(actor=personas.auditor)} == {ours.id}
    html = client_as("inspector").get(reverse("matching:audit")).content.decode()
    assert str(ours.id) in html
    assert str(theirs.id) not in html


def test_who_may_withdraw_an_invitation(common_taxonomy, personas, vacancy):
    new_worker(common_taxonomy)
    candidate = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy).candidates[0]
    from mizan.matching import services

    invitation = services.invite(
        actor=personas.recruiter, vacancy=vacancy, candidate_handle=candidate.handle, reason="Good welder."
    )
    url = reverse("matching:withdraw", kwargs={"vacancy_id": vacancy.id, "invitation_id": invitation.id})
    hirers = dict.fromkeys(("agency_admin", "recruiter", "employer", "platform_admin"), 302)
    assert_role_matrix(personas, url, everyone(403, anonymous=302, **hirers), method="post")
    assert Invitation.objects.get().status == "withdrawn"
