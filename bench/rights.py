"""Data rights: the restriction check inside every guard, an export, an erasure, and a purge run.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/rights.py)
Measures on SQLite in a temporary file (or on DATABASE_URL when it is set to an empty PostgreSQL database).
Targets: the restriction check for a shortlist of 50 workers <= 2 ms (median; it runs inside every guard,
whose whole budget for 50 is 25 ms), 500 workers measured without a target;
one export of a worker with 200 access records <= 150 ms; one erasure <= 250 ms;
purging 10,000 expired access records and 1,000 consents <= 5 s. Exit 1 when a target is missed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MIZAN_ENV", "test")
_TMP = tempfile.mkdtemp(prefix="mizan-bench-")
os.environ["MIZAN_MEDIA_ROOT"] = f"{_TMP}/media"
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{_TMP}/rights.sqlite3"

import django  # noqa: E402
from _timing import median_ms  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from mizan.accounts.models import Membership, Organisation, User  # noqa: E402
from mizan.privacy.consent.models import AccessRecord, Consent, Method  # noqa: E402
from mizan.privacy.consent.purposes import PURPOSES  # noqa: E402
from mizan.privacy.consent.services import consent_give  # noqa: E402
from mizan.privacy.rights import restrictions, services  # noqa: E402
from mizan.privacy.rights.export import export_for  # noqa: E402
from mizan.privacy.rights.retention import retention_days  # noqa: E402
from mizan.workers import services as worker_services  # noqa: E402

CHECK_TARGET_MS = 2.0
EXPORT_TARGET_MS = 150.0
ERASE_TARGET_MS = 250.0
PURGE_TARGET_S = 5.0


def worker_with_data(number: int) -> User:
    worker = User.objects.create_user(phone=f"+9779811{number:06d}", kind="worker", display_name="Bench")
    worker_services.personal_details_update(
        actor=worker,
        worker=worker,
        data={"full_name": "Bench Worker", "passport_number": f"PB{number:07d}", "home_address": "Ward 1"},
    )
    worker_services.identity_document_add(
        actor=worker,
        worker=worker,
        file=SimpleUploadedFile("c.pdf", b"%PDF-1.4\n%%EOF\n"),
        kind="certificate",
    )
    return worker


def main() -> int:
    call_command("migrate", verbosity=0, interactive=False)
    agency = Organisation.objects.create(name="Bench agency", kind="agency", country="NP")
    recruiter = User.objects.create_user(email="bench.recruiter@example.org", kind="staff")
    Membership.objects.create(user=recruiter, organisation=agency, role="recruiter")

    workers = [User.objects.create_user(phone=f"+9779800{n:06d}", kind="worker") for n in range(500)]
    for worker in workers[:50]:
        services.restriction_set(actor=worker, worker=worker, kind="restrict", on=True)
    ids = [w.id for w in workers]
    shortlist = ids[:25] + ids[-25:]  # half of them restricted
    check_ms = median_ms(lambda: restrictions.refusals(shortlist, PURPOSES["job_matching"], None), 200)
    check_500_ms = median_ms(lambda: restrictions.refusals(ids, PURPOSES["job_matching"], None), 100)

    exporter = worker_with_data(1)
    consent_give(worker=exporter, purpose="job_matching", method=Method.WEB)
    AccessRecord.objects.bulk_create(
        AccessRecord(
            worker=exporter,
            actor=recruiter,
            organisation=agency,
            purpose="job_matching",
            categories=["skills_experience"],
            outcome="granted",
        )
        for _ in range(200)
    )
    export_ms = median_ms(lambda: export_for(actor=exporter, worker=exporter), 20)

    to_erase = [worker_with_data(100 + n) for n in range(20)]
    queue = iter(to_erase)
    erase_ms = median_ms(lambda: services.worker_erase(actor=(w := next(queue)), worker=w), len(to_erase))

    old = timezone.now() - timedelta(days=retention_days("access_records") + 1)
    AccessRecord.objects.bulk_create(
        AccessRecord(
            worker=workers[n % 500],
            actor=recruiter,
            purpose="job_matching",
            categories=["preferences"],
            outcome="granted",
            at=old,
        )
        for n in range(10_000)
    )
    withdrawn = timezone.now() - timedelta(days=retention_days("consents") + 1)
    Consent.objects.bulk_create(
        Consent(
            worker=workers[n % 500],
            purpose="equality_monitoring",
            notice_version=1,
            method="web",
            withdrawn_at=withdrawn,
            withdrawn_method="web",
        )
        for n in range(1_000)
    )
    started = time.perf_counter()
    report = services.purge_expired()
    purge_s = time.perf_counter() - started
    if report.counts["access_records"] != 10_000 or report.counts["consents"] != 1_000:
        print(f"the purge did not delete what it should: {report.counts}")
        return 1

    vendor = connection.vendor
    results = [
        (f"restriction check, 50 workers ({vendor})", check_ms, CHECK_TARGET_MS, "ms"),
        (f"export, 200 access records ({vendor})", export_ms, EXPORT_TARGET_MS, "ms"),
        (f"erasure, details + 1 document ({vendor})", erase_ms, ERASE_TARGET_MS, "ms"),
        (f"purge, 10,000 records + 1,000 consents ({vendor})", purge_s, PURGE_TARGET_S, "s"),
    ]
    print(f"restriction check, 500 workers ({vendor}): {check_500_ms:.2f} ms (no target)")
    ok = True
    for label, value, target, unit in results:
        met = value <= target
        ok = ok and met
        print(f"{label}: {value:.2f} {unit} (target <= {target:g} {unit}) {'met' if met else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
