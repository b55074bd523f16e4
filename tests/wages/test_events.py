"""The time log is append-only and idempotent: the same client id is stored once, an edit is a new event."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest
from django.utils import timezone

from mizan.accounts.models import User
from mizan.common.errors import DomainError, PermissionDenied
from mizan.wages.models import AppendOnlyError, WorkEvent
from mizan.wages.selectors.log import entry_history, log_view
from mizan.wages.services import events as services
from mizan.wages.services.events import EntryFields, EventConflict, EventsInvalid
from tests.wages.helpers import at, event, record, terms_for

pytestmark = pytest.mark.django_db


def test_the_same_event_sent_twice_is_stored_once(worker: User) -> None:
    item = event("work", "2026-10-05 08:00", "2026-10-05 18:00", note="ironing", time_zone="Asia/Manila")
    first = services.work_events_record(actor=worker, worker=worker, events=[item])
    second = services.work_events_record(actor=worker, worker=worker, events=[item])
    assert first[0].created
    assert not second[0].created
    assert second[0].event.pk == first[0].event.pk
    assert WorkEvent.objects.filter(worker=worker, client_id=item.client_id).count() == 1


def test_a_client_id_sent_again_with_other_content_is_a_conflict_and_nothing_is_stored(worker: User) -> None:
    item = event("work", "2026-10-05 08:00", "2026-10-05 18:00")
    record(worker, item)
    changed = dataclasses.replace(item, ends_at=at("2026-10-05 19:00"))
    other = event("rest", "2026-10-05 19:00", "2026-10-05 20:00")
    with pytest.raises(EventConflict) as caught:
        services.work_events_record(actor=worker, worker=worker, events=[other, changed])
    assert caught.value.indexes == [1]
    assert caught.value.status == 409
    assert WorkEvent.objects.filter(worker=worker).count() == 1  # the batch is all or nothing


def test_a_changed_note_is_a_conflict_too(worker: User) -> None:
    item = event("work", "2026-10-05 08:00", "2026-10-05 18:00", note="cooking")
    record(worker, item)
    with pytest.raises(EventConflict):
        record(worker, dataclasses.replace(item, note="cleaning"))


def test_invalid_events_are_reported_together_with_their_place(worker: User) -> None:
    good = event("work", "2026-10-05 08:00", "2026-10-05 18:00")
    bad = [
        event("work", "1999-12-31 08:00", "1999-12-31 09:00"),
        event("day_off", "2026-10-06 00:00"),
        event("work", "2026-10-07 08:00", replaces=uuid.uuid4()),
        dataclasses.replace(event("work", "2026-10-08 08:00"), deleted=True),
        event("work", "2026-10-09 08:00", "2026-11-20 08:00"),
        event("work", "2026-10-09 08:00", time_zone="Mars/Olympus"),
        dataclasses.replace(good, client_id=good.client_id),
    ]
    with pytest.raises(EventsInvalid) as caught:
        services.work_events_record(actor=worker, worker=worker, events=[good, *bad])
    where = {(e.index, e.field) for e in caught.value.errors}
    assert where == {
        (1, "starts_at"),
        (2, "ends_at"),
        (3, "replaces"),
        (4, "replaces"),
        (5, "ends_at"),
        (6, "time_zone"),
        (7, "client_id"),
    }
    assert not WorkEvent.objects.filter(worker=worker).exists()


def test_a_naive_time_is_refused(worker: User) -> None:
    item = dataclasses.replace(event("work", "2026-10-05 08:00"), starts_at=dt.datetime(2026, 10, 5, 8))
    with pytest.raises(EventsInvalid) as caught:
        record(worker, item)
    assert caught.value.errors[0].type == "timezone_missing"


def test_an_event_may_replace_one_sent_earlier_in_the_same_batch(worker: User) -> None:
    started = event("work", "2026-10-05 08:00")
    stopped = event("work", "2026-10-05 08:00", "2026-10-05 12:00", replaces=started.client_id)
    stored = record(worker, started, stopped)
    assert stored[1].replaces == stored[0]
    assert [e.seq for e in stored] == [1, 2]


def test_an_edit_is_a_new_event_and_the_history_keeps_every_version(worker: User) -> None:
    terms_for(worker)
    [original] = record(worker, event("work", "2026-10-05 08:00", "2026-10-05 18:00"))
    entry = EntryFields(
        kind="work", starts_at=at("2026-10-05 07:30"), ends_at=at("2026-10-05 18:00"), note="early"
    )
    changed = services.entry_change(actor=worker, worker=worker, event_id=original.pk, entry=entry)
    assert changed.replaces == original
    view = log_view(actor=worker, worker=worker, first=dt.date(2026, 10, 5), last=dt.date(2026, 10, 5))
    assert [e.id for e in view.entries] == [changed.pk]
    assert view.entries[0].is_edited
    history = entry_history(actor=worker, worker=worker, event_id=original.pk)
    assert [v.pk for v in history.versions] == [original.pk, changed.pk]
    assert history.current == changed
    with pytest.raises(DomainError) as stale:  # the old version cannot be edited again
        services.entry_change(actor=worker, worker=worker, event_id=original.pk, entry=entry)
    assert stale.value.code == "entry_changed"


def test_a_deletion_is_an_event_and_the_entry_stays_in_the_history(worker: User) -> None:
    terms_for(worker)
    [original] = record(worker, event("standby", "2026-10-05 20:00", "2026-10-05 23:00"))
    deletion = services.entry_delete(actor=worker, worker=worker, event_id=original.pk)
    assert deletion.is_deletion
    assert deletion.replaces == original
    view = log_view(actor=worker, worker=worker, first=dt.date(2026, 10, 5), last=dt.date(2026, 10, 5))
    assert view.entries == []
    history = entry_history(actor=worker, worker=worker, event_id=original.pk)
    assert history.current is None
    assert len(history.versions) == 2
    assert WorkEvent.objects.filter(worker=worker).count() == 2


def test_events_are_never_changed_in_place(worker: User) -> None:
    [stored] = record(worker, event("work", "2026-10-05 08:00", "2026-10-05 18:00"))
    stored.kind = "rest"
    with pytest.raises(AppendOnlyError):
        stored.save()


def test_start_stops_what_runs_and_stop_ends_it(worker: User) -> None:
    terms_for(worker)
    now = timezone.now()
    work = services.timer_start(actor=worker, worker=worker, kind="work", now=now - dt.timedelta(hours=3))
    meal = services.timer_start(
        actor=worker, worker=worker, kind="meal_break", now=now - dt.timedelta(hours=1)
    )
    assert [e.pk for e in services.running_events(worker=worker)] == [meal.pk]
    stopped = services.timer_stop(actor=worker, worker=worker, now=now)
    assert len(stopped) == 1
    assert stopped[0].replaces == meal
    assert stopped[0].ends_at == now
    assert services.running_events(worker=worker) == []
    closed_work = WorkEvent.objects.get(replaces=work)
    assert closed_work.ends_at == now - dt.timedelta(hours=1)
    assert services.timer_stop(actor=worker, worker=worker, now=now) == []  # nothing running: nothing changes
    with pytest.raises(DomainError):
        services.timer_start(actor=worker, worker=worker, kind="day_off")


def test_a_day_off_covers_the_whole_workplace_day(worker: User) -> None:
    day_off = services.day_mark(
        actor=worker,
        worker=worker,
        kind="day_off",
        day=dt.date(2026, 10, 11),
        workplace_zone="Asia/Hong_Kong",
    )
    assert day_off.starts_at == at("2026-10-11 00:00")
    assert day_off.ends_at == at("2026-10-12 00:00")


def test_nobody_writes_in_another_workers_log(worker: User, personas: object) -> None:
    from tests.factories import WorkerFactory

    other = WorkerFactory()
    with pytest.raises(PermissionDenied):
        services.work_events_record(actor=other, worker=worker, events=[event("work", "2026-10-05 08:00")])
    staff = personas.employer  # type: ignore[attr-defined]
    with pytest.raises(PermissionDenied):
        services.work_events_record(actor=staff, worker=staff, events=[event("work", "2026-10-05 08:00")])
