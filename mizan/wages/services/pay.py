"""The worker's contract terms and the pay they received, as they type them."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.common.countries import validate_country
from mizan.common.errors import DomainError, PermissionDenied
from mizan.wages.engine.inputs import DeductionKind
from mizan.wages.models import PayPeriod, PayRecord, Sector, WageTerms
from mizan.wages.periods import Period

MAX_AMOUNT = Decimal("9999999999.99")
DEDUCTION_KINDS = frozenset(kind.value for kind in DeductionKind)
MAX_DEDUCTIONS = 12


def _own(actor: User, worker: User) -> None:
    if not actor.is_authenticated or actor.pk != worker.pk or not worker.is_worker:
        raise PermissionDenied(_("Only the worker can change their own pay records."))


def _currency(code: str) -> str:
    code = (code or "").strip().upper()
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise DomainError(_("This is not a currency code such as HKD or QAR."), code="currency_unknown")
    return code


def _amount(value: Decimal | None, *, name: str) -> Decimal | None:
    if value is None:
        return None
    if not value.is_finite() or value < 0 or value > MAX_AMOUNT:
        raise DomainError(_("An amount must be 0 or more."), code="amount_invalid", field=name)
    return value.quantize(Decimal("0.01"))


def clean_deductions(items: list[dict[str, Any]]) -> list[dict[str, str]]:
    """[{"kind", "amount", "note"?}] with known kinds and amounts as text ("300.00")."""
    if len(items) > MAX_DEDUCTIONS:
        raise DomainError(_("Write at most 12 deductions."), code="too_many_deductions")
    cleaned = []
    for item in items:
        kind = str(item.get("kind") or "")
        if kind not in DEDUCTION_KINDS:
            raise DomainError(_("This is not a kind of deduction Mizan knows."), code="deduction_unknown")
        amount = _amount(Decimal(str(item.get("amount"))), name="deductions")
        row = {"kind": kind, "amount": f"{amount:f}"}
        if item.get("note"):
            row["note"] = str(item["note"])[:200]
        cleaned.append(row)
    return cleaned


@dataclass
class TermsData:
    destination: str
    currency: str
    pay_amount: Decimal
    pay_period: str = PayPeriod.MONTH
    sector: str = Sector.DOMESTIC_WORK
    time_zone: str = ""
    employer: Organisation | None = None
    worker_category: str = ""
    hours_per_day: Decimal | None = None
    hours_per_week: Decimal | None = None
    rest_days_per_week: int | None = None
    rest_weekday: int | None = None
    overtime_rate: Decimal | None = None
    standby_counts_as_work: bool = False
    food_provided: bool = False
    food_allowance: Decimal | None = None
    housing_provided: bool = False
    deductions: list[dict[str, Any]] = field(default_factory=list)
    signed_on: dt.date | None = None


def wage_terms_save(*, actor: User, worker: User, data: TermsData) -> WageTerms:
    """Create or replace the worker's contract terms."""
    _own(actor, worker)
    destination = (data.destination or "").strip().upper()
    try:
        validate_country(destination)
    except Exception as error:
        raise DomainError(_("Choose the country where you work."), code="country_unknown") from error
    try:
        ZoneInfo(data.time_zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise DomainError(_("Choose the time zone of your workplace."), code="time_zone_unknown") from error
    if data.pay_period not in PayPeriod.values:
        raise DomainError(_("Choose how often the pay is counted."), code="pay_period_unknown")
    if data.sector not in Sector.values:
        raise DomainError(_("Choose the kind of work."), code="sector_unknown")
    if data.employer is not None and data.employer.kind != Organisation.Kind.EMPLOYER:
        raise DomainError(_("Choose an employer."), code="not_an_employer")
    if data.overtime_rate is not None and not Decimal(1) <= data.overtime_rate <= Decimal(10):
        raise DomainError(
            _("Overtime pay is 1 to 10 times the normal pay (for example 1.5)."), code="overtime_rate"
        )
    if data.hours_per_day is not None and not Decimal(0) < data.hours_per_day <= 24:
        raise DomainError(_("Hours a day are more than 0 and at most 24."), code="hours_per_day")
    if data.hours_per_week is not None and not Decimal(0) < data.hours_per_week <= 168:
        raise DomainError(_("Hours a week are more than 0 and at most 168."), code="hours_per_week")
    if data.rest_days_per_week is not None and not 0 <= data.rest_days_per_week <= 7:
        raise DomainError(_("Rest days a week are 0 to 7."), code="rest_days")
    if data.rest_weekday is not None and not 0 <= data.rest_weekday <= 6:
        raise DomainError(_("Choose a day of the week."), code="rest_weekday")
    values: dict[str, Any] = {
        "destination": destination,
        "currency": _currency(data.currency),
        "pay_amount": _amount(data.pay_amount, name="pay_amount"),
        "pay_period": data.pay_period,
        "sector": data.sector,
        "time_zone": data.time_zone,
        "employer": data.employer,
        "worker_category": (data.worker_category or "").strip()[:40],
        "hours_per_day": data.hours_per_day,
        "hours_per_week": data.hours_per_week,
        "rest_days_per_week": data.rest_days_per_week,
        "rest_weekday": data.rest_weekday,
        "overtime_rate": data.overtime_rate,
        "standby_counts_as_work": data.standby_counts_as_work,
        "food_provided": data.food_provided,
        "food_allowance": _amount(data.food_allowance, name="food_allowance"),
        "housing_provided": data.housing_provided,
        "deductions": clean_deductions(data.deductions),
        "signed_on": data.signed_on,
    }
    with transaction.atomic():
        terms, created = WageTerms.objects.select_for_update().get_or_create(
            worker=worker, defaults={**values, "created_by": actor}
        )
        if not created:
            for name, value in values.items():
                setattr(terms, name, value)
            terms.save()
    return terms


def pay_record_save(
    *,
    actor: User,
    worker: User,
    period: Period,
    currency: str,
    received: Decimal,
    deductions: list[dict[str, Any]],
    paid_on: dt.date | None = None,
) -> PayRecord:
    """What the worker was paid for ``period``, and what was kept back. Replaces an earlier record."""
    _own(actor, worker)
    amount = _amount(received, name="received")
    cleaned = clean_deductions(deductions)
    code = _currency(currency)
    with transaction.atomic():
        record = PayRecord.objects.select_for_update().filter(worker=worker, period=period.key).first()
        if record is None:
            record = PayRecord(worker=worker, period=period.key, created_by=actor)
        record.starts_on, record.ends_on = period.first, period.last
        record.currency = code
        record.received = f"{amount:f}"
        record.deductions = json.dumps(cleaned)
        record.paid_on = paid_on
        record.save()
    return record


@dataclass(frozen=True)
class PayReceived:
    currency: str
    received: Decimal
    deductions: list[dict[str, str]]
    paid_on: dt.date | None


def pay_record_read(record: PayRecord) -> PayReceived:
    """The clear values of a record (the caller checked the reader)."""
    try:
        deductions = json.loads(record.deductions or "[]")
    except ValueError:
        deductions = []
    return PayReceived(record.currency, Decimal(record.received or "0"), deductions, record.paid_on)
