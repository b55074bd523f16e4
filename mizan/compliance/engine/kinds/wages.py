"""Pay: minimum wage (with the allowances that count or are due on top) and the overtime premium."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field, model_validator

from mizan.compliance.engine.context import RuleContext, money, number, per_period
from mizan.compliance.engine.findings import Finding
from mizan.compliance.engine.kinds import Params, rule_kind, settle
from mizan.compliance.engine.terms import AllowanceKind, CurrencyCode, OfferTerms, PayPeriod

Positive = Annotated[Decimal, Field(gt=0, allow_inf_nan=False)]


class MinimumWageParams(Params):
    amount: Positive
    currency: CurrencyCode
    period: PayPeriod
    # The same minimum as the source states it for other periods (e.g. Malaysia's daily and hourly rates).
    equivalents: dict[PayPeriod, Positive] = Field(default_factory=dict)
    # Allowances whose cash (or stated in-kind value) counts toward the minimum.
    counts: list[AllowanceKind] = Field(default_factory=list)
    # Monthly cash allowances due on top of the minimum unless the thing itself is provided free.
    required_allowances: dict[AllowanceKind, Positive] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _no_overlap(self) -> MinimumWageParams:
        if set(self.counts) & set(self.required_allowances):
            raise ValueError("an allowance cannot both count toward the minimum and be due on top of it")
        return self


@rule_kind("minimum_wage", MinimumWageParams)
def minimum_wage(terms: OfferTerms, params: MinimumWageParams, ctx: RuleContext) -> list[Finding]:
    """Basic pay (plus the allowances that count) must reach the minimum; required allowances must be
    paid in cash or provided."""
    problems: list[Finding] = []
    missing: list[str] = []
    pay = terms.pay
    if pay is None or pay.amount is None or pay.currency is None or pay.period is None:
        missing.extend(
            f"pay.{name}"
            for name in ("amount", "currency", "period")
            if pay is None or getattr(pay, name) is None
        )
    else:
        period = pay.period
        if period is params.period:
            minimum: Decimal | None = params.amount
        else:
            minimum = params.equivalents.get(period)
        if minimum is None:
            period = params.period
            minimum = params.amount
        offered, lack = per_period(pay.amount, pay.period, period, terms)
        if offered is None:
            missing.append(lack or "pay.period")
        else:
            for kind in params.counts:
                allowance = terms.allowances.get(kind) if terms.allowances else None
                if allowance is None or allowance.amount is None:
                    continue
                value, lack = per_period(allowance.amount, allowance.period, period, terms)
                converted = (
                    ctx.convert(value, allowance.currency or pay.currency, pay.currency) if value else None
                )
                if converted is not None:
                    offered += converted
            in_law_currency = ctx.convert(offered, pay.currency, params.currency)
            if in_law_currency is None:
                problems.append(ctx.no_rate(pay.currency, params.currency))
            elif in_law_currency < minimum:
                problems.append(
                    ctx.violation(
                        "compliance.minimum_wage.below",
                        offered=money(in_law_currency, params.currency),
                        minimum=money(minimum, params.currency),
                        period=period.value,
                        shortfall=money(minimum - in_law_currency, params.currency),
                    )
                )
    for kind, due in params.required_allowances.items():
        allowance = terms.allowances.get(kind) if terms.allowances else None
        if allowance is None or (not allowance.provided and allowance.amount is None):
            missing.append(f"allowances.{kind.value}")
            continue
        if allowance.provided:
            continue
        assert allowance.amount is not None
        monthly, lack = per_period(allowance.amount, allowance.period, PayPeriod.MONTHLY, terms)
        currency = allowance.currency or (pay.currency if pay else None)
        if monthly is None or currency is None:
            missing.append(lack or f"allowances.{kind.value}.currency")
            continue
        value = ctx.convert(monthly, currency, params.currency)
        if value is None:
            problems.append(ctx.no_rate(currency, params.currency))
        elif value < due:
            problems.append(
                ctx.violation(
                    "compliance.minimum_wage.allowance_below",
                    allowance=kind.value,
                    offered=money(value, params.currency),
                    minimum=money(due, params.currency),
                    shortfall=money(due - value, params.currency),
                )
            )
    return settle(ctx, problems, missing)


class OvertimePremiumParams(Params):
    minimum_rate: Annotated[Decimal, Field(ge=1, le=5)]  # multiple of the normal hourly pay, e.g. 1.25


@rule_kind("overtime_premium", OvertimePremiumParams)
def overtime_premium(terms: OfferTerms, params: OvertimePremiumParams, ctx: RuleContext) -> list[Finding]:
    """Overtime must be paid at least ``minimum_rate`` times the normal rate."""
    if terms.overtime_rate is None:
        hours = terms.hours
        if hours and hours.overtime_per_day == 0 and hours.overtime_per_week in (None, 0):
            return [ctx.ok]  # no overtime in this job
        return [ctx.unknown("overtime_rate")]
    if terms.overtime_rate < params.minimum_rate:
        return [
            ctx.violation(
                "compliance.overtime_premium.below",
                offered=number(terms.overtime_rate),
                minimum=number(params.minimum_rate),
            )
        ]
    return [ctx.ok]
