"""Reads: may this worker's data be used for this purpose, and what the worker sees of their own records.

``processing_allowed`` (and ``processing_refusals`` for many workers at once) is THE one place that decides
whether a worker's data may be processed for a purpose: consent (to the current notice), the relationship
an organisation-bound purpose needs, and the restrictions the worker asked for (see hooks.py). Machines
(the matching index, statistics) ask it before they process; people reading data go through
``access.require_access``, which asks it too and records the read.
"""

from __future__ import annotations

from collections.abc import Collection
from uuid import UUID

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.common.errors import NotFound, PermissionDenied
from mizan.privacy.consent import hooks, reasons
from mizan.privacy.consent.models import AccessRecord, Consent
from mizan.privacy.consent.purposes import PURPOSES, Purpose

ONLY_WORKERS = _("Only workers can do this: it is about a worker's own data.")


def _live_consents(purpose: Purpose, organisation: Organisation | None) -> QuerySet[Consent]:
    return Consent.objects.filter(
        purpose=purpose.code,
        organisation=organisation,
        notice_version=purpose.notice_version,
        withdrawn_at__isnull=True,
    )


def has_consent(*, worker: User, purpose: str, organisation: Organisation | None = None) -> bool:
    """Has ``worker`` agreed to the current notice of ``purpose`` (for ``organisation``) and not stopped?"""
    found = PURPOSES.get(purpose)
    if found is None or not found.needs_consent or found.organisation_bound != (organisation is not None):
        return False
    return _live_consents(found, organisation).filter(worker=worker).exists()


def processing_refusals(
    *, worker_ids: Collection[UUID], purpose: Purpose, organisation: Organisation | None = None
) -> dict[UUID, str]:
    """The workers whose data may NOT be processed for ``purpose``, each with a reason code (bulk).

    One query for consents, one per relationship or restriction check; nothing per worker.
    """
    ids = set(worker_ids)
    refused: dict[UUID, str] = {}
    if not ids:
        return refused
    if purpose.needs_consent:
        if purpose.organisation_bound and organisation is None:
            return dict.fromkeys(ids, reasons.NO_CONSENT)
        scope = organisation if purpose.organisation_bound else None
        agreed = set(
            _live_consents(purpose, scope).filter(worker_id__in=ids).values_list("worker_id", flat=True)
        )
        refused.update(dict.fromkeys(ids - agreed, reasons.NO_CONSENT))
    elif purpose.organisation_bound:
        check = hooks.RELATIONSHIPS.get(purpose.code)
        related = set(check(ids, organisation)) if check is not None and organisation is not None else set()
        refused.update(dict.fromkeys(ids - related, reasons.NO_RELATIONSHIP))
    remaining = ids - refused.keys()
    for check_restriction in hooks.RESTRICTIONS.values():
        if not remaining:
            break
        for worker_id, code in check_restriction(remaining, purpose, organisation).items():
            if worker_id in remaining:
                refused[worker_id] = code or reasons.RESTRICTED
        remaining = ids - refused.keys()
    return refused


def processing_allowed(*, worker: User, purpose: str, organisation: Organisation | None = None) -> bool:
    """May ``worker``'s data be processed for ``purpose`` (by ``organisation``)? The one place to ask."""
    found = PURPOSES.get(purpose)
    if found is None or not worker.is_worker:
        return False
    return not processing_refusals(worker_ids=[worker.id], purpose=found, organisation=organisation)


def workers_allowed(
    *, worker_ids: Collection[UUID], purpose: str, organisation: Organisation | None = None
) -> set[UUID]:
    """Of ``worker_ids``, those whose data may be processed for ``purpose`` (e.g. the matching index)."""
    found = PURPOSES.get(purpose)
    if found is None:
        return set()
    ids = set(worker_ids)
    return ids - processing_refusals(worker_ids=ids, purpose=found, organisation=organisation).keys()


# --- The worker's own view ------------------------------------------------------------------------------


def require_worker(actor: User) -> None:
    """403 for anyone but a signed-in worker: these reads are about one's own data."""
    if not actor.is_authenticated or not actor.is_worker:
        raise PermissionDenied(ONLY_WORKERS)


def consents_of(*, actor: User) -> QuerySet[Consent]:
    """The actor's own consents, newest first, withdrawn ones included."""
    require_worker(actor)
    return Consent.objects.filter(worker=actor).select_related("organisation").order_by("-given_at")


def consent_of(*, actor: User, consent_id: UUID) -> Consent:
    """One of the actor's own consents; someone else's is "not found", so nothing is revealed."""
    require_worker(actor)
    found = Consent.objects.filter(worker=actor, id=consent_id).select_related("organisation").first()
    if found is None:
        raise NotFound(_("There is no such permission."))
    return found


def is_current(consent: Consent) -> bool:
    """Given to the notice in force now (an older notice's consent no longer counts)."""
    purpose = PURPOSES.get(consent.purpose)
    return purpose is not None and consent.notice_version == purpose.notice_version


def access_records_of(*, actor: User) -> QuerySet[AccessRecord]:
    """Every read of the actor's data by others, granted and refused, newest first."""
    require_worker(actor)
    return (
        AccessRecord.objects.filter(worker=actor)
        .select_related("actor", "organisation")
        .order_by("-at", "-id")
    )


def organisation_for_consent(*, organisation_id: UUID) -> Organisation:
    found = Organisation.objects.filter(id=organisation_id).first()
    if found is None:
        raise NotFound(_("There is no such organisation."))
    return found
