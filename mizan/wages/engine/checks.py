"""Parts of the statement that are not pay components: how the job's week is organised, weekly rest per
week, and lines with no money (hours over the legal maximum, short rest, rules not used)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mizan.wages.engine.hours import count_weekly_rest, days_short_of_daily_rest, months_short, over_maximum
from mizan.wages.engine.inputs import ContractTerms, Period
from mizan.wages.engine.lawtypes import LawRules
from mizan.wages.engine.money import Week, number
from mizan.wages.engine.results import Basis, RestSummary, WeekRest
from mizan.wages.engine.sheet import Sheet
from mizan.wages.engine.timeline import Piece


def week_of_job(terms: ContractTerms, law: LawRules) -> tuple[Week, Week]:
    """The contract's week and the law's (the shorter normal hours of the two)."""
    rest = terms.rest_days_per_week
    if rest is None and law.weekly_rest is not None:
        rest = int(law.weekly_rest.value.days_per_week)
    per_day, per_week = terms.normal_hours_per_day, terms.normal_hours_per_week
    days: Decimal | None = None
    if rest is not None and rest < 7:
        days = Decimal(7 - rest)
    elif per_day and per_week:
        days = per_week / per_day
    contract_hours = per_week or (per_day * days if per_day and days else None)
    law_day = law.hours_per_day.value if law.hours_per_day else None
    law_week = law.hours_per_week.value if law.hours_per_week else None
    if law_week is None and law_day and days:
        law_week = law_day * days
    known_weeks = [value for value in (contract_hours, law_week) if value]
    known_days = [value for value in (per_day, law_day) if value]
    return (
        Week(contract_hours, days, per_day),
        Week(min(known_weeks) if known_weeks else None, days, min(known_days) if known_days else None),
    )


def rest_summary(
    busy: list[Piece], period: Period, last_day: dt.date | None, terms: ContractTerms, law: LawRules
) -> tuple[RestSummary, int, int, list[int]]:
    """Weekly rest per week; rest days the law and the contract required and were not taken."""
    rule = law.weekly_rest
    length = rule.value.consecutive_hours if rule else Decimal(24)
    law_required = int(rule.value.days_per_week) if rule else 0
    contract_required = terms.rest_days_per_week or 0
    weeks = []
    law_missing = contract_missing = 0
    missing_weeks: list[int] = []
    for week in count_weekly_rest(busy, period, last_day, length):
        required = max(law_required, contract_required)
        missing = max(0, required - week.taken) if week.complete else 0
        if week.complete:
            law_missing += max(0, law_required - week.taken)
            contract_missing += max(0, contract_required - week.taken)
            if missing:
                missing_weeks.append(week.number + 1)
        weeks.append(
            WeekRest(
                week.number + 1, week.start, week.end, week.complete, required, week.taken, length, missing
            )
        )
    monthly = law.monthly_rest
    short_months = months_short(busy, period, last_day, monthly.value, length) if monthly else []
    daily = law.daily_rest
    short_days = days_short_of_daily_rest(busy, period, last_day, daily.value) if daily else []
    summary = RestSummary(
        weeks=tuple(weeks),
        weeks_missing_rest=tuple(missing_weeks),
        rest_days_owed=law_missing,
        buyout_allowed=rule.value.buyout_allowed if rule else None,
        citation=rule.source if rule else None,
        months_short=tuple(short_months),
        days_short_of_daily_rest=tuple(short_days),
    )
    return summary, law_missing, contract_missing, missing_weeks


def notes(sheet: Sheet, law: LawRules, rest: RestSummary, worked: list[Piece], period: Period) -> None:
    """Lines with no money: hours over the legal maximum, short rest, rules not used, the signing date."""
    days_over, weeks_over = over_maximum(
        worked,
        period,
        per_day=law.total_per_day.value if law.total_per_day else None,
        per_week=law.total_per_week.value if law.total_per_week else None,
    )
    if days_over and law.total_per_day:
        sheet.line(
            "over_daily_maximum",
            Basis.LAW,
            "wages.line.over_daily_maximum",
            quantity=len(days_over),
            unit="day",
            citation=law.total_per_day.source,
            days=number(len(days_over)),
            maximum=number(law.total_per_day.value),
            dates=", ".join(day.isoformat() for day, _extra in days_over),
        )
    if weeks_over and law.total_per_week:
        sheet.line(
            "over_weekly_maximum",
            Basis.LAW,
            "wages.line.over_weekly_maximum",
            quantity=len(weeks_over),
            unit="week",
            citation=law.total_per_week.source,
            maximum=number(law.total_per_week.value),
            weeks=", ".join(str(week) for week, _extra in weeks_over),
        )
    if rest.days_short_of_daily_rest and law.daily_rest:
        sheet.line(
            "daily_rest_short",
            Basis.LAW,
            "wages.line.daily_rest_short",
            quantity=len(rest.days_short_of_daily_rest),
            unit="day",
            citation=law.daily_rest.source,
            days=number(len(rest.days_short_of_daily_rest)),
            hours=number(law.daily_rest.value),
        )
    if rest.months_short and law.monthly_rest:
        sheet.line(
            "monthly_rest_short",
            Basis.LAW,
            "wages.line.monthly_rest_short",
            citation=law.monthly_rest.source,
            months=", ".join(rest.months_short),
            days=number(law.monthly_rest.value),
        )
    for note in law.notes:
        if note.value == "signing_date_needed":
            sheet.cannot_check("signing_date")
        else:
            sheet.line("law_note", Basis.LAW, f"wages.line.{note.value}", citation=note.source)
    for other in law.alternatives:
        code, figure, per = [*other.value.split(":"), "", ""][:3]
        sheet.line(
            "law_alternative",
            Basis.LAW,
            "wages.line.law_alternative.per" if per else "wages.line.law_alternative",
            citation=other.source,
            figure=figure,
            what=code,
            conflict=other.source.conflict or "",
            extra={"per": per} if per else None,
        )
