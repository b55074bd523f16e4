"""The public functions of the vault that take a person (see the package docstring)."""

from __future__ import annotations

from mizan.accounts.models import User
from mizan.privacy.vault import keys


def _owner_pk(owner: User) -> object:
    if owner is None or owner.pk is None:
        raise ValueError("the vault needs a saved owner")
    return owner.pk


def seal(owner: User, value: str | bytes, *, context: str) -> bytes:
    """``value`` encrypted with ``owner``'s data key, bound to ``owner`` and ``context``."""
    return keys.seal_for(keys.as_uuid(_owner_pk(owner)), value, context=context)


def unseal(owner: User, blob: bytes | bytearray | memoryview, *, context: str) -> bytes:
    """The clear bytes of ``blob``, or a VaultError; never anything else."""
    return keys.unseal_for(keys.as_uuid(_owner_pk(owner)), blob, context=context)


def unseal_text(owner: User, blob: bytes | bytearray | memoryview, *, context: str) -> str:
    from mizan.privacy.vault.errors import CorruptBlobError

    try:
        return unseal(owner, blob, context=context).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorruptBlobError("sealed value is not text") from exc


def blind_index(value: str, *, context: str) -> str:
    """A keyed hash of ``value`` (letters and digits only, case-folded) for exact-match lookups."""
    return keys.blind_index(value, context=context)


def shred(owner: User) -> None:
    """Destroy ``owner``'s data key: what was sealed for them cannot be read again. Idempotent."""
    keys.shred_owner(keys.as_uuid(_owner_pk(owner)))
