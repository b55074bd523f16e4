"""The hours-and-pay demo: a month logged by the PH → HK demo worker, a statement with a shortfall and a
missed rest day, a proof whose hash is in a signed checkpoint; nothing added on a second run."""

from __future__ import annotations

import logging

import pytest
from django.utils import translation

from mizan.accounts.models import Organisation, User
from mizan.demo import data
from mizan.demo.wages import PHONE, demo_month, demo_wages_load
from mizan.wages.models import Evidence, PayRecord, WageTerms, WorkEvent
from mizan.wages.services.evidence import verify_evidence
from mizan.wages.statement import build_statement
from tests.factories import OrganisationFactory, WorkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations() -> dict[str, Organisation]:
    """What the base demo gives the loader: the demo worker and the "kowloon" household (built here, so
    the test does not depend on the order in which `mizan demo` runs the loaders)."""
    WorkerFactory(phone=PHONE, display_name="Demo worker (synthetic)", preferred_language="fil")
    spec = next(spec for spec in data.ORGANISATIONS if spec.key == "kowloon")
    return {
        "kowloon": OrganisationFactory(kind=spec.kind, country=spec.country, name=spec.name, is_demo=True)
    }


def test_the_wages_demo_loads_once(organisations: dict[str, Organisation]) -> None:
    added = demo_wages_load(organisations=organisations)
    worker = User.objects.get(phone=PHONE)
    events = WorkEvent.objects.filter(worker=worker)
    assert added == events.count() + 3  # terms, pay received, the proof
    assert events.count() > 90
    assert events.filter(replaces__isnull=False).count() == 1
    assert set(events.values_list("source", flat=True)) == {"phone"}
    assert WageTerms.objects.get(worker=worker).employer == organisations["kowloon"]
    assert demo_wages_load(organisations=organisations) == 0
    assert WorkEvent.objects.filter(worker=worker).count() == events.count()
    assert PayRecord.objects.filter(worker=worker).count() == 1
    assert Evidence.objects.filter(worker=worker).count() == 1


def test_the_demo_statement_shows_the_shortfall_and_the_missed_rest_day(
    organisations: dict[str, Organisation],
) -> None:
    demo_wages_load(organisations=organisations)
    worker = User.objects.get(phone=PHONE)
    with translation.override("en"):
        result = build_statement(worker=worker, period=demo_month(), language="en")
    assert result.statement is not None
    assert result.statement.totals.shortfall == 990
    assert result.statement.rest.rest_days_owed >= 1
    assert result.left_out == 0
    proof = Evidence.objects.get(worker=worker)
    check = verify_evidence(proof.document.encode("utf-8"))
    assert check.ok
    assert check.reference is not None
    assert check.reference.status == "included"


def test_without_the_demo_worker_it_adds_nothing_and_says_why(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert demo_wages_load(organisations={}) == 0
    assert "run the base demo first" in caplog.text
