"""Malaysia, worked out by hand (pack MY, facts B7): minimum wage RM1,700 a month for all employers from
2025-08-01 (Minimum Wages Order 2024), 8 hours a day and 45 a week (Employment (Amendment) Act 2022), one
rest day a week. The fact sheet gives no figure for overtime, rest-day or public-holiday pay, so those are
paid as the contract says (here 1.5x, 2 days' pay, 3 days' pay) and the law's side is "could not check".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mizan.wages.engine import (
    AgreedDeduction,
    Basis,
    ContractTerms,
    DeductionKind,
    DeductionStatus,
    DeductionTaken,
    PayPeriod,
    Period,
)
from tests.wages.test_engine_support import component, days, law, line, money, run, shifts

KL = "Asia/Kuala_Lumpur"
# Tuesday 25 to Monday 31 August 2026: 7 of August's 31 days; the contract lists 31 August as a holiday.
WEEK = Period(dt.date(2026, 8, 25), dt.date(2026, 8, 31), KL)


def factory_worker(**changes: object) -> ContractTerms:
    base: dict[str, object] = {
        "pay": money("1600", "MYR"),
        "pay_period": PayPeriod.MONTH,
        "normal_hours_per_day": Decimal(8),
        "normal_hours_per_week": Decimal(45),
        "rest_days_per_week": 1,
        "rest_weekdays": (6,),  # Sunday
        "overtime_rate": Decimal("1.5"),
        "rest_day_rate": Decimal(2),
        "holiday_rate": Decimal(3),
        "holidays": (dt.date(2026, 8, 31),),
    }
    base.update(changes)
    return ContractTerms(**base)  # type: ignore[arg-type]


def the_week() -> list:  # type: ignore[type-arg]
    # Tuesday to Saturday 08:00-18:00 with a meal hour (9 hours); Sunday (rest day) 08:00-12:00;
    # Monday 31 August (public holiday) 08:00-17:00 with a meal hour (8 hours).
    return (
        shifts(KL, days(dt.date(2026, 8, 25), dt.date(2026, 8, 29)), (8, 0), (18, 0), meal=(12, 13))
        + shifts(KL, [dt.date(2026, 8, 30)], (8, 0), (12, 0))
        + shifts(KL, [dt.date(2026, 8, 31)], (8, 0), (17, 0), meal=(12, 13))
    )


def test_overtime_rest_day_and_public_holiday_under_the_contract_and_the_minimum_wage() -> None:
    statement = run(the_week(), factory_worker(), WEEK, law("MY", "manufacturing", WEEK.start))
    # Basic: contract 1,600 x 7/31 = 361.29; legal minimum 1,700 x 7/31 = 383.87 (higher, so due).
    basic = component(statement, "basic")
    assert (basic.contract, basic.law, basic.due) == (Decimal("361.29"), Decimal("383.87"), Decimal("383.87"))
    assert line(statement, "minimum_wage", Basis.LAW).citation.rule_id == "MY.MWO2024.ALL"  # type: ignore[union-attr]
    # Overtime: Tuesday-Saturday 1 hour a day over 8 = 5 hours (normal 40 <= 45); Sunday and the holiday
    # are paid by their own lines. Hourly 1,600 x 12 / 52 / 45 = 8.205128; x 1.5 x 5 = 61.538 -> 61.54.
    assert statement.hours["overtime_contract"] == Decimal(5)
    assert statement.hours["on_rest_days_and_holidays"] == Decimal(12)
    assert component(statement, "overtime").due == Decimal("61.54")
    assert line(statement, "overtime", Basis.LAW).amount is None  # no premium in the fact sheet
    # A day's pay: 1,600 x 12 / 52 / 6 = 61.538462. Sunday worked: x 2 = 123.08. Holiday: x 3 = 184.62.
    assert component(statement, "rest_days").due == Decimal("123.08")
    assert component(statement, "holidays").due == Decimal("184.62")
    assert {"overtime", "rest_day_pay", "holiday_pay", "holidays"} <= set(statement.could_not_check)
    # No 24 hours without work in the week: one rest day missed under the law (MY.EA2022.REST).
    assert statement.rest.rest_days_owed == 1
    assert line(statement, "rest_owed", Basis.LAW).citation.rule_id == "MY.EA2022.REST"  # type: ignore[union-attr]
    # Due 383.87 + 61.54 + 123.08 + 184.62 = 753.11.
    assert statement.totals.due == Decimal("753.11")


def test_weekly_overtime_over_45_hours() -> None:
    # Monday to Friday 08:00-16:00 (8 hours, 40 in all), Saturday 08:00-15:00 (7 hours): 47 hours, no day
    # over 8. The week's normal hours reach 45 after 5 hours on Saturday: its last 2 hours are overtime.
    week = Period(dt.date(2026, 9, 7), dt.date(2026, 9, 13), KL)
    entries = shifts(KL, days(dt.date(2026, 9, 7), dt.date(2026, 9, 11)), (8, 0), (16, 0))
    entries += shifts(KL, [dt.date(2026, 9, 12)], (8, 0), (15, 0))
    terms = factory_worker(rest_weekdays=(), holidays=())
    statement = run(entries, terms, week, law("MY", "manufacturing", week.start))
    # 2 x 8.205128 x 1.5 = 24.615 -> 24.62.
    assert statement.hours["overtime_contract"] == Decimal(2)
    assert statement.hours["overtime_law"] == Decimal(2)
    assert component(statement, "overtime").due == Decimal("24.62")


def test_deductions_agreed_in_the_contract_up_to_the_agreed_amount() -> None:
    august = Period(dt.date(2026, 8, 1), dt.date(2026, 8, 31), KL)
    terms = factory_worker(
        pay=money("1800", "MYR"), deductions=(AgreedDeduction(DeductionKind.HOUSING, Decimal(100)),)
    )
    statement = run(
        [],
        terms,
        august,
        law("MY", "manufacturing", august.start),
        deductions=[
            DeductionTaken(DeductionKind.HOUSING, money("150", "MYR")),
            DeductionTaken(DeductionKind.TAX, money("20", "MYR")),
            DeductionTaken(DeductionKind.LOAN, money("50", "MYR")),
            DeductionTaken(DeductionKind.PENALTY, money("30", "MYR")),
        ],
    )
    housing, tax, loan, penalty = statement.deductions
    # Housing: 100 a month agreed, 150 taken: 100 allowed, 50 owed back.
    assert (housing.status, housing.allowed, housing.owed) == (
        DeductionStatus.NOT_AGREED,
        Decimal("100"),
        Decimal("50.00"),
    )
    assert tax.status is DeductionStatus.LAWFUL
    assert loan.status is DeductionStatus.NOT_CHECKED  # listed, not counted as owed
    assert penalty.status is DeductionStatus.NOT_AGREED
    totals = statement.totals
    assert totals.deductions_allowed == Decimal("100") + Decimal("20.00") + Decimal("50.00")
    assert totals.deductions_owed == Decimal("80.00")
    # Due 1,800 (a whole month above the 1,700 minimum) - 170 allowed = 1,630; nothing received.
    assert totals.due_after_deductions == Decimal("1630.00")
    assert totals.shortfall == Decimal("1630.00")


def test_malaysian_minimum_wage_does_not_cover_domestic_workers() -> None:
    rules = law("MY", "domestic_work", WEEK.start)
    assert rules.minimum_wage is None
    assert "minimum_wage" in rules.unknown


def test_before_august_2025_the_rm1700_minimum_is_only_another_source() -> None:
    rules = law("MY", "manufacturing", dt.date(2025, 3, 1))
    assert rules.minimum_wage is not None
    assert rules.minimum_wage.value.amount == Decimal(1500)  # binding for every employer
    assert any(item.value.startswith("minimum_wage:MYR 1700") for item in rules.alternatives)
