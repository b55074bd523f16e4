"""A worker registers and signs in by phone, and a staff member passes two-factor, in a real browser."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from mizan.accounts.gateways.file import FileGateway
from mizan.accounts.models import User
from tests.browser.helpers import axe_check
from tests.factories import UserFactory

PHONE = "+9779812345670"


def last_code() -> str:
    match = re.search(r"\b(\d{6})\b", FileGateway().messages_to(PHONE)[-1]["body"])
    assert match
    return match.group(1)


@pytest.mark.django_db(transaction=True)
def test_a_worker_registers_by_phone_sets_a_pin_and_signs_in_with_it(page: Page, live_server: Any) -> None:
    page.goto("/")
    page.get_by_role("button", name="नेपाली").click()
    expect(page.locator("html")).to_have_attribute("lang", "ne")
    page.get_by_role("link", name="आफ्नो फोन नम्बरबाट सुरु गर्नुहोस्").click()

    page.get_by_label(re.compile("फोन")).last.fill("9812345670")
    page.locator("button[type=submit]").first.click()
    expect(page).to_have_url(re.compile("/accounts/code/$"))
    axe_check(page)
    page.locator("#id_code").fill(last_code())
    page.locator("main button[type=submit]").click()

    expect(page).to_have_url(re.compile("/accounts/pin/set/$"))
    user = User.objects.get(phone=PHONE)
    assert user.preferred_language == "ne"
    page.locator("#id_pin").fill("4826")
    page.locator("#id_pin_again").fill("4826")
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(re.compile("/accounts/$"))

    page.locator("form[action$='/sign-out/'] button").click()
    page.goto("/accounts/pin/")
    expect(page.locator("#id_phone")).to_have_value(PHONE)
    page.locator("#id_pin").fill("4826")
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(re.compile("/accounts/$"))
    expect(page.locator("main")).to_contain_text(PHONE)


@pytest.mark.django_db(transaction=True)
def test_a_wrong_code_is_explained_in_the_workers_language(page: Page, live_server: Any) -> None:
    page.context.add_cookies([{"name": "mizan_language", "value": "ar", "url": live_server.url}])
    page.goto("/accounts/sign-in/")
    page.locator("#id_region").select_option("NP")
    page.locator("#id_phone").fill("9812345670")
    page.locator("main button[type=submit]").first.click()
    wrong = "000000" if last_code() != "000000" else "111111"
    page.locator("#id_code").fill(wrong)
    page.locator("main button[type=submit]").click()
    error = page.locator(".errorlist")
    expect(error).to_be_visible()
    assert "not right" not in error.inner_text()
    assert page.locator("#id_code").get_attribute("aria-invalid") == "true"
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_staff_sign_in_sets_up_an_authenticator_then_asks_for_its_code(page: Page, live_server: Any) -> None:
    user = UserFactory(kind="staff", phone=None, email="lead@example.org")
    user.set_password("a long enough password")
    user.save()

    page.goto("/accounts/staff/sign-in/")
    page.locator("#id_email").fill("lead@example.org")
    page.locator("#id_password").fill("a long enough password")
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(re.compile("/accounts/staff/two-factor/$"))
    axe_check(page)

    device = TOTPDevice.objects.get(user=user)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.locator("#id_token").fill(f"{totp.token():06d}")
    page.locator("main button[type=submit]").click()
    expect(page.locator("main li")).to_have_count(10)  # the backup codes, shown once
    axe_check(page)
    page.get_by_role("link", name="I saved my codes").click()
    expect(page).to_have_url(re.compile("/accounts/$"))
