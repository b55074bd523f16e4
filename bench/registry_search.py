"""Registry: "check a recruiter" search over 10,000 organisations, and a licence-list import.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/registry_search.py)
Measures on SQLite in a temporary file (or on DATABASE_URL when it is set to an empty PostgreSQL database).
Targets: search (names in several scripts with typos, licence numbers) over 10,000 agencies and employers
<= 50 ms per query (median of the per-query medians), the slowest query <= 150 ms; building the in-memory
name index <= 2 s; checking a 50,000-row licence list (the largest allowed) <= 20 s; importing 5,000 new
licences with their organisations and ledger entries <= 60 s. Exit 1 when a target is missed.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MIZAN_ENV", "test")
_TMP = tempfile.mkdtemp(prefix="mizan-bench-")
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{_TMP}/registry.sqlite3"

import django  # noqa: E402
from _timing import median_ms  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from mizan.accounts.models import Organisation  # noqa: E402
from mizan.registry import importing, search  # noqa: E402
from mizan.registry.models import Licence  # noqa: E402
from mizan.registry.selectors import recruiters_search  # noqa: E402

ORGANISATIONS = 10_000
SEARCH_TARGET_MS = 50.0
SLOWEST_TARGET_MS = 150.0
BUILD_TARGET_S = 2.0
CHECK_TARGET_S = 20.0
IMPORT_TARGET_S = 60.0
FIRST = (
    "Himalaya", "Everest", "Sagarmatha", "Gorkha", "Annapurna", "Padma", "Meghna", "Jamuna", "Delta", "Lanka",
    "Ceylon", "Luzon", "Visayas", "Mindanao", "Nusantara", "Java", "Borneo", "Sumatra", "Gulf", "Pearl",
    "Crescent", "Oasis", "Falcon", "Lotus", "Golden", "Silver", "Royal", "Global", "Asian", "Orient", "Star",
    "Sunrise", "Horizon", "Summit", "Bridge", "Harbour", "Unity", "Trust", "Bright",
)  # fmt: skip
SECOND = (
    "Fair", "Overseas", "Manpower", "Human", "Career", "Karya", "Employment", "Placement", "Travel",
    "Workforce", "Talent", "Labour", "Job", "Recruitment", "Staffing", "Services", "Resources",
)  # fmt: skip
THIRD = (
    "Recruitment", "Services", "Agency", "Consultants", "Bureau", "International", "Mandiri", "Solutions",
    "Company", "Group",
)  # fmt: skip
COUNTRIES = ("NP", "BD", "LK", "PH", "ID", "IN", "PK", "QA", "SA", "AE", "MY", "HK")
QUERIES = [
    "Himalya Fair Recrutment",
    "hmalaya fair",
    "Padma Overses",
    "हिमालय फेयर",
    "পদ্মা ওভারসিজ",
    "دلتا مانباور",
    "ලංකා",
    "Лузон",
    "nusantra karya",
    "golden star",
    "xyzzy quartz",
    "NP-0001234",
    "np 12 34",
    "BD/000777",
]


def _populate() -> None:
    chooser = random.Random(7)
    organisations = []
    for number in range(ORGANISATIONS):
        name = f"{chooser.choice(FIRST)} {chooser.choice(SECOND)} {chooser.choice(THIRD)} {number}"
        country = COUNTRIES[number % len(COUNTRIES)]
        kind = "employer" if country in {"QA", "SA", "AE", "MY", "HK"} else "agency"
        organisations.append(
            Organisation(name=name, kind=kind, country=country, registration_number=f"BENCH-{number:06d}")
        )
    Organisation.objects.bulk_create(organisations, batch_size=2000)
    start = dt.date(2024, 1, 1)
    licences = [
        Licence(
            organisation=organisation,
            number=f"{organisation.country}-{index:07d}",
            number_key=search.number_key(f"{organisation.country}-{index:07d}"),
            issuing_authority_name="Bench authority",
            country=organisation.country,
            valid_from=start,
            valid_to=start + dt.timedelta(days=1000 + index % 900),
        )
        for index, organisation in enumerate(Organisation.objects.order_by("registration_number"))
        if organisation.kind == "agency"
    ]
    Licence.objects.bulk_create(licences, batch_size=2000)


def _csv(rows: int, prefix: str) -> bytes:
    lines = [",".join(importing.COLUMNS)]
    for number in range(rows):
        lines.append(
            f"{prefix}-{number:06d},Imported Agency {number},{prefix}-REG-{number:06d},agency,2025-01-01,"
            f"2027-12-31,active,Ward {number % 30}"
        )
    return ("\n".join(lines) + "\n").encode()


def main() -> int:
    call_command("migrate", verbosity=0, interactive=False)
    _populate()
    authority = Organisation.objects.create(name="Bench authority", kind="authority", country="NP")
    today = dt.date(2025, 6, 1)

    search._cached = None
    started = time.perf_counter()
    search.name_index()
    build_s = time.perf_counter() - started
    per_query = {q: median_ms(lambda q=q: recruiters_search(q, on=today), 15) for q in QUERIES}
    ordered = sorted(per_query.values())
    median, slowest = ordered[len(ordered) // 2], ordered[-1]

    big = _csv(importing.MAX_ROWS, "CHK")
    started = time.perf_counter()
    checked = importing.licences_check(big, authority_country="NP")
    check_s = time.perf_counter() - started
    started = time.perf_counter()
    imported = importing.licences_import(actor=None, authority=authority, data=_csv(5000, "IMP"))
    import_s = time.perf_counter() - started

    print(f"database: {connection.vendor}")
    print(f"organisations: {Organisation.objects.count():,}; licences before import: {10_000 * 7 // 12:,}")
    print(f"name index build: {build_s:.2f} s (target <= {BUILD_TARGET_S} s)")
    for query, ms in per_query.items():
        print(f"  search {query!r}: {ms:.1f} ms")
    print(f"search: median {median:.1f} ms (target <= {SEARCH_TARGET_MS} ms), slowest {slowest:.1f} ms "
          f"(target <= {SLOWEST_TARGET_MS} ms)")  # fmt: skip
    print(f"check {checked.total:,} rows: {check_s:.1f} s (target <= {CHECK_TARGET_S} s), ok={checked.ok}")
    print(f"import {imported.created:,} licences (+{imported.organisations_created:,} organisations, "
          f"ledger entries): {import_s:.1f} s (target <= {IMPORT_TARGET_S} s)")  # fmt: skip
    met = (
        build_s <= BUILD_TARGET_S
        and median <= SEARCH_TARGET_MS
        and slowest <= SLOWEST_TARGET_MS
        and check_s <= CHECK_TARGET_S
        and import_s <= IMPORT_TARGET_S
        and checked.ok
        and imported.created == 5000
    )
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
