"""Playwright (sync API) driving the system Chromium against pytest-django's live server.

Never `playwright install`: the browser is /usr/bin/chromium from apt (or MIZAN_CHROMIUM).
Every test here is marked ``browser``. A failing test leaves a screenshot in test-artifacts/.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Playwright's sync API runs an event loop in this thread; Django must still allow ORM calls here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest
from django.conf import settings
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from mizan.accounts.models import User
from tests.browser.helpers import PageProblems
from tests.roles import client_for

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
ARTIFACTS_DIR = PROJECT_DIR / "test-artifacts"
CHROMIUM = os.environ.get("MIZAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 360, "height": 740}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[Any]:
    report = yield
    item.stash.setdefault(_reports_key, {})[report.when] = report
    return report


_reports_key = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set MIZAN_CHROMIUM)")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser, live_server: Any) -> Iterator[BrowserContext]:
    context = browser.new_context(
        viewport=VIEWPORT,
        reduced_motion="reduce",
        base_url=live_server.url,
        locale="en-GB",
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def page(
    context: BrowserContext, page_problems: PageProblems, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A fresh 360x740 page (new context per test) whose console errors are collected in page_problems."""
    page = context.new_page()
    page.on("console", page_problems.on_console)
    page.on("pageerror", page_problems.on_page_error)
    yield page
    reports = request.node.stash.get(_reports_key, {})
    if any(report.failed for report in reports.values()):
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-180:]
        try:
            page.screenshot(path=str(ARTIFACTS_DIR / f"{name}.png"), full_page=True)
        except Exception as exc:  # a screenshot must never hide the real failure
            print(f"could not save a screenshot: {exc}")


@pytest.fixture
def sign_in_browser(context: BrowserContext, live_server: Any) -> Callable[[User], None]:
    """Sign a person into the browser context by handing it a session made with the test client."""

    def sign_in(user: User) -> None:
        client = client_for(user)
        session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie.value, "url": live_server.url}]
        )

    return sign_in


@pytest.fixture
def set_language(context: BrowserContext, live_server: Any) -> Callable[[str], None]:
    """Choose the interface language the way the language chooser does: the mizan_language cookie."""

    def choose(code: str) -> None:
        context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": code, "url": live_server.url}])

    return choose
