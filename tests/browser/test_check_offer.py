"""A worker from Nepal, reading Mizan in Nepali, checks a construction job in Qatar for which an agency asked
NPR 150,000, and sees that it is against the rules, with the source; and an authority officer proposes a new
pack version that a colleague approves."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mizan.accounts.models import User
from tests.browser.helpers import PageProblems, axe_check, horizontal_overflow


@pytest.mark.django_db(transaction=True)
def test_a_nepali_worker_checks_a_qatar_construction_job_with_a_large_fee(
    page: Page, page_problems: PageProblems, set_language: Any, live_server: Any
) -> None:
    set_language("ne")
    page.goto("/check/")
    expect(page.locator("html")).to_have_attribute("lang", "ne")
    axe_check(page)
    page.locator("#id_origin").select_option("NP")
    page.locator("#id_destination").select_option("QA")
    page.locator("#id_sector").select_option("construction")
    page.locator("#id_pay").fill("1000")
    page.locator("#id_currency").select_option("QAR")
    page.locator("#id_food_0").check()  # given free
    page.locator("#id_housing_0").check()
    page.locator("#id_hours").fill("8")
    page.locator("#id_days_off").select_option("1")
    page.locator("#id_fee_agency").fill(
        "\u0967\u096b\u0966,\u0966\u0966\u0966"
    )  # typed with Devanagari digits, as on a Nepali keyboard
    page.locator("#id_fee_currency").select_option("NPR")
    page.locator("#id_fee_status_0").check()  # paid already
    page.locator("#id_passport_0").check()  # I keep it
    page.locator("#id_age").fill("27")
    page.locator("main button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/check/result/\?"))
    fee = page.locator('li.finding.violation[data-rule="NP.FVFT"]')
    expect(fee).to_be_visible()
    expect(fee.locator("a[href^='http']")).to_be_visible()  # the source
    expect(page.locator('li.finding.violation[data-rule="QA.FEES"]')).to_be_visible()
    expect(page.locator('[data-figure="months_to_repay"]')).to_be_visible()
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 740})
    assert horizontal_overflow(page) == 0
    assert page_problems.csp_violations == []

    page.locator("main a.button[href*='pay=']").click()  # "Change your answers", in Nepali
    expect(page.locator("#id_pay")).to_have_value("1000")  # the answers come back to be changed


@pytest.mark.django_db(transaction=True)
def test_a_wrong_answer_is_shown_next_to_its_box(page: Page, live_server: Any) -> None:
    page.goto("/check/result/?pay=-5&on=2026-02-30")
    expect(page.locator("[role=alert]")).to_be_visible()
    assert page.locator("#id_pay").get_attribute("aria-invalid") == "true"
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_an_officer_proposes_and_a_colleague_approves_a_new_version(
    page: Page, sign_in_browser: Any, live_server: Any
) -> None:
    from mizan.accounts.models import Membership, Organisation
    from tests.compliance_web.conftest import authority_member, np_version
    from tests.factories import OrganisationFactory

    nepal = OrganisationFactory(kind=Organisation.Kind.AUTHORITY, country="NP")
    officer = authority_member(nepal, Membership.Role.OFFICER, display_name="Bikash")
    colleague = authority_member(nepal, Membership.Role.ADMIN, display_name="Sunita")
    sign_in_browser(officer)
    page.goto("/rules/packs/NP/")
    page.get_by_role("link", name="Propose a new version").click()
    page.locator("#id_yaml_text").fill(
        np_version(version="2027.01", effective_from="2027-01-01", cap="20000")
    )
    page.locator("#id_note").fill("The cap was raised in the 2026 notice.")
    page.locator("main button[type=submit]").click()
    expect(page.locator("[data-valid=yes]")).to_be_visible()
    expect(page.locator("ins").filter(has_text='amount: "20000"')).to_be_visible()
    expect(page.get_by_role("button", name="Approve and publish")).to_have_count(0)  # not for the proposer
    axe_check(page)
    proposal_url = page.url

    page.context.clear_cookies()
    sign_in_browser(colleague)
    page.goto(proposal_url)
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator("[data-status=published]")).to_be_visible()
    assert User.objects.get(pk=colleague.pk).rulepack_decisions.get().version == "2027.01"
