"""Legal age limits as yes/no, from the sealed date of birth, only for those who may read it."""

from __future__ import annotations

import datetime as dt

import pytest

from mizan.privacy.consent.models import AccessRecord
from mizan.privacy.consent.services import consent_give
from mizan.profiles.selectors import eligibility
from mizan.workers.services import personal_details_update

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 6, 1)


def _born(worker, day: dt.date) -> None:
    personal_details_update(actor=worker, worker=worker, data={"date_of_birth": day})


def test_matching_never_learns_the_age(worker):
    _born(worker, dt.date(1995, 4, 14))
    assert eligibility(worker, destination="QA", on=ON) == {"minimum_age": None}
    assert not AccessRecord.objects.exists()


def test_the_worker_sees_yes_or_no_for_a_corridor(worker):
    _born(worker, dt.date(1995, 4, 14))  # 31 on ON
    assert eligibility(worker, destination="QA", on=ON, actor=worker) == {"minimum_age": True}
    young = {"destination": "SA", "origin": "LK", "sector": "domestic_work", "on": ON, "actor": worker}
    _born(worker, dt.date(2004, 1, 1))  # 22: under Sri Lanka's 25 for housemaids to Saudi Arabia
    assert eligibility(worker, **young) == {"minimum_age": False}
    _born(worker, dt.date(2000, 1, 1))  # 26
    assert eligibility(worker, **young) == {"minimum_age": True}


def test_a_birthday_not_yet_reached_counts(worker):
    _born(worker, dt.date(2008, 6, 2))  # 17 on ON, 18 the day after
    assert eligibility(worker, destination="QA", on=ON, actor=worker) == {"minimum_age": False}
    assert eligibility(worker, destination="QA", on=ON + dt.timedelta(days=1), actor=worker) == {
        "minimum_age": True
    }


def test_without_a_date_of_birth_it_is_unknown(worker):
    assert eligibility(worker, destination="QA", on=ON, actor=worker) == {"minimum_age": None}


def test_an_agency_the_worker_named_gets_an_answer_and_the_read_is_recorded(worker, recruiter, personas):
    _born(worker, dt.date(1995, 4, 14))
    agency = personas.organisation("agency")
    assert eligibility(worker, destination="QA", on=ON, actor=recruiter, organisation=agency) == {
        "minimum_age": None
    }
    assert not AccessRecord.objects.exists()  # no consent: not even tried
    consent_give(worker=worker, purpose="recruitment", organisation=agency, method="web")
    assert eligibility(worker, destination="QA", on=ON, actor=recruiter, organisation=agency) == {
        "minimum_age": True
    }
    record = AccessRecord.objects.get()
    assert (record.purpose, record.categories, record.outcome) == (
        "recruitment",
        ["date_of_birth"],
        "granted",
    )
