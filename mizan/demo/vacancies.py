"""Demo data for the job board: published job offers on the demo corridors whose terms follow the rules
in force (checked by the compliance engine, like any other), one draft that is against the rules (a
recruitment fee charged to the worker, pay under the minimum) to show why it is blocked, and one draft by
the suspended agency "delta", which cannot be published.

Everything is synthetic: every title and description says "(demo)". Dates are relative to today. Needs
the taxonomy's common occupations (the taxonomy demo); without them it adds nothing and says so. Run
before the registry demo, the agencies have no licence yet and the offers stay drafts. Idempotent.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from mizan.accounts.models import Organisation, User
from mizan.common.errors import DomainError
from mizan.demo import data
from mizan.taxonomy.models import Occupation
from mizan.vacancies import services
from mizan.vacancies.checking import run_check
from mizan.vacancies.inputs import CostInput, LanguageNeed, VacancyInput
from mizan.vacancies.models import Vacancy

logger = logging.getLogger(__name__)
D = Decimal


@dataclass(frozen=True)
class DemoVacancy:
    poster: str  # a key of data.ORGANISATIONS
    employer: str
    occupation: str  # ESCO code of a common occupation
    title: str
    origins: tuple[str, ...]
    destination: str
    sector: str
    pay: tuple[str, str, str]  # amount, currency, period
    hours: tuple[str, str]  # a day, a week
    place: str
    description: str = ""
    text_language: str = "en"
    rest_days: str = "1"
    leave_days: int = 21
    overtime_rate: str | None = "1.25"
    housing: bool = True
    food: bool = True
    food_allowance: str | None = None
    workers: int = 10
    start_in_days: int = 75
    contract_months: int = 24
    languages: tuple[tuple[str, str], ...] = ()
    costs: tuple[tuple[str, str, str, str], ...] = ()  # category, amount, currency, who pays
    publish: bool = True
    staff: str | None = None  # the demo person who posts it, else the system


EMPLOYER_PAYS_NP = (
    ("recruitment_fee", "1500", "QAR", "employer"),
    ("visa_permit", "800", "QAR", "employer"),
    ("travel", "1200", "QAR", "employer"),
    ("medical", "300", "QAR", "employer"),
)
EMPLOYER_PAYS_HK = (
    ("recruitment_fee", "5000", "HKD", "employer"),
    ("travel", "3200", "HKD", "employer"),
    ("insurance", "600", "HKD", "employer"),
    ("medical", "700", "HKD", "employer"),
)
EMPLOYER_PAYS_SA = (
    ("recruitment_fee", "4000", "SAR", "employer"),
    ("visa_permit", "2000", "SAR", "employer"),
    ("travel", "1500", "SAR", "employer"),
)
EMPLOYER_PAYS_MY = (
    ("recruitment_fee", "2500", "MYR", "employer"),
    ("government_levy", "1850", "MYR", "employer"),
    ("travel", "1200", "MYR", "employer"),
    ("medical", "250", "MYR", "employer"),
)
EMPLOYER_PAYS_AE = (
    ("recruitment_fee", "3000", "AED", "employer"),
    ("visa_permit", "1500", "AED", "employer"),
    ("travel", "1100", "AED", "employer"),
)

VACANCIES: tuple[DemoVacancy, ...] = (
    DemoVacancy(
        "himalaya", "doha", "7112.1", "Bricklayers for a school building site (demo)", ("NP",), "QA",
        "construction", ("1400", "QAR", "month"), ("8", "44"), "Al Wakrah, Doha (demo)",
        "(demo, synthetic) Block and brick work on a two-storey school. Safety boots and helmet given. "
        "Transport to the site every day.", workers=25, costs=EMPLOYER_PAYS_NP, staff="agency",
        languages=(("en", "basic"),),
    ),
    DemoVacancy(
        "himalaya", "doha", "7214.3", "Steel fixers, Lusail towers (demo)", ("NP",), "QA", "construction",
        ("1650", "QAR", "month"), ("8", "48"), "Lusail (demo)",
        "(demo, synthetic) Fixing reinforcement steel for high-rise towers. Six working days a week.",
        workers=15, costs=EMPLOYER_PAYS_NP, staff="agency",
    ),
    DemoVacancy(
        "himalaya", "doha", "9313.1", "General construction helpers (demo)", ("NP", "IN"), "QA",
        "construction", ("1200", "QAR", "month"), ("8", "44"), "Industrial Area, Doha (demo)",
        "(demo, synthetic) Helping masons and carpenters on building sites.", workers=40,
        costs=EMPLOYER_PAYS_NP, staff="agency",
    ),
    DemoVacancy(
        "luzon", "kowloon", "9111.1", "Domestic helper for a family of four (demo)", ("PH",), "HK",
        "domestic_work", ("5100", "HKD", "month"), ("10", "60"), "Mong Kok, Kowloon (demo)",
        "(demo, synthetic) Cooking, cleaning and taking the children to school. Own room in the flat.",
        leave_days=14, overtime_rate=None, workers=1, costs=EMPLOYER_PAYS_HK, staff="agency.ph",
        languages=(("en", "good"),),
    ),
    DemoVacancy(
        "luzon", "kowloon", "5322.1", "Caregiver for an elderly grandmother (demo)", ("PH",), "HK",
        "domestic_work", ("5300", "HKD", "month"), ("10", "60"), "Tsim Sha Tsui, Kowloon (demo)",
        "(demo, synthetic) Caring for an 82-year-old woman at home. Training in first aid given.",
        leave_days=14, overtime_rate=None, workers=1, costs=EMPLOYER_PAYS_HK, staff="agency.ph",
        languages=(("en", "basic"), ("yue", "basic")),
    ),
    DemoVacancy(
        "padma", "riyadh", "9313.1", "Construction workers, metro stations (demo)", ("BD",), "SA",
        "construction", ("1500", "SAR", "month"), ("8", "48"), "Riyadh (demo)",
        "(demo, synthetic) Work on the new metro stations. Housing in a company camp with a canteen.",
        workers=60, overtime_rate="1.5", costs=EMPLOYER_PAYS_SA,
    ),
    DemoVacancy(
        "padma", "riyadh", "7411.1", "Building electricians (demo)", ("BD",), "SA", "construction",
        ("2200", "SAR", "month"), ("8", "48"), "Riyadh (demo)",
        "(demo, synthetic) Wiring of offices and flats. A trade certificate is needed.",
        workers=12, overtime_rate="1.5", costs=EMPLOYER_PAYS_SA, food=False, food_allowance="300",
    ),
    DemoVacancy(
        "nusantara", "selangor", "8212.3", "Electronics assembly operators (demo)", ("ID",), "MY",
        "manufacturing", ("1800", "MYR", "month"), ("8", "45"), "Shah Alam, Selangor (demo)",
        "(demo, synthetic) Assembling circuit boards in a clean room. Day and night shifts.",
        leave_days=12, overtime_rate="1.5", workers=30, costs=EMPLOYER_PAYS_MY, food=False,
    ),
    DemoVacancy(
        "nusantara", "selangor", "8153.1", "Sewing machine operators (demo)", ("ID",), "MY", "manufacturing",
        ("1750", "MYR", "month"), ("8", "45"), "Klang, Selangor (demo)",
        "(demo, synthetic) Sewing sportswear on industrial machines.", leave_days=12, overtime_rate="1.5",
        workers=20, costs=EMPLOYER_PAYS_MY, food=False,
    ),
    DemoVacancy(
        "lanka", "dubai", "9111.1", "عاملة منزلية لأسرة في دبي (تجريبي)", ("LK",), "AE", "domestic_work",
        ("1200", "AED", "month"), ("8", "48"), "Al Barsha, Dubai (demo)",
        "(demo, synthetic) تنظيف المنزل والطبخ لأسرة من خمسة أشخاص. غرفة خاصة وإجازة أسبوعية.",
        text_language="ar", leave_days=30, overtime_rate=None, workers=2, costs=EMPLOYER_PAYS_AE,
        languages=(("ar", "basic"), ("en", "basic")),
    ),
    DemoVacancy(
        "lanka", "dubai", "5120.1", "Cook for a staff canteen (demo)", ("LK",), "AE", "hospitality",
        ("1800", "AED", "month"), ("8", "48"), "Jebel Ali, Dubai (demo)",
        "(demo, synthetic) Cooking lunch for 200 workers. Halal kitchen.", leave_days=30, workers=3,
        costs=EMPLOYER_PAYS_AE,
    ),
    # Against the rules: the worker pays a recruitment fee and the pay is under Qatar's minimum wage.
    DemoVacancy(
        "himalaya", "doha", "7212.3", "Welders, urgent (demo, blocked)", ("NP",), "QA", "construction",
        ("800", "QAR", "month"), ("10", "60"), "Mesaieed (demo)",
        "(demo, synthetic) A draft that the check blocks: see why on its page.", workers=8,
        housing=False, food=False, publish=False, staff="agency",
        costs=(("recruitment_fee", "80000", "NPR", "worker"), ("travel", "1200", "QAR", "employer")),
    ),
    # Lawful terms, but the agency is suspended: it cannot publish.
    DemoVacancy(
        "delta", "riyadh", "9313.1", "Construction labourers (demo, suspended agency)", ("BD",), "SA",
        "construction", ("1500", "SAR", "month"), ("8", "48"), "Dammam (demo)",
        "(demo, synthetic) Posted by an agency under suspension: it cannot be published.", workers=20,
        overtime_rate="1.5", costs=EMPLOYER_PAYS_SA, publish=False, staff="agency.bd",
    ),
)  # fmt: skip


def _input(spec: DemoVacancy, organisations: dict[str, Organisation], today: dt.date) -> VacancyInput | None:
    occupation = Occupation.objects.filter(code=spec.occupation).first()
    if occupation is None:
        return None
    amount, currency, period = spec.pay
    return VacancyInput(
        employer=organisations[spec.employer],
        title=spec.title,
        description=spec.description,
        text_language=spec.text_language,
        occupation=occupation,
        destination=spec.destination,
        origins=list(spec.origins),
        sector=spec.sector,
        place_of_work=spec.place,
        number_of_workers=spec.workers,
        start_date=today + dt.timedelta(days=spec.start_in_days),
        apply_by=today + dt.timedelta(days=spec.start_in_days - 30),
        contract_months=spec.contract_months,
        pay_amount=D(amount),
        pay_currency=currency,
        pay_period=period,
        hours_per_day=D(spec.hours[0]),
        hours_per_week=D(spec.hours[1]),
        rest_days_per_week=D(spec.rest_days),
        annual_leave_days=spec.leave_days,
        overtime_rate=D(spec.overtime_rate) if spec.overtime_rate else None,
        accommodation_provided=spec.housing,
        food_provided=spec.food,
        food_allowance=D(spec.food_allowance) if spec.food_allowance else None,
        languages_needed=[LanguageNeed(code, level) for code, level in spec.languages],
        costs=[CostInput(category, D(value), money, who) for category, value, money, who in spec.costs],
    )


def _staff(email_local: str | None) -> User | None:
    if email_local is None:
        return None
    return User.objects.filter(email=f"{email_local}@{data.EMAIL_DOMAIN}").first()


def demo_vacancies_load(*, organisations: dict[str, Organisation]) -> int:
    """Adds the demo job offers (and publishes the lawful ones); returns how many records it added."""
    codes = {spec.occupation for spec in VACANCIES}
    if Occupation.objects.filter(code__in=codes).count() < len(codes):
        sys.stderr.write(
            "Demo job offers skipped: the common occupations are not loaded. "
            "Run the taxonomy import (`mizan demo` does it first) and try again.\n"
        )
        return 0
    today = dt.date.today()
    created = 0
    for spec in VACANCIES:
        created += _load(spec, organisations, today)
    return created


def _load(spec: DemoVacancy, organisations: dict[str, Organisation], today: dt.date) -> int:
    poster = organisations[spec.poster]
    actor = _staff(spec.staff)
    added = 0
    with transaction.atomic():
        vacancy = Vacancy.objects.filter(posted_by=poster, title=spec.title).first()
        if vacancy is None:
            data_in = _input(spec, organisations, today)
            if data_in is None:
                return 0
            vacancy = services.vacancy_create(actor=actor, posted_by=poster, data=data_in)
            added += 1
    if spec.publish and vacancy.status == Vacancy.Status.DRAFT:
        warnings = run_check(vacancy, on=today).warning_rule_ids
        try:
            services.vacancy_publish(actor=actor, vacancy=vacancy, acknowledged_warnings=warnings)
        except DomainError as error:  # e.g. the registry demo has not given the agency its licence yet
            logger.warning("demo job offer %r stays a draft: %s", spec.title, error)
    return added
