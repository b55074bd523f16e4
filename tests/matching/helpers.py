"""Building what matching reads, for tests: profiles through the profiles services (as a worker would),
published vacancies as rows (publishing through the vacancies app needs licences and rule checks that are
not what these tests are about)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.utils import timezone

from mizan.accounts.models import Organisation, User
from mizan.matching.adapter import vacancy_catalogue, worker_index
from mizan.privacy.consent.models import Consent
from mizan.privacy.consent.services import consent_give, consent_withdraw
from mizan.profiles import services
from mizan.taxonomy.models import Occupation
from mizan.taxonomy.selectors import skills_for
from mizan.vacancies.models import Terms, Vacancy, VacancyCheck
from mizan.workers.services import personal_details_update
from tests.factories import OrganisationFactory, WorkerFactory

WELDER = "7212.3"
CLEANER = "9111.1"


def reset_matching() -> None:
    worker_index().reset()
    vacancy_catalogue().reset()


def skill_ids(occupation: Occupation, *, essential: int = 3, optional: int = 0) -> list[int]:
    first, other = skills_for(occupation)
    return [skill.pk for skill in first[:essential]] + [skill.pk for skill in other[:optional]]


def build_profile(
    worker: User,
    taxonomy: Mapping[str, Occupation],
    *,
    code: str = WELDER,
    years: str = "4",
    essential: int = 3,
    optional: int = 0,
    languages: Mapping[str, int] | None = None,
    destinations: Iterable[str] = ("QA",),
    sectors: Iterable[str] = (),
    min_pay: str | None = None,
    currency: str = "QAR",
    available_from: dt.date | None = None,
    consent: bool = True,
) -> User:
    occupation = taxonomy[code]
    services.occupation_save(
        actor=worker,
        worker=worker,
        code=code,
        years_of_experience=Decimal(years),
        skill_ids=skill_ids(occupation, essential=essential, optional=optional),
    )
    for language, level in (languages if languages is not None else {"ne": 3, "en": 1}).items():
        services.language_set(actor=worker, worker=worker, code=language, level=level)
    services.preferences_set(
        actor=worker,
        worker=worker,
        destinations=list(destinations),
        sectors=list(sectors),
        min_monthly_pay=Decimal(min_pay) if min_pay is not None else None,
        currency=currency if min_pay is not None else "",
        available_from=available_from,
    )
    if consent:
        consent_give(worker=worker, purpose="job_matching", method="web")
    return worker


def new_worker(taxonomy: Mapping[str, Occupation], **profile: Any) -> User:
    return build_profile(WorkerFactory(), taxonomy, **profile)


def stop_matching(worker: User) -> None:
    consent = Consent.objects.get(worker=worker, purpose="job_matching", withdrawn_at__isnull=True)
    consent_withdraw(actor=worker, consent=consent)


def give_personal_details(worker: User, *, name: str, birth: str, address: str) -> None:
    """Sealed personal details that matching must never see (name, date of birth, a home address)."""
    data = {"full_name": name, "date_of_birth": dt.date.fromisoformat(birth), "home_address": address}
    personal_details_update(actor=worker, worker=worker, data=data)


def published_vacancy(
    taxonomy: Mapping[str, Occupation],
    *,
    posted_by: Organisation | None = None,
    employer: Organisation | None = None,
    code: str = WELDER,
    destination: str = "QA",
    sector: str = "construction",
    pay: str = "2000",
    currency: str = "QAR",
    pay_usd: str | None = None,
    start_in_days: int = 90,
    languages: Iterable[tuple[str, str]] = (),
    title: str = "Welder (test)",
    status: str = Vacancy.Status.PUBLISHED,
) -> Vacancy:
    posted_by = posted_by or OrganisationFactory(kind=Organisation.Kind.AGENCY)
    employer = employer or OrganisationFactory(kind=Organisation.Kind.EMPLOYER, country=destination)
    vacancy = Vacancy.objects.create(
        employer=employer,
        posted_by=posted_by,
        title=title,
        text_language="en",
        occupation=taxonomy[code],
        destination=destination,
        sector=sector,
        place_of_work="Test site",
        number_of_workers=5,
        start_date=dt.date.today() + dt.timedelta(days=start_in_days),
        contract_months=24,
    )
    usd = (
        Decimal(pay_usd)
        if pay_usd is not None
        else (Decimal(pay) / Decimal("3.64")).quantize(Decimal("0.01"))
    )
    Terms.objects.create(
        vacancy=vacancy,
        pay_amount=Decimal(pay),
        pay_currency=currency,
        pay_period="month",
        hours_per_day=Decimal(8),
        hours_per_week=Decimal(48),
        rest_days_per_week=Decimal(1),
        annual_leave_days=21,
        languages_needed=[{"language": code_, "level": level} for code_, level in languages],
        pay_per_month=Decimal(pay),
        pay_per_month_usd=usd if currency != "XTS" else None,
    )
    if status == Vacancy.Status.PUBLISHED:
        check = VacancyCheck.objects.create(
            vacancy=vacancy, checked_on=dt.date.today(), trigger="publish", terms_sha256="0" * 64
        )
        vacancy.status = status
        vacancy.published_at = timezone.now()
        vacancy.last_check = check
        vacancy.save()
    return vacancy
