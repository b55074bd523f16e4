"""Shared fixtures for the pure compliance-engine tests (no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mizan.compliance.engine import PackSet, load_packs

ROOT = Path(__file__).resolve().parents[2]
RULEPACKS = ROOT / "rulepacks"


@pytest.fixture(scope="session")
def packs() -> PackSet:
    return load_packs([RULEPACKS])
