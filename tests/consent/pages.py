"""The consent app's pages, for the shared suites (weight, headers, axe-core, right-to-left, 320 px)."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from tests.pages import Page
from tests.personas import Personas


def _with_consents(personas: Personas) -> dict[str, Any]:
    from tests.consent.helpers import agency, give

    give(personas.worker)
    give(personas.worker, "recruitment", agency(personas))
    stopped = give(personas.worker, "equality_monitoring")
    from mizan.privacy.consent import services

    services.consent_withdraw(actor=personas.worker, consent=stopped)
    return {}


def _with_access_records(personas: Personas) -> dict[str, Any]:
    from mizan.common.errors import PermissionDenied
    from tests.consent.helpers import give, read

    give(personas.worker)
    read(personas.recruiter, personas.worker)
    with suppress(PermissionDenied):  # recorded as refused, which the page shows
        read(personas.inspector, personas.worker)
    return {}


PAGES: list[Page] = [
    Page("consent:notice"),
    Page("consent:notice", persona="worker"),
    Page("consent:permissions", persona="worker", label="empty"),
    Page("consent:permissions", kwargs=_with_consents, persona="worker", label="with consents"),
    Page("consent:who_saw", persona="worker", label="empty"),
    Page("consent:who_saw", kwargs=_with_access_records, persona="worker", label="with records"),
]
