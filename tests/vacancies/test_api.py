"""The vacancies API: the public job board, and posting, checking and publishing for posters' sessions and
their organisations' tokens (scope write:vacancies). Every refusal is a problem naming what is wrong."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from mizan.accounts.models import Organisation, User
from mizan.api import services as api_services
from mizan.vacancies.models import Vacancy
from tests.api.conftest import assert_problem
from tests.roles import assert_role_matrix, everyone
from tests.vacancies.factories import suspend

pytestmark = pytest.mark.django_db

API = "/api/v1/vacancies"


def body(agency: Organisation, employer: Organisation, **overrides: Any) -> dict[str, Any]:
    import datetime as dt

    data: dict[str, Any] = {
        "posted_by_id": str(agency.id),
        "employer_id": str(employer.id),
        "title": "Bricklayers",
        "description": "Block work.",
        "text_language": "en",
        "occupation": "7112.1",
        "destination": "QA",
        "origins": ["NP"],
        "place_of_work": "Doha",
        "number_of_workers": 10,
        "start_date": (dt.date.today() + dt.timedelta(days=60)).isoformat(),
        "contract_months": 24,
        "terms": {
            "pay_amount": "1400",
            "pay_currency": "QAR",
            "pay_period": "month",
            "hours_per_day": 8,
            "hours_per_week": 44,
            "rest_days_per_week": 1,
            "annual_leave_days": 21,
            "accommodation_provided": True,
            "food_provided": True,
            "languages_needed": [{"language": "en", "level": "basic"}],
        },
        "costs": [
            {"category": "recruitment_fee", "amount": "1500", "currency": "QAR", "paid_by": "employer"}
        ],
    }
    data.update(overrides)
    return data


def send(client: Client, method: str, url: str, data: Any = None, **headers: Any) -> Any:
    return getattr(client, method)(url, json.dumps(data or {}), content_type="application/json", **headers)


def token_for(organisation: Organisation, admin: User, scopes: list[str]) -> str:
    from tests.factories import MembershipFactory

    if not admin.memberships.filter(organisation=organisation, role="admin").exists():
        MembershipFactory(user=admin, organisation=organisation, role="admin")
    _token, secret = api_services.api_token_create(
        actor=admin, organisation=organisation, name="ATS", scopes=scopes, expires_at=None
    )
    return secret


def test_the_public_list_and_a_published_vacancy_are_for_everyone(personas, make_vacancy):
    published = make_vacancy(publish=True)
    draft = make_vacancy()
    assert_role_matrix(personas, API, everyone(200))
    assert_role_matrix(personas, f"{API}/{published.id}", everyone(200))
    assert_role_matrix(personas, f"{API}/{draft.id}", everyone(404))
    answer = Client().get(API, {"destination": "QA"}, HTTP_ACCEPT_LANGUAGE="ne").json()
    assert answer["count"] == 1
    assert answer["results"][0]["id"] == str(published.id)
    assert answer["results"][0]["occupation"]["isco"] == "7112"
    one = Client().get(f"{API}/{published.id}").json()
    assert one["terms"]["pay_per_month"] == "1400.00"
    assert one["check"]["packs"]


def test_the_list_validates_its_filters():
    assert_problem(Client().get(API, {"destination": "qatar"}), 422, "validation_failed")
    assert_problem(Client().get(API, {"page": "0"}), 422)


def test_posting_is_for_the_posters(personas, agency, employer_org, bricklayer):
    payload = json.dumps(body(agency, employer_org))
    assert_role_matrix(
        personas,
        API,
        everyone(403, anonymous=401, agency_admin=201, recruiter=201, platform_admin=201),
        method="post",
        data=payload,
        content_type="application/json",
    )
    assert Vacancy.objects.count() == 3


def test_checking_publishing_and_changing_are_for_the_vacancys_people(
    personas, make_vacancy, agency, employer_org
):
    vacancy = make_vacancy()
    posters = {"agency_admin": 200, "recruiter": 200, "employer": 200, "platform_admin": 200}
    matrix = everyone(404, anonymous=401, worker=404, **posters)
    assert_role_matrix(personas, f"{API}/{vacancy.id}/check", matrix, method="post")
    update = json.dumps(body(agency, employer_org, title="Masons"))
    assert_role_matrix(
        personas, f"{API}/{vacancy.id}", matrix, method="put", data=update, content_type="application/json"
    )
    publish_matrix = everyone(
        404, anonymous=401, agency_admin=200, recruiter=400, employer=400, platform_admin=400
    )
    assert_role_matrix(
        personas,
        f"{API}/{vacancy.id}/publish",
        publish_matrix,
        method="post",
        data="{}",
        content_type="application/json",
    )
    assert Vacancy.objects.get(id=vacancy.id).is_published


def test_the_check_says_what_is_wrong_and_what_to_change(client_as, make_vacancy):
    from decimal import Decimal

    from mizan.vacancies.inputs import CostInput

    vacancy = make_vacancy(
        pay_amount=Decimal("800"), costs=[CostInput("recruitment_fee", Decimal("80000"), "NPR", "worker")]
    )
    answer = send(client_as("recruiter"), "post", f"{API}/{vacancy.id}/check").json()
    assert answer["publishable"] is False
    assert answer["may_recruit"] is True
    rules = {finding["rule_id"]: finding for finding in answer["violations"]}
    assert {"QA.MW.2020-17", "NP.FVFT"} <= set(rules)
    assert rules["QA.MW.2020-17"]["change"].startswith("Raise the basic pay")
    assert rules["NP.FVFT"]["origins"] == ["NP"]
    assert rules["NP.FVFT"]["citation"]["url"].startswith("https://")
    response = send(client_as("recruiter"), "post", f"{API}/{vacancy.id}/publish")
    assert_problem(response, 409, "violations")


def test_warnings_are_acknowledged_through_the_api(client_as, make_vacancy):
    from decimal import Decimal

    vacancy = make_vacancy(hours_per_week=Decimal("48"))
    client = client_as("recruiter")
    assert_problem(send(client, "post", f"{API}/{vacancy.id}/publish"), 409, "warnings_not_acknowledged")
    wrong = {"acknowledged_warnings": ["X"]}
    assert_problem(send(client, "post", f"{API}/{vacancy.id}/publish", wrong), 409, "warnings_changed")
    right = {"acknowledged_warnings": ["QA.HOURS.LABOUR-LAW.44"]}
    answer = send(client, "post", f"{API}/{vacancy.id}/publish", right)
    assert answer.status_code == 200
    assert answer.json()["status"] == "published"


def test_bad_fields_are_422_naming_each_field(client_as, agency, employer_org, bricklayer):
    client = client_as("recruiter")
    answer = assert_problem(
        send(client, "post", API, body(agency, employer_org, occupation="0000.0")), 422, "validation_failed"
    )
    assert answer["errors"][0]["loc"] == ["body", "payload", "occupation"]
    answer = assert_problem(
        send(client, "post", API, body(agency, employer_org, text_language="xx", origins=["QA"])), 422
    )
    assert {tuple(error["loc"][2:]) for error in answer["errors"]} == {("text_language",), ("origins",)}
    broken = body(agency, employer_org)
    broken["terms"]["pay_amount"] = "-5"
    answer = assert_problem(send(client, "post", API, broken), 422)
    assert answer["errors"][0]["loc"][-2:] == ["terms", "pay_amount"]
    assert not Vacancy.objects.exists()


def test_a_destination_without_rules_is_a_clear_422(client_as, agency, employer_org, bricklayer):
    answer = assert_problem(
        send(client_as("recruiter"), "post", API, body(agency, employer_org, destination="DE")), 422
    )
    assert [error["loc"] for error in answer["errors"]] == [["body", "payload", "destination"]]
    assert "no rules" in answer["errors"][0]["msg"]
    assert not Vacancy.objects.exists()


def test_a_sanctioned_agency_gets_403_with_the_reason(client_as, make_vacancy, agency):
    vacancy = make_vacancy()
    suspend(agency)
    answer = assert_problem(
        send(client_as("recruiter"), "post", f"{API}/{vacancy.id}/publish"), 403, "may_not_recruit"
    )
    assert "suspended" in answer["detail"]
    assert Vacancy.objects.get(id=vacancy.id).status == Vacancy.Status.DRAFT


def test_an_organisation_token_with_the_scope_posts_and_publishes(
    agency, employer_org, bricklayer, agency_admin
):
    secret = token_for(agency, agency_admin, ["write:vacancies"])
    client = Client()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    payload = body(agency, employer_org)
    payload.pop("posted_by_id")
    created = send(client, "post", API, payload, **auth)
    assert created.status_code == 201, created.content
    vacancy_id = created.json()["id"]
    assert send(client, "post", f"{API}/{vacancy_id}/check", **auth).status_code == 200
    assert send(client, "post", f"{API}/{vacancy_id}/publish", **auth).json()["status"] == "published"


def test_a_token_without_the_scope_or_for_another_organisation_is_refused(
    agency, employer_org, bricklayer, agency_admin, make_vacancy
):
    read_only = token_for(agency, agency_admin, ["read:public"])
    response = send(
        Client(), "post", API, body(agency, employer_org), HTTP_AUTHORIZATION=f"Bearer {read_only}"
    )
    assert_problem(response, 403, "missing_scope")
    vacancy = make_vacancy()
    from tests.factories import OrganisationFactory

    stranger = token_for(OrganisationFactory(kind="agency"), agency_admin, ["write:vacancies"])
    response = send(Client(), "post", f"{API}/{vacancy.id}/check", HTTP_AUTHORIZATION=f"Bearer {stranger}")
    assert_problem(response, 404)
