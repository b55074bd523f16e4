"""The privacy API: the purpose registry (public); a worker's consents and access records (worker session).

Mounted at /api/v1/privacy. Workers only, through their session: an API token acts for an organisation and
never for a worker, so it cannot read or change a worker's consents (403).
"""

from __future__ import annotations

import math
from uuid import UUID

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.responses import Status
from pydantic import Field

from mizan.api.auth import request_user, session_auth
from mizan.api.problems import problems
from mizan.privacy.consent import selectors, services
from mizan.privacy.consent.models import Method
from mizan.privacy.consent.presenting import access_record_out, consent_out
from mizan.privacy.consent.purposes import CATEGORIES, PURPOSES, Purpose
from mizan.privacy.consent.schemas import (
    AccessRecordPage,
    CategoryOut,
    ConsentIn,
    ConsentOut,
    PurposeOut,
    ReaderOut,
)

router = Router(tags=["privacy"])


def _purpose(purpose: Purpose) -> PurposeOut:
    return PurposeOut(
        code=purpose.code,
        notice_version=purpose.notice_version,
        title=str(purpose.title),
        what=str(purpose.what),
        why=str(purpose.why),
        kept_for=str(purpose.kept_for),
        can_say_no=str(purpose.can_say_no),
        legal_basis=purpose.legal_basis.value,
        legal_basis_label=str(purpose.legal_basis.label),
        needs_consent=purpose.needs_consent,
        organisation_bound=purpose.organisation_bound,
        readable=purpose.readable,
        needs_reference=purpose.needs_reference,
        categories=[
            CategoryOut(code=code, label=str(CATEGORIES[code].label), sensitive=CATEGORIES[code].sensitive)
            for code in sorted(purpose.categories)
        ],
        readers=[
            ReaderOut(organisation_kind=kind, roles=sorted(roles))
            for kind, roles in sorted(purpose.readers.items())
        ],
    )


@router.get("/purposes", response={200: list[PurposeOut], **problems()})
def purposes(request: HttpRequest) -> list[PurposeOut]:
    """Every purpose for which Mizan may use a worker's data, with its notice in the reader's language
    (Accept-Language) and the notice version consents are given to. Public: the privacy notice as data."""
    return [_purpose(purpose) for purpose in PURPOSES.values()]


@router.get("/consents", auth=session_auth, response={200: list[ConsentOut], **problems(401, 403)})
def list_consents(request: HttpRequest) -> list[ConsentOut]:
    """The signed-in worker's consents, newest first, withdrawn and replaced ones included.
    403 for anyone who is not a worker."""
    return [consent_out(c) for c in selectors.consents_of(actor=request_user(request))]


@router.post(
    "/consents", auth=session_auth, response={201: ConsentOut, **problems(400, 401, 403, 404, 409, 422)}
)
def give_consent(request: HttpRequest, payload: ConsentIn) -> Status[ConsentOut]:
    """Agree to a purpose that rests on consent (for one organisation when the purpose is bound to one).
    400 `unknown_purpose`, `not_consent_based`, `organisation_needed`, `organisation_unexpected`,
    `organisation_wrong_kind`; 404 unknown organisation; 409 `already_given` (the same consent is in force).
    Agreeing to a purpose whose notice changed replaces the older consent."""
    actor = request_user(request)
    selectors.require_worker(actor)  # 403 for anyone but a worker, before looking anything up
    organisation = None
    if payload.organisation_id is not None:
        organisation = selectors.organisation_for_consent(organisation_id=payload.organisation_id)
    consent = services.consent_give(
        worker=actor, purpose=payload.purpose, organisation=organisation, method=Method.API
    )
    return Status(201, consent_out(consent))


@router.post(
    "/consents/{uuid:consent_id}/withdraw",
    auth=session_auth,
    response={200: ConsentOut, **problems(401, 403, 404, 409)},
)
def withdraw_consent(request: HttpRequest, consent_id: UUID) -> ConsentOut:
    """Stop a consent; effective at once. 404 for a consent that is not the worker's own;
    409 `already_withdrawn`."""
    actor = request_user(request)
    consent = selectors.consent_of(actor=actor, consent_id=consent_id)
    return consent_out(services.consent_withdraw(actor=actor, consent=consent, method=Method.API))


class PageIn(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(20, ge=1, le=100)


@router.get("/access-records", auth=session_auth, response={200: AccessRecordPage, **problems(401, 403, 422)})
def access_records(request: HttpRequest, params: Query[PageIn]) -> AccessRecordPage:
    """Who saw the signed-in worker's data: every read by someone else, granted and refused, newest first,
    each with a plain sentence in the reader's language. A page past the last is empty."""
    records = selectors.access_records_of(actor=request_user(request))
    count = records.count()
    start = (params.page - 1) * params.page_size
    items = [access_record_out(r) for r in records[start : start + params.page_size]] if start < count else []
    return AccessRecordPage(
        count=count, page=params.page, pages=max(1, math.ceil(count / params.page_size)), items=items
    )
