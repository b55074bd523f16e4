"""The pay components, each under the contract and under the law: basic pay (against the minimum wage),
allowances, overtime, rest days worked and public holidays worked.

"Whichever is higher" is applied per component (``Sheet.component``): the law is a floor for each part of
the pay, so a generous basic wage does not excuse unpaid overtime, and the total due is the sum of the
components' higher figures. A part neither the contract nor the law fixes counts as 0 and is listed as
"could not check".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from mizan.wages.engine.hours import HourSplit, hours
from mizan.wages.engine.inputs import Allowance, ContractTerms, PayPeriod, Period
from mizan.wages.engine.law import LawRules
from mizan.wages.engine.money import Converter, Week, daily, hourly, number, prorate, text
from mizan.wages.engine.results import Basis
from mizan.wages.engine.sheet import Sheet

ZERO = Decimal(0)
C, L = Basis.CONTRACT, Basis.LAW


@dataclass
class Ctx:
    terms: ContractTerms
    law: LawRules
    period: Period
    currency: str
    first: dt.date
    last: dt.date | None  # the last day counted; None: nothing counted yet
    convert: Converter
    days_worked: list[dt.date]  # days with counted work
    paid_days: list[dt.date]  # days worked that are not paid by a rest-day or holiday line
    worked: dt.timedelta  # all counted work
    contract_split: HourSplit
    law_split: HourSplit
    contract_week: Week
    law_week: Week

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1 if self.last else 0

    def for_period(self, amount: Decimal, per: PayPeriod) -> Decimal:
        """An amount per ``per`` for what was counted: prorated days, days worked or hours worked."""
        if self.last is None:
            return ZERO
        if per in (PayPeriod.MONTH, PayPeriod.WEEK):
            return prorate(amount, per, self.first, self.last)
        if per is PayPeriod.DAY:
            return amount * len(self.days_worked)
        return amount * hours(self.worked)

    def legal(self, amount: Decimal, currency: str, sheet: Sheet) -> Decimal | None:
        found = self.convert(amount, currency, self.currency, self.law.on)
        if found is None:
            sheet.cannot_check(f"currency:{currency}")
        return found

    def minimum(self, sheet: Sheet) -> tuple[Decimal, PayPeriod] | None:
        """The legal minimum in the statement's currency, per the contract's pay period if the law states
        it so, else per its own period."""
        wage = self.law.minimum_wage
        if wage is None:
            return None
        amount, per = wage.value.per(self.terms.pay_period)
        converted = self.legal(amount, wage.value.currency, sheet)
        return None if converted is None else (converted, per)

    def base(self, sheet: Sheet, to: str) -> Decimal | None:
        """The law's hourly or daily pay: from the contract's pay or the minimum wage, whichever is higher,
        over the law's week (the shorter of the contract's and the law's normal hours)."""
        convert = hourly if to == "hour" else daily
        terms = self.terms
        found = [convert(terms.pay.amount, terms.pay_period, self.law_week)]
        minimum = self.minimum(sheet)
        if minimum is not None:
            found.append(convert(minimum[0], minimum[1], self.law_week))
        known = [value for value in found if value is not None]
        return max(known) if known else None


def basic(ctx: Ctx, sheet: Sheet) -> None:
    terms, cur = ctx.terms, ctx.currency
    pay, per = terms.pay.amount, terms.pay_period
    if per in (PayPeriod.MONTH, PayPeriod.WEEK):
        contract = sheet.line(
            "basic",
            C,
            "wages.line.basic.period",
            quantity=ctx.days,
            unit="day",
            rate=pay,
            amount=ctx.for_period(pay, per),
            pay=text(pay, cur),
            per=per.value,
            days=number(ctx.days),
        )
    elif per is PayPeriod.DAY:
        days = len(ctx.paid_days)
        contract = sheet.line(
            "basic",
            C,
            "wages.line.basic.days",
            quantity=days,
            unit="day",
            rate=pay,
            amount=pay * days,
            pay=text(pay, cur),
            days=number(days),
        )
    else:
        normal = hours(ctx.contract_split.normal)
        contract = sheet.line(
            "basic",
            C,
            "wages.line.basic.hours",
            quantity=normal,
            unit="hour",
            rate=pay,
            amount=pay * normal,
            pay=text(pay, cur),
            hours=number(normal),
        )
    wage = ctx.law.minimum_wage
    minimum = ctx.minimum(sheet)
    law: Decimal | None = None
    if wage is None:
        if ctx.law.has_no_law("minimum_wage") is None:
            sheet.cannot_check("minimum_wage")
        sheet.line("minimum_wage", L, "wages.line.minimum.unknown")
    elif minimum is not None:
        amount, mper = minimum
        if mper in (PayPeriod.MONTH, PayPeriod.WEEK):
            floor, quantity, unit = ctx.for_period(amount, mper), Decimal(ctx.days), "day"
        elif mper is PayPeriod.DAY:
            floor, quantity, unit = amount * len(ctx.paid_days), Decimal(len(ctx.paid_days)), "day"
        else:
            quantity, unit = hours(ctx.law_split.normal), "hour"
            floor = amount * quantity
        counted = ZERO
        for kind in wage.value.counts:
            allowance = terms.allowance(kind)
            if allowance is not None and not allowance.provided:
                counted += ctx.for_period(allowance.amount, allowance.period)
        params = {"minimum": text(amount, cur), "per": mper.value, "count": number(quantity)}
        if counted:
            law = sheet.line(
                "minimum_wage",
                L,
                "wages.line.minimum.counts",
                quantity=quantity,
                unit=unit,
                rate=amount,
                amount=max(ZERO, floor - counted),
                citation=wage.source,
                counted=text(counted, cur),
                extra=params,
            )
        else:
            law = sheet.line(
                "minimum_wage",
                L,
                "wages.line.minimum",
                quantity=quantity,
                unit=unit,
                rate=amount,
                amount=floor,
                citation=wage.source,
                extra=params,
            )
    sheet.component("basic", contract, law)


def allowances(ctx: Ctx, sheet: Sheet) -> None:
    required = {item.value.kind: item for item in ctx.law.allowances}
    kinds = list(dict.fromkeys([a.kind for a in ctx.terms.allowances] + list(required)))
    for kind in kinds:
        allowance: Allowance | None = ctx.terms.allowance(kind)
        contract: Decimal | None = None
        if allowance is not None:
            if allowance.provided:
                contract = sheet.line(
                    f"allowance_{kind}", C, "wages.line.allowance.provided", amount=ZERO, allowance=kind.value
                )
            elif not allowance.amount:
                contract = sheet.line(
                    f"allowance_{kind}", C, "wages.line.allowance.none", amount=ZERO, allowance=kind.value
                )
            else:
                contract = sheet.line(
                    f"allowance_{kind}",
                    C,
                    "wages.line.allowance",
                    rate=allowance.amount,
                    amount=ctx.for_period(allowance.amount, allowance.period),
                    allowance=kind.value,
                    pay=text(allowance.amount, ctx.currency),
                    per=allowance.period.value,
                )
        law: Decimal | None = None
        rule = required.get(kind)
        if rule is not None:
            due = rule.value
            if allowance is None:
                sheet.cannot_check(f"allowance_provided:{kind.value}")
                sheet.line(
                    f"allowance_{kind}",
                    L,
                    "wages.line.allowance.law_unknown",
                    citation=rule.source,
                    allowance=kind.value,
                    minimum=text(due.amount, due.currency),
                )
            elif allowance.provided:
                law = sheet.line(
                    f"allowance_{kind}",
                    L,
                    "wages.line.allowance.law_provided",
                    amount=ZERO,
                    citation=rule.source,
                    allowance=kind.value,
                )
            else:
                monthly = ctx.legal(due.amount, due.currency, sheet)
                if monthly is not None:
                    law = sheet.line(
                        f"allowance_{kind}",
                        L,
                        "wages.line.allowance.law",
                        rate=monthly,
                        amount=ctx.for_period(monthly, PayPeriod.MONTH),
                        citation=rule.source,
                        allowance=kind.value,
                        minimum=text(monthly, ctx.currency),
                    )
        sheet.component(f"allowance_{kind.value}", contract, law)


def _contract_overtime(ctx: Ctx, sheet: Sheet) -> Decimal | None:
    terms = ctx.terms
    overtime = hours(ctx.contract_split.overtime)
    if terms.normal_hours_per_day is None and terms.normal_hours_per_week is None:
        if terms.pay_period is PayPeriod.HOUR or not ctx.worked:
            return ZERO  # every hour is paid by the hour in the basic line
        sheet.cannot_check("contract_normal_hours")
        sheet.line("overtime", C, "wages.line.overtime.no_normal_hours")
        return None
    if not overtime:
        return ZERO
    rate = terms.overtime_rate
    if rate is None and terms.pay_period is PayPeriod.HOUR:
        rate = Decimal(1)
    per_hour = hourly(terms.pay.amount, terms.pay_period, ctx.contract_week)
    if rate is None or per_hour is None:
        sheet.cannot_check("contract_overtime_rate" if rate is None else "contract_normal_hours")
        sheet.line(
            "overtime",
            C,
            "wages.line.overtime.no_rate",
            quantity=overtime,
            unit="hour",
            hours=number(overtime),
        )
        return None
    return sheet.line(
        "overtime",
        C,
        "wages.line.overtime",
        quantity=overtime,
        unit="hour",
        rate=per_hour * rate,
        amount=overtime * per_hour * rate,
        hours=number(overtime),
        hourly=text(per_hour, ctx.currency),
        times=number(rate),
    )


def _law_overtime(ctx: Ctx, sheet: Sheet) -> Decimal | None:
    law = ctx.law
    none = law.has_no_law("hours")
    if none is not None:
        if ctx.worked:
            sheet.line("overtime", L, "wages.line.overtime.no_law", citation=none.source)
        return ZERO
    limit = law.hours_per_day or law.hours_per_week
    if limit is None:
        if ctx.worked:
            sheet.cannot_check("hours")
        return None
    overtime = hours(ctx.law_split.overtime)
    if not overtime:
        return ZERO
    limits = {
        "per_day": number(law.hours_per_day.value) if law.hours_per_day else "-",
        "per_week": number(law.hours_per_week.value) if law.hours_per_week else "-",
    }
    if law.overtime_rate is None:
        sheet.cannot_check("overtime")
        sheet.line(
            "overtime",
            L,
            "wages.line.overtime.law_unknown",
            quantity=overtime,
            unit="hour",
            citation=limit.source,
            hours=number(overtime),
            extra=limits,
        )
        return None
    base = ctx.base(sheet, "hour")
    if base is None:
        sheet.cannot_check("contract_normal_hours")
        sheet.line(
            "overtime",
            L,
            "wages.line.overtime.law_no_hourly",
            quantity=overtime,
            unit="hour",
            hours=number(overtime),
        )
        return None
    night = law.night_overtime
    at_night = hours(ctx.law_split.night_overtime) if night else ZERO
    rate = law.overtime_rate.value
    total = (
        sheet.line(
            "overtime",
            L,
            "wages.line.overtime.law",
            quantity=overtime - at_night,
            unit="hour",
            rate=base * rate,
            amount=(overtime - at_night) * base * rate,
            citation=law.overtime_rate.source,
            hours=number(overtime - at_night),
            hourly=text(base, ctx.currency),
            times=number(rate),
            extra=limits,
        )
        or ZERO
    )
    if night is not None and at_night:
        total += (
            sheet.line(
                "overtime_night",
                L,
                "wages.line.overtime.law_night",
                quantity=at_night,
                unit="hour",
                rate=base * night.value.rate,
                amount=at_night * base * night.value.rate,
                citation=night.source,
                hours=number(at_night),
                hourly=text(base, ctx.currency),
                times=number(night.value.rate),
                start=night.value.start.strftime("%H:%M"),
                end=night.value.end.strftime("%H:%M"),
            )
            or ZERO
        )
    return total


def overtime(ctx: Ctx, sheet: Sheet) -> None:
    sheet.component("overtime", _contract_overtime(ctx, sheet), _law_overtime(ctx, sheet))
