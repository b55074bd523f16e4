"""The worker shares their time log with an employer; the employer co-signs a period or disputes it.

Sharing is the worker's own act, for one employer, stopped at any time with one tap; both are written to
the ledger. It is deliberately *not* the ``contract`` purpose's relationship check (which hiring will
need for signed contracts, and which would open every ``contract`` category to the employer): it opens
only this log, only to that employer's admins and hiring managers (``wages.review_shared``), see
selectors/shared.py and docs/wages-app.md.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import require
from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.privacy.ledger import ledger_append
from mizan.wages.models import EmployerReview, EventKind, ReviewOutcome, Sharing
from mizan.wages.periods import Period
from mizan.wages.timeline import Entry

VERSION_MAX = 200  # entries in an employer's version of a period


def _own(actor: User, worker: User) -> None:
    if not actor.is_authenticated or actor.pk != worker.pk or not worker.is_worker:
        raise PermissionDenied(_("Only the worker can decide who sees their time log."))


def sharing_give(*, actor: User, worker: User, organisation: Organisation) -> Sharing:
    """Let ``organisation`` (an employer) see the worker's time log, from now until the worker stops."""
    _own(actor, worker)
    if organisation.kind != Organisation.Kind.EMPLOYER:
        raise DomainError(_("You can share your time log only with an employer."), code="not_an_employer")
    try:
        with transaction.atomic():
            sharing = Sharing.objects.create(
                worker=worker, organisation=organisation, given_at=timezone.now(), created_by=actor
            )
            ledger_append(
                kind="wages.shared",
                subject=f"wage_sharing:{sharing.pk}",
                data={"organisation": str(organisation.pk)},
            )
    except IntegrityError as error:
        raise DomainError(
            _("You already share your time log with this employer."), code="already_shared"
        ) from error
    return sharing


def sharing_withdraw(*, actor: User, sharing: Sharing) -> Sharing:
    """Stop sharing, at once. Reviews the employer made stay, as a record of what happened."""
    _own(actor, sharing.worker)
    with transaction.atomic():
        locked = Sharing.objects.select_for_update().get(pk=sharing.pk)
        if locked.withdrawn_at is not None:
            raise DomainError(_("You already stopped sharing with this employer."), code="already_stopped")
        locked.withdrawn_at = timezone.now()
        locked.save(update_fields=["withdrawn_at", "modified_at"])
        ledger_append(kind="wages.unshared", subject=f"wage_sharing:{locked.pk}", data={})
    return locked


def live_sharing(*, worker: User, organisation: Organisation) -> Sharing | None:
    return Sharing.objects.filter(worker=worker, organisation=organisation, withdrawn_at__isnull=True).first()


def entries_fingerprint(entries: list[Entry]) -> tuple[str, list[str]]:
    """SHA-256 of the entries as they stand (ids, kinds, times), and their ids: what a review fixes."""
    rows = [
        [str(e.id), e.kind, e.starts_at.isoformat(), e.ends_at.isoformat() if e.ends_at else None]
        for e in sorted(entries, key=lambda e: (e.starts_at, str(e.id)))
    ]
    text = json.dumps(rows, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest(), [row[0] for row in rows if isinstance(row[0], str)]


def clean_version(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The employer's version: [{"kind", "starts_at", "ends_at"}] with known kinds and ISO times."""
    if len(rows) > VERSION_MAX:
        raise DomainError(_("Write at most 200 entries."), code="version_too_long")
    cleaned = []
    for row in rows:
        kind, starts, ends = row.get("kind"), row.get("starts_at"), row.get("ends_at")
        if kind not in EventKind.values or not starts or not ends:
            raise DomainError(
                _("Each of your entries needs a kind, a start and an end."), code="version_invalid"
            )
        cleaned.append({"kind": str(kind), "starts_at": str(starts), "ends_at": str(ends)})
    return cleaned


def review_record(
    *,
    actor: User,
    organisation: Organisation,
    worker: User,
    period: Period,
    entries: list[Entry],
    outcome: str,
    employer_version: list[dict[str, Any]] | None = None,
    comment: str = "",
) -> EmployerReview:
    """The employer co-signs the worker's entries of ``period`` as they stand, or disputes them and gives
    its own version. Both are kept; the worker sees both."""
    require(actor, "wages.review_shared", organisation)
    if live_sharing(worker=worker, organisation=organisation) is None:
        raise NotFound(_("This worker does not share their time log with you."), code="not_shared")
    if outcome not in ReviewOutcome.values:
        raise DomainError(_("Choose to sign or to disagree."), code="outcome_unknown")
    version = clean_version(employer_version or [])
    if outcome == ReviewOutcome.DISPUTED and not (version or comment.strip()):
        raise DomainError(
            _("Say what is wrong, or give your version of the entries."), code="dispute_needs_reason"
        )
    digest, ids = entries_fingerprint(entries)
    with transaction.atomic():
        review = EmployerReview(
            worker=worker,
            organisation=organisation,
            reviewed_by=actor,
            period=period.key,
            outcome=outcome,
            entries_hash=digest,
            entry_ids=ids,
            ledger_seq=0,
            created_by=actor,
        )
        review.employer_version = json.dumps(version) if version else ""
        review.comment = comment.strip()[:2000]
        entry = ledger_append(
            kind="wages.reviewed",
            subject=f"wage_review:{review.pk}",
            data={"outcome": outcome, "entries": digest, "organisation": str(organisation.pk)},
        )
        review.ledger_seq = entry.seq
        review.save()
    return review
