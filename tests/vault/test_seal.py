"""Sealing and opening values: round trips, binding to owner and field, and every kind of damage."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from mizan.common.errors import DomainError
from mizan.privacy import vault
from mizan.privacy.vault import crypto, keys
from mizan.privacy.vault.errors import CorruptBlobError, DecryptionError, UnknownKeyError, VaultError
from mizan.privacy.vault.models import DataKey
from tests.factories import WorkerFactory

pytestmark = pytest.mark.django_db

CONTEXT = "tests.note"


@pytest.fixture
def owner() -> Any:
    return WorkerFactory()


@pytest.mark.parametrize(
    "value",
    ["N1234567", "", "राम बहादुर थापा", "line one\nline two", "x" * 10_000, b"\x00\xff binary \x01"],
)
def test_a_value_comes_back_exactly(owner: Any, value: str | bytes) -> None:
    blob = vault.seal(owner, value, context=CONTEXT)
    expected = value.encode() if isinstance(value, str) else value
    assert vault.unseal(owner, blob, context=CONTEXT) == expected
    if isinstance(value, str):
        assert vault.unseal_text(owner, blob, context=CONTEXT) == value


def test_the_blob_is_self_describing_and_never_contains_the_value(owner: Any) -> None:
    blob = vault.seal(owner, "N1234567", context=CONTEXT)
    assert blob[0] == crypto.VALUE_VERSION
    key = DataKey.objects.get(owner=owner)
    assert crypto.value_key_id(blob) == key.id
    assert len(blob) == crypto.VALUE_OVERHEAD + len("N1234567")
    assert b"N1234567" not in blob


def test_sealing_twice_gives_different_blobs_under_one_data_key(owner: Any) -> None:
    first = vault.seal(owner, "same", context=CONTEXT)
    second = vault.seal(owner, "same", context=CONTEXT)
    assert first != second  # a fresh nonce each time: equal values cannot be spotted
    assert DataKey.objects.filter(owner=owner).count() == 1


def test_memoryview_from_postgres_is_accepted(owner: Any) -> None:
    blob = vault.seal(owner, "value", context=CONTEXT)
    assert vault.unseal_text(owner, memoryview(blob), context=CONTEXT) == "value"


def test_a_blob_moved_to_another_owner_does_not_open(owner: Any) -> None:
    other = WorkerFactory()
    vault.seal(other, "their own data", context=CONTEXT)  # the other owner has a key of their own
    blob = vault.seal(owner, "secret", context=CONTEXT)
    with pytest.raises(DecryptionError):
        vault.unseal(other, blob, context=CONTEXT)
    keys.clear_key_cache()
    with pytest.raises(DecryptionError):
        vault.unseal(other, blob, context=CONTEXT)


def test_a_blob_moved_to_another_field_does_not_open(owner: Any) -> None:
    blob = vault.seal(owner, "N1234567", context="workers.passport_number")
    with pytest.raises(DecryptionError):
        vault.unseal(owner, blob, context="workers.national_id_number")


def test_every_single_byte_change_is_detected(owner: Any) -> None:
    blob = vault.seal(owner, "a short secret", context=CONTEXT)
    for position in range(len(blob)):
        tampered = bytearray(blob)
        tampered[position] ^= 0x01
        with pytest.raises(VaultError):
            vault.unseal(owner, bytes(tampered), context=CONTEXT)


def test_every_truncation_is_detected(owner: Any) -> None:
    blob = vault.seal(owner, "a short secret", context=CONTEXT)
    for length in range(len(blob)):
        with pytest.raises((CorruptBlobError, DecryptionError)):
            vault.unseal(owner, blob[:length], context=CONTEXT)
    with pytest.raises(DecryptionError):
        vault.unseal(owner, blob + b"\x00", context=CONTEXT)


def test_a_blob_naming_a_data_key_that_does_not_exist_is_an_unknown_key(owner: Any) -> None:
    blob = bytearray(vault.seal(owner, "x", context=CONTEXT))
    blob[1:17] = bytes(16)
    with pytest.raises(UnknownKeyError):
        vault.unseal(owner, bytes(blob), context=CONTEXT)


def test_an_unknown_format_version_is_corrupt(owner: Any) -> None:
    blob = bytearray(vault.seal(owner, "x", context=CONTEXT))
    blob[0] = 9
    with pytest.raises(CorruptBlobError, match="version 9"):
        vault.unseal(owner, bytes(blob), context=CONTEXT)


def test_vault_errors_are_domain_errors_with_a_message_for_people(owner: Any) -> None:
    with pytest.raises(VaultError) as caught:
        vault.unseal(owner, b"not a blob", context=CONTEXT)
    assert isinstance(caught.value, DomainError)
    assert 400 <= caught.value.status < 500
    assert "cannot be read" in str(caught.value.message)
    assert "too short" in str(caught.value)  # the reason, for logs and the command line


def test_bad_arguments_are_programming_errors(owner: Any) -> None:
    with pytest.raises(ValueError, match="context"):
        vault.seal(owner, "x", context="No Spaces Allowed")
    with pytest.raises(TypeError):
        vault.seal(owner, 12345, context=CONTEXT)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vault.unseal(owner, "text is not a blob", context=CONTEXT)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="saved owner"):
        vault.seal(WorkerFactory.build(id=None), "x", context=CONTEXT)


def test_without_a_key_cache_every_read_unwraps_afresh(owner: Any) -> None:
    with override_settings(MIZAN_VAULT_KEY_CACHE_SECONDS=0):
        blob = vault.seal(owner, "value", context=CONTEXT)
        assert vault.unseal_text(owner, blob, context=CONTEXT) == "value"
        assert keys._cache == {}


def test_a_wrong_master_key_never_yields_plain_text(owner: Any, settings: Any) -> None:
    from mizan.privacy.vault.keyring import new_master_key_entry

    blob = vault.seal(owner, "value", context=CONTEXT)
    used_id = DataKey.objects.get(owner=owner).master_key_id
    settings.MIZAN_VAULT_MASTER_KEYS = new_master_key_entry(used_id)  # same id, different key
    with pytest.raises(DecryptionError, match="wrong key file"):
        vault.unseal(owner, blob, context=CONTEXT)
    settings.MIZAN_VAULT_MASTER_KEYS = new_master_key_entry("other")
    with pytest.raises(UnknownKeyError, match="not in the keyring"):
        vault.unseal(owner, blob, context=CONTEXT)


# --- Blind index ---------------------------------------------------------------------------------------


def test_the_blind_index_ignores_case_spaces_and_punctuation() -> None:
    one = vault.blind_index("N1234567", context="workers.passport_number")
    assert vault.blind_index(" n 123-4567 ", context="workers.passport_number") == one
    full_width = "".join(chr(ord(char) + 0xFEE0) for char in "N1234567")  # as some phone keyboards type
    assert vault.blind_index(full_width, context="workers.passport_number") == one
    assert len(one) == 64
    assert vault.blind_index("N1234568", context="workers.passport_number") != one


def test_the_blind_index_differs_per_field_and_per_key(settings: Any) -> None:
    from mizan.privacy.vault.keyring import new_index_key

    passport = vault.blind_index("123456", context="workers.passport_number")
    national = vault.blind_index("123456", context="workers.national_id_number")
    assert passport != national
    settings.MIZAN_VAULT_INDEX_KEY = new_index_key()
    assert vault.blind_index("123456", context="workers.passport_number") != passport


def test_the_blind_index_is_not_a_plain_hash_and_needs_something_to_index() -> None:
    import hashlib

    index = vault.blind_index("N1234567", context="workers.passport_number")
    assert index != hashlib.sha256(b"n1234567").hexdigest()
    assert index != hashlib.sha256(b"N1234567").hexdigest()
    with pytest.raises(ValueError, match="nothing to index"):
        vault.blind_index(" - / ", context="workers.passport_number")
