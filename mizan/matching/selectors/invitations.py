"""Invitations to apply, as the worker sees them (their own) and as a vacancy's recruiters see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.countries import country_name
from mizan.common.errors import NotFound, PermissionDenied
from mizan.matching.hirers import Actor, hirer_for
from mizan.matching.models import CandidateHandle, Invitation
from mizan.taxonomy.selectors import occupation_titles
from mizan.vacancies.models import Vacancy

NO_INVITATION = _("There is no such invitation.")


@dataclass(frozen=True)
class InvitationItem:
    id: UUID
    vacancy_id: UUID
    title: str  # the employer's own words
    occupation: str  # the kind of work, in the reader's language
    employer: str
    organisation: str  # who invited
    destination: str  # country name
    start_date: dt.date
    reason: str  # the recruiter's words: why they invite the worker
    status: str
    status_label: str
    created_at: dt.datetime
    answered_at: dt.datetime | None
    is_open: bool
    job_on_board: bool  # the job is still on the job board


def _require_worker(actor: User) -> None:
    if not (actor.is_authenticated and actor.is_active and actor.is_worker):
        raise PermissionDenied(_("Only the worker can see their invitations."))


def invitations_for(*, actor: User) -> list[InvitationItem]:
    """The worker's own invitations, newest first (open ones first)."""
    _require_worker(actor)
    rows = list(
        Invitation.objects.filter(worker=actor)
        .select_related("vacancy", "vacancy__occupation", "vacancy__employer", "organisation")
        .order_by("-created_at")[:200]
    )
    titles = occupation_titles([row.vacancy.occupation for row in rows], get_language() or "en")
    items = [
        InvitationItem(
            id=row.id,
            vacancy_id=row.vacancy_id,
            title=row.vacancy.title,
            occupation=titles.get(row.vacancy.occupation.pk, row.vacancy.occupation.preferred_label),
            employer=row.vacancy.employer.name,
            organisation=row.organisation.name,
            destination=country_name(row.vacancy.destination),
            start_date=row.vacancy.start_date,
            reason=row.reason,
            status=row.status,
            status_label=str(Invitation.Status(row.status).label),
            created_at=row.created_at,
            answered_at=row.answered_at,
            is_open=row.is_open,
            job_on_board=row.vacancy.is_published,
        )
        for row in rows
    ]
    return sorted(items, key=lambda item: not item.is_open)


def invitation_of_worker(*, actor: User, invitation_id: UUID) -> Invitation:
    """One of the worker's own invitations (someone else's: NotFound, so none is confirmed to exist)."""
    _require_worker(actor)
    found = Invitation.objects.filter(id=invitation_id, worker=actor).select_related("vacancy").first()
    if found is None:
        raise NotFound(NO_INVITATION)
    return found


@dataclass(frozen=True)
class SentInvitation:
    id: UUID
    handle: str  # the candidate's handle on this vacancy's shortlist
    status: str
    status_label: str
    reason: str
    invited_by: str
    created_at: dt.datetime
    answered_at: dt.datetime | None


def invitations_of_vacancy(*, actor: Actor | None, vacancy: Vacancy | UUID) -> list[SentInvitation]:
    """The invitations sent for a vacancy, for its recruiters: candidates by handle, never by name."""
    _hirer, vacancy = hirer_for(actor=actor, vacancy=vacancy)
    rows = list(
        Invitation.objects.filter(vacancy=vacancy).select_related("invited_by").order_by("-created_at")
    )
    handles = dict(
        CandidateHandle.objects.filter(
            vacancy=vacancy, worker_id__in=[r.worker_id for r in rows]
        ).values_list("worker_id", "handle")
    )
    return [
        SentInvitation(
            id=row.id,
            handle=handles.get(row.worker_id, ""),
            status=row.status,
            status_label=str(Invitation.Status(row.status).label),
            reason=row.reason,
            invited_by=row.invited_by.display_name or row.invited_by.email or "",
            created_at=row.created_at,
            answered_at=row.answered_at,
        )
        for row in rows
    ]


def invitation_of_vacancy(*, actor: Actor | None, vacancy: Vacancy | UUID, invitation_id: UUID) -> Invitation:
    _hirer, vacancy = hirer_for(actor=actor, vacancy=vacancy)
    found = Invitation.objects.filter(id=invitation_id, vacancy=vacancy).first()
    if found is None:
        raise NotFound(NO_INVITATION)
    return found
