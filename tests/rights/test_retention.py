"""Retention periods: one per record kind and per purpose, from settings; a start-up check catches a gap."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mizan.privacy.consent.purposes import PURPOSES
from mizan.privacy.rights.retention import check_retention_settings, retention_days, retention_period

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def start(code: str, tmp_path: Path, **overrides: str) -> subprocess.CompletedProcess[str]:
    """A fresh Python process that loads the settings with ``overrides`` in its environment."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MIZAN_", "DATABASE_URL", "PYTEST_", "DJANGO_"))
    }
    env.update(
        {"DJANGO_SETTINGS_MODULE": "config.settings", "MIZAN_ENV": "test", "MIZAN_DATA_DIR": str(tmp_path)}
    )
    env.update(overrides)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_purpose_has_a_period_and_the_defaults_are_the_documented_ones() -> None:
    for purpose in PURPOSES.values():
        assert retention_days(purpose.retention) >= 0, purpose.code
    assert retention_days("sign_in_codes") == 1
    assert retention_days("access_records") == 730
    assert retention_days("consents") == 1825
    assert retention_days("inactive_accounts") == 1095
    assert retention_days("correction_requests") == 365
    assert retention_period("access_records").days == 730
    assert check_retention_settings() == []
    docs = (PROJECT_DIR / "docs" / "privacy" / "rights.md").read_text(encoding="utf-8")
    for key in ("sign_in_codes", "access_records", "consents", "inactive_accounts", "correction_requests"):
        assert f"`{key}`" in docs, key
        assert f"MIZAN_RETENTION_DAYS_{key.upper()}" in docs, key


def test_a_missing_or_bad_period_fails_the_start_up_check(settings: Any) -> None:
    settings.MIZAN_RETENTION_DAYS = {**settings.MIZAN_RETENTION_DAYS, "consents": -1}
    del settings.MIZAN_RETENTION_DAYS["contract"]
    problems = check_retention_settings()
    assert {p.id for p in problems} == {"rights.E003"}
    assert len(problems) == 2
    with pytest.raises(KeyError, match="contract"):
        retention_days("contract")


@pytest.mark.parametrize(("value", "message"), [("ninety", "whole number"), ("10", "at least 90")])
def test_a_bad_environment_value_stops_start_up(tmp_path: Path, value: str, message: str) -> None:
    result = start("import django; django.setup()", tmp_path, MIZAN_RETENTION_DAYS_ACCESS_RECORDS=value)
    assert result.returncode != 0
    assert "MIZAN_RETENTION_DAYS_ACCESS_RECORDS" in result.stderr
    assert message in result.stderr


def test_an_environment_value_sets_the_period(tmp_path: Path) -> None:
    code = "from django.conf import settings; print(settings.MIZAN_RETENTION_DAYS['consents'])"
    result = start(code, tmp_path, MIZAN_RETENTION_DAYS_CONSENTS="4000")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4000"
