"""Appending: one gap-free chain, written with the caller's transaction, never changed afterwards."""

from __future__ import annotations

import itertools

import pytest
from django.db import transaction

from mizan.privacy.ledger import KINDS, LedgerDataError, hash_for, ledger_append, register_kind
from mizan.privacy.ledger.canonical import GENESIS_HASH, entry_hash, format_time
from mizan.privacy.ledger.models import AppendOnlyError, Checkpoint, LedgerEntry, LedgerHead
from mizan.privacy.ledger.verify import verify_ledger
from tests.ledger.helpers import TABLE, append, raw

pytestmark = pytest.mark.django_db


def test_entries_are_numbered_from_one_and_each_links_to_the_one_before() -> None:
    entries = append(4)
    assert [entry.seq for entry in entries] == [1, 2, 3, 4]
    assert entries[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.entry_hash
    stored = LedgerEntry.objects.get(seq=3)
    assert stored.entry_hash == entry_hash(
        seq=3,
        kind=stored.kind,
        subject=stored.subject,
        data=stored.data,
        recorded_at=format_time(stored.recorded_at),
        prev_hash=stored.prev_hash,
    )
    assert stored.data == {"document": hash_for("contract 2"), "version": 1}
    assert LedgerHead.objects.get().seq == 4
    assert verify_ledger().intact


def test_the_entry_commits_or_rolls_back_with_the_event() -> None:
    append(2)

    def event_that_fails() -> None:
        with transaction.atomic():
            ledger_append(
                kind="consent.given", subject="consent:rolled-back", data={"purpose": "job_matching"}
            )
            raise RuntimeError("the event failed")

    with pytest.raises(RuntimeError, match="the event failed"):
        event_that_fails()
    assert not LedgerEntry.objects.filter(subject="consent:rolled-back").exists()
    # No gap: the next entry takes the number the rolled-back one had.
    assert append(1)[0].seq == 3
    assert verify_ledger().intact


def test_a_savepoint_rolled_back_inside_a_larger_transaction_leaves_no_gap() -> None:
    with transaction.atomic():
        ledger_append(kind="consent.given", subject="consent:kept", data={})
        try:
            with transaction.atomic():
                ledger_append(kind="consent.withdrawn", subject="consent:undone", data={})
                raise ValueError("inner step failed")
        except ValueError:
            pass
        ledger_append(kind="consent.given", subject="consent:kept-too", data={})
    assert list(LedgerEntry.objects.values_list("seq", "subject")) == [
        (1, "consent:kept"),
        (2, "consent:kept-too"),
    ]
    assert verify_ledger().intact


@pytest.mark.django_db(transaction=True)
def test_appending_outside_a_transaction_is_a_programming_error() -> None:
    # Autocommit: an entry written here could commit without its event, or the event without it.
    with pytest.raises(RuntimeError, match=r"inside the caller's transaction\.atomic\(\)"):
        ledger_append(kind="consent.given", subject="consent:1", data={})
    assert not LedgerEntry.objects.exists()


def test_unknown_kinds_and_personal_data_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="unknown ledger kind"), transaction.atomic():
        ledger_append(kind="consent.guessed", subject="consent:1", data={})
    with pytest.raises(LedgerDataError, match="phone"), transaction.atomic():
        ledger_append(kind="consent.given", subject="consent:1", data={"to": "+9779812345678"})
    with pytest.raises(LedgerDataError, match="subject"), transaction.atomic():
        ledger_append(kind="consent.given", subject="Ram Bahadur", data={})
    assert not LedgerEntry.objects.exists()


def test_apps_register_their_own_kinds_once() -> None:
    register_kind("wages.discrepancy_found", "A pay discrepancy was found.")
    try:
        with transaction.atomic():
            entry = ledger_append(kind="wages.discrepancy_found", subject="payslip:42", data={"weeks": 3})
        assert entry.seq == 1
        with pytest.raises(ValueError, match="twice"):
            register_kind("wages.discrepancy_found", "again")
    finally:
        KINDS.pop("wages.discrepancy_found")
    with pytest.raises(LedgerDataError):
        register_kind("Wages", "not dotted")


def test_entries_and_checkpoints_are_never_changed_or_deleted_by_the_application() -> None:
    entry = append(1)[0]
    entry.kind = "consent.withdrawn"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.filter(seq=1).update(kind="consent.withdrawn")
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        Checkpoint.objects.all().delete()
    assert LedgerEntry.objects.get(seq=1).kind == "contract.signed"


def test_the_head_is_rebuilt_from_the_last_entry_if_it_is_missing() -> None:
    append(3)
    raw(f"DELETE FROM {LedgerHead._meta.db_table}")  # noqa: S608
    assert append(1)[0].seq == 4
    assert verify_ledger().intact
    raw(f"DELETE FROM {TABLE} WHERE seq = 4")  # noqa: S608
    assert not verify_ledger().intact  # the head remembers 4 entries: the last one is missing
