"""The law a statement is checked against, as plain values: ``LawRules`` and the figures it holds, each
with its Source. Built by ``law.law_rules`` from the rule packs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from mizan.wages.engine import supplements
from mizan.wages.engine.inputs import AllowanceKind, PayPeriod
from mizan.wages.engine.sources import Sourced


@dataclass(frozen=True, slots=True)
class MinimumWage:
    amount: Decimal
    currency: str
    period: PayPeriod
    equivalents: tuple[tuple[PayPeriod, Decimal], ...] = ()  # the same minimum stated per other periods
    counts: tuple[AllowanceKind, ...] = ()  # allowances that count toward it

    def per(self, period: PayPeriod) -> tuple[Decimal, PayPeriod]:
        """The minimum as stated for ``period`` if the law states it so, else in its own period."""
        if period is self.period:
            return self.amount, period
        for other, amount in self.equivalents:
            if other is period:
                return amount, period
        return self.amount, self.period


@dataclass(frozen=True, slots=True)
class RequiredAllowance:
    """Monthly cash due on top of the minimum wage unless the thing itself is provided free."""

    kind: AllowanceKind
    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class WeeklyRest:
    days_per_week: Decimal
    consecutive_hours: Decimal
    buyout_allowed: bool


@dataclass(frozen=True, slots=True)
class FeeRule:
    """A rule on recruitment costs: ``limit`` is ``zero``, ``amount``, ``wage_share``, ``wage_months``
    (a worker fee cap) or ``employer_pays`` (the employer bears these costs)."""

    limit: str
    categories: frozenset[str] | None  # None: every category
    exclude: frozenset[str]
    binding: bool
    share: Decimal | None = None

    def covers(self, category: str) -> bool:
        return (self.categories is None or category in self.categories) and category not in self.exclude


@dataclass(frozen=True, slots=True)
class PackRef:
    id: str
    version: str
    jurisdiction: str
    review_by: dt.date | None
    out_of_date: bool


@dataclass(frozen=True)
class LawRules:
    destination: str
    sector: str | None
    worker_category: str | None
    on: dt.date
    minimum_wage: Sourced[MinimumWage] | None = None
    allowances: tuple[Sourced[RequiredAllowance], ...] = ()
    hours_per_day: Sourced[Decimal] | None = None
    hours_per_week: Sourced[Decimal] | None = None
    total_per_day: Sourced[Decimal] | None = None
    total_per_week: Sourced[Decimal] | None = None
    overtime_rate: Sourced[Decimal] | None = None
    night_overtime: Sourced[supplements.NightOvertime] | None = None
    weekly_rest: Sourced[WeeklyRest] | None = None
    monthly_rest: Sourced[int] | None = None  # rest days a month that may never be paid off
    daily_rest: Sourced[Decimal] | None = None
    rest_day_pay: Sourced[Decimal] | None = None  # days' pay for each rest day worked
    holidays: Sourced[frozenset[dt.date]] | None = None
    holiday_pay: Sourced[Decimal] | None = None
    fee_rules: tuple[Sourced[FeeRule], ...] = ()
    no_law: tuple[Sourced[str], ...] = ()  # the law sets no rule on this (e.g. "hours"), with the source
    alternatives: tuple[Sourced[str], ...] = ()  # "code: figure" of rules not used for the figures
    notes: tuple[Sourced[str], ...] = ()  # codes of things to tell the worker, with their source
    unknown: tuple[str, ...] = ()  # what could not be checked (no rule found)
    packs: tuple[PackRef, ...] = field(default=())
    out_of_date: bool = False

    def has_no_law(self, code: str) -> Sourced[str] | None:
        for item in self.no_law:
            if item.value == code:
                return item
        return None
