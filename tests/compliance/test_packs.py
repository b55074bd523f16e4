"""Pack files: every shipped pack validates; malformed or contradictory packs are rejected with file,
line and reason; `mizan rulepacks validate` exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mizan.compliance.engine import PackError, load_packs, parse_pack_text, validate_files
from tests.compliance.conftest import ROOT, RULEPACKS

GOOD = """\
id: ZZ
version: "1"
title: A test pack
jurisdiction: QA
scope: {destination: QA}
effective_from: 2020-01-01
rules:
  - id: QA.TEST.ONE
    kind: annual_leave
    parameters: {days_per_year: 21}
    citation: {title: Test law, url: "https://example.org/law"}
    confidence: high
"""


def test_every_shipped_pack_validates() -> None:
    versions, rates, errors = validate_files([RULEPACKS])
    assert errors == []
    assert rates is not None
    files = {Path(v.file).name for v in versions}
    for code in ("HK", "SG", "QA", "KW", "SA", "AE", "MY", "KR", "TH", "JO"):
        assert any(name.startswith(code) for name in files), code
    origins = {Path(v.file).stem for v in versions if "origins" in v.file}
    assert {"NP", "PH", "BD", "IN", "ID", "LK"} <= origins
    for version in versions:  # every rule cites a fact of the fact sheet and a source
        for rule in version.rules:
            assert rule.spec.facts, rule.spec.id
            assert rule.spec.citation.url.startswith("http"), rule.spec.id


def errors_of(text: str, file: str = "pack.yaml") -> list[tuple[int, str]]:
    _, errors = parse_pack_text(text, file)
    assert all(error.file == file for error in errors)
    return [(error.line, error.reason) for error in errors]


def test_good_pack_has_no_errors() -> None:
    assert errors_of(GOOD) == []


def test_yaml_syntax_error_has_its_line() -> None:
    [(line, reason)] = errors_of(GOOD.replace("confidence: high", "confidence: [high"))
    assert line >= 12
    assert "YAML syntax" in reason


def test_unknown_kind_points_at_the_kind() -> None:
    [(line, reason)] = errors_of(GOOD.replace("kind: annual_leave", "kind: holiday_pay"))
    assert line == 9
    assert "unknown rule kind 'holiday_pay'" in reason


def test_bad_parameter_points_at_the_parameter() -> None:
    [(line, reason)] = errors_of(GOOD.replace("{days_per_year: 21}", "{days_per_year: -3}"))
    assert line == 10
    assert "rules[0].parameters.days_per_year" in reason
    found = errors_of(GOOD.replace("{days_per_year: 21}", "{days: 21}"))
    assert (10, "rules[0].parameters.days: Extra inputs are not permitted") in found


def test_missing_field_and_bad_confidence() -> None:
    found = errors_of(
        GOOD.replace("title: A test pack\n", "").replace("confidence: high", "confidence: sure")
    )
    reasons = " | ".join(reason for _, reason in found)
    assert "title: Field required" in reasons
    assert "rules[0].confidence" in reasons
    assert (11, next(r for _, r in found if "confidence" in r)) in found


def test_two_rules_with_one_id() -> None:
    doubled = GOOD + GOOD[GOOD.index("  - id:") :]
    [(line, reason)] = errors_of(doubled)
    assert line == 13
    assert "used twice" in reason


def test_duplicate_yaml_key() -> None:
    [(line, reason)] = errors_of(GOOD.replace("confidence: high", "confidence: high\n    confidence: low"))
    assert line == 13
    assert "duplicate key 'confidence'" in reason


def test_jurisdiction_must_match_scope() -> None:
    [(line, reason)] = errors_of(GOOD.replace("jurisdiction: QA", "jurisdiction: KW"))
    assert line == 1
    assert "does not match the scope" in reason


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_overlapping_versions_are_rejected_with_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD)
    write(
        tmp_path, "b.yaml", GOOD.replace('version: "1"', 'version: "2"').replace("2020-01-01", "2021-06-01")
    )
    with pytest.raises(PackError) as raised:
        load_packs([tmp_path])
    [error] = raised.value.errors
    assert error.file.endswith("b.yaml")
    assert error.line == 6
    assert "overlaps version 1" in error.reason
    # Declaring the succession resolves it: version 1 then ends the day before version 2.
    write(
        tmp_path,
        "b.yaml",
        GOOD.replace('version: "1"', 'version: "2"\nsupersedes: "1"').replace("2020-01-01", "2021-06-01"),
    )
    packs = load_packs([tmp_path])
    assert [str(v.end) for v in packs.history("ZZ")] == ["2021-05-31", "None"]


def test_explicit_ranges_that_overlap_and_unknown_supersedes(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yaml",
        GOOD.replace("effective_from: 2020-01-01", "effective_from: 2020-01-01\neffective_to: 2022-01-01"),
    )
    write(
        tmp_path,
        "b.yaml",
        GOOD.replace('version: "1"', 'version: "2"\nsupersedes: "0"').replace("2020-01-01", "2021-06-01"),
    )
    _, _, errors = validate_files([tmp_path])
    reasons = sorted(error.reason for error in errors)
    assert any("overlaps version 1" in r for r in reasons)
    assert any("has no version 0" in r for r in reasons)


def test_one_rule_id_in_two_packs(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", GOOD.replace("id: ZZ", "id: YY"))
    _, _, errors = validate_files([tmp_path])
    [error] = errors
    assert error.file.endswith("b.yaml")
    assert error.line == 8
    assert "already belongs to pack ZZ" in error.reason


def test_bad_rate_table(tmp_path: Path) -> None:
    write(
        tmp_path, "rates.yaml", "rates:\n  - {base: USD, quote: QAR, rate: 0, date: 2020-01-01, source: x}\n"
    )
    _, _, errors = validate_files([tmp_path])
    assert next((e.line, "rates[0].rate" in e.reason) for e in errors) == (2, True)


def run_validate(*paths: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mizan.cli", "rulepacks", "validate", *paths],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**__import__("os").environ, "MIZAN_ENV": "test"},
    )


def test_validate_command_exit_codes(tmp_path: Path) -> None:
    ok = run_validate()
    assert ok.returncode == 0, ok.stderr
    assert "OK:" in ok.stdout
    bad = write(tmp_path, "bad.yaml", GOOD.replace("kind: annual_leave", "kind: nope"))
    result = run_validate(
        str(
            write(
                tmp_path, "good.yaml", GOOD.replace("id: ZZ", "id: WW").replace("QA.TEST.ONE", "QA.TEST.TWO")
            )
        ),
        str(bad),
    )
    assert result.returncode == 1
    assert f"{bad}:9: rules[0].kind: unknown rule kind 'nope'" in result.stderr
    missing = run_validate(str(tmp_path / "absent.yaml"))
    assert missing.returncode == 1
