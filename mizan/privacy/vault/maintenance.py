"""Checking and rotating keys: what ``mizan vault check`` and ``mizan vault rotate`` do.

Rotation re-wraps data keys, never the data itself: each data key is unwrapped with whichever master key
wrapped it and wrapped again with the current one, in small transactions, while the site keeps running.
A key that cannot be unwrapped is reported and left exactly as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from mizan.privacy.vault import crypto, files, keys
from mizan.privacy.vault.errors import VaultError
from mizan.privacy.vault.keyring import Keyring
from mizan.privacy.vault.models import DataKey, StoredFile


@dataclass
class RotationReport:
    current: str
    rewrapped: int = 0
    already_current: int = 0
    shredded: int = 0
    changed_meanwhile: int = 0
    failures: list[tuple[UUID, str]] = field(default_factory=list)


@dataclass
class CheckReport:
    current: str
    ok: int = 0
    shredded: int = 0
    live_by_master_key: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[UUID, str]] = field(default_factory=list)
    files_ok: int = 0
    file_failures: list[tuple[UUID, str]] = field(default_factory=list)

    @property
    def not_current(self) -> int:
        return sum(count for key_id, count in self.live_by_master_key.items() if key_id != self.current)


def rotate(
    *,
    keyring: Keyring | None = None,
    batch_size: int = 500,
    progress: Callable[[RotationReport], None] | None = None,
) -> RotationReport:
    """Re-wrap every live data key not yet under the current master key. Safe to run again."""
    ring = keyring or keys.keyring()
    current = ring.current.id
    live = DataKey.objects.filter(shredded_at__isnull=True)
    report = RotationReport(
        current=current,
        already_current=live.filter(master_key_id=current).count(),
        shredded=DataKey.objects.filter(shredded_at__isnull=False).count(),
    )
    after: UUID | None = None
    while True:
        pending = live.exclude(master_key_id=current).order_by("id")
        if after is not None:
            pending = pending.filter(id__gt=after)
        batch = list(pending.values_list("id", "owner_id", "wrapped", "master_key_id")[:batch_size])
        if not batch:
            return report
        with transaction.atomic():
            for data_key_id, owner_id, wrapped, old_master_id in batch:
                try:
                    data_key = crypto.unwrap_key(ring, bytes(wrapped or b""), data_key_id, owner_id)
                    new_master_id, rewrapped = crypto.wrap_key(ring, data_key, data_key_id, owner_id)
                    if crypto.unwrap_key(ring, rewrapped, data_key_id, owner_id) != data_key:
                        raise VaultError("re-wrapped key does not unwrap to the same key")
                except VaultError as error:
                    report.failures.append((data_key_id, str(error)))
                    continue
                # Conditional: a key shredded or rotated meanwhile is left alone, never brought back.
                updated = DataKey.objects.filter(
                    id=data_key_id, shredded_at__isnull=True, master_key_id=old_master_id
                ).update(wrapped=rewrapped, master_key_id=new_master_id, rewrapped_at=timezone.now())
                if updated:
                    report.rewrapped += 1
                else:
                    report.changed_meanwhile += 1
        after = batch[-1][0]
        if progress is not None:
            progress(report)


def check(*, keyring: Keyring | None = None, with_files: bool = False) -> CheckReport:
    """Try to unwrap every live data key (and, with ``with_files``, to read every stored file)."""
    ring = keyring or keys.keyring()
    report = CheckReport(current=ring.current.id)
    rows = DataKey.objects.order_by("id").values_list(
        "id", "owner_id", "wrapped", "master_key_id", "shredded_at"
    )
    for data_key_id, owner_id, wrapped, master_key_id, shredded_at in rows.iterator(chunk_size=2000):
        if shredded_at is not None:
            report.shredded += 1
            continue
        report.live_by_master_key[master_key_id] += 1
        try:
            crypto.unwrap_key(ring, bytes(wrapped or b""), data_key_id, owner_id)
        except VaultError as error:
            report.failures.append((data_key_id, str(error)))
        else:
            report.ok += 1
    if with_files:
        keys.clear_key_cache()
        with _using_keyring(ring):
            for stored in StoredFile.objects.order_by("id").iterator(chunk_size=200):
                try:
                    files.read_file(stored)
                except VaultError as error:
                    report.file_failures.append((stored.id, str(error)))
                else:
                    report.files_ok += 1
        keys.clear_key_cache()
    return report


@contextmanager
def _using_keyring(ring: Keyring) -> Iterator[None]:
    """Make ``keys.keyring()`` answer ``ring`` for a while (to check a key file not yet deployed)."""
    keys.keyring_override.append(ring)
    try:
        yield
    finally:
        keys.keyring_override.pop()
