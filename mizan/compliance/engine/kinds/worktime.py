"""Working time: maximum hours, weekly rest, daily rest and paid annual leave."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field, model_validator

from mizan.compliance.engine.context import RuleContext, number
from mizan.compliance.engine.findings import Finding
from mizan.compliance.engine.kinds import Params, rule_kind, settle
from mizan.compliance.engine.terms import Buyout, OfferTerms

DayHours = Annotated[Decimal, Field(gt=0, le=24)]
WeekHours = Annotated[Decimal, Field(gt=0, le=168)]


class MaxHoursParams(Params):
    per_day: DayHours | None = None  # normal hours
    per_week: WeekHours | None = None
    total_per_day: DayHours | None = None  # normal hours plus overtime
    total_per_week: WeekHours | None = None

    @model_validator(mode="after")
    def _some_limit(self) -> MaxHoursParams:
        if not any((self.per_day, self.per_week, self.total_per_day, self.total_per_week)):
            raise ValueError("give at least one of per_day, per_week, total_per_day, total_per_week")
        return self


@rule_kind("max_normal_hours", MaxHoursParams)
def max_normal_hours(terms: OfferTerms, params: MaxHoursParams, ctx: RuleContext) -> list[Finding]:
    """Normal hours (and normal hours plus overtime) per day and per week must stay within the limits."""
    problems: list[Finding] = []
    missing: list[str] = []
    hours = terms.hours
    day = hours.per_day if hours else None
    week = hours.per_week if hours else None
    checks = (
        (params.per_day, day, "hours.per_day", "daily"),
        (params.per_week, week, "hours.per_week", "weekly"),
        (
            params.total_per_day,
            None if day is None else day + (hours.overtime_per_day or 0 if hours else 0),
            "hours.per_day",
            "total_daily",
        ),
        (
            params.total_per_week,
            None if week is None else week + (hours.overtime_per_week or 0 if hours else 0),
            "hours.per_week",
            "total_weekly",
        ),
    )
    for limit, offered, field, key in checks:
        if limit is None:
            continue
        if offered is None:
            missing.append(field)
        elif offered > limit:
            problems.append(
                ctx.violation(
                    f"compliance.max_normal_hours.{key}", offered=number(offered), maximum=number(limit)
                )
            )
    return settle(ctx, problems, missing)


class WeeklyRestParams(Params):
    days_per_week: Annotated[Decimal, Field(ge=0, le=7)] = Decimal(1)  # 0: only the other checks
    consecutive_hours: Annotated[Decimal, Field(gt=0, le=168)] | None = Decimal(24)
    buyout_allowed: bool = True  # may rest days be worked for extra pay instead?
    non_compensable_per_month: Annotated[int, Field(ge=0, le=31)] = 0  # rest days a month never bought out


@rule_kind("weekly_rest", WeeklyRestParams)
def weekly_rest(terms: OfferTerms, params: WeeklyRestParams, ctx: RuleContext) -> list[Finding]:
    """Enough rest days a week, each long enough, not bought out where the law forbids it. A rest day
    whose length is not stated is taken to be a full 24 hours."""
    problems: list[Finding] = []
    missing: list[str] = []
    rest = terms.rest
    if not params.days_per_week:
        pass
    elif rest is None or rest.days_per_week is None:
        missing.append("rest.days_per_week")
    elif rest.days_per_week < params.days_per_week:
        problems.append(
            ctx.violation(
                "compliance.weekly_rest.days",
                offered=number(rest.days_per_week),
                minimum=number(params.days_per_week),
            )
        )
    length = rest.consecutive_hours if rest else None
    if params.consecutive_hours and length is not None and length < params.consecutive_hours:
        problems.append(
            ctx.violation(
                "compliance.weekly_rest.hours",
                offered=number(length),
                minimum=number(params.consecutive_hours),
            )
        )
    if not params.buyout_allowed or params.non_compensable_per_month:
        buyout = rest.buyout if rest else None
        if buyout is None:
            missing.append("rest.buyout")
        elif not params.buyout_allowed and buyout is not Buyout.NEVER:
            problems.append(ctx.violation("compliance.weekly_rest.bought_out"))
        elif params.non_compensable_per_month and buyout is Buyout.ALWAYS:
            problems.append(
                ctx.violation(
                    "compliance.weekly_rest.monthly_bought_out", days=str(params.non_compensable_per_month)
                )
            )
    return settle(ctx, problems, missing)


class DailyRestParams(Params):
    hours: Annotated[Decimal, Field(gt=0, le=24)]  # consecutive hours of rest in every 24


@rule_kind("daily_rest", DailyRestParams)
def daily_rest(terms: OfferTerms, params: DailyRestParams, ctx: RuleContext) -> list[Finding]:
    """At least ``hours`` consecutive rest a day; working hours that leave less time also fail."""
    rest = terms.rest
    if rest and rest.daily_rest_hours is not None:
        offered: Decimal | None = rest.daily_rest_hours
    elif terms.hours and terms.hours.per_day is not None:
        worked = terms.hours.per_day + (terms.hours.overtime_per_day or 0)
        offered = Decimal(24) - worked if Decimal(24) - worked < params.hours else None
    else:
        offered = None
    if offered is None:
        return [ctx.unknown("rest.daily_rest_hours")]
    if offered < params.hours:
        return [
            ctx.violation(
                "compliance.daily_rest.below", offered=number(offered), minimum=number(params.hours)
            )
        ]
    return [ctx.ok]


class AnnualLeaveParams(Params):
    days_per_year: Annotated[Decimal, Field(gt=0, le=366)]


@rule_kind("annual_leave", AnnualLeaveParams)
def annual_leave(terms: OfferTerms, params: AnnualLeaveParams, ctx: RuleContext) -> list[Finding]:
    """At least ``days_per_year`` days of paid annual leave (a leave of N days every 2 years counts N/2)."""
    if terms.annual_leave_days is None:
        return [ctx.unknown("annual_leave_days")]
    if terms.annual_leave_days < params.days_per_year:
        return [
            ctx.violation(
                "compliance.annual_leave.below",
                offered=number(terms.annual_leave_days),
                minimum=number(params.days_per_year),
            )
        ]
    return [ctx.ok]
