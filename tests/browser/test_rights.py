"""A worker saves everything Mizan holds about them, then closes their account; signing in again with the
same phone gives a new, empty account, never the old data."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mizan.accounts.gateways.file import FileGateway
from mizan.accounts.models import User
from mizan.privacy.rights.models import Erasure
from mizan.workers import services as worker_services
from mizan.workers.models import PersonalDetails
from tests.browser.helpers import axe_check, horizontal_overflow

PHONE = "+9779812345671"
PASSPORT = "PX4455667"


@pytest.fixture
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def sign_in_by_phone(page: Page) -> None:
    page.goto("/accounts/sign-in/")
    page.locator("#id_region").select_option("NP")
    page.locator("#id_phone").fill(PHONE[4:])
    page.locator("main button[type=submit]").first.click()
    expect(page).to_have_url(re.compile("/accounts/code/$"))
    body = FileGateway().messages_to(PHONE)[-1]["body"]
    match = re.search(r"\b(\d{6})\b", body)
    assert match
    page.locator("#id_code").fill(match.group(1))
    page.locator("main button[type=submit]").click()
    expect(page).not_to_have_url(re.compile("/accounts/code/$"))


@pytest.mark.django_db(transaction=True)
def test_a_worker_saves_their_data_then_erases_the_account_for_good(
    page: Page, live_server: Any, media_root: Path, tmp_path: Path
) -> None:
    sign_in_by_phone(page)
    worker = User.objects.get(phone=PHONE)
    worker_services.personal_details_update(
        actor=worker,
        worker=worker,
        data={"full_name": "Laxmi Tamang", "passport_number": PASSPORT, "date_of_birth": date(1990, 2, 1)},
    )

    page.goto("/accounts/")
    page.get_by_role("link", name="See, save, correct or erase my data").click()
    expect(page).to_have_url(re.compile("/my-data/$"))
    axe_check(page)
    assert horizontal_overflow(page) == 0

    page.get_by_role("link", name="See my data").click()
    expect(page.locator("main")).to_contain_text(PASSPORT)
    expect(page.locator("main")).to_contain_text("Laxmi Tamang")
    axe_check(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Save my data as a file").click()
    saved = tmp_path / "my-data.json"
    download_info.value.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert document["schema"] == "mizan.my-data"
    assert document["account"]["phone"] == PHONE
    assert document["personal_details"]["values"]["passport_number"] == PASSPORT

    page.goto("/my-data/")
    page.get_by_role("link", name="Close my account").click()
    expect(page).to_have_url(re.compile("/my-data/erase/$"))
    axe_check(page)
    page.get_by_role("button", name="Erase my account").click()
    expect(page.locator(".errorlist")).to_be_visible()  # the tick is needed
    page.get_by_label("I understand: my account and my data will be erased").check()
    page.get_by_role("button", name="Erase my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account is closed")
    axe_check(page)
    assert Erasure.objects.get(worker=worker).status == Erasure.Status.DONE

    page.goto("/my-data/")
    expect(page).to_have_url(re.compile("/accounts/sign-in/"))  # signed out

    sign_in_by_phone(page)
    fresh = User.objects.get(phone=PHONE)
    assert fresh.pk != worker.pk
    page.goto("/me/details/")
    expect(page.locator("main")).not_to_contain_text("Laxmi Tamang")
    page.goto("/my-data/export/")
    expect(page.locator("main")).not_to_contain_text(PASSPORT)
    expect(page.locator("main")).to_contain_text(PHONE)
    assert not PersonalDetails.objects.filter(worker=fresh).exists()
