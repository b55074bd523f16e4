"""Reading a worker's own time log: the sync cursor, the entries of a day, a week or a period with their
problems, and one entry's history. Only the worker themself (others read through selectors/shared.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.errors import NotFound, PermissionDenied
from mizan.wages import timeline
from mizan.wages.models import WageTerms, WorkEvent
from mizan.wages.periods import Period
from mizan.wages.timeline import Day, Entry, Problem

PAGE_MAX = 500


def require_own(actor: User, worker: User) -> None:
    if not actor.is_authenticated or actor.pk != worker.pk or not worker.is_worker:
        raise PermissionDenied(_("Only the worker can see their own time log here."))


def terms_of(worker: User) -> WageTerms | None:
    return WageTerms.objects.filter(worker=worker).select_related("employer").first()


def workplace_zone(worker: User, terms: WageTerms | None = None) -> str:
    """The time zone days are counted in: the workplace's (from the terms), else the zone the phone last
    sent, else the server's."""
    if terms is None:
        terms = terms_of(worker)
    if terms is not None and terms.time_zone:
        return terms.time_zone
    latest = (
        WorkEvent.objects.filter(worker=worker)
        .exclude(time_zone="")
        .order_by("-seq")
        .values_list("time_zone", flat=True)
        .first()
    )
    return latest or settings.TIME_ZONE


@dataclass(frozen=True)
class EventsPage:
    events: list[WorkEvent]
    next_since: int
    has_more: bool


def events_since(*, actor: User, worker: User, since: int = 0, limit: int = PAGE_MAX) -> EventsPage:
    """The worker's events stored after ``since`` (a seq), in order: what another device needs to catch up."""
    require_own(actor, worker)
    limit = max(1, min(limit, PAGE_MAX))
    rows = list(
        WorkEvent.objects.filter(worker=worker, seq__gt=since)
        .select_related("replaces")
        .order_by("seq")[: limit + 1]
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return EventsPage(rows, rows[-1].seq if rows else since, more)


def _entries(
    worker: User, starts: dt.datetime, ends: dt.datetime, *, zone: str, now: dt.datetime
) -> list[Entry]:
    # Events touching the window (a running entry, one past midnight, one whose end is before its start),
    # and the ids replaced by events elsewhere (an edit that moved an entry to another week).
    touching = Q(starts_at__lt=ends) & (
        Q(ends_at__gt=starts) | Q(ends_at__isnull=True) | Q(starts_at__gte=starts)
    )
    events = list(WorkEvent.objects.filter(touching, worker=worker).order_by("seq"))
    ids = [event.id for event in events]
    replaced = WorkEvent.objects.filter(worker=worker, replaces_id__in=ids).values_list(
        "replaces_id", flat=True
    )
    entries = timeline.current_entries(events, replaced_ids=[i for i in replaced if i is not None])
    timeline.check(entries, workplace_zone=zone, now=now)
    return entries


@dataclass
class LogView:
    """A stretch of days of the worker's log, ready for a page."""

    first: dt.date
    last: dt.date
    zone: str
    days: list[Day]
    entries: list[Entry]
    totals: dict[str, int]
    longest_rest: dt.timedelta | None = None
    running: list[Entry] = field(default_factory=list)

    @property
    def problems(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.to_correct]

    @property
    def notices(self) -> list[Problem]:
        """Explanations that concern many entries (a phone on home time), each once."""
        seen: dict[tuple[str, str], Problem] = {}
        for entry in self.entries:
            for problem in entry.problems:
                if problem.is_notice:
                    seen.setdefault((problem.code, repr(sorted(problem.params.items()))), problem)
        return list(seen.values())

    @property
    def worked_minutes(self) -> int:
        return sum(self.totals.get(kind, 0) for kind in timeline.WORKING_KINDS)


def log_view(
    *,
    actor: User,
    worker: User,
    first: dt.date,
    last: dt.date,
    now: dt.datetime | None = None,
    zone: str = "",
) -> LogView:
    """The entries of the workplace days ``first`` to ``last`` with totals and problems."""
    require_own(actor, worker)
    return build_log_view(worker=worker, first=first, last=last, now=now, zone=zone)


def build_log_view(
    *, worker: User, first: dt.date, last: dt.date, now: dt.datetime | None = None, zone: str = ""
) -> LogView:
    """``log_view`` without the check: for selectors that checked the reader themselves."""
    now = now or timezone.now()
    zone = zone or workplace_zone(worker)
    tz = timeline.zone_or_utc(zone)
    starts = timeline.day_bounds(first, tz)[0]
    ends = timeline.day_bounds(last, tz)[1]
    entries = _entries(worker, starts, ends, zone=zone, now=now)
    days = timeline.split_days(entries, first=first, last=last, workplace_zone=zone, now=now)
    shown = {entry.id for day in days for entry in day.entries}
    in_window = [e for e in entries if e.id in shown]
    view = LogView(first, last, zone, days, in_window, timeline.totals(days))
    if (last - first).days == 6:
        view.longest_rest = timeline.longest_rest(in_window, starts=starts, ends=ends, now=now)
    view.running = [e for e in in_window if e.is_running]
    return view


def period_view(*, actor: User, worker: User, period: Period, now: dt.datetime | None = None) -> LogView:
    return log_view(actor=actor, worker=worker, first=period.first, last=period.last, now=now)


def weeks_of(
    view: LogView, *, now: dt.datetime | None = None
) -> list[tuple[dt.date, int, dt.timedelta | None]]:
    """For each whole week (Monday to Sunday) inside the view: its Monday, minutes worked, longest rest."""
    now = now or timezone.now()
    tz = timeline.zone_or_utc(view.zone)
    found = []
    monday = timeline.week_start(view.first)
    if monday < view.first:
        monday += dt.timedelta(days=7)
    while monday + dt.timedelta(days=6) <= view.last:
        week_days = [d for d in view.days if monday <= d.day <= monday + dt.timedelta(days=6)]
        starts = timeline.day_bounds(monday, tz)[0]
        ends = timeline.day_bounds(monday + dt.timedelta(days=6), tz)[1]
        rest = timeline.longest_rest(view.entries, starts=starts, ends=ends, now=now)
        found.append((monday, sum(d.worked_minutes for d in week_days), rest))
        monday += dt.timedelta(days=7)
    return found


def running_entries(*, actor: User, worker: User) -> list[WorkEvent]:
    from mizan.wages.services.events import running_events

    require_own(actor, worker)
    return running_events(worker=worker)


@dataclass(frozen=True)
class History:
    current: WorkEvent | None  # None when the entry was deleted
    versions: list[WorkEvent]  # oldest first; a deletion is the last


def entry_history(*, actor: User, worker: User, event_id: UUID) -> History:
    """Every version of an entry, from the first to the current one (or its deletion)."""
    require_own(actor, worker)
    event = WorkEvent.objects.filter(worker=worker, pk=event_id).first()
    if event is None:
        raise NotFound(_("This entry does not exist, or it is not yours."))
    chain = [event]
    while chain[0].replaces_id is not None:
        previous = WorkEvent.objects.filter(worker=worker, pk=chain[0].replaces_id).first()
        if previous is None:
            break
        chain.insert(0, previous)
    while True:
        following = WorkEvent.objects.filter(worker=worker, replaces=chain[-1]).order_by("seq").first()
        if following is None:
            break
        chain.append(following)
    last = chain[-1]
    return History(current=None if last.is_deletion else last, versions=chain)


def local(moment: dt.datetime, zone: str) -> dt.datetime:
    """What the workplace clock showed at ``moment`` (naive: templates must not convert it again)."""
    return moment.astimezone(timeline.zone_or_utc(zone)).replace(tzinfo=None)
