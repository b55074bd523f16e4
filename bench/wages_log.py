"""The time log: a phone's sync, the worker's week and month, the inspectors' counts per employer.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/wages_log.py)
Measures on SQLite in a temporary file (or on DATABASE_URL when it is set to an empty PostgreSQL database).
Targets (median): a batch of 500 new events (a month kept offline) <= 1,500 ms; the same batch sent again
(all recognised) <= 400 ms; a week view <= 60 ms and a month view <= 200 ms for a worker with six months
of entries; the inspectors' counts for 200 workers' month (about 24,000 events) <= 2.5 s. Exit 1 when missed.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MIZAN_ENV", "test")
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='mizan-bench-')}/wages.sqlite3"

import django  # noqa: E402
from _timing import median_ms  # noqa: E402

django.setup()

from decimal import Decimal  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from mizan.accounts.models import Membership, Organisation, User  # noqa: E402
from mizan.wages.models import WorkEvent  # noqa: E402
from mizan.wages.periods import month_period  # noqa: E402
from mizan.wages.selectors.log import log_view  # noqa: E402
from mizan.wages.selectors.stats import hours_by_employer  # noqa: E402
from mizan.wages.services.events import EventInput, work_events_record  # noqa: E402
from mizan.wages.services.pay import TermsData, wage_terms_save  # noqa: E402

HK = ZoneInfo("Asia/Hong_Kong")
SYNC_TARGET_MS = 1500.0
RESEND_TARGET_MS = 400.0
WEEK_TARGET_MS = 60.0
MONTH_TARGET_MS = 200.0
COUNTS_TARGET_MS = 2500.0


def days(first: dt.date, count: int) -> list[EventInput]:
    """Four entries a day: two shifts, a meal break, an evening on call."""
    events = []
    for offset in range(count):
        day = first + dt.timedelta(days=offset)

        def at(hour: int, minute: int = 0, day: dt.date = day) -> dt.datetime:
            return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HK)

        for kind, start, end in (
            ("work", at(6, 30), at(12, 30)),
            ("meal_break", at(12, 30), at(13)),
            ("work", at(13), at(21)),
            ("standby", at(21), at(23)),
        ):
            events.append(
                EventInput(
                    client_id=uuid.uuid4(),
                    kind=kind,
                    starts_at=start,
                    ends_at=end,
                    utc_offset_minutes=480,
                    time_zone="Asia/Manila",
                    recorded_at=end,
                )
            )
    return events


def worker_with_terms(n: int, employer: Organisation) -> User:
    worker = User.objects.create_user(phone=f"+85251{n:06d}", kind="worker")
    wage_terms_save(
        actor=worker,
        worker=worker,
        data=TermsData(
            destination="HK",
            currency="HKD",
            pay_amount=Decimal("5100"),
            time_zone="Asia/Hong_Kong",
            employer=employer,
        ),
    )
    return worker


def main() -> int:
    call_command("migrate", verbosity=0, interactive=False)
    employer = Organisation.objects.create(name="Bench household", kind="employer", country="HK")
    authority = Organisation.objects.create(name="Bench labour office", kind="authority", country="HK")
    inspector = User.objects.create_user(email="bench.inspector@example.org", kind="staff")
    Membership.objects.create(user=inspector, organisation=authority, role="inspector")

    # A month kept on a phone, sent in one batch (each run in a fresh worker's log), then sent again.
    batch_workers = iter(worker_with_terms(900000 + n, employer) for n in range(10))
    batch = days(dt.date(2026, 9, 1), 125)[:500]

    def sync_new() -> object:
        worker = next(batch_workers)
        return work_events_record(actor=worker, worker=worker, events=batch)

    sync_ms = median_ms(sync_new, 5)
    resent = User.objects.filter(work_events__isnull=False).distinct().first()
    assert resent is not None
    resend_ms = median_ms(lambda: work_events_record(actor=resent, worker=resent, events=batch), 5)

    # A worker with six months of entries.
    busy = worker_with_terms(1, employer)
    half_year = days(dt.date(2026, 5, 1), 183)
    for start in range(0, len(half_year), 500):
        work_events_record(actor=busy, worker=busy, events=half_year[start : start + 500])
    week_ms = median_ms(
        lambda: log_view(actor=busy, worker=busy, first=dt.date(2026, 10, 5), last=dt.date(2026, 10, 11)), 20
    )
    month_ms = median_ms(
        lambda: log_view(actor=busy, worker=busy, first=dt.date(2026, 10, 1), last=dt.date(2026, 10, 31)), 10
    )

    # 200 workers with a month each, for the inspectors' counts.
    october = days(dt.date(2026, 10, 1), 31)
    with transaction.atomic():
        for n in range(200):
            worker = worker_with_terms(2 + n, employer)
            work_events_record(
                actor=worker,
                worker=worker,
                events=[EventInput(**{**e.__dict__, "client_id": uuid.uuid4()}) for e in october],
            )
    events = WorkEvent.objects.count()
    counts_ms = median_ms(lambda: hours_by_employer(actor=inspector, month=month_period(2026, 10)), 3)

    print(f"database: {connection.vendor}; {events} events")
    print(f"sync, 500 new events:           {sync_ms:8.1f} ms median (target <= {SYNC_TARGET_MS:.0f} ms)")
    print(f"sync, the same 500 again:       {resend_ms:8.1f} ms median (target <= {RESEND_TARGET_MS:.0f} ms)")
    print(f"week view, 6 months logged:     {week_ms:8.1f} ms median (target <= {WEEK_TARGET_MS:.0f} ms)")
    print(f"month view, 6 months logged:    {month_ms:8.1f} ms median (target <= {MONTH_TARGET_MS:.0f} ms)")
    print(f"inspector counts, 200 workers:  {counts_ms:8.1f} ms median (target <= {COUNTS_TARGET_MS:.0f} ms)")
    met = (
        sync_ms <= SYNC_TARGET_MS
        and resend_ms <= RESEND_TARGET_MS
        and week_ms <= WEEK_TARGET_MS
        and month_ms <= MONTH_TARGET_MS
        and counts_ms <= COUNTS_TARGET_MS
    )
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
