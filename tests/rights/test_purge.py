"""`mizan purge_expired`: expired records go, held ones stay, erasures finish when holds end; idempotent and
quiet (counts only)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from mizan.accounts.models import OneTimeCode, User
from mizan.privacy.consent.models import AccessRecord, Consent
from mizan.privacy.ledger.verify import verify_ledger
from mizan.privacy.rights import registry, services
from mizan.privacy.rights.models import CorrectionRequest, Erasure, LegalHold
from mizan.privacy.rights.retention import retention_days
from mizan.privacy.rights.services.purge import purge_expired
from mizan.workers.models import PersonalDetails
from tests.consent.helpers import give, read
from tests.factories import WorkerFactory
from tests.rights.conftest import fill_details

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def days_ago(key: str, extra: int = 1) -> datetime:
    return timezone.now() - timedelta(days=retention_days(key) + extra)


def test_expired_records_go_and_recent_ones_stay(worker: User, personas: Any) -> None:
    give(worker)
    read(personas.recruiter, worker)
    read(personas.recruiter, worker)
    old_record, new_record = AccessRecord.objects.order_by("at")
    AccessRecord.objects.filter(pk=old_record.pk).update(at=days_ago("access_records"))
    stopped = give(worker, "equality_monitoring")
    services.restriction_set(actor=worker, worker=worker, kind="restrict", on=True)
    Consent.objects.filter(pk=stopped.pk).update(withdrawn_at=days_ago("consents"), withdrawn_method="web")
    old_code = OneTimeCode.objects.create(phone="+9779800000001", code_hash="x", expires_at=timezone.now())
    OneTimeCode.objects.filter(pk=old_code.pk).update(created_at=days_ago("sign_in_codes"))
    fresh_code = OneTimeCode.objects.create(phone="+9779800000002", code_hash="y", expires_at=timezone.now())
    answered = services.correction_request_create(actor=worker, item="other", what_is_wrong="wrong")
    services.correction_request_close(actor=personas.platform_admin, request=answered, outcome="done")
    CorrectionRequest.objects.filter(pk=answered.pk).update(closed_at=days_ago("correction_requests"))
    waiting = services.correction_request_create(actor=worker, item="other", what_is_wrong="still wrong")

    report = purge_expired()

    assert report.ok
    assert report.counts["access_records"] == 1
    assert report.counts["consents"] == 1
    assert report.counts["correction_requests"] == 1
    assert report.counts["sign_in_codes"] >= 1
    assert list(AccessRecord.objects.all()) == [new_record]
    assert not Consent.objects.filter(pk=stopped.pk).exists()
    assert Consent.objects.filter(worker=worker, purpose="job_matching").exists()  # live: kept
    assert list(OneTimeCode.objects.all()) == [fresh_code]
    assert list(CorrectionRequest.objects.all()) == [waiting]

    again = purge_expired()  # idempotent: nothing more to do
    assert all(count == 0 for count in again.counts.values()), again.counts


def test_replaced_consent_chains_are_deleted_oldest_first(worker: User) -> None:
    first = give(worker)
    Consent.objects.filter(pk=first.pk).update(withdrawn_at=timezone.now(), withdrawn_method="web")
    second = give(worker)  # as when a notice changes: the first is replaced by the second
    Consent.objects.filter(pk=first.pk).update(replaced_by=second, withdrawn_at=days_ago("consents", 10))
    Consent.objects.filter(pk=second.pk).update(withdrawn_at=days_ago("consents"), withdrawn_method="web")
    report = purge_expired()
    assert report.counts["consents"] == 2
    assert not Consent.objects.exists()


def test_held_records_are_kept_past_their_retention(worker: User, personas: Any, hold_on: Any) -> None:
    other = WorkerFactory()
    for who in (worker, other):
        give(who)
        read(personas.recruiter, who)
        stopped = give(who, "equality_monitoring")
        Consent.objects.filter(pk=stopped.pk).update(
            withdrawn_at=days_ago("consents"), withdrawn_method="web"
        )
    AccessRecord.objects.update(at=days_ago("access_records"))
    hold_on(worker, ["access_records", "consents"], reason="legal_claim", source_reference="case:abuse-17")

    purge_expired()

    assert AccessRecord.objects.filter(worker=worker).count() == 1
    assert not AccessRecord.objects.filter(worker=other).exists()
    assert Consent.objects.filter(worker=worker, purpose="equality_monitoring").exists()
    assert not Consent.objects.filter(worker=other, purpose="equality_monitoring").exists()


def test_inactive_accounts_are_erased_with_their_holds_respected(hold_on: Any) -> None:
    idle, held, active = WorkerFactory(), WorkerFactory(), WorkerFactory()
    for who in (idle, held, active):
        fill_details(who)
    hold_on(held, ["bank"], source_reference="contract:1")
    User.objects.filter(pk__in=[idle.pk, held.pk]).update(
        date_joined=days_ago("inactive_accounts"), last_login=None
    )
    User.objects.filter(pk=active.pk).update(
        date_joined=days_ago("inactive_accounts"), last_login=timezone.now() - DAY
    )

    report = purge_expired()

    assert report.counts["inactive_accounts"] == 2
    assert Erasure.objects.filter(by=Erasure.By.RETENTION).count() == 2
    assert Erasure.objects.get(worker=held).status == Erasure.Status.HELD
    assert PersonalDetails.objects.get(worker=held).bank_account_number  # kept, the hold says so
    assert not PersonalDetails.objects.filter(worker=idle).exists()
    # Nothing pointed at the idle account any more, so even its tombstone row is gone already.
    assert report.counts["tombstones"] == 1
    assert not User.objects.filter(pk=idle.pk).exists()
    assert not Erasure.objects.filter(worker=active).exists()
    assert User.objects.get(pk=active.pk).phone == active.phone


def test_erasures_finish_when_their_holds_end_and_tombstones_go(worker: User, hold_on: Any) -> None:
    fill_details(worker)
    until = timezone.localdate() + timedelta(days=30)
    hold_on(worker, ["bank"], until=until)
    erasure = services.worker_erase(actor=worker, worker=worker)
    assert erasure.status == Erasure.Status.HELD

    on_the_last_day = purge_expired(now=timezone.now() + timedelta(days=30))
    assert on_the_last_day.counts["erasures_finished"] == 0
    assert PersonalDetails.objects.filter(worker=worker).exists()

    later = timezone.now() + timedelta(days=31)
    report = purge_expired(now=later)

    erasure.refresh_from_db()
    assert report.counts["erasures_finished"] == 1
    assert erasure.status == Erasure.Status.DONE
    assert not PersonalDetails.objects.filter(worker=worker).exists()
    assert report.counts["tombstones"] == 0  # the ended hold is still a record pointing at the account

    much_later = later + timedelta(days=retention_days("legal_holds") + 1)
    final = purge_expired(now=much_later)
    assert final.counts["legal_holds"] == 1
    assert final.counts["tombstones"] == 1
    assert not User.objects.filter(pk=worker.pk).exists()
    erasure.refresh_from_db()
    assert erasure.worker is None  # the record of the erasure stays, pointing at nobody
    assert not LegalHold.objects.exists()
    assert verify_ledger().intact


def test_a_tombstone_waits_while_records_still_point_at_it(worker: User, personas: Any) -> None:
    give(worker)
    read(personas.recruiter, worker)
    services.worker_erase(actor=worker, worker=worker)
    assert purge_expired().counts["tombstones"] == 0
    later = timezone.now() + timedelta(days=retention_days("consents") + 2)
    assert purge_expired(now=later).counts["tombstones"] == 1
    assert not User.objects.filter(pk=worker.pk).exists()


@pytest.fixture
def flaky_purger() -> Iterator[list[datetime]]:
    calls: list[datetime] = []

    def purge(*, now: datetime) -> int:
        calls.append(now)
        raise RuntimeError("storage offline for +9779812345678")

    registry.register_purger("flaky", purge)
    yield calls
    registry.unregister("flaky")


def test_the_command_prints_counts_only_and_fails_loudly(
    worker: User, flaky_purger: list[datetime], caplog: Any
) -> None:
    out = StringIO()
    with pytest.raises(CommandError, match="flaky"):
        call_command("purge_expired", stdout=out)
    text = out.getvalue()
    assert "access_records: 0" in text
    assert flaky_purger
    everything = text + caplog.text
    assert "+9779812345678" not in everything  # the error's message (possibly personal) is never logged
    assert worker.phone not in everything


def test_the_command_succeeds_and_is_idempotent(worker: User) -> None:
    first, second = StringIO(), StringIO()
    call_command("purge_expired", stdout=first)
    call_command("purge_expired", stdout=second)
    assert "Purge done." in second.getvalue()
    assert first.getvalue().count(":") == second.getvalue().count(":")
