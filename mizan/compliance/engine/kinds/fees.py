"""Recruitment fees and costs: caps on what a worker pays, and costs the employer must bear."""

from __future__ import annotations

import math
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from mizan.compliance.engine.context import RuleContext, money, number, per_period
from mizan.compliance.engine.findings import Finding
from mizan.compliance.engine.kinds import Params, rule_kind, settle
from mizan.compliance.engine.terms import (
    CostCategory,
    CurrencyCode,
    FeeItem,
    FeeStatus,
    OfferTerms,
    Party,
    PayPeriod,
)


class Limit(StrEnum):
    ZERO = "zero"
    AMOUNT = "amount"
    WAGE_SHARE = "wage_share"  # a share of the first month's basic wage
    WAGE_MONTHS = "wage_months"  # months of basic wage (optionally per contract year, with a maximum)


class FeeCapParams(Params):
    limit: Limit
    amount: Annotated[Decimal, Field(gt=0)] | None = None
    currency: CurrencyCode | None = None
    share: Annotated[Decimal, Field(gt=0, le=1)] | None = None
    months: Annotated[Decimal, Field(gt=0, le=24)] | None = None
    per_contract_year: bool = False
    max_months: Annotated[Decimal, Field(gt=0, le=24)] | None = None
    categories: list[CostCategory] | None = None  # which costs count (default: all)
    exclude: list[CostCategory] = Field(default_factory=list)
    payees: list[Party] | None = None  # only costs paid to these count (an unstated payee counts)
    deducted_only: bool = False  # only costs taken out of the worker's pay count

    @model_validator(mode="after")
    def _limit_fields(self) -> FeeCapParams:
        needed = {
            Limit.ZERO: (),
            Limit.AMOUNT: ("amount", "currency"),
            Limit.WAGE_SHARE: ("share",),
            Limit.WAGE_MONTHS: ("months",),
        }[self.limit]
        absent = [name for name in needed if getattr(self, name) is None]
        if absent:
            raise ValueError(f"limit {self.limit.value} needs {', '.join(absent)}")
        return self


def _counted(fees: tuple[FeeItem, ...], params: FeeCapParams) -> list[FeeItem]:
    result = []
    for item in fees:
        if not item.borne_by_worker or (params.deducted_only and not item.deducted_from_wages):
            continue
        if params.categories is not None and item.category not in params.categories:
            continue
        if item.category in params.exclude:
            continue
        if params.payees is not None and item.paid_to is not None and item.paid_to not in params.payees:
            continue
        result.append(item)
    return result


_ORDER = {category: index for index, category in enumerate(CostCategory)}


def _categories(items: list[FeeItem]) -> str:
    categories = sorted({item.category for item in items}, key=lambda category: _ORDER[category])
    return ",".join(categories)


def _total(
    items: list[FeeItem], target: str, default_currency: str | None, ctx: RuleContext
) -> tuple[Decimal, list[str], list[Finding]]:
    """Sum of the items that can be counted in ``target`` currency, the fields missing for the rest, and
    the no-rate infos. A partial sum is still a lower bound: when it is already over a cap, the rest
    cannot bring it back under, so callers may conclude before they give up.
    """
    total = Decimal(0)
    missing: list[str] = []
    infos: list[Finding] = []
    for item in items:
        currency = item.currency or default_currency
        if item.amount is None:
            missing.append("fees.amount")
            continue
        if currency is None:
            missing.append("fees.currency")
            continue
        value = ctx.convert(item.amount, currency, target)
        if value is None:
            infos.append(ctx.no_rate(currency, target))
            continue
        total += value
    return total, missing, infos


def _incomplete(missing: list[str], infos: list[Finding], ctx: RuleContext) -> list[Finding] | None:
    """The findings to return when some items could not be counted (None when all were)."""
    if not (missing or infos):
        return None
    return infos or [ctx.unknown(*missing)]


@rule_kind("worker_fee_cap", FeeCapParams)
def worker_fee_cap(terms: OfferTerms, params: FeeCapParams, ctx: RuleContext) -> list[Finding]:
    """What the worker pays or owes (in the counted categories) must stay within the limit."""
    if terms.fees is None:
        return [ctx.unknown("fees")]
    items = _counted(terms.fees, params)
    if not items:
        return [ctx.ok]
    pay = terms.pay
    pay_currency = pay.currency if pay else None
    categories = _categories(items)
    if params.limit is Limit.ZERO:
        target = pay_currency or items[0].currency
        params_out = {"categories": categories}
        if target:
            total, missing, infos = _total(items, target, pay_currency, ctx)
            if not (missing or infos):
                params_out["paid"] = money(total, target)
                params_out["excess"] = money(total, target)
        return [ctx.violation("compliance.worker_fee_cap.zero", **params_out)]
    if params.limit is Limit.AMOUNT:
        assert params.amount is not None
        assert params.currency is not None
        total, missing, infos = _total(items, params.currency, pay_currency, ctx)
        if total <= params.amount and (incomplete := _incomplete(missing, infos, ctx)):
            return incomplete
        if total > params.amount:
            return [
                ctx.violation(
                    "compliance.worker_fee_cap.amount",
                    paid=money(total, params.currency),
                    maximum=money(params.amount, params.currency),
                    excess=money(total - params.amount, params.currency),
                    categories=categories,
                )
            ]
        return [ctx.ok]
    # Caps measured in the worker's wage.
    if pay is None or pay.amount is None or pay.currency is None or pay.period is None:
        return [ctx.unknown("pay.amount")]
    monthly, lack = per_period(pay.amount, pay.period, PayPeriod.MONTHLY, terms)
    if monthly is None:
        return [ctx.unknown(lack or "pay.period")]
    total, missing, infos = _total(items, pay.currency, pay.currency, ctx)
    incomplete = _incomplete(missing, infos, ctx)
    if params.limit is Limit.WAGE_SHARE:
        assert params.share is not None
        cap = monthly * params.share
        if total <= cap and incomplete:
            return incomplete
        if total > cap:
            return [
                ctx.violation(
                    "compliance.worker_fee_cap.wage_share",
                    paid=money(total, pay.currency),
                    maximum=money(cap, pay.currency),
                    excess=money(total - cap, pay.currency),
                    percent=number(params.share * 100),
                    categories=categories,
                )
            ]
        return [ctx.ok]
    assert params.months is not None
    months = params.months
    upper = params.max_months or months
    duration = terms.contract.duration_months if terms.contract else None
    if params.per_contract_year:
        if duration is None:
            # Unknown length: only what is over the largest possible cap, or under the smallest, is sure.
            if total <= monthly * months:
                return incomplete or [ctx.ok]
            if total <= monthly * upper:
                return incomplete or [ctx.unknown("contract.duration_months")]
            months = upper
        else:
            months = min(months * math.ceil(duration / 12), upper)
    cap = monthly * months
    if total <= cap and incomplete:
        return incomplete
    if total > cap:
        return [
            ctx.violation(
                "compliance.worker_fee_cap.wage_months",
                paid=money(total, pay.currency),
                maximum=money(cap, pay.currency),
                excess=money(total - cap, pay.currency),
                months=number(months),
                categories=categories,
            )
        ]
    return [ctx.ok]


class EmployerPaysParams(Params):
    categories: Annotated[list[CostCategory], Field(min_length=1)]


@rule_kind("employer_pays_costs", EmployerPaysParams)
def employer_pays_costs(terms: OfferTerms, params: EmployerPaysParams, ctx: RuleContext) -> list[Finding]:
    """Costs in these categories are the employer's: a worker who pays or owes them is a breach."""
    if terms.fees is None:
        return [ctx.unknown("fees")]
    problems: list[Finding] = []
    missing: list[str] = []
    default_currency = terms.pay.currency if terms.pay else None
    for index, item in enumerate(terms.fees):
        if item.category not in params.categories:
            continue
        if item.borne_by_worker:
            found = {"category": item.category.value, "item": str(index)}
            currency = item.currency or default_currency
            if item.amount is not None and currency:
                found["paid"] = money(item.amount, currency)
                found["excess"] = found["paid"]
            if item.status is not FeeStatus.PAID:
                found["status"] = item.status.value
            problems.append(ctx.violation("compliance.employer_pays_costs.worker_pays", **found))
        elif item.paid_by is None:
            missing.append("fees.paid_by")
    return settle(ctx, problems, missing)
