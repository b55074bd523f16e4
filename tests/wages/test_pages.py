"""The time-log pages: who may open them, Start/Stop and forms without JavaScript, problems in plain words."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from mizan.accounts.models import User
from mizan.wages.models import WorkEvent
from mizan.wages.services import events as services
from tests.personas import Personas
from tests.roles import assert_role_matrix, client_for, everyone
from tests.wages.helpers import at, event, record, terms_for

pytestmark = pytest.mark.django_db
WORKER_ONLY = everyone(403, anonymous=302, worker=200)


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("wages:today", ""),
        ("wages:add", ""),
        ("wages:day", "?date=2026-10-05"),
        ("wages:week", "?date=2026-10-05"),
        ("wages:pay", ""),
        ("wages:terms", ""),
        ("wages:statement", ""),
        ("wages:planner", ""),
        ("wages:evidence", ""),
        ("wages:sharing", ""),
    ],
)
def test_the_workers_pages_are_for_the_worker_only(personas: Personas, name: str, query: str) -> None:
    kwargs = {"period": "2026-10"} if name == "wages:statement" else {}
    assert_role_matrix(personas, reverse(name, kwargs=kwargs) + query, WORKER_ONLY)


def test_an_entry_of_another_worker_cannot_be_opened(personas: Personas) -> None:
    from tests.factories import WorkerFactory

    other = WorkerFactory()
    [stored] = record(other, event("work", "2026-10-05 08:00", "2026-10-05 18:00"))
    for name in ("wages:entry", "wages:change", "wages:delete"):
        url = reverse(name, kwargs={"event_id": stored.pk})
        assert_role_matrix(personas, url, everyone(403, anonymous=302, worker=404))


def test_the_public_pages_open_for_everyone(personas: Personas) -> None:
    for name in ("wages:offline", "wages:verify", "wages:sync_token"):
        assert_role_matrix(personas, reverse(name), everyone(200))


def test_start_and_stop_work_without_javascript(worker: User) -> None:
    terms_for(worker)
    client = client_for(worker)
    page = client.get(reverse("wages:today"))
    assert "Start: Work" in page.content.decode()
    assert client.post(reverse("wages:start"), {"kind": "work"}).status_code == 302
    page = client.get(reverse("wages:today")).content.decode()
    assert "Work since" in page
    config = json.loads(page.split('id="timelog-config" type="application/json">')[1].split("</script>")[0])
    assert config["zone"] == "Asia/Hong_Kong"
    assert config["running"][0]["kind"] == "work"
    assert client.post(reverse("wages:start"), {"kind": "meal_break"}).status_code == 302
    assert client.post(reverse("wages:stop")).status_code == 302
    assert services.running_events(worker=worker) == []
    assert WorkEvent.objects.filter(worker=worker).count() == 4  # start, stop work, start meal, stop meal
    assert client.post(reverse("wages:start"), {"kind": "nap"}).status_code == 400
    assert client.post(reverse("wages:mark_day"), {"kind": "sick_day"}).status_code == 302
    assert client.get(reverse("wages:start")).status_code == 405


def test_an_entry_written_after_the_fact_in_workplace_time_even_past_midnight(worker: User) -> None:
    terms_for(worker)
    client = client_for(worker)
    data = {"kind": "work", "day": "2026-10-05", "start": "20:00", "end": "01:30", "note": "party"}
    response = client.post(reverse("wages:add"), data)
    assert response.status_code == 302
    assert response["Location"].endswith("?date=2026-10-05")
    stored = WorkEvent.objects.get(worker=worker)
    assert (stored.starts_at, stored.ends_at) == (at("2026-10-05 20:00"), at("2026-10-06 01:30"))
    assert stored.note == "party"
    assert stored.source == "web"
    whole_day = client.post(reverse("wages:add"), {"kind": "day_off", "day": "2026-10-11"})
    assert whole_day.status_code == 302
    refused = client.post(reverse("wages:add"), {"kind": "work", "day": "2026-10-05", "start": "08:00"})
    assert refused.status_code == 400
    assert "Write both times" in refused.content.decode()


def test_the_day_shows_problems_in_plain_words(worker: User) -> None:
    terms_for(worker)
    record(
        worker,
        event(
            "work", "2026-10-05 08:00", "2026-10-05 20:00", time_zone="Asia/Manila", utc_offset_minutes=480
        ),
        event("standby", "2026-10-05 19:00", "2026-10-05 23:00", time_zone="Asia/Manila"),
        event("meal_break", "2026-10-05 12:00", "2026-10-05 12:30", time_zone="Asia/Manila"),
    )
    page = client_for(worker).get(reverse("wages:day"), {"date": "2026-10-05"}).content.decode()
    assert page.count("counted twice") == 2  # under each of the two overlapping entries
    assert page.count("Manila time, not Hong Kong time") == 1  # a harmless difference, said once


def test_a_future_entry_is_shown_with_why_it_is_not_counted(worker: User) -> None:
    terms_for(worker)
    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    services.work_events_record(
        actor=worker,
        worker=worker,
        events=[event("work", future.strftime("%Y-%m-%d 08:00"), future.strftime("%Y-%m-%d 10:00"))],
    )
    page = client_for(worker).get(reverse("wages:week"), {"date": future.date().isoformat()}).content.decode()
    assert "This entry is in the future" in page
    assert "not counted" in page


def test_the_week_totals_and_a_missing_weekly_rest(worker: User) -> None:
    terms_for(worker)
    record(worker, *[event("work", f"2026-10-{d:02d} 06:00", f"2026-10-{d:02d} 21:00") for d in range(5, 12)])
    page = client_for(worker).get(reverse("wages:week"), {"date": "2026-10-07"}).content.decode()
    assert "Work and stand-by: 105 h" in page
    assert "did not have a rest of 24 hours" in page


def test_changing_and_deleting_keep_the_history(worker: User) -> None:
    terms_for(worker)
    [stored] = record(worker, event("work", "2026-10-05 08:00", "2026-10-05 18:00"))
    client = client_for(worker)
    form = client.get(reverse("wages:change", kwargs={"event_id": stored.pk})).content.decode()
    assert 'value="08:00"' in form
    assert 'value="2026-10-05"' in form
    changed = client.post(
        reverse("wages:change", kwargs={"event_id": stored.pk}),
        {"kind": "work", "day": "2026-10-05", "start": "07:00", "end": "18:00"},
    )
    assert changed.status_code == 302
    again = client.get(reverse("wages:change", kwargs={"event_id": stored.pk}))
    assert again.status_code == 409  # the old version is not editable any more
    current = WorkEvent.objects.get(replaces=stored)
    assert client.post(reverse("wages:delete", kwargs={"event_id": current.pk})).status_code == 302
    history = client.get(reverse("wages:entry", kwargs={"event_id": stored.pk})).content.decode()
    assert history.count('class="entry"') == 3
    assert "Deleted" in history


def test_a_bad_date_is_a_400_page_that_says_why(worker: User) -> None:
    response = client_for(worker).get(reverse("wages:day"), {"date": "2026-02-30"})
    assert response.status_code == 400
    assert "This is not a date" in response.content.decode()


def test_the_service_worker_is_served_under_hours_with_the_real_file_names(client: object) -> None:
    from django.test import Client

    response = Client().get(reverse("wages:service_worker"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    text = response.content.decode()
    config = json.loads(text.split("\n", 1)[0].removeprefix("var CONFIG = ").removesuffix(";"))
    assert config["shell"] == "/hours/offline/"
    assert config["scope"] == "/hours/"
    assert "/static/wages/timelog.js" in config["assets"]
    assert len(config["version"]) == 16
    offline = Client().get(reverse("wages:offline")).content.decode()
    assert 'data-timelog="start"' in offline
    assert "Cleaning" not in offline
