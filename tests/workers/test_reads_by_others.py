"""A recruiter reads a worker's personal details only through the access guard, and the worker sees it."""

from __future__ import annotations

from datetime import date

import pytest

from mizan.common.errors import PermissionDenied
from mizan.privacy.consent.models import AccessRecord
from mizan.privacy.consent.services import consent_give
from mizan.workers import selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def details(worker):
    services.personal_details_update(
        actor=worker,
        worker=worker,
        data={
            "full_name": "Sita Tamang",
            "date_of_birth": date(1994, 3, 2),
            "bank_account_number": "01234567",
        },
    )
    return worker


def agency_of(user):
    return user.memberships.get().organisation


def test_without_consent_the_read_is_refused_and_recorded(details, recruiter):
    with pytest.raises(PermissionDenied):
        selectors.personal_details_for(
            actor=recruiter,
            worker=details,
            purpose="recruitment",
            categories=["identity"],
            organisation=agency_of(recruiter),
        )
    record = AccessRecord.objects.get(worker=details)
    assert record.actor == recruiter
    assert record.outcome == "refused"


def test_with_consent_only_the_asked_categories_are_returned_and_the_read_is_recorded(details, recruiter):
    agency = agency_of(recruiter)
    consent_give(worker=details, purpose="recruitment", organisation=agency, method="web")

    data = selectors.personal_details_for(
        actor=recruiter, worker=details, purpose="recruitment", categories=["identity"], organisation=agency
    )

    assert data.values["full_name"] == "Sita Tamang"
    assert data.values["date_of_birth"] is None  # not asked for
    assert data.values["bank_account_number"] == ""  # bank details are not under recruitment at all
    record = AccessRecord.objects.get(worker=details)
    assert record.outcome == "granted"
    assert record.categories == ["identity"]


def test_bank_details_are_refused_under_recruitment(details, recruiter):
    agency = agency_of(recruiter)
    consent_give(worker=details, purpose="recruitment", organisation=agency, method="web")
    with pytest.raises(PermissionDenied):
        selectors.personal_details_for(
            actor=recruiter, worker=details, purpose="recruitment", categories=["bank"], organisation=agency
        )


def test_the_worker_reading_their_own_details_records_nothing(details):
    data = selectors.personal_details_for(
        actor=details, worker=details, purpose="recruitment", categories=["identity"]
    )
    assert data.values["bank_account_number"] == "01234567"
    assert not AccessRecord.objects.exists()
