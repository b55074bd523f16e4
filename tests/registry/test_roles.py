"""Who may open each registry page and call each endpoint: the public check for everyone, the staff pages
for authority officers and administrators (their own country) and auditors (certifications)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from mizan.accounts.models import Organisation
from mizan.registry import services
from mizan.registry.models import Licence, Sanction
from tests.personas import Personas
from tests.registry.helpers import days, licence, recruiter, sanction
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

STAFF_ONLY = everyone(403, anonymous=302, officer=200, auditor=200, platform_admin=200)
AUTHORITY_ONLY = everyone(403, anonymous=302, officer=200, platform_admin=200)
AUDITOR_ONLY = everyone(403, anonymous=302, auditor=200, platform_admin=200)


@pytest.fixture
def cast(personas: Personas) -> Personas:
    personas.all()  # every organisation exists before the first request
    return personas


@pytest.fixture
def np_agency(cast: Personas) -> Organisation:
    return cast.organisation(Organisation.Kind.AGENCY)


def test_the_public_pages_are_for_everyone(cast, np_agency):
    licence(np_agency, "NP-1")
    assert_role_matrix(cast, reverse("registry:search") + "?q=Test", everyone(200))
    assert_role_matrix(
        cast, reverse("registry:record", kwargs={"organisation_id": np_agency.pk}), everyone(200)
    )


def test_the_staff_list_is_for_authority_staff_and_auditors(cast):
    assert_role_matrix(cast, reverse("registry:manage"), STAFF_ONLY)


def test_only_authority_staff_add_licences_and_import(cast):
    assert_role_matrix(cast, reverse("registry:licence_new"), AUTHORITY_ONLY)
    assert_role_matrix(cast, reverse("registry:import"), AUTHORITY_ONLY)
    assert_role_matrix(cast, reverse("registry:import_template"), AUTHORITY_ONLY)


def test_a_licence_of_nepal_is_changed_by_nepal_s_officers_only(cast, np_agency):
    found = licence(np_agency, "NP-1")
    assert_role_matrix(
        cast, reverse("registry:licence_change", kwargs={"licence_id": found.pk}), AUTHORITY_ONLY
    )


def test_an_np_officer_cannot_touch_a_qatari_licence(cast):
    qatari = recruiter("Doha Builders", country="QA", kind="employer")
    found = licence(qatari, "QA-1")
    url = reverse("registry:licence_change", kwargs={"licence_id": found.pk})
    assert_role_matrix(cast, url, everyone(403, anonymous=302, platform_admin=200))
    assert_role_matrix(
        cast,
        url,
        everyone(403, anonymous=302, platform_admin=302),
        method="post",
        data={"action": "suspend", "reason": "Not yours."},
    )
    assert Licence.objects.get(pk=found.pk).status == Licence.Status.SUSPENDED  # by the platform admin only
    # The organisation's staff page: another country's recruiter is not even listed for the officer.
    page = reverse("registry:manage_organisation", kwargs={"organisation_id": qatari.pk})
    assert_role_matrix(cast, page, everyone(403, anonymous=302, officer=404, auditor=200, platform_admin=200))
    assert_role_matrix(
        cast,
        reverse("registry:sanction_new", kwargs={"organisation_id": qatari.pk}),
        everyone(403, anonymous=302, officer=404, platform_admin=200),
    )


def test_the_organisation_page_and_its_forms(cast, np_agency):
    kwargs = {"organisation_id": np_agency.pk}
    assert_role_matrix(cast, reverse("registry:manage_organisation", kwargs=kwargs), STAFF_ONLY)
    assert_role_matrix(cast, reverse("registry:sanction_new", kwargs=kwargs), AUTHORITY_ONLY)
    assert_role_matrix(cast, reverse("registry:certification_new", kwargs=kwargs), AUDITOR_ONLY)


def test_lifting_a_sanction_and_withdrawing_a_certification(cast, np_agency):
    imposed = sanction(np_agency, Sanction.Kind.WARNING)
    assert_role_matrix(
        cast, reverse("registry:sanction_lift", kwargs={"sanction_id": imposed.pk}), AUTHORITY_ONLY
    )
    certification = services.certification_record(
        actor=cast.auditor, organisation=np_agency, standard="IRIS", valid_from=days(-1), valid_to=days(300)
    )
    url = reverse("registry:certification_withdraw", kwargs={"certification_id": certification.pk})
    assert_role_matrix(cast, url, AUDITOR_ONLY)


def test_the_import_report_is_404_without_an_import(cast):
    assert_role_matrix(
        cast, reverse("registry:import_report"), everyone(403, anonymous=302, officer=404, platform_admin=404)
    )


# --- The API -------------------------------------------------------------------------------------------


def test_the_open_data_endpoints_are_for_everyone(cast, np_agency):
    licence(np_agency, "NP-1")
    for name in ("registry_licences", "registry_licences_csv"):
        assert_role_matrix(cast, reverse(f"api-v1:{name}"), everyone(200))
    assert_role_matrix(cast, reverse("api-v1:registry_search") + "?q=Test", everyone(200))
    assert_role_matrix(
        cast, reverse("api-v1:registry_record", kwargs={"organisation_id": np_agency.pk}), everyone(200)
    )


def test_adding_a_licence_through_the_api_is_for_authority_staff(cast):
    payload = {
        "organisation_name": "Everest Manpower",
        "registration_number": "REG-API-1",
        "kind": "agency",
        "number": "API-1",
        "valid_from": days(-1).isoformat(),
        "valid_to": days(300).isoformat(),
    }
    # The officer adds it; the platform administrator, coming later, meets the duplicate number.
    assert_role_matrix(
        cast,
        reverse("api-v1:registry_licence_create"),
        everyone(403, anonymous=401, officer=201, platform_admin=400),
        method="post",
        data=json.dumps(payload),
        content_type="application/json",
    )
    assert Licence.objects.get(number="API-1").issuing_authority == cast.organisation(
        Organisation.Kind.AUTHORITY
    )


def test_changing_a_licence_through_the_api_is_for_its_country_s_staff(cast, np_agency):
    found = licence(np_agency, "NP-1")
    url = reverse("api-v1:registry_licence_status", kwargs={"licence_id": found.pk})
    renew = json.dumps({"action": "renew", "valid_to": days(500).isoformat()})
    assert_role_matrix(
        cast,
        url,
        everyone(403, anonymous=401, officer=200, platform_admin=200),
        method="post",
        data=renew,
        content_type="application/json",
    )
    qatari = licence(recruiter("Doha Builders", country="QA", kind="employer"), "QA-1")
    assert_role_matrix(
        cast,
        reverse("api-v1:registry_licence_status", kwargs={"licence_id": qatari.pk}),
        everyone(403, anonymous=401, platform_admin=200),
        method="post",
        data=renew,
        content_type="application/json",
    )
