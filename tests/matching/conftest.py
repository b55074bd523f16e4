"""Fixtures of the matching tests: real common occupations, a media folder, and a fresh process-wide
matching index for every test (the database is rolled back between tests; the index lives in memory)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.matching.helpers import reset_matching
from tests.taxonomy_fixtures import common_taxonomy  # noqa: F401 - a fixture, used by name


@pytest.fixture(autouse=True)
def fresh_index() -> Iterator[None]:
    reset_matching()
    yield
    reset_matching()


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"
