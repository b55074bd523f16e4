"""The access guard: the ONE way to read a worker's personal data on behalf of someone else.

Every selector that returns a worker's personal data to anyone but that worker calls::

    grant = require_access(
        actor=request_user, worker=worker, purpose="recruitment",
        categories=["identity", "skills_experience"], organisation=agency,
    )

It checks, in order: (a) the purpose exists and allows those kinds of data (and names a case or inspection
when it must); (b) the actor holds, in that organisation, a role the purpose lets read (a permission
action in mizan.accounts.permissions); (c) the worker's consent to the current notice, the relationship
an organisation-bound purpose needs, and any restriction the worker asked for (``processing_allowed``).
Then it writes an AccessRecord: granted, or refused with a reason code before raising PermissionDenied.
The worker reading their own data passes and records nothing.

A refused read is recorded in the caller's transaction: call the guard before ``transaction.atomic()``
(views and selectors normally run in autocommit), or a rollback of the caller's work takes the record
with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import can, organisations_for
from mizan.accounts.selectors import memberships_of
from mizan.common.errors import PermissionDenied
from mizan.privacy.consent import reasons
from mizan.privacy.consent.models import AccessRecord
from mizan.privacy.consent.purposes import CATEGORIES, PURPOSES, Purpose
from mizan.privacy.consent.selectors import processing_refusals

PURPOSE_MAX = AccessRecord._meta.get_field("purpose").max_length or 40
REFERENCE_MAX = AccessRecord._meta.get_field("reference").max_length or 120


@dataclass(frozen=True)
class AccessGrant:
    """Proof that ``actor`` may read ``categories`` of ``worker_id``'s data for ``purpose``, now."""

    worker_id: UUID
    actor_id: UUID
    purpose: str
    categories: frozenset[str]
    organisation_id: UUID | None
    record_id: UUID | None  # None when a worker reads their own data (nothing is recorded)

    def covers(self, category: str) -> bool:
        return category in self.categories


@dataclass(frozen=True)
class AccessBatch:
    """The outcome of ``require_access_many``: who may be read, and who not (worker id -> reason code)."""

    granted: Mapping[UUID, AccessGrant] = field(default_factory=dict)
    refused: Mapping[UUID, str] = field(default_factory=dict)

    def allows(self, worker_id: UUID) -> bool:
        return worker_id in self.granted


def _normalise(categories: Iterable[str]) -> list[str]:
    return sorted({str(c)[:40] for c in categories})


def _reader_refusal(*, purpose: Purpose | None, categories: list[str], reference: str) -> str | None:
    """Why nobody's data may be read by this request, whatever the worker (or None)."""
    if purpose is None:
        return reasons.UNKNOWN_PURPOSE
    if not categories:
        return reasons.NO_CATEGORIES
    if any(code not in CATEGORIES or code not in purpose.categories for code in categories):
        return reasons.CATEGORY_NOT_ALLOWED
    if not purpose.readable:
        return reasons.NOT_READABLE
    if purpose.needs_reference and not reference:
        return reasons.REFERENCE_NEEDED
    return None


def _acting_for(
    *, actor: User, purpose: Purpose, organisation: Organisation | None
) -> tuple[Organisation | None, str | None]:
    """The organisation the actor reads for, and a reason code when their role does not allow it."""
    if organisation is not None:
        return organisation, None if can(actor, purpose.action, organisation) else reasons.ROLE_NOT_ALLOWED
    if purpose.organisation_bound:
        return None, reasons.NO_ORGANISATION
    if actor.is_superuser:
        return None, None  # the instance's operators, acting for Mizan itself
    candidates = list(organisations_for(actor, purpose.action)[:2]) if purpose.readers else []
    if not candidates:
        return _only_organisation(actor), reasons.ROLE_NOT_ALLOWED
    if len(candidates) > 1:
        return None, reasons.ORGANISATION_AMBIGUOUS
    return candidates[0], None


def _only_organisation(actor: User) -> Organisation | None:
    """The actor's organisation when they act for just one, so a refusal tells the worker who tried."""
    found = [m.organisation for m in memberships_of(actor=actor)[:2]]
    return found[0] if len(found) == 1 else None


def require_access_many(
    *,
    actor: User,
    workers: Sequence[User],
    purpose: str,
    categories: Sequence[str],
    organisation: Organisation | None = None,
    reference: str = "",
) -> AccessBatch:
    """The guard for many workers at once (a shortlist): a fixed number of queries, one bulk insert.

    A refusal that concerns the reader (purpose, kinds of data, role, organisation) refuses everyone: all
    are recorded, then PermissionDenied is raised. Refusals that concern one worker (no consent, a
    restriction) are recorded and returned in ``refused``; the others are in ``granted``.
    """
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied(_("Sign in to see a worker's data."))
    wanted = _normalise(categories)
    reference = reference.strip()[:REFERENCE_MAX]
    found = PURPOSES.get(purpose)
    others = list({w.pk: w for w in workers if w.pk != actor.pk}.values())
    own = [w for w in workers if w.pk == actor.pk]

    refusal = _reader_refusal(purpose=found, categories=wanted, reference=reference)
    acting_for = organisation
    if refusal is None and found is not None and others:
        acting_for, refusal = _acting_for(actor=actor, purpose=found, organisation=organisation)

    refused: dict[UUID, str] = {}
    if refusal is not None:
        refused = {w.pk: refusal for w in others}
    elif found is not None:
        workers_only = [w.pk for w in others if w.is_worker]
        refused = {w.pk: reasons.NOT_A_WORKER for w in others if not w.is_worker}
        refused.update(processing_refusals(worker_ids=workers_only, purpose=found, organisation=acting_for))

    now = timezone.now()
    records = [
        AccessRecord(
            worker_id=w.pk,
            actor=actor,
            organisation=acting_for,
            purpose=purpose[:PURPOSE_MAX],
            categories=wanted,
            outcome=AccessRecord.Outcome.REFUSED if w.pk in refused else AccessRecord.Outcome.GRANTED,
            reason=refused.get(w.pk, ""),
            at=now,
            reference=reference,
        )
        for w in others
    ]
    if records:
        AccessRecord.objects.bulk_create(records)
    if refusal is not None and others:
        raise PermissionDenied(reasons.to_reader(refusal), code=refusal)

    granted = {
        r.worker_id: AccessGrant(
            worker_id=r.worker_id,
            actor_id=actor.pk,
            purpose=purpose,
            categories=frozenset(wanted),
            organisation_id=acting_for.pk if acting_for else None,
            record_id=r.id,
        )
        for r in records
        if r.is_granted
    }
    for worker in own:
        granted[worker.pk] = _own_grant(actor=actor, purpose=purpose, categories=wanted)
    return AccessBatch(granted=granted, refused=refused)


def _own_grant(*, actor: User, purpose: str, categories: list[str]) -> AccessGrant:
    return AccessGrant(
        worker_id=actor.pk,
        actor_id=actor.pk,
        purpose=purpose,
        categories=frozenset(categories),
        organisation_id=None,
        record_id=None,
    )


def require_access(
    *,
    actor: User,
    worker: User,
    purpose: str,
    categories: Sequence[str],
    organisation: Organisation | None = None,
    reference: str = "",
) -> AccessGrant:
    """May ``actor`` read ``categories`` of ``worker``'s data for ``purpose``? Records the answer.

    Returns an AccessGrant, or records the refusal and raises PermissionDenied (its ``code`` is the reason).
    """
    if actor.is_authenticated and actor.pk == worker.pk:
        return _own_grant(actor=actor, purpose=purpose, categories=_normalise(categories))
    batch = require_access_many(
        actor=actor,
        workers=[worker],
        purpose=purpose,
        categories=categories,
        organisation=organisation,
        reference=reference,
    )
    if worker.pk in batch.refused:
        code = batch.refused[worker.pk]
        raise PermissionDenied(reasons.to_reader(code), code=code)
    return batch.granted[worker.pk]
