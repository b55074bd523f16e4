"""From logged entries to clean pieces of time, each inside one local day of the workplace.

Every duration is a difference of UTC instants, so a clock change (daylight saving time, or a phone set
to another zone) never adds or loses time; days and weeks are read in the workplace zone (``Period.tz``).
Nothing is dropped silently: every entry left out or changed is named in a ``Problem``.

Rules, in this order:

1. A time without an offset is read as workplace time (``no_offset``). An entry whose offset is not the
   workplace's at that instant is converted to workplace time (``timezone_differs``).
2. An entry that ends at or before it starts is left out (``bad_range``). An entry after ``now`` is left
   out (``future``); one running past ``now`` counts up to ``now`` (``future_part``). Time outside the
   period is left out (``outside_period``, ``partly_outside``).
3. Overlaps: a later entry (later in the list, i.e. recorded later) wins the overlapping time from an
   earlier one, so no time counts twice; when work or stand-by is involved the worker is told
   (``overlap``). A meal break always wins, quietly: a break inside a shift is normal. An entry of kind
   ``public_holiday`` claims no time: it marks the local days it covers as public holidays.
4. Pieces are cut at every local midnight. A day whose length is not 24 hours (a clock change in the
   workplace zone) is named (``clock_change``).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from mizan.wages.engine.inputs import Entry, EntryKind, Period
from mizan.wages.engine.results import Problem

UTC = dt.UTC
DAY = dt.timedelta(days=1)
_BUSY = frozenset({EntryKind.WORK, EntryKind.STANDBY})


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of one entry inside one local day (start and end in UTC)."""

    day: dt.date
    kind: EntryKind
    entry_id: str
    start: dt.datetime
    end: dt.datetime

    @property
    def length(self) -> dt.timedelta:
        return self.end - self.start


@dataclass
class Timeline:
    pieces: list[Piece]
    holidays: set[dt.date]  # days the worker marked as public holidays
    problems: list[Problem]
    window_start: dt.datetime  # UTC: the period's first local midnight
    window_end: dt.datetime  # UTC: the midnight after its last day
    counted_end: dt.datetime  # UTC: min(window_end, now)
    last_day: dt.date | None  # the last local day counted (None: the whole period is in the future)
    entry_ids: set[str] = field(default_factory=set)


def midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(UTC)


def _offset_text(offset: dt.timedelta | None) -> str:
    minutes = int((offset or dt.timedelta(0)).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class _Grouped:
    """Problems of one code and the same parameters gather their entry ids into one problem."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, tuple[tuple[str, str], ...]], list[str]] = {}

    def add(self, code: str, entry_id: str, **params: str) -> None:
        self._ids.setdefault((code, tuple(sorted(params.items()))), []).append(entry_id)

    def problems(self) -> list[Problem]:
        return [
            Problem(code, tuple(dict.fromkeys(ids)), dict(params))
            for (code, params), ids in self._ids.items()
        ]


def _paint(
    painted: list[tuple[dt.datetime, dt.datetime, int]],
    start: dt.datetime,
    end: dt.datetime,
    index: int,
    overlaps: dict[tuple[int, int], dt.timedelta] | None,
) -> None:
    """Put [start, end) of entry ``index`` over the disjoint sorted segments ``painted``, trimming what it
    covers; record the covered time per (earlier, later) entry pair in ``overlaps``."""
    position = bisect.bisect_left(painted, (start,))
    if position and painted[position - 1][1] > start:
        position -= 1
    kept: list[tuple[dt.datetime, dt.datetime, int]] = []
    stop = position
    while stop < len(painted) and painted[stop][0] < end:
        old_start, old_end, old_index = painted[stop]
        if overlaps is not None:
            covered = min(old_end, end) - max(old_start, start)
            if covered > dt.timedelta(0):
                key = (old_index, index)
                overlaps[key] = overlaps.get(key, dt.timedelta(0)) + covered
        if old_start < start:
            kept.append((old_start, start, old_index))
        if old_end > end:
            kept.append((end, old_end, old_index))
        stop += 1
    kept.append((start, end, index))
    kept.sort()
    painted[position:stop] = kept


def _zone_differs(start: dt.datetime, end: dt.datetime, zone: ZoneInfo) -> dict[str, str] | None:
    """The offsets, when the entry's offset is not the workplace's at that instant (a phone on home time)."""
    for moment in (start, end):
        workplace = moment.astimezone(zone).utcoffset()
        if moment.utcoffset() != workplace:
            return {
                "entry_offset": _offset_text(moment.utcoffset()),
                "workplace_offset": _offset_text(workplace),
            }
    return None


def build_timeline(entries: list[Entry], period: Period, now: dt.datetime) -> Timeline:
    zone = period.zone
    window_start = midnight(period.start, zone)
    window_end = midnight(period.end + DAY, zone)
    now_utc = now.astimezone(UTC)
    counted_end = min(window_end, max(now_utc, window_start))
    grouped = _Grouped()
    holidays: set[dt.date] = set()
    accepted: list[tuple[dt.datetime, dt.datetime, int]] = []
    for index, entry in enumerate(entries):
        start, end = entry.start, entry.end
        if start.tzinfo is None or start.utcoffset() is None:
            grouped.add("no_offset", entry.id, zone=period.tz)
            start = start.replace(tzinfo=zone)
        if end.tzinfo is None or end.utcoffset() is None:
            grouped.add("no_offset", entry.id, zone=period.tz)
            end = end.replace(tzinfo=zone)
        try:
            differs = _zone_differs(start, end, zone)
            start, end = start.astimezone(UTC), end.astimezone(UTC)
        except (OverflowError, ValueError):  # a time at the very edge of the calendar
            grouped.add("bad_range", entry.id)
            continue
        if differs is not None:
            grouped.add("timezone_differs", entry.id, **differs, zone=period.tz)
        if end <= start:
            grouped.add("bad_range", entry.id)
            continue
        if start >= now_utc:
            grouped.add("future", entry.id)
            continue
        if end > now_utc:
            grouped.add("future_part", entry.id)
            end = now_utc
        if end <= window_start or start >= window_end:
            grouped.add("outside_period", entry.id)
            continue
        if start < window_start or end > window_end:
            grouped.add("partly_outside", entry.id)
            start, end = max(start, window_start), min(end, window_end)
        if entry.kind is EntryKind.PUBLIC_HOLIDAY:
            day = start.astimezone(zone).date()
            last = (end - dt.timedelta(microseconds=1)).astimezone(zone).date()
            while day <= last:
                holidays.add(day)
                day += DAY
            continue
        accepted.append((start, end, index))

    painted: list[tuple[dt.datetime, dt.datetime, int]] = []
    overlaps: dict[tuple[int, int], dt.timedelta] = {}
    for start, end, index in accepted:
        if entries[index].kind is not EntryKind.MEAL_BREAK:
            _paint(painted, start, end, index, overlaps)
    for start, end, index in accepted:
        if entries[index].kind is EntryKind.MEAL_BREAK:
            _paint(painted, start, end, index, None)

    problems = grouped.problems()
    for (earlier, later), covered in sorted(overlaps.items()):
        kinds = {entries[earlier].kind, entries[later].kind}
        if not kinds & _BUSY or earlier == later:
            continue  # rest over a day off and the like: nothing is paid differently
        problems.append(
            Problem(
                "overlap",
                (entries[earlier].id, entries[later].id),
                {
                    "kept": entries[later].id,
                    "dropped": entries[earlier].id,
                    "minutes": str(int(covered.total_seconds() // 60)),
                },
            )
        )

    pieces: list[Piece] = []
    short_days: dict[dt.date, list[str]] = defaultdict(list)
    for start, end, index in painted:
        entry = entries[index]
        day = start.astimezone(zone).date()
        cursor = start
        while cursor < end:
            boundary = midnight(day + DAY, zone)
            if boundary <= cursor:  # a zone whose midnight repeats; step on
                day += DAY
                continue
            stop = min(end, boundary)
            pieces.append(Piece(day, entry.kind, entry.id, cursor, stop))
            if boundary - midnight(day, zone) != DAY:
                short_days[day].append(entry.id)
            cursor = stop
            day += DAY
    for day, ids in sorted(short_days.items()):
        hours = (midnight(day + DAY, zone) - midnight(day, zone)).total_seconds() / 3600
        problems.append(
            Problem(
                "clock_change",
                tuple(dict.fromkeys(ids)),
                {"date": day.isoformat(), "hours": f"{hours:g}", "zone": period.tz},
            )
        )
    pieces.sort(key=lambda piece: piece.start)
    last_day: dt.date | None = None
    if counted_end > window_start:
        last_day = (counted_end - dt.timedelta(microseconds=1)).astimezone(zone).date()
    return Timeline(
        pieces=pieces,
        holidays=holidays,
        problems=problems,
        window_start=window_start,
        window_end=window_end,
        counted_end=counted_end,
        last_day=last_day,
        entry_ids={entry.id for entry in entries},
    )
