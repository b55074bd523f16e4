"""Building ledgers for tests, and changing them behind the application's back (raw SQL)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connection, transaction

from mizan.privacy.ledger import ledger_append
from mizan.privacy.ledger.canonical import GENESIS_HASH, canonical_json, entry_hash, format_time, hash_for
from mizan.privacy.ledger.models import LedgerEntry, LedgerHead

TABLE = LedgerEntry._meta.db_table
START = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def append(count: int, *, kind: str = "contract.signed") -> list[LedgerEntry]:
    """``count`` entries through the service, each in its own transaction, as apps write them."""
    entries = []
    for number in range(count):
        with transaction.atomic():
            entries.append(
                ledger_append(
                    kind=kind,
                    subject=f"contract:c{number}",
                    data={"document": hash_for(f"contract {number}"), "version": 1},
                )
            )
    return entries


def entry_fields(seq: int, prev_hash: str, *, moment: datetime | None = None) -> dict[str, Any]:
    """The fields of a valid entry ``seq`` after ``prev_hash``, deterministic (fixed times)."""
    moment = moment or START + timedelta(seconds=seq)
    data = {"document": hash_for(f"document {seq}"), "version": 2}
    fields = {"seq": seq, "kind": "contract.signed", "subject": f"contract:d{seq}", "prev_hash": prev_hash}
    digest = entry_hash(data=data, recorded_at=format_time(moment), **fields)
    return {**fields, "data_json": canonical_json(data), "recorded_at": moment, "entry_hash": digest}


def chain_hashes(count: int) -> list[str]:
    """The entry hashes of ``bulk_chain(count)``, computed without a database."""
    hashes, prev = [], GENESIS_HASH
    for seq in range(1, count + 1):
        prev = entry_fields(seq, prev)["entry_hash"]
        hashes.append(prev)
    return hashes


def bulk_chain(count: int) -> list[str]:
    """A valid chain of ``count`` deterministic entries, written in bulk (fast); their hashes."""
    entries, prev = [], GENESIS_HASH
    for seq in range(1, count + 1):
        fields = entry_fields(seq, prev)
        entries.append(LedgerEntry(**fields))
        prev = fields["entry_hash"]
    with transaction.atomic():
        LedgerEntry.objects.bulk_create(entries, batch_size=500)
        LedgerHead.objects.update_or_create(pk=1, defaults={"seq": count, "entry_hash": prev})
    return [entry.entry_hash for entry in entries]


def extend_chain(upto: int, *, checkpoint_at: Sequence[int] = ()) -> None:
    """Continue a bulk_chain up to entry ``upto``, signing a checkpoint at each size in ``checkpoint_at``."""
    from mizan.privacy.ledger.services import checkpoint_create

    last = LedgerEntry.objects.order_by("-seq").values_list("seq", "entry_hash").first()
    start, prev = last if last else (0, GENESIS_HASH)
    for seq in range(start + 1, upto + 1):
        fields = entry_fields(seq, prev)
        LedgerEntry(**fields).save()
        prev = fields["entry_hash"]
        if seq in checkpoint_at or seq == upto:
            LedgerHead.objects.update_or_create(pk=1, defaults={"seq": seq, "entry_hash": prev})
        if seq in checkpoint_at:
            checkpoint_create()


def raw(sql: str, params: Sequence[Any] = ()) -> None:
    """Run SQL directly, as an insider with database access would."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def db_time(moment: datetime) -> Any:
    """A time as the database keeps it (for raw SQL that should look like the application's writes)."""
    return LedgerEntry._meta.get_field("recorded_at").get_db_prep_value(moment, connection)


def stored(seq: int) -> dict[str, Any]:
    row = LedgerEntry.objects.filter(seq=seq).values().get()
    return dict(row)


def rewrite_from(seq: int, data: dict[str, Any]) -> None:
    """Change entry ``seq``'s data and recompute every hash from there on, so the chain itself is
    consistent again: the careful insider. Only signed checkpoints can tell."""
    prev = stored(seq - 1)["entry_hash"] if seq > 1 else GENESIS_HASH
    last = LedgerEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    for number in range(seq, last + 1):
        row = stored(number)
        new_data = data if number == seq else row["data_json"]
        data_json = canonical_json(new_data) if isinstance(new_data, dict) else new_data
        fields = {"seq": number, "kind": row["kind"], "subject": row["subject"], "prev_hash": prev}
        digest = entry_hash(data=_loads(data_json), recorded_at=format_time(row["recorded_at"]), **fields)
        raw(
            f"UPDATE {TABLE} SET data_json = %s, prev_hash = %s, entry_hash = %s WHERE seq = %s",  # noqa: S608
            [data_json, prev, digest, number],
        )
        prev = digest


def _loads(text: str) -> Any:
    import json

    return json.loads(text)
