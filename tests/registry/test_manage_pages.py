"""The staff pages: an officer adds a licence, suspends an agency and lifts it; an auditor certifies.
Bad input comes back as a 400 with the form and its message; nothing half-saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mizan.accounts.models import Organisation
from mizan.registry.models import Certification, Licence, Sanction
from tests.registry.helpers import days, licence, recruiter

pytestmark = pytest.mark.django_db


def test_an_officer_adds_a_licence_for_a_new_agency(client_as, authority):
    client = client_as("officer")
    form = {
        "organisation_name": "Everest Manpower",
        "registration_number": "REG-55",
        "kind": "agency",
        "number": "1234/079",
        "valid_from": days(-1).isoformat(),
        "valid_to": days(700).isoformat(),
        "address": "Kathmandu",
    }
    response = client.post(reverse("registry:licence_new"), form)
    created = Licence.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "registry:manage_organisation", kwargs={"organisation_id": created.organisation_id}
    )
    assert created.organisation.name == "Everest Manpower"
    again = client.post(reverse("registry:licence_new"), {**form, "number": "1234-079"})
    assert again.status_code == 400
    assert "already in the registry" in again.content.decode()
    reversed_dates = client.post(
        reverse("registry:licence_new"), {**form, "number": "2", "valid_to": days(-9).isoformat()}
    )
    assert reversed_dates.status_code == 400
    assert "The end date is before the start date." in reversed_dates.content.decode()
    assert Licence.objects.count() == 1


def test_the_add_form_is_prefilled_from_an_organisation(client_as, authority):
    agency = recruiter("Sagarmatha Jobs", registration_number="REG-9")
    page = client_as("officer").get(reverse("registry:licence_new"), {"organisation": str(agency.pk)})
    assert 'value="Sagarmatha Jobs"' in page.content.decode()
    assert (
        client_as("officer").get(reverse("registry:licence_new"), {"organisation": "nonsense"}).status_code
        == 200
    )


def test_an_officer_suspends_an_agency_and_lifts_the_suspension(client_as, authority):
    client = client_as("officer")
    agency = recruiter("Delta Jobs")
    found = licence(agency)
    url = reverse("registry:sanction_new", kwargs={"organisation_id": agency.pk})
    empty = client.post(url, {"kind": "suspension", "starts_on": days(0).isoformat(), "reason": ""})
    assert empty.status_code == 400
    assert not Sanction.objects.exists()
    response = client.post(
        url, {"kind": "suspension", "starts_on": days(0).isoformat(), "reason": "Fees charged."}
    )
    assert response.status_code == 302
    imposed = Sanction.objects.get()
    assert imposed.authority == authority
    found.refresh_from_db()
    assert found.status == "suspended"
    page = client.get(
        reverse("registry:manage_organisation", kwargs={"organisation_id": agency.pk})
    ).content.decode()
    assert reverse("registry:sanction_lift", kwargs={"sanction_id": imposed.pk}) in page
    lift = reverse("registry:sanction_lift", kwargs={"sanction_id": imposed.pk})
    assert client.post(lift, {"reason": "Paid back."}).status_code == 302
    found.refresh_from_db()
    assert found.status == "active"
    again = client.post(lift, {"reason": "Again."})
    assert again.status_code == 400
    assert "already lifted" in again.content.decode()


def test_an_officer_changes_a_licence_and_wrong_changes_are_explained(client_as, authority):
    client = client_as("officer")
    found = licence(recruiter())
    url = reverse("registry:licence_change", kwargs={"licence_id": found.pk})
    no_reason = client.post(url, {"action": "revoke", "reason": ""})
    assert no_reason.status_code == 400
    assert "Write the reason" in no_reason.content.decode()
    assert client.post(url, {"action": "suspend", "reason": "Check."}).status_code == 302
    wrong = client.post(url, {"action": "suspend", "reason": "Check again."})
    assert wrong.status_code == 400
    assert "cannot be changed this way" in wrong.content.decode()
    assert Licence.objects.get().status == "suspended"


def test_an_auditor_records_a_certification(client_as, auditor_org):
    client = client_as("auditor")
    agency = recruiter("Himalaya Jobs")
    url = reverse("registry:certification_new", kwargs={"organisation_id": agency.pk})
    assert client.get(url).status_code == 200
    bad = client.post(
        url, {"standard": "IRIS", "valid_from": days(10).isoformat(), "valid_to": days(1).isoformat()}
    )
    assert bad.status_code == 400
    good = client.post(
        url,
        {
            "standard": "IRIS",
            "level": "Certified",
            "valid_from": days(0).isoformat(),
            "valid_to": days(700).isoformat(),
        },
    )
    assert good.status_code == 302
    certification = Certification.objects.get()
    assert certification.auditor == auditor_org
    withdraw = reverse("registry:certification_withdraw", kwargs={"certification_id": certification.pk})
    assert client.post(withdraw, {"reason": "Fees found."}).status_code == 302
    assert Certification.objects.get().is_withdrawn


def test_the_staff_list_shows_the_officer_s_country_only_and_finds_by_number(client_as, authority):
    np_agency = recruiter("Everest Manpower")
    licence(np_agency, "NP-777/080")
    recruiter("Doha Builders", country="QA", kind="employer")
    recruiter("A ministry", kind=Organisation.Kind.AUTHORITY)
    page = client_as("officer").get(reverse("registry:manage")).content.decode()
    assert "Everest Manpower" in page
    assert "Doha Builders" not in page
    assert "A ministry" not in page
    found = client_as("officer").get(reverse("registry:manage"), {"q": "777 080"}).content.decode()
    assert "Everest Manpower" in found
    auditors = client_as("auditor").get(reverse("registry:manage")).content.decode()
    assert "Doha Builders" in auditors  # auditors work across borders
