"""When the law changes, published vacancies are checked again: an authority publishes a higher minimum
wage, and a vacancy now under it leaves the job board, its owners are emailed and see why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from mizan.accounts.models import Membership, Organisation, User
from mizan.compliance import services as compliance
from mizan.compliance.drafting import CitationInput
from mizan.vacancies.inputs import CostInput
from mizan.vacancies.models import Vacancy, VacancyCheck
from mizan.vacancies.recheck import vacancies_recheck
from tests.factories import MembershipFactory, OrganisationFactory, StaffUserFactory
from tests.personas import confirmed_totp_device
from tests.vacancies.factories import suspend

pytestmark = pytest.mark.django_db

SOURCE = CitationInput(title="Minimum wage decision (test)", url="https://example.org/qa-minimum-wage")


def officers_of(country: str) -> tuple[User, User]:
    ministry = OrganisationFactory(
        kind=Organisation.Kind.AUTHORITY, country=country, name=f"{country} ministry"
    )
    people = []
    for role in (Membership.Role.OFFICER, Membership.Role.ADMIN):
        person = StaffUserFactory()
        MembershipFactory(user=person, organisation=ministry, role=role)
        confirmed_totp_device(person)
        people.append(person)
    return people[0], people[1]


@pytest.fixture
def qatar_officers() -> tuple[User, User]:
    return officers_of("QA")


@pytest.fixture
def hong_kong_officers() -> tuple[User, User]:
    return officers_of("HK")


def raise_qatar_minimum_wage(officers: tuple[User, User], amount: str, effective_from: dt.date) -> None:
    raise_minimum_wage(officers, amount, effective_from, pack="QA", rule="QA.MW.2020-17")


def raise_hong_kong_minimum_wage(officers: tuple[User, User], amount: str) -> None:
    """The Minimum Allowable Wage for domestic helpers, from today (the newest version started earlier)."""
    raise_minimum_wage(officers, amount, dt.date.today(), pack="HK-domestic_work", rule="HK.FDH.MAW.2025")


@pytest.fixture
def helper_job(
    make_vacancy: Callable[..., Vacancy], common_taxonomy: dict[str, Any]
) -> Callable[..., Vacancy]:
    """A lawful Philippines → Hong Kong domestic helper's job at the current minimum (HKD 5,100)."""

    def make(**overrides: Any) -> Vacancy:
        fields: dict[str, Any] = {
            "occupation": common_taxonomy["9111.1"],
            "origins": ["PH"],
            "destination": "HK",
            "sector": "domestic_work",
            "pay_currency": "HKD",
            "pay_amount": Decimal("5100"),
            "hours_per_day": Decimal("10"),
            "hours_per_week": Decimal("60"),
            "annual_leave_days": 14,
            "overtime_rate": None,
            "costs": [CostInput("recruitment_fee", Decimal("5000"), "HKD", "employer")],
        }
        fields.update(overrides)
        return make_vacancy(publish=True, **fields)

    return make


def raise_minimum_wage(
    officers: tuple[User, User], amount: str, effective_from: dt.date, *, pack: str, rule: str
) -> None:
    proposer, approver = officers
    proposal = compliance.minimum_wage_propose(
        actor=proposer,
        pack_id=pack,
        rule_id=rule,
        amount=Decimal(amount),
        effective_from=effective_from,
        review_by=effective_from + dt.timedelta(days=700),
        citation=SOURCE,
    )
    compliance.proposal_approve(actor=approver, proposal=proposal)


def test_a_new_minimum_wage_in_force_today_unpublishes_vacancies_under_it_and_tells_the_owners(
    helper_job: Callable[..., Vacancy],
    make_vacancy: Callable[..., Vacancy],
    hong_kong_officers: tuple[User, User],
    django_capture_on_commit_callbacks,
    agency_admin: User,
    recruiter: User,
):
    under = helper_job()  # HKD 5,100
    above = helper_job(pay_amount=Decimal("5600"))
    elsewhere = make_vacancy(publish=True)  # Qatar: not covered by the new version
    with django_capture_on_commit_callbacks(execute=True):
        raise_hong_kong_minimum_wage(hong_kong_officers, "5500")
    under.refresh_from_db()
    assert under.status == Vacancy.Status.UNPUBLISHED_BY_RECHECK
    assert "HK.FDH.MAW.2025" in {reason.get("rule_id") for reason in under.unpublished_reasons}
    assert under.last_check.trigger == VacancyCheck.Trigger.RECHECK
    assert Vacancy.objects.get(id=above.id).is_published
    assert Vacancy.objects.get(id=elsewhere.id).is_published
    # The owners: the agency's administrator and the person who posted it.
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [str(agency_admin.email), str(recruiter.email)]
    )
    assert under.title in mail.outbox[0].subject
    assert f"/jobs/manage/{under.id}/" in mail.outbox[0].body


def test_the_owner_sees_the_reasons_on_the_vacancys_page(
    helper_job, hong_kong_officers, django_capture_on_commit_callbacks, client_as
):
    vacancy = helper_job()
    with django_capture_on_commit_callbacks(execute=True):
        raise_hong_kong_minimum_wage(hong_kong_officers, "5500")
    page = client_as("recruiter").get(f"/jobs/manage/{vacancy.id}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-rule="HK.FDH.MAW.2025"' in html
    assert 'role="alert"' in html
    assert client_as("worker").get(f"/jobs/{vacancy.id}/").status_code == 404  # off the board


def test_a_version_starting_later_waits_for_the_daily_command(
    make_vacancy, qatar_officers, django_capture_on_commit_callbacks, recruiter: User
):
    vacancy = make_vacancy(publish=True)  # QAR 1,400
    start = dt.date.today() + dt.timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        raise_qatar_minimum_wage(qatar_officers, "1500", start)
    assert Vacancy.objects.get(id=vacancy.id).is_published
    call_command("vacancies_recheck", "--on", (start - dt.timedelta(days=1)).isoformat())
    assert Vacancy.objects.get(id=vacancy.id).is_published
    with django_capture_on_commit_callbacks(execute=True):
        call_command("vacancies_recheck", "--on", start.isoformat())
    assert Vacancy.objects.get(id=vacancy.id).status == Vacancy.Status.UNPUBLISHED_BY_RECHECK
    assert [message.to for message in mail.outbox] == [[recruiter.email]]


def test_the_daily_command_also_unpublishes_when_the_agency_is_suspended(
    make_vacancy, agency: Organisation, capsys, django_capture_on_commit_callbacks
):
    vacancy = make_vacancy(publish=True)
    suspend(agency)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("vacancies_recheck")
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.UNPUBLISHED_BY_RECHECK
    assert any("recruiting" in reason for reason in vacancy.unpublished_reasons)
    assert "1 taken off the job board" in capsys.readouterr().out


def test_a_recheck_that_finds_nothing_new_keeps_one_check_row(make_vacancy):
    vacancy = make_vacancy(publish=True)
    rows = VacancyCheck.objects.filter(vacancy=vacancy).count()
    summary = vacancies_recheck(on=dt.date.today())
    summary = vacancies_recheck(on=dt.date.today())
    assert summary.checked == 1
    assert summary.unpublished == []
    assert VacancyCheck.objects.filter(vacancy=vacancy).count() == rows


def test_the_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="not a date"):
        call_command("vacancies_recheck", "--on", "tomorrow")
    with pytest.raises(CommandError, match="outside"):
        call_command("vacancies_recheck", "--on", "1800-01-01")
