"""Matching: the JSON API under /api/v1/matching (docs/matching.md, "Django side").

- Recruiters (a staff session, or their organisation's API token with ``read:organisation``): a vacancy's
  blind, explained candidates, and the invitations sent. A token reads as the person who made it (the
  worker's "Who saw my data" names them and the token). Inviting and withdrawing are for people only.
- Workers (their session): "Jobs for you" and the invitations they received, with their answer.
"""

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.responses import Status
from pydantic import Field

from mizan.accounts.models import User
from mizan.api.auth import request_user, require_scope, session_auth, session_or_token
from mizan.api.models import ApiToken
from mizan.api.problems import problems
from mizan.api.scopes import Scope
from mizan.common import formatting
from mizan.common.errors import PermissionDenied
from mizan.matching import selectors, services
from mizan.matching.models import Channel
from mizan.matching.presenting import ExplanationView
from mizan.matching.schemas import (
    AnswerIn,
    InvitationOut,
    InvitationSentOut,
    InviteIn,
    JobsOut,
    ShortlistOut,
)
from mizan.matching.selectors.invitations import InvitationItem, SentInvitation
from mizan.matching.selectors.shortlist import Candidate

router = Router(tags=["Matching"])


class CandidatesQuery(Schema):
    k: int = Field(50, ge=1, le=100, description="How many candidates, 1 to 100.")


class JobsQuery(Schema):
    k: int = Field(20, ge=1, le=50, description="How many jobs, 1 to 50.")


def _actor(request: HttpRequest) -> User | ApiToken:
    auth = request.auth  # type: ignore[attr-defined]
    if isinstance(auth, User | ApiToken):
        return auth
    raise PermissionDenied(_("You do not have permission to do this."))


def _explanation(view: ExplanationView) -> dict[str, Any]:
    return {
        "lines": [
            {"component": line.code, "text": line.text, "points": line.points, "max_points": line.max_points}
            for line in view.lines
        ],
        "checks": list(view.checks),
        "missing_skills": list(view.missing_skills),
        "essential_covered": view.essential_covered,
        "essential_total": view.essential_total,
    }


def _reasons(found: Any) -> list[dict[str, Any]]:
    return [{"code": r.code, "text": r.text, "count": r.count} for r in found]


def _candidate(c: Candidate) -> dict[str, Any]:
    occupations = ((c.occupation,) if c.occupation else ()) + c.other_occupations
    return {
        "handle": c.handle,
        "position": c.position,
        "score": round(c.score, 4),
        "strength": c.strength,
        "strength_label": c.strength_label,
        "explanation": _explanation(c.explanation),
        "occupations": [
            {
                "esco_code": o.esco_code,
                "isco_code": o.isco_code,
                "title": o.title,
                "years_of_experience": float(o.years_of_experience),
                "is_main": o.is_main,
            }
            for o in occupations
        ],
        "languages": [{"code": lang.code, "name": lang.name, "level": lang.level} for lang in c.languages],
        "verified_certificates": list(c.verified_certificates),
        "available_from": c.available_from,
        "invitation": c.invitation,
    }


@router.get(
    "/vacancies/{uuid:vacancy_id}/candidates",
    auth=session_or_token,
    response={200: ShortlistOut, **problems(401, 403, 404, 422)},
    url_name="matching_candidates",
)
@require_scope(Scope.READ_ORGANISATION)
def candidates(request: HttpRequest, vacancy_id: UUID, query: Query[CandidatesQuery]) -> dict[str, Any]:
    """The vacancy's best candidates, blind (no name, photo, sex, nationality, age or contact), each with
    the explanation of its place. Every candidate shown is recorded on that worker's "Who saw my data",
    and the ranking is logged for audit. A vacancy not on the job board, or one no worker fits, answers
    an empty list with ``empty_reason`` and the counts of workers left out per reason."""
    found = selectors.shortlist(actor=_actor(request), vacancy=vacancy_id, k=query.k, channel=Channel.API)
    return {
        "vacancy": found.vacancy.id,
        "organisation": found.organisation.id,
        "candidates": [_candidate(c) for c in found.candidates],
        "considered": found.considered,
        "eligible": found.eligible,
        "reasons": _reasons(found.reasons),
        "empty_reason": found.empty_reason,
        "empty_text": found.empty_text,
        "notes": list(found.notes),
        "ranking_log": found.ranking_log_id,
        "engine_version": found.engine_version,
        "weights_version": found.weights_version,
    }


def _sent(item: SentInvitation) -> dict[str, Any]:
    return {
        "id": item.id,
        "handle": item.handle,
        "status": item.status,
        "status_label": item.status_label,
        "reason": item.reason,
        "invited_by": item.invited_by,
        "created_at": item.created_at,
        "answered_at": item.answered_at,
    }


@router.get(
    "/vacancies/{uuid:vacancy_id}/invitations",
    auth=session_or_token,
    response={200: list[InvitationSentOut], **problems(401, 403, 404, 422)},
)
@require_scope(Scope.READ_ORGANISATION)
def sent_invitations(request: HttpRequest, vacancy_id: UUID) -> list[dict[str, Any]]:
    """The invitations sent for the vacancy, newest first; candidates by handle, never by name."""
    return [
        _sent(item) for item in selectors.invitations_of_vacancy(actor=_actor(request), vacancy=vacancy_id)
    ]


def _sent_one(actor: User, vacancy_id: UUID, invitation_id: UUID) -> dict[str, Any]:
    for item in selectors.invitations_of_vacancy(actor=actor, vacancy=vacancy_id):
        if item.id == invitation_id:
            return _sent(item)
    raise AssertionError("the invitation was just written")  # pragma: no cover


@router.post(
    "/vacancies/{uuid:vacancy_id}/invitations",
    auth=session_auth,
    response={201: InvitationSentOut, **problems(400, 401, 403, 404, 409, 422)},
)
def invite(request: HttpRequest, vacancy_id: UUID, payload: InviteIn) -> Status[dict[str, Any]]:
    """Invite the candidate with ``handle`` (from the candidates list) to apply, with your reason. A
    person only. Problems: ``reason_needed``/``reason_too_long`` (400), ``unknown_candidate`` (404),
    ``not_published``, ``not_available`` (the worker turned matching off), ``already_invited`` (409)."""
    actor = request_user(request)
    invitation = services.invite(
        actor=actor, vacancy=vacancy_id, candidate_handle=payload.handle, reason=payload.reason
    )
    return Status(201, _sent_one(actor, vacancy_id, invitation.id))


@router.post(
    "/vacancies/{uuid:vacancy_id}/invitations/{uuid:invitation_id}/withdraw",
    auth=session_auth,
    response={200: InvitationSentOut, **problems(401, 403, 404, 409, 422)},
)
def withdraw(request: HttpRequest, vacancy_id: UUID, invitation_id: UUID) -> dict[str, Any]:
    """Take back an invitation the worker has not answered (``not_open``, 409, otherwise)."""
    actor = request_user(request)
    services.invitation_withdraw(actor=actor, vacancy=vacancy_id, invitation_id=invitation_id)
    return _sent_one(actor, vacancy_id, invitation_id)


# --- The worker ------------------------------------------------------------------------------------------


@router.get("/me/jobs", auth=session_auth, response={200: JobsOut, **problems(401, 403, 422)})
def my_jobs(request: HttpRequest, query: Query[JobsQuery]) -> dict[str, Any]:
    """Jobs for you: published jobs that fit the worker's own profile, explained in the request's
    language. ``state`` says when there is nothing to show and what to do: ``off`` (turn job matching
    on), ``no_profile`` (add work and skills), ``no_jobs`` (with the reasons jobs were left out)."""
    found = selectors.jobs_for(worker=request_user(request), k=query.k, channel=Channel.API)
    return {
        "state": found.state,
        "state_text": found.state_text,
        "jobs": [
            {
                "vacancy": job.vacancy_id,
                "url": reverse("vacancies:detail", kwargs={"vacancy_id": job.vacancy_id}),
                "title": job.title,
                "occupation": job.occupation,
                "employer": job.employer,
                "destination": job.destination,
                "pay_per_month": formatting.money(job.pay) if job.pay else None,
                "start_date": job.start_date,
                "position": job.position,
                "score": round(job.score, 4),
                "strength": job.strength,
                "strength_label": job.strength_label,
                "explanation": _explanation(job.explanation),
            }
            for job in found.jobs
        ],
        "considered": found.considered,
        "reasons": _reasons(found.reasons),
        "notes": list(found.notes),
        "ranking_log": found.ranking_log_id,
    }


def _invitation(item: InvitationItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "vacancy": item.vacancy_id,
        "title": item.title,
        "occupation": item.occupation,
        "employer": item.employer,
        "organisation": item.organisation,
        "destination": item.destination,
        "start_date": item.start_date,
        "reason": item.reason,
        "status": item.status,
        "status_label": item.status_label,
        "created_at": item.created_at,
        "answered_at": item.answered_at,
        "is_open": item.is_open,
        "job_on_board": item.job_on_board,
    }


@router.get("/me/invitations", auth=session_auth, response={200: list[InvitationOut], **problems(401, 403)})
def my_invitations(request: HttpRequest) -> list[dict[str, Any]]:
    """The invitations to apply the worker received, open ones first."""
    return [_invitation(item) for item in selectors.invitations_for(actor=request_user(request))]


@router.post(
    "/me/invitations/{uuid:invitation_id}/answer",
    auth=session_auth,
    response={200: InvitationOut, **problems(401, 403, 404, 409, 422)},
)
def answer(request: HttpRequest, invitation_id: UUID, payload: AnswerIn) -> dict[str, Any]:
    """Say yes (``accept: true``) or no to an open invitation (``not_open``, 409, once answered)."""
    worker = request_user(request)
    invitation = selectors.invitation_of_worker(actor=worker, invitation_id=invitation_id)
    services.invitation_answer(worker=worker, invitation=invitation, accept=payload.accept)
    for item in selectors.invitations_for(actor=worker):
        if item.id == invitation_id:
            return _invitation(item)
    raise AssertionError("the invitation was just answered")  # pragma: no cover
