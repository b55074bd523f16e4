"""Checks shared by browser tests: axe-core accessibility, sideways scrolling, CSP violations."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import ConsoleMessage, Page

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
AXE_PATH = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class PageProblems:
    """What the browser complained about while a page was open: console errors, CSP violations, crashes."""

    def __init__(self) -> None:
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def on_page_error(self, error: Any) -> None:
        self.page_errors.append(str(error))

    @property
    def csp_violations(self) -> list[str]:
        return [
            text
            for text in self.console_errors
            if re.search(r"Content[ -]Security[ -]Policy", text, re.IGNORECASE)
        ]


@cache
def _axe_source() -> str:
    if not AXE_PATH.exists():
        raise AssertionError(f"{AXE_PATH} is missing: run `npm ci` in the project directory")
    return AXE_PATH.read_text(encoding="utf-8")


def _load_axe(page: Page) -> None:
    # page.add_script_tag would add an inline <script>, which the Content-Security-Policy rightly blocks;
    # a script evaluated through the DevTools protocol (as the console does) is not subject to the page's CSP.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node.get('failureSummary', '').splitlines()[-1:]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    _load_axe(page)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return list(result["violations"])


def axe_check(page: Page) -> None:
    """Assert the page has no WCAG 2.2 AA violations that axe-core can find."""
    violations = axe_violations(page)
    assert not violations, (
        f"axe-core found {len(violations)} problem(s) on {page.url}:\n" + format_violations(violations)
    )


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
    return int(
        page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )
