"""Jobs for you: the worker's own profile against the published jobs, explained, in their language, with
the very scores a recruiter sees for the same pairs."""

from __future__ import annotations

import pytest
from django.utils import translation

from mizan.matching import selectors
from mizan.matching.models import Direction, RankingLog
from mizan.profiles import services
from mizan.vacancies.models import Vacancy
from tests.factories import WorkerFactory
from tests.matching.helpers import (
    CLEANER,
    WELDER,
    build_profile,
    new_worker,
    published_vacancy,
    stop_matching,
)

pytestmark = pytest.mark.django_db


def test_jobs_for_a_worker_are_ranked_explained_and_logged(common_taxonomy, personas):
    worker = new_worker(common_taxonomy, years="3", essential=4, destinations=("QA",))
    agency = personas.organisation("agency")
    near = published_vacancy(common_taxonomy, posted_by=agency, destination="QA")
    far = published_vacancy(
        common_taxonomy, posted_by=agency, destination="SA", currency="SAR", pay_usd="600"
    )
    published_vacancy(common_taxonomy, code=CLEANER)  # nothing in common: not suggested
    published_vacancy(common_taxonomy, status=Vacancy.Status.DRAFT)  # not on the board

    found = selectors.jobs_for(worker=worker)

    assert found.state == "jobs"
    assert [job.vacancy_id for job in found.jobs] == [near.id, far.id]  # Qatar is where they want to go
    assert found.jobs[0].score > found.jobs[1].score
    assert found.jobs[0].explanation.essential_covered == 4
    log = RankingLog.objects.get(pk=found.ranking_log_id)
    assert (log.direction, log.worker_id, log.requested_by, log.organisation) == (
        Direction.VACANCIES_FOR_WORKER, worker.pk, worker, None
    )  # fmt: skip
    assert [row[1] for row in log.results] == [str(near.id), str(far.id)]

    # The recruiter of each job sees this worker with exactly the same score.
    for job in found.jobs:
        [candidate] = selectors.shortlist(actor=personas.recruiter, vacancy=job.vacancy_id).candidates
        assert candidate.score == job.score
        assert [line.text for line in candidate.explanation.lines] == [
            line.text for line in job.explanation.lines
        ]


def test_the_explanations_are_in_the_workers_language(common_taxonomy):
    worker = new_worker(common_taxonomy, languages={"ne": 3})
    published_vacancy(common_taxonomy, languages=[("ar", "basic")])
    with translation.override("en"):
        english = selectors.jobs_for(worker=worker).jobs[0]
    with translation.override("ne"):
        nepali = selectors.jobs_for(worker=worker).jobs[0]
    assert "Arabic" in " ".join(line.text for line in english.explanation.lines)
    assert "Arabic" not in " ".join(
        line.text for line in nepali.explanation.lines
    )  # the language's name in Nepali
    assert nepali.destination != english.destination  # "Qatar" in Nepali
    assert nepali.occupation != english.occupation


def test_empty_states_say_what_to_do(common_taxonomy):
    published_vacancy(common_taxonomy, pay="1000")
    nobody = WorkerFactory()
    assert selectors.jobs_for(worker=nobody).state == "off"
    build_profile(nobody, common_taxonomy, consent=False)
    assert selectors.jobs_for(worker=nobody).state == "off"

    empty = WorkerFactory()
    services.language_set(actor=empty, worker=empty, code="ne", level=3)
    from mizan.privacy.consent.services import consent_give

    consent_give(worker=empty, purpose="job_matching", method="web")
    found = selectors.jobs_for(worker=empty)
    assert found.state == "no_profile"
    assert "Add the work you do" in found.state_text

    no_skills = new_worker(common_taxonomy, essential=0)
    found = selectors.jobs_for(worker=no_skills)
    assert found.state == "jobs"
    assert any("lists no skills" in note for note in found.notes)

    demanding = new_worker(common_taxonomy, min_pay="5000")
    found = selectors.jobs_for(worker=demanding)
    assert found.state == "no_jobs"
    assert found.jobs == ()
    assert [(r.code, r.count) for r in found.reasons] == [("matching.filtered.pay_below_minimum", 1)]

    stop_matching(no_skills)
    assert selectors.jobs_for(worker=no_skills).state == "off"


def test_only_workers_have_jobs_suggested(personas):
    from mizan.common.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        selectors.jobs_for(worker=personas.recruiter)


def test_a_job_taken_off_the_board_is_no_longer_suggested(common_taxonomy):
    worker = new_worker(common_taxonomy)
    vacancy = published_vacancy(common_taxonomy, code=WELDER)
    assert selectors.jobs_for(worker=worker).jobs[0].vacancy_id == vacancy.id
    vacancy.status = Vacancy.Status.CLOSED
    vacancy.save()
    assert selectors.jobs_for(worker=worker).state == "no_jobs"
