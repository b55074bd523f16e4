"""Qatar, Saudi Arabia and the United Arab Emirates, worked out by hand (packs QA, QA-domestic_work, SA, AE;
facts B3, B5, B6).

Qatar: minimum wage QAR 1,000 basic + 300 food + 500 housing unless provided (Law 17/2020); 8 hours a day,
48 a week, at most 10 a day with overtime (Law 14/2004; 44 a week is a documented conflict). Saudi Arabia:
8 hours a day or 48 a week (Labour Law Art 98), the weekly rest may not be paid off (Art 104). The fact
sheet gives no overtime premium for Qatar or Saudi Arabia, so the law's overtime pay is "could not check"
there and the contract's premium is what is due; the UAE's is in the fact sheet (AE.LL.HOURS: basic +25%,
+50% from 22:00 to 04:00), so the legal premium is shown working there.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mizan.wages.engine import (
    Allowance,
    AllowanceKind,
    Basis,
    ContractTerms,
    DeductionKind,
    DeductionStatus,
    DeductionTaken,
    Payment,
    PayPeriod,
    Period,
)
from tests.wages.test_engine_support import component, days, law, line, money, run, shifts

DOHA, RIYADH, DUBAI = "Asia/Qatar", "Asia/Riyadh", "Asia/Dubai"
APRIL = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30), DOHA)  # starts on a Wednesday


def qatar_worker(**changes: object) -> ContractTerms:
    base: dict[str, object] = {
        "pay": money("900", "QAR"),
        "pay_period": PayPeriod.MONTH,
        "normal_hours_per_day": Decimal(8),
        "normal_hours_per_week": Decimal(48),
        "rest_days_per_week": 1,
        "overtime_rate": Decimal("1.25"),
        "allowances": (
            Allowance(AllowanceKind.FOOD, Decimal(0)),
            Allowance(AllowanceKind.HOUSING, provided=True),
        ),
    }
    base.update(changes)
    return ContractTerms(**base)  # type: ignore[arg-type]


def test_qatar_minimum_wage_and_allowances_are_a_floor_and_overtime_is_counted() -> None:
    # Every day but Friday (3, 10, 17, 24 April): 26 days of 07:00-18:00 with a meal hour = 10 hours.
    entries = shifts(DOHA, days(APRIL.start, APRIL.end, skip=[4]), (7, 0), (18, 0), meal=(12, 13))
    statement = run(
        entries,
        qatar_worker(),
        APRIL,
        law("QA", "construction", APRIL.start),
        received=[Payment(money("1181.25", "QAR"), dt.date(2026, 5, 7))],
    )
    # Basic: the contract's 900 is below the legal 1,000, so 1,000 is due (a whole month).
    basic = component(statement, "basic")
    assert (basic.contract, basic.law, basic.due, basic.decided_by) == (
        Decimal("900.00"),
        Decimal("1000.00"),
        Decimal("1000.00"),
        Basis.LAW,
    )
    assert line(statement, "minimum_wage", Basis.LAW).citation.rule_id == "QA.MW.2020-17"  # type: ignore[union-attr]
    # Food is not provided: 300 due. Housing is provided: nothing due for it.
    assert component(statement, "allowance_food").due == Decimal("300.00")
    assert component(statement, "allowance_housing").due == 0
    # Overtime: 2 hours a day over 8, x 26 days = 52 hours; each week's normal hours stay at 48.
    assert statement.hours["overtime_contract"] == Decimal(52)
    assert statement.hours["overtime_law"] == Decimal(52)
    # Contract: hourly 900 x 12 / 52 / 48 = 4.326923, x 1.25 x 52 hours = 281.25 exactly.
    overtime = component(statement, "overtime")
    assert overtime.contract == Decimal("281.25")
    # The law: 52 hours over the legal 8 a day, but no premium in the fact sheet: could not check.
    legal = line(statement, "overtime", Basis.LAW)
    assert legal.amount is None
    assert legal.quantity == Decimal(52)
    assert legal.citation.rule_id == "QA.HOURS.LABOUR-LAW"  # type: ignore[union-attr]
    assert "overtime" in statement.could_not_check
    assert (overtime.law, overtime.due) == (None, Decimal("281.25"))
    # Due 1,000 + 300 + 0 + 281.25 = 1,581.25; received 1,181.25: shortfall 400.
    assert statement.totals.due == Decimal("1581.25")
    assert statement.totals.shortfall == Decimal("400.00")
    # Fridays off: a rest day taken every week.
    assert statement.rest.weeks_missing_rest == ()
    # The 44-hour reading of Art 73 is a documented conflict: shown, not used.
    alternative = line(statement, "law_alternative", Basis.LAW)
    assert alternative.params["figure"] == "44"
    assert alternative.citation.rule_id == "QA.HOURS.LABOUR-LAW.44"  # type: ignore[union-attr]


def test_qatar_housing_deducted_when_the_law_wants_it_free_or_paid() -> None:
    terms = qatar_worker(
        allowances=(
            Allowance(AllowanceKind.FOOD, Decimal(300)),
            Allowance(AllowanceKind.HOUSING, Decimal(500)),
        )
    )
    statement = run(
        [],
        terms,
        APRIL,
        law("QA", "construction", APRIL.start),
        deductions=[
            DeductionTaken(DeductionKind.HOUSING, money("200", "QAR")),
            DeductionTaken(DeductionKind.RECRUITMENT_FEE, money("1500", "QAR")),
        ],
    )
    housing, fee = statement.deductions
    assert housing.status is DeductionStatus.UNLAWFUL
    assert housing.citations[0].rule_id == "QA.MW.2020-17"
    assert fee.status is DeductionStatus.UNLAWFUL
    assert fee.citations[0].rule_id == "QA.FEES"  # Qatar's own rule first, then the ILO principle
    assert "INT.ILO-FRP.GP07" in [source.rule_id for source in fee.citations]
    assert statement.totals.deductions_owed == Decimal("1700.00")


def test_qatar_domestic_work_over_ten_hours_a_day_is_named() -> None:
    week = Period(dt.date(2026, 4, 6), dt.date(2026, 4, 12), DOHA)
    entries = shifts(DOHA, [dt.date(2026, 4, 6)], (6, 0), (19, 0), meal=(12, 13))  # 12 hours
    statement = run(entries, qatar_worker(), week, law("QA", "domestic_work", week.start))
    over = line(statement, "over_daily_maximum", Basis.LAW)
    assert over.params["dates"] == "2026-04-06"
    assert over.citation.rule_id == "QA.DW.LAW15-2017.HOURS"  # type: ignore[union-attr]


def saudi_worker(**changes: object) -> ContractTerms:
    base: dict[str, object] = {
        "pay": money("1500", "SAR"),
        "pay_period": PayPeriod.MONTH,
        "normal_hours_per_day": Decimal(8),
        "normal_hours_per_week": Decimal(48),
        "rest_days_per_week": 1,
        "overtime_rate": Decimal("1.5"),
    }
    base.update(changes)
    return ContractTerms(**base)  # type: ignore[arg-type]


SA_WEEK = Period(dt.date(2026, 4, 6), dt.date(2026, 4, 12), RIYADH)  # Monday to Sunday


def test_saudi_overtime_at_the_contracts_150_percent_of_basic() -> None:
    # Every day but Friday 10 April: 08:00-18:00 with a meal hour = 9 hours, 1 hour over 8 -> 6 hours.
    entries = shifts(RIYADH, days(SA_WEEK.start, SA_WEEK.end, skip=[4]), (8, 0), (18, 0), meal=(12, 13))
    statement = run(entries, saudi_worker(), SA_WEEK, law("SA", "manufacturing", SA_WEEK.start))
    # Basic 1,500 x 7/30 = 350.00. Hourly 1,500 x 12 / 52 / 48 = 7.2115385; x 1.5 x 6 = 64.903846 -> 64.90.
    assert component(statement, "basic").due == Decimal("350.00")
    overtime = component(statement, "overtime")
    assert overtime.contract == Decimal("64.90")
    assert overtime.law is None  # no premium in the fact sheet for Saudi Arabia
    assert line(statement, "overtime", Basis.LAW).citation.rule_id == "SA.HOURS.LABOUR-LAW"  # type: ignore[union-attr]
    assert {"overtime", "minimum_wage"} <= set(statement.could_not_check)
    assert statement.totals.due == Decimal("414.90")


def test_saudi_rest_day_worked_is_owed_as_rest_not_money() -> None:
    entries = shifts(RIYADH, days(SA_WEEK.start, SA_WEEK.end), (8, 0), (18, 0), meal=(12, 13))
    statement = run(entries, saudi_worker(), SA_WEEK, law("SA", "manufacturing", SA_WEEK.start))
    assert statement.rest.rest_days_owed == 1
    owed = line(statement, "rest_owed", Basis.LAW)
    assert owed.message_key == "wages.line.rest_owed.no_buyout"
    assert owed.citation.rule_id == "SA.HOURS.LABOUR-LAW.REST"  # type: ignore[union-attr]


def test_uae_overtime_at_the_legal_premium_with_night_hours() -> None:
    week = Period(dt.date(2026, 4, 6), dt.date(2026, 4, 12), DUBAI)
    terms = ContractTerms(
        pay=money("2400", "AED"),
        pay_period=PayPeriod.MONTH,
        normal_hours_per_day=Decimal(8),
        normal_hours_per_week=Decimal(48),
        rest_days_per_week=1,
    )  # the contract does not say how overtime is paid
    # Monday 14:00-24:00 (10 hours: the last 2, 22:00-24:00, are night overtime);
    # Tuesday to Saturday 08:00-19:00 with a meal hour (10 hours: 2 hours of day overtime each).
    entries = shifts(DUBAI, [dt.date(2026, 4, 6)], (14, 0), (0, 0), prefix="night") + shifts(
        DUBAI, days(dt.date(2026, 4, 7), dt.date(2026, 4, 11)), (8, 0), (19, 0), meal=(12, 13)
    )
    statement = run(entries, terms, week, law("AE", "construction", week.start))
    assert statement.hours["overtime_law"] == Decimal(12)
    assert statement.hours["night_overtime_law"] == Decimal(2)
    # Hourly 2,400 x 12 / 52 / 48 = 11.538462. Day overtime 10 x 11.538462 x 1.25 = 144.230769 -> 144.23;
    # night overtime 2 x 11.538462 x 1.5 = 34.615385 -> 34.62; together 178.85.
    day = line(statement, "overtime", Basis.LAW)
    assert (day.amount, day.citation.rule_id) == (Decimal("144.23"), "AE.LL.HOURS.OVERTIME")  # type: ignore[union-attr]
    night = line(statement, "overtime_night", Basis.LAW)
    assert night.amount == Decimal("34.62")
    overtime = component(statement, "overtime")
    assert (overtime.contract, overtime.law, overtime.due) == (None, Decimal("178.85"), Decimal("178.85"))
    assert "contract_overtime_rate" in statement.could_not_check
    # Basic 2,400 x 7/30 = 560.00; due 560 + 178.85 = 738.85.
    assert statement.totals.due == Decimal("738.85")


DECEMBER = Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31), DOHA)


def test_qatar_overtime_at_the_legal_premium_from_pack_version_2026_11() -> None:
    # Pack QA 2026.11 (in force from 2026-11-22) adds Art 74: overtime at the basic wage plus at least 25%.
    # A contract paying overtime at the plain hourly rate (1.0) is below the law.
    # Every day but Friday (4, 11, 18, 25 December): 27 days of 07:00-18:00 with a meal hour = 10 hours.
    entries = shifts(DOHA, days(DECEMBER.start, DECEMBER.end, skip=[4]), (7, 0), (18, 0), meal=(12, 13))
    terms = qatar_worker(pay=money("1200", "QAR"), overtime_rate=Decimal("1.0"))
    statement = run(entries, terms, DECEMBER, law("QA", "construction", DECEMBER.start))
    # 2 hours over 8 a day x 27 days = 54 overtime hours.
    assert statement.hours["overtime_law"] == Decimal(54)
    # Hourly 1,200 x 12 / 52 / 48 = 5.769231; contract: x 1.0 x 54 = 311.54; law: x 1.25 x 54 = 389.42.
    overtime = component(statement, "overtime")
    assert overtime.contract == Decimal("311.54")
    assert overtime.law == Decimal("389.42")
    assert (overtime.due, overtime.decided_by) == (Decimal("389.42"), Basis.LAW)
    legal = line(statement, "overtime", Basis.LAW)
    assert legal.citation.rule_id == "QA.OVERTIME.ART74"  # type: ignore[union-attr]
    assert "overtime" not in statement.could_not_check
