"""Writes of a worker's own personal details and identity documents. Only the worker may make them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any
from uuid import UUID

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.privacy import vault
from mizan.workers.models import IdentityDocument, PersonalDetails
from mizan.workers.validation import clean_details

DOCUMENT_CONTEXT = "workers.identity_document"
MAX_DOCUMENTS = 20


def require_self(actor: User | None, worker: User) -> None:
    """Only the worker themself, signed in, may act on their own details here."""
    if (
        actor is None
        or not actor.is_authenticated
        or not actor.is_active
        or not actor.is_worker
        or actor.pk != worker.pk
    ):
        raise PermissionDenied(_("Only the worker can see and change their own personal details."))


@transaction.atomic
def personal_details_update(*, actor: User, worker: User, data: Mapping[str, Any]) -> PersonalDetails:
    """Set the details given in ``data`` (names from mizan.workers.catalogue; "" or None clears one).

    Details not named in ``data`` stay as they are. Raises django's ValidationError naming each field
    that is not right (the API answers 422), so nothing is saved unless everything is.
    """
    require_self(actor, worker)
    cleaned = clean_details(data, worker)
    details, _created = PersonalDetails.objects.select_for_update().get_or_create(
        worker=worker, defaults={"created_by": actor}
    )
    for name, value in cleaned.items():
        setattr(details, name, value)
    details.save()
    return details


@transaction.atomic
def identity_document_add(*, actor: User, worker: User, file: IO[bytes] | Any, kind: str) -> IdentityDocument:
    """Keep a document photo or PDF, encrypted; pictures lose their hidden data (place, camera) first."""
    require_self(actor, worker)
    if kind not in IdentityDocument.Kind.values:
        raise DomainError(_("Please choose what kind of document this is."), code="document_kind_unknown")
    if IdentityDocument.objects.filter(worker=worker).count() >= MAX_DOCUMENTS:
        raise DomainError(
            _("You can keep up to %(limit)s documents. Please delete one first."),
            code="too_many_documents",
            limit=MAX_DOCUMENTS,
        )
    stored = vault.seal_file(worker, file, context=DOCUMENT_CONTEXT)
    return IdentityDocument.objects.create(worker=worker, kind=kind, file=stored, created_by=actor)


@transaction.atomic
def identity_document_delete(*, actor: User, worker: User, document_id: UUID) -> None:
    """Delete the document and its encrypted file."""
    require_self(actor, worker)
    document = IdentityDocument.objects.select_related("file").filter(worker=worker, id=document_id).first()
    if document is None:
        raise NotFound(_("This document does not exist or was already deleted."))
    stored = document.file
    document.delete()
    vault.discard_file(stored)
