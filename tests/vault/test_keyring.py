"""The key file format, start-up that fails closed, and development keys."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mizan.privacy.vault.keyring import (
    KeyringError,
    development_keys,
    new_index_key,
    new_master_key_entry,
    parse_index_key,
    parse_master_keys,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
KEY_A = base64.b64encode(b"A" * 32).decode()
KEY_B = base64.b64encode(b"B" * 32).decode()


def test_the_first_key_is_current_and_others_stay_readable() -> None:
    ring = parse_master_keys(f"k2:{KEY_B}, k1:{KEY_A}")
    assert ring.current.id == "k2"
    assert ring.ids == ("k2", "k1")
    old = ring.get("k1")
    assert old is not None
    assert old.key == b"A" * 32
    assert ring.get("k3") is None


def test_a_key_file_may_use_lines_and_comments() -> None:
    text = f"# rotated 2026-11-01\nk2:{KEY_B}\n\nk1:{KEY_A}\n"
    assert parse_master_keys(text).ids == ("k2", "k1")


def test_url_safe_base64_is_accepted() -> None:
    raw = bytes(range(200, 232))
    assert parse_master_keys(f"k:{base64.urlsafe_b64encode(raw).decode()}").current.key == raw


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no master key"),
        ("# only a comment\n", "no master key"),
        (KEY_A, "entry 1 is not in the form"),
        (f"k 1:{KEY_A}", "key id"),
        (f":{KEY_A}", "key id"),
        ("k1:not base64 at all!", "not valid base64"),
        (f"k1:{KEY_A[:-9]}", "base64"),  # a file cut short
        (f"k1:{base64.b64encode(b'short').decode()}", "32 bytes"),
        (f"k1:{KEY_A},k1:{KEY_B}", "appears twice"),
        (f"k1:{KEY_A},k2:{KEY_A}", "repeats the key"),
        (f"k1:{KEY_A},k2:", "entry 2"),
    ],
)
def test_malformed_keyrings_are_refused_clearly(text: str, message: str) -> None:
    with pytest.raises(KeyringError, match=message) as caught:
        parse_master_keys(text)
    assert KEY_A not in str(caught.value)
    assert KEY_A[:20] not in str(caught.value)  # never echo key material


def test_the_index_key_must_be_32_bytes_and_not_a_master_key() -> None:
    ring = parse_master_keys(f"k1:{KEY_A}")
    assert parse_index_key(KEY_B, ring) == b"B" * 32
    with pytest.raises(KeyringError, match="must not be one of the master keys"):
        parse_index_key(KEY_A, ring)
    with pytest.raises(KeyringError, match="no index key"):
        parse_index_key("   ", ring)
    with pytest.raises(KeyringError, match="32 bytes"):
        parse_index_key(base64.b64encode(b"x" * 16).decode(), ring)


def test_generated_keys_parse() -> None:
    ring = parse_master_keys(new_master_key_entry("k2026"))
    assert ring.current.id == "k2026"
    assert len(parse_index_key(new_index_key(), ring)) == 32
    with pytest.raises(KeyringError):
        new_master_key_entry("bad id")


def test_a_master_key_never_shows_its_bytes_in_a_repr() -> None:
    ring = parse_master_keys(f"k1:{KEY_A}")
    assert "AAAA" not in repr(ring)
    assert "k1" in repr(ring)


def test_development_keys_are_made_once_and_kept_private(tmp_path: Path) -> None:
    first = development_keys(tmp_path)
    assert development_keys(tmp_path) == first
    parse_index_key(first[1], parse_master_keys(first[0]))
    for name in ("vault_master_keys", "vault_index_key"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault_index_key", "vault_master_keys"]


# --- Start-up -------------------------------------------------------------------------------------------


def _start(env_overrides: dict[str, str], tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MIZAN_", "DATABASE_URL", "PYTEST_", "DJANGO_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "MIZAN_DATA_DIR": str(tmp_path / "data"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        }
    )
    env.update(env_overrides)
    command = list(args) or [sys.executable, "-c", "import django; django.setup()"]
    return subprocess.run(
        command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )


PRODUCTION = {
    "MIZAN_ENV": "production",
    "MIZAN_SECRET_KEY": "a-production-secret-key-that-is-long-enough-0123456789-abcdefghij",
    "MIZAN_ALLOWED_HOSTS": "mizan.example",
}


def test_production_without_vault_keys_refuses_to_start(tmp_path: Path) -> None:
    result = _start(PRODUCTION, tmp_path)
    assert result.returncode != 0
    assert "MIZAN_VAULT_MASTER_KEYS" in result.stderr
    result = _start({**PRODUCTION, "MIZAN_VAULT_MASTER_KEYS": f"k1:{KEY_A}"}, tmp_path)
    assert result.returncode != 0
    assert "MIZAN_VAULT_INDEX_KEY" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (f"k1:{KEY_A[:20]}\n", "must be 32 bytes"),  # cut short on a 4-character boundary
        (f"k1:{KEY_A[:21]}\n", "not valid base64"),  # cut short anywhere else
        ("", "no master key"),
        ("garbage without a colon", "not in the form"),
    ],
)
def test_production_with_a_corrupt_key_file_refuses_to_start(
    tmp_path: Path, content: str, message: str
) -> None:
    key_file = tmp_path / "keys"
    key_file.write_text(content, encoding="utf-8")
    env = {**PRODUCTION, "MIZAN_VAULT_MASTER_KEYS_FILE": str(key_file), "MIZAN_VAULT_INDEX_KEY": KEY_B}
    result = _start(env, tmp_path)
    assert result.returncode != 0
    if content:
        assert message in result.stderr
    assert "MIZAN_VAULT_MASTER_KEYS" in result.stderr


def test_production_with_an_unreadable_key_file_refuses_to_start(tmp_path: Path) -> None:
    env = {
        **PRODUCTION,
        "MIZAN_VAULT_MASTER_KEYS_FILE": str(tmp_path / "missing"),
        "MIZAN_VAULT_INDEX_KEY": KEY_B,
    }
    result = _start(env, tmp_path)
    assert result.returncode != 0
    assert "MIZAN_VAULT_MASTER_KEYS_FILE" in result.stderr


def test_production_with_good_vault_keys_starts_past_the_vault_settings(tmp_path: Path) -> None:
    # Other parts (the ledger's signing key …) fail closed too; here only the vault must be satisfied.
    key_file = tmp_path / "keys"
    key_file.write_text(f"# Mizan vault master keys\nk1:{KEY_A}\n", encoding="utf-8")
    env = {**PRODUCTION, "MIZAN_VAULT_MASTER_KEYS_FILE": str(key_file), "MIZAN_VAULT_INDEX_KEY": KEY_B}
    result = _start(env, tmp_path)
    assert "MIZAN_VAULT" not in result.stderr, result.stderr
    assert not (tmp_path / "data" / "vault_master_keys").exists()  # production never makes its own


def test_outside_production_keys_are_made_in_the_data_dir(tmp_path: Path) -> None:
    result = _start({"MIZAN_ENV": "development"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "vault_master_keys").read_text().startswith("dev1:")
