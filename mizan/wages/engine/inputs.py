"""What the calculator is given: time entries, the contract's terms, the period, payments and deductions.

Money is ``mizan.common.money.Money`` (a Decimal and an ISO 4217 code; pure, no Django), never a float.
Times are aware ``datetime`` objects: the offset the worker's phone had when the entry was made. A naive
time is accepted and read as workplace time, with a problem saying so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mizan.common.money import Money

MAX_PERIOD_DAYS = 366


class EntryKind(StrEnum):
    WORK = "work"
    STANDBY = "standby"  # at the household's or employer's disposal, not actively working
    MEAL_BREAK = "meal_break"  # inside a work or standby entry: not paid, not rest
    REST = "rest"
    DAY_OFF = "day_off"
    SICK_DAY = "sick_day"
    PUBLIC_HOLIDAY = "public_holiday"  # marks the local days it covers as public holidays


class PayPeriod(StrEnum):
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    HOUR = "hour"


class AllowanceKind(StrEnum):
    FOOD = "food"
    HOUSING = "housing"
    OTHER = "other"


class DeductionKind(StrEnum):
    """Money kept back from pay. The recruitment-cost kinds are the compliance engine's cost categories
    (ILO related costs, fact INT.ILO-RFD.CAT), so fee rules in the packs apply to them by name."""

    TAX = "tax"
    SOCIAL_SECURITY = "social_security"
    FOOD = "food"
    HOUSING = "housing"
    ADVANCE = "advance"  # repays money paid to the worker ahead of time
    LOAN = "loan"
    DAMAGE = "damage"
    PENALTY = "penalty"
    RECRUITMENT_FEE = "recruitment_fee"  # agency fee, placement fee, commission
    MEDICAL = "medical"
    INSURANCE = "insurance"
    SKILLS_TEST = "skills_test"
    TRAINING = "training"
    EQUIPMENT = "equipment"
    TRAVEL = "travel"
    LODGING = "lodging"
    VISA_PERMIT = "visa_permit"
    DOCUMENTS = "documents"
    ADMINISTRATIVE = "administrative"
    GOVERNMENT_LEVY = "government_levy"
    DEPOSIT_BOND = "deposit_bond"
    ILLEGITIMATE = "illegitimate"
    OTHER = "other"


RECRUITMENT_KINDS = frozenset(
    {
        DeductionKind.RECRUITMENT_FEE,
        DeductionKind.MEDICAL,
        DeductionKind.INSURANCE,
        DeductionKind.SKILLS_TEST,
        DeductionKind.TRAINING,
        DeductionKind.EQUIPMENT,
        DeductionKind.TRAVEL,
        DeductionKind.LODGING,
        DeductionKind.VISA_PERMIT,
        DeductionKind.DOCUMENTS,
        DeductionKind.ADMINISTRATIVE,
        DeductionKind.GOVERNMENT_LEVY,
        DeductionKind.DEPOSIT_BOND,
        DeductionKind.ILLEGITIMATE,
    }
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One stretch of time as the worker logged it (the app's current effective version)."""

    id: str
    kind: EntryKind
    start: dt.datetime
    end: dt.datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class Allowance:
    """Cash on top of basic pay, per ``period``; ``provided=True``: the thing itself is given free
    (then ``amount`` is ignored and a legal allowance for it is not due)."""

    kind: AllowanceKind
    amount: Decimal = Decimal(0)
    period: PayPeriod = PayPeriod.MONTH
    provided: bool = False


@dataclass(frozen=True, slots=True)
class AgreedDeduction:
    """A deduction the contract allows, at most ``amount`` per ``period``."""

    kind: DeductionKind
    amount: Decimal
    period: PayPeriod = PayPeriod.MONTH


@dataclass(frozen=True, slots=True)
class ContractTerms:
    """The contract as the worker types it in (or as a Mizan contract says). Rates are multiples:
    ``overtime_rate`` of the hourly pay for each extra hour; ``rest_day_rate`` and ``holiday_rate`` of a
    day's pay for each rest day or public holiday worked, on top of the basic pay."""

    pay: Money
    pay_period: PayPeriod
    normal_hours_per_day: Decimal | None = None
    normal_hours_per_week: Decimal | None = None
    rest_days_per_week: int | None = None
    rest_weekdays: tuple[int, ...] = ()  # the contract's fixed rest days, 0 = Monday … 6 = Sunday
    overtime_rate: Decimal | None = None
    rest_day_rate: Decimal | None = None
    holiday_rate: Decimal | None = None
    holidays: tuple[dt.date, ...] = ()  # public holidays the contract lists
    allowances: tuple[Allowance, ...] = ()
    deductions: tuple[AgreedDeduction, ...] = ()
    standby_counts_as_work: bool = False
    signed_on: dt.date | None = None  # some minimums apply by signing date (Hong Kong MAW)

    def __post_init__(self) -> None:
        for name in ("overtime_rate", "rest_day_rate", "holiday_rate"):
            value = getattr(self, name)
            if value is not None and not Decimal(0) <= value <= Decimal(10):
                raise ValueError(f"{name} must be between 0 and 10")
        if self.overtime_rate is not None and self.overtime_rate < 1:
            raise ValueError("overtime_rate must be at least 1 (a multiple of the normal hourly pay)")
        if self.rest_days_per_week is not None and not 0 <= self.rest_days_per_week <= 7:
            raise ValueError("rest_days_per_week must be between 0 and 7")
        if any(not 0 <= day <= 6 for day in self.rest_weekdays):
            raise ValueError("rest_weekdays are 0 (Monday) to 6 (Sunday)")
        for name in ("normal_hours_per_day", "normal_hours_per_week"):
            value = getattr(self, name)
            if value is not None and not Decimal(0) < value <= (24 if name.endswith("day") else 168):
                raise ValueError(f"{name} is out of range")
        if self.pay.amount < 0:
            raise ValueError("pay must not be negative")

    def allowance(self, kind: AllowanceKind) -> Allowance | None:
        for allowance in self.allowances:
            if allowance.kind is kind:
                return allowance
        return None


@dataclass(frozen=True, slots=True)
class Period:
    """The days the statement covers, ``start`` to ``end`` inclusive, in the workplace time zone (IANA)."""

    start: dt.date
    end: dt.date
    tz: str
    zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")
        if (self.end - self.start).days + 1 > MAX_PERIOD_DAYS:
            raise ValueError(f"a period is at most {MAX_PERIOD_DAYS} days")
        try:
            zone = ZoneInfo(self.tz)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"{self.tz!r} is not an IANA time zone") from error
        object.__setattr__(self, "zone", zone)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Payment:
    """Pay the worker says they received for the period."""

    amount: Money
    date: dt.date
    note: str = ""


@dataclass(frozen=True, slots=True)
class DeductionTaken:
    """Money the employer kept back from the pay for the period."""

    kind: DeductionKind
    amount: Money
    note: str = ""
