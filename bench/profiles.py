"""Profiles: matching_records throughput (the matching index's only way in) and a blind shortlist.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/profiles.py)
Measures on SQLite in a temporary file (or on DATABASE_URL when it is set to an empty PostgreSQL database):

1. the demo: 6 + 200 profiles made through the services (`demo_profiles_load`), then a full
   `matching_records()` over them;
2. 10,000 more profiles written in bulk (5-15 skills, 1-2 kinds of work, 1-3 languages each, 90% allowing
   job matching), then a full pass and a pass over the 1,000 changed last (`changed_since`);
3. `blind_profiles` for a shortlist of 50.

Targets: a full pass >= 5,000 profiles per CPU second at 10,000 profiles (a 1,000,000-profile index rebuilt
in under about 3.5 minutes of one core; CPU time, because SQLite runs in this process and a busy machine
stretches wall time); the shortlist of 50 <= 150 ms. Exit 1 when a target is missed.
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
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='mizan-bench-')}/profiles.sqlite3"
MEDIA = tempfile.mkdtemp(prefix="mizan-bench-media-")

import django  # noqa: E402
from _timing import median_ms  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from mizan.accounts.models import Organisation, User  # noqa: E402
from mizan.demo import data  # noqa: E402
from mizan.demo.profiles import demo_profiles_load  # noqa: E402
from mizan.demo.taxonomy import demo_taxonomy_load  # noqa: E402
from mizan.privacy.consent.models import Consent  # noqa: E402
from mizan.privacy.consent.purposes import PURPOSES  # noqa: E402
from mizan.profiles.models import (  # noqa: E402
    Preferences,
    Profile,
    ProfileLanguage,
    ProfileOccupation,
    ProfileSkill,
)
from mizan.profiles.selectors import blind_profiles, matching_records  # noqa: E402
from mizan.taxonomy.models import Occupation, OccupationSkill  # noqa: E402

BULK = 10_000
RATE_TARGET = 5_000.0  # profiles per second, full pass at BULK profiles
SHORTLIST_TARGET_MS = 150.0


def _bulk_profiles(count: int) -> None:
    """``count`` synthetic profiles written straight to the tables (bench data, not demo data)."""
    rng = random.Random(7)
    common = list(Occupation.objects.filter(is_common=True))
    skills = {
        occupation.pk: list(
            OccupationSkill.objects.filter(occupation=occupation).values_list("skill_id", flat=True)
        )
        for occupation in common
    }
    version = PURPOSES["job_matching"].notice_version
    now = timezone.now()
    for start in range(0, count, 2000):
        with transaction.atomic():
            users = User.objects.bulk_create(
                [
                    User(kind=User.Kind.WORKER, phone=f"+97798{50_000_000 + n:08d}")
                    for n in range(start, min(count, start + 2000))
                ]
            )
            profiles = Profile.objects.bulk_create(
                [
                    Profile(worker=user, changed_at=now - dt.timedelta(seconds=count - i))
                    for i, user in enumerate(users, start)
                ]
            )
            rows, picks = [], []
            for profile in profiles:
                for index, occupation in enumerate(rng.sample(common, k=rng.randint(1, 2))):
                    rows.append(
                        ProfileOccupation(
                            profile=profile,
                            occupation=occupation,
                            is_main=index == 0,
                            years_of_experience=Decimal(rng.randint(0, 30)) / 2,
                        )
                    )
                    picks.append(
                        rng.sample(
                            skills[occupation.pk], k=min(len(skills[occupation.pk]), rng.randint(5, 15))
                        )
                    )
            rows = ProfileOccupation.objects.bulk_create(rows)
            ProfileSkill.objects.bulk_create(
                [
                    ProfileSkill(profile_occupation=row, skill_id=skill)
                    for row, chosen in zip(rows, picks, strict=True)
                    for skill in chosen
                ]
            )
            ProfileLanguage.objects.bulk_create(
                [
                    ProfileLanguage(profile=profile, code=code, level=rng.randint(0, 3))
                    for profile in profiles
                    for code in rng.sample(["ne", "hi", "bn", "en", "ar", "fil", "id"], k=rng.randint(1, 3))
                ]
            )
            Preferences.objects.bulk_create(
                [
                    Preferences(
                        profile=profile,
                        destinations=rng.sample(["QA", "SA", "AE", "MY", "HK"], k=2),
                        sectors=["construction"],
                        min_monthly_pay=Decimal(rng.randint(800, 2500)),
                        currency="QAR",
                        available_from=dt.date(2027, 1, 1),
                    )
                    for profile in profiles
                ]
            )
            Consent.objects.bulk_create(
                [
                    Consent(worker=user, purpose="job_matching", notice_version=version, method="web")
                    for user in users
                    if rng.random() < 0.9
                ]
            )


def main() -> int:
    settings.MEDIA_ROOT = MEDIA
    call_command("migrate", verbosity=0, interactive=False)
    call_command("demo", "--quiet-sign-ins", verbosity=0)
    organisations = {spec.key: Organisation.objects.get(name=spec.name) for spec in data.ORGANISATIONS}
    demo_taxonomy_load(organisations=organisations)
    started = time.perf_counter()
    demo_profiles_load(organisations=organisations)
    demo_seconds = time.perf_counter() - started
    demo_count = len(list(matching_records()))
    demo_ms = median_ms(lambda: list(matching_records()), 10)

    _bulk_profiles(BULK)
    total = Profile.objects.count()
    started, cpu_started = time.perf_counter(), time.process_time()
    yielded = sum(1 for _ in matching_records())
    full_seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    rate = total / cpu_seconds
    cut = Profile.objects.order_by("-changed_at").values_list("changed_at", flat=True)[1000]
    changed_ms = median_ms(lambda: list(matching_records(changed_since=cut)), 5)

    recruiter = User.objects.get(email=f"agency@{data.EMAIL_DOMAIN}")
    shortlist = [facts.worker_id for facts in matching_records(batch_size=50)][:50]
    shortlist_ms = median_ms(
        lambda: blind_profiles(actor=recruiter, worker_ids=shortlist, organisation=organisations["himalaya"]),
        10,
    )

    print(f"database: {connection.vendor}")
    print(f"demo_profiles_load (6 + 200 profiles via services): {demo_seconds:6.2f} s")
    print(
        f"matching_records, demo ({demo_count} allowed profiles): {demo_ms:6.1f} ms median "
        f"({demo_count / demo_ms * 1000:,.0f} profiles/s)"
    )
    print(
        f"matching_records, full pass, {total:,} profiles ({yielded:,} allowed): {full_seconds:.2f} s wall, "
        f"{cpu_seconds:.2f} s CPU = {rate:,.0f} profiles per CPU second (target >= {RATE_TARGET:,.0f})"
    )
    print(
        f"  extrapolated full pass over 1,000,000 profiles: {1_000_000 / rate / 60:5.1f} min of CPU "
        f"({1_000_000 / (total / full_seconds) / 60:.1f} min wall at load {os.getloadavg()[0]:.1f})"
    )
    print(f"matching_records, changed_since (the last 1,000 changed): {changed_ms:6.1f} ms median")
    print(
        f"blind_profiles, shortlist of 50: {shortlist_ms:6.1f} ms median (target <= {SHORTLIST_TARGET_MS} ms)"
    )
    met = rate >= RATE_TARGET and shortlist_ms <= SHORTLIST_TARGET_MS
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
