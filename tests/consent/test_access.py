"""The access guard: purpose, role and consent are checked, and every read — allowed or not — is recorded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mizan.accounts.models import Membership, Organisation
from mizan.common.errors import PermissionDenied
from mizan.privacy.consent import hooks, reasons, selectors, services
from mizan.privacy.consent.access import require_access, require_access_many
from mizan.privacy.consent.models import AccessRecord
from tests.consent.helpers import agency, give, read, records_of, workers_with_matching
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def refused(actor, worker, reason, **kwargs):
    with pytest.raises(PermissionDenied) as caught:
        read(actor, worker, **kwargs)
    assert caught.value.code == reason
    record = records_of(worker)[-1]
    assert record.actor == actor
    assert record.outcome == AccessRecord.Outcome.REFUSED
    assert record.reason == reason
    return record


# --- Allowed reads ---------------------------------------------------------------------------------------


def test_an_allowed_read_is_recorded_with_who_for_whom_what_and_why(worker, recruiter, personas):
    give(worker)
    grant = read(recruiter, worker, categories=["skills_experience", "preferences"], reference="search:42")
    [record] = records_of(worker)
    assert record.outcome == AccessRecord.Outcome.GRANTED
    assert record.reason == ""
    assert record.actor == recruiter
    assert record.organisation == agency(personas)
    assert record.purpose == "job_matching"
    assert record.categories == ["preferences", "skills_experience"]
    assert record.reference == "search:42"
    assert grant.record_id == record.id
    assert grant.organisation_id == agency(personas).id
    assert grant.covers("preferences")
    assert not grant.covers("contact")


def test_a_worker_reading_their_own_data_records_nothing(worker):
    grant = read(worker, worker, purpose="contract", categories=["bank"])
    assert grant.record_id is None
    assert not AccessRecord.objects.exists()


# --- Refused reads are refused AND recorded ------------------------------------------------------------


def test_a_read_without_a_purpose_is_refused_and_recorded(worker, recruiter):
    give(worker)
    record = refused(recruiter, worker, reasons.UNKNOWN_PURPOSE, purpose="")
    assert record.purpose == ""
    refused(recruiter, worker, reasons.UNKNOWN_PURPOSE, purpose="curiosity")


def test_a_read_without_consent_is_refused_and_recorded(worker, recruiter, personas):
    record = refused(recruiter, worker, reasons.NO_CONSENT)
    assert record.organisation == agency(personas)
    assert record.categories == ["skills_experience"]


def test_a_role_not_allowed_under_the_purpose_is_refused_and_recorded(
    worker, inspector, caseworker, auditor, outsider
):
    give(worker)
    for actor in (inspector, caseworker, auditor, outsider):
        refused(actor, worker, reasons.ROLE_NOT_ALLOWED)


def test_a_viewer_at_an_agency_may_not_read_even_with_consent(worker, personas):
    give(worker)
    viewer = MembershipFactory(organisation=agency(personas), role=Membership.Role.VIEWER).user
    refused(viewer, worker, reasons.ROLE_NOT_ALLOWED)


def test_data_the_purpose_does_not_cover_is_refused(worker, recruiter):
    give(worker)
    refused(recruiter, worker, reasons.CATEGORY_NOT_ALLOWED, categories=["skills_experience", "bank"])
    refused(recruiter, worker, reasons.CATEGORY_NOT_ALLOWED, categories=["shoe_size"])
    refused(recruiter, worker, reasons.NO_CATEGORIES, categories=[])


def test_nobody_reads_one_workers_data_for_counts_not_even_platform_staff(worker, platform_admin):
    give(worker, "equality_monitoring")
    refused(
        platform_admin,
        worker,
        reasons.NOT_READABLE,
        purpose="equality_monitoring",
        categories=["equality_data"],
    )


def test_an_inspection_needs_no_consent_but_must_name_the_inspection(worker, inspector, recruiter):
    kwargs = {"purpose": "legal_obligation", "categories": ["work_hours_pay"]}
    refused(inspector, worker, reasons.REFERENCE_NEEDED, **kwargs)
    grant = read(inspector, worker, reference="inspection:2025-17", **kwargs)
    assert grant.record_id == records_of(worker)[-1].id
    refused(recruiter, worker, reasons.ROLE_NOT_ALLOWED, reference="inspection:2025-17", **kwargs)


def test_recruitment_consent_binds_one_organisation(worker, recruiter, personas):
    mine = agency(personas)
    other = OrganisationFactory(kind=Organisation.Kind.AGENCY)
    rival = MembershipFactory(organisation=other, role=Membership.Role.RECRUITER).user
    give(worker, "recruitment", mine)
    kwargs = {"purpose": "recruitment", "categories": ["identity", "contact"]}
    read(recruiter, worker, organisation=mine, **kwargs)
    refused(rival, worker, reasons.NO_CONSENT, organisation=other, **kwargs)
    refused(rival, worker, reasons.ROLE_NOT_ALLOWED, organisation=mine, **kwargs)  # not a member there
    refused(recruiter, worker, reasons.NO_ORGANISATION, **kwargs)  # must say for which organisation


def test_case_handling_is_for_the_named_ngo_only(worker, caseworker, recruiter, personas):
    ngo = personas.organisation(Organisation.Kind.NGO)
    give(worker, "case_handling", ngo)
    kwargs = {"purpose": "case_handling", "categories": ["case_narrative"]}
    read(caseworker, worker, organisation=ngo, **kwargs)
    refused(recruiter, worker, reasons.ROLE_NOT_ALLOWED, organisation=agency(personas), **kwargs)


def test_withdrawal_takes_effect_for_the_very_next_read(worker, recruiter):
    consent = give(worker)
    read(recruiter, worker)
    services.consent_withdraw(actor=worker, consent=consent)
    refused(recruiter, worker, reasons.NO_CONSENT)
    assert [r.outcome for r in records_of(worker)] == ["granted", "refused"]


def test_the_organisation_is_inferred_only_when_it_is_unambiguous(worker, recruiter, personas):
    give(worker)
    read(recruiter, worker)
    MembershipFactory(
        user=recruiter, organisation=OrganisationFactory(kind="employer"), role="hiring_manager"
    )
    refused(recruiter, worker, reasons.ORGANISATION_AMBIGUOUS)
    read(recruiter, worker, organisation=agency(personas))


def test_only_a_workers_data_is_guarded_here(recruiter, employer):
    with pytest.raises(PermissionDenied) as caught:
        read(recruiter, employer)
    assert caught.value.code == reasons.NOT_A_WORKER


def test_an_anonymous_or_inactive_reader_is_refused(worker, recruiter):
    from django.contrib.auth.models import AnonymousUser

    give(worker)
    with pytest.raises(PermissionDenied):
        require_access(
            actor=AnonymousUser(), worker=worker, purpose="job_matching", categories=["preferences"]
        )  # type: ignore[arg-type]
    assert not AccessRecord.objects.exists()
    recruiter.is_active = False
    with pytest.raises(PermissionDenied):
        read(recruiter, worker)


# --- Plug-in checks: contracts and restrictions ---------------------------------------------------------


@pytest.fixture
def contract_parties() -> Iterator[set[tuple[object, object]]]:
    """(worker id, organisation id) pairs with a signed contract, as the hiring app will register them."""
    pairs: set[tuple[object, object]] = set()
    hooks.register_relationship(
        "contract", lambda ids, organisation: {i for i in ids if (i, organisation.id) in pairs}
    )
    yield pairs
    hooks.unregister_relationship("contract")


def test_contract_reads_fail_closed_until_a_contract_check_says_there_is_one(worker, recruiter, personas):
    kwargs = {"purpose": "contract", "categories": ["bank"], "organisation": agency(personas)}
    refused(recruiter, worker, reasons.NO_RELATIONSHIP, **kwargs)


def test_contract_reads_need_a_contract_with_that_organisation(worker, recruiter, personas, contract_parties):
    kwargs = {"purpose": "contract", "categories": ["bank"], "organisation": agency(personas)}
    refused(recruiter, worker, reasons.NO_RELATIONSHIP, **kwargs)
    contract_parties.add((worker.id, agency(personas).id))
    read(recruiter, worker, **kwargs)


@pytest.fixture
def objections() -> Iterator[set[object]]:
    """Workers who objected to profiling, as the data-rights app will register them."""
    objected: set[object] = set()

    def check(ids, purpose, organisation):
        return {i: "objected_to_profiling" for i in ids if i in objected and purpose.code == "job_matching"}

    hooks.register_restriction("test.objection", check)
    yield objected
    hooks.unregister_restriction("test.objection")


def test_a_restriction_stops_processing_even_with_consent(worker, recruiter, objections):
    give(worker)
    read(recruiter, worker)
    objections.add(worker.id)
    assert selectors.has_consent(worker=worker, purpose="job_matching")
    assert not selectors.processing_allowed(worker=worker, purpose="job_matching")
    refused(recruiter, worker, "objected_to_profiling")
    assert selectors.workers_allowed(worker_ids=[worker.id], purpose="job_matching") == set()


# --- Many workers at once -------------------------------------------------------------------------------


def test_a_shortlist_of_fifty_costs_four_queries(recruiter, personas, django_assert_num_queries):
    workers = workers_with_matching(50, consenting=30)
    organisation = agency(personas)
    with django_assert_num_queries(4):  # role, consents, restrictions (data rights), one insert
        batch = require_access_many(
            actor=recruiter,
            workers=workers,
            purpose="job_matching",
            categories=["skills_experience"],
            organisation=organisation,
        )
    assert set(batch.granted) == {w.id for w in workers[:30]}
    assert batch.refused == {w.id: reasons.NO_CONSENT for w in workers[30:]}
    assert AccessRecord.objects.filter(outcome="granted").count() == 30
    assert AccessRecord.objects.filter(outcome="refused", reason="no_consent").count() == 20


def test_the_query_count_does_not_grow_with_the_shortlist(recruiter, django_assert_max_num_queries):
    few, many = workers_with_matching(3, consenting=2), workers_with_matching(60, consenting=40)
    for workers in (few, many):
        # organisation inferred (memberships, organisations), consents, restrictions, one insert
        with django_assert_max_num_queries(5):
            require_access_many(
                actor=recruiter, workers=workers, purpose="job_matching", categories=["preferences"]
            )
    assert AccessRecord.objects.count() == 63


def test_a_shortlist_the_reader_may_not_see_is_refused_whole_and_recorded(inspector):
    workers = workers_with_matching(5, consenting=5)
    with pytest.raises(PermissionDenied) as caught:
        require_access_many(
            actor=inspector, workers=workers, purpose="job_matching", categories=["preferences"]
        )
    assert caught.value.code == reasons.ROLE_NOT_ALLOWED
    assert AccessRecord.objects.filter(outcome="refused").count() == 5


def test_workers_allowed_filters_candidates_without_recording(recruiter):
    workers = workers_with_matching(4, consenting=2)
    allowed = selectors.workers_allowed(worker_ids=[w.id for w in workers], purpose="job_matching")
    assert allowed == {workers[0].id, workers[1].id}
    assert not AccessRecord.objects.exists()
