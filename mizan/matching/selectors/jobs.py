"""``jobs_for``: "Jobs for you", the published vacancies that fit a worker's own profile, explained in
their language, with the same scores and sentences a recruiter would see for the pair.

The worker reads their own profile (nothing is recorded); the ranking served is logged. When matching is
off, or the profile has nothing to compare, the answer is an empty list that says what to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.countries import country_name
from mizan.common.errors import PermissionDenied
from mizan.common.money import Money
from mizan.matching import presenting
from mizan.matching.adapter import vacancy_catalogue
from mizan.matching.engine.explain import FILTER_REASONS
from mizan.matching.models import Channel, Direction
from mizan.matching.rankings import ranking_log_write
from mizan.matching.selectors.shortlist import skill_labeller
from mizan.profiles.selectors import matching_enabled, matching_records
from mizan.taxonomy.selectors import occupation_titles
from mizan.vacancies.selectors import published

MAX_K = 50
DEFAULT_K = 20

# The states of the page, each with what the worker can do about it.
OFF = "off"  # job matching is turned off: turn it on
NO_PROFILE = "no_profile"  # no kind of work and no skills: add them
NO_JOBS = "no_jobs"  # nothing fits yet (the reasons are listed)
JOBS = "jobs"

STATE_TEXTS = {
    OFF: _("Job matching is off. Turn it on so that jobs can find you. You can turn it off at any time."),
    NO_PROFILE: _("Add the work you do and your skills, so that we can find jobs that fit you."),
    NO_JOBS: _("No jobs fit your profile yet. New jobs come every week: look again soon."),
}


@dataclass(frozen=True)
class Job:
    vacancy_id: UUID
    title: str  # the employer's own words
    occupation: str  # the kind of work, in the reader's language
    employer: str
    destination: str  # country name
    pay: Money | None  # basic pay a month
    start_date: dt.date
    position: int
    score: float
    strength: str
    strength_label: str
    explanation: presenting.ExplanationView


@dataclass(frozen=True)
class JobsForYou:
    state: str
    state_text: str
    jobs: tuple[Job, ...]
    considered: int
    reasons: tuple[presenting.Reason, ...]
    notes: tuple[str, ...]  # about the profile (no skills, an unknown kind of work …)
    ranking_log_id: UUID | None


def _require_worker(worker: User) -> None:
    if not (worker.is_authenticated and worker.is_active and worker.is_worker):
        raise PermissionDenied(_("Only workers have jobs suggested to them."))


def _state(state: str, notes: tuple[str, ...] = ()) -> JobsForYou:
    return JobsForYou(state, str(STATE_TEXTS[state]), (), 0, (), notes, None)


def jobs_for(*, worker: User, k: int = DEFAULT_K, channel: str = Channel.WEB) -> JobsForYou:
    """The best ``k`` (1 to 50) published jobs for the worker's own profile."""
    _require_worker(worker)
    k = max(1, min(int(k), MAX_K))
    if not matching_enabled(worker):
        return _state(OFF)
    facts = next(iter(matching_records(worker_ids=[worker.pk])), None)
    if facts is None or (not facts.occupations and not facts.skills):
        return _state(NO_PROFILE)
    catalogue = vacancy_catalogue()
    record, pay_checked, profile_notes = catalogue.record_of(facts)
    notes = tuple(
        presenting.note_text(note)
        for note in profile_notes
        if note.code not in ("matching.note.profile_not_opted_in", "matching.note.profile_no_occupation")
    )
    result = catalogue.vacancies_for(record, k)
    log = ranking_log_write(
        requested_by=worker,
        organisation=None,
        channel=channel,
        direction=Direction.VACANCIES_FOR_WORKER,
        worker_id=worker.pk,
        weights_version=result.weights_version,
        k=k,
        considered=result.considered,
        eligible=result.eligible,
        filtered_out=dict(result.filtered_out),
        empty_reason=result.empty_reason,
        results=[(m.position, str(m.vacancy_key), m.score) for m in result.results],
    )
    rows = {
        str(v.id): v
        for v in published()
        .filter(id__in=[str(m.vacancy_key) for m in result.results])
        .select_related("terms", "occupation", "employer")
    }
    language = get_language() or "en"
    titles = occupation_titles([v.occupation for v in rows.values()], language)
    labels = skill_labeller(catalogue.vocabulary, result.results)
    jobs = []
    for match in result.results:
        vacancy = rows.get(str(match.vacancy_key))
        if vacancy is None:  # taken off the board a moment ago
            continue
        converted = catalogue.current().by_id.get(str(match.vacancy_key))
        terms = vacancy.terms
        jobs.append(
            Job(
                vacancy_id=vacancy.id,
                title=vacancy.title,
                occupation=titles.get(vacancy.occupation.pk, vacancy.occupation.preferred_label),
                employer=vacancy.employer.name,
                destination=country_name(vacancy.destination),
                pay=Money(terms.pay_per_month, terms.pay_currency)
                if terms.pay_per_month is not None
                else None,
                start_date=vacancy.start_date,
                position=match.position,
                score=match.score,
                strength=presenting.strength(match.score),
                strength_label=presenting.strength_label(match.score),
                explanation=presenting.explanation_view(
                    match.explanation,
                    pay_checked=pay_checked and (converted is None or converted.pay_checked),
                    skill_label=labels.get,
                ),
            )
        )
    reasons = presenting.reasons({code: result.filtered_out.get(code, 0) for code in FILTER_REASONS})
    state = JOBS if jobs else NO_JOBS
    return JobsForYou(
        state=state,
        state_text="" if jobs else str(STATE_TEXTS[NO_JOBS]),
        jobs=tuple(jobs),
        considered=result.considered,
        reasons=reasons if not jobs else (),
        notes=notes,
        ranking_log_id=log.id,
    )
