"""Turning restriction and objections on and off. One tap each; doing it twice changes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.errors import DomainError
from mizan.privacy.consent.models import Consent, Method
from mizan.privacy.consent.services import consent_withdraw
from mizan.privacy.rights.models import Restriction, RestrictionKind
from mizan.privacy.rights.selectors import require_self

if TYPE_CHECKING:
    from mizan.privacy.rights.models import CorrectionRequest


def restriction_set(
    *,
    actor: User,
    worker: User,
    kind: str,
    on: bool,
    correction: CorrectionRequest | None = None,
    method: str = Method.WEB,
) -> Restriction | None:
    """Turn ``kind`` on (returns the restriction in force) or off (returns None). Only the worker.

    Objecting to matching also stops the worker's job-matching permission, at once.
    """
    require_self(actor, worker)
    if kind not in RestrictionKind.values:
        raise DomainError(_("There is no such choice."), code="restriction_unknown")
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=worker.pk).first()  # two taps at once: one row
        live = Restriction.objects.filter(worker=worker, kind=kind, ended_at__isnull=True).first()
        if not on:
            if live is not None:
                live.ended_at = timezone.now()
                live.ended_by = actor
                live.save(update_fields=["ended_at", "ended_by", "modified_at"])
            return None
        if live is None:
            live = Restriction.objects.create(
                worker=worker, kind=kind, correction=correction, created_by=actor
            )
        if kind == RestrictionKind.OBJECT_MATCHING:
            for consent in Consent.objects.filter(
                worker=worker, purpose="job_matching", withdrawn_at__isnull=True
            ):
                consent_withdraw(actor=actor, consent=consent, method=method)
    return live
