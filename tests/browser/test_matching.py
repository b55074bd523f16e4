"""An agency recruiter opens a job's blind shortlist and invites a candidate with a reason; the worker sees
"Jobs for you" in Nepali, with the explanations and the invitation, and says yes."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mizan.matching.models import Invitation
from mizan.taxonomy.models import Occupation
from mizan.taxonomy.services import taxonomy_import
from tests.browser.helpers import axe_check
from tests.matching.helpers import build_profile, new_worker, published_vacancy, reset_matching


@pytest.mark.django_db(transaction=True)
def test_a_recruiter_invites_from_the_shortlist_and_the_worker_answers_in_nepali(
    page: Page, live_server: Any, sign_in_browser: Any, personas: Any
) -> None:
    reset_matching()
    taxonomy_import(only_common=True)
    common_taxonomy = {o.code: o for o in Occupation.objects.filter(is_common=True)}
    worker = personas.worker
    worker.preferred_language = "ne"
    worker.save(update_fields=["preferred_language"])
    build_profile(worker, common_taxonomy, years="6", essential=8, languages={"ne": 3, "en": 1})
    for years, skills in (("1", 2), ("3", 4)):
        new_worker(common_taxonomy, years=years, essential=skills)
    vacancy = published_vacancy(
        common_taxonomy, posted_by=personas.organisation("agency"), title="Steel welders (test)"
    )

    sign_in_browser(personas.recruiter)
    page.goto(f"/matching/vacancies/{vacancy.id}/shortlist/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Steel welders (test)")
    candidates = page.locator("ol.candidates > li")
    expect(candidates).to_have_count(3)
    first = candidates.first
    first.get_by_text("Why this place in the list").click()
    expect(first.locator("ul.why li")).to_have_count(7)
    axe_check(page)
    first.get_by_label("Why do you invite this worker?").fill("Six years of welding; has most skills.")
    first.get_by_role("button", name="Invite to apply").click()
    expect(page.locator(".messages")).to_contain_text("Invitation sent")
    expect(page.locator("#sent + ul")).to_contain_text("Six years of welding; has most skills.")
    assert Invitation.objects.get().worker_id == worker.pk  # the best candidate: the most skills and years

    page.context.clear_cookies()
    sign_in_browser(worker)
    page.goto("/matching/for-me/")
    expect(page.locator("html")).to_have_attribute("lang", "ne")
    invitation = page.locator("#invitations + ul > li")
    expect(invitation).to_contain_text("Six years of welding; has most skills.")
    jobs = page.locator("#jobs ~ ol > li")
    expect(jobs).to_have_count(1)
    jobs.first.locator("summary").click()
    expect(jobs.first.locator("ul.why li")).to_have_count(7)
    expect(jobs.first.get_by_role("link").first).to_have_attribute("href", f"/jobs/{vacancy.id}/")
    axe_check(page)
    invitation.locator("button[value=accept]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert Invitation.objects.get().status == "accepted"
    axe_check(page)
    reset_matching()
