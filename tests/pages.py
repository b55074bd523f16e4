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


class Page(NamedTuple):
    url_name: str
    kwargs: Kwargs = None
    persona: str | None = None
    query: str = ""

    @property
    def id(self) -> str:
        return f"{self.url_name}@{self.persona}" if self.persona else self.url_name

    def url(self, personas: Personas | None = None) -> str:
        kwargs = self.kwargs
        if callable(kwargs):
            if personas is None:
                raise ValueError(f"{self.url_name} needs personas to build its URL")
            kwargs = kwargs(personas)
        path = reverse(self.url_name, kwargs=dict(kwargs or {}))
        return f"{path}?{self.query}" if self.query else path


PAGES: list[Page] = [
    Page("web:home"),
    Page("web:language"),
    Page("accounts:sign_in"),
]


def all_pages() -> list[Page]:
    """PAGES, with plain tuples turned into Page."""
    return [page if isinstance(page, Page) else Page(*page) for page in PAGES]


def page_params() -> list[Any]:
    """``pytest.mark.parametrize("page", page_params())`` with readable ids."""
    import pytest

    return [pytest.param(page, id=page.id) for page in all_pages()]


def fetch(page: Page, personas: Personas, **headers: Any) -> Any:
    """GET the page with the Django test client, signed in as its persona when it has one."""
    from tests.roles import client_for

    client = client_for(personas[page.persona] if page.persona else None)
    return client.get(page.url(personas), headers=headers or None)
