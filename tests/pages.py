"""Every HTML page of Mizan, in one list, so each is checked for weight, headers, accessibility and layout.

Add a page when you add a view: ``Page("app:url_name")``; a page that needs someone signed in names the
persona (see tests/personas.py): ``Page("cases:list", persona="caseworker")``; a page whose URL needs an
object gives ``kwargs`` as a dict or as a function of the personas that creates what it needs and returns
the dict: ``Page("hiring:offer", kwargs=lambda personas: {"pk": make_offer(personas.worker).pk},
persona="worker")``. Plain tuples ``(url_name, kwargs, persona)`` work too.

Pages checked: tests/test_page_weight.py (<= 30 KB gzipped with its CSS and JS), tests/test_headers.py
(security headers, no inline script or style), tests/browser/test_shell_pages.py (axe-core, right-to-left,
no sideways scrolling at 320 px, no CSP violations).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from django.urls import reverse

from tests.personas import Personas

Kwargs = Mapping[str, Any] | Callable[[Personas], Mapping[str, Any]] | None
# A page that needs state a URL cannot carry (a sign-in in progress, a trusted phone) gets it as cookies.
Cookies = Callable[[Personas], Mapping[str, str]] | None


class Page(NamedTuple):
    url_name: str
    kwargs: Kwargs = None
    persona: str | None = None
    query: str = ""
    cookies: Cookies = None
    label: str = ""

    @property
    def id(self) -> str:
        base = f"{self.url_name}@{self.persona}" if self.persona else self.url_name
        return f"{base}[{self.label}]" if self.label else base

    def url(self, personas: Personas | None = None) -> str:
        kwargs = self.kwargs
        if callable(kwargs):
            if personas is None:
                raise ValueError(f"{self.url_name} needs personas to build its URL")
            kwargs = kwargs(personas)
        path = reverse(self.url_name, kwargs=dict(kwargs or {}))
        return f"{path}?{self.query}" if self.query else path


def session_cookie(data: Mapping[str, Any]) -> dict[str, str]:
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store.update(data)
    store.create()
    return {settings.SESSION_COOKIE_NAME: str(store.session_key)}


def signed_in_session(user: Any, **extra: Any) -> dict[str, str]:
    """A session in which ``user`` has signed in but (for staff) not yet passed the second step."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    return session_cookie(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
            **extra,
        }
    )


def _code_sent(personas: Personas) -> dict[str, str]:
    from mizan.accounts.views.common import SESSION_PHONE

    return session_cookie({SESSION_PHONE: "+9779812345678"})


def _trusted_phone(personas: Personas) -> dict[str, str]:
    from mizan.accounts import services
    from mizan.accounts.views.common import DEVICE_COOKIE

    token = services.pin_set(actor=personas.worker, pin="4826", pin_again="4826")
    return {DEVICE_COOKIE: token}


def _staff_before_second_step(personas: Personas) -> dict[str, str]:
    from tests.personas import confirmed_totp_device

    confirmed_totp_device(personas.recruiter)
    return signed_in_session(personas.recruiter)


def _staff_without_authenticator(personas: Personas) -> dict[str, str]:
    from tests.factories import UserFactory

    return signed_in_session(UserFactory(kind="staff", phone=None, email="new.staff@example.org"))


def _own_organisation(personas: Personas) -> dict[str, Any]:
    return {"org_id": personas.agency_admin.memberships.get().organisation_id}


PAGES: list[Page] = [
    Page("web:home"),
    Page("web:language"),
    Page("accounts:sign_in"),
    Page("accounts:code", cookies=_code_sent),
    Page("accounts:pin_sign_in", cookies=_trusted_phone),
    Page("accounts:pin_setup", persona="worker"),
    Page("accounts:account", persona="worker"),
    Page("accounts:account", persona="agency_admin"),
    Page("accounts:staff_sign_in"),
    Page("accounts:staff_verify", cookies=_staff_before_second_step),
    Page("accounts:staff_setup", cookies=_staff_without_authenticator),
    Page("accounts:recover"),
    Page("accounts:recover_sent"),
    Page("accounts:recover_set", kwargs={"uidb64": "AA", "token": "not-a-token"}, label="expired link"),
    Page("accounts:recover_done"),
    Page("api_pages:tokens", kwargs=_own_organisation, persona="agency_admin"),
]


def all_pages() -> list[Page]:
    """PAGES plus the PAGES of every tests/<app>/pages.py, with plain tuples turned into Page.

    An app's pages live beside its tests (tests/<app>/pages.py defining PAGES), so apps built in
    parallel never edit this file at the same time.
    """
    import importlib
    import pkgutil
    from pathlib import Path

    pages = list(PAGES)
    tests_dir = Path(__file__).resolve().parent
    for module in sorted(pkgutil.walk_packages([str(tests_dir)], prefix="tests."), key=lambda m: m.name):
        if module.name.endswith(".pages") and module.name != "tests.pages":
            pages.extend(importlib.import_module(module.name).PAGES)
    return [page if isinstance(page, Page) else Page(*page) for page in pages]


def page_params() -> list[Any]:
    """``pytest.mark.parametrize("page", page_params())`` with readable ids."""
    import pytest

    return [pytest.param(page, id=page.id) for page in all_pages()]


def fetch(page: Page, personas: Personas, **headers: Any) -> Any:
    """GET the page with the Django test client, signed in as its persona when it has one."""
    from tests.roles import client_for

    client = client_for(personas[page.persona] if page.persona else None)
    for name, value in (page.cookies(personas) if page.cookies else {}).items():
        client.cookies[name] = value
    return client.get(page.url(personas), headers=headers or None)
