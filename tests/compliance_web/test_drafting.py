"""The minimum-wage form's draft: the latest version's text with only the changed values replaced, so the
diff a colleague reviews is short, and the draft passes every check of a new version."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mizan.compliance.drafting import CitationInput, DraftError, draft_minimum_wage
from mizan.compliance.packs import baseline_text
from mizan.compliance.validation import unified_diff, validate_text

pytestmark = pytest.mark.django_db

CITATION = CitationInput("Minimum wage notice 2026", "https://gazette.example.org/2026/12", "Art 2")


def draft(pack_id: str, version: str, rule_id: str) -> tuple[str, str]:
    text = baseline_text(pack_id, version)
    assert text is not None
    return text, draft_minimum_wage(
        text,
        rule_id=rule_id,
        amount=Decimal("5300"),
        effective_from=dt.date(2027, 1, 1),
        review_by=dt.date(2028, 1, 1),
        version="2027.01",
        supersedes=version,
        citation=CITATION,
    )


@pytest.mark.parametrize(
    ("pack_id", "version", "rule_id"),
    [
        ("HK-domestic_work", "2025.09", "HK.FDH.MAW.2025"),  # flow-style parameters
        ("QA", "2026.11", "QA.MW.2020-17"),  # block parameters, a rule-level start date
        ("MY", "2026.11", "MY.MWO2024"),  # anchored parameters and citation shared with another rule
    ],
)
def test_a_draft_changes_only_what_the_form_says_and_passes_every_check(
    pack_id: str, version: str, rule_id: str
) -> None:
    old, new = draft(pack_id, version, rule_id)
    diff = unified_diff(old, new, old_label="old", new_label="new")
    added = "\n".join(line.text for line in diff.lines if line.kind == "added")
    assert 'version: "2027.01"' in added
    assert "effective_from: 2027-01-01" in added
    assert f'supersedes: "{version}"' in added
    assert "review_by: 2028-01-01" in added
    assert 'amount: "5300"' in added
    assert 'title: "Minimum wage notice 2026", url: "https://gazette.example.org/2026/12"' in added
    assert diff.removed <= 10  # the rest of the version is untouched
    result = validate_text(new, "draft.yaml", pack_id=pack_id)
    assert result.ok, result.errors
    assert result.version is not None
    rule = next(rule for rule in result.version.rules if rule.spec.id == rule_id)
    assert rule.params.amount == Decimal("5300")  # type: ignore[attr-defined]
    assert rule.spec.citation.url == CITATION.url


def test_a_rule_the_version_does_not_have_is_refused() -> None:
    text = baseline_text("QA", "2021.03")
    assert text is not None
    with pytest.raises(DraftError):
        draft_minimum_wage(
            text,
            rule_id="QA.NOPE",
            amount=Decimal(1),
            effective_from=dt.date(2027, 1, 1),
            review_by=None,
            version="2027.01",
            supersedes="2021.03",
            citation=CITATION,
        )


def test_text_the_form_cannot_edit_safely_is_refused() -> None:
    merged = "base: &b {amount: 1}\nid: X\nversion: '1'\neffective_from: 2020-01-01\nrules:\n  - <<: *b\n"
    for text in ("", "[1, 2]", "id: X\n", merged, "rules: [\n"):
        with pytest.raises(DraftError):
            draft_minimum_wage(
                text,
                rule_id="X.MW",
                amount=Decimal(1),
                effective_from=dt.date(2027, 1, 1),
                review_by=None,
                version="2",
                supersedes="1",
                citation=CITATION,
            )
