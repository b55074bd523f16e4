"""A worker checks the reference they were given against the signed public record, in a real browser."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mizan.privacy.ledger.services import checkpoint_create
from tests.browser.helpers import axe_check
from tests.ledger.helpers import bulk_chain


@pytest.mark.django_db(transaction=True)
def test_a_worker_checks_a_reference_and_a_mistyped_one(page: Page, live_server: Any) -> None:
    hashes = bulk_chain(12)
    checkpoint_create()

    page.goto("/ledger/")
    expect(page.locator("h1")).to_have_text("The public record")
    expect(page.locator("main")).to_contain_text("Valid: signed with this server's key.")
    page.get_by_label("Entry number").fill("7")
    page.get_by_label("Code").fill(hashes[6][:16])
    page.get_by_role("button", name="Check").click()
    expect(page).to_have_url(re.compile(r"/ledger/\?entry=7&code="))
    expect(page.locator("main")).to_contain_text("Yes. Entry 7 is in the signed record.")
    axe_check(page)

    # The proof link gives the audit path a journalist can check offline.
    proof = page.request.get(
        page.get_by_role("link", name="Download the proof (for experts)").get_attribute("href")
    )
    assert proof.json()["seq"] == 7

    # A typo: a clear message beside the field, the number kept, nothing else lost.
    page.get_by_label("Code").fill("not a code")
    page.get_by_role("button", name="Check").click()
    expect(page.locator("main")).to_contain_text("The code has 16 to 64 characters")
    expect(page.get_by_label("Entry number")).to_have_value("7")
    axe_check(page)

    # A code that is not in the record.
    page.get_by_label("Code").fill(hashes[5])
    page.get_by_role("button", name="Check").click()
    expect(page.locator("main")).to_contain_text("We did not find an entry with this number and code.")
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_the_page_works_right_to_left_at_320_px(page: Page, live_server: Any) -> None:
    bulk_chain(3)
    checkpoint_create()
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": live_server.url}])
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/ledger/?entry=2&code=zz")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    axe_check(page)
