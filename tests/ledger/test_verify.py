"""Every kind of tampering, done with raw SQL behind the application's back, is found and the first bad
entry named; ``mizan ledger verify`` exits 0 when intact and 1 when not."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from mizan.privacy.ledger import selectors
from mizan.privacy.ledger.canonical import canonical_json, entry_hash, format_time
from mizan.privacy.ledger.models import Checkpoint, LedgerHead, MerkleBlock
from mizan.privacy.ledger.services import checkpoint_create
from mizan.privacy.ledger.tree import BLOCK
from mizan.privacy.ledger.verify import verify_ledger
from tests.ledger.helpers import TABLE, append, bulk_chain, db_time, extend_chain, raw, rewrite_from, stored

pytestmark = pytest.mark.django_db


def run_verify(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ledger", "verify", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def ledger() -> None:
    """Ten entries, a checkpoint after six and one after ten."""
    append(6)
    checkpoint_create()
    append(4)
    checkpoint_create()


def problem() -> tuple[str, int | None]:
    report = verify_ledger()
    assert report.problem is not None, "tampering went unnoticed"
    return report.problem.code, report.problem.seq


def test_an_untouched_ledger_is_intact(ledger: None) -> None:
    code, out, err = run_verify()
    assert code == 0, err
    assert "Intact: 10 entries" in out
    assert "2 signed checkpoint" in out


def test_an_empty_ledger_is_intact() -> None:
    assert run_verify()[0] == 0


def test_an_edited_data_field_is_found(ledger: None) -> None:
    raw(f"UPDATE {TABLE} SET data_json = %s WHERE seq = 4", ['{"document":"00","version":1}'])  # noqa: S608
    assert problem() == ("hash_mismatch", 4)
    code, _, err = run_verify()
    assert code == 1
    assert "Entry 4 was changed" in err
    assert "First bad entry: 4" in err


@pytest.mark.parametrize(
    ("column", "value"),
    [("kind", "consent.withdrawn"), ("subject", "contract:other"), ("recorded_at", "2020-01-01 00:00:00")],
)
def test_any_edited_column_is_found(ledger: None, column: str, value: str) -> None:
    raw(f"UPDATE {TABLE} SET {column} = %s WHERE seq = 7", [value])  # noqa: S608
    assert problem() == ("hash_mismatch", 7)


def test_an_edited_hash_is_found(ledger: None) -> None:
    raw(f"UPDATE {TABLE} SET entry_hash = %s WHERE seq = 5", ["ab" * 32])  # noqa: S608
    assert problem() == ("hash_mismatch", 5)


def test_a_changed_link_is_found(ledger: None) -> None:
    raw(f"UPDATE {TABLE} SET prev_hash = %s WHERE seq = 6", ["cd" * 32])  # noqa: S608
    assert problem() == ("prev_mismatch", 6)


def test_a_deleted_middle_entry_is_found(ledger: None) -> None:
    raw(f"DELETE FROM {TABLE} WHERE seq = 3")  # noqa: S608
    assert problem() == ("missing", 3)
    code, _, err = run_verify()
    assert code == 1
    assert "Entry 3 is missing" in err


def test_deleted_last_entries_are_found_against_the_signed_checkpoint(ledger: None) -> None:
    raw(f"DELETE FROM {TABLE} WHERE seq > 7")  # noqa: S608
    raw(f"UPDATE {LedgerHead._meta.db_table} SET seq = 7")  # noqa: S608  (the insider fixes the head too)
    code, seq = problem()
    assert (code, seq) == ("truncated", 8)
    _, _, err = run_verify()
    assert "there are 7 entries, but 10 were recorded or signed" in err


def test_deleted_last_entries_after_the_last_checkpoint_are_found_by_the_head(ledger: None) -> None:
    append(3)
    raw(f"DELETE FROM {TABLE} WHERE seq > 11")  # noqa: S608
    assert problem() == ("truncated", 12)


def test_entries_added_without_the_application_are_found(ledger: None) -> None:
    last = stored(10)
    fields = {
        "seq": 11,
        "kind": "consent.given",
        "subject": "consent:forged",
        "prev_hash": last["entry_hash"],
    }
    moment = last["recorded_at"]
    digest = entry_hash(data={}, recorded_at=format_time(moment), **fields)
    raw(
        f"INSERT INTO {TABLE} (seq, kind, subject, data_json, recorded_at, prev_hash, entry_hash) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, %s, %s, %s)",
        [11, "consent.given", "consent:forged", "{}", db_time(moment), last["entry_hash"], digest],
    )
    assert problem() == ("appended_outside", 11)


def test_an_inserted_entry_is_found(ledger: None) -> None:
    # Make room at 5 (renumbering 5…10 to 6…11), then put in a well-formed entry that links to entry 4.
    for seq in range(10, 4, -1):
        raw(f"UPDATE {TABLE} SET seq = %s WHERE seq = %s", [seq + 1, seq])  # noqa: S608
    before = stored(4)
    fields = {
        "seq": 5,
        "kind": "decision.recorded",
        "subject": "decision:forged",
        "prev_hash": before["entry_hash"],
    }
    data = {"outcome": "rejected"}
    digest = entry_hash(data=data, recorded_at=format_time(before["recorded_at"]), **fields)
    raw(
        f"INSERT INTO {TABLE} (seq, kind, subject, data_json, recorded_at, prev_hash, entry_hash) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, %s, %s, %s)",
        [
            5,
            fields["kind"],
            fields["subject"],
            canonical_json(data),
            db_time(before["recorded_at"]),
            before["entry_hash"],
            digest,
        ],
    )
    assert problem() == ("inserted", 5)
    code, _, err = run_verify()
    assert code == 1
    assert "Entry 5 was put in afterwards" in err


def test_swapped_entries_are_found(ledger: None) -> None:
    raw(f"UPDATE {TABLE} SET seq = 1000 WHERE seq = 4")  # noqa: S608
    raw(f"UPDATE {TABLE} SET seq = 4 WHERE seq = 5")  # noqa: S608
    raw(f"UPDATE {TABLE} SET seq = 5 WHERE seq = 1000")  # noqa: S608
    assert problem() == ("prev_mismatch", 4)


def test_a_history_rewritten_with_fresh_hashes_is_caught_by_the_signed_checkpoints(ledger: None) -> None:
    # The careful insider edits entry 8 and recomputes every hash after it: the chain itself is consistent,
    # but the checkpoint signed at 10 entries no longer matches (and the one at 6 still does).
    rewrite_from(8, {"outcome": "hired"})
    code, seq = problem()
    assert (code, seq) == ("checkpoint_mismatch", None)
    assert verify_ledger().problem.params == {"tree_size": 10, "after": 6}  # type: ignore[union-attr]
    _, _, err = run_verify()
    assert "an entry after number 6 was changed" in err


def test_a_forged_checkpoint_signature_is_found(ledger: None) -> None:
    raw(f"UPDATE {Checkpoint._meta.db_table} SET root_hash = %s WHERE tree_size = 10", ["ee" * 32])  # noqa: S608
    assert problem() == ("checkpoint_signature", None)


def test_a_restored_old_backup_is_caught_by_a_published_checkpoint(ledger: None, tmp_path: Path) -> None:
    # Published copy of the newest checkpoint, then the database "goes back" to 6 entries with its own
    # checkpoints and head consistent: only the published checkpoint shows the loss.
    published = tmp_path / "checkpoint.json"
    published.write_text(json.dumps(selectors.checkpoint_document(selectors.checkpoint_latest()).to_json()))
    raw(f"DELETE FROM {TABLE} WHERE seq > 6")  # noqa: S608
    raw(f"DELETE FROM {Checkpoint._meta.db_table} WHERE tree_size > 6")  # noqa: S608
    raw(f"UPDATE {LedgerHead._meta.db_table} SET seq = 6")  # noqa: S608
    assert run_verify()[0] == 0  # the database alone looks fine
    code, _, err = run_verify("--checkpoint", str(published))
    assert code == 1
    assert "Entries from 7 on are missing" in err


def test_a_published_checkpoint_must_be_readable(tmp_path: Path) -> None:
    broken = tmp_path / "checkpoint.json"
    broken.write_text('{"format": "mizan-ledger-checkpoint/1"}')
    code, _, err = run_verify("--checkpoint", str(broken))
    assert code == 2
    assert "has no “created_at”" in err
    code, _, err = run_verify("--checkpoint", str(tmp_path / "missing.json"))
    assert code == 2
    assert "Cannot read the checkpoint file" in err


def test_a_tampered_tree_cache_is_found() -> None:
    bulk_chain(BLOCK + 5)
    checkpoint_create()
    assert verify_ledger().intact
    raw(f"UPDATE {MerkleBlock._meta.db_table} SET hash = %s WHERE number = 0", ["aa" * 32])  # noqa: S608
    report = verify_ledger()
    assert report.problem is not None
    assert (report.problem.code, report.problem.params) == ("cache_block", {"first": 1, "last": BLOCK})


def test_verify_walks_across_block_boundaries_and_checks_every_checkpoint() -> None:
    bulk_chain(BLOCK - 1)
    checkpoint_create()
    extend_chain(2 * BLOCK + 3, checkpoint_at=[BLOCK, BLOCK + 1, 2 * BLOCK + 3])
    report = verify_ledger()
    assert report.intact, report.problem
    assert (report.entries, report.checkpoints, report.latest) == (2 * BLOCK + 3, 4, 2 * BLOCK + 3)
