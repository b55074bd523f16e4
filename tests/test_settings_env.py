"""Settings fail closed: typed environment readers reject bad values, production refuses to start unsafe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from config.env import EnvError, env_bool, env_choice, env_int, env_list, env_required, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent


# --- env_str / env_required and NAME_FILE ----------------------------------------------------------


def test_env_str_reads_the_value_or_the_default() -> None:
    assert env_str("X", environ={"X": "hello"}) == "hello"
    assert env_str("X", "fallback", environ={}) == "fallback"
    assert env_str("X", environ={}) is None


def test_an_empty_value_counts_as_unset() -> None:
    assert env_str("X", "fallback", environ={"X": ""}) == "fallback"
    with pytest.raises(EnvError, match="X"):
        env_required("X", environ={"X": ""})


def test_env_required_names_the_missing_variable() -> None:
    assert env_required("SECRET", environ={"SECRET": "s3"}) == "s3"
    with pytest.raises(EnvError, match=r"SECRET \(or SECRET_FILE\) must be set"):
        env_required("SECRET", environ={})


def test_a_file_variable_is_read_instead_and_stripped(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("from-the-file\n", encoding="utf-8")
    environ = {"SECRET": "from-the-env", "SECRET_FILE": str(secret)}
    assert env_required("SECRET", environ=environ) == "from-the-file"
    assert env_str("SECRET", environ=environ) == "from-the-file"


def test_a_file_variable_that_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EnvError, match="SECRET_FILE"):
        env_str("SECRET", environ={"SECRET_FILE": str(tmp_path / "missing")})


def test_typed_readers_read_file_variables_too(tmp_path: Path) -> None:
    number = tmp_path / "n"
    number.write_text("42\n", encoding="utf-8")
    assert env_int("N", 1, environ={"N_FILE": str(number)}) == 42


# --- env_bool ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["1", "true", "TRUE", "yes", "On"])
def test_env_bool_accepts_true_words(raw: str) -> None:
    assert env_bool("FLAG", False, environ={"FLAG": raw}) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off"])
def test_env_bool_accepts_false_words(raw: str) -> None:
    assert env_bool("FLAG", True, environ={"FLAG": raw}) is False


def test_env_bool_uses_the_default_when_unset() -> None:
    assert env_bool("FLAG", True, environ={}) is True
    assert env_bool("FLAG", False, environ={}) is False


@pytest.mark.parametrize("raw", ["maybe", "2", "enabled", "tru"])
def test_env_bool_rejects_anything_else(raw: str) -> None:
    with pytest.raises(EnvError, match="FLAG"):
        env_bool("FLAG", False, environ={"FLAG": raw})


# --- env_int ----------------------------------------------------------------------------------------


def test_env_int_reads_whole_numbers() -> None:
    assert env_int("N", 5, environ={"N": "12"}) == 12
    assert env_int("N", 5, environ={}) == 5
    assert env_int("N", 5, environ={"N": "-3"}) == -3


@pytest.mark.parametrize("raw", ["1.5", "ten", " ", "0x10"])
def test_env_int_rejects_what_is_not_a_whole_number(raw: str) -> None:
    with pytest.raises(EnvError, match="N must be a whole number"):
        env_int("N", 5, environ={"N": raw})


def test_env_int_enforces_its_bounds() -> None:
    assert env_int("N", 5, minimum=1, maximum=10, environ={"N": "10"}) == 10
    with pytest.raises(EnvError, match="at least 1"):
        env_int("N", 5, minimum=1, environ={"N": "0"})
    with pytest.raises(EnvError, match="at most 10"):
        env_int("N", 5, maximum=10, environ={"N": "11"})


# --- env_choice and env_list ------------------------------------------------------------------------


def test_env_choice_accepts_only_its_choices() -> None:
    choices = ("development", "production", "test")
    assert env_choice("MODE", choices, "development", environ={"MODE": "test"}) == "test"
    assert env_choice("MODE", choices, "development", environ={}) == "development"
    with pytest.raises(EnvError, match="MODE must be one of"):
        env_choice("MODE", choices, "development", environ={"MODE": "Production"})


def test_env_list_splits_on_commas_and_drops_blanks() -> None:
    assert env_list("HOSTS", [], environ={"HOSTS": " a.example, b.example ,,"}) == ["a.example", "b.example"]
    assert env_list("HOSTS", ["x"], environ={}) == ["x"]


def test_env_list_default_is_a_copy() -> None:
    default = ["x"]
    env_list("HOSTS", default, environ={}).append("y")
    assert default == ["x"]


# --- The database really is what DATABASE_URL says ---------------------------------------------------


@pytest.mark.django_db
def test_the_tests_run_on_the_database_database_url_names() -> None:
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


# --- Whole-process start-up ---------------------------------------------------------------------------


def _run(
    code_or_args: list[str], env_overrides: dict[str, str], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MIZAN_", "DATABASE_URL", "PYTEST_", "DJANGO_"))
    }
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "MIZAN_DATA_DIR": str(tmp_path / "data")})
    env.update(env_overrides)
    return subprocess.run(
        code_or_args, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_production_without_a_secret_key_refuses_to_start(tmp_path: Path) -> None:
    result = _run(
        [sys.executable, "-c", "import django; django.setup()"],
        {"MIZAN_ENV": "production", "MIZAN_ALLOWED_HOSTS": "mizan.example"},
        tmp_path,
    )
    assert result.returncode != 0
    assert "MIZAN_SECRET_KEY" in result.stderr


def test_production_with_a_short_secret_key_refuses_to_start(tmp_path: Path) -> None:
    result = _run(
        [sys.executable, "-c", "import django; django.setup()"],
        {"MIZAN_ENV": "production", "MIZAN_SECRET_KEY": "short", "MIZAN_ALLOWED_HOSTS": "mizan.example"},
        tmp_path,
    )
    assert result.returncode != 0
    assert "MIZAN_SECRET_KEY" in result.stderr


def test_production_without_allowed_hosts_refuses_to_start(tmp_path: Path) -> None:
    result = _run(
        [sys.executable, "-c", "import django; django.setup()"],
        {"MIZAN_ENV": "production", "MIZAN_SECRET_KEY": "k" * 64},
        tmp_path,
    )
    assert result.returncode != 0
    assert "MIZAN_ALLOWED_HOSTS" in result.stderr


def test_a_bad_value_stops_start_up_and_names_the_variable(tmp_path: Path) -> None:
    result = _run(
        [sys.executable, "-c", "import django; django.setup()"],
        {"MIZAN_ENV": "test", "MIZAN_SESSION_DAYS": "forever"},
        tmp_path,
    )
    assert result.returncode != 0
    assert "MIZAN_SESSION_DAYS" in result.stderr


def production_keys() -> dict[str, str]:
    """Fresh vault and ledger keys, as an operator would provide them (docs/operations.md)."""
    import base64
    import os

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from mizan.privacy.ledger import keys

    def random_key() -> str:
        return base64.b64encode(os.urandom(32)).decode()

    return {
        "MIZAN_VAULT_MASTER_KEYS": f"k1:{random_key()}",
        "MIZAN_VAULT_INDEX_KEY": random_key(),
        "MIZAN_LEDGER_SIGNING_KEY": keys.private_key_seed(Ed25519PrivateKey.generate()),
    }


def test_production_without_vault_or_ledger_keys_refuses_to_start(tmp_path: Path) -> None:
    base = {
        "MIZAN_ENV": "production",
        "MIZAN_SECRET_KEY": "s" * 64,
        "MIZAN_ALLOWED_HOSTS": "mizan.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'mizan.sqlite3'}",
    }
    for missing in production_keys():
        environ = {**base, **{k: v for k, v in production_keys().items() if k != missing}}
        result = _run([sys.executable, "-m", "mizan.cli", "check"], environ, tmp_path)
        assert result.returncode != 0, missing
        assert missing in result.stderr, result.stderr


def test_production_with_its_settings_passes_the_deploy_check(tmp_path: Path) -> None:
    secret = "a-production-secret-key-that-is-long-enough-0123456789-abcdefghij"[:64]
    assert len(secret) == 64
    result = _run(
        [sys.executable, "-m", "mizan.cli", "check", "--deploy", "--fail-level", "WARNING"],
        {
            "MIZAN_ENV": "production",
            "MIZAN_SECRET_KEY": secret,
            "MIZAN_ALLOWED_HOSTS": "mizan.example",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'mizan.sqlite3'}",
            **production_keys(),
        },
        tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
