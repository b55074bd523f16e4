"""Fixtures for the vacancies tests: a licensed agency (the personas' agency), an employer, real common
occupations, and a lawful Nepal → Qatar construction job to start from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from mizan.accounts.models import Organisation, User
from mizan.taxonomy.models import Occupation
from mizan.vacancies import services
from mizan.vacancies.models import Vacancy
from tests.personas import Personas
from tests.vacancies.factories import lawful_input, licence_for


@pytest.fixture
def agency(personas: Personas) -> Organisation:
    """The agency of the agency_admin and recruiter personas, with a licence in force."""
    organisation = personas.organisation(Organisation.Kind.AGENCY)
    licence_for(organisation)
    return organisation


@pytest.fixture
def employer_org(personas: Personas) -> Organisation:
    """The employer of the employer persona (a hiring manager), in Qatar."""
    organisation = personas.organisation(Organisation.Kind.EMPLOYER)
    organisation.country = "QA"
    organisation.save(update_fields=["country"])
    return organisation


@pytest.fixture
def bricklayer(common_taxonomy: dict[str, Occupation]) -> Occupation:
    return common_taxonomy["7112.1"]


@pytest.fixture
def make_vacancy(
    agency: Organisation, employer_org: Organisation, recruiter: User, bricklayer: Occupation
) -> Callable[..., Vacancy]:
    """``make_vacancy(publish=True, **overrides)``: a lawful NP → QA job posted by the recruiter."""

    def make(*, publish: bool = False, actor: User | None = None, **overrides: Any) -> Vacancy:
        data = lawful_input(employer_org, overrides.pop("occupation", bricklayer), **overrides)
        vacancy = services.vacancy_create(actor=actor or recruiter, posted_by=agency, data=data)
        if publish:
            services.vacancy_publish(actor=actor or recruiter, vacancy=vacancy, acknowledged_warnings=[])
        return Vacancy.objects.get(id=vacancy.id)

    return make


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()
