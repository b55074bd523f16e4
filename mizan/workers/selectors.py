"""Reads of a worker's own personal details and documents (reads by others come with access records)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.common.errors import NotFound
from mizan.privacy import vault
from mizan.privacy.consent.access import require_access
from mizan.privacy.vault.errors import ErasedError, VaultError
from mizan.workers.catalogue import BY_NAME, CATEGORY_OF, DETAILS, Detail
from mizan.workers.models import IdentityDocument, PersonalDetails
from mizan.workers.services import require_self

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DetailRow:
    detail: Detail
    value: Any
    unreadable: bool


@dataclass(frozen=True)
class PersonalDetailsData:
    """Clear values by field name ("" or None when not given), and the fields that could not be read."""

    values: dict[str, Any]
    unreadable: tuple[str, ...]
    updated_at: datetime | None

    @property
    def rows(self) -> list[DetailRow]:
        return [DetailRow(d, self.values[d.name], d.name in self.unreadable) for d in DETAILS]

    @property
    def is_empty(self) -> bool:
        return not any(self.values.values()) and not self.unreadable


def decrypt_details(details: PersonalDetails | None) -> PersonalDetailsData:
    """Open every field; one that cannot be opened is reported as unreadable, never guessed."""
    values: dict[str, Any] = {}
    unreadable: list[str] = []
    for detail in DETAILS:
        empty = None if detail.kind == "date" else ""
        if details is None:
            values[detail.name] = empty
            continue
        try:
            values[detail.name] = getattr(details, detail.name)
        except VaultError as error:
            if not isinstance(error, ErasedError):
                logger.warning("personal details %s: %s cannot be read: %s", details.pk, detail.name, error)
            values[detail.name] = empty
            unreadable.append(detail.name)
    return PersonalDetailsData(values, tuple(unreadable), details.modified_at if details else None)


def personal_details_of(*, actor: User, worker: User) -> PersonalDetailsData:
    require_self(actor, worker)
    return decrypt_details(PersonalDetails.objects.filter(worker=worker).first())


@dataclass(frozen=True)
class DocumentInfo:
    id: UUID
    kind: str
    kind_label: str
    name: str
    content_type: str
    size: int
    created_at: datetime


@dataclass(frozen=True)
class DocumentContent:
    name: str
    content_type: str
    data: bytes


def _name(document: IdentityDocument) -> str:
    try:
        return str(document.file.name)
    except VaultError:
        return str(document.get_kind_display())


def identity_documents_of(*, actor: User, worker: User) -> list[DocumentInfo]:
    require_self(actor, worker)
    documents = IdentityDocument.objects.filter(worker=worker).select_related("file").order_by("-created_at")
    return [
        DocumentInfo(
            id=document.id,
            kind=document.kind,
            kind_label=str(document.get_kind_display()),
            name=_name(document),
            content_type=document.file.content_type,
            size=document.file.size,
            created_at=document.created_at,
        )
        for document in documents
    ]


def identity_document_content(*, actor: User, worker: User, document_id: UUID) -> DocumentContent:
    """The document's clear bytes; a VaultError (a 4xx problem) if they cannot be opened."""
    require_self(actor, worker)
    document = IdentityDocument.objects.filter(worker=worker, id=document_id).select_related("file").first()
    if document is None:
        raise NotFound(_("This document does not exist or was deleted."))
    data = vault.read_file(document.file)
    return DocumentContent(name=_name(document), content_type=document.file.content_type, data=data)


def personal_details_for(
    *,
    actor: User,
    worker: User,
    purpose: str,
    categories: Sequence[str],
    organisation: Organisation | None = None,
) -> PersonalDetailsData:
    """Someone else's read of a worker's details: through the access guard (recorded, visible to the
    worker in "Who saw my data"), and only the categories asked for — every other field comes back empty.
    """
    if actor.pk == worker.pk:
        return personal_details_of(actor=actor, worker=worker)
    require_access(
        actor=actor, worker=worker, purpose=purpose, categories=categories, organisation=organisation
    )
    data = decrypt_details(PersonalDetails.objects.filter(worker=worker).first())
    allowed = set(categories)
    values = {
        name: value if CATEGORY_OF[name] in allowed else (None if BY_NAME[name].kind == "date" else "")
        for name, value in data.values.items()
    }
    unreadable = tuple(name for name in data.unreadable if CATEGORY_OF[name] in allowed)
    return PersonalDetailsData(values, unreadable, data.updated_at)
