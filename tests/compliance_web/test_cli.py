"""``mizan check-offer``: exit 0 without violations, 1 with, 2 for input it cannot use (file:line: reason)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from mizan.cli import main
from tests.compliance_web.conftest import EXAMPLES

pytestmark = pytest.mark.django_db


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Through ``mizan``'s own entry point, as a terminal would call it (``check-offer`` with a hyphen)."""
    try:
        main(["check-offer", *args])
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("example", "code"),
    [
        ("np-qa-construction.yaml", 1),
        ("np-qa-construction-lawful.yaml", 0),
        ("ph-hk-domestic.yaml", 1),
        ("id-hk-domestic.json", 1),
        ("mm-th-factory.json", 1),
        ("minimal.yaml", 0),
    ],
)
def test_the_examples_exit_with_0_or_1(capsys: pytest.CaptureFixture[str], example: str, code: int) -> None:
    exit_code, out, err = run(capsys, str(EXAMPLES / example))
    assert exit_code == code, err
    assert out.startswith(str(EXAMPLES / example))
    if code:
        assert "AGAINST THE RULES" in out
        assert "Source:" in out
    assert "RULES USED" in out


def test_json_output_is_the_api_answer(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        capsys, str(EXAMPLES / "np-qa-construction.yaml"), "--format", "json", "--language", "ne"
    )
    assert code == 1
    data = json.loads(out)
    assert data["language"] == "ne"
    assert data["on"] == "2026-01-10"  # the offer's own date
    rules = {(f["rule_id"], f["severity"]) for f in data["findings"]}
    assert {("NP.FVFT", "violation"), ("QA.FEES", "violation"), ("QA.PASSPORT", "violation")} <= rules
    assert data["calculator"]["sdg_10_7_1_ratio"]


def test_on_checks_with_the_rules_of_another_day(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        capsys, str(EXAMPLES / "ph-hk-domestic.yaml"), "--on", "2025-06-01", "--format", "json"
    )
    data = json.loads(out)
    assert data["on"] == "2025-06-01"
    assert code == 1  # HKD 4,800 was below the 4,990 of then too
    assert any(f["rule_id"] == "HK.FDH.MAW.2024" for f in data["findings"])


def test_the_underscore_name_works_too(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("check_offer", str(EXAMPLES / "np-qa-construction-lawful.yaml"))
    assert "Nothing we checked is against the rules." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "suffix", "expected"),
    [
        (
            "origin: NP\npay: {amount: -5, currency: QAR}\n",
            ".yaml",
            ":2: pay.amount: Input should be greater",
        ),
        ('{"origin": "NP",\n "destination": "XX"}', ".json", ":2: destination: XX is not an ISO 3166-1"),
        ("origin: NP\nfees:\n  - {category: visa, amount: 1}\n", ".yaml", ":3: fees.0.category"),
        ("origin: [NP\n", ".yaml", ":2: YAML syntax"),
        ("- a list\n", ".yaml", ":1: an offer must be one mapping"),
        ("pay: {amount: 100, currency: ZZZ}\n", ".yaml", ":1: pay.currency: ZZZ is not an ISO 4217"),
    ],
)
def test_bad_input_exits_2_with_file_line_and_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, suffix: str, expected: str
) -> None:
    path = tmp_path / f"offer{suffix}"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert f"{path}{expected}" in err, err
    assert out == ""
    assert "Traceback" not in err


def test_a_missing_file_and_bad_options_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "cannot read" in err
    code, _out, err = run(capsys, str(EXAMPLES / "minimal.yaml"), "--on", "2026-02-30")
    assert code == 2
    assert "not a date" in err
    code, _out, err = run(capsys, str(EXAMPLES / "minimal.yaml"), "--language", "xx")
    assert code == 2
    assert "invalid choice" in err


def test_packs_from_a_folder_check_a_draft_and_a_broken_folder_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import shutil

    from tests.compliance_web.conftest import ROOT

    draft = tmp_path / "rulepacks"
    shutil.copytree(ROOT / "rulepacks", draft)
    nepal = draft / "origins" / "NP.yaml"
    nepal.write_text(nepal.read_text(encoding="utf-8").replace('amount: "10000"', 'amount: "200000"'))
    offer = str(EXAMPLES / "np-qa-construction.yaml")
    code, out, _err = run(capsys, offer, "--packs", str(draft), "--format", "json")
    assert code == 1  # Qatar and the ILO still forbid the fee
    assert "NP.FVFT" not in {f["rule_id"] for f in json.loads(out)["findings"]}
    (draft / "broken.yaml").write_text("id: X\nversion: 1\n", encoding="utf-8")
    code, _out, err = run(capsys, offer, "--packs", str(draft))
    assert code == 2
    assert "broken.yaml:1" in err
