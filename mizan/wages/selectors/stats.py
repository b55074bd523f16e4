"""Anonymous counts of working hours per employer, for labour inspectors (``wages.statistics``).

Only workers whose data may be used for the ``statistics`` purpose count (``workers_allowed``: a worker
who objected is left out), and only through the employer they named in their terms. No worker is named
and no cell under ``SMALL_CELL`` workers is shown: an employer with fewer such workers is listed as
"fewer than 5", and so is any count of 1 to 4. Weeks are whole Monday-to-Sunday weeks inside the month, in
each worker's workplace time zone.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import organisations_for
from mizan.common.errors import PermissionDenied
from mizan.privacy.consent.selectors import workers_allowed
from mizan.wages import timeline
from mizan.wages.models import WageTerms, WorkEvent
from mizan.wages.periods import Period

SMALL_CELL = 5
EXCESS_WEEK_MINUTES = 60 * 60  # more than 60 hours of work and stand-by in a week (48 + 12 overtime)


@dataclass(frozen=True)
class Cell:
    value: int | None  # None: suppressed (1 to SMALL_CELL - 1)

    @property
    def suppressed(self) -> bool:
        return self.value is None


def cell(count: int) -> Cell:
    return Cell(None if 0 < count < SMALL_CELL else count)


@dataclass(frozen=True)
class EmployerRow:
    organisation: Organisation
    shown: bool  # False: fewer than SMALL_CELL workers, nothing else is shown
    workers: Cell
    over_hours: Cell  # workers with at least one week over the limit
    no_weekly_rest: Cell  # workers with at least one week without 24 hours' rest
    average_week_minutes: int | None


def _countries(actor: User) -> set[str] | None:
    """The countries whose employers the inspector may see; None: all (Mizan's operators)."""
    if actor.is_superuser:
        return None
    authorities = organisations_for(actor, "wages.statistics")
    if not authorities.exists():
        raise PermissionDenied(_("Only labour inspectors can see these counts."))
    return set(authorities.values_list("country", flat=True))


def _weeks(month: Period) -> list[dt.date]:
    monday = timeline.week_start(month.first)
    if monday < month.first:
        monday += dt.timedelta(days=7)
    mondays = []
    while monday + dt.timedelta(days=6) <= month.last:
        mondays.append(monday)
        monday += dt.timedelta(days=7)
    return mondays


_NO_ID = UUID(int=0)  # the counts never need the phone's id


@dataclass(slots=True)
class _Row:
    """The columns of a WorkEvent the counts need (model instances cost 3x as much to load)."""

    id: UUID
    seq: int
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    created_at: dt.datetime
    replaces_id: UUID | None
    is_deletion: bool
    client_id: UUID = _NO_ID
    utc_offset_minutes: int | None = None
    time_zone: str = ""
    recorded_at: dt.datetime | None = None
    note: str = ""


_COLUMNS = ("id", "seq", "kind", "starts_at", "ends_at", "created_at", "replaces_id", "is_deletion")


def _worker_weeks(
    events: list[_Row], zone: str, mondays: list[dt.date], now: dt.datetime
) -> list[tuple[int, dt.timedelta | None]]:
    entries = timeline.current_entries(events)
    timeline.check_counted(entries)
    tz = timeline.zone_or_utc(zone)
    found = []
    for monday in mondays:
        starts, ends = (
            timeline.day_bounds(monday, tz)[0],
            timeline.day_bounds(monday + dt.timedelta(days=6), tz)[1],
        )
        worked = timeline.worked_minutes(entries, starts=starts, ends=ends, now=now)
        found.append((worked, timeline.longest_rest(entries, starts=starts, ends=ends, now=now)))
    return found


def hours_by_employer(*, actor: User, month: Period, now: dt.datetime | None = None) -> list[EmployerRow]:
    """One row per employer (in the inspector's country) named by workers who logged hours in ``month``."""
    now = now or timezone.now()
    countries = _countries(actor)
    mondays = _weeks(month)
    terms = WageTerms.objects.filter(employer__isnull=False, employer__kind=Organisation.Kind.EMPLOYER)
    if countries is not None:
        terms = terms.filter(employer__country__in=countries)
    by_worker = {t.worker_id: t for t in terms.select_related("employer")}
    allowed = workers_allowed(worker_ids=list(by_worker), purpose="statistics")
    starts = dt.datetime.combine(month.first - dt.timedelta(days=1), dt.time(0), tzinfo=dt.UTC)
    ends = dt.datetime.combine(month.last + dt.timedelta(days=2), dt.time(0), tzinfo=dt.UTC)
    events: dict[UUID, list[_Row]] = defaultdict(list)
    stored = (
        WorkEvent.objects.filter(
            worker_id__in=allowed, starts_at__lt=ends, starts_at__gte=starts - dt.timedelta(days=31)
        )
        .order_by("seq")
        .values_list("worker_id", *_COLUMNS)
    )
    for worker_id, *values in stored.iterator(chunk_size=5000):
        events[worker_id].append(_Row(*values))
    per_employer: dict[UUID, list[list[tuple[int, dt.timedelta | None]]]] = defaultdict(list)
    employers: dict[UUID, Organisation] = {}
    for worker_id, worker_events in events.items():
        terms_row = by_worker[worker_id]
        employer = terms_row.employer
        if employer is None:
            continue
        weeks = _worker_weeks(worker_events, terms_row.time_zone, mondays, now)
        if not any(worked for worked, _rest in weeks):
            continue
        employers[employer.pk] = employer
        per_employer[employer.pk].append(weeks)
    rows = []
    for key, workers in per_employer.items():
        count = len(workers)
        if count < SMALL_CELL:
            rows.append(EmployerRow(employers[key], False, cell(count), Cell(None), Cell(None), None))
            continue
        over = sum(1 for weeks in workers if any(worked > EXCESS_WEEK_MINUTES for worked, _r in weeks))
        no_rest = sum(
            1 for weeks in workers if any(r is not None and r < timeline.WEEKLY_REST for _w, r in weeks)
        )
        week_minutes = [worked for weeks in workers for worked, _r in weeks]
        average = sum(week_minutes) // len(week_minutes) if week_minutes else None
        rows.append(EmployerRow(employers[key], True, cell(count), cell(over), cell(no_rest), average))
    rows.sort(key=lambda row: row.organisation.name)
    return rows
