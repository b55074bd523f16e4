"""Fixtures of the profile tests: real common occupations (the taxonomy fixture) and a media folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.taxonomy_fixtures import common_taxonomy  # noqa: F401 - a fixture, used by name


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    """Sealed files go to a folder of this test only."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"
