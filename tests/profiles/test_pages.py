"""The job profile pages: who may open them, and the worker's steps through them (with bad input)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mizan.privacy.consent.services import consent_give
from mizan.profiles.models import Certificate, Preferences, ProfileLanguage, ProfileOccupation, ProfileSkill
from mizan.taxonomy.selectors import skills_for
from tests.factories import MembershipFactory, OrganisationFactory
from tests.profiles.helpers import PDF, WELDER, build_profile, upload_certificate
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

WORKER_ONLY = everyone(403, anonymous=302, worker=200)


@pytest.mark.parametrize("name", ["overview", "work", "languages", "preferences", "certificates"])
def test_the_worker_pages_are_the_workers_alone(personas, common_taxonomy, name):
    assert_role_matrix(personas, reverse(f"profiles:{name}"), WORKER_ONLY)


def test_the_occupation_pages_are_the_workers_alone(personas, common_taxonomy):
    assert_role_matrix(personas, reverse("profiles:occupation", kwargs={"code": WELDER}), WORKER_ONLY)
    build_profile(personas.worker, common_taxonomy)
    assert_role_matrix(personas, reverse("profiles:occupation_remove", kwargs={"code": WELDER}), WORKER_ONLY)


def test_the_certificate_pages_are_the_workers_alone(personas):
    certificate = upload_certificate(personas.worker)
    for name in ("certificate_download", "certificate_delete"):
        url = reverse(f"profiles:{name}", kwargs={"certificate_id": certificate.pk})
        assert_role_matrix(personas, url, WORKER_ONLY)
    for name in ("certificate_ask", "certificate_stop"):
        url = reverse(f"profiles:{name}", kwargs={"certificate_id": certificate.pk})
        # Workers reach the POST-only views; they answer 405 to GET, and nobody else gets that far.
        assert_role_matrix(personas, url, everyone(403, anonymous=302, worker=405))


def test_the_issuer_pages_are_for_staff_who_confirm_certificates(personas):
    organisation = personas.organisation("agency")
    certificate = upload_certificate(personas.worker, issuer=organisation)
    from mizan.profiles import services

    request = services.verification_request(
        actor=personas.worker, worker=personas.worker, certificate_id=certificate.pk
    )
    may = {"agency_admin": 200, "recruiter": 200, "employer": 200, "officer": 200, "caseworker": 200}
    assert_role_matrix(
        personas,
        reverse("profiles:verification_requests"),
        everyone(403, anonymous=302, platform_admin=200, **may),
    )
    # One request: only its organisation's staff (and the operators) find it.
    url = reverse("profiles:verification_request", kwargs={"request_id": request.pk})
    assert_role_matrix(
        personas,
        url,
        everyone(
            403,
            anonymous=302,
            agency_admin=200,
            recruiter=200,
            platform_admin=200,
            employer=404,
            officer=404,
            caseworker=404,
        ),
    )


def test_a_worker_builds_a_profile_step_by_step(client_as, worker, common_taxonomy):
    client = client_as(worker)
    overview = client.get(reverse("profiles:overview"))
    assert b"Choose the kinds of work you do" in overview.content
    assert b"Job matching is off" in overview.content

    found = client.get(reverse("profiles:work"), {"q": "welder"})
    assert found.status_code == 200
    assert reverse("profiles:occupation", kwargs={"code": WELDER}).encode() in found.content

    essential, optional = skills_for(common_taxonomy[WELDER])
    page = client.get(reverse("profiles:occupation", kwargs={"code": WELDER}))
    assert page.status_code == 200
    assert essential[0].preferred_label.encode() in page.content
    chosen = [essential[0].pk, essential[1].pk, optional[0].pk]
    saved = client.post(
        reverse("profiles:occupation", kwargs={"code": WELDER}),
        {"years_of_experience": "3.5", "essential": chosen[:2], "other": chosen[2:]},
    )
    assert saved.status_code == 302
    assert saved["Location"] == reverse("profiles:overview")
    assert set(ProfileSkill.objects.values_list("skill_id", flat=True)) == set(chosen)

    client.post(reverse("profiles:languages"), {"code": "ne", "level": "3"})
    client.post(
        reverse("profiles:preferences"),
        {
            "destinations": ["QA"],
            "another_destination": "KW",
            "sectors": ["construction"],
            "min_monthly_pay": "1500",
            "currency": "QAR",
            "available_from_0": "1",
            "available_from_1": "3",
            "available_from_2": "2027",
        },
    )
    assert ProfileLanguage.objects.get().code == "ne"
    assert Preferences.objects.get().destinations == ["QA", "KW"]

    consent_give(worker=worker, purpose="job_matching", method="web")
    overview = client.get(reverse("profiles:overview"))
    assert b"Job matching is on" in overview.content
    assert b"What to do next" not in overview.content


def test_saving_without_skills_explains_that_matching_needs_skills(client_as, worker, common_taxonomy):
    client = client_as(worker)
    url = reverse("profiles:occupation", kwargs={"code": WELDER})
    saved = client.post(url, {"years_of_experience": "2"}, follow=True)
    assert saved.status_code == 200
    assert b"Jobs find workers by their skills" in saved.content
    assert ProfileOccupation.objects.get().occupation.code == WELDER
    overview = client.get(reverse("profiles:overview"))
    assert b"so jobs can find you" in overview.content


def test_an_unknown_kind_of_work_is_a_plain_404_page(client_as, worker, common_taxonomy):
    client = client_as(worker)
    for name in ("occupation", "occupation_remove"):
        response = client.get(reverse(f"profiles:{name}", kwargs={"code": "0000.0"}))
        assert response.status_code == 404
        assert b"We do not know this kind of work" in response.content
        assert reverse("profiles:work").encode() in response.content
    response = client.post(reverse("profiles:occupation", kwargs={"code": "not-a-code"}), {"years": "1"})
    assert response.status_code == 404


def test_bad_input_is_explained_and_nothing_is_lost(client_as, worker, common_taxonomy):
    build_profile(worker, common_taxonomy)
    client = client_as(worker)
    url = reverse("profiles:occupation", kwargs={"code": WELDER})
    for years in ("-3", "99", "lots"):
        response = client.post(url, {"years_of_experience": years})
        assert response.status_code == 400
        assert b"errorlist" in response.content
    foreign = skills_for(common_taxonomy["9111.1"])[0][0].pk
    response = client.post(url, {"years_of_experience": "2", "essential": [foreign]})
    assert response.status_code == 400  # not one of the choices
    assert ProfileSkill.objects.count() == 3
    response = client.post(reverse("profiles:languages"), {"code": "xx", "level": "9"})
    assert response.status_code == 400
    response = client.post(reverse("profiles:preferences"), {"min_monthly_pay": "900"})
    assert response.status_code == 400
    assert b"Please say which money the pay is in." in response.content
    assert Preferences.objects.get().min_monthly_pay == 1200


def test_a_worker_keeps_a_certificate_and_asks_the_issuer(client_as, worker):
    issuer = OrganisationFactory(kind="authority", name="Skills Board")
    staff = MembershipFactory(organisation=issuer, role="officer").user
    client = client_as(worker)
    response = client.post(
        reverse("profiles:certificates"),
        {
            "title": "Welding, level 2",
            "issuer": str(issuer.pk),
            "number": "SB-1",
            "file": SimpleUploadedFile("cert.pdf", PDF),
        },
    )
    assert response.status_code == 302
    certificate = Certificate.objects.get()
    bad = client.post(
        reverse("profiles:certificates"),
        {"title": "X", "issuer_name": "Y", "file": SimpleUploadedFile("a.txt", b"plain text")},
    )
    assert bad.status_code == 415
    assert Certificate.objects.count() == 1
    client.post(reverse("profiles:certificate_ask", kwargs={"certificate_id": certificate.pk}))
    again = client.post(
        reverse("profiles:certificate_ask", kwargs={"certificate_id": certificate.pk}), follow=True
    )
    assert b"You already asked" in again.content

    issuer_client = client_as(staff)
    listed = issuer_client.get(reverse("profiles:verification_requests"))
    assert b"SB-1" in listed.content
    assert worker.phone.encode() not in listed.content
    request_id = certificate.verification_requests.get().pk
    url = reverse("profiles:verification_request", kwargs={"request_id": request_id})
    assert issuer_client.post(url, {"decision": "maybe"}).status_code == 400
    assert issuer_client.post(url, {"decision": "confirm"}).status_code == 302
    assert issuer_client.post(url, {"decision": "reject"}).status_code == 409
    certificate.refresh_from_db()
    assert certificate.status == "verified"
    page = client.get(reverse("profiles:certificates"))
    assert b"Confirmed by the issuer" in page.content

    download = client.get(reverse("profiles:certificate_download", kwargs={"certificate_id": certificate.pk}))
    assert download.status_code == 200
    assert download.content == PDF
    client.post(reverse("profiles:certificate_delete", kwargs={"certificate_id": certificate.pk}))
    assert not Certificate.objects.exists()
