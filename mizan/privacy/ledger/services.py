"""Writing to the ledger: ``ledger_append`` (for every app) and ``checkpoint_create`` (for the scheduler).

    from django.db import transaction
    from mizan.privacy.ledger import hash_for, ledger_append

    with transaction.atomic():
        consent = Consent.objects.create(...)
        ledger_append(kind="consent.given", subject=f"consent:{consent.pk}",
                      data={"purpose": consent.purpose, "notice_version": 3})

The entry commits or rolls back with the event. ``data`` holds ids, codes and hashes only, never
personal data (see mizan.privacy.ledger.canonical for the rules, and docs/privacy/ledger.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.common.errors import DomainError
from mizan.privacy.ledger import keys, merkle, note, signing
from mizan.privacy.ledger.canonical import (
    GENESIS_HASH,
    Value,
    canonical_json,
    check_kind_format,
    check_subject,
    clean_data,
    entry_hash,
    format_second,
    format_time,
    hash_for,
)
from mizan.privacy.ledger.chain import ChainError, walk
from mizan.privacy.ledger.models import Checkpoint, LedgerEntry, LedgerHead
from mizan.privacy.ledger.tree import BLOCK, BlockBuilder, LedgerBrokenError, TreeReader, next_block_start

__all__ = ["KINDS", "checkpoint_create", "hash_for", "ledger_append", "register_kind"]

# The events the ledger records: kind -> what the entry says (for people reading the docs and admin).
KINDS: dict[str, str] = {
    "consent.given": "A worker agreed to a purpose (consent id, purpose code, notice version).",
    "consent.withdrawn": "A worker withdrew a consent.",
    "contract.signed": "A contract was signed (contract id, hash of the signed document and terms).",
    "decision.recorded": "A person decided on an application (decision id, outcome code, reason hash).",
    "licence.changed": "An agency's licence was granted, suspended, revoked or renewed.",
    "rulepack.published": "A rule pack for a migration route was published (pack id, version, hash).",
    "evidence.exported": "Evidence was exported for a case or an inspection (export id, hash).",
    "erasure.done": "A worker's personal data was erased, or erased but for what a hold keeps.",
    "erasure.updated": "A held erasure went further once a legal hold ended.",
    "legal_hold.placed": "A legal hold keeps some of a worker's data from erasure (reason code, categories).",
    "legal_hold.released": "A legal hold ended.",
}


def register_kind(kind: str, description: str) -> None:
    """Add a kind; apps call this at import time (e.g. from AppConfig.ready) for events of their own."""
    check_kind_format(kind)
    if kind in KINDS:
        raise ValueError(f"ledger kind {kind!r} is registered twice")
    KINDS[kind] = description


def _lock_head() -> LedgerHead:
    """The head row, locked until the transaction ends (SELECT … FOR UPDATE; SQLite's write lock)."""
    head = LedgerHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        # First append, or the table was emptied: start from the last entry there is.
        last = LedgerEntry.objects.order_by("-seq").values_list("seq", "entry_hash").first()
        seq, last_hash = last if last else (0, GENESIS_HASH)
        LedgerHead.objects.bulk_create(
            [LedgerHead(id=1, seq=seq, entry_hash=last_hash)], ignore_conflicts=True
        )
        head = LedgerHead.objects.select_for_update().get(pk=1)
    return head


def ledger_append(*, kind: str, subject: str, data: Mapping[str, str | int | bool | None]) -> LedgerEntry:
    """Record an event. Call inside the caller's ``transaction.atomic()``; raises ValueError for an unknown
    kind and LedgerDataError (a ValueError) for data that breaks the rules: both are programming errors."""
    if kind not in KINDS:
        raise ValueError(f"unknown ledger kind {kind!r}; register it in mizan.privacy.ledger.services.KINDS")
    check_subject(subject)
    clean: dict[str, Value] = clean_data(data)
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("ledger_append must run inside the caller's transaction.atomic()")
    head = _lock_head()
    seq = head.seq + 1
    recorded_at = timezone.now()
    digest = entry_hash(
        seq=seq,
        kind=kind,
        subject=subject,
        data=clean,
        recorded_at=format_time(recorded_at),
        prev_hash=head.entry_hash,
    )
    entry = LedgerEntry(
        seq=seq,
        kind=kind,
        subject=subject,
        data_json=canonical_json(clean),
        recorded_at=recorded_at,
        prev_hash=head.entry_hash,
        entry_hash=digest,
    )
    entry.save()
    LedgerHead.objects.filter(pk=1).update(seq=seq, entry_hash=digest)
    return entry


def _check_new_entries(start: int, size: int) -> None:
    """Recompute the entries after ``start`` up to ``size`` and cache the tree blocks they complete."""
    block_start = min(next_block_start(), start - start % BLOCK)
    after = block_start
    previous = LedgerEntry.objects.filter(seq__in=[after - 1, after]).values_list("seq", "entry_hash")
    hashes = dict(previous)
    prev_hash = hashes.get(after, GENESIS_HASH if after == 0 else None)
    if prev_hash is None:
        raise LedgerBrokenError(
            _("The ledger is damaged near entry %(seq)s. Run “mizan ledger verify”."), seq=after
        )
    builder = BlockBuilder(block_start)
    try:
        builder.add(walk(after=after, prev_hash=prev_hash, before=hashes.get(after - 1), upto=size))
    except ChainError as exc:
        problem = exc.problem
        raise LedgerBrokenError(
            _("The ledger is damaged near entry %(seq)s. Run “mizan ledger verify”."),
            seq=problem.seq or after + 1,
        ) from exc
    if builder.index * BLOCK + len(builder.pending) != size:
        raise LedgerBrokenError(
            _("The ledger is damaged near entry %(seq)s. Run “mizan ledger verify”."),
            seq=builder.index * BLOCK + len(builder.pending) + 1,
        )
    builder.flush()


def checkpoint_create(*, now: datetime | None = None) -> Checkpoint:
    """Sign the Merkle root of every entry so far. If nothing was added since the latest checkpoint, that
    checkpoint is returned. Refuses (LedgerBrokenError) when the entries since then do not check out, so a
    damaged chain is never signed; DomainError ``ledger_empty`` when there is nothing to sign."""
    with transaction.atomic():
        head = _lock_head()  # no appends meanwhile: the size signed is the size checked
        size = head.seq
        if size == 0:
            raise DomainError(
                _("The ledger has no entries yet, so there is nothing to sign."), code="ledger_empty"
            )
        latest = Checkpoint.objects.order_by("-tree_size").first()
        if latest is not None and latest.tree_size == size:
            return latest
        if latest is not None and latest.tree_size > size:
            raise LedgerBrokenError(
                _("The ledger is damaged near entry %(seq)s. Run “mizan ledger verify”."), seq=size + 1
            )
        _check_new_entries(latest.tree_size if latest else 0, size)
        reader = TreeReader(size)
        root = reader.root()
        if latest is not None and not merkle.verify_consistency(
            latest.tree_size,
            size,
            bytes.fromhex(latest.root_hash),
            root,
            reader.consistency_proof(latest.tree_size),
        ):
            # The new tree does not extend the last signed one: older entries or the tree cache changed.
            raise LedgerBrokenError(
                _("The ledger no longer matches its last signed checkpoint. Run “mizan ledger verify”."),
                code="ledger_broken",
            )
        log_origin = signing.origin()
        created_at = (now or timezone.now()).replace(microsecond=0)
        timestamp = format_second(created_at)
        text = note.checkpoint_text(log_origin, size, root, timestamp)
        signature = note.sign(text, signing.private_key())
        checkpoint = Checkpoint(
            tree_size=size,
            root_hash=root.hex(),
            origin=log_origin,
            created_at=created_at,
            key_id=note.key_id(log_origin, signing.public_key()),
            signature=keys.b64(signature),
        )
        checkpoint.save()
        return checkpoint
