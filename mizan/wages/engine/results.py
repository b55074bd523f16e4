"""What the calculator says: the statement, line by line, with message keys and parameters for every text.

Amounts are Decimals rounded to the currency's minor unit; quantities (hours, days) to 0.01. ``to_dict()``
gives JSON-ready data (numbers as strings, so no float ever touches money).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from mizan.wages.engine.sources import Source


class Basis(StrEnum):
    CONTRACT = "contract"
    LAW = "law"


class DeductionStatus(StrEnum):
    LAWFUL = "lawful"  # a tax or social security contribution, or a deduction the contract allows
    UNLAWFUL = "unlawful"  # a rule forbids it: owed back to the worker
    NOT_AGREED = "not_agreed"  # not in the contract (or more than it allows): owed back under the contract
    NOT_CHECKED = "not_checked"  # no rule found either way: listed, not counted as owed
    DOUBTFUL = "doubtful"  # only a low-confidence or disputed rule forbids it: listed, not counted as owed


def _hundredths(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something about the entries or the input the worker should know: ``code`` (e.g. ``overlap``),
    the entries concerned, and the message parameters. The message key is ``wages.problem.<code>``."""

    code: str
    entry_ids: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)

    @property
    def message_key(self) -> str:
        return f"wages.problem.{self.code}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "entry_ids": list(self.entry_ids),
            "message_key": self.message_key,
            "params": dict(sorted(self.params.items())),
        }


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the statement. ``amount`` None: could not be worked out (the message says why);
    ``unit`` is ``hour``, ``day``, ``week``, ``month`` or ``period``."""

    code: str
    basis: Basis
    quantity: Decimal | None
    unit: str
    rate: Decimal | None
    amount: Decimal | None
    currency: str
    message_key: str
    params: dict[str, str]
    citation: Source | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "basis": self.basis.value,
            "quantity": _text(self.quantity),
            "unit": self.unit,
            "rate": _text(self.rate),
            "amount": _text(self.amount),
            "currency": self.currency,
            "message_key": self.message_key,
            "params": dict(sorted(self.params.items())),
            "citation": self.citation.to_dict() if self.citation else None,
        }


@dataclass(frozen=True, slots=True)
class Component:
    """One part of the pay (basic, an allowance, overtime, rest days, holidays): what the contract and the
    law each give, and what is due, the higher of the two (the law is a floor)."""

    code: str
    contract: Decimal | None
    law: Decimal | None
    due: Decimal
    decided_by: Basis

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "contract": _text(self.contract),
            "law": _text(self.law),
            "due": _text(self.due),
            "decided_by": self.decided_by.value,
        }


@dataclass(frozen=True, slots=True)
class DeductionResult:
    kind: str
    amount: Decimal  # in the statement's currency
    status: DeductionStatus
    allowed: Decimal  # the part that may be kept back; the rest is owed to the worker
    message_key: str
    params: dict[str, str]
    citations: tuple[Source, ...] = ()
    note: str = ""

    @property
    def owed(self) -> Decimal:
        return self.amount - self.allowed

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "amount": _text(self.amount),
            "status": self.status.value,
            "allowed": _text(self.allowed),
            "owed": _text(self.owed),
            "message_key": self.message_key,
            "params": dict(sorted(self.params.items())),
            "citations": [source.to_dict() for source in self.citations],
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class WeekRest:
    """Rest in one week of the period (weeks are 7-day blocks from the period's first day)."""

    number: int  # 1-based
    start: dt.date
    end: dt.date
    complete: bool  # a full 7 days, all in the past: only then is rest checked
    required: int  # rest days the law (or the contract, if more) requires
    taken: int  # stretches of at least ``rest_hours`` with no work or stand-by
    rest_hours: Decimal
    missing: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "complete": self.complete,
            "required": self.required,
            "taken": self.taken,
            "rest_hours": _text(self.rest_hours),
            "missing": self.missing,
        }


@dataclass(frozen=True, slots=True)
class RestSummary:
    weeks: tuple[WeekRest, ...]
    weeks_missing_rest: tuple[int, ...]  # week numbers
    rest_days_owed: int
    buyout_allowed: bool | None  # may a rest day worked be paid off with money (None: not known)
    citation: Source | None
    months_short: tuple[str, ...] = ()  # "2026-03": fewer rest days than may never be paid off
    days_short_of_daily_rest: tuple[dt.date, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "weeks": [week.to_dict() for week in self.weeks],
            "weeks_missing_rest": list(self.weeks_missing_rest),
            "rest_days_owed": self.rest_days_owed,
            "buyout_allowed": self.buyout_allowed,
            "citation": self.citation.to_dict() if self.citation else None,
            "months_short": list(self.months_short),
            "days_short_of_daily_rest": [day.isoformat() for day in self.days_short_of_daily_rest],
        }


@dataclass(frozen=True, slots=True)
class Totals:
    currency: str
    due_contract: Decimal  # the contract's lines added up (parts it does not say count as 0)
    due_law: Decimal  # the law's lines added up (parts the law does not say count as 0)
    due: Decimal  # each component at the higher of contract and law, added up
    deductions_allowed: Decimal
    deductions_owed: Decimal  # unlawful or not agreed: still owed to the worker
    due_after_deductions: Decimal
    received: Decimal
    shortfall: Decimal  # ≥ 0
    overpayment: Decimal  # ≥ 0

    def to_dict(self) -> dict[str, Any]:
        return {name: (value if name == "currency" else _text(value)) for name, value in _fields(self)}


def _fields(item: Any) -> list[tuple[str, Any]]:
    return [(name, getattr(item, name)) for name in item.__dataclass_fields__]


@dataclass(frozen=True, slots=True)
class Statement:
    period_start: dt.date
    period_end: dt.date
    tz: str
    counted_until: dt.date | None  # the last day counted (the period may not be over yet)
    currency: str
    lines: tuple[Line, ...]
    components: tuple[Component, ...]
    deductions: tuple[DeductionResult, ...]
    totals: Totals
    rest: RestSummary
    hours: dict[str, Decimal]  # worked, normal, overtime …, for the whole period
    problems: tuple[Problem, ...]
    could_not_check: tuple[str, ...]  # codes (message keys wages.unknown.<code>)
    sources: tuple[Source, ...]  # every rule used
    packs: tuple[dict[str, Any], ...]
    out_of_date: bool  # a rule pack used is past its review date
    law_date: dt.date
    destination: str = ""
    language: str = "en"

    def headline(self) -> list[tuple[str, dict[str, str]]]:
        """The few sentences to show first, as (message key, params)."""
        totals, currency = self.totals, self.currency
        found: list[tuple[str, dict[str, str]]] = []
        if totals.shortfall > 0:
            found.append(("wages.headline.shortfall", {"amount": f"{currency} {totals.shortfall:f}"}))
        elif totals.overpayment > 0:
            found.append(("wages.headline.overpaid", {"amount": f"{currency} {totals.overpayment:f}"}))
        else:
            found.append(("wages.headline.paid", {}))
        if totals.deductions_owed > 0:
            owed = f"{currency} {totals.deductions_owed:f}"
            found.append(("wages.headline.deductions_owed", {"amount": owed}))
        if self.rest.rest_days_owed:
            found.append(("wages.headline.rest_owed", {"days": str(self.rest.rest_days_owed)}))
        if self.could_not_check:
            found.append(("wages.headline.could_not_check", {}))
        if self.out_of_date:
            found.append(("wages.headline.out_of_date", {}))
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": {
                "start": self.period_start.isoformat(),
                "end": self.period_end.isoformat(),
                "tz": self.tz,
                "counted_until": self.counted_until.isoformat() if self.counted_until else None,
            },
            "language": self.language,
            "destination": self.destination,
            "currency": self.currency,
            "law_date": self.law_date.isoformat(),
            "hours": {name: _text(_hundredths(value)) for name, value in self.hours.items()},
            "lines": [line.to_dict() for line in self.lines],
            "components": [component.to_dict() for component in self.components],
            "deductions": [deduction.to_dict() for deduction in self.deductions],
            "totals": self.totals.to_dict(),
            "rest": self.rest.to_dict(),
            "problems": [problem.to_dict() for problem in self.problems],
            "could_not_check": list(self.could_not_check),
            "sources": [source.to_dict() for source in self.sources],
            "packs": list(self.packs),
            "out_of_date": self.out_of_date,
        }
