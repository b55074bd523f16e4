"""The blind shortlist and invitations: every look recorded, every ranking logged, candidates by handle,
bad input explained, and the worker's choices respected."""

from __future__ import annotations

import pytest

from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.matching import selectors, services
from mizan.matching.models import CandidateHandle, Direction, Invitation, RankingLog
from mizan.privacy.consent.models import AccessRecord
from mizan.privacy.ledger.models import LedgerEntry
from mizan.vacancies.models import Vacancy
from tests.matching.helpers import CLEANER, new_worker, published_vacancy, stop_matching

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(personas):
    return personas.organisation("agency")


def test_the_shortlist_records_each_look_and_logs_the_ranking(common_taxonomy, personas, agency):
    workers = [new_worker(common_taxonomy, years=str(n), essential=n) for n in (2, 6, 4)]
    new_worker(common_taxonomy, code=CLEANER)  # nothing in common with the job: not shown, not read
    vacancy = published_vacancy(common_taxonomy, posted_by=agency)

    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id, k=10)

    assert [c.position for c in found.candidates] == [1, 2, 3]
    assert found.candidates[0].score > found.candidates[1].score > found.candidates[2].score
    looks = AccessRecord.objects.filter(actor=personas.recruiter, purpose="job_matching")
    assert {r.worker_id for r in looks} == {w.pk for w in workers}
    assert {(r.outcome, r.organisation_id) for r in looks} == {("granted", agency.pk)}
    log = RankingLog.objects.get(pk=found.ranking_log_id)
    assert (log.direction, log.vacancy_id, log.requested_by, log.organisation) == (
        Direction.WORKERS_FOR_VACANCY, vacancy.id, personas.recruiter, agency
    )  # fmt: skip
    assert log.engine_version.startswith("engine-")
    assert log.weights_version == found.weights_version
    assert [row[:2] for row in log.results] == [
        [1, str(workers[1].pk)],
        [2, str(workers[2].pk)],
        [3, str(workers[0].pk)],
    ]
    assert [row[2] for row in log.results] == [pytest.approx(c.score) for c in found.candidates]
    handles = dict(CandidateHandle.objects.filter(vacancy=vacancy).values_list("worker_id", "handle"))
    assert [c.handle for c in found.candidates] == [handles[workers[i].pk] for i in (1, 2, 0)]
    assert all(str(w.pk) not in c.handle for w in workers for c in found.candidates)


def test_a_worker_who_stops_job_matching_disappears_from_the_shortlist(common_taxonomy, personas, agency):
    stays, leaves = new_worker(common_taxonomy, essential=3), new_worker(common_taxonomy, essential=5)
    vacancy = published_vacancy(common_taxonomy, posted_by=agency)
    assert len(selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id).candidates) == 2
    stop_matching(leaves)
    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id)
    assert len(found.candidates) == 1
    assert not AccessRecord.objects.filter(worker=leaves, outcome="refused").exists()  # not even tried
    assert AccessRecord.objects.filter(worker=stays).count() == 2


def test_the_employer_sees_it_and_others_do_not(common_taxonomy, personas, agency):
    new_worker(common_taxonomy)
    vacancy = published_vacancy(common_taxonomy, posted_by=agency, employer=personas.organisation("employer"))
    assert selectors.shortlist(actor=personas.employer, vacancy=vacancy.id).organisation == vacancy.employer
    other = published_vacancy(common_taxonomy)  # another agency's job
    with pytest.raises(NotFound):
        selectors.shortlist(actor=personas.recruiter, vacancy=other.id)
    for name in ("worker", "inspector", "auditor", "outsider"):
        with pytest.raises(PermissionDenied):
            selectors.shortlist(actor=personas[name], vacancy=vacancy.id)


def test_empty_shortlists_say_why(common_taxonomy, personas, agency):
    draft = published_vacancy(common_taxonomy, posted_by=agency, status=Vacancy.Status.DRAFT)
    found = selectors.shortlist(actor=personas.recruiter, vacancy=draft.id)
    assert (found.candidates, found.empty_reason) == ((), "matching.empty.not_published")
    assert "Publish it first" in found.empty_text

    vacancy = published_vacancy(common_taxonomy, posted_by=agency, pay="1000")
    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id)
    assert "No worker has turned on job matching yet" in found.empty_text

    new_worker(common_taxonomy, consent=False)
    for minimum in ("1500", "3000"):
        new_worker(common_taxonomy, min_pay=minimum)
    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id)
    assert found.candidates == ()
    assert found.considered == 2
    assert found.eligible == 0
    assert found.empty_reason == "matching.empty.no_eligible"
    assert [(r.code, r.count) for r in found.reasons] == [("matching.filtered.pay_below_minimum", 2)]
    assert RankingLog.objects.filter(vacancy_id=vacancy.id, results=[]).count() == 2

    new_worker(common_taxonomy, code=CLEANER)
    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id)
    assert found.empty_reason == "matching.empty.none_related"
    assert "none has done this kind of work" in found.empty_text


def test_a_profile_without_skills_is_compared_on_its_occupation(common_taxonomy, personas, agency):
    worker = new_worker(common_taxonomy, essential=0, years="6")
    vacancy = published_vacancy(common_taxonomy, posted_by=agency)
    [candidate] = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id).candidates
    texts = [line.text for line in candidate.explanation.lines]
    assert "Same occupation as the job." in texts
    assert "No skills listed in the profile yet." in texts
    assert candidate.explanation.missing_skills  # what to learn, by name
    assert Invitation.objects.filter(worker=worker).count() == 0


def test_a_recruiter_invites_a_candidate_with_a_reason(common_taxonomy, personas, agency):
    worker = new_worker(common_taxonomy)
    vacancy = published_vacancy(common_taxonomy, posted_by=agency)
    [candidate] = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id).candidates

    with pytest.raises(DomainError) as short:
        services.invite(
            actor=personas.recruiter, vacancy=vacancy.id, candidate_handle=candidate.handle, reason=" ok "
        )
    assert short.value.code == "reason_needed"
    with pytest.raises(NotFound):
        services.invite(
            actor=personas.recruiter, vacancy=vacancy.id, candidate_handle="nobody", reason="Good welder"
        )

    invitation = services.invite(
        actor=personas.recruiter, vacancy=vacancy.id, candidate_handle=candidate.handle,
        reason="  Four years of welding, and wants Qatar.  ",
    )  # fmt: skip
    assert (invitation.worker, invitation.organisation, invitation.invited_by) == (
        worker,
        agency,
        personas.recruiter,
    )
    assert (invitation.status, invitation.reason, invitation.position) == (
        "invited",
        "Four years of welding, and wants Qatar.",
        1,
    )
    assert invitation.ranking_log is not None
    assert invitation.score == pytest.approx(candidate.score)
    entry = LedgerEntry.objects.get(kind="matching.invited")
    assert entry.subject == f"invitation:{invitation.id}"
    assert str(worker.pk) not in entry.data_json
    with pytest.raises(DomainError) as twice:
        services.invite(
            actor=personas.agency_admin,
            vacancy=vacancy.id,
            candidate_handle=candidate.handle,
            reason="Again, please",
        )
    assert (twice.value.status, twice.value.code) == (409, "already_invited")
    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id)
    assert found.candidates[0].invitation == "Invited"


def test_nobody_is_invited_after_stopping_job_matching_or_to_a_job_taken_off(
    common_taxonomy, personas, agency
):
    worker = new_worker(common_taxonomy)
    vacancy = published_vacancy(common_taxonomy, posted_by=agency)
    [candidate] = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id).candidates
    stop_matching(worker)
    with pytest.raises(DomainError) as stopped:
        services.invite(
            actor=personas.recruiter,
            vacancy=vacancy.id,
            candidate_handle=candidate.handle,
            reason="Good welder",
        )
    assert stopped.value.code == "not_available"
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.CLOSED)
    with pytest.raises(DomainError) as closed:
        services.invite(
            actor=personas.recruiter,
            vacancy=vacancy.id,
            candidate_handle=candidate.handle,
            reason="Good welder",
        )
    assert closed.value.code == "not_published"
    assert not Invitation.objects.exists()


def test_the_worker_answers_once_and_the_recruiter_may_withdraw_until_then(common_taxonomy, personas, agency):
    first, second = new_worker(common_taxonomy, essential=5), new_worker(common_taxonomy, essential=2)
    vacancy = published_vacancy(common_taxonomy, posted_by=agency)
    candidates = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id).candidates
    a = services.invite(
        actor=personas.recruiter,
        vacancy=vacancy.id,
        candidate_handle=candidates[0].handle,
        reason="Many skills",
    )
    b = services.invite(
        actor=personas.recruiter,
        vacancy=vacancy.id,
        candidate_handle=candidates[1].handle,
        reason="Some skills",
    )
    assert a.worker == first
    assert b.worker == second

    with pytest.raises(NotFound):
        services.invitation_answer(worker=second, invitation=a, accept=True)
    answered = services.invitation_answer(worker=first, invitation=a, accept=True)
    assert answered.status == "accepted"
    assert answered.answered_at is not None
    with pytest.raises(DomainError) as again:
        services.invitation_answer(worker=first, invitation=a, accept=False)
    assert again.value.code == "not_open"
    with pytest.raises(DomainError):
        services.invitation_withdraw(actor=personas.recruiter, vacancy=vacancy.id, invitation_id=a.id)
    withdrawn = services.invitation_withdraw(actor=personas.recruiter, vacancy=vacancy.id, invitation_id=b.id)
    assert withdrawn.status == "withdrawn"
    [item] = list(selectors.invitations_for(actor=second))
    assert (item.status, item.is_open, item.reason) == ("withdrawn", False, "Some skills")
