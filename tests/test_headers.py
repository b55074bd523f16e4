"""Every page carries the security headers and nothing the Content-Security-Policy would block."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.pages import Page, fetch, page_params
from tests.personas import Personas

pytestmark = pytest.mark.django_db

# Script elements the browser does not run (data blocks) are allowed inline; CSP does not block them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class InlineCodeFinder(HTMLParser):
    """Finds what CSP without 'unsafe-inline' forbids: inline scripts, style attributes and elements,
    event-handler attributes and javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._open: tuple[str, str] | None = None  # ("script" | "style", description) being read
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        described = f"<{tag}{''.join(f' {n}' for n in values)}>"
        for name, value in values.items():
            if name == "style":
                self.problems.append(f"style attribute on {described}: {value[:60]!r}")
            elif name.startswith("on"):
                self.problems.append(f"event handler {name} on {described}")
            elif name in {"href", "src", "action", "formaction"} and value.strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"javascript: URL in {name} on {described}")
        if (
            tag == "script"
            and "src" not in values
            and values.get("type", "").lower() not in DATA_SCRIPT_TYPES
        ):
            self._open, self._text = ("script", described), []
        elif tag == "style":
            self._open, self._text = ("style", described), []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[0]:
            text = "".join(self._text).strip()
            if text:
                self.problems.append(f"inline {tag} content in {self._open[1]}: {text[:60]!r}")
            self._open = None


def inline_code_problems(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.problems


def header_problems(response: object) -> list[str]:
    headers = response.headers  # type: ignore[attr-defined]
    problems = []
    csp = headers.get("Content-Security-Policy", "")
    if not csp:
        problems.append("no Content-Security-Policy")
    else:
        if "'unsafe-inline'" in csp or "'unsafe-eval'" in csp:
            problems.append(f"Content-Security-Policy allows unsafe code: {csp}")
        directives = {part.strip().split(" ")[0] for part in csp.split(";") if part.strip()}
        for needed in ("default-src", "script-src", "style-src", "frame-ancestors", "object-src", "base-uri"):
            if needed not in directives:
                problems.append(f"Content-Security-Policy has no {needed}")
    if headers.get("X-Frame-Options") != "DENY":
        problems.append(f"X-Frame-Options is {headers.get('X-Frame-Options')!r}, not 'DENY'")
    if not headers.get("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    if headers.get("X-Content-Type-Options") != "nosniff":
        problems.append(f"X-Content-Type-Options is {headers.get('X-Content-Type-Options')!r}, not 'nosniff'")
    return problems


@pytest.mark.parametrize("page", page_params())
def test_page_has_security_headers_and_no_inline_code(page: Page, personas: Personas) -> None:
    response = fetch(page, personas)
    assert response.status_code == 200, f"{page.id}: status {response.status_code}"
    problems = header_problems(response) + inline_code_problems(response.content.decode())
    assert not problems, f"{page.id}:\n  " + "\n  ".join(problems)


def test_error_pages_have_security_headers_too(client: object) -> None:
    response = client.get("/this-page-does-not-exist/")  # type: ignore[attr-defined]
    assert response.status_code == 404
    problems = header_problems(response) + inline_code_problems(response.content.decode())
    assert not problems, "\n".join(problems)


def test_the_inline_code_finder_finds_what_csp_blocks() -> None:
    html = (
        '<p style="color:red" onclick="x()">a</p><script>alert(1)</script><script src="/s.js"></script>'
        '<script type="application/json">{"a": 1}</script><style>p{}</style><a href="javascript:x()">b</a>'
    )
    problems = inline_code_problems(html)
    assert len(problems) == 5, problems
    text = " ".join(problems)
    for word in ("style attribute", "onclick", "inline script", "inline style", "javascript: URL"):
        assert re.search(word, text), (word, problems)
