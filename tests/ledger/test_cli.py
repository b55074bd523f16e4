"""`mizan ledger checkpoint | verify-proof | public-key | keygen`: what a worker, journalist or operator runs.

Exit codes: 0 valid, 1 invalid, 2 input that cannot be used (with a message saying why).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from mizan.privacy.ledger import keys
from mizan.privacy.ledger.services import checkpoint_create
from tests.ledger.helpers import append, bulk_chain

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def ledger(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ledger", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """What a worker downloads: two checkpoints, the public key, an inclusion and a consistency proof."""
    hashes = bulk_chain(6)
    checkpoint_create()
    append(5)
    assert ledger("checkpoint", "--publish", str(tmp_path / "checkpoint-11.json"))[0] == 0
    client = Client()
    files = {
        "checkpoint-6.json": "/api/v1/ledger/checkpoints/6",
        "key.json": "/api/v1/ledger/public-key",
        "proof.json": "/api/v1/ledger/entries/4/proof?checkpoint=11",
        "consistency.json": "/api/v1/ledger/checkpoints/11/consistency?first=6",
    }
    for name, url in files.items():
        (tmp_path / name).write_bytes(client.get(url).content)
    (tmp_path / "entry-4.txt").write_text(hashes[3])
    return tmp_path


def test_checkpoint_publishes_the_same_document_as_the_api(published: Path) -> None:
    document = json.loads((published / "checkpoint-11.json").read_text())
    assert document == Client().get("/api/v1/ledger/checkpoints/latest").json()
    code, out, _ = ledger("checkpoint")
    assert code == 0
    assert "Checkpoint of 11 entries" in out


def test_checkpoint_of_an_empty_ledger_is_not_an_error(tmp_path: Path) -> None:
    code, out, _ = ledger("checkpoint", "--publish", str(tmp_path / "c.json"))
    assert code == 0
    assert "nothing to sign" in out
    assert not (tmp_path / "c.json").exists()


def test_checkpoint_refuses_to_sign_a_damaged_chain() -> None:
    from tests.ledger.helpers import TABLE, raw

    append(3)
    raw(f"UPDATE {TABLE} SET kind = 'consent.withdrawn' WHERE seq = 2")  # noqa: S608
    code, _, err = ledger("checkpoint")
    assert code == 1
    assert "damaged near entry 2" in err


def test_a_valid_inclusion_proof_exits_0(published: Path) -> None:
    for key in ("key.json", keys.b64(keys.parse_public_key((published / "key.json").read_text()))):
        code, out, err = ledger(
            "verify-proof",
            str(published / "proof.json"),
            "--checkpoint",
            str(published / "checkpoint-11.json"),
            "--public-key",
            str(published / key) if key.endswith(".json") else key,
            "--entry-hash",
            (published / "entry-4.txt").read_text(),
        )
        assert (code, err) == (0, "")
        assert "VALID. Entry 4 is in the signed checkpoint of 11 entries." in out


def test_a_valid_consistency_proof_exits_0(published: Path) -> None:
    code, out, _ = ledger(
        "verify-proof",
        str(published / "consistency.json"),
        "--checkpoint",
        str(published / "checkpoint-6.json"),
        "--checkpoint",
        str(published / "checkpoint-11.json"),
        "--public-key",
        str(published / "key.json"),
    )
    assert code == 0
    assert "extends the one of 6 entries without changing it" in out


def edit(path: Path, **changes: object) -> Path:
    document = json.loads(path.read_text())
    document.update(changes)
    changed = path.with_name("changed-" + path.name)
    changed.write_text(json.dumps(document))
    return changed


def proof_args(published: Path, proof: Path | None = None, checkpoint: Path | None = None) -> list[str]:
    return [
        "verify-proof",
        str(proof or published / "proof.json"),
        "--checkpoint",
        str(checkpoint or published / "checkpoint-11.json"),
        "--public-key",
        str(published / "key.json"),
    ]


def test_an_altered_proof_exits_1(published: Path) -> None:
    proof = json.loads((published / "proof.json").read_text())
    path = list(proof["audit_path"])
    path[0] = "0" * 64
    code, _, err = ledger(*proof_args(published, edit(published / "proof.json", audit_path=path)))
    assert code == 1
    assert "INVALID. The proof does not show that entry 4 is in the checkpoint of 11 entries." in err
    code, _, err = ledger(*proof_args(published), "--entry-hash", "ab" * 32)
    assert code == 1
    assert "another entry" in err


def test_an_altered_checkpoint_exits_1(published: Path) -> None:
    forged = edit(published / "checkpoint-11.json", root_hash="ab" * 32)
    code, _, err = ledger(*proof_args(published, checkpoint=forged))
    assert code == 1
    assert "signature is not valid" in err


def test_a_checkpoint_signed_by_another_key_exits_1(published: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.pem"
    assert ledger("keygen", "--out", str(other))[0] == 0
    other_public = keys.b64(keys.public_key_raw(keys.parse_private_key(other.read_text())))
    code, _, err = ledger(*proof_args(published)[:-1], other_public)
    assert code == 1
    assert "signed with another key" in err


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        ("missing", "Cannot read the proof file"),
        ("not json", "The file is not JSON."),
        ("no path", "has no “audit_path”"),
        ("bad hash", "“entry_hash” is not right"),
        ("wrong size", "The proof is for 6 entries but the checkpoint signs 11"),
        ("binary", "is not UTF-8 text"),
    ],
)
def test_malformed_proofs_exit_2_with_a_reason(published: Path, breakage: str, message: str) -> None:
    proof = published / "proof.json"
    if breakage == "missing":
        proof = published / "nothing.json"
    elif breakage == "not json":
        proof.write_text("{ this is not json")
    elif breakage == "no path":
        document = json.loads(proof.read_text())
        del document["audit_path"]
        proof.write_text(json.dumps(document))
    elif breakage == "bad hash":
        proof = edit(proof, entry_hash="xyz")
    elif breakage == "wrong size":
        proof = published / "wrong-size.json"
        proof.write_bytes(Client().get("/api/v1/ledger/entries/4/proof?checkpoint=6").content)
    elif breakage == "binary":
        proof.write_bytes(b"\xff\xfe\x00")
    code, out, err = ledger(*proof_args(published, proof))
    assert code == 2
    assert message in err
    assert out == ""


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("AAAA", "32 bytes"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "cannot be read"),
        ('{"public_key": 5}', "public_key"),
    ],
)
def test_bad_keys_exit_2_with_a_reason(published: Path, key: str, message: str) -> None:
    key_file = published / "bad.key"
    key_file.write_text(key)
    code, _, err = ledger(*proof_args(published)[:-1], str(key_file))
    assert code == 2
    assert "The public key cannot be used" in err
    assert message in err


def test_a_malformed_checkpoint_exits_2(published: Path) -> None:
    broken = edit(published / "checkpoint-11.json", tree_size="eleven")
    code, _, err = ledger(*proof_args(published, checkpoint=broken))
    assert code == 2
    assert "“tree_size” is not right" in err


def test_public_key_and_keygen(tmp_path: Path) -> None:
    code, out, _ = ledger("public-key")
    assert code == 0
    assert json.loads(out)["algorithm"] == "Ed25519"
    target = tmp_path / "next.pem"
    code, out, _ = ledger("keygen", "--out", str(target))
    assert code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert keys.parse_private_key(target.read_text())
    code, _, err = ledger("keygen", "--out", str(target))
    assert code == 2  # never overwrites a key
    assert "Cannot create" in err


def test_the_installed_command_verifies_offline(published: Path) -> None:
    """The real `mizan` process, as a journalist would run it (no database needed)."""
    environment = {**os.environ, "DATABASE_URL": "sqlite:///:memory:", "MIZAN_ENV": "test"}
    command = [sys.executable, "-m", "mizan.cli", "ledger", *proof_args(published)]
    done = subprocess.run(
        command, cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "VALID." in done.stdout
    command[5] = str(published / "nothing.json")
    done = subprocess.run(
        command, cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "Cannot read the proof file" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_database_without_the_ledger_tables_is_a_clear_error(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "MIZAN_ENV": "test",
    }
    command = [sys.executable, "-m", "mizan.cli", "ledger", "verify"]
    done = subprocess.run(
        command, cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "The database cannot be read (no such table" in done.stderr
    assert "Traceback" not in done.stderr
