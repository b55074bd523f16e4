"""Hong Kong foreign domestic helpers, worked out by hand (rule packs HK-domestic_work and HK, facts B1).

Rules used: Minimum Allowable Wage HK$5,100 a month for contracts signed on or after 2025-09-30 (4,990
before), food allowance HK$1,236 a month unless food is free, one rest day of 24 hours in every 7 days
that may not be paid off, no legal limit on hours (so overtime only by contract), an agency may take at most
10% of the first month's wage and workers pay no recruitment fees (ILO General Principle 7).
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
    Entry,
    EntryKind,
    LawRules,
    Payment,
    PayPeriod,
    Period,
)
from tests.wages.test_engine_support import at, component, days, law, line, money, run, shifts

HK = "Asia/Hong_Kong"
# Three whole weeks, Monday 2 March to Sunday 22 March 2026 (21 of March's 31 days).
THREE_WEEKS = Period(dt.date(2026, 3, 2), dt.date(2026, 3, 22), HK)


def helper_terms(**changes: object) -> ContractTerms:
    base: dict[str, object] = {
        "pay": money("5100", "HKD"),
        "pay_period": PayPeriod.MONTH,
        "rest_days_per_week": 1,
        "allowances": (Allowance(AllowanceKind.FOOD, Decimal(0)),),  # no free food, no food money
        "signed_on": dt.date(2025, 10, 1),
    }
    base.update(changes)
    return ContractTerms(**base)  # type: ignore[arg-type]


def hk_law(on: dt.date = THREE_WEEKS.start, signed: dt.date | None = dt.date(2025, 10, 1)) -> LawRules:
    return law("HK", "domestic_work", on, contract_signed_on=signed)


def test_a_helper_with_no_rest_day_for_three_weeks() -> None:
    # Every day 07:00-21:00 with a meal hour: 13 hours of work, the longest break 21:00-07:00 = 10 hours.
    entries = shifts(HK, days(THREE_WEEKS.start, THREE_WEEKS.end), (7, 0), (21, 0), meal=(12, 13))
    statement = run(
        entries,
        helper_terms(),
        THREE_WEEKS,
        hk_law(),
        received=[Payment(money("3000", "HKD"), dt.date(2026, 3, 31))],
        deductions=[DeductionTaken(DeductionKind.RECRUITMENT_FEE, money("1000", "HKD"), "agency")],
    )
    # Basic: 5,100 x 21/31 = 3,454.8387 -> 3,454.84 under the contract and as the legal minimum.
    basic = component(statement, "basic")
    assert basic.contract == Decimal("3454.84")
    assert basic.law == Decimal("3454.84")
    assert line(statement, "minimum_wage", Basis.LAW).citation.rule_id == "HK.FDH.MAW.2025"  # type: ignore[union-attr]
    # Food: the contract gives nothing; the law 1,236 x 21/31 = 837.2903 -> 837.29, which is due.
    food = component(statement, "allowance_food")
    assert (food.contract, food.law, food.due, food.decided_by) == (
        Decimal("0.00"),
        Decimal("837.29"),
        Decimal("837.29"),
        Basis.LAW,
    )
    # Rest: no 24-hour break in any of the 3 weeks -> 3 rest days owed; money may not replace them.
    assert statement.rest.weeks_missing_rest == (1, 2, 3)
    assert statement.rest.rest_days_owed == 3
    assert statement.rest.buyout_allowed is False
    owed = line(statement, "rest_owed", Basis.LAW)
    assert owed.quantity == Decimal(3)
    assert owed.message_key == "wages.line.rest_owed.no_buyout"
    assert owed.citation.rule_id == "HK.FDH.REST"  # type: ignore[union-attr]
    # Pay for those rest days: the fact sheet has no figure, and the contract none: could not check.
    assert {"rest_day_pay", "contract_rest_day_rate"} <= set(statement.could_not_check)
    # Hours: 13 x 21 = 273; Hong Kong sets no limit on a helper's hours, so no overtime by law.
    assert statement.hours["worked"] == Decimal(273)
    assert line(statement, "overtime", Basis.LAW).citation.rule_id == "HK.FDH.HOURS"  # type: ignore[union-attr]
    assert component(statement, "overtime").law == 0
    # Due 3,454.84 + 837.29 = 4,292.13. The agency fee of 1,000 is not the employer's to keep.
    (fee,) = statement.deductions
    assert fee.status is DeductionStatus.UNLAWFUL
    assert [source.rule_id for source in fee.citations] == ["INT.ILO-FRP.GP07", "HK.EA.COMMISSION"]
    totals = statement.totals
    assert totals.due == Decimal("4292.13")
    assert totals.deductions_owed == Decimal("1000.00")
    # Received 3,000: shortfall 4,292.13 - 3,000 = 1,292.13.
    assert totals.received == Decimal("3000.00")
    assert totals.shortfall == Decimal("1292.13")
    assert totals.overpayment == 0


def test_a_rest_day_every_sunday_leaves_no_rest_owed() -> None:
    worked = days(THREE_WEEKS.start, THREE_WEEKS.end, skip=[6])
    statement = run(shifts(HK, worked, (7, 0), (21, 0), meal=(12, 13)), helper_terms(), THREE_WEEKS, hk_law())
    assert statement.rest.weeks_missing_rest == ()
    assert [week.taken for week in statement.rest.weeks] == [1, 1, 1]
    assert component(statement, "rest_days").due == 0


def test_the_minimum_is_the_one_in_force_when_the_contract_was_signed() -> None:
    april = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30), HK)
    older = helper_terms(pay=money("4990", "HKD"), signed_on=dt.date(2024, 10, 1))
    statement = run([], older, april, hk_law(april.start, signed=dt.date(2024, 10, 1)))
    # Signed 2024-10-01: the MAW of 2024-09-28, HK$4,990; a whole month is the monthly amount.
    basic = component(statement, "basic")
    assert (basic.contract, basic.law) == (Decimal("4990.00"), Decimal("4990.00"))
    assert line(statement, "minimum_wage", Basis.LAW).citation.rule_id == "HK.FDH.MAW.2024"  # type: ignore[union-attr]
    # Without the signing date the MAW of the period's day is used, and the statement says so.
    unsigned = run([], helper_terms(signed_on=None), april, hk_law(april.start, signed=None))
    assert "signing_date" in unsigned.could_not_check
    assert component(unsigned, "basic").law == Decimal("5100.00")


def test_whichever_is_higher_contract_above_and_below_the_law() -> None:
    april = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30), HK)
    above = run([], helper_terms(pay=money("5500", "HKD")), april, hk_law(april.start))
    basic = component(above, "basic")
    assert (basic.contract, basic.law, basic.due, basic.decided_by) == (
        Decimal("5500.00"),
        Decimal("5100.00"),
        Decimal("5500.00"),
        Basis.CONTRACT,
    )
    below = run([], helper_terms(pay=money("4800", "HKD")), april, hk_law(april.start))
    basic = component(below, "basic")
    assert (basic.contract, basic.due, basic.decided_by) == (
        Decimal("4800.00"),
        Decimal("5100.00"),
        Basis.LAW,
    )
    # Per component: the food allowance is added on top either way (1,236 for a whole month).
    assert below.totals.due == Decimal("5100.00") + Decimal("1236.00")
    assert below.totals.due_contract == Decimal("4800.00")
    assert below.totals.due_law == Decimal("6336.00")


def test_free_food_means_no_allowance_and_a_food_deduction_is_unlawful() -> None:
    april = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30), HK)
    fed = helper_terms(allowances=(Allowance(AllowanceKind.FOOD, provided=True),))
    statement = run(
        [],
        fed,
        april,
        hk_law(april.start),
        deductions=[DeductionTaken(DeductionKind.FOOD, money("300", "HKD"))],
    )
    assert component(statement, "allowance_food").due == 0
    (food,) = statement.deductions
    assert food.status is DeductionStatus.UNLAWFUL
    assert food.message_key == "wages.deduction.must_be_free"
    assert "HK.FDH.FOOD" in food.citations[0].facts
    # Due 5,100 (food is free); the 300 kept back is owed: 5,100 - 0 allowed deductions - 4,800 = 300.
    statement = run(
        [],
        fed,
        april,
        hk_law(april.start),
        deductions=[DeductionTaken(DeductionKind.FOOD, money("300", "HKD"))],
        received=[Payment(money("4800", "HKD"), dt.date(2026, 5, 1))],
    )
    assert statement.totals.shortfall == Decimal("300.00")


def test_costs_the_employer_pays_cite_the_hong_kong_contract_first() -> None:
    april = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30), HK)
    statement = run(
        [],
        helper_terms(),
        april,
        hk_law(april.start),
        deductions=[DeductionTaken(DeductionKind.MEDICAL, money("600", "HKD"))],
    )
    (medical,) = statement.deductions
    assert medical.status is DeductionStatus.UNLAWFUL
    assert medical.citations[0].rule_id == "HK.FDH.COSTS-EMPLOYER"


def test_the_hong_kong_law_lists_what_it_could_not_check() -> None:
    rules = hk_law()
    assert rules.overtime_rate is None
    assert rules.has_no_law("hours") is not None
    assert {"rest_day_pay", "holidays", "holiday_pay"} <= set(rules.unknown)
    assert "minimum_wage" not in rules.unknown
    assert not rules.out_of_date
    assert all(source.source.url.startswith("http") for source in rules.fee_rules)
    # Past the pack's review date (2026-09-30) the law is flagged as possibly out of date.
    assert hk_law(dt.date(2026, 11, 1)).out_of_date


def test_a_public_holiday_marked_by_the_worker_is_paid_as_the_contract_says() -> None:
    april = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 7), HK)
    entries = shifts(HK, [dt.date(2026, 4, 6)], (8, 0), (18, 0))
    mark = at_day(dt.date(2026, 4, 6))
    statement = run([*entries, mark], helper_terms(holiday_rate=Decimal(1)), april, hk_law(april.start))
    # A day's pay: 5,100 x 12 / 52 / 6 working days = 196.1538; one holiday worked at 1 x = 196.15.
    holiday = line(statement, "holidays", Basis.CONTRACT)
    assert holiday.amount == Decimal("196.15")
    assert "holiday_pay" in statement.could_not_check  # no legal figure in the fact sheet
    assert statement.hours["on_rest_days_and_holidays"] == Decimal(10)


def at_day(day: dt.date) -> Entry:
    return Entry("holiday", EntryKind.PUBLIC_HOLIDAY, at(HK, day, 0), at(HK, day + dt.timedelta(days=1), 0))
