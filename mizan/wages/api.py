"""Hours and pay: the JSON API of the time log, used by the phone to sync (and by anyone's own client).

Only the worker themself, through their session (with the CSRF token for POST); an API token gets 403,
since a token acts for an organisation, never for a worker.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from pydantic import Field

from mizan.api.auth import request_user, session_or_token
from mizan.api.problems import formatted, problem_response, problems
from mizan.wages.models import WorkEvent
from mizan.wages.schemas import EventsIn, EventsPageOut, SyncOut
from mizan.wages.selectors import log as log_selectors
from mizan.wages.services import events as event_services
from mizan.wages.services.events import EventConflict, EventInput, EventsInvalid

router = Router(tags=["Hours and pay"])


def event_out(event: WorkEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "client_id": event.client_id,
        "seq": event.seq,
        "kind": event.kind,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "utc_offset_minutes": event.utc_offset_minutes,
        "time_zone": event.time_zone,
        "recorded_at": event.recorded_at,
        "note": event.note,
        "replaces": event.replaces.client_id if event.replaces else None,
        "deleted": event.is_deletion,
        "source": event.source,
        "created_at": event.created_at,
    }


@router.post("/events", auth=session_or_token, response={200: SyncOut, **problems(400, 401, 403, 409, 422)})
def post_events(request: HttpRequest, payload: EventsIn) -> Any:
    """Store events recorded on the phone, all or none. Idempotent by ``client_id``: an id stored before
    with the same content gives ``existing`` (never a second row); with other content, 409
    ``client_id_conflict`` (``errors`` names each such event by its place). Events that cannot be stored
    (a start before 2000 or more than a year ahead, an entry over 31 days, ``replaces`` naming an unknown
    or deleted entry, a day off without an end, an unknown time zone) give 422 with ``errors`` at
    ``["body", "events", <index>, <field>]``; nothing of the batch is stored then. Entries that overlap,
    lie in the future or come from a phone on another time zone are stored and shown to the worker with
    an explanation."""
    user = request_user(request)
    items = [
        EventInput(
            client_id=item.client_id,
            kind=item.kind,
            starts_at=item.starts_at,
            ends_at=item.ends_at,
            utc_offset_minutes=item.utc_offset_minutes,
            time_zone=item.time_zone,
            recorded_at=item.recorded_at,
            note=item.note,
            replaces=item.replaces,
            deleted=item.deleted,
        )
        for item in payload.events
    ]
    try:
        stored = event_services.work_events_record(actor=user, worker=user, events=items)
    except EventsInvalid as error:
        errors = [
            {"loc": ["body", "events", e.index, e.field], "msg": str(e.message), "type": e.type}
            for e in error.errors
        ]
        return problem_response(
            422,
            _("Some entries cannot be stored. Each is listed in “errors”. Nothing was stored."),
            errors=errors,
        )
    except EventConflict as error:
        detail = formatted(error.message, error.params)
        errors = [
            {"loc": ["body", "events", index, "client_id"], "msg": str(detail), "type": "conflict"}
            for index in error.indexes
        ]
        return problem_response(409, detail, code=error.code, errors=errors)
    created = sum(1 for r in stored if r.created)
    return {
        "created": created,
        "existing": len(stored) - created,
        "results": [
            {"status": "created" if r.created else "existing", "event": event_out(r.event)} for r in stored
        ],
    }


class SinceQuery(Schema):
    since: int = Field(0, ge=0, description="The ``next_since`` of the previous page; 0 for everything.")
    limit: int = Field(200, ge=1, le=500)


@router.get("/events", auth=session_or_token, response={200: EventsPageOut, **problems(401, 403, 422)})
def get_events(request: HttpRequest, query: Query[SinceQuery]) -> dict[str, Any]:
    """The worker's events stored after ``since``, in the order they were stored (edits and deletions
    included: they are events too)."""
    user = request_user(request)
    page = log_selectors.events_since(actor=user, worker=user, since=query.since, limit=query.limit)
    return {
        "events": [event_out(e) for e in page.events],
        "next_since": page.next_since,
        "has_more": page.has_more,
    }
