"""The privacy notice, "My permissions" and "Who saw my data" pages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from mizan.common import formatting
from mizan.common.errors import PermissionDenied
from mizan.privacy.consent.models import AccessRecord, Consent
from mizan.privacy.consent.purposes import PURPOSES
from tests.consent.helpers import agency, give, read
from tests.factories import WorkerFactory
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

NOTICE = reverse("consent:notice")
PERMISSIONS = reverse("consent:permissions")
TURN_ON = reverse("consent:turn_on")
WHO_SAW = reverse("consent:who_saw")


# --- Who may open what ----------------------------------------------------------------------------------


def test_the_privacy_notice_is_public(personas):
    assert_role_matrix(personas, NOTICE, everyone(200))


@pytest.mark.parametrize("url", [PERMISSIONS, WHO_SAW])
def test_only_workers_have_permissions_and_access_pages(personas, url):
    assert_role_matrix(personas, url, everyone(403, anonymous=302, worker=200))


def test_only_workers_turn_permissions_on(personas):
    assert_role_matrix(
        personas,
        TURN_ON,
        everyone(403, anonymous=302, worker=302),
        method="post",
        data={"purpose": "job_matching"},
    )


def test_only_the_worker_stops_their_permission(personas):
    consent = give(personas.worker)
    url = reverse("consent:stop", kwargs={"consent_id": consent.id})
    assert_role_matrix(personas, url, everyone(403, anonymous=302, worker=302), method="post")


@pytest.mark.parametrize("url", [PERMISSIONS, WHO_SAW])
def test_worker_pages_refuse_post_and_actions_refuse_get(client_as, url):
    assert client_as("worker").post(url).status_code == 405
    assert client_as("worker").get(TURN_ON).status_code == 405


# --- The privacy notice ---------------------------------------------------------------------------------


def test_the_notice_is_generated_from_the_registry(client):
    page = client.get(NOTICE).content.decode()
    for purpose in PURPOSES.values():
        assert f'id="purpose-{purpose.code}"' in page
        with translation.override("en"):
            assert str(purpose.title) in page
            assert str(purpose.kept_for) in page
            assert f"Notice version {purpose.notice_version}" in page
    assert "Recruitment agency: Administrator and Recruiter" in page


def test_the_footer_links_to_the_notice_and_the_account_page_to_the_workers_pages(client_as):
    home = client_as("worker").get("/").content.decode()
    assert f'href="{NOTICE}"' in home
    account = client_as("worker").get(reverse("accounts:account")).content.decode()
    assert f'href="{PERMISSIONS}"' in account
    assert f'href="{WHO_SAW}"' in account
    staff_account = client_as("recruiter").get(reverse("accounts:account")).content.decode()
    assert f'href="{WHO_SAW}"' not in staff_account


# --- My permissions -------------------------------------------------------------------------------------


def test_a_worker_turns_job_matching_on_and_stops_it_in_one_tap(client_as, worker):
    client = client_as(worker)
    assert 'value="job_matching"' in client.get(PERMISSIONS).content.decode()

    response = client.post(TURN_ON, {"purpose": "job_matching"})
    assert response.status_code == 302
    consent = Consent.objects.get(worker=worker, purpose="job_matching")
    page = client.get(PERMISSIONS).content.decode()
    assert reverse("consent:stop", kwargs={"consent_id": consent.id}) in page
    assert 'name="purpose" value="job_matching"' not in page  # no longer offered

    response = client.post(reverse("consent:stop", kwargs={"consent_id": consent.id}))
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert 'value="job_matching"' in client.get(PERMISSIONS).content.decode()


def test_the_page_lists_organisation_bound_consents_with_when_and_which_notice(client_as, worker, personas):
    give(worker, "recruitment", agency(personas))
    page = client_as(worker).get(PERMISSIONS).content.decode()
    assert agency(personas).name in page
    assert "notice version 1" in page


@pytest.mark.parametrize(
    "data",
    [{}, {"purpose": "contract"}, {"purpose": "nonsense"}, {"purpose": "job_matching", "organisation": "x"}],
)
def test_bad_turn_on_requests_are_explained_and_change_nothing(client_as, worker, data):
    response = client_as(worker).post(TURN_ON, data)
    assert response.status_code == 400
    assert b"errorlist" in response.content or b'class="error"' in response.content
    assert not Consent.objects.exists()


def test_turning_on_twice_is_a_conflict_not_a_second_consent(client_as, worker):
    client = client_as(worker)
    client.post(TURN_ON, {"purpose": "job_matching"})
    assert client.post(TURN_ON, {"purpose": "job_matching"}).status_code == 409
    assert Consent.objects.filter(worker=worker).count() == 1


def test_an_unknown_organisation_is_not_found(client_as, worker):
    response = client_as(worker).post(
        TURN_ON, {"purpose": "recruitment", "organisation": "00000000-0000-0000-0000-000000000000"}
    )
    assert response.status_code == 404
    assert not Consent.objects.exists()


def test_nobody_can_stop_another_workers_permission(client_as, worker):
    other = WorkerFactory()
    consent = give(other)
    response = client_as(worker).post(reverse("consent:stop", kwargs={"consent_id": consent.id}))
    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_stopping_twice_says_so(client_as, worker):
    consent = give(worker)
    url = reverse("consent:stop", kwargs={"consent_id": consent.id})
    client = client_as(worker)
    client.post(url)
    assert client.post(url).status_code == 409


# --- Who saw my data ------------------------------------------------------------------------------------


def test_who_saw_my_data_lists_allowed_and_refused_reads_in_plain_words(
    client_as, worker, recruiter, inspector, personas
):
    give(worker)
    read(recruiter, worker, categories=["skills_experience"])
    with pytest.raises(PermissionDenied):
        read(inspector, worker)
    page = client_as(worker).get(WHO_SAW).content.decode()
    today = formatting.day(AccessRecord.objects.first().at, "en")
    assert (
        f"On {today}, Recruiter at {agency(personas).name} looked at your skills and work experience, "
        "to see if you fit a job."
    ) in page
    assert (
        f"On {today}, Inspector at {personas.organisation('authority').name} tried to look at your "
        "skills and work experience, to see if you fit a job, but was not allowed: "
        "their job does not allow it."
    ) in page
    assert page.index("tried to look") < page.index("looked at your skills")  # newest first


def test_who_saw_my_data_shows_nothing_of_other_workers(client_as, worker, recruiter):
    other = WorkerFactory(display_name="Someone Else")
    give(other)
    read(recruiter, other)
    page = client_as(worker).get(WHO_SAW).content.decode()
    assert "Nobody else has looked at your data yet." in page
    assert 'class="access-list"' not in page
    assert AccessRecord.objects.filter(worker=other).exists()


def test_who_saw_my_data_is_paginated_newest_first(client_as, worker, recruiter):
    give(worker)
    for _ in range(25):
        read(recruiter, worker)
    client = client_as(worker)
    first = client.get(WHO_SAW).content.decode()
    assert first.count("looked at your") == 20
    assert "?page=2" in first
    second = client.get(WHO_SAW, {"page": 2}).content.decode()
    assert second.count("looked at your") == 5
    assert client.get(WHO_SAW, {"page": "nonsense"}).status_code == 200


def test_dates_are_written_the_readers_way(client_as, worker, recruiter):
    give(worker)
    read(recruiter, worker)
    client = client_as(worker)
    worker.preferred_language = "ne"
    worker.save()
    page = client.get(WHO_SAW).content.decode()
    at = AccessRecord.objects.get().at
    assert formatting.day(at, "ne") in page
    assert formatting.day(at, "ne") != formatting.day(at, "en")


def test_a_changed_notice_pauses_a_permission_until_the_worker_agrees_again(
    client_as, worker, personas, monkeypatch
):
    import dataclasses

    from mizan.privacy.consent import purposes, selectors

    organisation = agency(personas)
    old = give(worker, "recruitment", organisation)
    bumped = dataclasses.replace(PURPOSES["recruitment"], notice_version=2)
    monkeypatch.setitem(purposes._BY_CODE, "recruitment", bumped)
    client = client_as(worker)
    page = client.get(PERMISSIONS).content.decode()
    assert "Yes, I agree again" in page
    assert f'name="organisation" value="{organisation.id}"' in page

    response = client.post(TURN_ON, {"purpose": "recruitment", "organisation": str(organisation.id)})
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.replaced_by is not None
    assert selectors.has_consent(worker=worker, purpose="recruitment", organisation=organisation)
    assert "Yes, I agree again" not in client.get(PERMISSIONS).content.decode()


def test_the_who_saw_page_costs_the_same_queries_for_one_record_or_twenty(client_as, worker, recruiter):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    give(worker)
    client = client_as(worker)
    read(recruiter, worker)
    with CaptureQueriesContext(connection) as one:
        client.get(WHO_SAW)
    for _ in range(19):
        read(recruiter, worker)
    with CaptureQueriesContext(connection) as twenty:
        page = client.get(WHO_SAW).content.decode()
    assert page.count("looked at your") == 20
    assert len(twenty) == len(one)
