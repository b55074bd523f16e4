"""'Check a recruiter': search by licence number (any punctuation, any digits) and by name (any script,
typos forgiven), and the public record page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mizan.registry import search
from mizan.registry.models import Sanction
from mizan.registry.selectors import recruiters_search
from tests.registry.helpers import days, licence, recruiter, sanction, today

pytestmark = pytest.mark.django_db

NAMES = (
    "Himalaya Fair Recruitment Pvt. Ltd.",
    "Himal Manpower Services",
    "Padma Overseas Services",
    "Delta Manpower Bureau",
    "Lanka Gulf Careers",
    "Luzon Care Placement",
    "Nusantara Karya Mandiri",
    "Doha Build Contracting",
)


@pytest.fixture
def registry() -> dict[str, object]:
    made = {}
    for index, name in enumerate(NAMES):
        made[name] = recruiter(name, country=["NP", "NP", "BD", "BD", "LK", "PH", "ID", "QA"][index])
    return made


def names(query: str) -> list[str]:
    return [result.organisation.name for result in recruiters_search(query, on=today())]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Himalya Fair Recruitmnt", "Himalaya Fair Recruitment Pvt. Ltd."),  # typos
        ("himalaya fair", "Himalaya Fair Recruitment Pvt. Ltd."),
        ("padma overses", "Padma Overseas Services"),
        ("nusantra karya", "Nusantara Karya Mandiri"),
        ("LUZN CARE", "Luzon Care Placement"),
        ("हिमालय फेयर रिक्रुटमेन्ट", "Himalaya Fair Recruitment Pvt. Ltd."),  # Devanagari
        ("পদ্মা ওভারসিজ", "Padma Overseas Services"),  # Bengali
        ("ডেল্টা ম্যানপাওয়ার", "Delta Manpower Bureau"),
        ("دلتا مانباور", "Delta Manpower Bureau"),  # Arabic, written without vowels
        ("ලංකා", "Lanka Gulf Careers"),  # Sinhala
        ("Лузон", "Luzon Care Placement"),  # Cyrillic
    ],
)
def test_a_name_is_found_misspelt_or_in_another_script(registry, query, expected):
    assert names(query)[0] == expected


def test_a_name_that_is_nowhere_finds_nothing(registry):
    assert names("Zygote Quartz") == []
    assert names("   ") == []


def test_a_licence_number_is_found_however_it_is_punctuated(registry):
    licence(registry["Himalaya Fair Recruitment Pvt. Ltd."], "DEMO-NP-1234/079")
    licence(registry["Himal Manpower Services"], "DEMO-NP-1299/080")
    for query in ("DEMO-NP-1234/079", "demo np 1234 079", "demonp1234.079", "1234/079", "१२३४/०७९"):
        results = recruiters_search(query, on=today())
        assert results, query
        assert results[0].organisation.name == "Himalaya Fair Recruitment Pvt. Ltd."
        assert results[0].by_number
    assert {result.organisation.name for result in recruiters_search("demo-np-12", on=today())} >= {
        "Himalaya Fair Recruitment Pvt. Ltd.",
        "Himal Manpower Services",
    }


def test_authorities_are_not_recruiters_and_are_not_found():
    recruiter("Department of Himalaya Affairs", kind="authority")
    assert names("Himalaya") == []


def test_the_index_sees_new_and_renamed_organisations(registry):
    assert names("Everest Jobs") == []
    recruiter("Everest Jobs")
    assert names("Everest Jobs") == ["Everest Jobs"]
    agency = registry["Doha Build Contracting"]
    agency.name = "Qatar Towers"
    agency.save()
    assert names("Qatar Towers") == ["Qatar Towers"]


def test_folding_helpers():
    assert search.number_key(" np-12 / 34.5 ") == "NP12345"
    assert search.fold("Himalaya Fair Recruitment Pvt. Ltd. (demo)") == "himalaya fair recruitment"
    assert search.skeleton(search.fold("हिमालय")) == search.skeleton(search.fold("Himalaya"))
    assert search.looks_like_number("१२३")
    assert not search.looks_like_number("Delta")


def test_the_search_page_shows_the_badges(client, registry):
    himalaya = registry["Himalaya Fair Recruitment Pvt. Ltd."]
    licence(himalaya, "NP-1", valid_to=days(200))
    delta = registry["Delta Manpower Bureau"]
    licence(delta, "BD-9")
    sanction(delta, Sanction.Kind.SUSPENSION)
    lanka = registry["Lanka Gulf Careers"]
    licence(lanka, "LK-3", valid_from=days(-900), valid_to=days(-10))
    page = client.get(reverse("registry:search"), {"q": "Himalya"}).content.decode()
    assert 'data-standing="licensed"' in page
    assert reverse("registry:record", kwargs={"organisation_id": himalaya.pk}) in page
    assert (
        'data-standing="suspended"' in client.get(reverse("registry:search"), {"q": "delta"}).content.decode()
    )
    assert (
        'data-standing="expired"' in client.get(reverse("registry:search"), {"q": "lanka"}).content.decode()
    )
    nothing = client.get(reverse("registry:search"), {"q": "Zygote Quartz"})
    assert nothing.status_code == 200
    assert "Not in the registry" in nothing.content.decode()


def test_a_too_long_question_is_a_400_with_a_message(client):
    response = client.get(reverse("registry:search"), {"q": "x" * 201})
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()


def test_the_public_record_shows_licences_certifications_sanctions_and_the_later_sections(
    client, auditor, auditor_org
):
    from mizan.registry import services

    agency = recruiter("Delta Manpower Bureau", country="BD")
    licence(agency, "BD-RL-0977", address="House 4, Road 7, Dhaka")
    services.certification_record(
        actor=auditor,
        organisation=agency,
        standard="IRIS",
        level="Certified",
        valid_from=days(-5),
        valid_to=days(300),
    )
    sanction(agency, Sanction.Kind.SUSPENSION, reason="Workers were charged fees.")
    response = client.get(reverse("registry:record", kwargs={"organisation_id": agency.pk}))
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "BD-RL-0977", "House 4, Road 7, Dhaka", "IRIS", auditor_org.name, "Workers were charged fees.",
        "Test licensing authority", "It may not recruit workers today.", "Reviews by workers", "Complaints",
        "Alerts", "Not available yet",
    ):  # fmt: skip
        assert text in page, text
    assert 'data-standing="suspended"' in page
    assert auditor.email not in page
    assert auditor.display_name not in page


def test_the_record_of_something_that_is_not_a_recruiter_is_404(client, authority):
    assert client.get(reverse("registry:record", kwargs={"organisation_id": authority.pk})).status_code == 404
