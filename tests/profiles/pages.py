"""The job profile pages, for the shared weight, header, accessibility, right-to-left and 320 px checks."""

from __future__ import annotations

from typing import Any

from tests.pages import Page
from tests.personas import Personas


def _taxonomy() -> None:
    from mizan.taxonomy.models import Occupation
    from mizan.taxonomy.services import taxonomy_import

    if not Occupation.objects.filter(is_common=True).exists():
        taxonomy_import(only_common=True)


def _common(personas: Personas) -> dict[str, Any]:
    _taxonomy()
    return {}


def _welder(personas: Personas) -> dict[str, Any]:
    _taxonomy()
    return {"code": "7212.3"}


def _filled(personas: Personas) -> dict[str, Any]:
    """A worker with a whole profile: two kinds of work, languages, wishes, a certificate being checked."""
    from mizan.accounts.models import Organisation
    from mizan.profiles import services
    from mizan.taxonomy.models import Occupation
    from tests.profiles.helpers import build_profile, upload_certificate

    _taxonomy()
    worker = personas.worker
    taxonomy = {occupation.code: occupation for occupation in Occupation.objects.filter(is_common=True)}
    build_profile(worker, taxonomy, skills=12)
    services.occupation_save(actor=worker, worker=worker, code="9313.1", years_of_experience=2, skill_ids=[])
    issuer = personas.organisation(Organisation.Kind.AUTHORITY)
    certificate = upload_certificate(worker, issuer=issuer)
    services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)
    upload_certificate(worker, title="First aid")
    return {}


def _filled_welder(personas: Personas) -> dict[str, Any]:
    _filled(personas)
    return {"code": "7212.3"}


def _certificate(personas: Personas) -> dict[str, Any]:
    from tests.profiles.helpers import upload_certificate

    return {"certificate_id": upload_certificate(personas.worker).pk}


def _request(personas: Personas) -> dict[str, Any]:
    from mizan.accounts.models import Organisation
    from mizan.profiles import services
    from tests.profiles.helpers import upload_certificate

    worker = personas.worker
    certificate = upload_certificate(worker, issuer=personas.organisation(Organisation.Kind.AGENCY))
    request = services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)
    return {"request_id": request.pk}


def _requests(personas: Personas) -> dict[str, Any]:
    _request(personas)
    return {}


PAGES: list[Page] = [
    Page("profiles:overview", persona="worker", label="empty"),
    Page("profiles:overview", kwargs=_filled, persona="worker", label="filled in"),
    Page("profiles:work", kwargs=_common, persona="worker"),
    Page("profiles:work", kwargs=_filled, persona="worker", query="q=weld", label="search"),
    Page("profiles:occupation", kwargs=_welder, persona="worker", label="new"),
    Page("profiles:occupation", kwargs=_filled_welder, persona="worker", label="in profile"),
    Page("profiles:occupation_remove", kwargs=_filled_welder, persona="worker"),
    Page("profiles:languages", kwargs=_filled, persona="worker"),
    Page("profiles:preferences", kwargs=_filled, persona="worker"),
    Page("profiles:certificates", persona="worker", label="empty"),
    Page("profiles:certificates", kwargs=_filled, persona="worker", label="filled in"),
    Page("profiles:certificate_delete", kwargs=_certificate, persona="worker"),
    Page("profiles:verification_requests", kwargs=_requests, persona="agency_admin"),
    Page("profiles:verification_request", kwargs=_request, persona="agency_admin"),
]
