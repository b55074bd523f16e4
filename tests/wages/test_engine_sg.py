"""Singapore migrant domestic workers, worked out by hand (pack SG-domestic_work, facts B2).

Rules used: one rest day a week; if the worker works on it, at least one day's wage per forgone rest day
(or a replacement rest day in the same month) - SG.MDW.REST.WEEKLY, kept in supplements.py because the
pack has no parameter for the pay; from 2023 at least one rest day a month that cannot be paid off
(SG.MDW.REST.MONTHLY). No minimum wage for MDWs was found (SG.MDW.MINWAGE): could not check.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mizan.wages.engine import Basis, ContractTerms, PayPeriod, Period
from tests.wages.test_engine_support import component, days, law, line, money, run, shifts

SG = "Asia/Singapore"
# Four weeks, Monday 2 March to Sunday 29 March 2026 (28 of March's 31 days).
FOUR_WEEKS = Period(dt.date(2026, 3, 2), dt.date(2026, 3, 29), SG)


def mdw(**changes: object) -> ContractTerms:
    base: dict[str, object] = {
        "pay": money("700", "SGD"),
        "pay_period": PayPeriod.MONTH,
        "rest_days_per_week": 1,
    }
    base.update(changes)
    return ContractTerms(**base)  # type: ignore[arg-type]


def two_sundays_worked() -> list:  # type: ignore[type-arg]
    # Weeks 1 and 2: every day 07:00-20:00; weeks 3 and 4: Sundays off.
    worked = days(dt.date(2026, 3, 2), dt.date(2026, 3, 15)) + days(
        dt.date(2026, 3, 16), dt.date(2026, 3, 29), skip=[6]
    )
    return shifts(SG, worked, (7, 0), (20, 0), meal=(12, 13))


def test_rest_days_worked_are_compensated_with_a_days_wage() -> None:
    statement = run(two_sundays_worked(), mdw(), FOUR_WEEKS, law("SG", "domestic_work", FOUR_WEEKS.start))
    assert statement.rest.weeks_missing_rest == (1, 2)
    assert statement.rest.buyout_allowed is True
    # A day's wage: 700 x 12 / 52 / 6 working days = 26.923077; 2 forgone rest days = 53.846 -> 53.85.
    paid = line(statement, "rest_days", Basis.LAW)
    assert paid.amount == Decimal("53.85")
    assert paid.citation.rule_id == "SG.MDW.REST.WEEKLY"  # type: ignore[union-attr]
    assert paid.citation.pack_id is None  # from the calculator's sourced table  # type: ignore[union-attr]
    assert "SG.MDW.REST.WEEKLY" in paid.citation.facts  # type: ignore[union-attr]
    rest = component(statement, "rest_days")
    assert (rest.contract, rest.due, rest.decided_by) == (None, Decimal("53.85"), Basis.LAW)
    # Basic: 700 x 28/31 = 632.258 -> 632.26; no minimum wage known for MDWs.
    assert component(statement, "basic").due == Decimal("632.26")
    assert component(statement, "basic").law is None
    assert "minimum_wage" in statement.could_not_check
    assert statement.totals.due == Decimal("632.26") + Decimal("53.85")


def test_a_contract_paying_more_for_a_sunday_worked_wins() -> None:
    terms = mdw(rest_weekdays=(6,), rest_day_rate=Decimal("1.5"))
    statement = run(two_sundays_worked(), terms, FOUR_WEEKS, law("SG", "domestic_work", FOUR_WEEKS.start))
    # Two Sundays worked x 26.923077 x 1.5 = 80.769 -> 80.77 against the law's 53.85.
    rest = component(statement, "rest_days")
    assert (rest.contract, rest.law, rest.due, rest.decided_by) == (
        Decimal("80.77"),
        Decimal("53.85"),
        Decimal("80.77"),
        Basis.CONTRACT,
    )
    # The Sundays' 24 hours (2 x 12) are paid by the rest-day line, not counted again as other hours.
    assert statement.hours["on_rest_days_and_holidays"] == Decimal(24)


def test_a_month_without_any_rest_misses_the_rest_day_that_cannot_be_paid_off() -> None:
    march = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31), SG)
    entries = shifts(SG, days(march.start, march.end), (7, 0), (20, 0))
    statement = run(entries, mdw(), march, law("SG", "domestic_work", march.start))
    assert statement.rest.months_short == ("2026-03",)
    short = line(statement, "monthly_rest_short", Basis.LAW)
    assert short.citation.rule_id == "SG.MDW.REST.MONTHLY"  # type: ignore[union-attr]
    # Four complete weeks (1-28 March) without rest, the 3 days after them are not a whole week.
    assert statement.rest.rest_days_owed == 4
    assert [week.complete for week in statement.rest.weeks] == [True, True, True, True, False]
