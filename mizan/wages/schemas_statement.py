"""Schemas of POST /api/v1/wages/statement: what the pay calculator needs, and the statement it gives.

Money is a decimal (a string such as "5100.00", or a JSON number) plus an ISO 4217 code; times are ISO
8601 with their UTC offset (a time without one is read as workplace time, and the answer says so).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry
from ninja import Schema
from pydantic import ConfigDict, Field, StringConstraints, field_validator, model_validator

from mizan.common.countries import country_codes
from mizan.common.languages import BY_CODE
from mizan.compliance.engine.terms import Sector
from mizan.wages.engine import AllowanceKind, DeductionKind, EntryKind, PayPeriod

MAX_ENTRIES = 3000
MAX_PERIOD_DAYS = 92
EARLIEST = dt.date(1990, 1, 1)
LATEST = dt.date(2100, 12, 31)

Amount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=4, allow_inf_nan=False)]
Rate = Annotated[Decimal, Field(ge=0, le=10, max_digits=6, decimal_places=4, allow_inf_nan=False)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Note = Annotated[str, StringConstraints(max_length=500)]


def _currency(value: str) -> str:
    if pycountry.currencies.get(alpha_3=value) is None:
        raise ValueError(f"{value} is not an ISO 4217 currency code")
    return value


def _date_in_range(value: dt.date | None) -> dt.date | None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValueError(f"must be between {EARLIEST.isoformat()} and {LATEST.isoformat()}")
    return value


class _In(Schema):
    model_config = ConfigDict(extra="forbid")


class MoneyIn(_In):
    amount: Amount
    currency: Currency

    @field_validator("currency")
    @classmethod
    def _known(cls, value: str) -> str:
        return _currency(value)


class EntryIn(_In):
    id: Annotated[str, StringConstraints(min_length=1, max_length=64)] = Field(
        description="The entry's id in the time log; problems name entries by it."
    )
    kind: EntryKind
    start: dt.datetime = Field(description="With the phone's UTC offset, e.g. 2026-03-02T07:00:00+08:00.")
    end: dt.datetime
    note: Note = ""

    @field_validator("start", "end")
    @classmethod
    def _moment_in_range(cls, value: dt.datetime) -> dt.datetime:
        _date_in_range(value.date())
        return value


class AllowanceIn(_In):
    kind: AllowanceKind
    amount: Amount = Decimal(0)
    period: PayPeriod = PayPeriod.MONTH
    provided: bool = Field(False, description="The thing itself is given free (e.g. meals).")


class AgreedDeductionIn(_In):
    kind: DeductionKind
    amount: Amount
    period: PayPeriod = PayPeriod.MONTH


class TermsIn(_In):
    """The contract's terms; every rate is a multiple (overtime 1.5 = one and a half times the hourly pay;
    rest day and holiday rates are days' pay for each such day worked, on top of the basic pay)."""

    pay: MoneyIn
    pay_period: PayPeriod
    normal_hours_per_day: Annotated[Decimal, Field(gt=0, le=24, decimal_places=2)] | None = None
    normal_hours_per_week: Annotated[Decimal, Field(gt=0, le=168, decimal_places=2)] | None = None
    rest_days_per_week: Annotated[int, Field(ge=0, le=7)] | None = None
    rest_weekdays: list[Annotated[int, Field(ge=0, le=6)]] = Field(
        default_factory=list, max_length=7, description="Fixed rest days: 0 = Monday … 6 = Sunday."
    )
    overtime_rate: Annotated[Rate, Field(ge=1)] | None = None
    rest_day_rate: Rate | None = None
    holiday_rate: Rate | None = None
    holidays: list[dt.date] = Field(default_factory=list, max_length=60)
    allowances: list[AllowanceIn] = Field(default_factory=list, max_length=3)
    deductions: list[AgreedDeductionIn] = Field(default_factory=list, max_length=20)
    standby_counts_as_work: bool = False
    signed_on: dt.date | None = None

    @field_validator("signed_on")
    @classmethod
    def _signed_in_range(cls, value: dt.date | None) -> dt.date | None:
        return _date_in_range(value)

    @field_validator("holidays")
    @classmethod
    def _holidays_in_range(cls, value: list[dt.date]) -> list[dt.date]:
        for day in value:
            _date_in_range(day)
        return value

    @field_validator("allowances")
    @classmethod
    def _one_per_kind(cls, value: list[AllowanceIn]) -> list[AllowanceIn]:
        kinds = [item.kind for item in value]
        if len(set(kinds)) != len(kinds):
            raise ValueError("give each kind of allowance once")
        return value


class PeriodIn(_In):
    start: dt.date
    end: dt.date = Field(description="The last day counted (inclusive).")
    tz: str = Field(description="The workplace time zone (IANA), e.g. Asia/Hong_Kong.", max_length=64)

    @field_validator("start", "end")
    @classmethod
    def _in_range(cls, value: dt.date) -> dt.date:
        _date_in_range(value)
        return value

    @field_validator("tz")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"{value!r} is not an IANA time zone") from error
        return value

    @model_validator(mode="after")
    def _order(self) -> PeriodIn:
        if self.end < self.start:
            raise ValueError("end is before start")
        if (self.end - self.start).days + 1 > MAX_PERIOD_DAYS:
            raise ValueError(f"a statement covers at most {MAX_PERIOD_DAYS} days")
        return self


class PaymentIn(_In):
    amount: Amount
    currency: Currency
    date: dt.date
    note: Note = ""

    @field_validator("date")
    @classmethod
    def _paid_in_range(cls, value: dt.date) -> dt.date:
        _date_in_range(value)
        return value

    @field_validator("currency")
    @classmethod
    def _known(cls, value: str) -> str:
        return _currency(value)


class DeductionIn(_In):
    kind: DeductionKind
    amount: Amount
    currency: Currency
    note: Note = ""

    @field_validator("currency")
    @classmethod
    def _known(cls, value: str) -> str:
        return _currency(value)


EXAMPLE: dict[str, Any] = {
    "destination": "HK",
    "sector": "domestic_work",
    "period": {"start": "2026-03-02", "end": "2026-03-08", "tz": "Asia/Hong_Kong"},
    "terms": {
        "pay": {"amount": "5100.00", "currency": "HKD"},
        "pay_period": "month",
        "rest_days_per_week": 1,
        "allowances": [{"kind": "food", "amount": "0"}],
        "signed_on": "2025-10-01",
    },
    "entries": [
        {
            "id": "a1",
            "kind": "work",
            "start": "2026-03-02T07:00:00+08:00",
            "end": "2026-03-02T21:00:00+08:00",
        },
        {
            "id": "a2",
            "kind": "meal_break",
            "start": "2026-03-02T12:00:00+08:00",
            "end": "2026-03-02T13:00:00+08:00",
        },
    ],
    "received": [{"amount": "1000.00", "currency": "HKD", "date": "2026-03-09"}],
    "deductions": [{"kind": "recruitment_fee", "amount": "300.00", "currency": "HKD", "note": "agency"}],
    "language": "en",
}


class StatementIn(_In):
    """What the worker logged and was paid, the contract's terms, and where they work. Nothing is stored."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [EXAMPLE]})

    destination: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(
        description="Where the work is (ISO 3166-1 alpha-2): its law is used."
    )
    sector: Sector | None = None
    worker_category: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,40}$")] | None = None
    region: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")] | None = None
    period: PeriodIn
    terms: TermsIn
    entries: list[EntryIn] = Field(default_factory=list, max_length=MAX_ENTRIES)
    received: list[PaymentIn] = Field(default_factory=list, max_length=100)
    deductions: list[DeductionIn] = Field(default_factory=list, max_length=100)
    language: str | None = Field(
        None, description="Language of the messages (one of /api/v1/languages; default: Accept-Language)."
    )

    @field_validator("destination")
    @classmethod
    def _known_country(cls, value: str) -> str:
        if value not in country_codes():
            raise ValueError(f"{value} is not an ISO 3166-1 country code")
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str | None) -> str | None:
        if value is not None and value not in BY_CODE:
            raise ValueError(f"must be one of {', '.join(BY_CODE)}")
        return value

    @field_validator("entries")
    @classmethod
    def _unique_ids(cls, value: list[EntryIn]) -> list[EntryIn]:
        seen: set[str] = set()
        for entry in value:
            if entry.id in seen:
                raise ValueError(f"entry id {entry.id!r} is used twice")
            seen.add(entry.id)
        return value


# ------------------------------------------------------------------------------------------------- out


class SourceOut(Schema):
    rule_id: str
    title: str
    url: str
    article: str | None
    pack: dict[str, str | None] | None = Field(
        description="The rule pack and version; None: Mizan's own table."
    )
    confidence: str = Field(description="high, medium or low")
    facts: list[str] = Field(description="Ids in the legal fact sheet.")
    conflict: str | None


class LineOut(Schema):
    code: str = Field(description="basic, minimum_wage, allowance_food, overtime, rest_days, rest_owed, …")
    basis: str = Field(description="contract or law")
    quantity: str | None
    unit: str
    rate: str | None
    amount: str | None = Field(description="None: no money on this line, or it could not be worked out.")
    amount_text: str | None
    currency: str
    message_key: str
    message: str = Field(description="The line in words, in the requested language.")
    params: dict[str, str]
    citation: SourceOut | None


class ComponentOut(Schema):
    code: str
    contract: str | None
    law: str | None
    due: str = Field(
        description="The higher of contract and law: the law is a floor for each part of the pay."
    )
    decided_by: str


class DeductionOut(Schema):
    kind: str
    amount: str
    status: str = Field(description="lawful, unlawful, not_agreed, not_checked or doubtful")
    allowed: str
    owed: str = Field(description="What is owed back to the worker.")
    message_key: str
    message: str
    params: dict[str, str]
    citations: list[SourceOut]
    note: str


class ProblemOut(Schema):
    code: str = Field(
        description="overlap, future, future_part, bad_range, timezone_differs, clock_change, …"
    )
    entry_ids: list[str]
    message_key: str
    message: str
    params: dict[str, str]


class UnknownOut(Schema):
    code: str
    message: str


class WeekOut(Schema):
    number: int
    start: dt.date
    end: dt.date
    complete: bool
    required: int
    taken: int
    rest_hours: str
    missing: int


class RestOut(Schema):
    weeks: list[WeekOut]
    weeks_missing_rest: list[int]
    rest_days_owed: int
    buyout_allowed: bool | None
    citation: SourceOut | None
    months_short: list[str]
    days_short_of_daily_rest: list[dt.date]


class TotalsOut(Schema):
    currency: str
    due_contract: str
    due_law: str
    due: str
    deductions_allowed: str
    deductions_owed: str
    due_after_deductions: str
    received: str
    shortfall: str
    overpayment: str


class PeriodOut(Schema):
    start: dt.date
    end: dt.date
    tz: str
    counted_until: dt.date | None


class StatementOut(Schema):
    language: str
    destination: str
    currency: str
    period: PeriodOut
    law_date: dt.date = Field(description="The day whose rules were used (the period's first day).")
    headline: list[str]
    totals: TotalsOut
    totals_text: dict[str, str | None]
    components: list[ComponentOut]
    lines: list[LineOut]
    deductions: list[DeductionOut]
    rest: RestOut
    hours: dict[str, str | None]
    problems: list[ProblemOut]
    could_not_check: list[UnknownOut]
    sources: list[SourceOut]
    packs: list[dict[str, Any]]
    out_of_date: bool = Field(description="A rule pack used is past its review date.")
