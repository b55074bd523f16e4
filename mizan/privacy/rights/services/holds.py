"""Legal holds: placing one (a duty to keep some of a worker's data) and releasing it."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.accounts.permissions import require
from mizan.common.errors import DomainError
from mizan.privacy.ledger import hash_for, ledger_append
from mizan.privacy.rights.categories import is_holdable, ledger_value
from mizan.privacy.rights.models import Erasure, HoldReason, LegalHold
from mizan.privacy.rights.permissions import MANAGE_HOLDS

# An id, not a sentence: "case:6f1c…", "contract:…", "order:HK-LD-2025-117".
SOURCE_PATTERN = re.compile(r"^[a-z][a-z_]*:[A-Za-z0-9._:/-]{1,100}$")


class HoldAlreadyReleased(DomainError):
    status = 409
    code = "already_released"


def legal_hold_place(
    *,
    actor: User | None,
    worker: User,
    reason: str,
    categories: Iterable[str],
    source_reference: str,
    until: datetime.date | None = None,
) -> LegalHold:
    """Keep ``categories`` of ``worker``'s data for ``reason`` until ``until`` (open-ended when None).

    ``actor`` is the person placing it (Mizan's operators by default, see permissions.py), or None when
    another app's own rule places it (a case opening); the ledger records which.
    """
    if actor is not None:
        require(actor, MANAGE_HOLDS)
    if not worker.is_worker:
        raise DomainError(_("Legal holds are placed on workers' data only."), code="not_a_worker")
    if reason not in HoldReason.values:
        raise DomainError(_("Choose why the data must be kept."), code="reason_unknown")
    codes = sorted(set(categories))
    if not codes:
        raise DomainError(_("Choose which data must be kept."), code="categories_missing")
    unknown = [code for code in codes if not is_holdable(code)]
    if unknown:
        raise DomainError(
            _("Unknown kind of data: %(codes)s."), code="category_unknown", codes=", ".join(unknown)
        )
    source = (source_reference or "").strip()
    if not SOURCE_PATTERN.match(source):
        raise DomainError(
            _("Give what requires it as a reference such as case:1234 or order:HK-2025-17 (no names)."),
            code="source_reference_invalid",
        )
    if until is not None and until < timezone.localdate():
        raise DomainError(_("The end date is in the past."), code="until_past")
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=worker.pk).first()
        if Erasure.objects.filter(worker=worker).exists():
            # The erasure already destroyed what was not held; nothing is left to keep.
            raise DomainError(
                _("This worker's account was already erased. A hold can no longer keep anything."),
                code="already_erased",
            )
        hold = LegalHold.objects.create(
            worker=worker,
            reason=reason,
            categories=codes,
            source_reference=source,
            until=until,
            created_by=actor,
        )
        ledger_append(
            kind="legal_hold.placed",
            subject=f"legal_hold:{hold.id}",
            data={
                "worker": str(worker.id),
                "reason": reason,
                "categories": ledger_value(codes),
                "source": hash_for(source),
                "open_ended": until is None,
                "by": "staff" if actor is not None else "system",
            },
        )
    return hold


def legal_hold_release(*, actor: User | None, hold: LegalHold) -> LegalHold:
    """End a hold now. If the worker's account was erased, what the hold kept is erased at once (unless
    another hold still keeps it)."""
    from mizan.privacy.rights.services.erasure import erasure_continue

    if actor is not None:
        require(actor, MANAGE_HOLDS)
    with transaction.atomic():
        locked = LegalHold.objects.select_for_update().filter(pk=hold.pk).first()
        if locked is None or locked.released_at is not None:
            raise HoldAlreadyReleased(_("This legal hold was already released."))
        locked.released_at = timezone.now()
        locked.released_by = actor
        locked.save(update_fields=["released_at", "released_by", "modified_at"])
        ledger_append(
            kind="legal_hold.released",
            subject=f"legal_hold:{locked.id}",
            data={"by": "staff" if actor is not None else "system"},
        )
        erasure = Erasure.objects.filter(worker_id=locked.worker_id, status=Erasure.Status.HELD).first()
        if erasure is not None:
            erasure_continue(erasure=erasure)
    return locked
