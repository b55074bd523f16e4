"""statement_for: the engine with the site's rule packs (baseline + published versions), the rate table for
other currencies, a warning when the law changes inside the period, and messages in the worker's language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mizan.compliance.packs import site_packs
from mizan.wages.calculator import present_statement, statement_for
from mizan.wages.engine import (
    Allowance,
    AllowanceKind,
    ContractTerms,
    DeductionKind,
    DeductionTaken,
    Payment,
    PayPeriod,
    Period,
)
from tests.wages.test_engine_support import NOW, days, money, shifts

pytestmark = pytest.mark.django_db

HK = "Asia/Hong_Kong"
THREE_WEEKS = Period(dt.date(2026, 3, 2), dt.date(2026, 3, 22), HK)


def helper() -> ContractTerms:
    return ContractTerms(
        pay=money("5100", "HKD"),
        pay_period=PayPeriod.MONTH,
        rest_days_per_week=1,
        allowances=(Allowance(AllowanceKind.FOOD, Decimal(0)),),
        signed_on=dt.date(2025, 10, 1),
    )


def hk_statement(language: str = "en", **kwargs: object):  # type: ignore[no-untyped-def]
    entries = shifts(HK, days(THREE_WEEKS.start, THREE_WEEKS.end), (7, 0), (21, 0), meal=(12, 13))
    return statement_for(
        entries=entries,
        terms=helper(),
        period=THREE_WEEKS,
        destination="HK",
        sector="domestic_work",
        worker_category=None,
        language=language,
        now=NOW,
        **kwargs,  # type: ignore[arg-type]
    )


def test_the_site_packs_give_the_hand_worked_hong_kong_figures() -> None:
    statement = hk_statement(
        received=[Payment(money("3000", "HKD"), dt.date(2026, 3, 31))],
        deductions=[DeductionTaken(DeductionKind.RECRUITMENT_FEE, money("1000", "HKD"))],
    )
    assert statement.totals.due == Decimal("4292.13")  # see test_engine_hk for the arithmetic
    assert statement.totals.shortfall == Decimal("1292.13")
    assert statement.rest.rest_days_owed == 3
    assert statement.language == "en"
    assert {pack["id"] for pack in statement.packs} >= {"HK-domestic_work", "HK", "INT"}


def test_a_payment_in_another_currency_is_converted_with_the_site_rates() -> None:
    statement = hk_statement(received=[Payment(money("100", "USD"), dt.date(2026, 3, 31))])
    expected = site_packs().rates.convert(Decimal(100), "USD", "HKD", dt.date(2026, 3, 31))
    assert expected is not None
    assert statement.totals.received == expected.amount.quantize(Decimal("0.01"))
    assert all(problem.code != "no_rate" for problem in statement.problems)


def test_a_period_across_a_change_in_the_law_is_flagged() -> None:
    # Malaysia: RM1,500 binds every employer until 31 July 2025, RM1,700 from 1 August 2025.
    period = Period(dt.date(2025, 7, 15), dt.date(2025, 8, 14), "Asia/Kuala_Lumpur")
    statement = statement_for(
        entries=[],
        terms=ContractTerms(pay=money("1500", "MYR"), pay_period=PayPeriod.MONTH),
        period=period,
        destination="MY",
        sector="manufacturing",
        worker_category=None,
        language="en",
        now=NOW,
    )
    (changed,) = [problem for problem in statement.problems if problem.code == "law_changed"]
    assert changed.params == {"date": "2025-08-01"}
    assert statement.law_date == period.start


def test_present_statement_puts_every_message_into_words() -> None:
    shown = present_statement(
        hk_statement(deductions=[DeductionTaken(DeductionKind.RECRUITMENT_FEE, money("1000", "HKD"))])
    )
    texts = [
        item["message"]
        for key in ("lines", "deductions", "problems", "could_not_check")
        for item in shown[key]
    ]
    assert texts
    assert all(text and "{" not in text for text in texts)
    assert any("Hong Kong" in text for text in texts)  # the country by name, not its code
    assert shown["headline"][0].startswith("You were paid HK$")  # shortfall in the locale's money format
    assert shown["totals_text"]["due"] == "HK$4,292.13"
    assert shown["could_not_check"][0]["message"].startswith("Could not check:")


@pytest.mark.parametrize("language", ["ar", "ne"])
def test_present_statement_in_another_language_keeps_the_figures(language: str) -> None:
    shown = present_statement(hk_statement(language=language))
    assert shown["language"] == language
    assert shown["totals"]["due"] == "4292.13"
    assert all(item["message"] for item in shown["lines"])
