"""An agency recruiter posts a job for a Qatar employer; the check blocks it (pay under the minimum wage,
a recruitment fee charged to the worker) and says what to change; the recruiter fixes the pay and the
costs, confirms the one warning and publishes. A worker reading Mizan in Nepali finds it on the job board
and opens it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mizan.accounts.models import Membership, Organisation
from mizan.taxonomy.models import OccupationTitle
from mizan.taxonomy.services import taxonomy_import
from mizan.vacancies.models import Vacancy
from tests.browser.helpers import PageProblems, axe_check, horizontal_overflow
from tests.factories import MembershipFactory, OrganisationFactory, StaffUserFactory
from tests.personas import confirmed_totp_device
from tests.vacancies.factories import licence_for


@pytest.mark.django_db(transaction=True)
def test_a_recruiter_fixes_a_blocked_job_publishes_it_and_a_nepali_worker_finds_it(
    page: Page, page_problems: PageProblems, sign_in_browser: Any, set_language: Any, live_server: Any
) -> None:
    taxonomy_import(only_common=True)
    agency = OrganisationFactory(kind=Organisation.Kind.AGENCY, country="NP", name="Himalaya Test Agency")
    licence_for(agency)
    employer = OrganisationFactory(kind=Organisation.Kind.EMPLOYER, country="QA", name="Doha Test Builders")
    recruiter = StaffUserFactory(display_name="Asha")
    MembershipFactory(user=recruiter, organisation=agency, role=Membership.Role.RECRUITER)
    confirmed_totp_device(recruiter)
    sign_in_browser(recruiter)

    page.goto("/jobs/manage/new/")
    axe_check(page)
    page.locator("#id_employer").select_option(str(employer.id))
    page.locator("#id_occupation").select_option("7112.1")
    page.locator("#id_destination").select_option("QA")
    page.locator("#id_origins").select_option(["NP"])
    page.locator("#id_place_of_work").fill("Doha")
    page.locator("#id_number_of_workers").fill("12")
    page.locator("#id_start_date").fill((dt.date.today() + dt.timedelta(days=90)).isoformat())
    page.locator("#id_contract_months").fill("24")
    page.locator("#id_title").fill("Bricklayers for a school")
    page.locator("#id_pay_amount").fill("800")
    page.locator("#id_pay_currency").select_option("QAR")
    page.locator("#id_hours_per_day").fill("8")
    page.locator("#id_hours_per_week").fill("48")
    page.locator("#id_rest_days_per_week").fill("1")
    page.locator("#id_annual_leave_days").fill("21")
    page.locator("#id_accommodation_provided").check()
    page.locator("#id_food_provided").check()
    page.locator("#id_costs-0-category").select_option("recruitment_fee")
    page.locator("#id_costs-0-amount").fill("1500")
    page.locator("#id_costs-0-currency").select_option("QAR")
    page.locator("#id_costs-0-paid_by").select_option("worker")
    page.get_by_role("button", name="Save and check").click()

    expect(page).to_have_url(re.compile(r"/jobs/manage/[0-9a-f-]{36}/$"))
    expect(page.locator('li.finding.violation[data-rule="QA.MW.2020-17"]')).to_be_visible()
    expect(page.locator('li.finding.violation[data-rule="INT.ILO-FRP.GP07"]')).to_be_visible()
    expect(page.get_by_role("button", name="Publish on the job board")).to_have_count(0)
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 740})
    assert horizontal_overflow(page) == 0
    page.set_viewport_size({"width": 360, "height": 740})

    page.locator("a[href$='/edit/#id_pay_amount']").first.click()  # "Raise the basic pay …"
    page.locator("#id_pay_amount").fill("1400")
    page.locator("#id_costs-0-paid_by").select_option("employer")
    page.get_by_role("button", name="Save and check").click()

    expect(page.locator("li.finding.violation")).to_have_count(0)
    warning = page.locator('li.finding.warning[data-rule="QA.HOURS.LABOUR-LAW.44"]')
    expect(warning).to_be_visible()
    page.get_by_role("button", name="Publish on the job board").click()
    expect(page.locator("[role=alert]").first).to_be_visible()  # the warning was not confirmed
    page.get_by_label(re.compile("QA.HOURS.LABOUR-LAW.44")).check()
    page.get_by_role("button", name="Publish on the job board").click()
    expect(page.locator(".status-published")).to_be_visible()
    vacancy = Vacancy.objects.get()
    assert vacancy.is_published
    assert vacancy.acknowledgements.get().rule_ids == ["QA.HOURS.LABOUR-LAW.44"]
    assert page_problems.csp_violations == []

    # A worker, not signed in, reading Mizan in Nepali.
    page.context.clear_cookies()
    set_language("ne")
    page.goto("/jobs/")
    expect(page.locator("html")).to_have_attribute("lang", "ne")
    page.locator("#id_destination").select_option("QA")
    page.locator("main form button[type=submit]").click()
    title = OccupationTitle.objects.get(occupation__code="7112.1", language="ne").title
    job = page.get_by_role("link", name=title)
    expect(job).to_be_visible()
    axe_check(page)
    job.click()
    expect(page).to_have_url(re.compile(rf"/jobs/{vacancy.id}/$"))
    expect(page.locator("h1")).to_contain_text(title)
    expect(page.locator('.employer-words [lang="en"]')).to_contain_text("Bricklayers for a school")
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 740})
    assert horizontal_overflow(page) == 0
    assert page_problems.csp_violations == []
