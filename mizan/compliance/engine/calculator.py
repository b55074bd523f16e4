"""The offer calculator: net pay, what recruitment costs the worker, how long repaying takes, and the
worker's own SDG indicator 10.7.1 ratio (fact sheet A8: INT.SDG1071.CALC).

SDG 10.7.1 for one worker k: C_k / E_k, where C_k is every recruitment cost the worker (or family) pays
or owes, and E_k the monthly earnings in the destination — basic pay, cash allowances and overtime pay,
less destination taxes and social security, less wage deductions that recover recruitment costs the
employer advanced (INT.SDG1071.COST, INT.SDG1071.EARN). Everything is in the pay currency, converted with
the dated rate table; what cannot be converted is listed, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from mizan.compliance.engine.context import CENT, WEEKS_PER_MONTH, per_period
from mizan.compliance.engine.findings import Report, Severity
from mizan.compliance.engine.rates import RateTable
from mizan.compliance.engine.terms import DeductionKind, FeeStatus, OfferTerms, PayPeriod

TENTH = Decimal("0.1")
LAWFUL = {
    DeductionKind.TAX,
    DeductionKind.SOCIAL_SECURITY,
    DeductionKind.FOOD,
    DeductionKind.HOUSING,
    DeductionKind.OTHER,
}
FEE_KEYS = ("compliance.worker_fee_cap.", "compliance.employer_pays_costs.")


@dataclass(frozen=True, slots=True)
class OfferCalculation:
    currency: str | None
    gross_monthly_pay: Decimal | None  # basic pay and cash allowances
    overtime_monthly_pay: Decimal | None
    lawful_deductions: Decimal | None  # tax, social security, food, housing, other
    net_monthly_pay: Decimal | None  # gross less lawful deductions
    recruitment_deductions: Decimal | None  # deductions that repay recruitment costs
    take_home_pay: Decimal | None
    worker_costs_paid: Decimal | None
    worker_costs_owed: Decimal | None  # asked for or to be repaid
    worker_costs_total: Decimal | None
    costs_against_rules: Decimal | None  # the largest amount a fee finding says is over the rules
    months_to_repay: Decimal | None  # worker_costs_total / net_monthly_pay
    sdg_10_7_1_ratio: Decimal | None
    missing: tuple[str, ...]
    unconverted: tuple[str, ...]  # currencies with no usable rate

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name in self.__slots__:
            value = getattr(self, name)
            result[name] = (
                str(value)
                if isinstance(value, Decimal)
                else (list(value) if isinstance(value, tuple) else value)
            )
        return result


def _q(value: Decimal | None, step: Decimal = CENT) -> Decimal | None:
    return None if value is None else value.quantize(step, rounding=ROUND_HALF_UP)


class _Converter:
    def __init__(self, target: str | None, rates: RateTable | None, report: Report) -> None:
        self.target = target
        self.rates = rates
        self.on = report.on
        self.unconverted: set[str] = set()

    def __call__(self, amount: Decimal, currency: str | None) -> Decimal | None:
        source = currency or self.target
        if source is None or self.target is None:
            return None
        if source == self.target:
            return amount
        conversion = self.rates.convert(amount, source, self.target, self.on) if self.rates else None
        if conversion is None:
            self.unconverted.add(source)
            return None
        return conversion.amount

    def total(
        self, items: Iterable[tuple[Decimal | None, str | None]], missing: list[str], field: str
    ) -> Decimal | None:
        total = Decimal(0)
        complete = True
        for amount, currency in items:
            if amount is None:
                missing.append(field)
                complete = False
                continue
            value = self(amount, currency)
            if value is None:
                complete = False
                continue
            total += value
        return total if complete else None


def offer_calculator(terms: OfferTerms, report: Report, rates: RateTable | None = None) -> OfferCalculation:
    """Figures for one offer. ``rates``: the pack set's rate table (``packs.rates``), for costs paid in
    another currency than the pay."""
    missing: list[str] = []
    pay = terms.pay
    currency = pay.currency if pay else None
    convert = _Converter(currency, rates, report)
    basic: Decimal | None = None
    if pay is None or pay.amount is None or pay.currency is None or pay.period is None:
        missing.append("pay.amount")
    else:
        basic, lack = per_period(pay.amount, pay.period, PayPeriod.MONTHLY, terms)
        if basic is None:
            missing.append(lack or "pay.period")
    gross = basic
    if gross is not None and terms.allowances:
        for allowance in (terms.allowances.food, terms.allowances.housing, terms.allowances.other):
            if allowance is None or allowance.provided or allowance.amount is None:
                continue
            monthly, _lack = per_period(allowance.amount, allowance.period, PayPeriod.MONTHLY, terms)
            value = convert(monthly, allowance.currency) if monthly is not None else None
            if value is not None:
                gross += value
    overtime: Decimal | None = Decimal(0)
    hours = terms.hours
    if basic is not None and hours and hours.overtime_per_week and hours.per_week and terms.overtime_rate:
        hourly = basic / (hours.per_week * WEEKS_PER_MONTH)
        overtime = hourly * terms.overtime_rate * hours.overtime_per_week * WEEKS_PER_MONTH
    lawful = Decimal(0)
    taxes = Decimal(0)
    recruitment = Decimal(0)
    for deduction in terms.deductions or ():
        monthly, _lack = per_period(deduction.amount, deduction.period, PayPeriod.MONTHLY, terms)
        value = convert(monthly, deduction.currency) if monthly is not None else None
        if value is None:
            continue
        if deduction.kind in LAWFUL:
            lawful += value
            if deduction.kind in (DeductionKind.TAX, DeductionKind.SOCIAL_SECURITY):
                taxes += value
        else:
            recruitment += value
    net = None if gross is None else gross - lawful
    take_home = None if net is None else net - recruitment
    paid = owed = None
    if terms.fees is None:
        missing.append("fees")
    else:
        borne = [item for item in terms.fees if item.borne_by_worker]
        paid = convert.total(
            ((i.amount, i.currency) for i in borne if i.status is FeeStatus.PAID), missing, "fees.amount"
        )
        owed = convert.total(
            ((i.amount, i.currency) for i in borne if i.status is not FeeStatus.PAID), missing, "fees.amount"
        )
    total = None if paid is None or owed is None else paid + owed
    against: Decimal | None = None
    for finding in report.findings:
        if finding.severity is Severity.INFO or not finding.message_key.startswith(FEE_KEYS):
            continue
        excess = finding.params.get("excess")
        if not excess:
            continue
        code, _sep, amount = excess.partition(" ")
        value = convert(Decimal(amount), code)
        if value is not None and (against is None or value > against):
            against = value
    months = ratio = None
    if total is not None and net is not None and net > 0:
        months = total / net
    if total is not None and gross is not None:
        earnings = gross + (overtime or 0) - taxes - recruitment
        if earnings > 0:
            ratio = total / earnings
    return OfferCalculation(
        currency=currency,
        gross_monthly_pay=_q(gross),
        overtime_monthly_pay=_q(overtime) if basic is not None else None,
        lawful_deductions=_q(lawful) if gross is not None else None,
        net_monthly_pay=_q(net),
        recruitment_deductions=_q(recruitment) if gross is not None else None,
        take_home_pay=_q(take_home),
        worker_costs_paid=_q(paid),
        worker_costs_owed=_q(owed),
        worker_costs_total=_q(total),
        costs_against_rules=_q(against),
        months_to_repay=_q(months, TENTH),
        sdg_10_7_1_ratio=_q(ratio),
        missing=tuple(sorted(set(missing))),
        unconverted=tuple(sorted(convert.unconverted)),
    )
