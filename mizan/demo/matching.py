"""Demo data for matching: the index built, and one invitation to apply, sent by the demo recruiter of
"himalaya" from the blind shortlist of one of its published job offers, with a reason, to one of the
synthetic demo workers (the first demo worker when they are on the shortlist, so signing in as them shows
it next to "Jobs for you").

Runs after the taxonomy, registry, vacancies and profiles demos; without a published himalaya job or
workers who allow job matching it adds nothing and says why. Looking at the shortlist is recorded like any
other look (on the workers' "Who saw my data") and the ranking is logged. Idempotent: a second run adds 0.
"""

from __future__ import annotations

import logging
from uuid import UUID

from django.utils import translation

from mizan.accounts.models import Organisation, User
from mizan.demo import data
from mizan.matching import selectors, services
from mizan.matching.adapter import vacancy_catalogue, worker_index
from mizan.matching.models import CandidateHandle, Channel, Invitation
from mizan.vacancies.models import Vacancy

logger = logging.getLogger(__name__)

AGENCY = "himalaya"
RECRUITER = f"agency@{data.EMAIL_DOMAIN}"
REASON = "(demo) Has most of the skills this job needs and wants to work in this country."


def _best_first(vacancies: list[Vacancy], worker_id: UUID | None) -> list[Vacancy]:
    """The jobs where the first demo worker ranks highest first (asked of the engine alone, so nobody's
    profile is read for it), so the demo invitation is one that makes sense to them."""
    if worker_id is None:
        return vacancies
    places: dict[UUID, int] = {}
    for vacancy in vacancies:
        converted = vacancy_catalogue().query_for(vacancy.id)
        if converted is not None:
            ranked = worker_index().workers_for(converted.query, 20)
            for match in ranked.result.results:
                if ranked.worker_id(match) == worker_id:
                    places[vacancy.id] = match.position
    return sorted(vacancies, key=lambda v: places.get(v.id, 1_000))


def demo_matching_load(*, organisations: dict[str, Organisation]) -> int:
    """Build the matching index and send the demo invitation; returns how many records were added."""
    stats = worker_index().rebuild()
    logger.info("matching demo: %s profiles indexed in %.2f s", stats.profiles, stats.seconds)
    agency = organisations.get(AGENCY)
    recruiter = User.objects.filter(email=RECRUITER, is_active=True).first()
    if agency is None or recruiter is None:
        logger.warning("matching demo: no %s agency or recruiter; run the base demo first", AGENCY)
        return 0
    vacancies = Vacancy.objects.filter(posted_by=agency, status=Vacancy.Status.PUBLISHED).order_by(
        "published_at", "id"
    )
    if Invitation.objects.filter(organisation=agency, vacancy__in=vacancies).exists():
        return 0
    first_worker = User.objects.filter(phone=data.WORKERS[0].phone).values_list("pk", flat=True).first()
    with translation.override("en"):
        for vacancy in _best_first(list(vacancies), first_worker):
            found = selectors.shortlist(actor=recruiter, vacancy=vacancy, k=20, channel=Channel.SYSTEM)
            if not found.candidates:
                continue
            handles = dict(
                CandidateHandle.objects.filter(
                    vacancy=vacancy, handle__in=[c.handle for c in found.candidates]
                ).values_list("worker_id", "handle")
            )
            handle = handles.get(first_worker) if first_worker else None
            services.invite(
                actor=recruiter,
                vacancy=vacancy,
                candidate_handle=handle or found.candidates[0].handle,
                reason=REASON,
            )
            return 1
    logger.warning("matching demo: no published %s job has candidates yet (run the profiles demo)", AGENCY)
    return 0
