"""Vault test fixtures: a private file storage per test and a fresh key cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mizan.privacy.vault import keys
from mizan.privacy.vault.keyring import new_index_key, new_master_key_entry


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_key_cache() -> Iterator[None]:
    keys.clear_key_cache()
    yield
    keys.clear_key_cache()


@pytest.fixture
def media_root(_media_root: Path) -> Path:
    return _media_root


def keyring_text(*entries: str) -> str:
    return ",".join(entries)


@pytest.fixture
def fresh_keys(settings: Any) -> dict[str, str]:
    """A keyring with one new master key (id 'k1') and a new index key, in force for this test."""
    entry = new_master_key_entry("k1")
    settings.MIZAN_VAULT_MASTER_KEYS = entry
    settings.MIZAN_VAULT_INDEX_KEY = new_index_key()
    return {"k1": entry}
