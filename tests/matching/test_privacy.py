"""Matching's part of a worker's data rights, and how long ranking logs are kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from mizan.matching import selectors, services
from mizan.matching.models import CandidateHandle, Invitation, RankingLog
from mizan.matching.rankings import MINIMUM_DAYS, purge_ranking_logs, retention_days
from mizan.privacy.rights.export import export_for, export_json
from mizan.privacy.rights.registry import ERASERS, EXPORTERS, LEDGER_SUBJECTS, PURGERS
from mizan.privacy.rights.services.erasure import worker_erase
from tests.matching.helpers import new_worker, published_vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(common_taxonomy, personas):
    worker = new_worker(common_taxonomy)
    vacancy = published_vacancy(common_taxonomy, posted_by=personas.organisation("agency"))
    [candidate] = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id).candidates
    services.invite(actor=personas.recruiter, vacancy=vacancy.id, candidate_handle=candidate.handle,
                    reason="Good welder.")  # fmt: skip
    selectors.jobs_for(worker=worker)
    return worker


def test_matching_is_part_of_the_workers_export(invited):
    assert {"matching"} <= EXPORTERS.keys() & ERASERS.keys() & LEDGER_SUBJECTS.keys()
    section = export_json(export_for(actor=invited, worker=invited))["sections"]["matching"]
    [invitation] = section["invitations"]
    assert (invitation["reason"], invitation["status"], invitation["position_when_invited"]) == (
        "Good welder.",
        "invited",
        1,
    )
    assert len(section["jobs_suggested_to_you"]) == 1
    assert [row["position"] for row in section["shortlists_you_appeared_on"]] == [1]


def test_erasure_deletes_invitations_and_handles_and_keeps_the_anonymous_logs(invited):
    logs = RankingLog.objects.count()
    worker_erase(actor=invited, worker=invited)
    assert not Invitation.objects.filter(worker=invited).exists()
    assert not CandidateHandle.objects.filter(worker=invited).exists()
    assert RankingLog.objects.count() == logs  # ids and scores only: kept for audit, their retention


def test_ranking_logs_are_kept_at_least_six_months(invited, settings):
    assert "matching.ranking_logs" in PURGERS
    settings.MIZAN_RETENTION_DAYS = {**settings.MIZAN_RETENTION_DAYS, "ranking_logs": 30}
    assert retention_days() == MINIMUM_DAYS >= 183
    now = timezone.now()
    old = RankingLog.objects.order_by("created_at").first()
    RankingLog.objects.filter(pk=old.pk).update(created_at=now - dt.timedelta(days=MINIMUM_DAYS + 1))
    RankingLog.objects.exclude(pk=old.pk).update(created_at=now - dt.timedelta(days=MINIMUM_DAYS - 1))
    assert purge_ranking_logs(now=now) == 1
    assert (
        Invitation.objects.get().ranking_log_id is None or Invitation.objects.get().ranking_log_id != old.pk
    )
    assert RankingLog.objects.count() >= 1


def test_the_rebuild_command_says_what_it_built(common_taxonomy, capsys):
    new_worker(common_taxonomy)
    published_vacancy(common_taxonomy)
    call_command("matching", "rebuild")
    out = capsys.readouterr().out
    assert "1 profiles indexed" in out
    assert "1 published vacancies" in out
