"""A worker logs hours on a phone that loses its network: entries are kept on the phone, survive a reload
while offline, and reach the server once the phone is back online, each exactly once, even when the
phone never heard the server's first answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from mizan.accounts.models import User
from mizan.wages.models import WorkEvent
from tests.browser.helpers import PageProblems, axe_check, horizontal_overflow
from tests.factories import WorkerFactory
from tests.wages.helpers import at, terms_for

API = re.compile(r".*/api/v1/wages/events$")


def wait_for_service_worker(page: Page) -> None:
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("() => !!navigator.serviceWorker.controller"):
        page.reload()  # the first visit installed it; from now on it controls the page
    page.wait_for_function("() => !!navigator.serviceWorker.controller")


def queued(page: Page) -> Any:
    return page.locator("#timelog-queue li")


@pytest.mark.django_db(transaction=True)
def test_entries_logged_offline_reach_the_server_exactly_once(
    page: Page,
    context: BrowserContext,
    sign_in_browser: Callable[[User], None],
    page_problems: PageProblems,
) -> None:
    worker = WorkerFactory(display_name="Maria Santos")
    terms_for(worker)
    sign_in_browser(worker)

    page.goto("/hours/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My hours")
    wait_for_service_worker(page)
    axe_check(page)
    assert horizontal_overflow(page) == 0

    context.set_offline(True)
    page.get_by_role("button", name="Start: Work").click()
    status = page.locator("#timelog-status")
    expect(status).to_contain_text("Saved on this phone")
    expect(queued(page)).to_have_count(1)
    expect(page.locator("#timelog-now")).to_contain_text("Work since")
    page.get_by_role("button", name="Start: Meal break").click()  # stops work, starts the meal
    expect(queued(page)).to_have_count(3)

    # Without a network any /hours/ page opens: the service worker shows the offline page, and what
    # waits on this phone is still there.
    page.goto("/hours/add/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My hours")
    expect(queued(page)).to_have_count(3)
    form = page.locator("form[data-timelog=add]")
    form.get_by_label("What was it?").select_option("standby")
    form.get_by_label("Day").fill("2026-10-04")
    form.get_by_label(re.compile(r"^From:?$")).fill("20:00")
    form.get_by_label(re.compile(r"^To:?$")).fill("23:30")
    form.get_by_role("button", name="Save").click()
    expect(queued(page)).to_have_count(4)
    page.reload()
    expect(queued(page)).to_have_count(4)
    axe_check(page)
    assert WorkEvent.objects.filter(worker=worker).count() == 0

    context.set_offline(False)  # the phone is back online: the "online" event sends the queue
    expect(status).to_contain_text("Sent", timeout=15_000)
    expect(page.locator("#timelog-queue")).to_be_hidden()
    events = list(WorkEvent.objects.filter(worker=worker).order_by("seq"))
    assert len(events) == 4
    assert len({e.client_id for e in events}) == 4
    assert all(e.source == "phone" and e.time_zone for e in events)
    standby = next(e for e in events if e.kind == "standby")
    assert (standby.starts_at, standby.ends_at) == (at("2026-10-04 20:00"), at("2026-10-04 23:30"))
    [work_stop] = [e for e in events if e.kind == "work" and e.replaces_id]
    assert work_stop.replaces is not None
    assert work_stop.replaces.ends_at is None

    # The server stores the next entry, but the phone never hears back: it keeps the entry and sends it
    # again later. The server recognises the id: still exactly one row.
    lost: list[str] = []

    def store_then_lose_the_answer(route: Route) -> None:
        if route.request.method == "POST" and not lost:
            route.fetch()
            lost.append(route.request.post_data or "")
            route.abort("internetdisconnected")
        else:
            route.continue_()

    context.route(API, store_then_lose_the_answer)
    page.goto("/hours/")
    page.get_by_role("button", name="Stop").click()
    expect(status).to_contain_text("Could not send now")
    assert lost
    assert WorkEvent.objects.filter(worker=worker).count() == 5
    expect(queued(page)).to_have_count(1)
    context.unroute(API)
    page.reload()  # opening the page sends what waits
    expect(status).to_contain_text("Sent", timeout=15_000)
    expect(page.locator("#timelog-queue")).to_be_hidden()
    events = list(WorkEvent.objects.filter(worker=worker))
    assert len(events) == 5
    assert len({e.client_id for e in events}) == 5
    expect(page.locator("#timelog-now")).to_contain_text("Nothing is running")
    page.goto("/hours/day/?date=2026-10-04")
    expect(page.locator("main")).to_contain_text("Stand-by (on call): 20:00\N{EN DASH}23:30")
    assert not page_problems.csp_violations
    assert not page_problems.page_errors


@pytest.mark.django_db(transaction=True)
def test_without_javascript_start_and_stop_still_work(
    browser: Any, live_server: Any, sign_in_browser: Callable[[User], None]
) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    try:
        worker = WorkerFactory()
        terms_for(worker)
        from django.conf import settings

        from tests.roles import client_for

        session = client_for(worker).cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
        page = context.new_page()
        page.goto("/hours/")
        page.get_by_role("button", name="Start: Stand-by (on call)").click()
        expect(page.locator("#timelog-now")).to_contain_text("Stand-by (on call) since")
        page.get_by_role("button", name="Stop").click()
        expect(page.locator("#timelog-now")).to_contain_text("Nothing is running")
        assert WorkEvent.objects.filter(worker=worker, source="web").count() == 2
    finally:
        context.close()
