"""A worker looks up their kind of work in Arabic and opens it, in a real browser."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mizan.taxonomy.services import taxonomy_import
from tests.browser.helpers import axe_check


@pytest.mark.django_db(transaction=True)
def test_search_in_arabic_then_open_the_occupation(
    page: Page, live_server: Any, set_language: Callable[[str], None]
) -> None:
    taxonomy_import(only_common=True)
    set_language("ar")
    page.goto("/occupations/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    axe_check(page)

    page.locator("#occupation-q").fill("عاملة منزلية")
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/occupations/\?q="))
    result = page.locator("main ul.occupations a").first
    expect(result).to_have_text("عامل/عاملة منزلية")
    expect(page.locator("main ul.occupations li").first).to_contain_text("9111.1")
    axe_check(page)

    result.click()
    expect(page).to_have_url(re.compile(r"/occupations/9111\.1/$"))
    expect(page.locator("h1")).to_have_text("عامل/عاملة منزلية")
    expect(page.locator("main ul[lang=en] li").first).to_be_visible()
    axe_check(page)
