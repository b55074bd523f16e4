"""The job board for workers: filters, pages, every fixed label in the worker's language with the curated
occupation titles, the employer's own words marked as such, and schema.org JobPosting JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from mizan.taxonomy.models import Occupation, OccupationTitle
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def board(client: Client | None = None, **query: Any) -> str:
    response = (client or Client()).get("/jobs/", query)
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def listed(html: str) -> list[str]:
    return re.findall(r'href="/jobs/([0-9a-f-]{36})/"', html)


def in_language(language: str) -> Client:
    client = Client()
    client.cookies["mizan_language"] = language
    return client


def test_the_board_is_for_everyone(personas, make_vacancy):
    make_vacancy(publish=True)
    assert_role_matrix(personas, "/jobs/", everyone(200))
    assert_role_matrix(personas, "/jobs/?destination=QA&page=1", everyone(200))


def test_only_published_vacancies_are_listed(make_vacancy):
    published = make_vacancy(publish=True)
    make_vacancy()  # a draft
    closed = make_vacancy(publish=True)
    from mizan.vacancies import services

    services.vacancy_close(actor=None, vacancy=closed)
    assert listed(board()) == [str(published.id)]


def test_filters_by_country_type_of_work_pay_and_start_date(make_vacancy, common_taxonomy):
    soon = dt.date.today() + dt.timedelta(days=30)
    later = dt.date.today() + dt.timedelta(days=200)
    masons = make_vacancy(publish=True, start_date=soon)
    welders = make_vacancy(
        publish=True, occupation=common_taxonomy["7212.3"], pay_amount=Decimal("2000"), start_date=later
    )
    saudi = make_vacancy(
        publish=True,
        destination="SA",
        pay_currency="SAR",
        pay_amount=Decimal("1500"),
        overtime_rate=Decimal("1.5"),
        start_date=soon,
    )
    assert set(listed(board(destination="QA"))) == {str(masons.id), str(welders.id)}
    assert listed(board(destination="SA")) == [str(saudi.id)]
    # Type of work: the occupation and those under it (7212.3 takes in pipe welders, 7212.3.3).
    assert listed(board(occupation="7212.3")) == [str(welders.id)]
    assert listed(board(start_from=(soon + dt.timedelta(days=1)).isoformat())) == [str(welders.id)]
    # In each job's own currency: 1,600 riyals of Qatar or of Saudi Arabia alike.
    assert listed(board(min_pay="1600")) == [str(welders.id)]
    # In dollars: QAR 1,400 is USD 384.62, QAR 2,000 USD 549.45, SAR 1,500 USD 400.
    assert set(listed(board(min_pay="390", currency="USD"))) == {str(welders.id), str(saudi.id)}
    assert set(listed(board(min_pay="1450", currency="SAR"))) == {str(welders.id), str(saudi.id)}


def test_a_bad_filter_is_a_400_with_the_form_again(make_vacancy):
    make_vacancy(publish=True)
    response = Client().get("/jobs/", {"min_pay": "lots", "destination": "XX"})
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()


def test_twenty_a_page_with_links_to_the_next_and_previous_pages(make_vacancy, django_assert_max_num_queries):
    ids = [str(make_vacancy(publish=True, number_of_workers=n + 1).id) for n in range(23)]
    with django_assert_max_num_queries(12):
        first = board(destination="QA")
    assert len(listed(first)) == 20
    assert 'rel="next" class="button secondary" href="?destination=QA&amp;page=2"' in first
    assert 'rel="prev"' not in first
    second = board(destination="QA", page="2")
    assert len(listed(second)) == 3
    assert 'rel="prev"' in second
    assert set(listed(first)) | set(listed(second)) == set(ids)
    assert listed(board(page="99")) == listed(second)  # past the end: the last page


@pytest.mark.parametrize(("language", "direction"), [("ne", "ltr"), ("ar", "rtl")])
def test_a_worker_finds_lawful_jobs_in_nepali_and_arabic(
    make_vacancy, bricklayer: Occupation, language: str, direction: str
):
    vacancy = make_vacancy(publish=True, title="Bricklayers <b>wanted</b>")
    curated = OccupationTitle.objects.get(occupation=bricklayer, language=language).title
    page = board(in_language(language), destination="QA")
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert curated in page
    assert listed(page) == [str(vacancy.id)]
    detail = in_language(language).get(f"/jobs/{vacancy.id}/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in detail
    assert curated in detail
    # The employer's words are marked as theirs, in their language, and escaped.
    assert '<div class="card" lang="en" dir="ltr">' in detail
    assert "Bricklayers &lt;b&gt;wanted&lt;/b&gt;" in detail


def test_an_arabic_text_by_the_employer_is_marked_right_to_left_on_an_english_page(make_vacancy):
    vacancy = make_vacancy(publish=True, title="عمال بناء", text_language="ar")
    detail = Client().get(f"/jobs/{vacancy.id}/").content.decode()
    assert '<html lang="en" dir="ltr">' in detail
    assert '<div class="card" lang="ar" dir="rtl">' in detail


def test_each_vacancy_page_has_a_valid_job_posting(make_vacancy, employer_org):
    vacancy = make_vacancy(publish=True, title="Masons </script><script>alert(1)</script>")
    html = Client().get(f"/jobs/{vacancy.id}/").content.decode()
    blocks = JSON_LD.findall(html)
    assert len(blocks) == 1
    assert "<script>alert(1)" not in html
    posting = json.loads(blocks[0])
    assert posting["@context"] == "https://schema.org"
    assert posting["@type"] == "JobPosting"
    assert posting["title"] == "Masons </script><script>alert(1)</script>"
    for field in ("description", "datePosted", "validThrough", "employmentType"):
        assert posting[field]
    assert posting["hiringOrganization"] == {"@type": "Organization", "name": employer_org.name}
    assert posting["jobLocation"]["address"]["addressCountry"] == "QA"
    assert posting["baseSalary"]["@type"] == "MonetaryAmount"
    assert posting["baseSalary"]["currency"] == "QAR"
    assert posting["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "value": 1400,
        "unitText": "MONTH",
    }
    assert posting["occupationalCategory"] == "7112"
    assert dt.date.fromisoformat(posting["datePosted"]) == dt.date.today()


def test_the_vacancy_page_says_what_it_was_checked_against(make_vacancy):
    vacancy = make_vacancy(publish=True)
    html = Client().get(f"/jobs/{vacancy.id}/").content.decode()
    qatar = next(pack for pack in vacancy.last_check.packs if pack["id"] == "QA")
    assert f"Checked against the rules of Qatar, version {qatar['version']}, on" in html
    assert 'href="/api/v1/compliance/packs/QA/versions"' in html
    assert "You pay nothing to get this job" in html


def test_a_vacancy_whose_last_day_to_apply_has_passed_leaves_the_board(make_vacancy):
    from mizan.vacancies.models import Vacancy

    open_one = make_vacancy(publish=True)
    closed = make_vacancy(publish=True, apply_by=dt.date.today())
    assert set(listed(board())) == {str(open_one.id), str(closed.id)}
    Vacancy.objects.filter(id=closed.id).update(apply_by=dt.date.today() - dt.timedelta(days=1))
    assert listed(board()) == [str(open_one.id)]
