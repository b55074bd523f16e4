"""A worker who reads Nepali builds a job profile on a 360 px phone screen: finds their work by searching
in Nepali, ticks skills, says what jobs they want. Every page passes axe-core and nothing scrolls sideways.

The steps use addresses and field names, not English words, so they hold in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mizan.accounts.models import User
from mizan.profiles.models import Preferences, ProfileOccupation, ProfileSkill
from mizan.taxonomy.services import taxonomy_import
from tests.browser.helpers import PageProblems, axe_check, horizontal_overflow
from tests.factories import WorkerFactory

WELDER = "7212.3"


@pytest.fixture
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def _fits(page: Page) -> None:
    axe_check(page)
    assert horizontal_overflow(page) == 0, f"{page.url} scrolls sideways"


@pytest.mark.django_db(transaction=True)
def test_a_worker_in_nepali_builds_a_profile_on_a_phone(
    page: Page, sign_in_browser: Callable[[User], None], page_problems: PageProblems, media_root: Path
) -> None:
    taxonomy_import(only_common=True)
    worker = WorkerFactory(preferred_language="ne", display_name="")
    sign_in_browser(worker)

    page.goto("/me/profile/")
    expect(page.locator("html")).to_have_attribute("lang", "ne")
    _fits(page)
    page.locator('main a[href="/me/profile/work/"]').first.click()
    expect(page).to_have_url(re.compile("/me/profile/work/$"))
    _fits(page)

    # Search in Nepali: the curated title of a welder.
    page.locator('input[name="q"]').fill("वेल्डर")
    page.locator('form[role="search"] button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/me/profile/work/\?q="))
    result = page.locator(f'section[aria-labelledby="results"] a[href="/me/profile/work/{WELDER}/"]')
    expect(result).to_have_count(1)
    expect(result).to_have_text(re.compile("वेल्डर"))
    _fits(page)
    result.click()

    expect(page).to_have_url(re.compile(rf"/me/profile/work/{re.escape(WELDER)}/$"))
    _fits(page)
    boxes = page.locator('input[name="essential"]')
    assert boxes.count() > 10
    for index in range(3):
        boxes.nth(index).check()
    page.locator("details.more-skills summary").click()  # the other skills are folded away at first
    page.locator('input[name="other"]').first.check()
    page.locator('input[name="years_of_experience"]').fill("4.5")
    page.locator('main form button[type="submit"]').click()

    expect(page).to_have_url(re.compile("/me/profile/$"))
    _fits(page)
    row = ProfileOccupation.objects.get(profile__worker=worker)
    assert (row.occupation.code, row.years_of_experience, row.is_main) == (WELDER, Decimal("4.5"), True)
    assert ProfileSkill.objects.filter(profile_occupation=row).count() == 4

    page.locator('main a[href="/me/profile/jobs-i-want/"]').first.click()
    expect(page).to_have_url(re.compile("/me/profile/jobs-i-want/$"))
    _fits(page)
    page.locator('input[name="destinations"][value="QA"]').check()
    page.locator('select[name="another_destination"]').select_option("KW")
    page.locator('input[name="sectors"][value="construction"]').check()
    page.locator('input[name="min_monthly_pay"]').fill("1400")
    page.locator('select[name="currency"]').select_option("QAR")
    page.locator('input[name="available_from_0"]').fill("1")
    page.locator('select[name="available_from_1"]').select_option("3")
    page.locator('input[name="available_from_2"]').fill("2027")
    page.locator('main form button[type="submit"]').click()

    expect(page).to_have_url(re.compile("/me/profile/$"))
    _fits(page)
    wanted = Preferences.objects.get(profile__worker=worker)
    assert (wanted.destinations, wanted.sectors) == (["QA", "KW"], ["construction"])
    assert (wanted.min_monthly_pay, wanted.currency, str(wanted.available_from)) == (
        Decimal("1400.00"),
        "QAR",
        "2027-03-01",
    )
    assert not page_problems.csp_violations, page_problems.csp_violations
    assert not page_problems.page_errors, page_problems.page_errors


@pytest.mark.django_db(transaction=True)
def test_an_unknown_kind_of_work_is_a_plain_page(
    page: Page, sign_in_browser: Callable[[User], None], media_root: Path
) -> None:
    worker = WorkerFactory(preferred_language="ne")
    sign_in_browser(worker)
    response = page.goto("/me/profile/work/0000.0/")
    assert response is not None
    assert response.status == 404
    expect(page.locator('main a[href="/me/profile/work/"]')).to_have_count(1)
    _fits(page)
