"""The job board's demo data: lawful published offers on every demo corridor, a draft that the check blocks
with its reasons, a draft by the suspended agency that cannot be published; a worker finds lawful jobs in
Nepali and in Arabic. Loading twice adds nothing; loading before the registry's demo does not crash."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client

from mizan.accounts.models import Organisation
from mizan.common.errors import PermissionDenied
from mizan.demo import data
from mizan.demo.registry import demo_registry_load
from mizan.demo.taxonomy import demo_taxonomy_load
from mizan.demo.vacancies import VACANCIES, demo_vacancies_load
from mizan.taxonomy.models import OccupationTitle
from mizan.vacancies import services
from mizan.vacancies.checking import run_check
from mizan.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def demo_organisations() -> dict[str, Organisation]:
    return {
        spec.key: Organisation.objects.get(
            country=spec.country, registration_number=f"DEMO-{spec.country}-{index:03d}"
        )
        for index, spec in enumerate(data.ORGANISATIONS, start=1)
    }


@pytest.fixture
def bare() -> dict[str, Organisation]:
    """The demo organisations alone (no other demo data), so each loader runs in the order a test says."""
    from mizan.accounts import services as account_services

    return {
        spec.key: account_services.organisation_create(
            actor=None,
            data=account_services.OrganisationInput(
                name=spec.name,
                kind=spec.kind,
                country=spec.country,
                registration_number=f"DEMO-{spec.country}-{index:03d}",
            ),
            is_demo=True,
        )
        for index, spec in enumerate(data.ORGANISATIONS, start=1)
    }


@pytest.fixture
def organisations(bare: dict[str, Organisation]) -> dict[str, Organisation]:
    demo_taxonomy_load(organisations=bare)
    return bare


def test_the_demo_job_board_loads_once_with_lawful_offers_and_two_that_cannot_be_published(organisations):
    demo_registry_load(organisations=organisations)
    assert demo_vacancies_load(organisations=organisations) == len(VACANCIES)
    assert demo_vacancies_load(organisations=organisations) == 0
    assert Vacancy.objects.filter(title__in=[spec.title for spec in VACANCIES]).count() == len(VACANCIES)
    published = Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED)
    assert published.count() == len([spec for spec in VACANCIES if spec.publish]) >= 10
    assert {v.destination for v in published} == {"QA", "HK", "SA", "MY", "AE"}
    assert all("(demo" in v.title or "تجريبي" in v.title for v in Vacancy.objects.all())

    blocked = Vacancy.objects.get(title="Welders, urgent (demo, blocked)")
    assert blocked.status == Vacancy.Status.DRAFT
    rules = {f["rule_id"] for f in blocked.last_check.findings if f["severity"] == "violation"}
    assert {"QA.MW.2020-17", "NP.FVFT", "INT.ILO-FRP.GP07"} <= rules

    suspended = Vacancy.objects.get(posted_by=organisations["delta"])
    assert suspended.status == Vacancy.Status.DRAFT
    assert not run_check(suspended, on=suspended.last_check.checked_on).violations  # lawful terms, but…
    with pytest.raises(PermissionDenied) as error:
        services.vacancy_publish(actor=None, vacancy=suspended)
    assert error.value.code == "may_not_recruit"


def test_loading_before_the_registry_leaves_drafts_and_publishes_them_on_the_next_run(organisations):
    added = demo_vacancies_load(organisations=organisations)
    assert added == len(VACANCIES)
    published = Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED).count()
    demo_registry_load(organisations=organisations)
    assert demo_vacancies_load(organisations=organisations) == 0
    assert Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED).count() > published


def test_without_the_common_occupations_it_adds_nothing_and_says_so(bare, capsys):
    assert demo_vacancies_load(organisations=bare) == 0
    assert "common occupations are not loaded" in capsys.readouterr().err
    assert not Vacancy.objects.exists()


@pytest.mark.parametrize(("language", "direction"), [("ne", "ltr"), ("ar", "rtl")])
def test_a_worker_finds_lawful_jobs_in_nepali_and_arabic_after_mizan_demo(language: str, direction: str):
    call_command("demo", "--quiet-sign-ins")
    organisations = demo_organisations()
    demo_taxonomy_load(organisations=organisations)  # each adds nothing if `mizan demo` already did
    demo_registry_load(organisations=organisations)
    demo_vacancies_load(organisations=organisations)
    client = Client()
    client.cookies["mizan_language"] = language
    page = client.get("/jobs/", {"destination": "QA"}).content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in page
    bricklayer = OccupationTitle.objects.get(occupation__code="7112.1", language=language).title
    assert bricklayer in page
    ids = re.findall(r'href="/jobs/([0-9a-f-]{36})/"', page)
    assert len(ids) == 3  # the three lawful Qatar offers; the blocked welders are not there
    assert client.get(f"/jobs/{ids[0]}/").status_code == 200
