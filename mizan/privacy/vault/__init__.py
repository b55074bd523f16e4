"""The vault: field-level encryption of personal data (AES-256-GCM, envelope encryption).

Design and operations: docs/privacy/vault.md. The public interface, kept stable:

**Store a sensitive field — the one obvious way.** Declare it on the model; read and assign clear values::

    from mizan.privacy.vault.fields import BlindIndexField, SealedDateField, SealedTextField

    class PersonalDetails(BaseModel):
        worker = models.OneToOneField(User, on_delete=models.PROTECT, related_name="personal_details")
        passport_number = SealedTextField(owner="worker", context="workers.passport_number")
        passport_number_index = BlindIndexField(of="passport_number")  # only to find rows by value
        date_of_birth = SealedDateField(owner="worker", context="workers.date_of_birth")

    details.passport_number = "N1234567"; details.save()   # sealed on save, for details.worker
    details.passport_number                                # "N1234567", decrypted on first read
    PersonalDetails.objects.filter(
        passport_number_index=vault.blind_index("n 1234567", context="workers.passport_number"))

``owner`` names the foreign key to the person the data is about (their data key is used); ``context`` is
``"<app>.<field>"``, unique per field and never changed afterwards (it is bound into the ciphertext).

**Seal values by hand** (when no model field fits)::

    seal(owner: User, value: str | bytes, *, context: str) -> bytes
    unseal(owner: User, blob: bytes, *, context: str) -> bytes
    unseal_text(owner: User, blob: bytes, *, context: str) -> str
    blind_index(value: str, *, context: str) -> str         # HMAC-SHA256 hex of the normalised value

**Files**::

    seal_file(owner: User, uploaded_file, *, context: str) -> StoredFile   # 413/415/400 DomainErrors
    read_file(stored: StoredFile) -> bytes        # the caller has checked who may read
    discard_file(stored: StoredFile) -> None

**Erasure**: ``shred(owner: User) -> None`` destroys the owner's data key (idempotent; fine inside a
transaction). Everything sealed for them is unreadable from then on, whoever holds the master keys.

**Errors** (all ``VaultError``, a ``DomainError``: a problem answer, never a 500): ``CorruptBlobError``
(truncated, not a vault blob), ``DecryptionError`` (altered, wrong key, another owner or field),
``UnknownKeyError`` (a master or data key this installation lacks), ``ErasedError`` (shredded).
Never catch one to show a guess: show that the value cannot be read.

**Operations**: ``mizan vault check`` | ``mizan vault rotate`` | ``mizan vault generate-key``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mizan.privacy.vault.core import blind_index, seal, shred, unseal, unseal_text
    from mizan.privacy.vault.errors import (
        CorruptBlobError,
        DecryptionError,
        ErasedError,
        FileRejected,
        UnknownKeyError,
        VaultError,
    )
    from mizan.privacy.vault.files import discard_file, read_file, seal_file
    from mizan.privacy.vault.models import StoredFile

# Exported lazily: config/settings.py imports mizan.privacy.vault.keyring before Django is set up,
# and importing the models here would fail then.
_EXPORTS = {
    "seal": "core",
    "unseal": "core",
    "unseal_text": "core",
    "blind_index": "core",
    "shred": "core",
    "seal_file": "files",
    "read_file": "files",
    "discard_file": "files",
    "StoredFile": "models",
    "VaultError": "errors",
    "CorruptBlobError": "errors",
    "DecryptionError": "errors",
    "UnknownKeyError": "errors",
    "ErasedError": "errors",
    "FileRejected": "errors",
}

__all__ = [
    "CorruptBlobError",
    "DecryptionError",
    "ErasedError",
    "FileRejected",
    "StoredFile",
    "UnknownKeyError",
    "VaultError",
    "blind_index",
    "discard_file",
    "read_file",
    "seal",
    "seal_file",
    "shred",
    "unseal",
    "unseal_text",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
