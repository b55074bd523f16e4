"""Money arithmetic for the calculator: rounding to the currency's minor unit, proration over calendar days,
and converting pay between periods. Decimal only; the conventions are stated once, here.

Conventions (Mizan's, because the fact sheet gives none that is general):

- A monthly amount for part of a month is prorated by calendar days: amount x days / days in that month
  (a whole calendar month is exactly the monthly amount). A weekly amount: amount x days / 7.
- Hourly pay from monthly pay: monthly x 12 / 52 / normal hours a week. A day's pay from monthly pay:
  monthly x 12 / 52 / working days a week (for a 6-day week that is monthly / 26).
- Working days a week = 7 - rest days a week (the contract's, else the law's).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel.numbers import get_currency_precision

from mizan.wages.engine.inputs import PayPeriod

WEEKS_PER_MONTH = Decimal(52) / Decimal(12)
HUNDREDTH = Decimal("0.01")

# (amount, from currency, to currency, on) -> converted amount, or None when no rate is known
Converter = Callable[[Decimal, str, str, dt.date], Decimal | None]


def same_currency_only(amount: Decimal, source: str, target: str, on: dt.date) -> Decimal | None:
    return amount if source == target else None


def minor_unit(currency: str) -> Decimal:
    return Decimal(1).scaleb(-get_currency_precision(currency))


def round_money(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(minor_unit(currency), rounding=ROUND_HALF_UP)


def round_quantity(value: Decimal) -> Decimal:
    return value.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def text(amount: Decimal, currency: str) -> str:
    """A money message parameter: "HKD 4800.00" (what the compliance messages use too)."""
    return f"{currency} {round_money(amount, currency):f}"


def number(value: Decimal | int) -> str:
    """A plain number parameter: "48", "10.5"."""
    if isinstance(value, int):
        return str(value)
    return f"{round_quantity(value).normalize():f}"


def prorate(amount: Decimal, period: PayPeriod, first: dt.date, last: dt.date) -> Decimal:
    """A monthly or weekly ``amount`` for the days ``first`` to ``last`` (inclusive)."""
    if last < first:
        return Decimal(0)
    days = (last - first).days + 1
    if period is PayPeriod.WEEK:
        return amount * days / 7
    assert period is PayPeriod.MONTH
    total = Decimal(0)
    day = first
    with localcontext() as context:
        context.prec = 34
        while day <= last:
            month_days = calendar.monthrange(day.year, day.month)[1]
            month_end = dt.date(day.year, day.month, month_days)
            stop = min(month_end, last)
            total += amount * ((stop - day).days + 1) / month_days
            day = stop + dt.timedelta(days=1)
    return total


@dataclass(frozen=True, slots=True)
class Week:
    """How the job's week is organised: normal hours and working days (None: not known)."""

    hours: Decimal | None
    days: Decimal | None
    hours_per_day: Decimal | None


def hourly(amount: Decimal, period: PayPeriod, week: Week) -> Decimal | None:
    if period is PayPeriod.HOUR:
        return amount
    if period is PayPeriod.DAY:
        if week.hours_per_day:
            return amount / week.hours_per_day
        if week.hours and week.days:
            return amount * week.days / week.hours
        return None
    if not week.hours:
        return None
    weekly = amount if period is PayPeriod.WEEK else amount / WEEKS_PER_MONTH
    return weekly / week.hours


def daily(amount: Decimal, period: PayPeriod, week: Week) -> Decimal | None:
    if period is PayPeriod.DAY:
        return amount
    if period is PayPeriod.HOUR:
        if week.hours_per_day:
            return amount * week.hours_per_day
        if week.hours and week.days:
            return amount * week.hours / week.days
        return None
    if not week.days:
        return None
    weekly = amount if period is PayPeriod.WEEK else amount / WEEKS_PER_MONTH
    return weekly / week.days
