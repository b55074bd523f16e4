"""A worker turns job matching on, sees who looked at their data, turns it off, and sees the refusal."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mizan.common.errors import PermissionDenied
from mizan.privacy.consent.access import require_access
from tests.browser.helpers import axe_check
from tests.factories import MembershipFactory, OrganisationFactory, WorkerFactory


def recruiter_reads(recruiter: Any, worker: Any) -> None:
    require_access(actor=recruiter, worker=worker, purpose="job_matching", categories=["skills_experience"])


@pytest.mark.django_db(transaction=True)
def test_a_worker_turns_job_matching_on_and_off_and_sees_every_look(
    page: Page, live_server: Any, sign_in_browser: Any
) -> None:
    worker = WorkerFactory(display_name="Asha Gurung")
    agency = OrganisationFactory(kind="agency", name="Himalaya Fair Recruitment")
    recruiter = MembershipFactory(organisation=agency, role="recruiter", user__display_name="Bina Rai").user
    sign_in_browser(worker)

    page.goto("/accounts/")
    page.get_by_role("link", name="My permissions").click()
    expect(page).to_have_url(re.compile("/privacy/permissions/$"))
    axe_check(page)
    matching = page.locator("article", has=page.get_by_role("heading", name="Job matching"))
    matching.get_by_role("button", name="Turn on").click()
    expect(page.locator(".messages")).to_contain_text("Job matching")
    expect(page.locator("section[aria-labelledby=given] article")).to_have_count(1)

    recruiter_reads(recruiter, worker)
    page.get_by_role("link", name="Who saw my data").click()
    expect(page.locator("main ol li")).to_have_count(1)
    expect(page.locator("main ol li")).to_contain_text(
        "Bina Rai at Himalaya Fair Recruitment looked at your skills and work experience, "
        "to see if you fit a job."
    )
    axe_check(page)

    page.get_by_role("link", name="My permissions").click()
    given = page.locator(
        "section[aria-labelledby=given] article", has=page.get_by_role("heading", name="Job matching")
    )
    given.get_by_role("button", name="Stop").click()
    expect(page.locator(".messages")).to_contain_text("Stopped")
    with pytest.raises(PermissionDenied):
        recruiter_reads(recruiter, worker)

    page.goto("/privacy/who-saw-my-data/")
    items = page.locator("main ol li")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("Not allowed")
    expect(items.first).to_contain_text("tried to look at your skills and work experience")
    expect(items.first).to_contain_text("you had not agreed to it")
    axe_check(page)
