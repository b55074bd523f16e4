"""Helpers for the wages tests: terms, events, entries."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from mizan.accounts.models import Organisation, User
from mizan.wages.models import WageTerms, WorkEvent
from mizan.wages.services.events import EventInput, work_events_record
from mizan.wages.services.pay import TermsData, wage_terms_save

HK = "Asia/Hong_Kong"
MANILA = "Asia/Manila"


def at(text: str, zone: str = HK) -> dt.datetime:
    """``at("2026-10-05 08:00")``: an aware time on the workplace clock (Hong Kong by default)."""
    from zoneinfo import ZoneInfo

    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(zone))


def terms_for(worker: User, *, employer: Organisation | None = None, **overrides: Any) -> WageTerms:
    values: dict[str, Any] = {
        "destination": "HK",
        "currency": "HKD",
        "pay_amount": Decimal("4990"),
        "pay_period": "month",
        "sector": "domestic_work",
        "time_zone": HK,
        "employer": employer,
        "rest_days_per_week": 1,
        "rest_weekday": 6,
        "food_provided": True,
        "housing_provided": True,
        "signed_on": dt.date(2025, 1, 10),
        **overrides,
    }
    return wage_terms_save(actor=worker, worker=worker, data=TermsData(**values))


def event(kind: str, starts: str, ends: str | None = None, **fields: Any) -> EventInput:
    zone = fields.pop("zone", HK)
    return EventInput(
        client_id=fields.pop("client_id", uuid.uuid4()),
        kind=kind,
        starts_at=at(starts, zone),
        ends_at=at(ends, zone) if ends else None,
        **fields,
    )


def record(worker: User, *events: EventInput) -> list[WorkEvent]:
    return [r.event for r in work_events_record(actor=worker, worker=worker, events=list(events))]


def payload(item: EventInput) -> dict[str, Any]:
    """An event as the phone sends it to the API."""
    return {
        "client_id": str(item.client_id),
        "kind": item.kind,
        "starts_at": item.starts_at.isoformat(),
        "ends_at": item.ends_at.isoformat() if item.ends_at else None,
        "utc_offset_minutes": item.utc_offset_minutes,
        "time_zone": item.time_zone,
        "recorded_at": item.recorded_at.isoformat() if item.recorded_at else None,
        "note": item.note,
        "replaces": str(item.replaces) if item.replaces else None,
        "deleted": item.deleted,
    }
