"""Demo hours and pay: the Philippines → Hong Kong demo worker (+639170000001), a domestic helper for the
"kowloon" demo household, logged last month on her phone (which stayed on Manila time): long days with
a meal break, evenings on call, Sundays off except one she worked, one entry corrected afterwards. She
typed her contract terms (HK$5,100 a month, the minimum allowable wage for contracts signed from 30
September 2025; food and housing free) and the pay she received, HK$4,110 with HK$990 kept back as an
"agency fee", so her statement shows a HK$990 shortfall and a missed rest day. One proof of the month
was exported and its hash is in the ledger.

Everything is synthetic. Written through the app's services, as the phone would have sent it, so it is
what the pages, the export and the ledger would hold. A second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from mizan.accounts.models import Organisation, User
from mizan.privacy.ledger.services import checkpoint_create
from mizan.wages.models import Evidence, PayRecord, Source, WageTerms, WorkEvent
from mizan.wages.periods import Period, period_containing
from mizan.wages.services.events import EventInput, work_events_record
from mizan.wages.services.evidence import evidence_export
from mizan.wages.services.pay import TermsData, pay_record_save, wage_terms_save

logger = logging.getLogger(__name__)

PHONE = "+639170000001"
WORKPLACE = "Asia/Hong_Kong"
PHONE_ZONE = "Asia/Manila"  # the phone stayed on home time (the same offset, UTC+8)
SIGNED_ON = dt.date(2025, 10, 15)  # fixed: Hong Kong applies the minimum wage of the signing date
WORKED_SUNDAY = 2  # the second Sunday of the month: no rest day that week
NAMESPACE = uuid.UUID("5d1c8f0e-2a8b-4b8e-9a53-6f0c7d1e2b01")  # the same client ids on every run


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZoneInfo(WORKPLACE))


def _event(
    kind: str, starts: dt.datetime, ends: dt.datetime, note: str = "", replaces: uuid.UUID | None = None
) -> EventInput:
    key = f"{kind}:{starts.isoformat()}:{replaces or ''}"
    return EventInput(
        client_id=uuid.uuid5(NAMESPACE, key),
        kind=kind,
        starts_at=starts,
        ends_at=ends,
        utc_offset_minutes=480,
        time_zone=PHONE_ZONE,
        recorded_at=ends,  # written on the phone as it happened; sent when it was back online
        note=note,
        replaces=replaces,
    )


def demo_month() -> Period:
    today = timezone.now().astimezone(ZoneInfo(WORKPLACE)).date()
    return period_containing(today).previous()


def month_events(month: Period) -> list[EventInput]:
    """A month of a live-in domestic helper's days, as her phone recorded them."""
    events: list[EventInput] = []
    sundays = 0
    day = month.first
    while day <= month.last:
        if day.weekday() == 6:
            sundays += 1
            if sundays != WORKED_SUNDAY:
                events.append(_event("day_off", _at(day, 0), _at(day + dt.timedelta(days=1), 0)))
                day += dt.timedelta(days=1)
                continue
            events.append(
                _event("work", _at(day, 7), _at(day, 20), note="Family party; asked to work my rest day")
            )
            day += dt.timedelta(days=1)
            continue
        events.append(_event("work", _at(day, 6, 30), _at(day, 12, 30)))
        events.append(_event("meal_break", _at(day, 12, 30), _at(day, 13)))
        events.append(_event("work", _at(day, 13), _at(day, 21, 30)))
        if day.weekday() in (1, 3):  # on call for the baby two evenings a week
            events.append(_event("standby", _at(day, 21, 30), _at(day, 23, 30)))
        day += dt.timedelta(days=1)
    # One Stop pressed late (at 23:50 instead of 21:30), corrected the next morning: an edit is a new event.
    third = month.first + dt.timedelta(days=2)
    wrong = next(e for e in events if e.kind == "work" and e.starts_at == _at(third, 13))
    index = events.index(wrong)
    late = _event("work", wrong.starts_at, _at(third, 23, 50))
    events[index] = late
    events.insert(
        index + 1,
        _event(
            "work", wrong.starts_at, _at(third, 21, 30), note="Stop pressed late", replaces=late.client_id
        ),
    )
    return events


def demo_wages_load(*, organisations: dict[str, Organisation]) -> int:
    """Return the number of records added (0 on a second run)."""
    worker = User.objects.filter(phone=PHONE).first()
    if worker is None:
        logger.warning("wages demo: the demo worker %s does not exist yet; run the base demo first", PHONE)
        return 0
    added = 0
    month = demo_month()
    if not WageTerms.objects.filter(worker=worker).exists():
        wage_terms_save(
            actor=worker,
            worker=worker,
            data=TermsData(
                destination="HK",
                currency="HKD",
                pay_amount=Decimal("5100"),
                pay_period="month",
                sector="domestic_work",
                time_zone=WORKPLACE,
                employer=organisations.get("kowloon"),
                rest_days_per_week=1,
                rest_weekday=6,
                food_provided=True,
                housing_provided=True,
                signed_on=SIGNED_ON,
            ),
        )
        added += 1
    if not WorkEvent.objects.filter(worker=worker).exists():
        stored = work_events_record(
            actor=worker, worker=worker, events=month_events(month), source=Source.PHONE
        )
        added += sum(1 for result in stored if result.created)
    if not PayRecord.objects.filter(worker=worker, period=month.key).exists():
        pay_record_save(
            actor=worker,
            worker=worker,
            period=month,
            currency="HKD",
            received=Decimal("4110"),
            deductions=[{"kind": "recruitment_fee", "amount": "990"}],
            paid_on=month.last + dt.timedelta(days=1),
        )
        added += 1
    if not Evidence.objects.filter(worker=worker, period=month.key).exists():
        evidence_export(actor=worker, worker=worker, period=month, language=worker.preferred_language or "en")
        checkpoint_create()  # so the proof can be checked against a signed checkpoint at once
        added += 1
    return added
