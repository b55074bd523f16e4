"""Pay for rest days and public holidays worked, under the contract and under the law (see pay.py for
"whichever is higher")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mizan.wages.engine.money import daily, number, text
from mizan.wages.engine.pay import ZERO, Ctx
from mizan.wages.engine.results import Basis
from mizan.wages.engine.sheet import Sheet

C, L = Basis.CONTRACT, Basis.LAW


def rest_days(ctx: Ctx, sheet: Sheet, *, contract_days: int, law_days: int, weeks: list[int]) -> None:
    """``contract_days``: rest days worked under the contract (its fixed rest weekdays, else the rest it
    promises that was not taken); ``law_days``: rest the law requires that was not taken."""
    terms, law = ctx.terms, ctx.law
    contract: Decimal | None = ZERO
    if contract_days:
        per_day = daily(terms.pay.amount, terms.pay_period, ctx.contract_week)
        if terms.rest_day_rate is None or per_day is None:
            sheet.cannot_check(
                "contract_rest_day_rate" if terms.rest_day_rate is None else "contract_working_days"
            )
            sheet.line(
                "rest_days",
                C,
                "wages.line.rest_day.no_rate",
                quantity=contract_days,
                unit="day",
                days=number(contract_days),
            )
            contract = None
        else:
            contract = sheet.line(
                "rest_days",
                C,
                "wages.line.rest_day",
                quantity=contract_days,
                unit="day",
                rate=per_day * terms.rest_day_rate,
                amount=contract_days * per_day * terms.rest_day_rate,
                days=number(contract_days),
                day_pay=text(per_day, ctx.currency),
                times=number(terms.rest_day_rate),
            )
    legal: Decimal | None = ZERO
    rest = law.weekly_rest
    if rest is not None and law_days:
        key = "wages.line.rest_owed" if rest.value.buyout_allowed else "wages.line.rest_owed.no_buyout"
        sheet.line(
            "rest_owed",
            L,
            key,
            quantity=law_days,
            unit="day",
            citation=rest.source,
            days=number(law_days),
            weeks=", ".join(str(week) for week in weeks),
            hours=number(rest.value.consecutive_hours),
        )
        pay = law.rest_day_pay
        base = ctx.base(sheet, "day") if pay is not None else None
        if pay is None or base is None:
            sheet.cannot_check("rest_day_pay" if pay is None else "contract_working_days")
            legal = None
        else:
            legal = sheet.line(
                "rest_days",
                L,
                "wages.line.rest_day.law",
                quantity=law_days,
                unit="day",
                rate=base * pay.value,
                amount=law_days * base * pay.value,
                citation=pay.source,
                days=number(law_days),
                day_pay=text(base, ctx.currency),
                times=number(pay.value),
            )
    elif rest is None:
        legal = None
    sheet.component("rest_days", contract, legal)


def public_holidays(ctx: Ctx, sheet: Sheet, worked: list[dt.date]) -> None:
    terms = ctx.terms
    if ctx.law.holidays is None:
        sheet.cannot_check("holidays")
    if not worked:
        sheet.component("holidays", ZERO, ZERO)
        return
    days = len(worked)
    listed = ", ".join(day.isoformat() for day in worked)
    per_day = daily(terms.pay.amount, terms.pay_period, ctx.contract_week)
    contract: Decimal | None
    if terms.holiday_rate is None or per_day is None:
        sheet.cannot_check("contract_holiday_rate" if terms.holiday_rate is None else "contract_working_days")
        sheet.line(
            "holidays",
            C,
            "wages.line.holiday.no_rate",
            quantity=days,
            unit="day",
            days=number(days),
            dates=listed,
        )
        contract = None
    else:
        contract = sheet.line(
            "holidays",
            C,
            "wages.line.holiday",
            quantity=days,
            unit="day",
            rate=per_day * terms.holiday_rate,
            amount=days * per_day * terms.holiday_rate,
            days=number(days),
            dates=listed,
            day_pay=text(per_day, ctx.currency),
            times=number(terms.holiday_rate),
        )
    sheet.cannot_check("holiday_pay")
    sheet.line(
        "holidays",
        L,
        "wages.line.holiday.law_unknown",
        quantity=days,
        unit="day",
        days=number(days),
        dates=listed,
    )
    sheet.component("holidays", contract, None)
