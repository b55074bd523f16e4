"""Every page in tests/pages.py, in a real browser: accessible (axe-core, WCAG 2.2 AA), right-to-left where
the language is, no sideways scrolling on a 320 px phone, nothing blocked by the Content-Security-Policy.

The home page is checked in all twelve languages; every other page in English, Arabic (right-to-left)
and Burmese (a long-string script).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page as BrowserPage

from mizan.accounts.models import User
from mizan.common.languages import BY_CODE, LANGUAGES
from tests.browser.helpers import PageProblems, axe_check
from tests.pages import Page, all_pages
from tests.personas import Personas

SAMPLE_LANGUAGES = ("en", "ar", "my")
NARROWEST_PHONE = 320


def _cases() -> list[Any]:
    cases = []
    for page in all_pages():
        codes = [language.code for language in LANGUAGES] if page.url_name == "web:home" else SAMPLE_LANGUAGES
        cases.extend(pytest.param(page, code, id=f"{page.id}-{code}") for code in codes)
    return cases


@pytest.mark.parametrize(("shell_page", "language"), _cases())
def test_page_is_accessible_in_the_language_and_fits_a_small_phone(
    page: BrowserPage,
    page_problems: PageProblems,
    personas: Personas,
    sign_in_browser: Callable[[User], None],
    set_language: Callable[[str], None],
    shell_page: Page,
    language: str,
    live_server: Any,
) -> None:
    if shell_page.persona:
        user = personas[shell_page.persona]
        user.preferred_language = language  # a signed-in person's saved language wins over the cookie
        user.save(update_fields=["preferred_language"])
        sign_in_browser(user)
    if shell_page.cookies:
        page.context.add_cookies(
            [
                {"name": name, "value": value, "url": live_server.url}
                for name, value in shell_page.cookies(personas).items()
            ]
        )
        # Whoever those cookies sign in sees their saved language, so save the one under test.
        User.objects.update(preferred_language=language)
    set_language(language)

    response = page.goto(shell_page.url(personas))

    assert response is not None
    assert response.status == 200, f"{shell_page.id}: status {response.status}"
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if BY_CODE[language].rtl else "ltr")
    axe_check(page)

    page.set_viewport_size({"width": NARROWEST_PHONE, "height": 640})
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= NARROWEST_PHONE, (
        f"{shell_page.id} in {language} scrolls sideways on a {NARROWEST_PHONE} px screen "
        f"(scrollWidth {scroll_width})"
    )

    assert not page_problems.csp_violations, "Content-Security-Policy violations:\n" + "\n".join(
        page_problems.csp_violations
    )
    assert not page_problems.page_errors, "JavaScript errors:\n" + "\n".join(page_problems.page_errors)
    assert not page_problems.console_errors, "console errors:\n" + "\n".join(page_problems.console_errors)


def test_the_checks_catch_what_they_are_for(
    page: BrowserPage, page_problems: PageProblems, live_server: Any
) -> None:
    """The harness itself: axe finds a missing alt text, and a CSP violation reaches page_problems."""
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => {
            const image = document.createElement('img');
            image.src = '/static/mizan/favicon.svg';
            document.querySelector('main').append(image);
            const styled = document.createElement('div');
            styled.setAttribute('style', 'width: 2000px');
            document.body.append(styled);
        }"""
    )
    with pytest.raises(AssertionError, match="image-alt"):
        axe_check(page)
    page.wait_for_timeout(100)
    assert page_problems.csp_violations, "a style attribute should have been blocked and reported"
