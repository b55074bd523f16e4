"""Deductions judged against the rules in force: statutory, recruitment costs (unlawful or doubtful with
their sources), what the contract allows, and amounts in another currency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mizan.wages.engine import (
    AgreedDeduction,
    ContractTerms,
    DeductionKind,
    DeductionStatus,
    DeductionTaken,
    PayPeriod,
    Period,
    render,
)
from tests.wages.test_engine_support import law, money, packs, problems, run

RIYADH = "Asia/Riyadh"
MONTH = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30), RIYADH)


def domestic(**changes: object) -> ContractTerms:
    base: dict[str, object] = {
        "pay": money("1500", "SAR"),
        "pay_period": PayPeriod.MONTH,
        "rest_days_per_week": 1,
    }
    base.update(changes)
    return ContractTerms(**base)  # type: ignore[arg-type]


def judged(*taken: DeductionTaken, terms: ContractTerms | None = None, **kwargs: object):  # type: ignore[no-untyped-def]
    statement = run(
        [],
        terms or domestic(),
        MONTH,
        law("SA", "domestic_work", MONTH.start),
        deductions=list(taken),
        **kwargs,
    )
    return statement


def test_a_visa_fee_taken_from_a_saudi_domestic_workers_pay_is_unlawful_citing_saudi_rules_first() -> None:
    statement = judged(DeductionTaken(DeductionKind.VISA_PERMIT, money("400", "SAR")))
    (visa,) = statement.deductions
    assert visa.status is DeductionStatus.UNLAWFUL
    cited = [source.rule_id for source in visa.citations]
    assert cited[0].startswith("SA.DW.")
    assert "INT.ILO-RFD.CAT" in cited
    assert visa.owed == Decimal("400.00")
    assert "owed to you" in render(visa.message_key, visa.params)


def test_a_deposit_is_doubtful_when_only_a_low_confidence_rule_forbids_it() -> None:
    statement = judged(DeductionTaken(DeductionKind.DEPOSIT_BOND, money("300", "SAR")))
    (deposit,) = statement.deductions
    assert deposit.status is DeductionStatus.DOUBTFUL
    assert deposit.citations[0].rule_id == "INT.ILO-RFD.ILLEG"
    assert deposit.citations[0].confidence == "low"
    # Doubtful: listed, but not counted as owed.
    assert statement.totals.deductions_owed == 0
    assert statement.totals.deductions_allowed == Decimal("300.00")


def test_statutory_and_agreed_deductions_are_allowed_and_an_advance_is_not_checked() -> None:
    terms = domestic(deductions=(AgreedDeduction(DeductionKind.DAMAGE, Decimal("50")),))
    statement = judged(
        DeductionTaken(DeductionKind.SOCIAL_SECURITY, money("30", "SAR")),
        DeductionTaken(DeductionKind.DAMAGE, money("50", "SAR")),
        DeductionTaken(DeductionKind.ADVANCE, money("100", "SAR")),
        terms=terms,
    )
    social, damage, advance = statement.deductions
    assert social.status is DeductionStatus.LAWFUL
    assert damage.status is DeductionStatus.LAWFUL
    assert damage.message_key == "wages.deduction.agreed"
    assert advance.status is DeductionStatus.NOT_CHECKED
    assert "deductions" in statement.could_not_check
    # 1,500 - 180 allowed = 1,320 due after deductions.
    assert statement.totals.due_after_deductions == Decimal("1320.00")


def test_an_agreed_monthly_deduction_is_prorated_to_the_days_counted() -> None:
    half = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 15), RIYADH)
    terms = domestic(deductions=(AgreedDeduction(DeductionKind.HOUSING, Decimal("300")),))
    statement = run(
        [],
        terms,
        half,
        law("SA", "domestic_work", half.start),
        deductions=[DeductionTaken(DeductionKind.HOUSING, money("300", "SAR"))],
    )
    (housing,) = statement.deductions
    # 300 x 15/30 = 150 allowed for half of April; the other 150 is owed back.
    assert (housing.status, housing.allowed, housing.owed) == (
        DeductionStatus.NOT_AGREED,
        Decimal("150"),
        Decimal("150.00"),
    )


def test_a_deduction_in_another_currency_is_converted_with_the_rate_table() -> None:
    rates = packs().rates

    def convert(amount: Decimal, source: str, target: str, on: dt.date) -> Decimal | None:
        found = rates.convert(amount, source, target, on)
        return found.amount if found else None

    statement = judged(DeductionTaken(DeductionKind.RECRUITMENT_FEE, money("100", "USD")), convert=convert)
    (fee,) = statement.deductions
    expected = rates.convert(Decimal(100), "USD", "SAR", MONTH.end)
    assert expected is not None
    assert fee.amount == expected.amount.quantize(Decimal("0.01"))
    assert "no_rate" not in problems(statement)
