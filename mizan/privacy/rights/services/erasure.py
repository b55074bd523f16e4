"""Erasure of a worker's account, keeping exactly what legal holds require, and finishing it later.

How (docs/privacy/rights.md): consents are stopped, sessions ended, every registered eraser deletes what
no hold keeps and reads what a hold keeps; then the worker's data key is destroyed (crypto-shredding: what
was sealed for them, in the database and in every backup, can never be read again); then what holds keep
is sealed again under a fresh key. The account row becomes a tombstone without phone or name. When holds
end (``legal_hold_release`` or the daily purge), ``erasure_continue`` repeats the same steps with what is
still held, and finally destroys the fresh key too.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import OneTimeCode, User
from mizan.accounts.permissions import can
from mizan.accounts.services import user_sign_out_everywhere
from mizan.common.errors import DomainError, PermissionDenied
from mizan.common.languages import DEFAULT
from mizan.privacy import vault
from mizan.privacy.consent.models import Consent, Method
from mizan.privacy.consent.services import consent_withdraw
from mizan.privacy.ledger import hash_for, ledger_append
from mizan.privacy.rights.categories import ledger_value
from mizan.privacy.rights.models import Erasure, ErasureBy, ErasureStatus
from mizan.privacy.rights.permissions import ERASE_FOR_WORKER
from mizan.privacy.rights.registry import ERASERS, Restore
from mizan.privacy.rights.selectors import active_holds, held_categories
from mizan.privacy.vault.errors import VaultError

logger = logging.getLogger(__name__)

# The verified request staff act on: a ticket number, not a name or phone number.
REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9._:/-]{3,80}$")
# The account row's own personal data, and the category a hold must keep for it to survive.
ACCOUNT_FIELDS = {"phone": "contact", "name": "identity"}


class AlreadyErased(DomainError):
    status = 409
    code = "already_erased"


def tombstone_email(worker: User) -> str:
    """The account row needs a phone or an email: a reserved-domain address (RFC 2606) that names no one
    and can never receive mail."""
    return f"erased-{worker.pk.hex}@erased.invalid"


def _erased_by(actor: User | None, worker: User, reference: str) -> str:
    if actor is None:
        return ErasureBy.RETENTION
    if actor.pk == worker.pk:
        if not actor.is_active or not actor.is_worker:
            raise PermissionDenied(_("Only the worker can close their own account."))
        return ErasureBy.WORKER
    if not can(actor, ERASE_FOR_WORKER):
        raise PermissionDenied(
            _("Only the worker, or Mizan staff acting on the worker's checked request, can erase an account.")
        )
    if not REFERENCE_PATTERN.match(reference):
        raise DomainError(
            _("Give the reference of the worker's checked request (letters, numbers and - _ / . : only)."),
            code="reference_needed",
        )
    return ErasureBy.STAFF


def _pass(worker: User, keep: frozenset[str]) -> None:
    """Delete what is not kept, destroy the data key, seal what is kept under a fresh key."""
    restores: list[Restore] = []
    for eraser in ERASERS.values():
        restore = eraser(worker=worker, keep=keep)
        if restore is not None:
            restores.append(restore)
    vault.shred(worker)
    for restore in restores:
        restore()


def _held_account(values: dict[str, Any], keep: frozenset[str]) -> str:
    kept = {name: value for name, value in values.items() if value and ACCOUNT_FIELDS[name] in keep}
    return json.dumps(kept, sort_keys=True) if kept else ""


def _tombstone(worker: User) -> None:
    worker.phone = None
    worker.email = tombstone_email(worker)
    worker.display_name = ""
    worker.pin_hash = ""
    worker.set_unusable_password()
    worker.is_active = False
    worker.last_login = None
    worker.preferred_language = DEFAULT
    worker.save()


def worker_erase(*, actor: User | None, worker: User, reference: str = "") -> Erasure:
    """Erase ``worker``'s account: the worker themself, Mizan staff on the worker's verified request
    (``reference`` names it), or None for the retention rule on accounts unused for years.

    Keeps exactly the data categories active legal holds require (sealed anew) and erases the rest. Raises
    PermissionDenied, DomainError (``not_a_worker``, ``reference_needed``) or AlreadyErased (409).
    """
    reference = (reference or "").strip()
    by = _erased_by(actor, worker, reference)
    if not worker.is_worker:
        raise DomainError(_("Only a worker's account can be erased here."), code="not_a_worker")
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=worker.pk).first()
        if Erasure.objects.filter(worker=worker).exists():
            raise AlreadyErased(_("This account was already erased."))
        holds = active_holds(worker)
        keep = frozenset(code for hold in holds for code in hold.categories)
        stopper = actor if actor is not None else worker  # no person acted: stopped in the worker's name
        for consent in Consent.objects.filter(worker=worker, withdrawn_at__isnull=True):
            consent_withdraw(actor=stopper, consent=consent, method=Method.WEB)
        user_sign_out_everywhere(actor=worker)
        phone = worker.phone
        account = _held_account({"phone": phone, "name": worker.display_name}, keep)
        _pass(worker, keep)
        now = timezone.now()
        erasure = Erasure.objects.create(
            worker=worker,
            by=by,
            reference=reference if by == ErasureBy.STAFF else "",
            status=ErasureStatus.HELD if keep else ErasureStatus.DONE,
            categories_held=sorted(keep),
            done_at=None if keep else now,
            created_by=actor,
        )
        if account:
            erasure.held_account = account  # sealed now, under the fresh key
            erasure.save(update_fields=["held_account", "modified_at"])
        _tombstone(worker)
        if phone:
            OneTimeCode.objects.filter(phone=phone).delete()
        ledger_append(
            kind="erasure.done",
            subject=f"erasure:{erasure.id}",
            data={
                "worker": str(worker.pk),
                "by": by,
                "request": hash_for(reference) if reference and by == ErasureBy.STAFF else None,
                "held": ledger_value(keep),
                "holds": len(holds),
                "complete": not keep,
            },
        )
    return erasure


def erasure_continue(*, erasure: Erasure, today: datetime.date | None = None) -> str:
    """Erase what legal holds no longer keep (on ``today``): ``"unchanged"``, ``"narrowed"`` or
    ``"finished"``."""
    with transaction.atomic():
        locked = Erasure.objects.select_for_update().filter(pk=erasure.pk).first()
        if locked is None or locked.status == ErasureStatus.DONE or locked.worker is None:
            return "unchanged"
        worker = locked.worker
        keep = held_categories(worker, today=today)
        if keep and keep == frozenset(locked.categories_held):
            return "unchanged"
        values: dict[str, Any] = {}
        try:
            values = json.loads(locked.held_account or "{}")
        except (VaultError, ValueError) as error:
            logger.warning("erasure %s: the kept account data could not be read (%s)", locked.pk, error)
        account = _held_account(values, keep)
        _pass(worker, keep)
        locked.held_account = account
        locked.categories_held = sorted(keep)
        if not keep:
            locked.status = ErasureStatus.DONE
            locked.done_at = timezone.now()
        locked.save()
        ledger_append(
            kind="erasure.updated",
            subject=f"erasure:{locked.id}",
            data={"held": ledger_value(keep), "complete": not keep},
        )
        erasure.refresh_from_db()
    return "finished" if not keep else "narrowed"
