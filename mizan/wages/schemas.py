"""Schemas of the time-log sync API (/api/v1/wages/events)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args
from uuid import UUID

from ninja import Schema
from pydantic import AwareDatetime, Field

from mizan.wages.models import EventKind
from mizan.wages.services.events import BATCH_MAX, NOTE_MAX

KindCode = Literal["work", "standby", "meal_break", "rest", "day_off", "sick_day"]
assert set(get_args(KindCode)) == set(EventKind.values)  # the literal follows the model


class EventIn(Schema):
    """One event of the time log as the phone recorded it. An edit is a new event naming the one it
    ``replaces`` (by client id); a removal is an event with ``deleted: true`` naming it."""

    client_id: UUID = Field(description="Made on the phone (a random UUID); the same id is stored once.")
    kind: KindCode
    starts_at: AwareDatetime = Field(description="With its offset, e.g. 2026-10-03T08:00:00+08:00.")
    ends_at: AwareDatetime | None = Field(None, description="Empty while it runs (after Start, before Stop).")
    utc_offset_minutes: int | None = Field(None, ge=-720, le=840, description="The phone's UTC offset then.")
    time_zone: str = Field("", max_length=64, description="The phone's IANA time zone, e.g. Asia/Manila.")
    recorded_at: AwareDatetime | None = Field(None, description="The phone's clock when it was recorded.")
    note: str = Field("", max_length=NOTE_MAX)
    replaces: UUID | None = Field(None, description="Client id of the event this one corrects or deletes.")
    deleted: bool = False


class EventsIn(Schema):
    events: list[EventIn] = Field(min_length=1, max_length=BATCH_MAX)


class EventOut(Schema):
    id: UUID
    client_id: UUID
    seq: int = Field(description="Order in which the server stored the worker's events: the sync cursor.")
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    utc_offset_minutes: int | None
    time_zone: str
    recorded_at: dt.datetime | None
    note: str
    replaces: UUID | None = Field(description="Client id of the event this one replaces.")
    deleted: bool
    source: str
    created_at: dt.datetime


class StoredOut(Schema):
    status: Literal["created", "existing"] = Field(description="existing: this client id was stored before.")
    event: EventOut


class SyncOut(Schema):
    created: int
    existing: int
    results: list[StoredOut] = Field(description="One per event sent, in the same order.")


class EventsPageOut(Schema):
    events: list[EventOut]
    next_since: int = Field(description="Pass as ?since= to get the events stored after these.")
    has_more: bool
