"""The erasers for data this app knows: the worker's personal details and documents (workers app) and the
worker's own rights records. Registered like any later app's (see registry.py), from AppConfig.ready."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile

from mizan.accounts.models import User
from mizan.privacy import vault
from mizan.privacy.rights.models import CorrectionRequest, Restriction
from mizan.privacy.rights.registry import Restore, register_eraser
from mizan.privacy.vault.errors import VaultError
from mizan.workers.catalogue import CATEGORY_OF, DETAILS
from mizan.workers.models import IdentityDocument, PersonalDetails
from mizan.workers.services import DOCUMENT_CONTEXT

logger = logging.getLogger(__name__)


def erase_personal_details(*, worker: User, keep: frozenset[str]) -> Restore | None:
    details = PersonalDetails.objects.filter(worker=worker).first()
    if details is None:
        return None
    kept: dict[str, object] = {}
    for detail in DETAILS:
        # A detail without a category is never kept by a hold: erasure fails towards erasing.
        if CATEGORY_OF.get(detail.name) not in keep:
            continue
        try:
            value = getattr(details, detail.name)
        except VaultError as error:  # unreadable already: nothing to keep
            logger.warning("erasure: a personal detail could not be read (%s)", error.code)
            continue
        if value:
            kept[detail.name] = value
    if not kept:
        details.delete()
        return None

    def restore() -> None:
        for detail in DETAILS:  # every field assigned, so every old blob is replaced
            setattr(details, detail.name, kept.get(detail.name))
        details.save()

    return restore


def erase_documents(*, worker: User, keep: frozenset[str]) -> Restore | None:
    documents = list(IdentityDocument.objects.filter(worker=worker).select_related("file"))
    kept: list[tuple[IdentityDocument, bytes, str]] = []
    for document in documents:
        if "documents" in keep:
            try:
                kept.append((document, vault.read_file(document.file), str(document.file.name)))
                continue
            except VaultError as error:
                logger.warning("erasure: a document could not be read (%s)", error.code)
        stored = document.file
        document.delete()
        vault.discard_file(stored)
    if not kept:
        return None

    def restore() -> None:
        for document, data, name in kept:
            old = document.file
            document.file = vault.seal_file(worker, ContentFile(data, name=name), context=DOCUMENT_CONTEXT)
            document.save(update_fields=["file", "modified_at"])
            vault.discard_file(old)

    return restore


def erase_rights_records(*, worker: User, keep: frozenset[str]) -> Restore | None:
    # Correction requests quote the worker; restrictions no longer matter once the account is erased
    # (an erased account is refused everything). Legal holds and the erasure itself stay.
    Restriction.objects.filter(worker=worker).delete()
    CorrectionRequest.objects.filter(worker=worker).delete()
    return None


def register() -> None:
    from mizan.privacy.rights.registry import ERASERS

    for name, eraser in (
        ("workers.personal_details", erase_personal_details),
        ("workers.documents", erase_documents),
        ("rights.records", erase_rights_records),
    ):
        if name not in ERASERS:
            register_eraser(name, eraser)
