"""Hours and rest from the timeline: normal hours and overtime, weekly, monthly and daily rest.

Weeks are 7-day blocks from the period's first day (the last one may be shorter). Overtime is found in
time order: an hour is overtime once the day's hours passed the daily limit or the week's normal hours
passed the weekly limit; overtime hours do not use up the weekly limit. This gives the usual total
(the daily excess plus the week's normal hours above the weekly limit) and says *which* hours were
overtime, so a night premium can apply to the right ones. Hours on ``excluded`` days (rest days and
public holidays the contract pays separately) are left out here and paid by their own line.

Rest: a rest period is a stretch of at least ``rest_hours`` (the law's, else 24) with no work and no
stand-by; a week's stretches are cut at its edges, and a stretch of twice the length counts twice.
Rest is checked only in complete weeks (7 days, all in the past).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from mizan.wages.engine.inputs import Period
from mizan.wages.engine.supplements import NightOvertime
from mizan.wages.engine.timeline import DAY, UTC, Piece, midnight

ZERO = dt.timedelta(0)
MICRO = dt.timedelta(microseconds=1)
_MICROS_PER_HOUR = Decimal(3_600_000_000)


def hours(span: dt.timedelta) -> Decimal:
    return Decimal(span // MICRO) / _MICROS_PER_HOUR


def span(value: Decimal) -> dt.timedelta:
    return dt.timedelta(microseconds=int(value * _MICROS_PER_HOUR))


def week_of(day: dt.date, period: Period) -> int:
    return (day - period.start).days // 7


def week_bounds(number: int, period: Period) -> tuple[dt.date, dt.date]:
    start = period.start + dt.timedelta(days=7 * number)
    return start, min(start + dt.timedelta(days=6), period.end)


@dataclass(frozen=True, slots=True)
class HourSplit:
    normal: dt.timedelta
    overtime: dt.timedelta
    night_overtime: dt.timedelta  # part of ``overtime`` inside the night window
    excluded: dt.timedelta  # on excluded days

    @property
    def total(self) -> dt.timedelta:
        return self.normal + self.overtime + self.excluded


def _night_overlap(
    start: dt.datetime, end: dt.datetime, night: NightOvertime, period: Period
) -> dt.timedelta:
    zone = period.zone
    found = ZERO
    day = start.astimezone(zone).date() - DAY
    last = end.astimezone(zone).date()
    while day <= last:
        opens = dt.datetime.combine(day, night.start, tzinfo=zone).astimezone(UTC)
        closes_day = day + DAY if night.end <= night.start else day
        closes = dt.datetime.combine(closes_day, night.end, tzinfo=zone).astimezone(UTC)
        covered = min(end, closes) - max(start, opens)
        if covered > ZERO:
            found += covered
        day += DAY
    return found


def split_hours(
    pieces: Iterable[Piece],
    period: Period,
    *,
    per_day: Decimal | None,
    per_week: Decimal | None,
    excluded: set[dt.date],
    night: NightOvertime | None = None,
) -> HourSplit:
    """Normal hours and overtime of the worked ``pieces`` (in time order) under the given limits; with no
    limit at all every hour is normal."""
    daily = span(per_day) if per_day is not None else None
    weekly = span(per_week) if per_week is not None else None
    normal = overtime = night_overtime = left_out = ZERO
    day_used: dict[dt.date, dt.timedelta] = defaultdict(lambda: ZERO)
    week_normal: dict[int, dt.timedelta] = defaultdict(lambda: ZERO)
    for piece in pieces:
        length = piece.length
        if piece.day in excluded:
            left_out += length
            continue
        week = week_of(piece.day, period)
        room = length
        if daily is not None:
            room = min(room, max(ZERO, daily - day_used[piece.day]))
        if weekly is not None:
            room = min(room, max(ZERO, weekly - week_normal[week]))
        day_used[piece.day] += length
        week_normal[week] += room
        normal += room
        extra = length - room
        if extra > ZERO:
            overtime += extra
            if night is not None:
                night_overtime += _night_overlap(piece.start + room, piece.end, night, period)
    return HourSplit(normal, overtime, night_overtime, left_out)


def over_maximum(
    pieces: Iterable[Piece], period: Period, *, per_day: Decimal | None, per_week: Decimal | None
) -> tuple[list[tuple[dt.date, Decimal]], list[tuple[int, Decimal]]]:
    """Days and weeks (1-based) whose total hours pass the legal maximum, with the hours above it."""
    by_day: dict[dt.date, dt.timedelta] = defaultdict(lambda: ZERO)
    by_week: dict[int, dt.timedelta] = defaultdict(lambda: ZERO)
    for piece in pieces:
        by_day[piece.day] += piece.length
        by_week[week_of(piece.day, period)] += piece.length
    days = []
    if per_day is not None:
        days = [
            (day, hours(total) - per_day) for day, total in sorted(by_day.items()) if hours(total) > per_day
        ]
    weeks = []
    if per_week is not None:
        weeks = [
            (week + 1, hours(total) - per_week)
            for week, total in sorted(by_week.items())
            if hours(total) > per_week
        ]
    return days, weeks


def _gaps(busy: list[Piece], start: dt.datetime, end: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    """Stretches of [start, end) not covered by ``busy`` (sorted, disjoint pieces)."""
    found = []
    cursor = start
    for piece in busy:
        if piece.end <= start or piece.start >= end:
            continue
        if piece.start > cursor:
            found.append((cursor, piece.start))
        cursor = max(cursor, piece.end)
    if cursor < end:
        found.append((cursor, end))
    return found


def rest_periods(busy: list[Piece], start: dt.datetime, end: dt.datetime, length: Decimal) -> int:
    """How many rest periods of ``length`` hours fit in the free stretches of [start, end)."""
    needed = span(length)
    return sum((stop - begin) // needed for begin, stop in _gaps(busy, start, end))


@dataclass(frozen=True, slots=True)
class WeekCount:
    number: int  # 0-based
    start: dt.date
    end: dt.date
    complete: bool
    taken: int


def count_weekly_rest(
    busy: list[Piece], period: Period, last_day: dt.date | None, length: Decimal
) -> list[WeekCount]:
    weeks = []
    number = 0
    while True:
        start, end = week_bounds(number, period)
        if start > period.end:
            break
        complete = (end - start).days == 6 and last_day is not None and end <= last_day
        taken = rest_periods(busy, midnight(start, period.zone), midnight(end + DAY, period.zone), length)
        weeks.append(WeekCount(number, start, end, complete, taken))
        number += 1
    return weeks


def months_short(
    busy: list[Piece], period: Period, last_day: dt.date | None, needed: int, length: Decimal
) -> list[str]:
    """Calendar months wholly inside the counted period with fewer than ``needed`` rest periods."""
    if last_day is None:
        return []
    found = []
    month = dt.date(period.start.year, period.start.month, 1)
    while month <= last_day:
        following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        if month >= period.start and following - DAY <= last_day:
            zone = period.zone
            if rest_periods(busy, midnight(month, zone), midnight(following, zone), length) < needed:
                found.append(f"{month:%Y-%m}")
        month = following
    return found


def days_short_of_daily_rest(
    busy: list[Piece], period: Period, last_day: dt.date | None, needed: Decimal
) -> list[dt.date]:
    """Days with work that no work-free stretch of ``needed`` hours touches (stretches run across
    midnight, and the period's edges count as free)."""
    if last_day is None:
        return []
    zone = period.zone
    rested: set[dt.date] = set()
    for begin, stop in _gaps(busy, midnight(period.start, zone), midnight(last_day + DAY, zone)):
        if stop - begin >= span(needed):
            day = begin.astimezone(zone).date()
            while day <= (stop - MICRO).astimezone(zone).date():
                rested.add(day)
                day += DAY
    worked = sorted({piece.day for piece in busy if piece.day <= last_day})
    return [day for day in worked if day not in rested]
