"""`mizan vault check | rotate | generate-key`: clear answers, exit 1 on trouble, nothing changed then."""

from __future__ import annotations

import base64
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import base, call_command
from django.core.management.base import CommandError

from mizan.privacy import vault
from mizan.privacy.vault.keyring import new_master_key_entry, parse_index_key, parse_master_keys
from mizan.privacy.vault.management.commands.vault import Command
from mizan.privacy.vault.models import DataKey
from tests.factories import WorkerFactory

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("vault", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def run_as_cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """As from a shell: the exit status and what was printed."""
    # run_from_argv closes every database connection when done; the test still needs its own.
    status = 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(base.connections, "close_all", lambda: None)
        try:
            Command().run_from_argv(["mizan", "vault", *args])
        except SystemExit as exited:
            status = int(exited.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def sealed(fresh_keys: Any) -> list[Any]:
    owners = [WorkerFactory() for _ in range(3)]
    for owner in owners:
        vault.seal(owner, "x", context="tests.note")
    return owners


def test_check_counts_keys_and_says_all_is_well(sealed: list[Any]) -> None:
    vault.shred(sealed[0])
    out = run("check")
    assert "2 unwrap, 0 do not, 1 shredded" in out
    assert "k1: 2" in out
    assert "Every data key unwraps" in out


def test_check_with_files_decrypts_them(sealed: list[Any]) -> None:
    from django.core.files.base import ContentFile

    vault.seal_file(sealed[1], ContentFile(b"%PDF-1.4 hello", name="a.pdf"), context="tests.file")
    assert "Files: 1 decrypt, 0 do not" in run("check", "--files")


def test_check_with_a_wrong_key_file_fails_and_changes_nothing(
    sealed: list[Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong-keys"
    wrong.write_text(new_master_key_entry("k1") + "\n", encoding="utf-8")
    before = sorted(bytes(k.wrapped) for k in DataKey.objects.all())
    status, out, err = run_as_cli("check", "--keys-file", str(wrong), capsys=capsys)
    assert status == 1
    assert "0 unwrap, 3 do not" in out
    assert "Is this the right key file?" in err
    assert "Traceback" not in err
    assert sorted(bytes(k.wrapped) for k in DataKey.objects.all()) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("k1:" + base64.b64encode(b"A" * 32).decode()[:30], "not a valid keyring"),  # truncated
        ("k1 " + base64.b64encode(b"A" * 32).decode(), "not a valid keyring"),  # corrupt
        ("", "not a valid keyring"),
        (b"\xff\xfe\x00binary", "cannot be read"),
    ],
)
def test_a_corrupt_or_truncated_key_file_is_a_clear_error(
    sealed: list[Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, message: str
) -> None:
    path = tmp_path / "keys"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    for action in ("check", "rotate"):
        status, _out, err = run_as_cli(action, "--keys-file", str(path), capsys=capsys)
        assert status == 1
        assert message in err
        assert "Traceback" not in err


def test_a_missing_key_file_is_a_clear_error(sealed: list[Any], tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot be read"):
        run("check", "--keys-file", str(tmp_path / "nope"))


def test_rotate_reports_counts_and_is_idempotent(sealed: list[Any], settings: Any, fresh_keys: Any) -> None:
    settings.MIZAN_VAULT_MASTER_KEYS = f"{new_master_key_entry('k2')},{fresh_keys['k1']}"
    out = run("rotate", "--batch-size", "2")
    assert "Re-wrapped 3 data keys under master key 'k2'; 0 were already under it" in out
    out = run("rotate")
    assert "Re-wrapped 0 data keys under master key 'k2'; 3 were already under it" in out
    assert "k2: 3" in run("check")


def test_rotate_with_a_keyring_missing_the_old_key_fails_and_loses_nothing(
    sealed: list[Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    only_new = tmp_path / "keys"
    only_new.write_text(new_master_key_entry("k2"), encoding="utf-8")
    status, out, err = run_as_cli("rotate", "--keys-file", str(only_new), capsys=capsys)
    assert status == 1
    assert "3 could not be unwrapped" in out
    assert "left exactly as they were" in err
    assert set(DataKey.objects.values_list("master_key_id", flat=True)) == {"k1"}
    assert "3 unwrap" in run("check")


def test_rotate_refuses_a_batch_size_of_zero(sealed: list[Any]) -> None:
    with pytest.raises(CommandError, match="at least 1"):
        run("rotate", "--batch-size", "0")


def test_generate_key_prints_keys_that_parse() -> None:
    entry = run("generate-key", "--id", "k2026").strip()
    ring = parse_master_keys(entry)
    assert ring.current.id == "k2026"
    assert len(parse_index_key(run("generate-key", "--index").strip(), ring)) == 32
    with pytest.raises(CommandError, match="--id"):
        run("generate-key")
    with pytest.raises(CommandError, match="key id"):
        run("generate-key", "--id", "no spaces")


def test_no_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run_as_cli(capsys=capsys)
    assert status == 2
    assert "check|rotate|generate-key" in err
