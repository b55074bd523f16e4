"""The posters' pages: who may open them, the form (one page, no JavaScript), the check with what to
change, publishing with the warnings confirmed, and nothing saved when something is wrong."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from mizan.accounts.models import Organisation, User
from mizan.taxonomy.models import Occupation
from mizan.vacancies.models import Vacancy, WarningAcknowledgement
from tests.factories import MembershipFactory, OrganisationFactory, StaffUserFactory
from tests.personas import confirmed_totp_device
from tests.roles import assert_role_matrix, client_for, everyone

pytestmark = pytest.mark.django_db

POSTERS = {"agency_admin": 200, "recruiter": 200, "employer": 200, "platform_admin": 200}


def form_data(employer: Organisation, **overrides: Any) -> dict[str, Any]:
    start = dt.date.today() + dt.timedelta(days=60)
    data: dict[str, Any] = {
        "employer": str(employer.id),
        "title": "Bricklayers for a school",
        "description": "Block work.",
        "text_language": "en",
        "occupation": "7112.1",
        "sector": "",
        "destination": "QA",
        "origins": ["NP"],
        "place_of_work": "Doha",
        "number_of_workers": "10",
        "start_date": start.isoformat(),
        "contract_months": "24",
        "pay_amount": "1,400",
        "pay_currency": "QAR",
        "pay_period": "month",
        "overtime_rate": "1.25",
        "hours_per_day": "8",
        "hours_per_week": "44",
        "rest_days_per_week": "1",
        "annual_leave_days": "21",
        "accommodation_provided": "on",
        "food_provided": "on",
        "language_1": "en",
        "level_1": "basic",
        "costs-TOTAL_FORMS": "3",
        "costs-INITIAL_FORMS": "0",
        "costs-MIN_NUM_FORMS": "0",
        "costs-MAX_NUM_FORMS": "30",
        "costs-0-category": "recruitment_fee",
        "costs-0-amount": "1500",
        "costs-0-currency": "QAR",
        "costs-0-paid_by": "employer",
    }
    data.update(overrides)
    return data


def test_the_posters_pages_are_for_people_who_post_jobs(personas, agency, employer_org, bricklayer):
    for url in ("/jobs/manage/", "/jobs/manage/new/"):
        assert_role_matrix(personas, url, everyone(403, anonymous=302, **POSTERS))


def test_a_vacancys_own_pages_are_for_its_agency_and_employer(personas, make_vacancy):
    vacancy = make_vacancy()
    for url in (f"/jobs/manage/{vacancy.id}/", f"/jobs/manage/{vacancy.id}/edit/"):
        assert_role_matrix(personas, url, everyone(403, anonymous=302, **POSTERS))
    # Someone posting jobs for another agency does not find it.
    other = StaffUserFactory()
    MembershipFactory(user=other, organisation=OrganisationFactory(kind="agency"), role="recruiter")
    confirmed_totp_device(other)
    assert client_for(other).get(f"/jobs/manage/{vacancy.id}/").status_code == 404


def test_publish_unpublish_and_close_are_for_the_vacancys_people_only(personas, make_vacancy):
    vacancy = make_vacancy()
    # The first to publish succeeds (302); the others are told it is already published (400).
    posters: dict[str, Any] = dict.fromkeys(POSTERS, (302, 400))
    for action in ("publish", "unpublish", "close"):
        assert_role_matrix(
            personas,
            f"/jobs/manage/{vacancy.id}/{action}/",
            everyone(403, anonymous=302, **posters),
            method="post",
            data={"shown": ""},
        )
    assert Vacancy.objects.get(id=vacancy.id).is_closed


def test_a_draft_is_seen_only_by_its_people_and_a_published_vacancy_by_everyone(personas, make_vacancy):
    draft = make_vacancy()
    assert_role_matrix(personas, f"/jobs/{draft.id}/", everyone(404, **POSTERS))
    published = make_vacancy(publish=True)
    assert_role_matrix(personas, f"/jobs/{published.id}/", everyone(200))


def test_posting_through_the_form_saves_checks_and_shows_the_check(
    client_as, recruiter: User, employer_org: Organisation, agency: Organisation, bricklayer: Occupation
):
    client = client_as(recruiter)
    response = client.post("/jobs/manage/new/", form_data(employer_org))
    vacancy = Vacancy.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/jobs/manage/{vacancy.id}/"
    assert vacancy.posted_by == agency
    assert vacancy.terms.pay_amount == 1400
    assert [cost.category for cost in vacancy.costs.all()] == ["recruitment_fee"]
    assert vacancy.terms.languages_needed == [{"language": "en", "level": "basic"}]
    page = client.get(response["Location"]).content.decode()
    assert "Nothing in this job offer is against the rules" in page
    assert 'action="/jobs/manage/' in page  # the publish form


def test_a_blocked_vacancy_shows_its_reasons_and_what_to_change_and_cannot_be_published(
    client_as, recruiter, employer_org, agency, bricklayer
):
    client = client_as(recruiter)
    data = form_data(
        employer_org,
        **{
            "pay_amount": "800",
            "costs-0-paid_by": "worker",
            "costs-0-currency": "NPR",
            "costs-0-amount": "80000",
        },
    )
    client.post("/jobs/manage/new/", data)
    vacancy = Vacancy.objects.get()
    page = client.get(f"/jobs/manage/{vacancy.id}/").content.decode()
    for rule in ("QA.MW.2020-17", "NP.FVFT", "INT.ILO-FRP.GP07"):
        assert f'data-rule="{rule}"' in page
    assert f'href="/jobs/manage/{vacancy.id}/edit/#id_pay_amount"' in page
    assert f'href="/jobs/manage/{vacancy.id}/edit/#id_costs"' in page
    response = client.post(f"/jobs/manage/{vacancy.id}/publish/", {"shown": ""})
    assert response.status_code == 409
    assert Vacancy.objects.get(id=vacancy.id).status == Vacancy.Status.DRAFT


def test_publishing_needs_every_warning_ticked(client_as, recruiter, employer_org, agency, bricklayer):
    client = client_as(recruiter)
    client.post("/jobs/manage/new/", form_data(employer_org, hours_per_week="48"))
    vacancy = Vacancy.objects.get()
    page = client.get(f"/jobs/manage/{vacancy.id}/").content.decode()
    assert 'value="QA.HOURS.LABOUR-LAW.44"' in page
    url = f"/jobs/manage/{vacancy.id}/publish/"
    assert client.post(url, {"shown": "QA.HOURS.LABOUR-LAW.44"}).status_code == 409
    # The page was opened before the warnings changed: refused, to be read again.
    assert client.post(url, {"shown": "", "acknowledge": []}).status_code == 409
    assert not WarningAcknowledgement.objects.exists()
    response = client.post(
        url, {"shown": "QA.HOURS.LABOUR-LAW.44", "acknowledge": ["QA.HOURS.LABOUR-LAW.44"]}
    )
    assert response.status_code == 302
    assert Vacancy.objects.get(id=vacancy.id).is_published
    assert WarningAcknowledgement.objects.get().acknowledged_by == recruiter


def test_bad_answers_are_shown_beside_their_fields_and_nothing_is_saved(
    client_as, recruiter, employer_org, agency, bricklayer
):
    client = client_as(recruiter)
    bad = form_data(
        employer_org,
        hours_per_week="100",
        origins=["QA"],
        **{"costs-1-category": "travel"},  # a half-filled cost row
    )
    response = client.post("/jobs/manage/new/", bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count('class="errorlist') >= 3
    assert not Vacancy.objects.exists()


def test_a_destination_without_rules_is_a_clear_error_on_the_form(
    client_as, recruiter, employer_org, agency, bricklayer
):
    response = client_as(recruiter).post("/jobs/manage/new/", form_data(employer_org, destination="DE"))
    assert response.status_code == 400
    assert not Vacancy.objects.exists()


def test_a_sanctioned_agency_is_told_why_it_cannot_publish(client_as, recruiter, make_vacancy, agency):
    from tests.vacancies.factories import suspend

    vacancy = make_vacancy()
    suspend(agency)
    client = client_as(recruiter)
    page = client.get(f"/jobs/manage/{vacancy.id}/").content.decode()
    assert "cannot be published" in page
    response = client.post(f"/jobs/manage/{vacancy.id}/publish/", {"shown": ""})
    assert response.status_code == 403
    assert Vacancy.objects.get(id=vacancy.id).status == Vacancy.Status.DRAFT


def test_editing_fills_the_form_with_the_vacancy(client_as, recruiter, make_vacancy):
    vacancy = make_vacancy()
    page = client_as(recruiter).get(f"/jobs/manage/{vacancy.id}/edit/").content.decode()
    assert 'value="Bricklayers for a school"' in page
    assert '<option value="NP" selected>' in page
    assert 'name="costs-0-amount" value="1500.00"' in page or 'value="1500.00"' in page


def test_the_list_shows_the_organisations_vacancies_and_their_status(client_as, make_vacancy, employer: User):
    make_vacancy(title="Masons")
    make_vacancy(publish=True, title="Tilers")
    page = client_as(employer).get("/jobs/manage/").content.decode()
    assert "Masons" in page
    assert "Tilers" in page
    assert "status-published" in page


def test_the_manage_list_costs_a_fixed_number_of_queries(
    client_as, make_vacancy, django_assert_max_num_queries
):
    for number in range(5):
        make_vacancy(number_of_workers=number + 1)
    client: Client = client_as("recruiter")
    with django_assert_max_num_queries(20):
        assert client.get("/jobs/manage/").status_code == 200
