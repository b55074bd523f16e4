"""Pay periods named in URLs and files: a month ``2026-10`` or an ISO week ``2026-W43`` (Monday to Sunday)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class Period:
    key: str
    first: dt.date
    last: dt.date  # inclusive

    @property
    def is_week(self) -> bool:
        return "W" in self.key

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        return period_containing(self.first - dt.timedelta(days=1), week=self.is_week)

    def next(self) -> Period:
        return period_containing(self.last + dt.timedelta(days=1), week=self.is_week)


def parse_period(key: str) -> Period | None:
    """The period a key names, or None when it names none."""
    key = (key or "").strip()
    if match := _MONTH.match(key):
        year, month = int(match[1]), int(match[2])
        if FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12:
            return month_period(year, month)
    elif match := _WEEK.match(key):
        year, week = int(match[1]), int(match[2])
        if FIRST_YEAR <= year <= LAST_YEAR:
            try:
                first = dt.date.fromisocalendar(year, week, 1)
            except ValueError:
                return None
            return Period(key, first, first + dt.timedelta(days=6))
    return None


def month_period(year: int, month: int) -> Period:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return Period(f"{year:04d}-{month:02d}", first, following - dt.timedelta(days=1))


def period_containing(day: dt.date, *, week: bool = False) -> Period:
    if week:
        year, number, _weekday = day.isocalendar()
        first = day - dt.timedelta(days=day.weekday())
        return Period(f"{year:04d}-W{number:02d}", first, first + dt.timedelta(days=6))
    return month_period(day.year, day.month)
