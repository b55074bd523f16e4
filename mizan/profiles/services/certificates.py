"""Writes of a worker's certificates (sealed scans) and of the requests to confirm them.

The worker keeps, deletes and asks; the issuing organisation's staff decide (``verification_decide``).
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import can, require
from mizan.common.errors import DomainError, NotFound
from mizan.privacy import vault
from mizan.privacy.ledger import ledger_append
from mizan.profiles import validation
from mizan.profiles.models import Certificate, VerificationRequest
from mizan.profiles.permissions import VERIFY_CERTIFICATES
from mizan.profiles.services.base import locked_profile as _profile
from mizan.profiles.services.base import require_self
from mizan.profiles.services.base import touch as _touch
from mizan.profiles.validation import ProfileInputError

CERTIFICATE_CONTEXT = "profiles.certificate"
LEDGER_KIND = "certificate.verification_decided"


# --- Certificates ---------------------------------------------------------------------------------------


def _issuer(issuer_id: UUID | str | None) -> Organisation | None:
    if issuer_id in (None, ""):
        return None
    try:
        found = Organisation.objects.filter(pk=UUID(str(issuer_id))).first()
    except ValueError:
        found = None
    if found is None:
        raise ProfileInputError(
            _("We do not know this organisation. Please choose it from the list, or write its name."),
            field="issuer",
            code="unknown_issuer",
        )
    return found


@transaction.atomic
def certificate_upload(
    *,
    actor: User,
    worker: User,
    file: IO[bytes] | Any,
    title: str,
    issuer_id: UUID | str | None = None,
    issuer_name: str = "",
    issued_on: dt.date | None = None,
    number: str = "",
) -> Certificate:
    """Keep a certificate: its scan sealed by the vault (pictures lose their hidden data first).

    Name the issuing organisation (``issuer_id``, when it is on Mizan and can confirm it) or write its
    name. File problems are the vault's DomainErrors (413, 415, 400).
    """
    require_self(actor, worker)
    clean_title = validation.clean_title(title)
    issuer = _issuer(issuer_id)
    clean_issuer_name = validation.clean_short_text(issuer_name, field="issuer_name", limit=200)
    if issuer is None and not clean_issuer_name:
        raise ProfileInputError(
            _("Please say who gave you the certificate."), field="issuer_name", code="issuer_needed"
        )
    clean_number = validation.clean_short_text(number, field="number", limit=80)
    clean_issued_on = validation.clean_issued_on(issued_on)
    profile = _profile(worker, actor)
    if Certificate.objects.filter(profile=profile).count() >= validation.MAX_CERTIFICATES:
        raise ProfileInputError(
            _("You can keep up to %(most)s certificates. Please delete one first."),
            code="too_many_certificates",
            most=validation.MAX_CERTIFICATES,
        )
    stored = vault.seal_file(worker, file, context=CERTIFICATE_CONTEXT)
    certificate = Certificate(
        profile=profile,
        worker=worker,
        title=clean_title,
        issuer=issuer,
        issuer_name="" if issuer else clean_issuer_name,
        issued_on=clean_issued_on,
        file=stored,
        created_by=actor,
    )
    certificate.number = clean_number
    certificate.save()
    _touch(profile)
    return certificate


def own_certificate(worker: User, certificate_id: UUID) -> Certificate:
    found = (
        Certificate.objects.filter(worker=worker, id=certificate_id)
        .select_related("file", "issuer", "profile")
        .first()
    )
    if found is None:
        raise NotFound(_("This certificate does not exist or was deleted."), code="certificate_not_found")
    return found


@transaction.atomic
def certificate_delete(*, actor: User, worker: User, certificate_id: UUID) -> None:
    """Delete the certificate, its encrypted file and any request to confirm it."""
    require_self(actor, worker)
    certificate = own_certificate(worker, certificate_id)
    profile = _profile(worker, actor)
    stored = certificate.file
    certificate.delete()
    vault.discard_file(stored)
    _touch(profile)


class AlreadyDone(DomainError):
    status = 409
    code = "conflict"


@transaction.atomic
def verification_request(*, actor: User, worker: User, certificate_id: UUID) -> VerificationRequest:
    """Ask the issuing organisation to confirm a certificate.

    Asking is the worker's permission to show that organisation's staff this certificate's title, number
    and date (nothing else about the worker) until they decide or the worker stops the request. Raises
    DomainError ``issuer_not_on_mizan`` when the issuer is only a written name, AlreadyDone (409) when a
    request is waiting or the certificate is already confirmed.
    """
    require_self(actor, worker)
    certificate = own_certificate(worker, certificate_id)
    Certificate.objects.select_for_update().filter(pk=certificate.pk).first()
    if certificate.issuer is None:
        raise DomainError(
            _(
                "Only an organisation that uses Mizan can confirm a certificate here. "
                "Your certificate is still kept, and you can show it yourself."
            ),
            code="issuer_not_on_mizan",
        )
    if certificate.is_verified:
        raise AlreadyDone(_("This certificate is already confirmed."), code="already_verified")
    pending = VerificationRequest.objects.filter(
        certificate=certificate, status=VerificationRequest.Status.PENDING
    )
    if pending.exists():
        raise AlreadyDone(_("You already asked. Please wait for the answer."), code="already_asked")
    return VerificationRequest.objects.create(
        certificate=certificate, organisation=certificate.issuer, created_by=actor
    )


@transaction.atomic
def verification_withdraw(*, actor: User, worker: User, certificate_id: UUID) -> None:
    """Stop a waiting request: the organisation no longer sees the certificate."""
    require_self(actor, worker)
    certificate = own_certificate(worker, certificate_id)
    changed = VerificationRequest.objects.filter(
        certificate=certificate, status=VerificationRequest.Status.PENDING
    ).update(status=VerificationRequest.Status.WITHDRAWN, modified_at=timezone.now())
    if not changed:
        raise NotFound(_("There is no request waiting for this certificate."), code="no_request_waiting")


def _decidable(actor: User, request_id: UUID) -> VerificationRequest:
    require(actor, VERIFY_CERTIFICATES)  # 403 for anyone who confirms certificates for no organisation
    found = (
        VerificationRequest.objects.select_for_update()
        .filter(pk=request_id)
        .select_related("organisation", "certificate")
        .first()
    )
    # Someone else's request looks the same as none at all, so nothing is revealed.
    if found is None or not can(actor, VERIFY_CERTIFICATES, found.organisation):
        raise NotFound(_("There is no such request, or it is not for your organisation."))
    return found


@transaction.atomic
def verification_decide(
    *, actor: User, request_id: UUID, confirmed: bool, note: str = ""
) -> VerificationRequest:
    """The issuing organisation's answer: the certificate is theirs (``confirmed``) or they cannot confirm it.

    Only staff of the organisation asked, with a role that may confirm certificates. A decision is final
    (409 when already decided or stopped by the worker); it is written to the ledger (ids only).
    """
    request = _decidable(actor, request_id)
    if request.status != VerificationRequest.Status.PENDING:
        raise AlreadyDone(_("This request was already answered or stopped."), code="already_decided")
    clean_note = validation.clean_short_text(note, field="note", limit=300)
    now = timezone.now()
    request.status = VerificationRequest.Status.VERIFIED if confirmed else VerificationRequest.Status.REJECTED
    request.decided_by = actor
    request.decided_at = now
    request.note = clean_note
    request.save()
    certificate = request.certificate
    certificate.status = Certificate.Status.VERIFIED if confirmed else Certificate.Status.REJECTED
    certificate.verified_at = now
    certificate.issuer = request.organisation
    certificate.save(update_fields=["status", "verified_at", "issuer", "modified_at"])
    ledger_append(
        kind=LEDGER_KIND,
        subject=f"certificate:{certificate.id}",
        data={
            "request": str(request.id),
            "organisation": str(request.organisation_id),
            "outcome": request.status,
        },
    )
    profile = _profile(certificate.worker, certificate.worker)
    _touch(profile)
    return request
