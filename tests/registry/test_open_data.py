"""Open data: the licence list as JSON (paginated) and CSV; search and the public record through the API."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from mizan.registry.models import Sanction
from tests.api.conftest import assert_problem
from tests.registry.helpers import days, licence, recruiter, sanction

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(officer) -> dict[str, object]:
    himalaya = recruiter("Himalaya Fair Recruitment", registration_number="NP-REG-1")
    delta = recruiter("Delta Manpower Bureau", country="BD", registration_number="BD-REG-1")
    lanka = recruiter("Lanka Gulf Careers", country="LK", registration_number="LK-REG-1")
    made = {
        "himalaya": licence(himalaya, "DEMO-NP-1234/079", actor=officer, address="Kathmandu"),
        "delta": licence(delta, "BD-RL-0977"),
        "lanka": licence(lanka, "LK-1597", valid_from=days(-900), valid_to=days(-10)),
    }
    sanction(delta, Sanction.Kind.SUSPENSION)
    return made


def get(client: Client, name: str, **query: object):
    return client.get(reverse(f"api-v1:{name}"), query)


def test_the_json_list_has_every_licence_with_its_state(client, listed):
    body = get(client, "registry_licences").json()
    assert body["count"] == 3
    assert [item["number"] for item in body["items"]] == ["BD-RL-0977", "LK-1597", "DEMO-NP-1234/079"]
    by_number = {item["number"]: item for item in body["items"]}
    assert (by_number["BD-RL-0977"]["status"], by_number["BD-RL-0977"]["state"]) == ("suspended", "suspended")
    assert (by_number["LK-1597"]["status"], by_number["LK-1597"]["state"]) == ("active", "expired")
    himalaya = by_number["DEMO-NP-1234/079"]
    assert himalaya["state"] == "valid"
    assert himalaya["number_key"] == "DEMONP1234079"
    assert himalaya["organisation"]["registration_number"] == "NP-REG-1"
    assert himalaya["issuing_authority"] == "Test government authority"


def test_the_list_filters_and_pages(client, listed):
    assert [item["country"] for item in get(client, "registry_licences", country="np").json()["items"]] == [
        "NP"
    ]
    assert [i["number"] for i in get(client, "registry_licences", status="suspended").json()["items"]] == [
        "BD-RL-0977"
    ]
    assert [i["number"] for i in get(client, "registry_licences", in_force="true").json()["items"]] == [
        "DEMO-NP-1234/079"
    ]
    assert get(client, "registry_licences", in_force="false").json()["count"] == 2
    page = get(client, "registry_licences", limit=1, offset=1).json()
    assert (page["count"], page["limit"], page["offset"], len(page["items"])) == (3, 1, 1, 1)
    assert page["items"][0]["number"] == "LK-1597"


@pytest.mark.parametrize(
    "query", [{"limit": 1001}, {"limit": 0}, {"offset": -1}, {"status": "sleeping"}, {"country": "Nepal"}]
)
def test_bad_filters_are_422_problems(client, query):
    assert_problem(get(client, "registry_licences", **query), 422, "validation_failed")


def test_the_list_holds_no_personal_data(client, listed, officer):
    text = (
        get(client, "registry_licences").content.decode()
        + get(client, "registry_licences_csv").getvalue().decode()
    )
    for personal in (officer.email, officer.display_name, str(officer.pk)):
        assert personal not in text


def test_the_csv_downloads_with_the_import_columns_first(client, listed):
    response = get(client, "registry_licences_csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="mizan-licences-')
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert [row["licence_number"] for row in rows] == ["BD-RL-0977", "LK-1597", "DEMO-NP-1234/079"]
    assert rows[2]["address"] == "Kathmandu"
    assert rows[1]["state"] == "expired"
    only_np = get(client, "registry_licences_csv", country="NP")
    assert 'filename="mizan-licences-NP-' in only_np["Content-Disposition"]
    assert len(only_np.getvalue().decode("utf-8-sig").splitlines()) == 2


def test_the_csv_can_be_imported_again(client, listed, officer):
    from mizan.registry import importing

    data = get(client, "registry_licences_csv", country="NP").getvalue()
    report = importing.licences_import(actor=officer, authority=None, data=data)
    assert report.ok, report.problems
    assert report.unchanged == 1


def test_search_through_the_api(client, listed):
    results = get(client, "registry_search", q="Himalya").json()
    assert results[0]["organisation"]["name"] == "Himalaya Fair Recruitment"
    assert results[0]["standing"]["code"] == "licensed"
    assert results[0]["by_number"] is False
    by_number = get(client, "registry_search", q="demo np 1234.079").json()
    assert by_number[0]["by_number"] is True
    assert by_number[0]["licence_numbers"] == ["DEMO-NP-1234/079"]
    assert get(client, "registry_search", q="Zygote Quartz").json() == []
    assert_problem(get(client, "registry_search"), 422)
    assert_problem(get(client, "registry_search", q="x" * 201), 422)


def test_the_public_record_through_the_api(client, listed):
    delta = listed["delta"].organisation
    body = client.get(reverse("api-v1:registry_record", kwargs={"organisation_id": delta.pk})).json()
    assert body["standing"]["code"] == "suspended"
    assert body["may_recruit"] is False
    assert body["reasons"] == ["The licence is suspended.", "An authority suspended the organisation."]
    assert body["sanctions"][0]["kind"] == "suspension"
    assert body["sanctions"][0]["in_force"] is True
    assert (body["review_summary"], body["complaint_count"], body["alert_count"]) == (None, None, None)
    authority = listed["himalaya"].issuing_authority
    missing = client.get(reverse("api-v1:registry_record", kwargs={"organisation_id": authority.pk}))
    assert_problem(missing, 404, "not_found")


def test_api_errors_of_the_staff_endpoints(client_as, listed):
    client = client_as("officer")
    url = reverse("api-v1:registry_licence_create")
    payload = {
        "organisation_name": "Everest",
        "registration_number": "R-1",
        "kind": "agency",
        "number": "N-1",
        "valid_from": days(10).isoformat(),
        "valid_to": days(1).isoformat(),
    }
    assert_problem(client.post(url, payload, content_type="application/json"), 400, "dates_order")
    payload["valid_to"] = days(100).isoformat()
    payload["number"] = "DEMO NP 1234-079"
    assert_problem(client.post(url, payload, content_type="application/json"), 400, "duplicate_number")
    delta = listed["delta"]
    status_url = reverse("api-v1:registry_licence_status", kwargs={"licence_id": delta.pk})
    refused = client.post(status_url, {"action": "suspend", "reason": "x"}, content_type="application/json")
    assert_problem(refused, 403, "other_country")
    himalaya = listed["himalaya"]
    status_url = reverse("api-v1:registry_licence_status", kwargs={"licence_id": himalaya.pk})
    assert_problem(
        client.post(status_url, {"action": "suspend"}, content_type="application/json"), 400, "reason"
    )
