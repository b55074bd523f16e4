"""The registry's services: validation, permissions by country, ledger entries in the same transaction."""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy.ledger import hash_for
from mizan.privacy.ledger.models import LedgerEntry
from mizan.registry import services
from mizan.registry.models import Certification, Licence, Sanction
from tests.registry.helpers import authority_staff, days, licence, recruiter, sanction

pytestmark = pytest.mark.django_db


def entries(kind: str | None = None) -> list[LedgerEntry]:
    found = LedgerEntry.objects.order_by("seq")
    return list(found.filter(kind=kind) if kind else found)


def test_an_officer_adds_a_licence_of_their_country_and_the_ledger_records_it(officer, authority):
    agency = recruiter("Everest Manpower")
    created = licence(agency, "np-1234 / 079", actor=officer)
    assert created.issuing_authority == authority
    assert created.issuing_authority_name == authority.name
    assert created.country == "NP"
    assert created.number == "np-1234 / 079"
    assert created.number_key == "NP1234079"
    assert created.created_by == officer
    [entry] = entries("licence.changed")
    assert entry.subject == f"licence:{created.pk}"
    data = json.loads(entry.data_json)
    assert data["action"] == "created"
    assert data["organisation"] == str(agency.pk)
    assert data["number_sha256"] == hash_for("NP1234079")
    assert "1234" not in entry.data_json  # ids, codes and hashes only


def test_an_officer_cannot_touch_a_licence_of_another_country(officer, authority):
    qatar_employer = recruiter("Doha Builders", country="QA", kind="employer")
    with pytest.raises(PermissionDenied) as refused:
        licence(qatar_employer, "QA-1", actor=officer)
    assert refused.value.code == "other_country"
    qatar_licence = licence(qatar_employer, "QA-2")
    with pytest.raises(PermissionDenied):
        services.licence_change_status(actor=officer, licence=qatar_licence, action="suspend", reason="No.")
    with pytest.raises(PermissionDenied):
        sanction(qatar_employer, "warning", actor=officer)
    assert Licence.objects.get(pk=qatar_licence.pk).status == Licence.Status.ACTIVE
    assert not Sanction.objects.exists()


def test_a_qatari_officer_may_change_the_qatari_licence():
    qatar_officer = authority_staff("QA")
    employer = recruiter("Doha Builders", country="QA", kind="employer")
    found = licence(employer, "QA-2", actor=qatar_officer)
    changed = services.licence_change_status(
        actor=qatar_officer, licence=found, action="suspend", reason="Audit."
    )
    assert changed.status == Licence.Status.SUSPENDED


@pytest.mark.parametrize("persona", ["inspector", "agency_admin", "auditor", "worker", "outsider"])
def test_people_who_do_not_keep_licences_cannot_add_one(personas, persona):
    with pytest.raises(PermissionDenied):
        licence(recruiter(), actor=personas[persona])


def test_bad_licence_input_is_refused_with_a_code_and_nothing_is_saved(officer):
    agency = recruiter()
    cases = [
        ({"valid_from": days(10), "valid_to": days(5)}, "dates_order"),
        ({"number": "  -/ "}, "number_missing"),
        ({"number": "X" * 81}, "number_long"),
        ({"valid_from": days(-40000)}, "bad_date"),
    ]
    for overrides, code in cases:
        arguments = {"number": "GOOD-1", "valid_from": days(-1), "valid_to": days(100), **overrides}
        with pytest.raises(DomainError) as refused:
            services.licence_create(actor=officer, organisation=agency, **arguments)
        assert refused.value.code == code
    with pytest.raises(DomainError) as refused:
        licence(recruiter("A ministry", kind="authority"), actor=officer)
    assert refused.value.code == "not_recruiter"
    assert not Licence.objects.exists()
    assert not entries()


def test_a_licence_number_is_once_per_country_however_it_is_written(officer):
    licence(recruiter("First"), "NP 55/079", actor=officer)
    with pytest.raises(DomainError) as refused:
        licence(recruiter("Second"), "np-55-079", actor=officer)
    assert refused.value.code == "duplicate_number"
    licence(recruiter("Bangladeshi", country="BD"), "NP 55/079")  # another country: its own numbering
    assert Licence.objects.count() == 2


def test_rollback_leaves_neither_the_licence_nor_its_ledger_entry(officer):
    agency = recruiter()

    def add_then_fail() -> None:
        with transaction.atomic():
            licence(agency, "ROLLED-1", actor=officer)
            raise RuntimeError("something later in the same transaction failed")

    with pytest.raises(RuntimeError):
        add_then_fail()
    assert not Licence.objects.exists()
    assert not entries()


def test_a_failing_ledger_write_undoes_the_whole_sanction(monkeypatch):
    agency = recruiter()
    found = licence(agency)
    before = len(entries())
    calls = []

    def failing(**kwargs):
        calls.append(kwargs["kind"])
        if kwargs["kind"] == "licence.changed":
            raise RuntimeError("disk full")
        return original(**kwargs)

    from mizan.registry.services import licences, sanctions

    original = licences.ledger_append
    monkeypatch.setattr(licences, "ledger_append", failing)
    monkeypatch.setattr(sanctions, "ledger_append", failing)
    with pytest.raises(RuntimeError):
        sanction(agency, Sanction.Kind.SUSPENSION)
    assert calls == ["sanction.changed", "licence.changed"]
    assert not Sanction.objects.exists()
    assert Licence.objects.get(pk=found.pk).status == Licence.Status.ACTIVE
    assert len(entries()) == before


def test_licence_status_changes_follow_the_rules(officer):
    found = licence(recruiter(), actor=officer)
    with pytest.raises(DomainError) as refused:
        services.licence_change_status(actor=officer, licence=found, action="suspend", reason=" ")
    assert refused.value.code == "reason"
    found = services.licence_change_status(
        actor=officer, licence=found, action="suspend", reason="Inspection."
    )
    assert (found.status, found.status_reason) == ("suspended", "Inspection.")
    with pytest.raises(DomainError) as refused:
        services.licence_change_status(actor=officer, licence=found, action="renew", valid_to=days(900))
    assert refused.value.code == "wrong_status"
    found = services.licence_change_status(actor=officer, licence=found, action="reinstate", reason="Fixed.")
    assert found.status == "active"
    with pytest.raises(DomainError) as refused:
        services.licence_change_status(actor=officer, licence=found, action="renew", valid_to=days(-3))
    assert refused.value.code == "valid_to_past"
    with pytest.raises(DomainError) as refused:
        services.licence_change_status(actor=officer, licence=found, action="renew")
    assert refused.value.code == "valid_to_missing"
    found = services.licence_change_status(actor=officer, licence=found, action="renew", valid_to=days(900))
    assert found.valid_to == days(900)
    found = services.licence_change_status(actor=officer, licence=found, action="revoke", reason="Fraud.")
    assert found.status == "revoked"
    with pytest.raises(DomainError):
        services.licence_change_status(actor=officer, licence=found, action="nonsense", reason="x")
    actions = [json.loads(entry.data_json)["action"] for entry in entries("licence.changed")]
    assert actions == ["created", "suspended", "reinstated", "renewed", "revoked"]


def test_a_suspension_suspends_the_licence_in_the_same_transaction_and_lifting_restores_it(officer):
    agency = recruiter()
    found = licence(agency, actor=officer)
    imposed = sanction(agency, Sanction.Kind.SUSPENSION, actor=officer)
    assert imposed.authority_name == "Test licensing authority"
    found.refresh_from_db()
    assert found.status == Licence.Status.SUSPENDED
    assert found.status_sanction == imposed
    with pytest.raises(DomainError) as refused:
        services.licence_change_status(actor=officer, licence=found, action="reinstate", reason="Please.")
    assert refused.value.code == "sanctioned"
    services.sanction_lift(actor=officer, sanction=imposed, reason="The workers were paid back.")
    found.refresh_from_db()
    assert (found.status, found.status_sanction) == (Licence.Status.ACTIVE, None)
    with pytest.raises(DomainError) as refused:
        services.sanction_lift(actor=officer, sanction=imposed, reason="Again.")
    assert refused.value.code == "lifted"
    kinds = [entry.kind for entry in entries()]
    assert kinds == [
        "licence.changed",
        "sanction.changed",
        "licence.changed",
        "sanction.changed",
        "licence.changed",
    ]
    assert "paid back" not in "".join(entry.data_json for entry in entries())


def test_lifting_one_sanction_keeps_the_licence_stopped_by_another():
    agency = recruiter()
    found = licence(agency)
    revocation = sanction(agency, Sanction.Kind.REVOCATION)
    sanction(agency, Sanction.Kind.SUSPENSION)
    found.refresh_from_db()
    assert found.status == Licence.Status.REVOKED
    services.sanction_lift(actor=None, sanction=revocation, reason="Overturned by a court.")
    found.refresh_from_db()
    assert found.status == Licence.Status.SUSPENDED


def test_a_revocation_has_no_end_date_and_a_sanction_needs_a_reason():
    agency = recruiter()
    with pytest.raises(DomainError) as refused:
        sanction(agency, Sanction.Kind.REVOCATION, ends_on=days(30))
    assert refused.value.code == "revocation_end"
    with pytest.raises(DomainError) as refused:
        sanction(agency, Sanction.Kind.WARNING, reason="")
    assert refused.value.code == "reason"
    with pytest.raises(DomainError) as refused:
        sanction(agency, "fine")
    assert refused.value.code == "kind"
    with pytest.raises(DomainError) as refused:
        sanction(agency, Sanction.Kind.SUSPENSION, starts_on=days(5), ends_on=days(1))
    assert refused.value.code == "dates_order"
    assert not Sanction.objects.exists()


def test_a_sanctioned_agency_cannot_get_a_new_licence(officer):
    agency = recruiter()
    sanction(agency, Sanction.Kind.BLACKLIST)
    with pytest.raises(DomainError) as refused:
        licence(agency, actor=officer)
    assert refused.value.code == "sanctioned"


def test_a_suspension_that_starts_later_leaves_the_licence_until_then():
    agency = recruiter()
    found = licence(agency)
    sanction(agency, Sanction.Kind.SUSPENSION, starts_on=days(10))
    found.refresh_from_db()
    assert found.status == Licence.Status.ACTIVE


def test_auditors_record_and_withdraw_certifications(auditor, auditor_org, officer):
    agency = recruiter()
    recorded = services.certification_record(
        actor=auditor,
        organisation=agency,
        standard=" IRIS ",
        level="Certified",
        valid_from=days(-1),
        valid_to=days(700),
    )
    assert (recorded.standard, recorded.auditor, recorded.recorded_by) == ("IRIS", auditor_org, auditor)
    with pytest.raises(PermissionDenied):
        services.certification_record(
            actor=officer, organisation=agency, standard="IRIS", valid_from=days(-1), valid_to=days(700)
        )
    with pytest.raises(DomainError) as refused:
        services.certification_record(
            actor=auditor, organisation=agency, standard="IRIS", valid_from=days(10), valid_to=days(1)
        )
    assert refused.value.code == "dates_order"
    other_auditor = authority_staff(
        "GB", role="auditor"
    )  # an authority's "auditor" role is not an auditor firm
    with pytest.raises(PermissionDenied):
        services.certification_withdraw(actor=other_auditor, certification=recorded, reason="Mine now.")
    withdrawn = services.certification_withdraw(actor=auditor, certification=recorded, reason="Fees found.")
    assert withdrawn.is_withdrawn
    with pytest.raises(DomainError) as refused:
        services.certification_withdraw(actor=auditor, certification=recorded, reason="Again.")
    assert refused.value.code == "withdrawn"
    assert Certification.objects.count() == 1
    actions = [json.loads(entry.data_json)["action"] for entry in entries("certification.recorded")]
    assert actions == ["recorded", "withdrawn"]


def test_licence_register_finds_the_organisation_by_registration_number_or_adds_it(officer, authority):
    existing = recruiter("Known Agency", registration_number="REG-77")
    found = services.licence_register(
        actor=officer, organisation_name="Known Agency Pvt", registration_number="REG-77", kind="agency",
        number="N-1", valid_from=days(-1), valid_to=None,
    )  # fmt: skip
    assert found.organisation == existing
    added = services.licence_register(
        actor=officer, organisation_name="New Agency", registration_number="REG-78", kind="agency",
        number="N-2", valid_from=days(-1), valid_to=None,
    )  # fmt: skip
    assert added.organisation.name == "New Agency"
    assert (added.organisation.country, added.organisation.created_by) == ("NP", officer)
    with pytest.raises(DomainError) as refused:
        services.licence_register(
            actor=officer, organisation_name="Known Agency", registration_number="REG-77", kind="employer",
            number="N-3", valid_from=days(-1), valid_to=None,
        )  # fmt: skip
    assert refused.value.code == "kind_mismatch"
