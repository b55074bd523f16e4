"""Vacancies: posting (checked at once) and publishing, the check itself, the job board, the daily re-check
and the facts matching reads, over 1,000 published vacancies.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/vacancies.py)
Measures on SQLite in a temporary file (or on DATABASE_URL when it is set to an empty PostgreSQL database).
Targets: create + publish one vacancy <= 80 ms (median); checking a vacancy with two origins <= 25 ms;
a job-board page (20 of 1,000, filtered by country and pay in dollars) <= 150 ms; the vacancy page
<= 60 ms; re-checking 1,000 published vacancies <= 30 s; facts of 1,000 published vacancies with pay
converted to dollars <= 1 s. Exit 1 when a target is missed.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MIZAN_ENV", "test")
_TMP = tempfile.mkdtemp(prefix="mizan-bench-")
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{_TMP}/vacancies.sqlite3"

import django  # noqa: E402
from _timing import median_ms  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from mizan.accounts.models import Organisation  # noqa: E402
from mizan.registry import services as registry  # noqa: E402
from mizan.taxonomy.models import Occupation  # noqa: E402
from mizan.taxonomy.services import taxonomy_import  # noqa: E402
from mizan.vacancies import services  # noqa: E402
from mizan.vacancies.checking import run_check  # noqa: E402
from mizan.vacancies.inputs import CostInput, VacancyInput  # noqa: E402
from mizan.vacancies.recheck import vacancies_recheck  # noqa: E402
from mizan.vacancies.selectors import published_vacancy_facts  # noqa: E402

VACANCIES = 1_000
CREATE_TARGET_MS = 80.0
CHECK_TARGET_MS = 25.0
BOARD_TARGET_MS = 150.0
DETAIL_TARGET_MS = 60.0
RECHECK_TARGET_S = 30.0
FACTS_TARGET_S = 1.0
CODES = ("7112.1", "7214.3", "9313.1", "7212.3", "7411.1", "7115.1")


def setup() -> tuple[Organisation, Organisation]:
    call_command("migrate", verbosity=0)
    taxonomy_import(only_common=True)
    agency = Organisation.objects.create(name="Bench agency", kind="agency", country="NP")
    today = dt.date.today()
    registry.licence_create(
        actor=None,
        organisation=agency,
        number="BENCH-1",
        valid_from=today - dt.timedelta(days=30),
        valid_to=today + dt.timedelta(days=900),
        issuing_authority_name="Bench authority",
    )
    employer = Organisation.objects.create(name="Bench employer", kind="employer", country="QA")
    return agency, employer


def data(employer: Organisation, occupation: Occupation, number: int) -> VacancyInput:
    return VacancyInput(
        employer=employer,
        title=f"Job {number}",
        text_language="en",
        occupation=occupation,
        destination="QA",
        origins=["NP", "IN"] if number % 3 == 0 else ["NP"],
        sector="construction",
        place_of_work="Doha",
        number_of_workers=1 + number % 50,
        start_date=dt.date.today() + dt.timedelta(days=30 + number % 300),
        contract_months=24,
        pay_amount=Decimal(1100 + number % 900),
        pay_currency="QAR",
        pay_period="month",
        hours_per_day=Decimal(8),
        hours_per_week=Decimal(44),
        rest_days_per_week=Decimal(1),
        annual_leave_days=21,
        accommodation_provided=True,
        food_provided=True,
        costs=[CostInput("recruitment_fee", Decimal(1500), "QAR", "employer")],
    )


def main() -> int:
    settings.ALLOWED_HOSTS = ["*"]
    settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    agency, employer = setup()
    occupations = [Occupation.objects.get(code=code) for code in CODES]
    samples = []
    for number in range(VACANCIES):
        started = time.perf_counter()
        vacancy = services.vacancy_create(
            actor=None, posted_by=agency, data=data(employer, occupations[number % len(CODES)], number)
        )
        services.vacancy_publish(actor=None, vacancy=vacancy)
        samples.append((time.perf_counter() - started) * 1000)
    create_ms = sorted(samples)[len(samples) // 2]
    two_origins = services.Vacancy.objects.filter(origins__country="IN").first()
    assert two_origins is not None
    check_ms = median_ms(lambda: run_check(two_origins, on=dt.date.today()), 50)
    client = Client()
    query = {"destination": "QA", "min_pay": "350", "currency": "USD", "page": "3"}
    client.get("/jobs/", query)
    board_ms = median_ms(lambda: client.get("/jobs/", query), 30)
    detail_ms = median_ms(lambda: client.get(f"/jobs/{two_origins.id}/"), 30)
    started = time.perf_counter()
    summary = vacancies_recheck(on=dt.date.today())
    recheck_s = time.perf_counter() - started
    started = time.perf_counter()
    facts = published_vacancy_facts(currency="USD")
    facts_s = time.perf_counter() - started
    assert summary.checked == VACANCIES == len(facts)
    results = [
        (f"create + publish one vacancy (median of {VACANCIES})", create_ms, CREATE_TARGET_MS, "ms"),
        ("check a vacancy with two origins (median)", check_ms, CHECK_TARGET_MS, "ms"),
        (f"job board page, 20 of {VACANCIES}, filtered (median)", board_ms, BOARD_TARGET_MS, "ms"),
        ("vacancy page (median)", detail_ms, DETAIL_TARGET_MS, "ms"),
        (f"re-check {VACANCIES} published vacancies", recheck_s, RECHECK_TARGET_S, "s"),
        (f"facts of {VACANCIES} published vacancies, pay in USD", facts_s, FACTS_TARGET_S, "s"),
    ]
    missed = 0
    for label, value, target, unit in results:
        ok = value <= target
        missed += not ok
        print(f"{label}: {value:.1f} {unit} (target <= {target:g} {unit}) {'ok' if ok else 'MISSED'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
