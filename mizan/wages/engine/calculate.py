"""The pay calculator: entries + contract + law → a Statement. Pure and deterministic: the same arguments
always give the same statement (``now`` is an argument, never read from the clock)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from mizan.wages.engine import pay, special_days
from mizan.wages.engine.checks import notes, rest_summary, week_of_job
from mizan.wages.engine.deductions import classify
from mizan.wages.engine.hours import (
    hours,
    split_hours,
)
from mizan.wages.engine.inputs import (
    ContractTerms,
    DeductionKind,
    DeductionTaken,
    Entry,
    EntryKind,
    Payment,
    Period,
)
from mizan.wages.engine.law import LawRules, law_changes
from mizan.wages.engine.money import Converter, number, round_money, same_currency_only, text
from mizan.wages.engine.results import (
    Basis,
    DeductionStatus,
    Problem,
    Statement,
    Totals,
)
from mizan.wages.engine.sheet import Sheet
from mizan.wages.engine.sources import Source
from mizan.wages.engine.supplements import STANDBY
from mizan.wages.engine.timeline import Timeline, build_timeline, midnight

ZERO = Decimal(0)


def _convert(
    amount: Decimal,
    currency: str,
    target: str,
    on: dt.date,
    convert: Converter,
    problems: list[Problem],
    what: str,
) -> Decimal | None:
    found = convert(amount, currency, target, on)
    if found is None:
        problems.append(
            Problem("no_rate", (), {"amount": text(amount, currency), "currency": target, "what": what})
        )
    return found


def _finished(timeline: Timeline, period: Period) -> dt.date | None:
    """The last day that is over: rest is only checked in days that have ended."""
    last = timeline.last_day
    if last is None or timeline.counted_end >= midnight(last + dt.timedelta(days=1), period.zone):
        return last
    return last - dt.timedelta(days=1) if last > period.start else None


def calculate(
    *,
    entries: Sequence[Entry],
    terms: ContractTerms,
    period: Period,
    law: LawRules,
    now: dt.datetime,
    received: Iterable[Payment] = (),
    deductions: Iterable[DeductionTaken] = (),
    convert: Converter = same_currency_only,
    law_at_end: LawRules | None = None,
    language: str = "en",
) -> Statement:
    """The statement for ``period``: pay due under the contract and under ``law`` (the higher of the two per
    component), deductions judged, against what the worker ``received``. ``convert`` turns other
    currencies into the contract's (default: none can be). ``law_at_end``: the law from a later day of the
    period (the first day it differs, see ``law.change_days``), to warn that it changed on that day."""
    currency = terms.pay.currency
    timeline = build_timeline(list(entries), period, now)
    problems = list(timeline.problems)
    last = timeline.last_day
    if last is None:
        problems.append(Problem("period_in_future", (), {"start": period.start.isoformat()}))
    elif last < period.end:
        problems.append(
            Problem("period_not_over", (), {"until": last.isoformat(), "end": period.end.isoformat()})
        )
    if law_at_end is not None and law_changes(law, law_at_end):
        problems.append(Problem("law_changed", (), {"date": law_at_end.on.isoformat()}))

    counts_standby = terms.standby_counts_as_work
    worked = [
        p
        for p in timeline.pieces
        if p.kind is EntryKind.WORK or (counts_standby and p.kind is EntryKind.STANDBY)
    ]
    busy = [p for p in timeline.pieces if p.kind in (EntryKind.WORK, EntryKind.STANDBY)]
    days_worked = sorted({piece.day for piece in worked})
    holiday_dates = (
        set(terms.holidays) | timeline.holidays | (set(law.holidays.value) if law.holidays else set())
    )
    holidays_worked = [day for day in days_worked if day in holiday_dates]
    rest_weekdays_worked = [
        d for d in days_worked if d.weekday() in terms.rest_weekdays and d not in holiday_dates
    ]
    excluded: set[dt.date] = set()
    if terms.rest_day_rate is not None:
        excluded.update(rest_weekdays_worked)
    if terms.holiday_rate is not None:
        excluded.update(holidays_worked)
    contract_week, law_week = week_of_job(terms, law)
    night = law.night_overtime.value if law.night_overtime else None
    ctx = pay.Ctx(
        terms=terms,
        law=law,
        period=period,
        currency=currency,
        first=period.start,
        last=last,
        convert=convert,
        days_worked=days_worked,
        paid_days=[day for day in days_worked if day not in excluded],
        worked=sum((piece.length for piece in worked), dt.timedelta(0)),
        contract_split=split_hours(
            worked,
            period,
            per_day=terms.normal_hours_per_day,
            per_week=terms.normal_hours_per_week,
            excluded=excluded,
        ),
        law_split=split_hours(
            worked,
            period,
            per_day=law.hours_per_day.value if law.hours_per_day else None,
            per_week=law.hours_per_week.value if law.hours_per_week else None,
            excluded=excluded,
            night=night,
        ),
        contract_week=contract_week,
        law_week=law_week,
    )
    sheet = Sheet(currency, law.destination)
    for code in law.unknown:
        if code.startswith("scope:") or code == "destination":
            sheet.cannot_check(code)
    pay.basic(ctx, sheet)
    pay.allowances(ctx, sheet)
    pay.overtime(ctx, sheet)
    rest, law_missing, contract_missing, missing_weeks = rest_summary(
        busy, period, _finished(timeline, period), terms, law
    )
    if law.weekly_rest is None:
        sheet.cannot_check("weekly_rest")
    special_days.rest_days(
        ctx,
        sheet,
        contract_days=len(rest_weekdays_worked) if terms.rest_weekdays else contract_missing,
        law_days=law_missing,
        weeks=missing_weeks,
    )
    special_days.public_holidays(ctx, sheet, holidays_worked)

    standby = sum((p.length for p in timeline.pieces if p.kind is EntryKind.STANDBY), dt.timedelta(0))
    if standby and not counts_standby:
        sheet.line(
            "standby",
            Basis.CONTRACT,
            "wages.line.standby_not_counted",
            quantity=hours(standby),
            unit="hour",
            citation=STANDBY,
            hours=number(hours(standby)),
        )
    sick = sorted({p.day for p in timeline.pieces if p.kind is EntryKind.SICK_DAY})
    if sick:
        sheet.cannot_check("sick_pay")
        sheet.line(
            "sick_days",
            Basis.CONTRACT,
            "wages.line.sick_days",
            quantity=len(sick),
            unit="day",
            days=number(len(sick)),
        )
    notes(sheet, law, rest, worked, period)

    # Deductions and payments, in the contract's currency.
    agreed: dict[DeductionKind, Decimal] = {}
    for item in terms.deductions:
        agreed[item.kind] = agreed.get(item.kind, ZERO) + ctx.for_period(item.amount, item.period)
    on = last or period.end
    taken = []
    for deduction in deductions:
        amount = _convert(
            deduction.amount.amount, deduction.amount.currency, currency, on, convert, problems, "deduction"
        )
        if amount is not None:
            taken.append((deduction.kind, round_money(amount, currency), deduction.note))
    judged = classify(taken, agreed=agreed, law=law, currency=currency)
    paid = ZERO
    for payment in received:
        amount = _convert(
            payment.amount.amount,
            payment.amount.currency,
            currency,
            payment.date,
            convert,
            problems,
            "payment",
        )
        if amount is not None:
            paid += round_money(amount, currency)

    due_contract = sum((c.contract or ZERO for c in sheet.components), ZERO)
    due_law = sum((c.law or ZERO for c in sheet.components), ZERO)
    due = sum((c.due for c in sheet.components), ZERO)
    allowed = sum((d.allowed for d in judged), ZERO)
    owed = sum((d.owed for d in judged), ZERO)
    net = due - allowed

    def rounded(amount: Decimal) -> Decimal:
        return round_money(amount, currency)

    totals = Totals(
        currency=currency,
        due_contract=rounded(due_contract),
        due_law=rounded(due_law),
        due=rounded(due),
        deductions_allowed=rounded(allowed),
        deductions_owed=rounded(owed),
        due_after_deductions=rounded(net),
        received=rounded(paid),
        shortfall=rounded(max(ZERO, net - paid)),
        overpayment=rounded(max(ZERO, paid - net)),
    )
    sources: dict[tuple[str, str | None], Source] = {}
    for citation in (
        [line.citation for line in sheet.lines] + [s for d in judged for s in d.citations] + [rest.citation]
    ):
        if citation is not None:
            sources.setdefault((citation.rule_id, citation.pack_version), citation)
    if any(d.status is DeductionStatus.NOT_CHECKED for d in judged):
        sheet.cannot_check("deductions")
    split = ctx.contract_split
    return Statement(
        period_start=period.start,
        period_end=period.end,
        tz=period.tz,
        counted_until=last,
        currency=currency,
        lines=tuple(sheet.lines),
        components=tuple(sheet.components),
        deductions=tuple(judged),
        totals=totals,
        rest=rest,
        hours={
            "worked": hours(ctx.worked),
            "standby": hours(standby),
            "normal_contract": hours(split.normal),
            "overtime_contract": hours(split.overtime),
            "normal_law": hours(ctx.law_split.normal),
            "overtime_law": hours(ctx.law_split.overtime),
            "night_overtime_law": hours(ctx.law_split.night_overtime),
            "on_rest_days_and_holidays": hours(split.excluded),
            "days_worked": Decimal(len(days_worked)),
        },
        problems=tuple(problems),
        could_not_check=tuple(sheet.unknown),
        sources=tuple(sources.values()),
        packs=tuple(
            {
                "id": p.id,
                "version": p.version,
                "jurisdiction": p.jurisdiction,
                "review_by": p.review_by.isoformat() if p.review_by else None,
                "out_of_date": p.out_of_date,
            }
            for p in law.packs
        ),
        out_of_date=law.out_of_date,
        law_date=law.on,
        destination=law.destination,
        language=language,
    )
