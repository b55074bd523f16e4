"""POST/GET /api/v1/wages/events: idempotent sync for the phone, problems for everything refused."""

from __future__ import annotations

import dataclasses
import json
import uuid
from typing import Any

import pytest
from django.test import Client

from mizan.accounts.models import User
from mizan.wages.models import WorkEvent
from tests.personas import Personas
from tests.roles import assert_role_matrix, client_for, everyone
from tests.wages.helpers import at, event, payload, record

pytestmark = pytest.mark.django_db
URL = "/api/v1/wages/events"


def post(client: Client, events: list[Any], **headers: str) -> Any:
    return client.post(URL, json.dumps({"events": events}), content_type="application/json", headers=headers)


def test_sending_the_same_batch_twice_stores_each_event_once(worker: User) -> None:
    client = client_for(worker)
    started = event("work", "2026-10-05 08:00", utc_offset_minutes=480, time_zone="Asia/Manila")
    stopped = event("work", "2026-10-05 08:00", "2026-10-05 12:00", replaces=started.client_id)
    batch = [payload(started), payload(stopped)]
    first = post(client, batch)
    assert first.status_code == 200, first.content
    assert first.json()["created"] == 2
    again = post(client, batch)  # the phone lost the first answer and sends again
    assert again.status_code == 200
    body = again.json()
    assert (body["created"], body["existing"]) == (0, 2)
    assert [r["status"] for r in body["results"]] == ["existing", "existing"]
    assert body["results"][1]["event"]["replaces"] == str(started.client_id)
    assert WorkEvent.objects.filter(worker=worker).count() == 2


def test_a_client_id_with_other_content_is_a_409_problem_naming_it(worker: User) -> None:
    client = client_for(worker)
    item = event("work", "2026-10-05 08:00", "2026-10-05 18:00")
    assert post(client, [payload(item)]).status_code == 200
    changed = dataclasses.replace(item, ends_at=at("2026-10-05 20:00"))
    fresh = event("rest", "2026-10-05 20:00", "2026-10-05 22:00")
    response = post(client, [payload(fresh), payload(changed)])
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith("/client_id_conflict")
    assert problem["errors"][0]["loc"] == ["body", "events", 1, "client_id"]
    assert WorkEvent.objects.filter(worker=worker).count() == 1


def test_events_that_cannot_be_stored_are_a_422_problem_with_their_places(worker: User) -> None:
    client = client_for(worker)
    good = payload(event("work", "2026-10-05 08:00", "2026-10-05 18:00"))
    unknown = payload(event("work", "2026-10-06 08:00", replaces=uuid.uuid4()))
    response = post(client, [good, unknown])
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "events", 1, "replaces"]
    assert not WorkEvent.objects.filter(worker=worker).exists()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"starts_at": "2026-10-05T08:00:00"}, "starts_at"),  # no offset
        ({"kind": "nap"}, "kind"),
        ({"client_id": "not-a-uuid"}, "client_id"),
        ({"utc_offset_minutes": 900}, "utc_offset_minutes"),
        ({"note": "x" * 1001}, "note"),
    ],
)
def test_malformed_events_are_a_422(worker: User, change: dict[str, Any], where: str) -> None:
    item = {**payload(event("work", "2026-10-05 08:00")), **change}
    response = post(client_for(worker), [item])
    assert response.status_code == 422
    assert where in json.dumps(response.json()["errors"])


def test_an_empty_or_huge_batch_and_a_body_that_is_not_json_are_refused(worker: User) -> None:
    client = client_for(worker)
    assert post(client, []).status_code == 422
    many = [payload(event("work", "2026-10-05 08:00")) for _ in range(501)]
    assert post(client, many).status_code == 422
    broken = client.post(URL, "{not json", content_type="application/json")
    assert broken.status_code == 400
    assert broken.json()["type"].endswith("/malformed_body")


def test_the_session_needs_the_csrf_token_which_the_page_or_sync_token_gives(worker: User) -> None:
    client = client_for(worker, enforce_csrf_checks=True)
    item = [payload(event("work", "2026-10-05 08:00"))]
    refused = post(client, item)
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/csrf_failed")
    token = client.get("/hours/sync-token/").json()["token"]
    assert post(client, item, **{"X-CSRFToken": token}).status_code == 200


def test_get_events_pages_through_the_log_by_cursor(worker: User) -> None:
    record(
        worker,
        *[event("work", f"2026-10-{day:02d} 08:00", f"2026-10-{day:02d} 18:00") for day in range(1, 6)],
    )
    client = client_for(worker)
    first = client.get(URL, {"since": 0, "limit": 3}).json()
    assert [e["seq"] for e in first["events"]] == [1, 2, 3]
    assert first["has_more"]
    rest = client.get(URL, {"since": first["next_since"]}).json()
    assert [e["seq"] for e in rest["events"]] == [4, 5]
    assert not rest["has_more"]
    assert client.get(URL, {"since": -1}).status_code == 422


def test_only_the_worker_uses_the_sync_api(personas: Personas) -> None:
    assert_role_matrix(personas, URL, everyone(403, anonymous=401, worker=200))
    body = json.dumps({"events": [payload(event("work", "2026-10-05 08:00"))]})
    assert_role_matrix(
        personas,
        URL,
        everyone(403, anonymous=401, worker=200),
        method="post",
        data=body,
        content_type="application/json",
    )


def test_an_api_token_cannot_write_a_workers_log(personas: Personas) -> None:
    from mizan.api.services import api_token_create

    admin = personas.agency_admin
    organisation = admin.memberships.get().organisation
    _token, secret = api_token_create(
        actor=admin, organisation=organisation, name="sync", scopes=["read:organisation"], expires_at=None
    )
    response = Client().get(URL, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 403
