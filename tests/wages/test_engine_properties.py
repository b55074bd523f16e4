"""Properties of the pay calculator, on random entries and contracts (hypothesis): more work never lowers
the pay due, a payment received never raises the shortfall, and the result depends only on the input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.wages.engine import (
    Allowance,
    AllowanceKind,
    ContractTerms,
    Entry,
    EntryKind,
    LawRules,
    Payment,
    PayPeriod,
    Period,
)
from tests.wages.test_engine_support import at, law, money, run

PERIOD_START = dt.date(2026, 4, 6)  # a Monday; two weeks
CASES = {
    "HK": ("Asia/Hong_Kong", "HKD", "domestic_work"),
    "QA": ("Asia/Qatar", "QAR", "construction"),
    "AE": ("Asia/Dubai", "AED", "construction"),
    "MY": ("Asia/Kuala_Lumpur", "MYR", "manufacturing"),
    "SG": ("Asia/Singapore", "SGD", "domestic_work"),
    "SA": ("Asia/Riyadh", "SAR", "services"),
    "KW": ("Asia/Kuwait", "KWD", "domestic_work"),
    "JO": ("Asia/Amman", "JOD", "manufacturing"),
    "KR": ("Asia/Seoul", "KRW", "manufacturing"),
    "TH": ("Asia/Bangkok", "THB", "hospitality"),
    "LB": ("Asia/Beirut", "USD", "domestic_work"),
}
_LAWS: dict[str, LawRules] = {}


def law_of(country: str) -> LawRules:
    if country not in _LAWS:
        _LAWS[country] = law(
            country, CASES[country][2], PERIOD_START, contract_signed_on=dt.date(2025, 10, 1)
        )
    return _LAWS[country]


countries = st.sampled_from(sorted(CASES))
kinds = st.sampled_from(
    [EntryKind.WORK, EntryKind.WORK, EntryKind.WORK, EntryKind.STANDBY, EntryKind.MEAL_BREAK, EntryKind.REST]
)


@st.composite
def entry_specs(draw: st.DrawFn) -> tuple[EntryKind, int, int, int]:
    """(kind, day 0-13, start in quarter hours, length in quarter hours up to 14 hours)."""
    return (draw(kinds), draw(st.integers(0, 13)), draw(st.integers(0, 95)), draw(st.integers(1, 56)))


def entries_of(zone: str, specs: list[tuple[EntryKind, int, int, int]], prefix: str = "e") -> list[Entry]:
    made = []
    for index, (kind, day, start, length) in enumerate(specs):
        begin = at(zone, PERIOD_START + dt.timedelta(days=day), 0) + dt.timedelta(minutes=15 * start)
        made.append(Entry(f"{prefix}{index}", kind, begin, begin + dt.timedelta(minutes=15 * length)))
    return made


@st.composite
def contracts(draw: st.DrawFn, currency: str) -> ContractTerms:
    period = draw(st.sampled_from(list(PayPeriod)))
    amount = {"month": 3000, "week": 700, "day": 120, "hour": 15}[period.value]
    return ContractTerms(
        pay=money(str(draw(st.integers(amount // 3, amount * 2))), currency),
        pay_period=period,
        normal_hours_per_day=draw(st.sampled_from([None, Decimal(8), Decimal(9)])),
        normal_hours_per_week=draw(st.sampled_from([None, Decimal(40), Decimal(45), Decimal(48)])),
        rest_days_per_week=draw(st.sampled_from([None, 1, 2])),
        rest_weekdays=draw(st.sampled_from([(), (4,), (6,)])),
        overtime_rate=draw(st.sampled_from([None, Decimal("1.25"), Decimal("1.5")])),
        rest_day_rate=draw(st.sampled_from([None, Decimal(1), Decimal(2)])),
        holiday_rate=draw(st.sampled_from([None, Decimal(2)])),
        holidays=draw(st.sampled_from([(), (PERIOD_START + dt.timedelta(days=3),)])),
        allowances=draw(
            st.sampled_from(
                [
                    (),
                    (Allowance(AllowanceKind.FOOD, Decimal(0)),),
                    (
                        Allowance(AllowanceKind.FOOD, provided=True),
                        Allowance(AllowanceKind.HOUSING, Decimal(200)),
                    ),
                ]
            )
        ),
        standby_counts_as_work=draw(st.booleans()),
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, ContractTerms, list[tuple[EntryKind, int, int, int]]]:
    country = draw(countries)
    terms = draw(contracts(CASES[country][1]))
    return country, terms, draw(st.lists(entry_specs(), max_size=14))


def period_of(country: str) -> Period:
    return Period(PERIOD_START, PERIOD_START + dt.timedelta(days=13), CASES[country][0])


@settings(max_examples=150, deadline=None)
@given(cases(), st.lists(entry_specs().map(lambda spec: (EntryKind.WORK, *spec[1:])), min_size=1, max_size=4))
def test_more_hours_never_lower_the_pay_due(case, extra) -> None:  # type: ignore[no-untyped-def]
    country, terms, specs = case
    zone = CASES[country][0]
    before = run(entries_of(zone, specs), terms, period_of(country), law_of(country))
    # The extra work is logged after (so it wins any overlap): the hours worked can only grow.
    after = run(
        entries_of(zone, specs) + entries_of(zone, extra, "x"), terms, period_of(country), law_of(country)
    )
    assert after.hours["worked"] >= before.hours["worked"]
    assert after.totals.due >= before.totals.due, (before.components, after.components)
    for old, new in zip(before.components, after.components, strict=True):
        assert old.code == new.code
        assert new.due >= old.due, (old, new)


@settings(max_examples=100, deadline=None)
@given(cases(), st.integers(0, 5000))
def test_a_payment_received_never_raises_the_shortfall(case, amount) -> None:  # type: ignore[no-untyped-def]
    country, terms, specs = case
    zone, currency = CASES[country][:2]
    entries = entries_of(zone, specs)
    before = run(entries, terms, period_of(country), law_of(country))
    paid = [Payment(money(str(amount), currency), PERIOD_START + dt.timedelta(days=14))]
    after = run(entries, terms, period_of(country), law_of(country), received=paid)
    assert after.totals.shortfall <= before.totals.shortfall
    assert after.totals.shortfall + after.totals.received >= before.totals.shortfall
    assert after.totals.shortfall == max(
        Decimal(0), after.totals.due_after_deductions - after.totals.received
    )


@settings(max_examples=60, deadline=None)
@given(cases())
def test_the_statement_depends_only_on_the_input(case) -> None:  # type: ignore[no-untyped-def]
    country, terms, specs = case
    zone = CASES[country][0]
    first = run(entries_of(zone, specs), terms, period_of(country), law_of(country)).to_dict()
    second = run(entries_of(zone, specs), terms, period_of(country), law_of(country)).to_dict()
    assert first == second


@settings(max_examples=60, deadline=None)
@given(cases())
def test_totals_add_up_and_hours_are_split_without_loss(case) -> None:  # type: ignore[no-untyped-def]
    country, terms, specs = case
    zone = CASES[country][0]
    statement = run(entries_of(zone, specs), terms, period_of(country), law_of(country))
    totals = statement.totals
    assert totals.due == sum((c.due for c in statement.components), Decimal(0))
    assert all(c.due >= (c.contract or 0) and c.due >= (c.law or 0) for c in statement.components)
    hours = statement.hours
    for side in ("contract", "law"):
        split = hours[f"normal_{side}"] + hours[f"overtime_{side}"] + hours["on_rest_days_and_holidays"]
        assert split == hours["worked"]
    assert totals.shortfall >= 0
    assert totals.overpayment >= 0
    assert not (totals.shortfall and totals.overpayment)
