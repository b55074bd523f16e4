"""The data-rights pages: who may open each (role matrix), and what each does."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from mizan.accounts.models import User
from mizan.privacy.consent.models import AccessRecord
from mizan.privacy.rights import services
from mizan.privacy.rights.models import CorrectionRequest, Erasure, LegalHold, Restriction
from tests.factories import WorkerFactory
from tests.rights.conftest import fill_details
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

WORKER_PAGES = [
    "rights:overview",
    "rights:export",
    "rights:export_json",
    "rights:corrections",
    "rights:erase",
]
STAFF_PAGES = ["rights:staff_home", "rights:staff_holds", "rights:staff_erase"]


# --- Role matrices --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", WORKER_PAGES)
def test_only_workers_open_their_data_pages(personas: Any, name: str) -> None:
    assert_role_matrix(personas, reverse(name), everyone(403, anonymous=302, worker=200))


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_only_mizan_operators_open_the_staff_pages(personas: Any, name: str) -> None:
    assert_role_matrix(personas, reverse(name), everyone(403, anonymous=302, platform_admin=200))


def test_only_operators_open_a_correction_request(personas: Any) -> None:
    request = services.correction_request_create(actor=personas.worker, item="other", what_is_wrong="x")
    url = reverse("rights:staff_correction", kwargs={"request_id": request.id})
    assert_role_matrix(personas, url, everyone(403, anonymous=302, platform_admin=200))
    missing = reverse(
        "rights:staff_correction", kwargs={"request_id": "00000000-0000-0000-0000-000000000000"}
    )
    assert_role_matrix(personas, missing, everyone(403, anonymous=302, platform_admin=404))


def test_only_workers_post_their_choices(personas: Any) -> None:
    assert_role_matrix(
        personas,
        reverse("rights:restriction"),
        everyone(403, anonymous=302, worker=302),
        method="post",
        data={"kind": "object_statistics", "on": "1"},
    )
    assert Restriction.objects.filter(worker=personas.worker, kind="object_statistics").count() == 1


def test_only_workers_erase_their_own_account(personas: Any) -> None:
    assert_role_matrix(
        personas,
        reverse("rights:erase"),
        everyone(403, anonymous=302, worker=200),
        method="post",
        data={"confirm": "on"},
    )
    assert Erasure.objects.filter(worker=personas.worker).exists()


def test_only_operators_release_a_hold(personas: Any, hold_on: Any) -> None:
    hold = hold_on(personas.worker, ["bank"])
    url = reverse("rights:staff_hold_release", kwargs={"hold_id": hold.id})
    assert_role_matrix(personas, url, everyone(403, anonymous=302, platform_admin=302), method="post")
    hold.refresh_from_db()
    assert hold.released_at is not None


@pytest.mark.parametrize("name", ["rights:restriction"])
def test_choices_take_posts_only(client_as: Any, name: str) -> None:
    assert client_as("worker").get(reverse(name)).status_code == 405


# --- The worker's pages ---------------------------------------------------------------------------------


def test_one_tap_turns_a_choice_on_and_off(client_as: Any, worker: User) -> None:
    client = client_as(worker)
    response = client.post(reverse("rights:restriction"), {"kind": "restrict", "on": "1"}, follow=True)
    assert "On since" in response.content.decode()
    assert Restriction.objects.get(worker=worker).is_active
    client.post(reverse("rights:restriction"), {"kind": "restrict", "on": "0"})
    assert not Restriction.objects.get(worker=worker).is_active


def test_a_bad_choice_is_a_400_that_changes_nothing(client_as: Any, worker: User) -> None:
    response = client_as(worker).post(reverse("rights:restriction"), {"kind": "sell", "on": "1"})
    assert response.status_code == 400
    assert not Restriction.objects.exists()


def test_a_worker_asks_for_a_correction(client_as: Any, worker: User) -> None:
    client = client_as(worker)
    page = client.get(reverse("rights:corrections")).content.decode()
    assert reverse("workers:details_edit") in page  # says what the worker can change themself
    response = client.post(
        reverse("rights:corrections"),
        {
            "item": "account",
            "what_is_wrong": "The name is Sita, not Gita",
            "should_be": "Sita",
            "restrict": "on",
        },
    )
    assert response.status_code == 302
    request = CorrectionRequest.objects.get(worker=worker)
    assert request.what_is_wrong == "The name is Sita, not Gita"
    assert Restriction.objects.get(worker=worker).correction == request
    listing = client.get(reverse("rights:corrections")).content.decode()
    assert "Waiting for an answer" in listing


def test_an_empty_correction_is_a_400_with_the_reason(client_as: Any, worker: User) -> None:
    response = client_as(worker).post(reverse("rights:corrections"), {"item": "account", "what_is_wrong": ""})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not CorrectionRequest.objects.exists()


def test_erasing_needs_the_tick_and_then_signs_the_worker_out(client_as: Any, worker: User) -> None:
    fill_details(worker)
    client = client_as(worker)
    refused = client.post(reverse("rights:erase"), {})
    assert refused.status_code == 400
    assert not Erasure.objects.exists()

    done = client.post(reverse("rights:erase"), {"confirm": "on"})
    assert done.status_code == 200
    assert "Your account is closed" in done.content.decode()
    assert "no-store" in done["Cache-Control"]
    assert (
        settings.SESSION_COOKIE_NAME not in client.cookies
        or not client.cookies[settings.SESSION_COOKIE_NAME].value
    )
    assert client.get(reverse("rights:overview")).status_code == 302  # signed out
    assert Erasure.objects.get(worker=worker).status == Erasure.Status.DONE


def test_other_sessions_of_the_erased_worker_end_too(client_as: Any, worker: User) -> None:
    other_phone_session = client_as(worker)
    client_as(worker).post(reverse("rights:erase"), {"confirm": "on"})
    assert other_phone_session.get(reverse("rights:overview")).status_code == 302


# --- Staff pages ----------------------------------------------------------------------------------------


def test_staff_answer_a_request_and_the_reading_is_recorded(client_as: Any, personas: Any) -> None:
    request = services.correction_request_create(
        actor=personas.worker, item="other", what_is_wrong="My village is Dhankuta"
    )
    client = client_as("platform_admin")
    assert str(request.id) in client.get(reverse("rights:staff_home")).content.decode()
    url = reverse("rights:staff_correction", kwargs={"request_id": request.id})
    page = client.get(url).content.decode()
    assert "My village is Dhankuta" in page
    assert AccessRecord.objects.filter(worker=personas.worker, actor=personas.platform_admin).count() == 1
    refused = client.post(url, {"outcome": "refused", "response": ""})
    assert refused.status_code == 400
    done = client.post(url, {"outcome": "done", "response": "Corrected."})
    assert done.status_code == 302
    request.refresh_from_db()
    assert request.status == "done"


def test_staff_place_a_hold_by_phone(client_as: Any, personas: Any) -> None:
    worker = personas.worker
    client = client_as("platform_admin")
    data = {
        "phone": worker.phone,
        "reason": "open_case",
        "categories": ["case_narrative", "access_records"],
        "source_reference": "case:a1b2",
        "until": "",
    }
    assert client.post(reverse("rights:staff_holds"), data).status_code == 302
    hold = LegalHold.objects.get(worker=worker)
    assert hold.categories == ["access_records", "case_narrative"]
    assert hold.created_by == personas.platform_admin
    unknown = client.post(reverse("rights:staff_holds"), {**data, "phone": "+9779800000999"})
    assert unknown.status_code == 404
    bad = client.post(reverse("rights:staff_holds"), {**data, "source_reference": "Sita's case"})
    assert bad.status_code == 400
    assert LegalHold.objects.count() == 1


def test_staff_erase_on_a_checked_request(client_as: Any, personas: Any) -> None:
    worker = WorkerFactory()
    client = client_as("platform_admin")
    url = reverse("rights:staff_erase")
    no_reference = client.post(url, {"phone": worker.phone, "reference": "", "confirm": "on"})
    assert no_reference.status_code == 400
    bad_reference = client.post(url, {"phone": worker.phone, "reference": "asked by phone", "confirm": "on"})
    assert bad_reference.status_code == 400
    assert not Erasure.objects.exists()
    done = client.post(url, {"phone": worker.phone, "reference": "HD-2025-117", "confirm": "on"})
    assert done.status_code == 302
    erasure = Erasure.objects.get()
    assert (erasure.by, erasure.reference, erasure.created_by) == (
        "staff",
        "HD-2025-117",
        personas.platform_admin,
    )
    staff_member = client.post(url, {"phone": "+9779800000999", "reference": "HD-1", "confirm": "on"})
    assert staff_member.status_code == 404
