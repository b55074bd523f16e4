"""The registry API under /api/v1/recruiters: open data (the licence list as JSON and CSV), search and
each recruiter's public record, for everyone without an account; and, for authority staff signed in to
the site, adding a licence and changing its status (the same services as the pages)."""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Annotated, Any

from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from ninja import Query, Router
from ninja.responses import Status

from mizan.accounts.models import Organisation
from mizan.api.auth import request_user, session_auth
from mizan.api.problems import problems
from mizan.common.errors import NotFound
from mizan.registry import selectors, services, staff
from mizan.registry.models import Certification, Licence, Sanction
from mizan.registry.schemas import (
    LicenceIn,
    LicenceOut,
    LicencePage,
    LicenceStatus,
    LicenceStatusIn,
    RecordOut,
    SearchOut,
)
from mizan.registry.standing import Standing, licence_state

router = Router(tags=["Recruiters"])

MAX_LIMIT = 1000
Country = Annotated[str | None, Query(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2.")]
StatusFilter = Annotated[
    LicenceStatus | None, Query(None, description="The recorded status, as it stands today.")
]
InForce = Annotated[
    bool | None, Query(None, description="true: only licences valid today; false: only others.")
]
CSV_COLUMNS = (
    "licence_number", "organisation_name", "registration_number", "kind", "valid_from", "valid_to", "status",
    "address", "country", "issuing_authority", "state", "organisation_id", "licence_id",
)  # fmt: skip


def organisation_out(organisation: Organisation) -> dict[str, Any]:
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "kind": organisation.kind,
        "country": organisation.country,
        "registration_number": organisation.registration_number,
    }


def licence_out(licence: Licence, on: dt.date) -> dict[str, Any]:
    return {
        "id": licence.pk,
        "number": licence.number,
        "number_key": licence.number_key,
        "country": licence.country,
        "issuing_authority": licence.issuing_authority_name,
        "issuing_authority_id": licence.issuing_authority_id,
        "organisation": organisation_out(licence.organisation),
        "valid_from": licence.valid_from,
        "valid_to": licence.valid_to,
        "status": licence.status_on(on),
        "state": licence_state(licence, on),
        "address": licence.address,
        "updated_at": licence.modified_at,
    }


def standing_out(standing: Standing) -> dict[str, Any]:
    return {"code": standing.code, "label": force_str(standing.label), "until": standing.until}


def certification_out(certification: Certification) -> dict[str, Any]:
    return {
        "id": certification.pk,
        "standard": certification.standard,
        "level": certification.level,
        "auditor": certification.auditor.name,
        "valid_from": certification.valid_from,
        "valid_to": certification.valid_to,
        "is_withdrawn": certification.is_withdrawn,
        "withdrawn_reason": certification.withdrawn_reason,
    }


def sanction_out(sanction: Sanction, record: selectors.PublicRecord) -> dict[str, Any]:
    return {
        "id": sanction.pk,
        "kind": sanction.kind,
        "authority": sanction.authority_name,
        "country": sanction.country,
        "reason": sanction.reason,
        "starts_on": sanction.starts_on,
        "ends_on": sanction.ends_on,
        "lifted_on": timezone.localdate(sanction.lifted_at) if sanction.lifted_at else None,
        "lifted_reason": sanction.lifted_reason,
        "in_force": record.sanction_running(sanction),
    }


@router.get("/licences", response={200: LicencePage, **problems(422)}, url_name="registry_licences")
def licences(
    request: HttpRequest,
    country: Country = None,
    status: StatusFilter = None,
    in_force: InForce = None,
    limit: Annotated[int, Query(100, ge=1, le=MAX_LIMIT, description="At most 1000.")] = 100,
    offset: Annotated[int, Query(0, ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Open data: every licence in the registry, ordered by country and number, a page at a time
    (``limit`` up to 1000, ``offset`` to go on; ``count`` is the total). Filters: ``country``, ``status``
    (as recorded, today), ``in_force``. Licences are about organisations: they hold no personal data."""
    today = timezone.localdate()
    found = selectors.licences_public(on=today, country=country, status=status, in_force_only=in_force)
    items = [licence_out(licence, today) for licence in found[offset : offset + limit]]
    return {"count": found.count(), "limit": limit, "offset": offset, "items": items}


def _csv_rows(found: Any, on: dt.date) -> Iterator[str]:
    class Line:
        value = ""

        def write(self, text: str) -> None:
            self.value = text

    line = Line()
    writer = csv.writer(line)
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + line.value  # a byte-order mark, so spreadsheets read the file as UTF-8
    for licence in found.iterator(chunk_size=2000):
        organisation = licence.organisation
        writer.writerow(
            [
                licence.number,
                organisation.name,
                organisation.registration_number,
                organisation.kind,
                licence.valid_from.isoformat(),
                licence.valid_to.isoformat() if licence.valid_to else "",
                licence.status_on(on),
                licence.address,
                licence.country,
                licence.issuing_authority_name,
                licence_state(licence, on),
                str(organisation.pk),
                str(licence.pk),
            ]
        )
        yield line.value


@router.get(
    "/licences.csv",
    response={200: None, **problems(422)},
    url_name="registry_licences_csv",
)
def licences_csv(
    request: HttpRequest, country: Country = None, status: StatusFilter = None, in_force: InForce = None
) -> StreamingHttpResponse:
    """Open data: the whole licence list as a CSV file (``text/csv``, UTF-8 with a byte-order mark, sent as
    an attachment), with the same filters as the JSON list. The first eight columns are those of the
    authorities' import file, so a list can be imported again."""
    today = timezone.localdate()
    found = selectors.licences_public(on=today, country=country, status=status, in_force_only=in_force)
    response = StreamingHttpResponse(_csv_rows(found, today), content_type="text/csv; charset=utf-8")
    suffix = f"-{country.upper()}" if country else ""
    response["Content-Disposition"] = f'attachment; filename="mizan-licences{suffix}-{today.isoformat()}.csv"'
    return response


@router.get("/search", response={200: list[SearchOut], **problems(422)}, url_name="registry_search")
def search(
    request: HttpRequest,
    q: Annotated[
        str,
        Query(..., min_length=1, max_length=200, description="A name in any script, or a licence number."),
    ],
    limit: Annotated[int, Query(20, ge=1, le=selectors.MAX_RESULTS)] = 20,
) -> list[dict[str, Any]]:
    """Find agencies and employers by licence number (any punctuation) or by name (any script, typos
    forgiven), best first. An empty list: not in the registry."""
    return [
        {
            "organisation": organisation_out(result.organisation),
            "standing": standing_out(result.standing),
            "licence_numbers": result.licence_numbers,
            "by_number": result.by_number,
        }
        for result in selectors.recruiters_search(q, on=timezone.localdate(), limit=limit)
    ]


@router.get("/{uuid:organisation_id}", response={200: RecordOut, **problems(404)}, url_name="registry_record")
def record(request: HttpRequest, organisation_id: uuid.UUID) -> dict[str, Any]:
    """One recruiter's public record: licences, certifications, sanctions, whether it may recruit today,
    and (aggregates only, null until available) reviews, complaints and alerts. 404: not a recruiter."""
    public = selectors.public_record(selectors.recruiter_get(organisation_id), on=timezone.localdate())
    return {
        "organisation": organisation_out(public.organisation),
        "on": public.on,
        "standing": standing_out(public.standing),
        "may_recruit": public.recruiting.may_recruit,
        "reasons": [force_str(reason) for reason in public.recruiting.reasons],
        "licences": [licence_out(licence, public.on) for licence in public.licences],
        "certifications": [certification_out(found) for found in public.certifications],
        "sanctions": [sanction_out(found, public) for found in public.sanctions],
        "review_summary": public.review_summary,
        "complaint_count": public.complaint_count,
        "alert_count": public.alert_count,
    }


# --- Authority staff (session) -----------------------------------------------------------------------


@router.post(
    "/licences",
    auth=session_auth,
    response={201: LicenceOut, **problems(400, 401, 403, 422)},
    url_name="registry_licence_create",
)
def licence_create(request: HttpRequest, payload: LicenceIn) -> Status[dict[str, Any]]:
    """Add a licence (authority officers and administrators, for their own country). The organisation is
    found by registration number in the authority's country, or added. 400 ``duplicate_number``,
    ``dates_order``, ``sanctioned``, ``kind_mismatch``; 403 ``other_country``, ``authority_needed``."""
    actor = request_user(request)
    authority = None
    if payload.authority_id is not None:
        authority = Organisation.objects.filter(pk=payload.authority_id).first()
        if authority is None:
            raise NotFound(staff.NO_AUTHORITY)
    licence = services.licence_register(
        actor=actor,
        authority=authority,
        organisation_name=payload.organisation_name,
        registration_number=payload.registration_number,
        kind=payload.kind,
        number=payload.number,
        valid_from=payload.valid_from,
        valid_to=payload.valid_to,
        address=payload.address,
    )
    return Status(201, licence_out(licence, timezone.localdate()))


@router.post(
    "/licences/{uuid:licence_id}/status",
    auth=session_auth,
    response={200: LicenceOut, **problems(400, 401, 403, 404, 422)},
    url_name="registry_licence_status",
)
def licence_status(request: HttpRequest, licence_id: uuid.UUID, payload: LicenceStatusIn) -> dict[str, Any]:
    """Suspend, revoke, reinstate, renew (new dates) or record that the holder gave the licence up.
    400 ``wrong_status``, ``sanctioned``, ``reason``, ``valid_to_missing``; 403 ``other_country``."""
    actor = request_user(request)
    licence = staff.licence_for_staff(actor, licence_id)
    changed = services.licence_change_status(
        actor=actor,
        licence=licence,
        action=payload.action,
        reason=payload.reason,
        valid_from=payload.valid_from,
        valid_to=payload.valid_to,
    )
    return licence_out(changed, timezone.localdate())
