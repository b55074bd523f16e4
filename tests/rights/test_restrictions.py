"""Restriction and objection: processing_allowed refuses with a reason the worker can read."""

from __future__ import annotations

from typing import Any

import pytest

from mizan.accounts.models import User
from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy.consent import reasons
from mizan.privacy.consent.models import AccessRecord, Consent
from mizan.privacy.consent.purposes import PURPOSES
from mizan.privacy.consent.selectors import processing_allowed, processing_refusals, workers_allowed
from mizan.privacy.consent.wording import describe
from mizan.privacy.rights import restrictions, services
from mizan.privacy.rights.models import Restriction
from tests.consent.helpers import agency, give, read
from tests.factories import WorkerFactory

pytestmark = pytest.mark.django_db


def refusal(worker: User, purpose: str, organisation: Any = None) -> str | None:
    found = processing_refusals(worker_ids=[worker.id], purpose=PURPOSES[purpose], organisation=organisation)
    return found.get(worker.id)


def turn(worker: User, kind: str, on: bool = True) -> Restriction | None:
    return services.restriction_set(actor=worker, worker=worker, kind=kind, on=on)


def test_restricting_refuses_everything_but_storage_and_legal_claims(worker: User, personas: Any) -> None:
    org = agency(personas)
    give(worker)
    give(worker, "recruitment", org)
    assert processing_allowed(worker=worker, purpose="recruitment", organisation=org)

    turn(worker, "restrict")

    assert refusal(worker, "job_matching") == restrictions.RESTRICTED
    assert refusal(worker, "recruitment", org) == restrictions.RESTRICTED
    assert refusal(worker, "statistics") == restrictions.RESTRICTED
    assert not processing_allowed(worker=worker, purpose="job_matching")
    for allowed in ("account", "legal_obligation", "emergency"):
        assert refusal(worker, allowed) is None, allowed

    turn(worker, "restrict", on=False)
    assert processing_allowed(worker=worker, purpose="recruitment", organisation=org)


def test_a_refused_read_tells_the_worker_why(worker: User, personas: Any) -> None:
    give(worker)
    turn(worker, "restrict")
    with pytest.raises(PermissionDenied) as caught:
        read(personas.recruiter, worker)
    assert caught.value.code == restrictions.RESTRICTED
    record = AccessRecord.objects.get(worker=worker)
    assert record.reason == restrictions.RESTRICTED
    assert "you asked us to keep your data but not use it" in describe(record)
    assert (
        reasons.to_reader(restrictions.RESTRICTED)
        == restrictions.REASON_TEXTS[restrictions.RESTRICTED].to_reader
    )


def test_objecting_to_matching_withdraws_the_consent_and_outlasts_a_new_one(worker: User) -> None:
    give(worker)
    assert processing_allowed(worker=worker, purpose="job_matching")

    turn(worker, "object_matching")

    consent = Consent.objects.get(worker=worker, purpose="job_matching")
    assert consent.withdrawn_at is not None
    assert not processing_allowed(worker=worker, purpose="job_matching")
    give(worker)  # turned on again in "My permissions": the standing objection still wins
    assert refusal(worker, "job_matching") == restrictions.OBJECTED_MATCHING
    assert refusal(worker, "statistics") is None  # a separate choice

    turn(worker, "object_matching", on=False)
    assert processing_allowed(worker=worker, purpose="job_matching")


def test_objecting_to_counts_leaves_the_worker_out_of_statistics(worker: User) -> None:
    others = WorkerFactory.create_batch(3)
    turn(worker, "object_statistics")
    ids = [worker.id, *(o.id for o in others)]
    assert workers_allowed(worker_ids=ids, purpose="statistics") == {o.id for o in others}
    assert refusal(worker, "statistics") == restrictions.OBJECTED_STATISTICS


def test_turning_on_twice_keeps_one_restriction_and_only_the_worker_can(worker: User, personas: Any) -> None:
    first = turn(worker, "restrict")
    second = turn(worker, "restrict")
    assert first is not None
    assert second is not None
    assert first.pk == second.pk
    assert Restriction.objects.filter(worker=worker).count() == 1
    assert turn(worker, "restrict", on=False) is None
    assert turn(worker, "restrict", on=False) is None
    with pytest.raises(PermissionDenied):
        services.restriction_set(actor=personas.platform_admin, worker=worker, kind="restrict", on=True)
    with pytest.raises(DomainError) as caught:
        turn(worker, "sell_my_data")
    assert caught.value.code == "restriction_unknown"


def test_an_erased_worker_is_refused_except_for_what_a_hold_keeps(worker: User, hold_on: Any) -> None:
    other = WorkerFactory()
    hold_on(other, ["contract_terms"], reason="legal_claim", source_reference="case:1")
    services.worker_erase(actor=worker, worker=worker)
    services.worker_erase(actor=other, worker=other)
    assert refusal(worker, "legal_obligation") == restrictions.ERASED
    assert refusal(other, "legal_obligation") is None  # the hold exists for legal claims
    assert refusal(other, "statistics") == restrictions.ERASED


def test_the_check_costs_one_query_for_any_number_of_workers(django_assert_num_queries: Any) -> None:
    workers = WorkerFactory.create_batch(40)
    for w in workers[:10]:
        turn(w, "restrict")
    services.worker_erase(actor=workers[-1], worker=workers[-1])
    with django_assert_num_queries(1):
        refused = restrictions.refusals([w.id for w in workers], PURPOSES["statistics"], None)
    assert refused == {
        **{w.id: restrictions.RESTRICTED for w in workers[:10]},
        workers[-1].id: restrictions.ERASED,
    }
