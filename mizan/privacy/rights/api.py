"""The signed-in worker's data rights: /api/v1/me/data. Workers only, through their session; anyone else
gets 403, an API token 401 (a token acts for an organisation, never for a worker)."""

from __future__ import annotations

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from ninja import Router
from ninja.responses import Status

from mizan.accounts.models import User
from mizan.api.auth import request_user, session_auth
from mizan.api.problems import problems
from mizan.common.errors import DomainError
from mizan.privacy.consent.models import Method
from mizan.privacy.rights import selectors, services
from mizan.privacy.rights.export import correction_out, export_for, hold_out
from mizan.privacy.rights.models import RestrictionKind
from mizan.privacy.rights.schemas import (
    CorrectionIn,
    CorrectionOut,
    EraseIn,
    ErasureOut,
    LegalHoldOut,
    MyDataExport,
    RestrictionsIn,
    RestrictionsOut,
)
from mizan.privacy.rights.wording import hold_sentence

router = Router(tags=["data rights"])


def _worker(request: HttpRequest) -> User:
    actor = request_user(request)
    selectors.require_self(actor, actor)  # 403 for anyone but a worker
    return actor


@router.get("/export", auth=session_auth, by_alias=True, response={200: MyDataExport, **problems(401, 403)})
def export(request: HttpRequest, response: HttpResponse) -> MyDataExport:
    """Everything Mizan holds about the signed-in worker, decrypted for them: the export document
    (``schema`` "mizan.my-data", ``schema_version`` 1; docs/privacy/rights.md). Never cached."""
    actor = _worker(request)
    add_never_cache_headers(response)
    return export_for(actor=actor, worker=actor)


@router.get("/corrections", auth=session_auth, response={200: list[CorrectionOut], **problems(401, 403)})
def list_corrections(request: HttpRequest) -> list[CorrectionOut]:
    """The worker's correction requests, newest first, with Mizan's answers."""
    actor = _worker(request)
    return [correction_out(r) for r in selectors.corrections_of(actor=actor, worker=actor)]


@router.post("/corrections", auth=session_auth, response={201: CorrectionOut, **problems(400, 401, 403, 422)})
def create_correction(request: HttpRequest, payload: CorrectionIn) -> Status[CorrectionOut]:
    """Ask for a correction. ``restrict``: keep my data but do not use it until this is answered.
    400 ``too_many_open`` (10 requests waiting)."""
    actor = _worker(request)
    created = services.correction_request_create(actor=actor, **payload.model_dump())
    return Status(201, correction_out(created))


def _state(request: HttpRequest) -> RestrictionsOut:
    actor = _worker(request)
    state = selectors.restriction_state(actor=actor, worker=actor)
    return RestrictionsOut(**{kind: state[kind] is not None for kind in RestrictionKind.values})


@router.get("/restrictions", auth=session_auth, response={200: RestrictionsOut, **problems(401, 403)})
def get_restrictions(request: HttpRequest) -> RestrictionsOut:
    """Which of the worker's choices are on: restrict processing, object to matching, object to counts."""
    return _state(request)


@router.put("/restrictions", auth=session_auth, response={200: RestrictionsOut, **problems(401, 403, 422)})
def put_restrictions(request: HttpRequest, payload: RestrictionsIn) -> RestrictionsOut:
    """Turn choices on (true) or off (false); a choice left out or null stays as it is. Turning
    ``object_matching`` on also stops the job-matching permission."""
    actor = _worker(request)
    for kind, on in payload.model_dump().items():
        if on is not None:
            services.restriction_set(actor=actor, worker=actor, kind=kind, on=on, method=Method.API)
    return _state(request)


@router.get("/holds", auth=session_auth, response={200: list[LegalHoldOut], **problems(401, 403)})
def list_holds(request: HttpRequest) -> list[LegalHoldOut]:
    """What Mizan must keep even if the worker closes their account, and why (active first)."""
    actor = _worker(request)
    today = timezone.localdate()
    return [hold_out(h, today) for h in selectors.holds_of(actor=actor, worker=actor)]


@router.post("/erase", auth=session_auth, response={200: ErasureOut, **problems(400, 401, 403, 422)})
def erase(request: HttpRequest, payload: EraseIn) -> ErasureOut:
    """Close the account and erase the worker's data, keeping only what legal holds require (``kept``
    says what and why). Ends every session, this one included. 400 ``confirmation_needed`` unless
    ``confirm`` is true."""
    actor = _worker(request)
    if not payload.confirm:
        raise DomainError(_("Confirm that you understand this cannot be undone."), code="confirmation_needed")
    today = timezone.localdate()
    kept = [hold_sentence(h) for h in selectors.holds_of(actor=actor, worker=actor) if h.is_active_on(today)]
    erasure = services.worker_erase(actor=actor, worker=actor)
    logout(request)
    return ErasureOut(status=erasure.status, erased_at=erasure.created_at, kept=kept)  # type: ignore[arg-type]
