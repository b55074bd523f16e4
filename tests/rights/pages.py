"""The data-rights pages, for the shared suites (weight, headers, axe-core, right-to-left, 320 px)."""

from __future__ import annotations

from typing import Any

from tests.pages import Page
from tests.personas import Personas


def _full(personas: Personas) -> dict[str, Any]:
    """A worker with data of every kind the pages show."""
    from datetime import date

    from django.core.files.uploadedfile import SimpleUploadedFile

    from mizan.privacy.consent import access
    from mizan.privacy.consent import services as consent_services
    from mizan.privacy.rights import services
    from mizan.workers import services as worker_services

    worker = personas.worker
    worker_services.personal_details_update(
        actor=worker,
        worker=worker,
        data={
            "full_name": "Sita Kumari Rai",
            "date_of_birth": date(1994, 3, 14),
            "passport_number": "N1234567",
        },
    )
    worker_services.identity_document_add(
        actor=worker, worker=worker, file=SimpleUploadedFile("visa.pdf", b"%PDF-1.4\n%%EOF\n"), kind="visa"
    )
    consent_services.consent_give(worker=worker, purpose="job_matching", method="web")
    access.require_access(
        actor=personas.recruiter, worker=worker, purpose="job_matching", categories=["skills_experience"]
    )
    request = services.correction_request_create(
        actor=worker, item="account", what_is_wrong="My name is spelt wrongly", restrict=True
    )
    services.correction_request_create(actor=worker, item="other", what_is_wrong="Old address")
    services.correction_request_close(
        actor=personas.platform_admin, request=request, outcome="refused", response="The passport says so."
    )
    services.restriction_set(actor=worker, worker=worker, kind="object_statistics", on=True)
    services.legal_hold_place(
        actor=None,
        worker=worker,
        reason="records_duty",
        categories=["contract_terms", "work_hours_pay"],
        source_reference="contract:4f1c2a",
        until=date(2030, 6, 30),
    )
    return {}


def _open_request(personas: Personas) -> dict[str, Any]:
    from mizan.privacy.rights import services

    request = services.correction_request_create(
        actor=personas.worker,
        item="personal_details",
        what_is_wrong="My birth date is wrong",
        should_be="1994",
    )
    return {"request_id": request.id}


def _with_holds(personas: Personas) -> dict[str, Any]:
    _full(personas)
    return {}


PAGES: list[Page] = [
    Page("rights:overview", persona="worker", label="empty"),
    Page("rights:overview", kwargs=_full, persona="worker", label="with everything"),
    Page("rights:export", persona="worker", label="empty"),
    Page("rights:export", kwargs=_full, persona="worker", label="with everything"),
    Page("rights:corrections", persona="worker", label="empty"),
    Page("rights:corrections", kwargs=_full, persona="worker", label="with requests"),
    Page("rights:erase", persona="worker", label="no holds"),
    Page("rights:erase", kwargs=_full, persona="worker", label="with holds"),
    Page("rights:staff_home", persona="platform_admin", label="empty"),
    Page("rights:staff_home", kwargs=_with_holds, persona="platform_admin", label="with requests and holds"),
    Page("rights:staff_correction", kwargs=_open_request, persona="platform_admin"),
    Page("rights:staff_holds", kwargs=_with_holds, persona="platform_admin"),
    Page("rights:staff_erase", persona="platform_admin"),
]
