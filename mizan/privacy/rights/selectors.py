"""Reads of the data-rights app. The worker's own records (only they may read them), legal holds, and the
staff's view of open correction requests (superusers; each read of a request's text is access-recorded)."""

from __future__ import annotations

import datetime
from uuid import UUID

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.accounts.permissions import require
from mizan.accounts.phones import normalise
from mizan.common.errors import NotFound, PermissionDenied
from mizan.privacy.consent.access import require_access
from mizan.privacy.rights.models import CorrectionRequest, Erasure, LegalHold, Restriction, RestrictionKind
from mizan.privacy.rights.permissions import HANDLE_REQUESTS, MANAGE_HOLDS

ONLY_THE_WORKER = _("Only the worker can see and use their own data rights here.")


def require_self(actor: User | None, worker: User) -> None:
    if (
        actor is None
        or not actor.is_authenticated
        or not actor.is_active
        or not actor.is_worker
        or actor.pk != worker.pk
    ):
        raise PermissionDenied(ONLY_THE_WORKER)


# --- Legal holds --------------------------------------------------------------------------------------


def _active(day: datetime.date) -> Q:
    return Q(released_at__isnull=True) & (Q(until__isnull=True) | Q(until__gte=day))


def active_holds(worker: User, *, today: datetime.date | None = None) -> list[LegalHold]:
    """The worker's legal holds in force today (no actor: used by services and other apps' purgers)."""
    day = today or timezone.localdate()
    return list(LegalHold.objects.filter(worker=worker).filter(_active(day)).order_by("created_at"))


def held_categories(worker: User, *, today: datetime.date | None = None) -> frozenset[str]:
    """The data categories that legal holds require Mizan to keep for ``worker`` today."""
    return frozenset(code for hold in active_holds(worker, today=today) for code in hold.categories)


def holds_of(*, actor: User, worker: User) -> list[LegalHold]:
    """The worker's own holds, active first then ended, for their pages and export."""
    require_self(actor, worker)
    today = timezone.localdate()
    holds = list(LegalHold.objects.filter(worker=worker).order_by("-created_at"))
    return sorted(holds, key=lambda hold: not hold.is_active_on(today))


def holds_for_staff(*, actor: User) -> QuerySet[LegalHold]:
    require(actor, MANAGE_HOLDS)
    return LegalHold.objects.filter(_active(timezone.localdate())).order_by("-created_at")


def hold_for_staff(*, actor: User, hold_id: UUID) -> LegalHold:
    require(actor, MANAGE_HOLDS)
    found = LegalHold.objects.filter(id=hold_id).select_related("worker").first()
    if found is None:
        raise NotFound(_("There is no such legal hold."))
    return found


# --- Restrictions -------------------------------------------------------------------------------------


def restrictions_of(*, actor: User, worker: User) -> QuerySet[Restriction]:
    require_self(actor, worker)
    return Restriction.objects.filter(worker=worker).order_by("-started_at")


def restriction_state(*, actor: User, worker: User) -> dict[str, Restriction | None]:
    """Each kind of restriction and the one in force now (or None)."""
    live = {r.kind: r for r in restrictions_of(actor=actor, worker=worker).filter(ended_at__isnull=True)}
    return {kind.value: live.get(kind.value) for kind in RestrictionKind}


# --- Correction requests ------------------------------------------------------------------------------


def corrections_of(*, actor: User, worker: User) -> QuerySet[CorrectionRequest]:
    require_self(actor, worker)
    return CorrectionRequest.objects.filter(worker=worker).order_by("-created_at")


def open_corrections_for_staff(*, actor: User) -> QuerySet[CorrectionRequest]:
    """Open requests, oldest first; no personal data (the texts are opened one at a time)."""
    require(actor, HANDLE_REQUESTS)
    return CorrectionRequest.objects.filter(status=CorrectionRequest.Status.OPEN).order_by("created_at")


def correction_for_staff(*, actor: User, request_id: UUID) -> CorrectionRequest:
    """One request, to read its texts: recorded as a read of the worker's data (purpose "account")."""
    require(actor, HANDLE_REQUESTS)
    found = CorrectionRequest.objects.filter(id=request_id).select_related("worker").first()
    if found is None:
        raise NotFound(_("There is no such correction request."))
    require_access(
        actor=actor,
        worker=found.worker,
        purpose="account",
        categories=["identity", "contact"],
        reference=f"correction:{found.id}",
    )
    return found


def correction_to_answer(*, actor: User, request_id: UUID) -> CorrectionRequest:
    """One request, to close it (its texts are not opened, so nothing is recorded)."""
    require(actor, HANDLE_REQUESTS)
    found = CorrectionRequest.objects.filter(id=request_id).first()
    if found is None:
        raise NotFound(_("There is no such correction request."))
    return found


def worker_by_phone(*, actor: User, phone: str, action: str) -> User:
    """The worker account with this sign-in phone, for staff acting on a request the worker made."""
    require(actor, action)
    found = User.objects.filter(phone=normalise(phone), kind=User.Kind.WORKER).first()
    if found is None:
        raise NotFound(_("No worker signs in with this phone number."), code="worker_not_found")
    return found


# --- Erasure ------------------------------------------------------------------------------------------


def erasure_of(worker: User) -> Erasure | None:
    return Erasure.objects.filter(worker=worker).first()
