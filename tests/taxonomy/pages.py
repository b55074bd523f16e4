"""Every page of the taxonomy app, for the shared weight, header, accessibility and layout checks."""

from __future__ import annotations

from typing import Any

from tests.pages import Page
from tests.personas import Personas


def _loaded(personas: Personas) -> dict[str, Any]:
    from mizan.taxonomy.services import taxonomy_import

    taxonomy_import(only_common=True)
    return {}


def _welder(personas: Personas) -> dict[str, Any]:
    _loaded(personas)
    return {"code": "7212.3"}


PAGES: list[Page] = [
    Page("taxonomy:index", kwargs=_loaded, label="common kinds of work"),
    Page(
        "taxonomy:index",
        kwargs=_loaded,
        query="q=%E0%A4%98%E0%A4%B0%E0%A5%87%E0%A4%B2%E0%A5%81",
        label="search",
    ),
    Page("taxonomy:index", kwargs=_loaded, query="q=xyzzy", label="nothing found"),
    Page("taxonomy:detail", kwargs=_welder, label="welder"),
    Page("taxonomy:detail", kwargs=_welder, persona="worker", label="welder, signed in"),
]
