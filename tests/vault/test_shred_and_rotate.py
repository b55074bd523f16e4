"""Crypto-shredding and key rotation: erased data stays erased; rotation loses nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from mizan.privacy import vault
from mizan.privacy.vault import crypto, keys, maintenance
from mizan.privacy.vault.errors import DecryptionError, ErasedError, UnknownKeyError, VaultError
from mizan.privacy.vault.keyring import new_master_key_entry, parse_master_keys
from mizan.privacy.vault.models import DataKey
from tests.factories import WorkerFactory

pytestmark = pytest.mark.django_db

CONTEXT = "tests.note"


def test_after_shredding_the_data_is_erased(fresh_keys: Any) -> None:
    owner = WorkerFactory()
    blob = vault.seal(owner, "passport N1234567", context=CONTEXT)
    vault.shred(owner)
    with pytest.raises(ErasedError) as caught:
        vault.unseal(owner, blob, context=CONTEXT)
    assert caught.value.status == 404
    assert caught.value.code == "erased"
    key = DataKey.objects.get(owner=owner)
    assert key.wrapped is None
    assert key.shredded_at is not None
    assert key.master_key_id == ""


def test_shredded_data_cannot_be_recovered_even_with_every_master_key(fresh_keys: Any) -> None:
    victim, bystander = WorkerFactory(), WorkerFactory()
    blob = vault.seal(victim, "passport N1234567", context=CONTEXT)
    vault.seal(bystander, "something else", context=CONTEXT)
    vault.shred(victim)
    keys.clear_key_cache()  # a fresh process: nothing left in memory
    keyring = parse_master_keys(fresh_keys["k1"])
    candidates = []
    for row in DataKey.objects.exclude(wrapped=None):
        candidates.append(crypto.unwrap_key(keyring, bytes(row.wrapped), row.id, row.owner_id))
    assert candidates  # the bystander's key still unwraps ...
    for data_key in candidates:  # ... but no key that exists opens the victim's data
        with pytest.raises(VaultError):
            crypto.open_value(data_key, victim.id, CONTEXT, blob)


def test_shredding_is_idempotent_and_works_inside_a_transaction(fresh_keys: Any) -> None:
    owner = WorkerFactory()
    blob = vault.seal(owner, "x", context=CONTEXT)
    with transaction.atomic():
        vault.shred(owner)
        vault.shred(owner)
        with pytest.raises(ErasedError):
            vault.unseal(owner, blob, context=CONTEXT)
    vault.shred(owner)
    assert DataKey.objects.filter(owner=owner).count() == 1


def test_a_rolled_back_shred_leaves_the_key(fresh_keys: Any) -> None:
    owner = WorkerFactory()
    blob = vault.seal(owner, "kept", context=CONTEXT)

    def erase_then_fail() -> None:
        with transaction.atomic():
            vault.shred(owner)
            raise RuntimeError("the erasure failed half way")

    with pytest.raises(RuntimeError):
        erase_then_fail()
    assert vault.unseal_text(owner, blob, context=CONTEXT) == "kept"


def test_new_data_after_shredding_gets_a_new_key_and_the_old_stays_erased(fresh_keys: Any) -> None:
    owner = WorkerFactory()
    old = vault.seal(owner, "old", context=CONTEXT)
    vault.shred(owner)
    new = vault.seal(owner, "new", context=CONTEXT)
    assert vault.unseal_text(owner, new, context=CONTEXT) == "new"
    with pytest.raises(ErasedError):
        vault.unseal(owner, old, context=CONTEXT)
    assert DataKey.objects.filter(owner=owner, shredded_at__isnull=True).count() == 1


def test_deleting_the_owner_deletes_their_keys(fresh_keys: Any) -> None:
    owner = WorkerFactory()
    vault.seal(owner, "x", context=CONTEXT)
    owner_id = owner.id
    owner.delete()
    assert not DataKey.objects.filter(owner_id=owner_id).exists()


# --- Rotation ----------------------------------------------------------------------------------------


def _seal_for_many(count: int) -> list[tuple[Any, bytes]]:
    owners = [WorkerFactory() for _ in range(count)]
    return [(owner, vault.seal(owner, f"value of {owner.id}", context=CONTEXT)) for owner in owners]


def test_rotation_rewraps_every_key_and_old_data_stays_readable(settings: Any, fresh_keys: Any) -> None:
    sealed = _seal_for_many(5)
    shredded_owner = sealed[4][0]
    vault.shred(shredded_owner)
    new_entry = new_master_key_entry("k2")
    settings.MIZAN_VAULT_MASTER_KEYS = f"{new_entry},{fresh_keys['k1']}"
    # Before rotation both keys are in use: old data reads with k1, new keys are wrapped with k2.
    newcomer = WorkerFactory()
    vault.seal(newcomer, "new", context=CONTEXT)
    assert DataKey.objects.get(owner=newcomer).master_key_id == "k2"

    seen: list[int] = []
    report = maintenance.rotate(batch_size=2, progress=lambda r: seen.append(r.rewrapped))
    assert (report.rewrapped, report.already_current, report.shredded, report.failures) == (4, 1, 1, [])
    assert seen == [2, 4]  # two batches of two
    assert set(DataKey.objects.filter(shredded_at=None).values_list("master_key_id", flat=True)) == {"k2"}

    # The old master key can go: everything still opens with k2 alone.
    settings.MIZAN_VAULT_MASTER_KEYS = new_entry
    for owner, blob in sealed[:4]:
        assert vault.unseal_text(owner, blob, context=CONTEXT) == f"value of {owner.id}"
    with pytest.raises(ErasedError):
        vault.unseal(shredded_owner, sealed[4][1], context=CONTEXT)

    again = maintenance.rotate()
    assert (again.rewrapped, again.already_current) == (0, 5)


def test_a_key_that_cannot_be_unwrapped_is_reported_and_left_untouched(
    settings: Any, fresh_keys: Any
) -> None:
    (owner, blob), *_ = _seal_for_many(2)
    before = {row.id: bytes(row.wrapped) for row in DataKey.objects.all()}
    # A keyring that lost k1: nothing can be re-wrapped, and nothing may be lost.
    settings.MIZAN_VAULT_MASTER_KEYS = new_master_key_entry("k2")
    report = maintenance.rotate()
    assert report.rewrapped == 0
    assert len(report.failures) == 2
    assert "not in the keyring" in report.failures[0][1]
    assert {row.id: bytes(row.wrapped) for row in DataKey.objects.all()} == before
    settings.MIZAN_VAULT_MASTER_KEYS = fresh_keys["k1"]
    assert vault.unseal_text(owner, blob, context=CONTEXT) == f"value of {owner.id}"


def test_a_wrong_key_with_the_right_id_is_reported_by_check(settings: Any, fresh_keys: Any) -> None:
    _seal_for_many(3)
    assert maintenance.check().failures == []
    report = maintenance.check(keyring=parse_master_keys(new_master_key_entry("k1")))
    assert report.ok == 0
    assert len(report.failures) == 3
    assert "does not unwrap" in report.failures[0][1]


def test_a_wrapped_key_copied_to_another_row_does_not_unwrap(fresh_keys: Any) -> None:
    first, second = WorkerFactory(), WorkerFactory()
    vault.seal(first, "a", context=CONTEXT)
    blob = vault.seal(second, "b", context=CONTEXT)
    DataKey.objects.filter(owner=second).update(wrapped=DataKey.objects.get(owner=first).wrapped)
    keys.clear_key_cache()
    with pytest.raises(DecryptionError):
        vault.unseal(second, blob, context=CONTEXT)
    assert len(maintenance.check().failures) == 1


def test_a_damaged_wrapped_key_is_corrupt_not_a_crash(fresh_keys: Any) -> None:
    owner = WorkerFactory()
    blob = vault.seal(owner, "x", context=CONTEXT)
    DataKey.objects.filter(owner=owner).update(wrapped=b"\x01\x02k1")
    keys.clear_key_cache()
    with pytest.raises(VaultError, match="wrong length"):
        vault.unseal(owner, blob, context=CONTEXT)


def test_a_keyring_without_the_wrapping_key_names_the_missing_id(settings: Any, fresh_keys: Any) -> None:
    owner = WorkerFactory()
    blob = vault.seal(owner, "x", context=CONTEXT)
    settings.MIZAN_VAULT_MASTER_KEYS = new_master_key_entry("k9")
    with pytest.raises(UnknownKeyError, match="'k1'"):
        vault.unseal(owner, blob, context=CONTEXT)
