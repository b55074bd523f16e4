"""``may_recruit(organisation, *, on)``: the one answer the job board asks before a job is published."""

from __future__ import annotations

import pytest
from django.utils.encoding import force_str

from mizan.registry import services
from mizan.registry.models import Sanction
from mizan.registry.selectors import may_recruit
from tests.registry.helpers import days, licence, recruiter, sanction, today

pytestmark = pytest.mark.django_db


def reasons(organisation, on=None) -> list[str]:
    return [force_str(reason) for reason in may_recruit(organisation, on=on or today()).reasons]


def test_an_agency_with_a_licence_in_force_may_recruit():
    agency = recruiter()
    found = licence(agency)
    status = may_recruit(agency, on=today())
    assert status.may_recruit
    assert status.licence == found
    assert status.reasons == []


def test_an_agency_without_a_licence_may_not():
    status = may_recruit(recruiter(), on=today())
    assert not status.may_recruit
    assert reasons(recruiter("Other")) == ["The agency has no licence in the registry."]


def test_an_expired_licence_does_not_count():
    agency = recruiter()
    licence(agency, valid_from=days(-800), valid_to=days(-1))
    assert not may_recruit(agency, on=today()).may_recruit
    assert reasons(agency) == ["The licence has expired."]
    assert may_recruit(agency, on=days(-2)).may_recruit  # on a day it was valid


def test_a_licence_not_yet_valid_does_not_count():
    agency = recruiter()
    licence(agency, valid_from=days(5), valid_to=days(500))
    assert reasons(agency) == ["The licence is not valid yet."]


def test_a_suspended_agency_may_not_recruit():
    agency = recruiter()
    licence(agency)
    sanction(agency, Sanction.Kind.SUSPENSION)
    status = may_recruit(agency, on=today())
    assert not status.may_recruit
    assert status.licence is None
    assert reasons(agency) == ["The licence is suspended.", "An authority suspended the organisation."]


def test_a_revocation_by_sanction_stops_it():
    agency = recruiter()
    licence(agency)
    sanction(agency, Sanction.Kind.REVOCATION)
    assert reasons(agency) == [
        "The licence was revoked.",
        "An authority revoked the organisation's licence.",
    ]


def test_a_lifted_sanction_no_longer_stops_it():
    agency = recruiter()
    licence(agency)
    imposed = sanction(agency, Sanction.Kind.SUSPENSION)
    assert not may_recruit(agency, on=today()).may_recruit
    services.sanction_lift(actor=None, sanction=imposed, reason="Fees were paid back to the workers.")
    assert may_recruit(agency, on=today()).may_recruit


def test_a_suspension_that_has_ended_no_longer_stops_it():
    agency = recruiter()
    licence(agency)
    imposed = sanction(agency, Sanction.Kind.SUSPENSION, starts_on=days(-20), ends_on=days(2))
    assert not may_recruit(agency, on=today()).may_recruit
    assert may_recruit(agency, on=days(3)).may_recruit  # the stored status stays; the day decides
    Sanction.objects.filter(pk=imposed.pk).update(starts_on=days(-20), ends_on=days(-1))  # time passed
    assert may_recruit(agency, on=today()).may_recruit


def test_a_sanction_that_starts_later_stops_it_from_its_first_day():
    agency = recruiter()
    licence(agency)
    sanction(agency, Sanction.Kind.SUSPENSION, starts_on=days(10))
    assert may_recruit(agency, on=today()).may_recruit
    assert not may_recruit(agency, on=days(10)).may_recruit


def test_an_employer_without_a_licence_may_recruit_but_not_when_blacklisted():
    employer = recruiter("Doha Builders", country="QA", kind="employer")
    assert may_recruit(employer, on=today()).may_recruit
    sanction(employer, Sanction.Kind.BLACKLIST)
    assert reasons(employer) == ["The organisation is on an authority's blacklist."]


def test_an_employer_whose_only_licence_expired_may_not():
    employer = recruiter("Doha Builders", country="QA", kind="employer")
    licence(employer, valid_from=days(-800), valid_to=days(-1))
    assert reasons(employer) == ["The licence has expired."]


def test_a_warning_does_not_stop_anyone():
    agency = recruiter()
    licence(agency)
    sanction(agency, Sanction.Kind.WARNING)
    assert may_recruit(agency, on=today()).may_recruit


@pytest.mark.parametrize("kind", ["authority", "ngo", "auditor"])
def test_other_organisations_never_recruit(kind):
    assert reasons(recruiter(kind=kind)) == ["Only recruitment agencies and employers can post jobs."]


def test_a_renewed_licence_counts_after_the_old_one_expired(officer):
    agency = recruiter()
    licence(agency, "OLD-1", valid_from=days(-800), valid_to=days(-1), actor=officer)
    licence(agency, "NEW-1", valid_from=days(0), valid_to=days(700), actor=officer)
    status = may_recruit(agency, on=today())
    assert status.may_recruit
    assert status.licence is not None
    assert status.licence.number == "NEW-1"
