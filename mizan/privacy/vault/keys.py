"""Data keys: made on first use, unwrapped on demand (briefly cached), destroyed by shredding.

Functions here take owner ids; the public functions in ``mizan.privacy.vault`` take the ``User``.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from functools import lru_cache
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.signals import setting_changed
from django.db import IntegrityError, connection, transaction
from django.dispatch import receiver
from django.utils import timezone

from mizan.privacy.vault import crypto
from mizan.privacy.vault.errors import DecryptionError, ErasedError, UnknownKeyError
from mizan.privacy.vault.keyring import Keyring, parse_index_key, parse_master_keys
from mizan.privacy.vault.models import DataKey

_CACHE_SIZE = 4096


@lru_cache(maxsize=4)
def _parsed_keyring(text: str) -> Keyring:
    return parse_master_keys(text)


# `mizan vault check --keys-file` reads files with a keyring that is not (yet) the configured one.
keyring_override: list[Keyring] = []


def keyring() -> Keyring:
    """The master keys of the running configuration (settings were checked at start-up)."""
    if keyring_override:
        return keyring_override[-1]
    return _parsed_keyring(settings.MIZAN_VAULT_MASTER_KEYS)


@lru_cache(maxsize=4)
def _parsed_index_key(text: str) -> bytes:
    return parse_index_key(text)


def index_key() -> bytes:
    return _parsed_index_key(settings.MIZAN_VAULT_INDEX_KEY)


# --- The cache of unwrapped data keys ----------------------------------------------------------------
# Unwrapping needs a query; a profile read opens ~10 values with one key. Entries live a short time
# (MIZAN_VAULT_KEY_CACHE_SECONDS), so a key shredded by another process stops working here soon after;
# this process forgets a key the moment it shreds it.

_cache: OrderedDict[UUID, tuple[UUID, bytes, float]] = OrderedDict()
_lock = threading.Lock()


def clear_key_cache() -> None:
    with _lock:
        _cache.clear()


def _cached(data_key_id: UUID) -> tuple[UUID, bytes] | None:
    with _lock:
        entry = _cache.get(data_key_id)
        if entry is None:
            return None
        if entry[2] < time.monotonic():
            del _cache[data_key_id]
            return None
        return entry[0], entry[1]


def _remember(data_key_id: UUID, owner_id: UUID, key: bytes) -> None:
    seconds = settings.MIZAN_VAULT_KEY_CACHE_SECONDS
    if seconds <= 0:
        return
    with _lock:
        _cache[data_key_id] = (owner_id, key, time.monotonic() + seconds)
        _cache.move_to_end(data_key_id)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


def _forget_owner(owner_id: UUID) -> None:
    with _lock:
        for data_key_id in [key for key, entry in _cache.items() if entry[0] == owner_id]:
            del _cache[data_key_id]


@receiver(setting_changed)
def _on_setting_changed(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith("MIZAN_VAULT_"):
        clear_key_cache()


# --- Data keys --------------------------------------------------------------------------------------


def as_uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


def _key_for_sealing(owner_id: UUID) -> tuple[UUID, bytes]:
    """The owner's live data key, made (and wrapped with the current master key) on first use."""
    row = (
        DataKey.objects.filter(owner_id=owner_id, shredded_at__isnull=True)
        .values_list("id", "wrapped")
        .first()
    )
    if row is not None:
        return row[0], _unwrapped(row[0], owner_id, row[1])
    data_key, data_key_id = crypto.new_data_key(), uuid.uuid4()
    master_key_id, wrapped = crypto.wrap_key(keyring(), data_key, data_key_id, owner_id)
    try:
        with transaction.atomic():
            DataKey.objects.create(
                id=data_key_id, owner_id=owner_id, master_key_id=master_key_id, wrapped=wrapped
            )
    except IntegrityError:
        # Another request made the owner's key at the same moment: use theirs.
        row = (
            DataKey.objects.filter(owner_id=owner_id, shredded_at__isnull=True)
            .values_list("id", "wrapped")
            .first()
        )
        if row is None:
            raise
        return row[0], _unwrapped(row[0], owner_id, row[1])
    _remember(data_key_id, owner_id, data_key)
    return data_key_id, data_key


def _unwrapped(data_key_id: UUID, owner_id: UUID, wrapped: Any) -> bytes:
    cached = _cached(data_key_id)
    if cached is not None and cached[0] == owner_id:
        return cached[1]
    key = crypto.unwrap_key(keyring(), bytes(wrapped), data_key_id, owner_id)
    _remember(data_key_id, owner_id, key)
    return key


def _key_for_opening(data_key_id: UUID, owner_id: UUID) -> bytes:
    cached = _cached(data_key_id)
    if cached is not None:
        if cached[0] != owner_id:
            raise DecryptionError("sealed value belongs to another owner")
        return cached[1]
    row = DataKey.objects.filter(id=data_key_id).values_list("owner_id", "wrapped", "shredded_at").first()
    if row is None:
        raise UnknownKeyError(f"data key {data_key_id} does not exist here (its owner may have been deleted)")
    if row[0] != owner_id:
        raise DecryptionError("sealed value belongs to another owner")
    if row[2] is not None:
        raise ErasedError()
    return _unwrapped(data_key_id, owner_id, row[1])


def seal_for(owner_id: UUID, value: str | bytes, *, context: str) -> bytes:
    if isinstance(value, str):
        value = value.encode("utf-8")
    if not isinstance(value, bytes | bytearray | memoryview):
        raise TypeError(f"the vault seals text or bytes, not {type(value).__name__}")
    crypto.check_context(context)
    owner_id = as_uuid(owner_id)
    data_key_id, data_key = _key_for_sealing(owner_id)
    return crypto.seal_value(data_key, data_key_id, owner_id, context, bytes(value))


def unseal_for(owner_id: UUID, blob: bytes | bytearray | memoryview, *, context: str) -> bytes:
    if not isinstance(blob, bytes | bytearray | memoryview):
        raise TypeError(f"a sealed value is bytes, not {type(blob).__name__}")
    blob = bytes(blob)
    owner_id = as_uuid(owner_id)
    data_key_id = crypto.value_key_id(blob)
    return crypto.open_value(_key_for_opening(data_key_id, owner_id), owner_id, context, blob)


def shred_owner(owner_id: UUID) -> int:
    """Destroy the owner's live data key; the number of keys destroyed (0 when already done)."""
    owner_id = as_uuid(owner_id)
    if connection.vendor == "sqlite":
        # Overwrite the freed bytes of the wrapped key instead of leaving them in free pages.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")
    count = DataKey.objects.filter(owner_id=owner_id, shredded_at__isnull=True).update(
        wrapped=None, master_key_id="", shredded_at=timezone.now()
    )
    _forget_owner(owner_id)
    # If the surrounding transaction rolls back, the key comes back; forget it again so nothing stale
    # lingers either way.
    transaction.on_commit(lambda: _forget_owner(owner_id))
    return count


def blind_index(value: str, *, context: str) -> str:
    if not isinstance(value, str):
        raise TypeError("a blind index is made from text")
    return crypto.blind_index_with(index_key(), value, context)
