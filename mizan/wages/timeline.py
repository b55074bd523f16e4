"""From a worker's time-log events to the entries they see: the current version of each entry, split into
the workplace's days, with totals and the problems found (overlaps, entries in the future, a phone on
another time zone, clock changes, an entry left running).

Pure Python (no Django), so it can be tested on its own and reused. Times are aware datetimes; days are
days of the workplace's time zone (``zoneinfo``), so a worker abroad whose phone shows home time still
sees the hours of the place where they work.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# A phone's clock may be a little off, and an entry typed a few minutes ahead is not a mistake.
TOLERANCE = dt.timedelta(minutes=10)
LONG_ENTRY = dt.timedelta(hours=16)  # longer than this: probably a Stop that was forgotten
WEEKLY_REST = dt.timedelta(hours=24)
WORKING_KINDS = frozenset({"work", "standby"})
TIMED = WORKING_KINDS | {"meal_break", "rest"}
# A meal break written inside a work or stand-by entry is how it is meant (the calculator takes it out).
NESTED = frozenset({("meal_break", "work"), ("meal_break", "standby")})
NOT_COUNTED = frozenset({"end_before_start", "future"})  # left out of totals until corrected
# Explanations rather than mistakes: said once for the page, not under every entry.
NOTICES = frozenset({"zone_name_differs", "zone_differs"})


class EventLike(Protocol):
    """What the timeline needs of a stored event (mizan.wages.models.WorkEvent has all of it)."""

    id: UUID
    client_id: UUID
    seq: int
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    utc_offset_minutes: int | None
    time_zone: str
    recorded_at: dt.datetime | None
    created_at: dt.datetime
    replaces_id: UUID | None
    is_deletion: bool
    note: str


@dataclass(frozen=True)
class Problem:
    """Something the worker should look at. ``code`` names it; ``params`` fill its sentence."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def counted(self) -> bool:
        return self.code not in NOT_COUNTED

    @property
    def is_notice(self) -> bool:
        return self.code in NOTICES


@dataclass
class Entry:
    """The current version of one entry of the log, and what is wrong with it."""

    event: EventLike
    problems: list[Problem] = field(default_factory=list)
    forked: bool = False

    @property
    def id(self) -> UUID:
        return self.event.id

    @property
    def kind(self) -> str:
        return self.event.kind

    @property
    def starts_at(self) -> dt.datetime:
        return self.event.starts_at

    @property
    def ends_at(self) -> dt.datetime | None:
        return self.event.ends_at

    @property
    def is_running(self) -> bool:
        return self.event.ends_at is None

    @property
    def is_edited(self) -> bool:
        return self.event.replaces_id is not None

    @property
    def counted(self) -> bool:
        return all(problem.counted for problem in self.problems)

    @property
    def to_correct(self) -> list[Problem]:
        """The problems to show under the entry (not the page-wide notices)."""
        return [problem for problem in self.problems if not problem.is_notice]

    def end_or(self, now: dt.datetime) -> dt.datetime:
        return self.event.ends_at or max(now, self.event.starts_at)


def zone_or_utc(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name) if name else dt.UTC
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def current_entries(events: Iterable[EventLike], replaced_ids: Iterable[UUID] = ()) -> list[Entry]:
    """The entries as they stand: events nobody replaced, without deletions. ``replaced_ids`` adds ids
    replaced by events that are not in ``events`` (an edit that moved an entry out of the window)."""
    events = list(events)
    replaced = set(replaced_ids)
    replacers: dict[UUID, int] = defaultdict(int)
    for event in events:
        if event.replaces_id is not None:
            replaced.add(event.replaces_id)
            replacers[event.replaces_id] += 1
    entries = [
        Entry(event=event, forked=event.replaces_id is not None and replacers[event.replaces_id] > 1)
        for event in events
        if event.id not in replaced and not event.is_deletion
    ]
    entries.sort(key=lambda entry: (entry.starts_at, entry.event.seq))
    return entries


def _offset_minutes(zone: dt.tzinfo, moment: dt.datetime) -> int:
    offset = moment.astimezone(zone).utcoffset() or dt.timedelta(0)
    return int(offset.total_seconds() // 60)


def check(entries: Sequence[Entry], *, workplace_zone: str, now: dt.datetime) -> None:
    """Fill each entry's ``problems`` (in place)."""
    zone = zone_or_utc(workplace_zone)
    for entry in entries:
        entry.problems = _problems_of(entry, zone=zone, zone_name=workplace_zone, now=now)
    _mark_overlaps(entries, now=now)


def check_counted(entries: Sequence[Entry]) -> None:
    """Only the problems that keep an entry out of the totals (for counts over many workers)."""
    for entry in entries:
        event = entry.event
        entry.problems = [
            Problem(code)
            for code, found in (
                ("end_before_start", event.ends_at is not None and event.ends_at < event.starts_at),
                ("future", event.starts_at > event.created_at + TOLERANCE),
            )
            if found
        ]


def _problems_of(entry: Entry, *, zone: dt.tzinfo, zone_name: str, now: dt.datetime) -> list[Problem]:
    event = entry.event
    found: list[Problem] = []
    if event.ends_at is not None and event.ends_at < event.starts_at:
        found.append(Problem("end_before_start"))
    if event.starts_at > event.created_at + TOLERANCE:
        found.append(Problem("future"))
    if event.recorded_at is not None and event.recorded_at > event.created_at + TOLERANCE:
        found.append(Problem("phone_clock_ahead"))
    workplace_offset = _offset_minutes(zone, event.starts_at)
    phone_zone = event.time_zone
    phone_offset = event.utc_offset_minutes
    if (phone_zone and phone_zone != zone_name) or (
        phone_offset is not None and phone_offset != workplace_offset
    ):
        difference = (phone_offset - workplace_offset) if phone_offset is not None else 0
        found.append(
            Problem(
                "zone_differs" if difference else "zone_name_differs",
                {"phone_zone": phone_zone, "workplace_zone": zone_name, "difference": difference},
            )
        )
    if event.ends_at is not None and event.ends_at > event.starts_at:
        changed = _offset_minutes(zone, event.ends_at) - workplace_offset
        if changed:
            found.append(Problem("clock_changed", {"difference": changed}))
    if event.kind in TIMED:
        length = entry.end_or(now) - event.starts_at
        if length > LONG_ENTRY:
            found.append(
                Problem("running_long" if event.ends_at is None else "long", {"minutes": _mins(length)})
            )
    if entry.forked:
        found.append(Problem("forked"))
    return found


def _mark_overlaps(entries: Sequence[Entry], *, now: dt.datetime) -> None:
    # A sweep in start order: each entry is compared only with those still open when it starts.
    ordered = sorted((e for e in entries if e.end_or(now) > e.starts_at), key=lambda e: e.starts_at)
    open_entries: list[Entry] = []
    for entry in ordered:
        open_entries = [other for other in open_entries if other.end_or(now) > entry.starts_at]
        for other in open_entries:
            if (entry.kind, other.kind) in NESTED or (other.kind, entry.kind) in NESTED:
                continue
            other.problems.append(Problem("overlap", {"other": entry.id, "kind": entry.kind}))
            entry.problems.append(Problem("overlap", {"other": other.id, "kind": other.kind}))
        open_entries.append(entry)


def _mins(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() // 60)


# --- Days and weeks --------------------------------------------------------------------------------


def day_bounds(day: dt.date, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The instants a workplace day starts and ends (23 or 25 hours long on a clock-change day)."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    return start, end


@dataclass
class Day:
    day: dt.date
    entries: list[Entry] = field(default_factory=list)
    minutes: dict[str, int] = field(default_factory=dict)  # counted minutes per kind, within this day

    @property
    def worked_minutes(self) -> int:
        return sum(self.minutes.get(kind, 0) for kind in WORKING_KINDS)


def split_days(
    entries: Sequence[Entry], *, first: dt.date, last: dt.date, workplace_zone: str, now: dt.datetime
) -> list[Day]:
    """One Day per workplace date from ``first`` to ``last``: the entries touching it and the minutes of
    each kind inside it (an entry past midnight counts on both days)."""
    zone = zone_or_utc(workplace_zone)
    days: list[Day] = []
    current = first
    while current <= last:
        start, end = day_bounds(current, zone)
        day = Day(current)
        for entry in entries:
            entry_end = entry.end_or(now)
            if entry.starts_at < end and (entry_end > start or entry.starts_at >= start):
                day.entries.append(entry)
                if entry.counted and entry_end > entry.starts_at:
                    inside = min(entry_end, end) - max(entry.starts_at, start)
                    if inside > dt.timedelta(0):
                        day.minutes[entry.kind] = day.minutes.get(entry.kind, 0) + _mins(inside)
        days.append(day)
        current += dt.timedelta(days=1)
    return days


def totals(days: Iterable[Day]) -> dict[str, int]:
    summed: dict[str, int] = defaultdict(int)
    for day in days:
        for kind, minutes in day.minutes.items():
            summed[kind] += minutes
    return dict(summed)


def longest_rest(
    entries: Sequence[Entry], *, starts: dt.datetime, ends: dt.datetime, now: dt.datetime
) -> dt.timedelta | None:
    """The longest time without work or stand-by between ``starts`` and ``ends``; None when no work was
    written down there (nothing to judge)."""
    spans = sorted(
        (max(e.starts_at, starts), min(e.end_or(now), ends))
        for e in entries
        if e.kind in WORKING_KINDS and e.counted and e.starts_at < ends and e.end_or(now) > starts
    )
    if not spans:
        return None
    longest = spans[0][0] - starts
    reached = starts
    for span_start, span_end in spans:
        longest = max(longest, span_start - reached)
        reached = max(reached, span_end)
    return max(longest, ends - reached)


def worked_minutes(
    entries: Sequence[Entry], *, starts: dt.datetime, ends: dt.datetime, now: dt.datetime
) -> int:
    """Minutes of counted work and stand-by between ``starts`` and ``ends`` (one pass, no days)."""
    total = dt.timedelta(0)
    for entry in entries:
        if entry.kind in WORKING_KINDS and entry.counted:
            inside = min(entry.end_or(now), ends) - max(entry.starts_at, starts)
            if inside > dt.timedelta(0):
                total += inside
    return _mins(total)


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def local_instant(day: dt.date, time: dt.time, zone_name: str) -> tuple[dt.datetime, str]:
    """The instant a workplace clock showed ``time`` on ``day``, and "" or what was odd about it:
    "gap" (the clocks jumped over that time; read with the offset before the jump) or "fold" (that time
    came twice when the clocks went back; the first is taken)."""
    zone = zone_or_utc(zone_name)
    first = dt.datetime.combine(day, time, tzinfo=zone)
    second = first.replace(fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(dt.UTC), ""
    # Round trip: a time in a gap does not come back as itself.
    if first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != first.replace(tzinfo=None):
        return first.astimezone(dt.UTC), "gap"
    return first.astimezone(dt.UTC), "fold"
