"""The one mapping from a vacancy's terms to the compliance engine's offer, and the sector guess."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mizan.compliance.engine import load_packs
from mizan.compliance.engine.evaluate import evaluate
from mizan.compliance.engine.terms import CostCategory, FeeStatus, Party, PayPeriod, Sector
from mizan.vacancies.sectors import sector_for_isco
from mizan.vacancies.terms import CostLine, RecruiterFacts, VacancyTerms, offer_terms, pay_per_month

DAY = dt.date(2026, 1, 10)
D = Decimal


def terms(**overrides: object) -> VacancyTerms:
    base: dict[str, object] = {
        "pay_amount": D("1400"),
        "pay_currency": "QAR",
        "pay_period": "month",
        "hours_per_day": D("8"),
        "hours_per_week": D("44"),
        "rest_days_per_week": D("1"),
        "annual_leave_days": 21,
        "overtime_rate": D("1.25"),
        "accommodation_provided": True,
        "food_provided": True,
        "contract_months": 24,
    }
    base.update(overrides)
    return VacancyTerms(**base)  # type: ignore[arg-type]


def offer(vacancy_terms: VacancyTerms, **kwargs: object):  # type: ignore[no-untyped-def]
    options: dict[str, object] = {"origin": "NP", "destination": "QA", "sector": "construction", "on": DAY}
    options.update(kwargs)
    return offer_terms(vacancy_terms, **options)  # type: ignore[arg-type]


def test_the_corridor_the_day_and_the_pay_are_carried_over():
    result = offer(terms(), destination_region=None)
    assert (result.origin, result.destination, result.sector, result.date) == (
        "NP",
        "QA",
        Sector.CONSTRUCTION,
        DAY,
    )
    assert result.pay is not None
    assert (result.pay.amount, result.pay.currency, result.pay.period) == (
        D("1400"),
        "QAR",
        PayPeriod.MONTHLY,
    )
    assert result.hours is not None
    assert (result.hours.per_day, result.hours.per_week) == (D("8"), D("44"))
    assert result.rest is not None
    assert result.rest.days_per_week == D("1")
    assert result.annual_leave_days == D("21")
    assert result.overtime_rate == D("1.25")
    assert result.contract is not None
    assert result.contract.duration_months == 24


def test_weekly_pay_becomes_monthly_pay_because_the_engine_has_no_week():
    result = offer(terms(pay_amount=D("300"), pay_period="week"))
    assert result.pay is not None
    assert result.pay.period is PayPeriod.MONTHLY
    assert result.pay.amount == D("1303.57")  # 300 x 365 / 7 / 12


def test_daily_and_hourly_pay_keep_their_period():
    assert offer(terms(pay_period="day")).pay.period is PayPeriod.DAILY  # type: ignore[union-attr]
    assert offer(terms(pay_period="hour")).pay.period is PayPeriod.HOURLY  # type: ignore[union-attr]


def test_food_and_housing_given_free_or_as_money_or_neither():
    free = offer(terms()).allowances
    assert free is not None
    assert free.food is not None
    assert free.food.provided
    assert free.housing is not None
    assert free.housing.provided
    money = offer(
        terms(food_provided=False, food_allowance=D("300"), accommodation_provided=False)
    ).allowances
    assert money is not None
    assert money.food is not None
    assert not money.food.provided
    assert (money.food.amount, money.food.currency) == (D("300"), "QAR")
    # Not given and no money instead: an allowance of 0, so a required allowance is found missing.
    assert money.housing is not None
    assert money.housing.amount == D(0)
    assert not money.housing.provided
    transport = offer(terms(transport_allowance=D("100"))).allowances
    assert transport is not None
    assert transport.other is not None
    assert transport.other.amount == D("100")


def test_costs_become_fees_with_who_pays_and_a_shared_cost_is_split():
    costs = (
        CostLine("recruitment_fee", D("1500"), "QAR", "employer"),
        CostLine("medical", D("200"), "QAR", "worker"),
        CostLine("travel", D("1000"), "QAR", "shared", D("250")),
    )
    fees = offer(terms(costs=costs)).fees
    assert fees is not None
    found = {(fee.category, fee.paid_by, fee.amount) for fee in fees}
    assert found == {
        (CostCategory.RECRUITMENT_FEE, Party.EMPLOYER, D("1500")),
        (CostCategory.MEDICAL, Party.WORKER, D("200")),
        (CostCategory.TRAVEL, Party.EMPLOYER, D("750")),
        (CostCategory.TRAVEL, Party.WORKER, D("250")),
    }
    assert all(fee.status is FeeStatus.ASKED for fee in fees)
    assert (
        next(fee for fee in fees if fee.category is CostCategory.RECRUITMENT_FEE).paid_to is Party.RECRUITER
    )


def test_no_costs_listed_means_the_worker_pays_nothing():
    assert offer(terms()).fees == ()


def test_the_recruiter_and_its_licence_are_passed_on():
    result = offer(terms(recruiter=RecruiterFacts(direct_hire=False, licensed=True, licence_number="12/34")))
    assert result.recruiter is not None
    assert (result.recruiter.direct_hire, result.recruiter.licensed, result.recruiter.licence_number) == (
        False,
        True,
        "12/34",
    )


def test_a_lawful_vacancy_passes_and_a_fee_charging_one_is_blocked_by_the_engine():
    packs = load_packs(["rulepacks"])
    lawful = evaluate(offer(terms()), packs, on=DAY)
    assert lawful.summary.violations == 0
    charging = terms(pay_amount=D("800"), costs=(CostLine("recruitment_fee", D("80000"), "NPR", "worker"),))
    report = evaluate(offer(charging), packs, on=DAY)
    rules = {finding.rule_id for finding in report.findings if finding.severity.value == "violation"}
    assert {"QA.MW.2020-17", "NP.FVFT", "INT.ILO-FRP.GP07"} <= rules


@pytest.mark.parametrize(
    ("period", "amount", "expected"),
    [
        ("month", "1400", "1400.00"),
        ("week", "300", "1303.57"),
        ("day", "50", "1303.57"),
        ("hour", "5", "955.95"),
    ],
)
def test_pay_per_month_uses_the_working_days_and_hours(period: str, amount: str, expected: str):
    # 6 working days a week, 44 hours a week, 365/7/12 weeks a month.
    assert pay_per_month(terms(pay_period=period, pay_amount=D(amount))) == D(expected)


def test_hourly_pay_without_hours_a_week_has_no_monthly_figure():
    assert pay_per_month(terms(pay_period="hour", hours_per_week=None)) is None


@pytest.mark.parametrize(
    ("code", "sector"),
    [
        ("9111.1", Sector.DOMESTIC_WORK),
        ("5322.1", Sector.DOMESTIC_WORK),
        ("7112.1", Sector.CONSTRUCTION),
        ("7212.3", Sector.CONSTRUCTION),
        ("8212.3", Sector.MANUFACTURING),
        ("8342.3", Sector.CONSTRUCTION),
        ("8322.6", Sector.SERVICES),
        ("6223.1", Sector.FISHING),
        ("5120.1", Sector.HOSPITALITY),
        ("2511.1", Sector.OTHER),
        ("", Sector.OTHER),
    ],
)
def test_the_sector_is_guessed_from_the_occupation(code: str, sector: Sector):
    assert sector_for_isco(code) is sector
