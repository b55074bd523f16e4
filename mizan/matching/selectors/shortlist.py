"""``shortlist``: the blind, ranked, explained candidates of a vacancy, for its recruiters.

The engine ranks; then only the top k are read, as blind profiles, through the access guard under
``job_matching`` (each look is recorded on the worker's "Who saw my data"); the ranking served is logged.
Candidates are named by a random handle per (vacancy, worker), never by the worker's id.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils.translation import get_language

from mizan.accounts.models import Organisation
from mizan.matching import presenting, sources
from mizan.matching.adapter import vacancy_catalogue, worker_index
from mizan.matching.convert import ENGINE_VERSION, SkillVocabulary
from mizan.matching.engine.explain import FILTER_REASONS, Match
from mizan.matching.engine.weights import WEIGHTS_VERSION
from mizan.matching.hirers import Actor, hirer_for
from mizan.matching.models import CandidateHandle, Channel, Direction, Invitation
from mizan.matching.rankings import ranking_log_write
from mizan.profiles.selectors import BlindOccupation, BlindProfile, LanguageItem, blind_profiles
from mizan.vacancies.models import Vacancy

MAX_K = 100
DEFAULT_K = 50


@dataclass(frozen=True)
class Candidate:
    handle: str
    position: int
    score: float
    strength: str  # strong / good / partial
    strength_label: str
    explanation: presenting.ExplanationView
    occupation: BlindOccupation | None  # the main kind of work
    other_occupations: tuple[BlindOccupation, ...]
    languages: tuple[LanguageItem, ...]  # levels as a recruiter reads them (presenting.recruiter_level)
    verified_certificates: tuple[str, ...]
    available_from: dt.date | None
    invitation: str | None  # the status of an invitation already sent, in words, if any


@dataclass(frozen=True)
class Shortlist:
    vacancy: Vacancy
    organisation: Organisation
    candidates: tuple[Candidate, ...]
    considered: int
    eligible: int
    reasons: tuple[presenting.Reason, ...]
    empty_reason: str | None  # a message key; None when there are candidates
    empty_text: str
    notes: tuple[str, ...]
    ranking_log_id: UUID | None
    engine_version: str
    weights_version: str


def _handles(vacancy: Vacancy, worker_ids: list[UUID]) -> dict[UUID, str]:
    """The handle of each worker on this vacancy, made on first sight (random, never derived from ids)."""
    found = dict(
        CandidateHandle.objects.filter(vacancy=vacancy, worker_id__in=worker_ids).values_list(
            "worker_id", "handle"
        )
    )
    missing = [worker_id for worker_id in worker_ids if worker_id not in found]
    if missing:
        rows = [
            CandidateHandle(vacancy=vacancy, worker_id=w, handle=secrets.token_urlsafe(12)) for w in missing
        ]
        try:
            with transaction.atomic():
                CandidateHandle.objects.bulk_create(rows, ignore_conflicts=True)
        except IntegrityError:  # pragma: no cover - a 96-bit collision; the next request makes new ones
            pass
        found.update(
            CandidateHandle.objects.filter(vacancy=vacancy, worker_id__in=missing).values_list(
                "worker_id", "handle"
            )
        )
    return found


def skill_labeller(vocabulary: SkillVocabulary, matches: tuple[Match, ...]) -> dict[int, str]:
    """Labels of the skills the matches lack, in one query."""
    ids = {skill for match in matches for skill in match.explanation.missing_skill_ids}
    uris = {number: vocabulary.uri(number) for number in ids}
    labels = sources.skill_labels({uri for uri in uris.values() if uri})
    return {number: labels[uri] for number, uri in uris.items() if uri in labels}


def _candidate(
    match: Match,
    profile: BlindProfile,
    handle: str,
    pay_checked: bool,
    labels: dict[int, str],
    invitation: str | None,
) -> Candidate:
    occupations = profile.occupations
    main = next((o for o in occupations if o.is_main), occupations[0] if occupations else None)
    return Candidate(
        handle=handle,
        position=match.position,
        score=match.score,
        strength=presenting.strength(match.score),
        strength_label=presenting.strength_label(match.score),
        explanation=presenting.explanation_view(
            match.explanation, pay_checked=pay_checked, skill_label=labels.get
        ),
        occupation=main,
        other_occupations=tuple(o for o in occupations if o is not main),
        languages=tuple(
            LanguageItem(
                item.code,
                item.name,
                presenting.recruiter_level(item.level),
                presenting.recruiter_level_label(item.level),
            )
            for item in profile.languages
        ),
        verified_certificates=tuple(c.title for c in profile.certificates if c.is_verified),
        available_from=profile.available_from,
        invitation=invitation,
    )


def _status_label(status: str | None) -> str | None:
    return str(Invitation.Status(status).label) if status else None


def _empty(vacancy: Vacancy, organisation: Organisation, reason: str) -> Shortlist:
    return Shortlist(
        vacancy=vacancy,
        organisation=organisation,
        candidates=(),
        considered=0,
        eligible=0,
        reasons=(),
        empty_reason=reason,
        empty_text=presenting.empty_text(reason, 0),
        notes=(),
        ranking_log_id=None,
        engine_version=ENGINE_VERSION,
        weights_version=WEIGHTS_VERSION,
    )


def shortlist(
    *, actor: Actor | None, vacancy: Vacancy | UUID, k: int = DEFAULT_K, channel: str = Channel.WEB
) -> Shortlist:
    """The best ``k`` (1 to 100) candidates for a published vacancy of the actor's organisation.

    Not the actor's vacancy: NotFound; no role for it: PermissionDenied. A vacancy not on the job board,
    or one nobody fits, gives an empty shortlist that says why (never an error).
    """
    hirer, vacancy = hirer_for(actor=actor, vacancy=vacancy)
    k = max(1, min(int(k), MAX_K))
    converted = vacancy_catalogue().query_for(vacancy.id) if vacancy.is_published else None
    if converted is None:
        return _empty(vacancy, hirer.organisation, "matching.empty.not_published")
    ranked = worker_index().workers_for(converted.query, k)
    result = ranked.result
    worker_ids = [ranked.worker_id(match) for match in result.results]
    profiles = blind_profiles(
        actor=hirer.person,
        worker_ids=worker_ids,
        organisation=hirer.organisation,
        language=get_language() or "en",
    )
    served = [match for match in result.results if ranked.worker_id(match) in profiles]
    handles = _handles(vacancy, [ranked.worker_id(match) for match in served])
    invited = dict(
        Invitation.objects.filter(vacancy=vacancy, worker_id__in=list(handles)).values_list(
            "worker_id", "status"
        )
    )
    labels = skill_labeller(worker_index().vocabulary, tuple(served))
    log = ranking_log_write(
        requested_by=hirer.person,
        organisation=hirer.organisation,
        token=hirer.token,
        channel=channel,
        direction=Direction.WORKERS_FOR_VACANCY,
        vacancy_id=vacancy.id,
        weights_version=result.weights_version,
        k=k,
        considered=result.considered,
        eligible=result.eligible,
        filtered_out=dict(result.filtered_out),
        empty_reason=result.empty_reason if not served else None,
        results=[(m.position, ranked.worker_id(m), m.score) for m in served],
    )
    candidates = tuple(
        _candidate(
            match,
            profiles[ranked.worker_id(match)],
            handles[ranked.worker_id(match)],
            converted.pay_checked and match.worker_key not in ranked.pay_unchecked,
            labels,
            _status_label(invited.get(ranked.worker_id(match))),
        )
        for match in served
    )
    reason = None if candidates else (result.empty_reason or "matching.empty.no_eligible")
    notes = [presenting.note_text(note) for note in result.notes]
    if not converted.pay_checked:
        notes.append(str(presenting.PAY_UNCHECKED))
    return Shortlist(
        vacancy=vacancy,
        organisation=hirer.organisation,
        candidates=candidates,
        considered=result.considered,
        eligible=result.eligible,
        reasons=presenting.reasons({code: result.filtered_out.get(code, 0) for code in FILTER_REASONS}),
        empty_reason=reason,
        empty_text=presenting.empty_text(reason, result.considered),
        notes=tuple(notes),
        ranking_log_id=log.id,
        engine_version=ENGINE_VERSION,
        weights_version=result.weights_version,
    )
