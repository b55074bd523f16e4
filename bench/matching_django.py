"""Matching, Django side: building the index from the database, and the shortlist and "Jobs for you"
requests end to end (HTTP through the test client: ranking, blind profiles through the access guard,
access records, ranking log, the page or JSON).

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/matching_django.py)
On SQLite in a temporary file (or on DATABASE_URL when it is set to an empty PostgreSQL database), with the
common occupations and synthetic profiles written in bulk: 200 (the demo's size) and 10,000.
Targets (median): build of 200 profiles <= 1 s, of 10,000 <= 10 s; shortlist page (20 candidates) and
candidates API (50) with 200 profiles <= 300 ms; "Jobs for you" page <= 200 ms. Exit 1 when one is missed.
"""

from __future__ import annotations

import datetime as dt
import os
import random
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
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='mizan-bench-')}/matching.sqlite3"

import django  # noqa: E402
from _timing import median_ms  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from mizan.accounts.models import Membership, Organisation, User  # noqa: E402
from mizan.matching.adapter import vacancy_catalogue, worker_index  # noqa: E402
from mizan.privacy.consent.models import Consent  # noqa: E402
from mizan.privacy.consent.purposes import PURPOSES  # noqa: E402
from mizan.profiles.models import Preferences, Profile, ProfileLanguage, ProfileOccupation, ProfileSkill  # noqa: E402
from mizan.taxonomy.models import Occupation, OccupationSkill  # noqa: E402
from mizan.taxonomy.services import taxonomy_import  # noqa: E402
from mizan.vacancies.models import Terms, Vacancy, VacancyCheck  # noqa: E402

BUILD_200_TARGET_S = 1.0
BUILD_10K_TARGET_S = 10.0
SHORTLIST_MS = 300.0
JOBS_TARGET_MS = 200.0
DESTINATIONS = ("QA", "SA", "AE", "MY", "HK")


def _profiles(count: int, first: int, rng: random.Random) -> list[User]:
    """``count`` workers allowing job matching, each with one or two kinds of work, skills, languages and
    wishes, written in bulk (the services write the same rows one worker at a time)."""
    occupations = list(Occupation.objects.filter(is_common=True))
    skills: dict[int, list[int]] = {}
    for occupation_id, skill_id in OccupationSkill.objects.values_list("occupation_id", "skill_id"):
        skills.setdefault(occupation_id, []).append(skill_id)
    workers = User.objects.bulk_create(
        [
            User(phone=f"+9779{first + n:09d}", kind=User.Kind.WORKER, preferred_language="ne")
            for n in range(count)
        ]
    )
    now = timezone.now()
    version = PURPOSES["job_matching"].notice_version
    Consent.objects.bulk_create(
        [Consent(worker=w, purpose="job_matching", notice_version=version, method="web") for w in workers]
    )
    profiles = Profile.objects.bulk_create([Profile(worker=w, changed_at=now) for w in workers])
    rows, chosen = [], []
    for profile in profiles:
        for main, occupation in enumerate(rng.sample(occupations, rng.choice((1, 1, 1, 2)))):
            rows.append(
                ProfileOccupation(
                    profile=profile,
                    occupation=occupation,
                    years_of_experience=Decimal(rng.randint(0, 150)) / 10,
                    is_main=main == 0,
                )
            )
            own = skills.get(occupation.pk, [])
            chosen.append(rng.sample(own, min(len(own), rng.randint(0, 15))))
    rows = ProfileOccupation.objects.bulk_create(rows)
    ProfileSkill.objects.bulk_create(
        [
            ProfileSkill(profile_occupation=row, skill_id=s)
            for row, ids in zip(rows, chosen, strict=True)
            for s in ids
        ],
        batch_size=5000,
    )
    ProfileLanguage.objects.bulk_create(
        [ProfileLanguage(profile=p, code="ne", level=3) for p in profiles]
        + [
            ProfileLanguage(profile=p, code="en", level=rng.randint(0, 3))
            for p in profiles
            if rng.random() < 0.5
        ]
    )
    Preferences.objects.bulk_create(
        [
            Preferences(
                profile=p,
                destinations=rng.sample(DESTINATIONS, 2),
                sectors=[],
                min_monthly_pay=Decimal(rng.choice((800, 1200, 2500))) if rng.random() < 0.5 else None,
                currency="QAR",
            )
            for p in profiles
        ]
    )
    return workers


def _vacancies(agency: Organisation, rng: random.Random) -> list[Vacancy]:
    employer = Organisation.objects.create(name="Bench employer", kind="employer", country="QA")
    found = []
    for occupation in rng.sample(list(Occupation.objects.filter(is_common=True)), 30):
        vacancy = Vacancy.objects.create(
            employer=employer, posted_by=agency, title=f"{occupation.preferred_label} (bench)",
            text_language="en", occupation=occupation, destination=rng.choice(DESTINATIONS),
            sector="construction",
            place_of_work="Bench", number_of_workers=5, start_date=dt.date.today() + dt.timedelta(days=90),
            contract_months=24,
        )  # fmt: skip
        Terms.objects.create(
            vacancy=vacancy, pay_amount=Decimal(2000), pay_currency="QAR", pay_period="month",
            hours_per_day=Decimal(8), hours_per_week=Decimal(48), rest_days_per_week=Decimal(1),
            annual_leave_days=21, pay_per_month=Decimal(2000), pay_per_month_usd=Decimal("549.45"),
            languages_needed=[{"language": "en", "level": "basic"}],
        )  # fmt: skip
        check = VacancyCheck.objects.create(
            vacancy=vacancy, checked_on=dt.date.today(), trigger="publish", terms_sha256="0" * 64
        )
        Vacancy.objects.filter(pk=vacancy.pk).update(
            status="published", published_at=timezone.now(), last_check=check
        )
        found.append(vacancy)
    return found


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    if not user.is_worker:
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def _build_seconds() -> float:
    worker_index().reset()
    started = time.perf_counter()
    worker_index().rebuild()
    return time.perf_counter() - started


def main() -> int:
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    call_command("migrate", verbosity=0, interactive=False)
    taxonomy_import(only_common=True)
    rng = random.Random(7)
    agency = Organisation.objects.create(name="Bench agency", kind="agency", country="NP")
    recruiter = User.objects.create_user(email="bench.recruiter@example.org", kind="staff")
    Membership.objects.create(user=recruiter, organisation=agency, role="recruiter")
    with transaction.atomic():
        workers = _profiles(200, 0, rng)
    vacancies = _vacancies(agency, rng)

    build_200 = min(_build_seconds() for _ in range(3))
    recruiter_client, worker_client = _signed_in(recruiter), _signed_in(workers[0])
    vacancy = max(
        vacancies,
        key=lambda v: ProfileOccupation.objects.filter(occupation=v.occupation).count(),
    )
    page = f"/matching/vacancies/{vacancy.id}/shortlist/"
    api = f"/api/v1/matching/vacancies/{vacancy.id}/candidates?k=50"
    assert recruiter_client.get(page).status_code == 200
    shown = recruiter_client.get(api).json()["candidates"]
    shortlist_ms = median_ms(lambda: recruiter_client.get(page), 15)
    api_ms = median_ms(lambda: recruiter_client.get(api), 15)
    vacancy_catalogue().reset()
    assert worker_client.get("/matching/for-me/").status_code == 200
    jobs_ms = median_ms(lambda: worker_client.get("/matching/for-me/"), 15)

    with transaction.atomic():
        _profiles(9_800, 1_000, rng)
    build_10k = _build_seconds()
    nbytes = worker_index().stats()["bytes"]

    lines = [
        f"database: {connection.vendor}",
        f"index build, 200 profiles:           {build_200 * 1000:7.1f} ms (target <= {BUILD_200_TARGET_S} s)",
        f"index build, 10,000 profiles:        {build_10k:7.2f} s  (target <= {BUILD_10K_TARGET_S} s; "
        f"{nbytes / 1_048_576:.1f} MiB)",
        f"shortlist page, 200 profiles, k=20: {shortlist_ms:7.1f} ms median (target <= {SHORTLIST_MS} ms)",
        f"candidates API, 200 profiles, k=50: {api_ms:7.1f} ms median (target <= {SHORTLIST_MS} ms; "
        f"{len(shown)} candidates)",
        f"jobs for you page, 30 vacancies:    {jobs_ms:7.1f} ms median (target <= {JOBS_TARGET_MS} ms)",
    ]
    print("\n".join(lines))
    met = (
        build_200 <= BUILD_200_TARGET_S
        and build_10k <= BUILD_10K_TARGET_S
        and shortlist_ms <= SHORTLIST_MS
        and api_ms <= SHORTLIST_MS
        and jobs_ms <= JOBS_TARGET_MS
    )
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
