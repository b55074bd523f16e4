"""The offer corpus: every case in cases/*.yaml must produce the findings it names, and none it rules out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mizan.compliance.engine import KINDS, OfferTerms, PackSet, evaluate, render
from mizan.compliance.engine.findings import Severity

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    return cases


CASES = load_cases()


def run(case: dict[str, Any], packs: PackSet):
    terms = OfferTerms.model_validate(case["offer"])
    on = case["check_on"]
    return evaluate(terms, packs, on=on)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_offer_case(case: dict[str, Any], packs: PackSet) -> None:
    report = run(case, packs)
    found = {(finding.rule_id, finding.severity.value) for finding in report.findings}
    for rule_id, severity in case.get("expect", []):
        assert (rule_id, severity) in found, f"expected {rule_id} {severity}; got {sorted(found)}"
    problems = {f.rule_id for f in report.findings if f.severity is not Severity.INFO}
    for rule_id in case.get("not", []):
        assert rule_id not in problems, f"{rule_id} should not be breached; got {sorted(found)}"
    if case.get("clean"):
        assert report.summary.violations == 0, sorted(found)
        assert report.summary.warnings == 0, sorted(found)
    for finding in report.findings:  # every finding renders to a full sentence
        text = render(finding.message_key, finding.params)
        assert "{" not in text
        assert finding.message_key not in text


def test_the_corpus_is_large_and_covers_every_kind_and_pack(packs: PackSet) -> None:
    assert len(CASES) >= 60
    expected = {rule_id for case in CASES for rule_id, _ in case.get("expect", [])}
    kinds_seen = set()
    packs_seen = set()
    for version in packs.versions:
        for rule in version.rules:
            if rule.spec.id in expected:
                kinds_seen.add(rule.spec.kind)
                packs_seen.add(version.id)
    missing_kinds = set(KINDS) - kinds_seen - {"deployment_ban"}  # no ban in the fact sheet: see test_kinds
    assert not missing_kinds
    assert packs_seen == {version.id for version in packs.versions}
