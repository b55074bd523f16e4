"""Reading a worker's time log as someone else: an employer the worker shares it with, and anonymous
counts for labour inspectors.

An employer's read needs all of: the reader's role (``wages.review_shared``) in that employer, the
worker's live sharing with it, and no restriction the worker asked for (the data-rights restrictions
registered with the consent app, asked for the ``contract`` purpose, whose data this is). Each read is
recorded (``SharedLogRead``) and shown to the worker on the sharing page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import organisations_for, require
from mizan.common.errors import NotFound, PermissionDenied
from mizan.privacy.consent import hooks
from mizan.privacy.consent.purposes import PURPOSES
from mizan.wages.models import EmployerReview, SharedLogRead, Sharing
from mizan.wages.periods import Period
from mizan.wages.selectors.log import LogView, build_log_view, workplace_zone


def reviewing_organisations(*, actor: User) -> QuerySet[Organisation]:
    return organisations_for(actor, "wages.review_shared").filter(kind=Organisation.Kind.EMPLOYER)


def shared_with(*, actor: User, organisation: Organisation) -> list[Sharing]:
    """The live sharings with ``organisation`` (who shares, since when). Names only: no hours here."""
    require(actor, "wages.review_shared", organisation)
    return list(
        Sharing.objects.filter(organisation=organisation, withdrawn_at__isnull=True)
        .select_related("worker")
        .order_by("-given_at")
    )


def _restricted(worker: User, organisation: Organisation) -> bool:
    purpose = PURPOSES["contract"]
    return any(
        worker.pk in check([worker.pk], purpose, organisation) for check in hooks.RESTRICTIONS.values()
    )


@dataclass
class SharedLog:
    sharing: Sharing
    view: LogView
    reviews: list[EmployerReview]


def shared_log(
    *, actor: User, organisation: Organisation, worker: User, period: Period, now: dt.datetime | None = None
) -> SharedLog:
    """The worker's entries of ``period`` for an employer they share with; the read is recorded."""
    require(actor, "wages.review_shared", organisation)
    sharing = Sharing.objects.filter(
        worker=worker, organisation=organisation, withdrawn_at__isnull=True
    ).first()
    if sharing is None or not worker.is_active:
        raise NotFound(_("This worker does not share their time log with you."), code="not_shared")
    if _restricted(worker, organisation):
        raise PermissionDenied(_("This worker asked Mizan not to use their data for now."), code="restricted")
    SharedLogRead.objects.create(
        worker=worker, organisation=organisation, reader=actor, period=period.key, at=timezone.now()
    )
    view = build_log_view(
        worker=worker, first=period.first, last=period.last, now=now, zone=workplace_zone(worker)
    )
    reviews = list(
        EmployerReview.objects.filter(worker=worker, organisation=organisation, period=period.key).order_by(
            "-created_at"
        )
    )
    return SharedLog(sharing, view, reviews)


def reads_of(*, actor: User, worker: User, limit: int = 20) -> list[SharedLogRead]:
    """Who at an employer looked at the worker's log, newest first (the worker's own page)."""
    if actor.pk != worker.pk:
        raise PermissionDenied(_("Only the worker can see this."))
    return list(SharedLogRead.objects.filter(worker=worker).select_related("organisation", "reader")[:limit])
