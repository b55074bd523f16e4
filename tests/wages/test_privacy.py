"""The worker's wages data in their export, erased with their account (except what a hold keeps), and
purged after the retention period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from mizan.accounts.models import User
from mizan.privacy.rights.export import export_for
from mizan.privacy.rights.registry import LEDGER_SUBJECTS
from mizan.privacy.rights.services.erasure import worker_erase
from mizan.privacy.rights.services.holds import legal_hold_place
from mizan.wages.models import (
    EmployerReview,
    Evidence,
    PayRecord,
    SharedLogRead,
    Sharing,
    WageTerms,
    WorkEvent,
)
from mizan.wages.periods import parse_period
from mizan.wages.privacy import purge_wages
from mizan.wages.selectors.shared import shared_log
from mizan.wages.services.evidence import evidence_export
from mizan.wages.services.pay import pay_record_save
from mizan.wages.services.sharing import review_record, sharing_give
from tests.personas import Personas
from tests.wages.helpers import event, record, terms_for

pytestmark = pytest.mark.django_db


def everything(personas: Personas) -> User:
    worker = personas.worker
    employer = personas.employer.memberships.get().organisation
    terms_for(worker, employer=employer)
    record(worker, event("work", "2026-10-05 08:00", "2026-10-05 20:00", note="my note"))
    october = parse_period("2026-10")
    assert october is not None
    pay_record_save(
        actor=worker, worker=worker, period=october, currency="HKD", received=Decimal("4000"),
        deductions=[{"kind": "loan", "amount": "100"}],
    )  # fmt: skip
    evidence_export(actor=worker, worker=worker, period=october, language="en")
    sharing_give(actor=worker, worker=worker, organisation=employer)
    found = shared_log(actor=personas.employer, organisation=employer, worker=worker, period=october)
    review_record(
        actor=personas.employer, organisation=employer, worker=worker, period=october,
        entries=found.view.entries, outcome="disputed", comment="too long",
    )  # fmt: skip
    return worker


def test_the_export_holds_everything_in_clear(personas: Personas) -> None:
    worker = everything(personas)
    section = export_for(actor=worker, worker=worker).model_dump()["sections"]["wages"]
    assert section["time_log"][0]["note"] == "my note"
    assert section["contract_terms"]["pay_amount"] == "4990.00"
    assert section["pay_received"][0]["received"] == "4000.00"
    assert section["pay_received"][0]["deductions"] == [{"kind": "loan", "amount": "100.00"}]
    assert len(section["evidence"]) == 1
    assert len(section["sharing"]) == 1
    assert section["employer_reviews"][0]["comment"] == "too long"
    assert len(section["shared_log_reads"]) == 1
    subjects = list(LEDGER_SUBJECTS["wages"](worker))
    assert any(s.startswith("work_evidence:") for s in subjects)
    assert any(s.startswith("wage_review:") for s in subjects)


def test_erasure_deletes_the_wages_data(personas: Personas) -> None:
    worker = everything(personas)
    worker_erase(actor=worker, worker=worker)
    for model in (WorkEvent, WageTerms, PayRecord, Evidence, Sharing, EmployerReview, SharedLogRead):
        assert not model.objects.filter(worker=worker).exists(), model.__name__


def test_a_legal_hold_keeps_hours_and_pay_readable_under_a_fresh_key(personas: Personas) -> None:
    worker = everything(personas)
    legal_hold_place(
        actor=personas.platform_admin, worker=worker, reason="legal_claim",
        categories=["work_hours_pay"], source_reference="case:pay-claim-1",
    )  # fmt: skip
    worker_erase(actor=worker, worker=worker)
    event_row = WorkEvent.objects.get(worker=worker)
    assert event_row.note == "my note"  # sealed again after the old key was destroyed
    assert PayRecord.objects.get(worker=worker).received == "4000.00"
    assert EmployerReview.objects.get(worker=worker).comment == "too long"
    assert not WageTerms.objects.filter(worker=worker).exists()  # contract terms were not held
    assert not Sharing.objects.filter(worker=worker).exists()


def test_the_purge_deletes_what_is_past_its_retention(personas: Personas) -> None:
    worker = personas.worker
    record(
        worker,
        event("work", "2016-10-05 08:00", "2016-10-05 20:00"),
        event("work", "2026-10-05 08:00", "2026-10-05 20:00"),
    )
    deleted = purge_wages(now=timezone.now())
    assert deleted == 1
    assert list(WorkEvent.objects.filter(worker=worker).values_list("starts_at__year", flat=True)) == [2026]
    assert purge_wages(now=timezone.now()) == 0


def test_the_purge_respects_a_legal_hold(personas: Personas) -> None:
    worker = personas.worker
    record(worker, event("work", "2016-10-05 08:00", "2016-10-05 20:00"))
    legal_hold_place(
        actor=personas.platform_admin, worker=worker, reason="legal_claim",
        categories=["work_hours_pay"], source_reference="case:old-claim",
    )  # fmt: skip
    assert purge_wages(now=timezone.now() + dt.timedelta(days=1)) == 0
    assert WorkEvent.objects.filter(worker=worker).exists()
