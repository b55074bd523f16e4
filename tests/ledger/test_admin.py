"""The ledger in the admin: platform administrators read it; nobody adds, changes or deletes there."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mizan.privacy.ledger.services import checkpoint_create
from tests.ledger.helpers import append
from tests.personas import Personas
from tests.roles import client_for

pytestmark = pytest.mark.django_db


def test_the_admin_shows_entries_and_checkpoints_read_only(personas: Personas) -> None:
    append(2)
    checkpoint_create()
    client = client_for(personas.platform_admin)
    for model in ("ledgerentry", "checkpoint"):
        assert client.get(reverse(f"admin:ledger_{model}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:ledger_{model}_add")).status_code == 403
    page = client.get(reverse("admin:ledger_ledgerentry_change", args=[1]))
    assert page.status_code == 200
    assert b'name="kind"' not in page.content  # shown, not editable
    assert (
        client.post(reverse("admin:ledger_ledgerentry_delete", args=[1]), {"post": "yes"}).status_code == 403
    )
