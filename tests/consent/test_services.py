"""Giving and withdrawing consent: validated, at once, and written to the ledger in the same transaction."""

from __future__ import annotations

import dataclasses

import pytest
from django.db import transaction

from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy.consent import purposes, selectors, services
from mizan.privacy.consent.models import Consent, Method
from mizan.privacy.consent.purposes import PURPOSES
from mizan.privacy.ledger.models import LedgerEntry
from tests.consent.helpers import agency, give
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def entries(consent):
    return list(LedgerEntry.objects.filter(subject=f"consent:{consent.id}").order_by("seq"))


def test_giving_consent_records_what_when_how_and_which_notice(worker):
    consent = give(worker)
    assert consent.purpose == "job_matching"
    assert consent.notice_version == PURPOSES["job_matching"].notice_version
    assert consent.method == Method.WEB
    assert consent.given_at is not None
    assert consent.organisation is None
    assert selectors.has_consent(worker=worker, purpose="job_matching")
    assert selectors.processing_allowed(worker=worker, purpose="job_matching")


def test_the_ledger_gets_codes_and_ids_never_the_workers_phone_or_name(worker):
    consent = give(worker)
    [entry] = entries(consent)
    assert entry.kind == "consent.given"
    assert entry.data["purpose"] == "job_matching"
    assert entry.data["notice_version"] == 1
    assert entry.data["method"] == "web"
    written = str(entry.data)
    assert worker.phone not in written
    assert worker.display_name not in written


def test_a_consent_and_its_ledger_entry_roll_back_together(worker):
    before = LedgerEntry.objects.count()

    def give_then_fail() -> None:
        with transaction.atomic():
            give(worker)
            assert LedgerEntry.objects.count() == before + 1
            raise RuntimeError("the caller's work failed after the consent")

    with pytest.raises(RuntimeError):
        give_then_fail()
    assert not Consent.objects.filter(worker=worker).exists()
    assert LedgerEntry.objects.count() == before


def test_a_refused_consent_writes_nothing_to_the_ledger(worker, personas):
    before = LedgerEntry.objects.count()
    with pytest.raises(DomainError):
        give(worker, "recruitment")  # no organisation named
    assert LedgerEntry.objects.count() == before


def test_giving_the_same_consent_twice_is_a_conflict(worker):
    give(worker)
    with pytest.raises(services.AlreadyDone) as caught:
        give(worker)
    assert caught.value.status == 409
    assert caught.value.code == "already_given"
    assert Consent.objects.filter(worker=worker).count() == 1


def test_withdrawal_takes_effect_at_once_and_is_in_the_ledger(worker):
    consent = give(worker)
    services.consent_withdraw(actor=worker, consent=consent)
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_method == Method.WEB
    assert consent.withdrawn_by == worker
    assert not selectors.has_consent(worker=worker, purpose="job_matching")
    assert not selectors.processing_allowed(worker=worker, purpose="job_matching")
    assert [e.kind for e in entries(consent)] == ["consent.given", "consent.withdrawn"]
    with pytest.raises(services.AlreadyDone):
        services.consent_withdraw(actor=worker, consent=consent)
    assert len(entries(consent)) == 2
    give(worker)  # and it can be given again
    assert selectors.has_consent(worker=worker, purpose="job_matching")


def test_only_the_worker_or_a_helpdesk_worker_can_withdraw(worker, recruiter, caseworker):
    consent = give(worker)
    with pytest.raises(PermissionDenied):
        services.consent_withdraw(actor=recruiter, consent=consent)
    services.consent_withdraw(actor=caseworker, consent=consent)
    consent.refresh_from_db()
    assert consent.withdrawn_method == Method.HELPDESK
    assert consent.withdrawn_by == caseworker
    assert entries(consent)[-1].data["helper"] == str(caseworker.id)


def test_a_helpdesk_consent_names_the_helper_who_must_be_a_helpdesk_worker(worker, caseworker, recruiter):
    with pytest.raises(DomainError, match="helpdesk"):
        services.consent_give(worker=worker, purpose="job_matching", method=Method.HELPDESK)
    with pytest.raises(PermissionDenied):
        services.consent_give(worker=worker, purpose="job_matching", method=Method.HELPDESK, helper=recruiter)
    consent = services.consent_give(
        worker=worker, purpose="job_matching", method=Method.HELPDESK, helper=caseworker
    )
    assert consent.helper == caseworker
    assert entries(consent)[0].data["helper"] == str(caseworker.id)


@pytest.mark.parametrize(
    ("purpose", "organisation_kind", "code"),
    [
        ("curiosity", None, "unknown_purpose"),
        ("contract", "agency", "not_consent_based"),
        ("account", None, "not_consent_based"),
        ("recruitment", None, "organisation_needed"),
        ("recruitment", "ngo", "organisation_wrong_kind"),
        ("case_handling", "agency", "organisation_wrong_kind"),
        ("job_matching", "agency", "organisation_unexpected"),
    ],
)
def test_bad_consents_are_refused_with_a_reason(worker, purpose, organisation_kind, code):
    organisation = OrganisationFactory(kind=organisation_kind) if organisation_kind else None
    with pytest.raises(DomainError) as caught:
        services.consent_give(worker=worker, purpose=purpose, organisation=organisation, method=Method.WEB)
    assert caught.value.code == code
    assert not Consent.objects.exists()


def test_only_workers_give_consent(recruiter):
    with pytest.raises(PermissionDenied):
        give(recruiter)


def test_an_organisation_bound_consent_counts_for_that_organisation_only(worker, personas):
    mine = agency(personas)
    other = OrganisationFactory(kind="agency")
    give(worker, "recruitment", mine)
    assert selectors.has_consent(worker=worker, purpose="recruitment", organisation=mine)
    assert not selectors.has_consent(worker=worker, purpose="recruitment", organisation=other)
    assert not selectors.has_consent(worker=worker, purpose="recruitment")
    give(worker, "recruitment", other)  # one per organisation
    assert Consent.objects.filter(worker=worker, withdrawn_at__isnull=True).count() == 2


def test_a_new_notice_version_pauses_old_consents_until_the_worker_agrees_again(worker, monkeypatch):
    old = give(worker)
    bumped = dataclasses.replace(PURPOSES["job_matching"], notice_version=2)
    monkeypatch.setitem(purposes._BY_CODE, "job_matching", bumped)
    assert not selectors.has_consent(worker=worker, purpose="job_matching")
    assert not selectors.is_current(old)

    new = give(worker)
    old.refresh_from_db()
    assert new.notice_version == 2
    assert old.withdrawn_at is not None
    assert old.replaced_by == new
    assert selectors.has_consent(worker=worker, purpose="job_matching")
    assert entries(new)[0].data["replaces"] == str(old.id)
