"""Certifications: recorded and withdrawn by the auditing organisation."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.common.errors import DomainError
from mizan.privacy.ledger import hash_for, ledger_append
from mizan.registry import permissions
from mizan.registry.models import Certification
from mizan.registry.services.common import (
    check_dates,
    clean_reason,
    require_recruiter,
)


def _certification_ledger(
    certification: Certification, action: str, *, actor: User, reason: str = ""
) -> None:
    ledger_append(
        kind="certification.recorded",
        subject=f"certification:{certification.pk}",
        data={
            "action": action,
            "organisation": str(certification.organisation_id),
            "auditor": str(certification.auditor_id),
            "standard_sha256": hash_for(certification.standard),
            "level_sha256": hash_for(certification.level) if certification.level else None,
            "dates_sha256": hash_for(f"{certification.valid_from.isoformat()}/{certification.valid_to}"),
            "reason_sha256": hash_for(reason) if reason else None,
            "by": str(actor.pk),
        },
    )


@transaction.atomic
def certification_record(
    *,
    actor: User,
    organisation: Organisation,
    standard: str,
    valid_from: dt.date,
    valid_to: dt.date,
    level: str = "",
    auditor: Organisation | None = None,
) -> Certification:
    """Record the result of an audit of ``organisation`` against ``standard`` (e.g. IRIS) by the actor's
    auditing organisation."""
    auditor = permissions.auditor_for(actor, auditor)
    require_recruiter(organisation)
    standard = " ".join(standard.split())
    if not standard:
        raise DomainError(_("Write the standard, for example IRIS."), code="standard")
    if len(standard) > 120 or len(level) > 80:
        raise DomainError(_("The standard or the level is too long."), code="too_long")
    check_dates(valid_from, valid_to)
    certification = Certification.objects.create(
        organisation=organisation,
        standard=standard,
        auditor=auditor,
        level=" ".join(level.split()),
        valid_from=valid_from,
        valid_to=valid_to,
        recorded_by=actor,
        created_by=actor,
    )
    _certification_ledger(certification, "recorded", actor=actor)
    return certification


@transaction.atomic
def certification_withdraw(*, actor: User, certification: Certification, reason: str) -> Certification:
    """Withdraw a certification the actor's auditing organisation gave (the record stays, marked)."""
    locked = Certification.objects.select_for_update().select_related("auditor").get(pk=certification.pk)
    permissions.auditor_for(actor, locked.auditor)
    if locked.is_withdrawn:
        raise DomainError(_("This certification is already withdrawn."), code="withdrawn")
    locked.is_withdrawn = True
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_reason = clean_reason(reason)
    locked.save()
    _certification_ledger(locked, "withdrawn", actor=actor, reason=locked.withdrawn_reason)
    return locked
