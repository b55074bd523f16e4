"""Properties: more pay never adds a wage violation; lower fees never add a fee violation; evaluation is
deterministic (same input, same report)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.compliance.engine import OfferTerms, PackSet, evaluate, load_packs
from tests.compliance.conftest import RULEPACKS

PACKS: PackSet = load_packs([RULEPACKS])
WAGE_KEYS = ("compliance.minimum_wage.",)
FEE_KEYS = ("compliance.worker_fee_cap.", "compliance.employer_pays_costs.")

corridors = st.sampled_from(
    [
        ("NP", "QA", "construction", "QAR"),
        ("PH", "HK", "domestic_work", "HKD"),
        ("ID", "HK", "domestic_work", "IDR"),
        ("BD", "SA", "construction", "SAR"),
        ("IN", "KW", "domestic_work", "KWD"),
        ("NP", "MY", "agriculture", "MYR"),
        ("PH", "AE", "domestic_work", "AED"),
        ("LK", "JO", "manufacturing", "JOD"),
        ("MM", "TH", "manufacturing", "THB"),
        ("NP", "KR", "manufacturing", "KRW"),
        ("PH", "SG", "domestic_work", "SGD"),
    ]
)
days = st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2027, 12, 31))
money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False)
periods = st.sampled_from(["monthly", "daily", "hourly"])
categories = st.sampled_from(
    ["recruitment_fee", "medical", "travel", "visa_permit", "administrative", "deposit_bond"]
)


def offer(corridor: tuple[str, str, str, str], amount: Decimal, period: str, fees: list[dict]) -> OfferTerms:
    origin, destination, sector, currency = corridor
    return OfferTerms.model_validate(
        {
            "origin": origin,
            "destination": destination,
            "sector": sector,
            "pay": {"amount": amount, "currency": currency, "period": period},
            "hours": {"per_day": 8, "per_week": 48},
            "rest": {"days_per_week": 1},
            "allowances": {"food": {"provided": True}, "housing": {"provided": True}},
            "fees": fees,
        }
    )


def violations(report, keys) -> set[str]:  # type: ignore[no-untyped-def]
    return {
        f.rule_id
        for f in report.findings
        if f.severity.value == "violation" and f.message_key.startswith(keys)
    }


@settings(max_examples=150, deadline=None)
@given(corridors, money, money, periods, days)
def test_raising_pay_never_adds_a_wage_violation(corridor, low, extra, period, day) -> None:  # type: ignore[no-untyped-def]
    before = evaluate(offer(corridor, low, period, []), PACKS, on=day)
    after = evaluate(offer(corridor, low + extra, period, []), PACKS, on=day)
    assert violations(after, WAGE_KEYS) <= violations(before, WAGE_KEYS)


fee_items = st.lists(
    st.fixed_dictionaries(
        {
            "category": categories,
            "amount": money,
            "currency": st.sampled_from(["NPR", "QAR", "HKD", "USD", "INR", "BDT"]),
            "paid_by": st.sampled_from(["worker", "employer"]),
            "paid_to": st.sampled_from(["recruiter", "employer", "government"]),
        }
    ),
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(corridors, money, fee_items, st.decimals(min_value=0, max_value=1, places=2), days)
def test_lowering_fees_never_adds_a_fee_violation(corridor, pay, fees, factor, day) -> None:  # type: ignore[no-untyped-def]
    lower = [{**item, "amount": (item["amount"] * factor).quantize(Decimal("0.01"))} for item in fees]
    before = evaluate(offer(corridor, pay, "monthly", fees), PACKS, on=day)
    after = evaluate(offer(corridor, pay, "monthly", lower), PACKS, on=day)
    assert violations(after, FEE_KEYS) <= violations(before, FEE_KEYS)
    dropped = evaluate(offer(corridor, pay, "monthly", fees[1:]), PACKS, on=day)
    assert violations(dropped, FEE_KEYS) <= violations(before, FEE_KEYS)


@settings(max_examples=60, deadline=None)
@given(corridors, money, periods, fee_items, days)
def test_evaluation_is_deterministic(corridor, pay, period, fees, day) -> None:  # type: ignore[no-untyped-def]
    terms = offer(corridor, pay, period, fees)
    first = evaluate(terms, PACKS, on=day).to_dict()
    fresh = load_packs([RULEPACKS])  # a new pack set, no shared cache
    assert evaluate(terms, fresh, on=day).to_dict() == first
    assert evaluate(terms, PACKS, on=day).to_dict() == first
