"""Posting and publishing: the compliance check gates publication, warnings need a recorded
acknowledgement of exactly the warnings shown, the registry decides who may recruit, and a refusal
leaves nothing half-saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from mizan.accounts.models import Organisation, User
from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.privacy.ledger.models import LedgerEntry
from mizan.taxonomy.models import Occupation
from mizan.vacancies import services
from mizan.vacancies.inputs import CostInput
from mizan.vacancies.models import CostItem, Terms, Vacancy, VacancyCheck, WarningAcknowledgement
from mizan.vacancies.services import NotPublishable
from tests.factories import OrganisationFactory
from tests.vacancies.factories import lawful_input, licence_for, suspend

pytestmark = pytest.mark.django_db

FEE_AND_LOW_PAY = {
    "pay_amount": Decimal("800"),
    "costs": [CostInput("recruitment_fee", Decimal("80000"), "NPR", "worker")],
}
WARNING_48_HOURS = {"hours_per_week": Decimal("48")}  # Qatar: 48 blocks, 44 only warns (a known conflict)


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Vacancy, Terms, CostItem, VacancyCheck, LedgerEntry))


def test_creating_a_vacancy_stores_it_as_a_draft_with_its_check(make_vacancy):
    vacancy = make_vacancy()
    assert vacancy.status == Vacancy.Status.DRAFT
    assert vacancy.origin_codes == ["NP"]
    assert vacancy.terms.pay_per_month == Decimal("1400.00")
    assert vacancy.terms.pay_per_month_usd == Decimal("384.62")  # QAR pegged at 3.64 a dollar
    assert vacancy.costs.count() == 2
    check = vacancy.last_check
    assert check is not None
    assert check.passed
    assert {pack["id"] for pack in check.packs} == {"INT", "QA", "NP"}


def test_it_blocks_a_fee_charging_vacancy_with_its_reasons(make_vacancy, recruiter: User):
    vacancy = make_vacancy(**FEE_AND_LOW_PAY)
    before = counts()
    with pytest.raises(NotPublishable) as error:
        services.vacancy_publish(actor=recruiter, vacancy=vacancy)
    assert error.value.code == "violations"
    assert counts() == before  # nothing half-saved: no check, no ledger entry
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.DRAFT
    rules = {
        finding["rule_id"] for finding in vacancy.last_check.findings if finding["severity"] == "violation"
    }
    assert {"QA.MW.2020-17", "NP.FVFT", "INT.ILO-FRP.GP07"} <= rules


def test_a_compliant_vacancy_is_published_with_a_ledger_entry_of_ids_and_pack_versions(make_vacancy):
    vacancy = make_vacancy(publish=True)
    assert vacancy.status == Vacancy.Status.PUBLISHED
    assert vacancy.published_at is not None
    entry = LedgerEntry.objects.get(kind="vacancy.published")
    assert entry.subject == f"vacancy:{vacancy.id}"
    data = entry.data
    assert data["vacancy_id"] == str(vacancy.id)
    assert data["packs"] == "+".join(f"{p['id']}:{p['version']}" for p in vacancy.last_check.packs)
    assert "INT:" in data["packs"]
    assert "QA:" in data["packs"]
    assert "Bricklayers" not in str(data)  # ids and versions only, never the employer's text


def test_warnings_need_an_explicit_acknowledgement_of_exactly_those_warnings(make_vacancy, recruiter: User):
    vacancy = make_vacancy(**WARNING_48_HOURS)
    assert vacancy.last_check.warning_rule_ids == ["QA.HOURS.LABOUR-LAW.44"]
    with pytest.raises(NotPublishable) as error:
        services.vacancy_publish(actor=recruiter, vacancy=vacancy)
    assert error.value.code == "warnings_not_acknowledged"
    with pytest.raises(NotPublishable) as error:
        services.vacancy_publish(actor=recruiter, vacancy=vacancy, acknowledged_warnings=[])
    assert error.value.code == "warnings_changed"
    assert not WarningAcknowledgement.objects.exists()
    services.vacancy_publish(
        actor=recruiter, vacancy=vacancy, acknowledged_warnings=["QA.HOURS.LABOUR-LAW.44"]
    )
    acknowledgement = WarningAcknowledgement.objects.get()
    assert acknowledgement.rule_ids == ["QA.HOURS.LABOUR-LAW.44"]
    assert acknowledgement.acknowledged_by == recruiter
    assert Vacancy.objects.get(id=vacancy.id).status == Vacancy.Status.PUBLISHED


def test_a_changed_set_of_warnings_needs_a_new_acknowledgement(
    make_vacancy, recruiter: User, employer_org: Organisation, bricklayer: Occupation
):
    vacancy = make_vacancy()
    services.vacancy_acknowledge_warnings(actor=recruiter, vacancy=vacancy, rule_ids=[])
    # A change brings a warning the earlier acknowledgement did not cover.
    services.vacancy_update(
        actor=recruiter, vacancy=vacancy, data=lawful_input(employer_org, bricklayer, **WARNING_48_HOURS)
    )
    with pytest.raises(NotPublishable) as error:
        services.vacancy_publish(actor=recruiter, vacancy=vacancy)
    assert error.value.code == "warnings_not_acknowledged"
    services.vacancy_acknowledge_warnings(
        actor=recruiter, vacancy=vacancy, rule_ids=["QA.HOURS.LABOUR-LAW.44"]
    )
    services.vacancy_publish(actor=recruiter, vacancy=vacancy)
    assert Vacancy.objects.get(id=vacancy.id).is_published


def test_acknowledging_warnings_that_are_not_todays_is_refused(make_vacancy, recruiter: User):
    vacancy = make_vacancy(**WARNING_48_HOURS)
    with pytest.raises(NotPublishable) as error:
        services.vacancy_acknowledge_warnings(actor=recruiter, vacancy=vacancy, rule_ids=["SOMETHING.ELSE"])
    assert error.value.code == "warnings_changed"
    assert not WarningAcknowledgement.objects.exists()


def test_a_sanctioned_agency_cannot_publish(make_vacancy, recruiter: User, agency: Organisation):
    vacancy = make_vacancy()
    suspend(agency)
    before = counts()
    with pytest.raises(PermissionDenied) as error:
        services.vacancy_publish(actor=recruiter, vacancy=vacancy)
    assert error.value.code == "may_not_recruit"
    assert "suspended" in str(error.value.params["reasons"])
    assert counts() == before


def test_an_agency_whose_licence_expired_cannot_publish(
    recruiter: User, employer_org: Organisation, bricklayer: Occupation, personas
):
    expired = OrganisationFactory(kind=Organisation.Kind.AGENCY, country="NP")
    today = dt.date.today()
    licence_for(expired, valid_from=today - dt.timedelta(days=800), valid_to=today - dt.timedelta(days=1))
    admin = personas.agency_admin  # a colleague of the recruiter, in another agency: give them this one
    from tests.factories import MembershipFactory

    MembershipFactory(user=admin, organisation=expired, role="admin")
    vacancy = services.vacancy_create(
        actor=admin, posted_by=expired, data=lawful_input(employer_org, bricklayer)
    )
    with pytest.raises(PermissionDenied) as error:
        services.vacancy_publish(actor=admin, vacancy=vacancy)
    assert error.value.code == "may_not_recruit"
    assert "expired" in str(error.value.params["reasons"])
    assert Vacancy.objects.get(id=vacancy.id).status == Vacancy.Status.DRAFT


def test_an_agency_cannot_publish_for_a_sanctioned_employer(
    make_vacancy, recruiter: User, employer_org: Organisation
):
    vacancy = make_vacancy()
    suspend(employer_org)
    with pytest.raises(PermissionDenied) as error:
        services.vacancy_publish(actor=recruiter, vacancy=vacancy)
    assert error.value.code == "may_not_recruit"


def test_a_destination_without_rules_is_refused_and_nothing_is_saved(
    recruiter: User, agency: Organisation, employer_org: Organisation, bricklayer: Occupation
):
    before = counts()
    with pytest.raises(ValidationError) as error:
        services.vacancy_create(
            actor=recruiter, posted_by=agency, data=lawful_input(employer_org, bricklayer, destination="DE")
        )
    assert "no rules" in error.value.message_dict["destination"][0]
    assert counts() == before


def test_every_bad_field_is_named(recruiter: User, agency: Organisation, employer_org, bricklayer):
    bad = lawful_input(
        employer_org,
        bricklayer,
        title=" ",
        origins=["QA"],
        pay_currency="XYZ",
        hours_per_week=Decimal("60"),  # more than 8 hours x 6 days
        start_date=dt.date.today() - dt.timedelta(days=1),
        costs=[CostInput("travel", Decimal("100"), "QAR", "shared")],
    )
    with pytest.raises(ValidationError) as error:
        services.vacancy_create(actor=recruiter, posted_by=agency, data=bad)
    assert set(error.value.message_dict) == {
        "title",
        "origins",
        "pay_currency",
        "hours_per_week",
        "start_date",
        "costs",
    }
    assert not Vacancy.objects.exists()


def test_people_who_do_not_post_for_the_organisation_are_refused(
    agency: Organisation, employer_org: Organisation, bricklayer: Occupation, personas
):
    data = lawful_input(employer_org, bricklayer)
    for name in ("worker", "inspector", "caseworker", "outsider", "employer"):
        with pytest.raises(PermissionDenied):
            services.vacancy_create(actor=personas[name], posted_by=agency, data=data)
    assert not Vacancy.objects.exists()


def test_an_employer_posts_only_for_itself(employer: User, employer_org, bricklayer):
    other = OrganisationFactory(kind=Organisation.Kind.EMPLOYER, country="QA")
    with pytest.raises(PermissionDenied):
        services.vacancy_create(actor=employer, posted_by=employer_org, data=lawful_input(other, bricklayer))
    vacancy = services.vacancy_create(
        actor=employer, posted_by=employer_org, data=lawful_input(employer_org, bricklayer)
    )
    services.vacancy_publish(actor=employer, vacancy=vacancy)  # an employer needs no licence
    assert Vacancy.objects.get(id=vacancy.id).is_published


def test_an_agency_must_name_an_employer(recruiter: User, agency: Organisation, bricklayer):
    with pytest.raises(DomainError) as error:
        services.vacancy_create(actor=recruiter, posted_by=agency, data=lawful_input(agency, bricklayer))
    assert error.value.code == "not_an_employer"


def test_editing_a_published_vacancy_against_the_rules_takes_it_off_the_board(
    make_vacancy, recruiter: User, employer_org, bricklayer
):
    vacancy = make_vacancy(publish=True)
    services.vacancy_update(
        actor=recruiter, vacancy=vacancy, data=lawful_input(employer_org, bricklayer, **FEE_AND_LOW_PAY)
    )
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.UNPUBLISHED
    assert {"QA.MW.2020-17", "NP.FVFT"} <= {reason.get("rule_id") for reason in vacancy.unpublished_reasons}


def test_editing_a_published_vacancy_that_stays_lawful_keeps_it_published(
    make_vacancy, recruiter: User, employer_org, bricklayer
):
    vacancy = make_vacancy(publish=True)
    services.vacancy_update(
        actor=recruiter,
        vacancy=vacancy,
        data=lawful_input(employer_org, bricklayer, pay_amount=Decimal("1500")),
    )
    vacancy.refresh_from_db()
    assert vacancy.is_published
    assert vacancy.terms.pay_amount == Decimal("1500")


def test_unpublish_and_close(make_vacancy, recruiter: User, employer_org, bricklayer):
    vacancy = make_vacancy(publish=True)
    services.vacancy_unpublish(actor=recruiter, vacancy=vacancy)
    assert Vacancy.objects.get(id=vacancy.id).status == Vacancy.Status.UNPUBLISHED
    with pytest.raises(DomainError):
        services.vacancy_unpublish(actor=recruiter, vacancy=vacancy)
    services.vacancy_publish(actor=recruiter, vacancy=vacancy)
    services.vacancy_close(actor=recruiter, vacancy=vacancy)
    assert Vacancy.objects.get(id=vacancy.id).is_closed
    with pytest.raises(DomainError) as error:
        services.vacancy_update(actor=recruiter, vacancy=vacancy, data=lawful_input(employer_org, bricklayer))
    assert error.value.code == "closed"
    with pytest.raises(DomainError):
        services.vacancy_publish(actor=recruiter, vacancy=vacancy)


def test_the_employer_may_manage_a_vacancy_an_agency_posted_for_it(make_vacancy, employer: User, outsider):
    vacancy = make_vacancy(publish=True)
    services.vacancy_unpublish(actor=employer, vacancy=vacancy)
    with pytest.raises(NotFound):
        services.vacancy_close(actor=outsider, vacancy=vacancy)


def test_several_origins_are_checked_each_with_its_own_rules(make_vacancy):
    vacancy = make_vacancy(origins=["NP", "IN"], **FEE_AND_LOW_PAY)
    by_rule = {finding["rule_id"]: finding["origins"] for finding in vacancy.last_check.findings}
    assert by_rule["NP.FVFT"] == ["NP"]
    assert sorted(by_rule["QA.MW.2020-17"]) == ["IN", "NP"]
    assert {"NP", "IN"} <= {pack["id"] for pack in vacancy.last_check.packs}


def test_a_token_acts_only_for_its_own_organisation(
    agency: Organisation, employer_org: Organisation, bricklayer, agency_admin
):
    from mizan.api import services as api_services

    token, _secret = api_services.api_token_create(
        actor=agency_admin, organisation=agency, name="ATS", scopes=["write:vacancies"], expires_at=None
    )
    data = lawful_input(employer_org, bricklayer)
    vacancy = services.vacancy_create(actor=token, posted_by=agency, data=data)
    assert vacancy.created_by_token == token
    assert vacancy.created_by is None
    other = OrganisationFactory(kind=Organisation.Kind.AGENCY)
    with pytest.raises(PermissionDenied):
        services.vacancy_create(actor=token, posted_by=other, data=data)


def test_the_system_may_post_for_the_demo(agency: Organisation, employer_org, bricklayer):
    vacancy = services.vacancy_create(
        actor=None, posted_by=agency, data=lawful_input(employer_org, bricklayer)
    )
    assert vacancy.created_by is None


def test_the_database_refuses_a_shared_cost_without_the_workers_part(make_vacancy):
    from django.db import IntegrityError, transaction

    vacancy = make_vacancy()
    with pytest.raises(IntegrityError), transaction.atomic():
        CostItem.objects.create(
            vacancy=vacancy, category="travel", amount=Decimal("10"), currency="QAR", paid_by="shared"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Vacancy.objects.filter(id=vacancy.id).update(status="published")  # never checked as published
