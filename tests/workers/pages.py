"""The worker's own pages, for the shared weight, header, accessibility and layout checks."""

from __future__ import annotations

from typing import Any

from tests.pages import Page
from tests.personas import Personas


def _with_details(personas: Personas) -> dict[str, Any]:
    from datetime import date

    from mizan.workers import services

    worker = personas.worker
    services.personal_details_update(
        actor=worker,
        worker=worker,
        data={
            "full_name": "Sita Kumari Rai",
            "date_of_birth": date(1994, 3, 14),
            "passport_number": "N1234567",
            "home_address": "Ward 4, Dharan\nSunsari",
            "contact_email": "sita@example.org",
        },
    )
    return {}


def _document(personas: Personas) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from mizan.workers import services

    worker = personas.worker
    document = services.identity_document_add(
        actor=worker,
        worker=worker,
        file=SimpleUploadedFile("certificate.pdf", b"%PDF-1.4\n%%EOF\n"),
        kind="certificate",
    )
    return {"document_id": document.id}


def _one_document(personas: Personas) -> dict[str, Any]:
    _document(personas)
    return {}


PAGES: list[Page] = [
    Page("workers:details", persona="worker", label="empty"),
    Page("workers:details", kwargs=_with_details, persona="worker", label="filled in"),
    Page("workers:details_edit", persona="worker"),
    Page("workers:details_edit", kwargs=_with_details, persona="worker", label="filled in"),
    Page("workers:documents", persona="worker", label="empty"),
    Page("workers:documents", kwargs=_one_document, persona="worker", label="one"),
    Page("workers:document_delete", kwargs=_document, persona="worker"),
]
