"""Helpers shared by the pure pay-calculator tests (no database): the shipped rule packs, shifts of work,
and finding a statement's lines. The few checks at the bottom keep the helpers honest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from mizan.common.money import Money
from mizan.compliance.engine import PackSet, load_packs
from mizan.wages.engine import (
    Basis,
    Component,
    ContractTerms,
    Entry,
    EntryKind,
    LawRules,
    Line,
    Period,
    Statement,
    calculate,
    law_rules,
)

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)  # every period in these tests is over


@lru_cache(maxsize=1)
def packs() -> PackSet:
    return load_packs([ROOT / "rulepacks"])


def law(destination: str, sector: str | None, on: dt.date, **kwargs: object) -> LawRules:
    return law_rules(packs(), destination=destination, sector=sector, on=on, **kwargs)  # type: ignore[arg-type]


def money(amount: str, currency: str) -> Money:
    return Money(Decimal(amount), currency)


def at(zone: str, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZoneInfo(zone))


def days(first: dt.date, last: dt.date, *, skip: Iterable[int] = ()) -> list[dt.date]:
    """Every day from ``first`` to ``last`` whose weekday (0 = Monday) is not in ``skip``."""
    found = []
    day = first
    while day <= last:
        if day.weekday() not in set(skip):
            found.append(day)
        day += dt.timedelta(days=1)
    return found


def shifts(
    zone: str,
    on: Iterable[dt.date],
    start: tuple[int, int],
    end: tuple[int, int],
    *,
    meal: tuple[int, int] | None = None,
    prefix: str = "w",
) -> list[Entry]:
    """A work entry from ``start`` to ``end`` (hour, minute) on each day, with a meal break from hour
    ``meal[0]`` to ``meal[1]``; an end at or before the start ends the next day."""
    entries = []
    for day in on:
        begin = at(zone, day, *start)
        finish = at(zone, day, *end)
        if finish <= begin:
            finish = at(zone, day + dt.timedelta(days=1), *end)
        entries.append(Entry(f"{prefix}{day.isoformat()}", EntryKind.WORK, begin, finish))
        if meal:
            entries.append(
                Entry(
                    f"m{day.isoformat()}",
                    EntryKind.MEAL_BREAK,
                    at(zone, day, meal[0]),
                    at(zone, day, meal[1]),
                )
            )
    return entries


def run(
    entries: list[Entry],
    terms: ContractTerms,
    period: Period,
    rules: LawRules,
    **kwargs: object,
) -> Statement:
    return calculate(entries=entries, terms=terms, period=period, law=rules, now=NOW, **kwargs)  # type: ignore[arg-type]


def component(statement: Statement, code: str) -> Component:
    found = [item for item in statement.components if item.code == code]
    assert len(found) == 1, [item.code for item in statement.components]
    return found[0]


def line(statement: Statement, code: str, basis: Basis) -> Line:
    found = [item for item in statement.lines if item.code == code and item.basis is basis]
    assert len(found) == 1, [(item.code, item.basis.value) for item in statement.lines]
    return found[0]


def problems(statement: Statement) -> dict[str, tuple[str, ...]]:
    """Problem code → the entry ids it names (codes seen once per test)."""
    return {problem.code: problem.entry_ids for problem in statement.problems}


def test_shifts_make_a_work_entry_and_its_meal_break() -> None:
    made = shifts("Asia/Hong_Kong", [dt.date(2026, 3, 2)], (7, 0), (21, 0), meal=(12, 13))
    assert [entry.kind for entry in made] == [EntryKind.WORK, EntryKind.MEAL_BREAK]
    assert made[0].end - made[0].start == dt.timedelta(hours=14)


def test_a_night_shift_ends_the_next_day() -> None:
    (entry,) = shifts("Asia/Dubai", [dt.date(2026, 4, 6)], (22, 0), (6, 0))
    assert entry.end.date() == dt.date(2026, 4, 7)
    assert entry.end - entry.start == dt.timedelta(hours=8)
