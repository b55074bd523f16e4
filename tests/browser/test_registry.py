"""A worker checks a recruiter whose name they misspell, in Nepali script too, and reads its record; an
officer imports a licence list with broken rows, sees the report, fixes the file and imports it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mizan.accounts.models import Organisation
from mizan.registry.models import Licence, Sanction
from tests.browser.helpers import PageProblems, axe_check, horizontal_overflow
from tests.factories import MembershipFactory, OrganisationFactory
from tests.personas import confirmed_totp_device
from tests.registry.helpers import days, licence, sanction


@pytest.mark.django_db(transaction=True)
def test_a_worker_finds_a_misspelt_agency_and_reads_its_record(
    page: Page, page_problems: PageProblems, live_server: Any
) -> None:
    himalaya = OrganisationFactory(name="Himalaya Fair Recruitment", country="NP")
    licence(himalaya, "DEMO-NP-1234/079", valid_to=days(400))
    delta = OrganisationFactory(name="Delta Manpower Bureau", country="BD")
    licence(delta, "BD-RL-0977")
    sanction(delta, Sanction.Kind.SUSPENSION, reason="Workers were charged recruitment fees.")

    page.goto("/recruiters/")
    axe_check(page)
    page.get_by_label("Name of the agency or employer, or its licence number").fill("Himalya Fair Recrutment")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/recruiters/\?q="))
    first = page.locator("ul.results > li").first
    expect(first).to_contain_text("Himalaya Fair Recruitment")
    expect(first.locator("[data-standing=licensed]")).to_contain_text("Licensed until")
    axe_check(page)
    first.get_by_role("link", name="Himalaya Fair Recruitment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Himalaya Fair Recruitment")
    expect(page.locator("main")).to_contain_text("DEMO-NP-1234/079")
    expect(page.locator("main")).to_contain_text("It may recruit workers today.")
    axe_check(page)

    page.goto("/recruiters/?q=" + "डेल्टा")  # Delta, typed in Devanagari
    result = page.locator("ul.results > li").first
    expect(result.locator("[data-standing=suspended]")).to_be_visible()
    result.get_by_role("link", name="Delta Manpower Bureau").click()
    expect(page.locator("main")).to_contain_text("It may not recruit workers today.")
    expect(page.locator("main")).to_contain_text("Workers were charged recruitment fees.")
    page.set_viewport_size({"width": 320, "height": 740})
    assert horizontal_overflow(page) == 0
    assert page_problems.csp_violations == []

    page.goto("/recruiters/?q=Zygote+Quartz")
    expect(page.get_by_role("heading", name="Not in the registry")).to_be_visible()
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_an_officer_imports_a_list_with_errors_sees_the_report_then_imports_it_fixed(
    page: Page, live_server: Any, sign_in_browser: Any
) -> None:
    authority = OrganisationFactory(kind=Organisation.Kind.AUTHORITY, country="NP", name="Labour authority")
    officer = MembershipFactory(organisation=authority, role="officer", user__kind="staff").user
    confirmed_totp_device(officer)
    sign_in_browser(officer)
    header = "licence_number,organisation_name,registration_number,kind,valid_from,valid_to,status\n"
    start, end = days(-10).isoformat(), days(700).isoformat()
    broken = header + f"1234/079,Everest Manpower,REG-1,agency,{start},{end},active\n"
    broken += f"1235/079,Sagarmatha Jobs,REG-2,agency,16/07/2025,{end},sleeping\n"

    page.goto("/recruiters/manage/")
    page.get_by_role("link", name="Import a licence list").click()
    axe_check(page)
    page.get_by_label("Licence list (CSV file)").set_input_files(
        files=[{"name": "licences.csv", "mimeType": "text/csv", "buffer": broken.encode()}]
    )
    page.get_by_role("button", name="Check and import").click()
    report = page.get_by_role("alert")
    expect(report).to_contain_text("Nothing was saved")
    expect(report.locator("tbody tr")).to_have_count(2)
    expect(report.locator("tbody tr").first).to_contain_text("valid_from")
    expect(report.locator("tbody tr").nth(1)).to_contain_text("status")
    expect(report.locator("progress")).to_have_attribute("value", "1")
    axe_check(page)
    assert not Licence.objects.exists()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the list of problems (CSV)").click()
    assert download.value.suggested_filename == "licence-import-problems.csv"

    fixed = broken.replace("16/07/2025", start).replace("sleeping", "active")
    page.get_by_label("Licence list (CSV file)").set_input_files(
        files=[{"name": "licences.csv", "mimeType": "text/csv", "buffer": fixed.encode()}]
    )
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("status").last).to_contain_text("All 2 rows saved.")
    axe_check(page)
    assert Licence.objects.count() == 2
