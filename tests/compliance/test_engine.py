"""Engine behaviour: deployment bans, dates and versions, missing fields, determinism, the calculator."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import pytest

from mizan.compliance.engine import (
    OfferTerms,
    PackSet,
    evaluate,
    offer_calculator,
    offer_from_file,
    parse_pack_text,
)
from mizan.compliance.engine.loader import check_versions
from tests.compliance.conftest import ROOT

BAN_PACK = """
id: XX-test
version: "1"
title: Test origin with a deployment ban
jurisdiction: NP
scope: {origin: NP}
effective_from: 2020-01-01
effective_to: 2030-12-31
review_by: 2024-01-01
rules:
  - id: NP.TEST.BAN
    kind: deployment_ban
    parameters: {destinations: [KW], sectors: [domestic_work], since: 2022-03-01, until: 2023-12-31}
    citation: {title: Test ban, url: "https://example.org/ban"}
    confidence: high
---
id: XX-test
version: "2"
title: Test origin with a deployment ban
jurisdiction: NP
scope: {origin: NP}
effective_from: 2031-01-01
rules: []
"""


def ban_packs() -> PackSet:
    versions, errors = parse_pack_text(BAN_PACK, "ban.yaml")
    assert not errors
    return PackSet(versions)


def test_deployment_ban_applies_only_between_its_dates_and_to_its_sector() -> None:
    packs = ban_packs()
    offer = OfferTerms(origin="NP", destination="KW", sector="domestic_work")
    during = evaluate(offer, packs, on=dt.date(2023, 1, 1))
    assert [(f.rule_id, f.severity.value) for f in during.findings if f.rule_id == "NP.TEST.BAN"] == [
        ("NP.TEST.BAN", "violation")
    ]
    assert during.findings[0].params["since"] == "2022-03-01"
    after = evaluate(offer, packs, on=dt.date(2024, 6, 1))
    assert "NP.TEST.BAN" in {f.rule_id for f in after.passed}
    other_sector = evaluate(
        OfferTerms(origin="NP", destination="KW", sector="construction"), packs, on=dt.date(2023, 1, 1)
    )
    assert "NP.TEST.BAN" not in {f.rule_id for f in other_sector.findings}
    unknown_sector = evaluate(OfferTerms(origin="NP", destination="KW"), packs, on=dt.date(2023, 1, 1))
    assert ("NP.TEST.BAN", "info") in {(f.rule_id, f.severity.value) for f in unknown_sector.findings}


def test_effective_to_is_respected_and_review_by_marks_out_of_date() -> None:
    packs = ban_packs()
    offer = OfferTerms(origin="NP", destination="KW", sector="domestic_work")
    report = evaluate(offer, packs, on=dt.date(2023, 1, 1))
    assert report.packs[0].effective_to == dt.date(2030, 12, 31)
    assert report.out_of_date is False
    assert evaluate(offer, packs, on=dt.date(2025, 1, 1)).out_of_date is True
    later = evaluate(offer, packs, on=dt.date(2031, 6, 1))
    assert [(p.id, p.version) for p in later.packs] == [("XX-test", "2")]


def test_a_past_date_uses_the_pack_version_then_in_force(packs: PackSet) -> None:
    offer = OfferTerms.model_validate(
        {
            "origin": "PH",
            "destination": "HK",
            "sector": "domestic_work",
            "pay": {"amount": "4600", "currency": "HKD", "period": "monthly"},
        }
    )
    versions = {}
    for day in ("2016-01-01", "2019-01-01", "2023-01-01", "2024-01-01", "2025-01-01", "2026-01-01"):
        report = evaluate(offer, packs, on=dt.date.fromisoformat(day))
        versions[day] = next(p.version for p in report.packs if p.id == "HK-domestic_work")
    assert versions == {
        "2016-01-01": "2015.10",
        "2019-01-01": "2018.09",
        "2023-01-01": "2022.10",
        "2024-01-01": "2023.09",
        "2025-01-01": "2024.09",
        "2026-01-01": "2025.09",
    }
    hk = next(v for v in packs.history("HK-domestic_work") if v.version == "2024.09")
    assert hk.end == dt.date(2025, 9, 29)  # the day before its successor starts


def test_missing_fields_are_reported_not_fatal(packs: PackSet) -> None:
    report = evaluate(
        OfferTerms(origin="NP", destination="QA", sector="construction"), packs, on=dt.date(2026, 1, 1)
    )
    assert report.summary.violations == 0
    assert {"pay.amount", "fees", "documents.passport_held_by", "worker.age"} <= set(report.missing)
    assert all(f.severity.value == "info" for f in report.findings)


def test_current_packs_past_review_say_out_of_date(packs: PackSet) -> None:
    hk = OfferTerms(origin="PH", destination="HK", sector="domestic_work")
    assert evaluate(hk, packs, on=dt.date(2026, 11, 22)).out_of_date is True  # MAW review due 2026-09-30
    assert evaluate(hk, packs, on=dt.date(2026, 1, 1)).out_of_date is False


def test_findings_carry_citation_pack_version_and_conflict(packs: PackSet) -> None:
    offer = OfferTerms.model_validate(
        {
            "origin": "IN",
            "destination": "KW",
            "sector": "domestic_work",
            "pay": {"amount": "70", "currency": "KWD", "period": "monthly"},
        }
    )
    report = evaluate(offer, packs, on=dt.date(2026, 1, 1))
    finding = next(f for f in report.findings if f.rule_id == "KW.DW.MINWAGE.75")
    assert finding.severity.value == "warning"
    assert finding.conflict
    assert "KD 60" in finding.conflict
    assert finding.citation
    assert finding.citation.url.startswith("https://")
    assert (finding.pack_id, finding.pack_version) == ("KW-domestic_work", "2016.07")
    assert finding.params["minimum"] == "KWD 75.00"
    data = report.to_dict()
    assert data["summary"]["warnings"] == report.summary.warnings


def test_example_offers_load_and_evaluate(packs: PackSet) -> None:
    files = sorted((ROOT / "examples" / "offers").glob("*.*"))
    assert len(files) >= 4
    assert {f.suffix for f in files} == {".yaml", ".json"}
    for path in files:
        report = evaluate(offer_from_file(path), packs, on=dt.date(2026, 1, 10))
        assert report.findings or report.passed


def test_calculator_nepal_qatar_sdg_ratio(packs: PackSet) -> None:
    offer = OfferTerms.model_validate(
        {
            "origin": "NP",
            "destination": "QA",
            "sector": "construction",
            "pay": {"amount": "1000", "currency": "QAR", "period": "monthly"},
            "allowances": {"food": {"amount": "300", "currency": "QAR"}, "housing": {"provided": True}},
            "deductions": [{"kind": "recruitment_costs", "amount": "100"}],
            "fees": [
                {"category": "recruitment_fee", "amount": "150000", "currency": "NPR", "paid_by": "worker"},
                {
                    "category": "medical",
                    "amount": "100",
                    "currency": "QAR",
                    "paid_by": "worker",
                    "status": "owed",
                },
            ],
        }
    )
    report = evaluate(offer, packs, on=dt.date(2026, 1, 10))
    figures = offer_calculator(offer, report, packs.rates)
    assert figures.gross_monthly_pay == Decimal("1300.00")
    assert figures.net_monthly_pay == Decimal("1300.00")
    assert figures.take_home_pay == Decimal("1200.00")
    # NPR 150,000 = INR 93,750 = EUR 1,030.56 = USD 1,072.92 = QAR 3,905.37
    assert figures.worker_costs_paid == Decimal("3905.37")
    assert figures.worker_costs_owed == Decimal("100.00")
    assert figures.worker_costs_total == Decimal("4005.37")
    assert figures.months_to_repay == Decimal("3.1")
    assert figures.sdg_10_7_1_ratio == Decimal("3.34")  # 4005.37 / (1300 - 100)
    assert figures.costs_against_rules is not None
    assert figures.costs_against_rules > Decimal("3500")
    without_rates = offer_calculator(offer, report)
    assert without_rates.worker_costs_total is None
    assert without_rates.unconverted == ("NPR",)


def test_engine_imports_no_django() -> None:
    code = (
        "import sys, mizan.compliance.engine as e; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('django', 'ninja')]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_versions_computes_ends_without_errors(packs: PackSet) -> None:
    assert check_versions(list(packs.versions)) == []


@pytest.mark.parametrize("value", ["1.1", "abc", "-5"])
def test_bad_offer_values_are_rejected_with_the_field(value: str) -> None:
    from mizan.compliance.engine import OfferError, offer_from_text

    text = f"origin: NP\npay:\n  amount: {value}\n  currency: QARX\n"
    with pytest.raises(OfferError) as raised:
        offer_from_text(text, "offer.yaml")
    assert any(error.line == 4 and "pay.currency" in error.reason for error in raised.value.errors)
