"""Matching in "export everything about me" and in erasure (registered from MatchingConfig.ready).

- Invitations to apply are the worker's data (category ``skills_experience``, as the job-matching purpose
  that produced them): exported in full, deleted on erasure unless a hold keeps that category.
- Shortlist handles are deleted on erasure (nothing else points to the worker through them).
- Ranking logs are accountability records of the system's use, kept for their retention period (EU AI Act
  art. 19): they hold only ids, positions and scores, and after erasure the worker's id names a tombstone
  account with no phone and no name. The worker's export lists the rankings they appeared in.
"""

from __future__ import annotations

from typing import Any

from mizan.accounts.models import User
from mizan.matching.models import CandidateHandle, Direction, Invitation, RankingLog
from mizan.privacy.rights.registry import Restore

CATEGORY = "skills_experience"
EXPORT_LOG_LIMIT = 500


def export_matching(worker: User) -> dict[str, Any]:
    invitations = Invitation.objects.filter(worker=worker).select_related("vacancy", "organisation")
    mine = RankingLog.objects.filter(direction=Direction.VACANCIES_FOR_WORKER, worker_id=worker.pk)
    # Rankings of workers that listed this worker: their id in the stored results (checked exactly below).
    shown = [
        log
        for log in RankingLog.objects.filter(
            direction=Direction.WORKERS_FOR_VACANCY, results__icontains=str(worker.pk)
        ).order_by("-created_at")[:EXPORT_LOG_LIMIT]
        if any(row[1] == str(worker.pk) for row in log.results)
    ]
    return {
        "invitations": [
            {
                "id": str(row.id),
                "vacancy": str(row.vacancy_id),
                "job_title": row.vacancy.title,
                "invited_by_organisation": row.organisation.name,
                "reason": row.reason,
                "status": row.status,
                "invited_at": row.created_at.isoformat(),
                "answered_at": row.answered_at.isoformat() if row.answered_at else None,
                "position_when_invited": row.position,
                "score_when_invited": row.score,
            }
            for row in invitations
        ],
        "jobs_suggested_to_you": [
            {"at": log.created_at.isoformat(), "jobs": log.results, "weights_version": log.weights_version}
            for log in mine.order_by("-created_at")[:EXPORT_LOG_LIMIT]
        ],
        "shortlists_you_appeared_on": [
            {
                "at": log.created_at.isoformat(),
                "vacancy": str(log.vacancy_id),
                "organisation": str(log.organisation_id) if log.organisation_id else None,
                "position": next(int(row[0]) for row in log.results if row[1] == str(worker.pk)),
                "weights_version": log.weights_version,
            }
            for log in shown
        ],
    }


def erase_matching(*, worker: User, keep: frozenset[str]) -> Restore | None:
    CandidateHandle.objects.filter(worker=worker).delete()
    if CATEGORY not in keep:
        Invitation.objects.filter(worker=worker).delete()
    return None


def ledger_subjects(worker: User) -> list[str]:
    return [
        f"invitation:{pk}" for pk in Invitation.objects.filter(worker=worker).values_list("id", flat=True)
    ]


def register() -> None:
    from mizan.matching.rankings import purge_ranking_logs
    from mizan.privacy.rights.registry import (
        ERASERS,
        EXPORTERS,
        LEDGER_SUBJECTS,
        PURGERS,
        register_eraser,
        register_exporter,
        register_ledger_subjects,
        register_purger,
    )

    if "matching" not in EXPORTERS:
        register_exporter("matching", export_matching)
    if "matching" not in ERASERS:
        register_eraser("matching", erase_matching)
    if "matching" not in LEDGER_SUBJECTS:
        register_ledger_subjects("matching", ledger_subjects)
    if "matching.ranking_logs" not in PURGERS:
        register_purger("matching.ranking_logs", purge_ranking_logs)
