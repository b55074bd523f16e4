"""Everything Mizan holds about a worker, for that worker: the export (JSON and the readable page).

Only the worker may ask (``require_self``): it is their data, so it is decrypted for them and nothing is
access-recorded. Other apps add their section through ``registry.register_exporter``.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone

from mizan.accounts.models import User
from mizan.accounts.selectors import trusted_devices_of
from mizan.privacy.consent import selectors as consent_selectors
from mizan.privacy.consent.models import Consent
from mizan.privacy.consent.presenting import access_record_out, consent_out
from mizan.privacy.ledger.models import LedgerEntry
from mizan.privacy.rights import selectors
from mizan.privacy.rights.models import CorrectionRequest, LegalHold, Restriction
from mizan.privacy.rights.registry import EXPORTERS, LEDGER_SUBJECTS
from mizan.privacy.rights.schemas import (
    SCHEMA_NAME,
    SCHEMA_VERSION,
    AccountOut,
    CorrectionOut,
    DocumentOut,
    LedgerReferenceOut,
    LegalHoldOut,
    MyDataExport,
    PersonalDetailsOut,
    RestrictionOut,
    TrustedPhoneOut,
)
from mizan.privacy.rights.wording import hold_sentence
from mizan.privacy.vault.errors import VaultError
from mizan.workers import selectors as worker_selectors

logger = logging.getLogger(__name__)
UNREADABLE = ""  # a sealed text that can no longer be opened is exported empty, never guessed


def _account(worker: User) -> AccountOut:
    return AccountOut(
        id=worker.pk,
        phone=worker.phone,
        name=worker.display_name,
        language=worker.preferred_language,
        joined_at=worker.date_joined,
        last_sign_in_at=worker.last_login,
        has_pin=worker.has_pin,
        trusted_phones=[
            TrustedPhoneOut(label=d.label, created_at=d.created_at, last_used_at=d.last_used_at)
            for d in trusted_devices_of(actor=worker)
        ],
    )


def _details(worker: User) -> PersonalDetailsOut:
    data = worker_selectors.personal_details_of(actor=worker, worker=worker)
    values = {
        name: (value.isoformat() if isinstance(value, date) else (value or None))
        for name, value in data.values.items()
    }
    return PersonalDetailsOut(values=values, unreadable=list(data.unreadable), updated_at=data.updated_at)


def _documents(worker: User) -> list[DocumentOut]:
    return [
        DocumentOut(
            id=d.id,
            kind=d.kind,
            kind_label=d.kind_label,
            name=d.name,
            content_type=d.content_type,
            size=d.size,
            uploaded_at=d.created_at,
            download=reverse("workers:document_download", kwargs={"document_id": d.id}),
        )
        for d in worker_selectors.identity_documents_of(actor=worker, worker=worker)
    ]


def _opened(request: CorrectionRequest, name: str) -> str:
    try:
        return str(getattr(request, name))
    except VaultError:
        logger.warning("correction request %s: %s cannot be read", request.pk, name)
        return UNREADABLE


def correction_out(request: CorrectionRequest) -> CorrectionOut:
    return CorrectionOut(
        id=request.id,
        item=request.item,
        item_label=str(request.get_item_display()),
        what_is_wrong=_opened(request, "what_is_wrong"),
        should_be=_opened(request, "should_be"),
        status=request.status,  # type: ignore[arg-type]
        status_label=str(request.get_status_display()),
        response=_opened(request, "response"),
        created_at=request.created_at,
        closed_at=request.closed_at,
    )


def restriction_out(restriction: Restriction) -> RestrictionOut:
    return RestrictionOut(
        kind=restriction.kind,  # type: ignore[arg-type]
        label=str(restriction.get_kind_display()),
        started_at=restriction.started_at,
        ended_at=restriction.ended_at,
        active=restriction.is_active,
    )


def hold_out(hold: LegalHold, today: date) -> LegalHoldOut:
    return LegalHoldOut(
        id=hold.id,
        reason=hold.reason,
        reason_label=str(hold.get_reason_display()),
        categories=list(hold.categories),
        source_reference=hold.source_reference,
        until=hold.until,
        active=hold.is_active_on(today),
        sentence=hold_sentence(hold),
        created_at=hold.created_at,
        released_at=hold.released_at,
    )


def _ledger(worker: User, consents: list[Consent], holds: list[LegalHold]) -> list[LedgerReferenceOut]:
    subjects = {f"consent:{c.id}" for c in consents} | {f"legal_hold:{h.id}" for h in holds}
    for fn in LEDGER_SUBJECTS.values():
        subjects.update(fn(worker))
    entries = LedgerEntry.objects.filter(subject__in=sorted(subjects)).order_by("seq") if subjects else []
    return [
        LedgerReferenceOut(
            seq=e.seq, kind=e.kind, subject=e.subject, recorded_at=e.recorded_at, entry_hash=e.entry_hash
        )
        for e in entries
    ]


def _sections(worker: User) -> dict[str, Any]:
    return {name: fn(worker) for name, fn in EXPORTERS.items()}


def export_for(*, actor: User, worker: User) -> MyDataExport:
    """The whole export. Raises PermissionDenied for anyone but the signed-in worker themself."""
    selectors.require_self(actor, worker)
    today = timezone.localdate()
    consents = list(consent_selectors.consents_of(actor=worker))
    holds = selectors.holds_of(actor=actor, worker=worker)
    return MyDataExport(
        schema=SCHEMA_NAME,
        schema_version=SCHEMA_VERSION,
        generated_at=timezone.now(),
        account=_account(worker),
        personal_details=_details(worker),
        documents=_documents(worker),
        consents=[consent_out(c) for c in consents],
        access_records=[access_record_out(r) for r in consent_selectors.access_records_of(actor=worker)],
        correction_requests=[correction_out(r) for r in selectors.corrections_of(actor=actor, worker=worker)],
        restrictions=[restriction_out(r) for r in selectors.restrictions_of(actor=actor, worker=worker)],
        legal_holds=[hold_out(h, today) for h in holds],
        ledger=_ledger(worker, consents, holds),
        sections=_sections(worker),
    )


def export_json(export: MyDataExport) -> dict[str, Any]:
    """The document as JSON values, with the published field names."""
    return export.model_dump(mode="json", by_alias=True)
