"""The ledger's tables. Entries and checkpoints are written once and never changed by the application.

``mizan ledger verify`` does not trust any of these rows: it recomputes every hash from the entries'
content, so a change made behind the application's back (raw SQL, a restored backup) is found.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from django.db import models
from django.db.models import Q


class AppendOnlyError(RuntimeError):
    """Code tried to change or delete a ledger row: a programming error."""


def _refuse(what: str) -> NoReturn:
    raise AppendOnlyError(f"ledger {what} are append-only: they are never changed or deleted")


class AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        _refuse("rows")

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse("rows")


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse("rows")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse("rows")


class LedgerEntry(AppendOnly):
    """One accountable event. ``entry_hash`` is SHA-256 of the canonical encoding of the other fields
    (mizan.privacy.ledger.canonical); ``prev_hash`` is the entry_hash of the entry before.

    ``data_json`` keeps the data as its canonical JSON text, byte for byte what was hashed, so checking
    an entry never depends on how a database re-encodes JSON; ``data`` reads it as a dict.
    """

    seq = models.PositiveBigIntegerField(primary_key=True)
    kind = models.CharField(max_length=64)
    subject = models.CharField(max_length=160, db_index=True)
    data_json = models.TextField(default="{}")
    recorded_at = models.DateTimeField()
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        verbose_name = "ledger entry"
        verbose_name_plural = "ledger entries"
        constraints = [models.CheckConstraint(condition=Q(seq__gte=1), name="ledger_entry_seq_from_1")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind} {self.subject}"

    @property
    def data(self) -> dict[str, Any]:
        value = json.loads(self.data_json)
        return value if isinstance(value, dict) else {}


class Checkpoint(AppendOnly):
    """A signed statement: "the ledger's first ``tree_size`` entries have the Merkle root ``root_hash``"."""

    tree_size = models.PositiveBigIntegerField(unique=True)
    root_hash = models.CharField(max_length=64)
    origin = models.CharField(max_length=200)
    created_at = models.DateTimeField()
    key_id = models.CharField(max_length=8)
    signature = models.CharField(max_length=88)  # base64 of 64 bytes

    class Meta:
        ordering = ["tree_size"]
        get_latest_by = "tree_size"
        constraints = [
            models.CheckConstraint(condition=Q(tree_size__gte=1), name="ledger_checkpoint_size_from_1")
        ]

    def __str__(self) -> str:
        return f"checkpoint {self.tree_size} {self.root_hash[:12]}…"


class LedgerHead(models.Model):
    """One row: the last entry's number and hash. Appends lock it, so the chain never forks."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="ledger_head_single_row")]

    def __str__(self) -> str:
        return f"head {self.seq}"


class MerkleBlock(models.Model):
    """Cache: the tree hash of leaves [index * 1024, (index + 1) * 1024), so proofs and checkpoints read
    about n / 1024 rows instead of n. Derived data; ``mizan ledger verify`` recomputes and checks it."""

    number = models.PositiveBigIntegerField(primary_key=True)
    hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"block {self.number}"
