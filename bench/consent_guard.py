"""The access guard: one read (require_access) and a shortlist of 50 and 500 (require_access_many).

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/consent_guard.py)
Measures on SQLite in a temporary file (or on DATABASE_URL when it is set to an empty PostgreSQL database).
Targets (median): one read <= 5 ms; a shortlist of 50 <= 25 ms. Exit 1 when a target is missed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MIZAN_ENV", "test")
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='mizan-bench-')}/consent.sqlite3"

import django  # noqa: E402
from _timing import median_ms  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from mizan.accounts.models import Membership, Organisation, User  # noqa: E402
from mizan.privacy.consent.access import require_access, require_access_many  # noqa: E402
from mizan.privacy.consent.models import Method  # noqa: E402
from mizan.privacy.consent.services import consent_give  # noqa: E402

ONE_TARGET_MS = 5.0
FIFTY_TARGET_MS = 25.0


def main() -> int:
    call_command("migrate", verbosity=0, interactive=False)
    agency = Organisation.objects.create(name="Bench agency", kind="agency", country="NP")
    recruiter = User.objects.create_user(email="bench.recruiter@example.org", kind="staff")
    Membership.objects.create(user=recruiter, organisation=agency, role="recruiter")
    workers = [User.objects.create_user(phone=f"+9779800{n:06d}", kind="worker") for n in range(500)]
    for worker in workers[:300]:
        consent_give(worker=worker, purpose="job_matching", method=Method.WEB)

    def one() -> object:
        return require_access(
            actor=recruiter,
            worker=workers[0],
            purpose="job_matching",
            categories=["skills_experience"],
            organisation=agency,
        )

    def many(count: int) -> Callable[[], object]:
        return lambda: require_access_many(
            actor=recruiter,
            workers=workers[:count],
            purpose="job_matching",
            categories=["skills_experience"],
            organisation=agency,
        )

    one_ms = median_ms(one, 200)
    fifty_ms = median_ms(many(50), 50)
    five_hundred_ms = median_ms(many(500), 10)
    vendor = connection.vendor
    print(f"database: {vendor}")
    print(f"require_access, one read:             {one_ms:6.2f} ms median (target <= {ONE_TARGET_MS} ms)")
    print(
        f"require_access_many, shortlist of 50:  {fifty_ms:6.2f} ms median (target <= {FIFTY_TARGET_MS} ms)"
    )
    print(f"require_access_many, 500 workers:      {five_hundred_ms:6.2f} ms median (no target)")
    met = one_ms <= ONE_TARGET_MS and fifty_ms <= FIFTY_TARGET_MS
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
