"""A vacancy's terms as the compliance engine reads them. Pure: no database, no Django.

``offer_terms`` is the one mapping from what a poster states (pay, hours, rest, costs and who pays them …)
to the engine's ``OfferTerms`` for one corridor. ``VacancyTerms`` is a plain snapshot of the stored rows,
so the mapping can be tested, and run by other apps (matching), without a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from mizan.compliance.engine.context import WEEKS_PER_MONTH, per_period
from mizan.compliance.engine.terms import (
    Allowance,
    Allowances,
    Contract,
    CostCategory,
    FeeItem,
    FeeStatus,
    OfferTerms,
    Party,
    Pay,
    PayPeriod,
    Recruiter,
    Rest,
    Sector,
    WorkingHours,
)

CENT = Decimal("0.01")

# Terms.pay_period → the engine's period. The engine has no week: weekly pay is turned into monthly pay.
_PERIODS = {"month": PayPeriod.MONTHLY, "day": PayPeriod.DAILY, "hour": PayPeriod.HOURLY}
# Who is paid, where the category says it (an unstated payee counts for every cap: the stricter reading).
_PAYEES = {
    CostCategory.RECRUITMENT_FEE.value: Party.RECRUITER,
    CostCategory.GOVERNMENT_LEVY.value: Party.GOVERNMENT,
}


@dataclass(frozen=True)
class CostLine:
    category: str  # an engine CostCategory value
    amount: Decimal
    currency: str
    paid_by: str  # employer / worker / shared
    worker_amount: Decimal | None = None  # the worker's part of a shared cost


@dataclass(frozen=True)
class RecruiterFacts:
    """Who recruits, from the registry: an employer hiring directly, or an agency and its licence."""

    direct_hire: bool
    licensed: bool | None = None
    licence_number: str | None = None


@dataclass(frozen=True)
class VacancyTerms:
    pay_amount: Decimal
    pay_currency: str
    pay_period: str  # month / week / day / hour
    hours_per_day: Decimal | None = None
    hours_per_week: Decimal | None = None
    rest_days_per_week: Decimal | None = None
    annual_leave_days: int | None = None
    overtime_rate: Decimal | None = None
    housing_allowance: Decimal | None = None  # a month, in the pay currency
    food_allowance: Decimal | None = None
    transport_allowance: Decimal | None = None
    accommodation_provided: bool = False
    food_provided: bool = False
    contract_months: int | None = None
    costs: tuple[CostLine, ...] = field(default=())
    recruiter: RecruiterFacts | None = None


def _allowance(provided: bool, amount: Decimal | None, currency: str) -> Allowance:
    if provided:
        return Allowance(provided=True, amount=amount, currency=currency if amount is not None else None)
    # Not given and no money instead: a cash allowance of 0, so a required allowance is found missing.
    return Allowance(amount=amount if amount is not None else Decimal(0), currency=currency)


def _fees(costs: tuple[CostLine, ...]) -> tuple[FeeItem, ...]:
    fees: list[FeeItem] = []
    for cost in costs:
        category = CostCategory(cost.category)
        payee = _PAYEES.get(cost.category)
        worker_part = cost.amount if cost.paid_by == "worker" else (cost.worker_amount or Decimal(0))
        employer_part = cost.amount - worker_part
        if employer_part > 0:
            fees.append(
                FeeItem(
                    category=category,
                    amount=employer_part,
                    currency=cost.currency,
                    paid_by=Party.EMPLOYER,
                    paid_to=payee,
                    status=FeeStatus.ASKED,
                )
            )
        if worker_part > 0:
            fees.append(
                FeeItem(
                    category=category,
                    amount=worker_part,
                    currency=cost.currency,
                    paid_by=Party.WORKER,
                    paid_to=payee,
                    status=FeeStatus.ASKED,
                )
            )
    return tuple(fees)


def _pay(terms: VacancyTerms) -> Pay:
    if terms.pay_period == "week":
        monthly = (terms.pay_amount * WEEKS_PER_MONTH).quantize(CENT, rounding=ROUND_HALF_UP)
        return Pay(amount=monthly, currency=terms.pay_currency, period=PayPeriod.MONTHLY)
    return Pay(amount=terms.pay_amount, currency=terms.pay_currency, period=_PERIODS[terms.pay_period])


def _hours(terms: VacancyTerms) -> WorkingHours | None:
    if terms.hours_per_day is None and terms.hours_per_week is None:
        return None
    return WorkingHours(per_day=terms.hours_per_day, per_week=terms.hours_per_week)


def _rest(terms: VacancyTerms) -> Rest | None:
    return Rest(days_per_week=terms.rest_days_per_week) if terms.rest_days_per_week is not None else None


def offer_terms(
    vacancy_terms: VacancyTerms,
    *,
    origin: str,
    destination: str,
    sector: str | None,
    on: dt.date,
    destination_region: str | None = None,
) -> OfferTerms:
    """The vacancy's terms for one corridor (origin → destination), as of ``on``.

    Costs become fee items (a shared cost: the employer's part and the worker's part), status "asked";
    food and housing are given free, or paid as an allowance (none stated: an allowance of 0); transport
    is the "other" allowance. The vacancy is a representation to every worker: nothing listed means the
    worker pays nothing (``fees=()``). What a vacancy cannot state (the written contract, who keeps the
    passport) is left out, and the engine reports it as "could not check", which never blocks."""
    terms = vacancy_terms
    currency = terms.pay_currency
    other = (
        Allowance(amount=terms.transport_allowance, currency=currency)
        if terms.transport_allowance is not None
        else None
    )
    recruiter = None
    if terms.recruiter is not None:
        facts = terms.recruiter
        recruiter = Recruiter(
            direct_hire=facts.direct_hire, licensed=facts.licensed, licence_number=facts.licence_number
        )
    return OfferTerms(
        origin=origin,
        destination=destination,
        destination_region=destination_region or None,
        sector=Sector(sector) if sector else None,
        date=on,
        pay=_pay(terms),
        allowances=Allowances(
            food=_allowance(terms.food_provided, terms.food_allowance, currency),
            housing=_allowance(terms.accommodation_provided, terms.housing_allowance, currency),
            other=other,
        ),
        hours=_hours(terms),
        overtime_rate=terms.overtime_rate,
        rest=_rest(terms),
        annual_leave_days=Decimal(terms.annual_leave_days) if terms.annual_leave_days is not None else None,
        fees=_fees(terms.costs),
        contract=Contract(duration_months=terms.contract_months) if terms.contract_months else None,
        recruiter=recruiter,
    )


def pay_per_month(vacancy_terms: VacancyTerms) -> Decimal | None:
    """Basic pay a month in the pay currency (daily pay times working days, hourly pay times hours a week), or
    None when the terms do not say enough (hourly pay without hours a week)."""
    offer = OfferTerms(pay=_pay(vacancy_terms), hours=_hours(vacancy_terms), rest=_rest(vacancy_terms))
    pay = offer.pay
    if pay is None or pay.amount is None or pay.period is None:
        return None
    monthly, _missing = per_period(pay.amount, pay.period, PayPeriod.MONTHLY, offer)
    return None if monthly is None else monthly.quantize(CENT, rounding=ROUND_HALF_UP)
