"""Writes of the matching app: invite a candidate to apply (a person decides, and says why), and the
worker's answer; the recruiter may withdraw an invitation not yet answered.

The ranking only suggests: an invitation is a person's decision, recorded with their reason, the ranking
it came from and the ledger (ids and a hash of the reason only).
"""

from __future__ import annotations

from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.api.models import ApiToken
from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.matching.adapter import allowed_now
from mizan.matching.hirers import hirer_for
from mizan.matching.models import CandidateHandle, Direction, Invitation, RankingLog
from mizan.privacy.ledger import hash_for, ledger_append
from mizan.vacancies.models import Vacancy

LEDGER_KIND = "matching.invited"
REASON_MIN, REASON_MAX = 5, 300


class InvitationConflict(DomainError):
    status = 409
    code = "conflict"


def _reason(text: str) -> str:
    reason = " ".join(str(text or "").split())
    if len(reason) < REASON_MIN:
        raise DomainError(
            _("Say in a few words why you invite this worker (at least %(minimum)s letters)."),
            code="reason_needed",
            minimum=REASON_MIN,
        )
    if len(reason) > REASON_MAX:
        raise DomainError(
            _("Keep the reason short: at most %(maximum)s letters."),
            code="reason_too_long",
            maximum=REASON_MAX,
        )
    return reason


def _ranked_at(vacancy_id: UUID, worker_id: UUID) -> tuple[RankingLog | None, int | None, float | None]:
    """The latest ranking of the vacancy that showed the worker, and their place and score in it."""
    for log in RankingLog.objects.filter(
        direction=Direction.WORKERS_FOR_VACANCY, vacancy_id=vacancy_id
    ).order_by("-created_at")[:20]:
        for position, candidate, score in log.results:
            if candidate == str(worker_id):
                return log, int(position), float(score)
    return None, None, None


def invite(
    *, actor: User | ApiToken | None, vacancy: Vacancy | UUID, candidate_handle: str, reason: str
) -> Invitation:
    """Invite the candidate with this handle on the vacancy's shortlist to apply. Only a person may (not
    an API token): the reason is theirs. The worker must still allow job matching."""
    if isinstance(actor, ApiToken):
        raise PermissionDenied(
            _("Only a person can invite a worker, and must say why. An API token cannot."),
            code="person_needed",
        )
    hirer, vacancy = hirer_for(actor=actor, vacancy=vacancy)
    text = _reason(reason)
    if not vacancy.is_published:
        raise InvitationConflict(
            _("This job is not on the job board, so nobody can be invited to it."), code="not_published"
        )
    handle = CandidateHandle.objects.filter(vacancy=vacancy, handle=str(candidate_handle or "")[:32]).first()
    if handle is None:
        raise NotFound(_("There is no such candidate on this job's shortlist."), code="unknown_candidate")
    if handle.worker_id not in allowed_now({handle.worker_id}):
        raise InvitationConflict(
            _("This worker has turned job matching off, so they cannot be invited."), code="not_available"
        )
    log, position, score = _ranked_at(vacancy.id, handle.worker_id)
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                vacancy=vacancy,
                worker_id=handle.worker_id,
                organisation=hirer.organisation,
                invited_by=hirer.person,
                created_by=hirer.person,
                reason=text,
                ranking_log=log,
                position=position,
                score=score,
            )
            ledger_append(
                kind=LEDGER_KIND,
                subject=f"invitation:{invitation.id}",
                data={
                    "vacancy": str(vacancy.id),
                    "organisation": str(hirer.organisation.id),
                    "invited_by": str(hirer.person.id),
                    "ranking_log": str(log.id) if log else None,
                    "position": position,
                    "reason_sha256": hash_for(text),
                },
            )
    except IntegrityError as exc:
        raise InvitationConflict(
            _("This worker has already been invited to this job."), code="already_invited"
        ) from exc
    return invitation


@transaction.atomic
def invitation_answer(*, worker: User, invitation: Invitation, accept: bool) -> Invitation:
    """The worker says yes or no to an open invitation."""
    if not (worker.is_authenticated and worker.is_worker and invitation.worker_id == worker.pk):
        raise NotFound(_("There is no such invitation."))
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_open:
        raise InvitationConflict(_("This invitation was already answered or withdrawn."), code="not_open")
    locked.status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
    locked.answered_at = timezone.now()
    locked.save(update_fields=["status", "answered_at", "modified_at"])
    return locked


@transaction.atomic
def invitation_withdraw(
    *, actor: User | ApiToken | None, vacancy: Vacancy | UUID, invitation_id: UUID
) -> Invitation:
    """The vacancy's recruiters take back an invitation the worker has not answered."""
    if isinstance(actor, ApiToken):
        raise PermissionDenied(_("Only a person can withdraw an invitation."), code="person_needed")
    _hirer, vacancy = hirer_for(actor=actor, vacancy=vacancy)
    locked = Invitation.objects.select_for_update().filter(pk=invitation_id, vacancy=vacancy).first()
    if locked is None:
        raise NotFound(_("There is no such invitation."))
    if not locked.is_open:
        raise InvitationConflict(_("This invitation was already answered or withdrawn."), code="not_open")
    locked.status = Invitation.Status.WITHDRAWN
    locked.withdrawn_at = timezone.now()
    locked.save(update_fields=["status", "withdrawn_at", "modified_at"])
    return locked
