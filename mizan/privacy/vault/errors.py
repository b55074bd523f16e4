"""What can go wrong when reading sealed data. Never wrong plain text, never a 500.

Every VaultError is a DomainError, so an API operation that lets one through answers with a problem
(409, or 404 for erased data) and a page can show its message. Files that are refused on upload raise
the FileRejected family (4xx) instead.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mizan.common.errors import DomainError
from mizan.privacy.vault.keyring import KeyringError

__all__ = [
    "CorruptBlobError",
    "DecryptionError",
    "ErasedError",
    "FileRejected",
    "FileTooLarge",
    "FileTypeNotAllowed",
    "FileUnreadable",
    "KeyringError",
    "UnknownKeyError",
    "VaultError",
]

UNREADABLE = _("This information cannot be read. Please tell the Mizan team.")


class VaultError(DomainError):
    """Sealed data could not be opened. ``reason`` is a short English text for logs and the CLI."""

    status = 409
    code = "vault_unreadable"

    def __init__(self, reason: str, message: Any = None) -> None:
        super().__init__(message or UNREADABLE)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


class CorruptBlobError(VaultError):
    """Not a vault blob: too short, an unknown format version, or bytes cut off."""

    code = "vault_corrupt"


class DecryptionError(VaultError):
    """The authentication tag did not match: the blob or wrapped key was altered, belongs to another
    owner or field, or the key is not the one it was sealed with."""

    code = "vault_decryption_failed"


class UnknownKeyError(VaultError):
    """The blob names a master key or data key that this installation does not have."""

    code = "vault_unknown_key"


class ErasedError(VaultError):
    """The owner's data key was destroyed (crypto-shredding): the data is gone for good."""

    status = 404
    code = "erased"

    def __init__(self, reason: str = "the owner's data key was destroyed") -> None:
        super().__init__(reason, _("This information was erased. It cannot be read any more."))


class FileRejected(DomainError):
    """An upload Mizan will not keep."""


class FileTooLarge(FileRejected):
    status = 413
    code = "file_too_large"


class FileTypeNotAllowed(FileRejected):
    status = 415
    code = "file_type_not_allowed"


class FileUnreadable(FileRejected):
    status = 400
    code = "file_unreadable"
