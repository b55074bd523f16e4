"""Encrypted files: checked, cleaned (pictures lose their metadata), sealed, then stored.

Only sealed bytes ever reach Django's default storage, under a random name (``vault/<uuid>``). The file's
own name is sealed too (it can say a lot: "passport_ram_bahadur.jpg").
"""

from __future__ import annotations

import os
import unicodedata
import uuid
from typing import IO, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.privacy.vault import images, keys
from mizan.privacy.vault.crypto import check_context
from mizan.privacy.vault.errors import CorruptBlobError, FileTooLarge, FileTypeNotAllowed, FileUnreadable
from mizan.privacy.vault.models import StoredFile

# content type -> (file name extension, Pillow format or None when kept as sent)
ALLOWED_TYPES: dict[str, tuple[str, str | None]] = {
    "image/jpeg": ("jpg", "JPEG"),
    "image/png": ("png", "PNG"),
    "image/webp": ("webp", "WEBP"),
    "application/pdf": ("pdf", None),
}
ACCEPT = ",".join(ALLOWED_TYPES)  # for <input type="file" accept="…">


def sniff(data: bytes) -> str | None:
    """The content type from the file's first bytes; what the sender claims is never trusted."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def _read_limited(file: IO[bytes] | Any, limit: int) -> bytes:
    declared = getattr(file, "size", None)
    if isinstance(declared, int) and declared > limit:
        raise FileTooLarge(
            _("This file is too large. The largest file you can send is %(limit)s."),
            limit=filesizeformat(limit),
        )
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(
            _("This file is too large. The largest file you can send is %(limit)s."),
            limit=filesizeformat(limit),
        )
    return bytes(data)


def _display_name(raw: str | None, extension: str) -> str:
    name = os.path.basename((raw or "").replace("\\", "/"))
    stem = os.path.splitext(name)[0]
    stem = "".join(char for char in stem if unicodedata.category(char)[0] != "C").strip(" .")[:100]
    return f"{stem or 'document'}.{extension}"


def _file_context(stored: StoredFile) -> str:
    return f"{stored.context}#{stored.id}"  # binds the bytes to this record, not just to the field


def seal_file(owner: User, uploaded_file: IO[bytes] | Any, *, context: str) -> StoredFile:
    """Check, clean, seal and store ``uploaded_file`` for ``owner``; the saved StoredFile.

    Refuses with FileTooLarge (413), FileTypeNotAllowed (415) or FileUnreadable (400), each a
    DomainError with a message for the person who sent it.
    """
    check_context(context)
    data = _read_limited(uploaded_file, settings.MIZAN_VAULT_MAX_FILE_BYTES)
    if not data:
        raise FileUnreadable(_("This file is empty."))
    content_type = sniff(data)
    if content_type is None:
        raise FileTypeNotAllowed(_("Please send a photo (JPEG, PNG or WEBP) or a PDF file."))
    extension, image_format = ALLOWED_TYPES[content_type]
    if image_format is not None:
        data = images.clean(data, image_format)
    stored = StoredFile(
        id=uuid.uuid4(), owner=owner, context=context, content_type=content_type, size=len(data)
    )
    stored.name = _display_name(getattr(uploaded_file, "name", None), extension)
    blob = keys.seal_for(owner.pk, data, context=_file_context(stored))
    stored.storage_name = default_storage.save(f"vault/{stored.id.hex}", ContentFile(blob))
    try:
        stored.save(force_insert=True)
    except BaseException:
        default_storage.delete(stored.storage_name)
        raise
    return stored


def read_file(stored: StoredFile) -> bytes:
    """The clear bytes. The caller has checked that the reader may see them."""
    try:
        with default_storage.open(stored.storage_name, "rb") as handle:
            blob = handle.read()
    except OSError as exc:
        raise CorruptBlobError(f"stored file {stored.id} is missing from storage") from exc
    data = keys.unseal_for(stored.owner_id, blob, context=_file_context(stored))
    if len(data) != stored.size:
        raise CorruptBlobError(f"stored file {stored.id} has {len(data)} bytes, not {stored.size}")
    return data


def discard_file(stored: StoredFile) -> None:
    """Delete the record now and the stored bytes once the transaction commits."""
    storage_name = stored.storage_name
    stored.delete()
    transaction.on_commit(lambda: default_storage.delete(storage_name))
