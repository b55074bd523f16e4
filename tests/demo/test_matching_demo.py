"""The matching demo: the index built and one invitation from the himalaya agency, once."""

from __future__ import annotations

import pytest

from mizan.accounts.models import Organisation
from mizan.demo import data
from mizan.demo.matching import REASON, demo_matching_load
from mizan.demo.services import demo_load
from mizan.matching.models import Invitation, RankingLog
from tests.matching.helpers import reset_matching

pytestmark = pytest.mark.django_db


def _organisations() -> dict[str, Organisation]:
    return {spec.key: Organisation.objects.get(name=spec.name) for spec in data.ORGANISATIONS}


def test_demo_invites_one_synthetic_worker_once(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    reset_matching()
    assert demo_matching_load(organisations={}) == 0  # nothing to do without the demo organisations
    demo_load()  # runs every demo loader, matching's last
    organisations = _organisations()
    demo_matching_load(organisations=organisations)  # adds the invitation if the demo did not

    invitation = Invitation.objects.get()
    assert invitation.organisation == organisations["himalaya"]
    assert invitation.vacancy.posted_by == organisations["himalaya"]
    assert invitation.reason == REASON
    assert invitation.worker.phone in {w.phone for w in data.WORKERS} or invitation.worker.phone.startswith(
        "+447700900"
    )
    assert RankingLog.objects.filter(vacancy_id=invitation.vacancy_id).exists()
    assert demo_matching_load(organisations=organisations) == 0
    assert Invitation.objects.count() == 1
    reset_matching()
