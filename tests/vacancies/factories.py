"""Building blocks for vacancies tests: inputs, licences and sanctions (through the registry's services)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from mizan.accounts.models import Organisation
from mizan.registry import services as registry
from mizan.registry.models import Licence, Sanction
from mizan.taxonomy.models import Occupation
from mizan.vacancies.inputs import CostInput, LanguageNeed, VacancyInput

_numbers = itertools.count(1)

EMPLOYER_PAYS = [
    CostInput("recruitment_fee", Decimal("1500"), "QAR", "employer"),
    CostInput("travel", Decimal("1200"), "QAR", "employer"),
]


def lawful_input(employer: Organisation, occupation: Occupation, **overrides: Any) -> VacancyInput:
    """Bricklayers, Nepal → Qatar: QAR 1,400 a month, 8 h a day, 44 h a week, housing and food given, the
    employer pays every cost: nothing against the rules and no warning."""
    data = VacancyInput(
        employer=employer,
        title="Bricklayers for a school",
        description="Block work on a school building site.",
        text_language="en",
        occupation=occupation,
        destination="QA",
        origins=["NP"],
        sector="construction",
        place_of_work="Doha",
        number_of_workers=10,
        start_date=dt.date.today() + dt.timedelta(days=60),
        contract_months=24,
        pay_amount=Decimal("1400"),
        pay_currency="QAR",
        pay_period="month",
        hours_per_day=Decimal("8"),
        hours_per_week=Decimal("44"),
        rest_days_per_week=Decimal("1"),
        annual_leave_days=21,
        overtime_rate=Decimal("1.25"),
        accommodation_provided=True,
        food_provided=True,
        languages_needed=[LanguageNeed("en", "basic")],
        costs=list(EMPLOYER_PAYS),
    )
    return dataclasses.replace(data, **overrides)


def licence_for(organisation: Organisation, *, valid_to: dt.date | None = None, **fields: Any) -> Licence:
    today = dt.date.today()
    return registry.licence_create(
        actor=None,
        organisation=organisation,
        number=f"TEST-{next(_numbers):05d}",
        valid_from=fields.pop("valid_from", today - dt.timedelta(days=400)),
        valid_to=valid_to if valid_to is not None else today + dt.timedelta(days=400),
        issuing_authority_name="Test licensing authority",
        **fields,
    )


def suspend(organisation: Organisation) -> Sanction:
    return registry.sanction_impose(
        actor=None,
        organisation=organisation,
        kind=Sanction.Kind.SUSPENSION,
        reason="Charged workers recruitment fees (test).",
        starts_on=dt.date.today() - dt.timedelta(days=1),
        authority_name="Test licensing authority",
    )


def posted(personas: Any, *, publish: bool = True, **overrides: Any) -> Any:
    """A vacancy posted by the recruiter persona's (licensed) agency for the employer persona's employer,
    with the common occupations loaded: for page lists, where fixtures cannot be used."""
    from mizan.taxonomy.models import Occupation as OccupationModel
    from mizan.taxonomy.services import taxonomy_import
    from mizan.vacancies import services
    from mizan.vacancies.models import Vacancy

    if not OccupationModel.objects.filter(code="7112.1").exists():
        taxonomy_import(only_common=True)
    agency = personas.organisation(Organisation.Kind.AGENCY)
    if not Licence.objects.filter(organisation=agency).exists():
        licence_for(agency)
    employer = personas.organisation(Organisation.Kind.EMPLOYER)
    occupation = OccupationModel.objects.get(code=overrides.pop("occupation_code", "7112.1"))
    data = lawful_input(employer, occupation, **overrides)
    recruiter = personas.recruiter
    vacancy = services.vacancy_create(actor=recruiter, posted_by=agency, data=data)
    if publish:
        warnings = vacancy.last_check.warning_rule_ids if vacancy.last_check else []
        services.vacancy_publish(actor=recruiter, vacancy=vacancy, acknowledged_warnings=warnings)
    return Vacancy.objects.get(id=vacancy.id)
