"""The signing key from settings: production fails closed, a bad key stops start-up, development makes one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from config.env import EnvError
from config.keys import ledger_previous_keys as _ledger_previous_keys
from config.keys import ledger_signing_key as _ledger_signing_key
from mizan.privacy.ledger import keys

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def test_production_without_a_signing_key_refuses_to_start(tmp_path: Path) -> None:
    with pytest.raises(
        EnvError, match=r"MIZAN_LEDGER_SIGNING_KEY \(or MIZAN_LEDGER_SIGNING_KEY_FILE\) must be set"
    ):
        _ledger_signing_key({}, production=True, data_dir=tmp_path)
    assert not list(tmp_path.iterdir())  # nothing was generated in its place


def test_production_reads_the_key_from_the_environment_or_a_file(tmp_path: Path) -> None:
    private = Ed25519PrivateKey.generate()
    seed = keys.private_key_seed(private)
    assert _ledger_signing_key({"MIZAN_LEDGER_SIGNING_KEY": seed}, production=True, data_dir=tmp_path) == seed
    key_file = tmp_path / "ledger.pem"
    key_file.write_text(keys.private_key_pem(private))
    environ = {"MIZAN_LEDGER_SIGNING_KEY_FILE": str(key_file)}
    assert _ledger_signing_key(environ, production=True, data_dir=tmp_path) == seed


@pytest.mark.parametrize(
    "bad",
    [
        "not-a-key",
        keys.b64(b"x" * 31),
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----\n",
        keys.public_key_pem(keys.public_key_raw(Ed25519PrivateKey.generate())),
    ],
)
@pytest.mark.parametrize("production", [True, False])
def test_a_malformed_key_stops_start_up_in_every_mode(tmp_path: Path, bad: str, production: bool) -> None:
    with pytest.raises(EnvError, match="MIZAN_LEDGER_SIGNING_KEY") as caught:
        _ledger_signing_key({"MIZAN_LEDGER_SIGNING_KEY": bad}, production=production, data_dir=tmp_path)
    assert bad not in str(caught.value)


def test_an_unreadable_key_file_is_named(tmp_path: Path) -> None:
    environ = {"MIZAN_LEDGER_SIGNING_KEY_FILE": str(tmp_path / "missing.pem")}
    with pytest.raises(EnvError, match="MIZAN_LEDGER_SIGNING_KEY_FILE"):
        _ledger_signing_key(environ, production=True, data_dir=tmp_path)


def test_development_makes_a_private_key_once(tmp_path: Path) -> None:
    first = _ledger_signing_key({}, production=False, data_dir=tmp_path)
    assert _ledger_signing_key({}, production=False, data_dir=tmp_path) == first
    key_file = tmp_path / "ledger_signing_key.pem"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert keys.private_key_seed(keys.parse_private_key(key_file.read_text())) == first


def test_previous_public_keys_must_be_readable() -> None:
    raw = keys.public_key_raw(Ed25519PrivateKey.generate())
    good = {"MIZAN_LEDGER_PREVIOUS_PUBLIC_KEYS": f"{keys.b64(raw)}, {keys.b64(raw)}"}
    assert _ledger_previous_keys(good) == [keys.b64(raw), keys.b64(raw)]
    with pytest.raises(EnvError, match="key 2 cannot be read"):
        _ledger_previous_keys({"MIZAN_LEDGER_PREVIOUS_PUBLIC_KEYS": f"{keys.b64(raw)},oops"})


def test_the_process_stops_with_the_variables_name(tmp_path: Path) -> None:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("MIZAN_", "DATABASE_URL"))
    }
    environment.update(
        {"MIZAN_ENV": "test", "MIZAN_DATA_DIR": str(tmp_path), "MIZAN_LEDGER_SIGNING_KEY": "AAAA"}
    )
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert (
        "MIZAN_LEDGER_SIGNING_KEY (or MIZAN_LEDGER_SIGNING_KEY_FILE) is not an Ed25519 private key"
        in done.stderr
    )
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT_DIR,
        env={**environment, "MIZAN_LEDGER_SIGNING_KEY": "", "MIZAN_LEDGER_ORIGIN": "my ledger"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "MIZAN_LEDGER_ORIGIN" in done.stderr
