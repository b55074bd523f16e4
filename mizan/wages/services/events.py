"""Writing the time log. Every write appends events; nothing is changed in place.

``work_events_record`` is the one writer (the sync API, the pages and the demo all call it): a batch of
events, each with a ``client_id`` made where it was recorded. A client id already stored with the same
content returns the stored event (the phone sent it again after losing the answer); with other content it
is a conflict (409). Validation errors of a batch are reported together (422), each with its place.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.wages import timeline
from mizan.wages.models import WHOLE_DAY_KINDS, EventKind, Source, WorkEvent

NOTE_MAX = 1000
BATCH_MAX = 500
LONGEST = dt.timedelta(days=31)
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
FUTURE_LIMIT = dt.timedelta(days=366)
BACKWARDS_LIMIT = dt.timedelta(hours=24)  # an end before the start by more than this is not a clock slip


@dataclass(frozen=True)
class EventInput:
    """One event as a phone or a form gives it. ``replaces`` is the client id of the event it corrects."""

    client_id: UUID
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    utc_offset_minutes: int | None = None
    time_zone: str = ""
    recorded_at: dt.datetime | None = None
    note: str = ""
    replaces: UUID | None = None
    deleted: bool = False


@dataclass(frozen=True)
class Recorded:
    event: WorkEvent
    created: bool


@dataclass(frozen=True)
class FieldError:
    index: int
    field: str
    message: Any
    type: str = "invalid"


class EventsInvalid(DomainError):
    """Some events of a batch cannot be stored; ``errors`` says which and why. Nothing was stored."""

    status = 422
    code = "validation_failed"

    def __init__(self, errors: Sequence[FieldError]) -> None:
        first = errors[0]
        super().__init__(first.message)
        self.errors = list(errors)


class EventConflict(DomainError):
    """A client id was stored before with other content. Nothing of the batch was stored."""

    status = 409
    code = "client_id_conflict"

    def __init__(self, indexes: Sequence[int], client_ids: Sequence[UUID]) -> None:
        super().__init__(
            _(
                "This entry was sent before with different content: %(client_id)s. An entry can't be "
                "changed by sending it again; send a new entry that replaces it."
            ),
            client_id=str(client_ids[0]),
        )
        self.indexes = list(indexes)
        self.client_ids = list(client_ids)


def _own_log(actor: User, worker: User) -> None:
    if not actor.is_authenticated or actor.pk != worker.pk or not worker.is_worker:
        raise PermissionDenied(_("Only the worker can write in their own time log."))


def _validate(item: EventInput, index: int, *, now: dt.datetime, known: dict[UUID, bool]) -> list[FieldError]:
    """Errors of one event. ``known`` maps client ids stored or earlier in the batch to is_deletion."""
    errors: list[FieldError] = []

    def bad(name: str, message: Any, kind: str = "invalid") -> None:
        errors.append(FieldError(index, name, message, kind))

    if item.kind not in EventKind.values:
        bad("kind", _("This is not a kind of entry Mizan knows."))
    for name in ("starts_at", "ends_at", "recorded_at"):
        value = getattr(item, name)
        if value is not None and timezone.is_naive(value):
            bad(name, _("The time needs a time zone (for example +08:00 or Z)."), "timezone_missing")
    if errors:
        return errors
    if not EARLIEST <= item.starts_at <= now + FUTURE_LIMIT:
        bad("starts_at", _("The start must be after the year 2000 and not more than a year from now."))
    if item.ends_at is not None:
        if item.ends_at - item.starts_at > LONGEST:
            bad("ends_at", _("An entry can be at most 31 days long. Split it into several entries."))
        elif item.starts_at - item.ends_at > BACKWARDS_LIMIT:
            bad("ends_at", _("The end is more than a day before the start."))
    elif item.kind in WHOLE_DAY_KINDS and not item.deleted:
        bad("ends_at", _("A day off or a sick day needs an end."), "missing")
    if item.time_zone:
        try:
            ZoneInfo(item.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            bad("time_zone", _("This is not a time zone name such as Asia/Hong_Kong."))
    if item.utc_offset_minutes is not None and not -720 <= item.utc_offset_minutes <= 840:
        bad("utc_offset_minutes", _("The offset from UTC must be between -720 and 840 minutes."))
    if len(item.note) > NOTE_MAX:
        bad("note", _("The note can have at most %(max)s characters.") % {"max": NOTE_MAX}, "string_too_long")
    if item.replaces is not None:
        if item.replaces == item.client_id:
            bad("replaces", _("An entry cannot replace itself."))
        elif item.replaces not in known:
            bad("replaces", _("The entry this one replaces is not known. Send that one first."), "unknown")
        elif known[item.replaces]:
            bad("replaces", _("That entry was deleted; it cannot be changed."))
    elif item.deleted:
        bad("replaces", _("Say which entry to delete."), "missing")
    return errors


def _same(event: WorkEvent, item: EventInput, replaces_client_id: UUID | None) -> bool:
    return (
        event.kind == item.kind
        and event.starts_at == item.starts_at
        and event.ends_at == item.ends_at
        and event.utc_offset_minutes == item.utc_offset_minutes
        and event.time_zone == item.time_zone
        and event.recorded_at == item.recorded_at
        and event.is_deletion == item.deleted
        and replaces_client_id == item.replaces
        and event.note == item.note
    )


def work_events_record(
    *, actor: User, worker: User, events: Sequence[EventInput], source: str = Source.PHONE
) -> list[Recorded]:
    """Store a batch of events (all or nothing), idempotently by client id. Raises EventsInvalid (422) or
    EventConflict (409)."""
    _own_log(actor, worker)
    if not events:
        return []
    if len(events) > BATCH_MAX:
        raise EventsInvalid([FieldError(0, "events", _("Send at most 500 entries at a time."), "too_long")])
    now = timezone.now()
    with transaction.atomic():
        # Serialises a worker's appends (PostgreSQL row lock; SQLite's write lock), so seq has no gaps.
        User.objects.select_for_update().filter(pk=worker.pk).first()
        wanted = {item.client_id for item in events} | {i.replaces for i in events if i.replaces}
        stored = {
            event.client_id: event
            for event in WorkEvent.objects.filter(worker=worker, client_id__in=wanted).select_related(
                "replaces"
            )
        }
        known = {client_id: event.is_deletion for client_id, event in stored.items()}
        errors: list[FieldError] = []
        conflicts: list[tuple[int, UUID]] = []
        seen: set[UUID] = set()
        for index, item in enumerate(events):
            if item.client_id in stored:
                event = stored[item.client_id]
                replaced = event.replaces.client_id if event.replaces else None
                if not _same(event, item, replaced):
                    conflicts.append((index, item.client_id))
            elif item.client_id in seen:
                errors.append(FieldError(index, "client_id", _("This client id is twice in the batch.")))
            else:
                errors.extend(_validate(item, index, now=now, known=known))
                known[item.client_id] = item.deleted
            seen.add(item.client_id)
        if errors:
            raise EventsInvalid(errors)
        if conflicts:
            raise EventConflict([i for i, _c in conflicts], [c for _i, c in conflicts])
        seq = WorkEvent.objects.filter(worker=worker).aggregate(last=Max("seq"))["last"] or 0
        results: list[Recorded] = []
        for item in events:
            if item.client_id in stored:
                results.append(Recorded(stored[item.client_id], created=False))
                continue
            seq += 1
            event = WorkEvent(
                worker=worker,
                seq=seq,
                client_id=item.client_id,
                kind=item.kind,
                starts_at=item.starts_at,
                ends_at=item.ends_at,
                utc_offset_minutes=item.utc_offset_minutes,
                time_zone=item.time_zone,
                recorded_at=item.recorded_at,
                replaces=stored[item.replaces] if item.replaces else None,
                is_deletion=item.deleted,
                source=source,
                created_by=actor,
            )
            event.note = item.note
            event.save()
            stored[item.client_id] = event
            results.append(Recorded(event, created=True))
    return results


# --- What the pages do: one event at a time -----------------------------------------------------------


def _one(actor: User, worker: User, item: EventInput) -> WorkEvent:
    return work_events_record(actor=actor, worker=worker, events=[item], source=Source.WEB)[0].event


def running_events(*, worker: User) -> list[WorkEvent]:
    """The worker's entries still running (a Start without a Stop), oldest first."""
    return list(
        WorkEvent.objects.filter(worker=worker, ends_at__isnull=True, is_deletion=False)
        .exclude(Exists(WorkEvent.objects.filter(replaces=OuterRef("pk"))))
        .order_by("starts_at")
    )


def _stop_all(actor: User, worker: User, now: dt.datetime) -> list[WorkEvent]:
    stopped = []
    for event in running_events(worker=worker):
        stopped.append(
            _one(
                actor,
                worker,
                EventInput(
                    client_id=uuid.uuid4(),
                    kind=event.kind,
                    starts_at=event.starts_at,
                    ends_at=max(now, event.starts_at),
                    utc_offset_minutes=event.utc_offset_minutes,
                    time_zone=event.time_zone,
                    note=event.note,
                    replaces=event.client_id,
                ),
            )
        )
    return stopped


def timer_start(*, actor: User, worker: User, kind: str, now: dt.datetime | None = None) -> WorkEvent:
    """Start work, stand-by, a meal break or rest now; whatever was running stops at this moment."""
    _own_log(actor, worker)
    if kind not in timeline.TIMED:
        raise DomainError(_("Choose work, stand-by, a meal break or rest."), code="kind_not_timed")
    now = now or timezone.now()
    with transaction.atomic():
        _stop_all(actor, worker, now)
        return _one(actor, worker, EventInput(client_id=uuid.uuid4(), kind=kind, starts_at=now))


def timer_stop(*, actor: User, worker: User, now: dt.datetime | None = None) -> list[WorkEvent]:
    """Stop whatever is running now. Nothing running is not an error: nothing changes."""
    _own_log(actor, worker)
    with transaction.atomic():
        return _stop_all(actor, worker, now or timezone.now())


def day_mark(*, actor: User, worker: User, kind: str, day: dt.date, workplace_zone: str) -> WorkEvent:
    """Mark a whole workplace day as a day off or a sick day."""
    if kind not in WHOLE_DAY_KINDS:
        raise DomainError(_("Choose a day off or a sick day."), code="kind_not_whole_day")
    starts, ends = timeline.day_bounds(day, timeline.zone_or_utc(workplace_zone))
    return _one(actor, worker, EventInput(client_id=uuid.uuid4(), kind=kind, starts_at=starts, ends_at=ends))


@dataclass
class EntryFields:
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    note: str = ""


def entry_add(*, actor: User, worker: User, entry: EntryFields) -> WorkEvent:
    """An entry written after the fact."""
    return _one(
        actor,
        worker,
        EventInput(
            client_id=uuid.uuid4(),
            kind=entry.kind,
            starts_at=entry.starts_at,
            ends_at=entry.ends_at,
            note=entry.note,
        ),
    )


def _current_own(worker: User, event_id: UUID) -> WorkEvent:
    event = WorkEvent.objects.filter(worker=worker, pk=event_id, is_deletion=False).first()
    if event is None:
        raise NotFound(_("This entry does not exist, or it is not yours."))
    if WorkEvent.objects.filter(replaces=event).exists():
        raise DomainError(
            _("This entry was changed or deleted since you opened it. Open it again from your day."),
            code="entry_changed",
        )
    return event


def entry_change(*, actor: User, worker: User, event_id: UUID, entry: EntryFields) -> WorkEvent:
    """Correct an entry: a new event replaces it; the old one stays in the history."""
    _own_log(actor, worker)
    old = _current_own(worker, event_id)
    return _one(
        actor,
        worker,
        EventInput(
            client_id=uuid.uuid4(),
            kind=entry.kind,
            starts_at=entry.starts_at,
            ends_at=entry.ends_at,
            note=entry.note,
            replaces=old.client_id,
        ),
    )


def entry_delete(*, actor: User, worker: User, event_id: UUID) -> WorkEvent:
    """Remove an entry from the log: a deletion event; the entry stays in the history."""
    _own_log(actor, worker)
    old = _current_own(worker, event_id)
    return _one(
        actor,
        worker,
        EventInput(
            client_id=uuid.uuid4(),
            kind=old.kind,
            starts_at=old.starts_at,
            ends_at=old.ends_at,
            replaces=old.client_id,
            deleted=True,
        ),
    )
