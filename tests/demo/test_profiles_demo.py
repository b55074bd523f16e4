"""The profiles demo: six corridor profiles and 200 synthetic ones, five plus most synthetic ones allowing
job matching, one confirmed certificate; nothing added on a second run; skipped without occupations."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from mizan.accounts.models import Organisation, User
from mizan.demo import data
from mizan.demo.profiles import SYNTHETIC_COUNT, demo_profiles_load
from mizan.demo.services import demo_load
from mizan.demo.taxonomy import demo_taxonomy_load
from mizan.profiles.models import Certificate, Profile, ProfileOccupation
from mizan.profiles.selectors import matching_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(settings: Any, tmp_path: Path) -> dict[str, Organisation]:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    demo_load(with_apps=False)  # the base demo: organisations, staff, the six workers
    by_name = {organisation.name: organisation for organisation in Organisation.objects.all()}
    return {spec.key: by_name[spec.name] for spec in data.ORGANISATIONS}


def test_without_the_taxonomy_it_adds_nothing_and_says_why(organisations, caplog):
    with caplog.at_level(logging.WARNING):
        assert demo_profiles_load(organisations=organisations) == 0
    assert "run the taxonomy demo first" in caplog.text
    assert not Profile.objects.exists()


def test_the_demo_profiles_load_once(organisations):
    demo_taxonomy_load(organisations=organisations)
    added = demo_profiles_load(organisations=organisations)
    assert added > SYNTHETIC_COUNT * 2
    assert Profile.objects.count() == 6 + SYNTHETIC_COUNT
    assert demo_profiles_load(organisations=organisations) == 0
    assert Profile.objects.count() == 6 + SYNTHETIC_COUNT

    demo_workers = {
        worker.phone: worker for worker in User.objects.filter(phone__in=[w.phone for w in data.WORKERS])
    }
    codes = {
        phone: set(
            ProfileOccupation.objects.filter(profile__worker=worker).values_list(
                "occupation__code", flat=True
            )
        )
        for phone, worker in demo_workers.items()
    }
    assert codes[data.WORKERS[0].phone] == {"7212.3", "7214.3"}  # Nepal: welder and steel fixer
    assert "9111.1" in codes[data.WORKERS[1].phone]  # the Philippines: domestic helper
    assert codes[data.WORKERS[5].phone] == {"9329.1"}  # Myanmar: factory worker

    facts = {record.worker_id: record for record in matching_records()}
    matching_demo = [worker for worker in demo_workers.values() if worker.pk in facts]
    assert len(matching_demo) == 5
    assert demo_workers[data.WORKERS[5].phone].pk not in facts
    assert len(facts) >= 5 + SYNTHETIC_COUNT * 8 // 10
    assert facts[demo_workers[data.WORKERS[0].phone].pk].verified_certificates == 1
    assert Certificate.objects.get().status == "verified"
    synthetic = User.objects.filter(phone__startswith="+447700900")
    assert synthetic.count() == SYNTHETIC_COUNT
    assert all("Synthetic demo worker" in name for name in synthetic.values_list("display_name", flat=True))
    assert len({tuple(sorted(record.skills)) for record in facts.values()}) > 150  # varied profiles
