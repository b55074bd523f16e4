"""A notice cannot change without a new version: consents count only for the text the worker agreed to."""

from __future__ import annotations

import dataclasses
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mizan.privacy.consent import notices, purposes
from mizan.privacy.consent.purposes import PURPOSES


def test_every_notice_matches_the_version_recorded_for_its_text():
    assert notices.unbumped() == [], "bump notice_version, then run `mizan notice_hashes --write`"
    assert notices.unrecorded() == [], "run `mizan notice_hashes --write` and commit notice_hashes.json"


def test_the_fingerprint_follows_the_english_text_whatever_language_is_active():
    purpose = PURPOSES["job_matching"]
    with translation.override("ar"):
        in_arabic = purpose.notice_fingerprint()
    assert in_arabic == purpose.notice_fingerprint()


@pytest.mark.parametrize(
    "change",
    [
        {"what": _("Recruiters can see everything about you.")},
        {"kept_for": _("Forever.")},
        {"categories": frozenset({"skills_experience", "preferences", "contact"})},
        {"readers": purposes._readers({"agency": {"viewer"}})},
    ],
    ids=["text", "retention", "categories", "readers"],
)
def test_a_changed_notice_without_a_new_version_is_caught(change, monkeypatch, tmp_path):
    recorded = tmp_path / "hashes.json"
    notices.write(recorded)
    changed = dataclasses.replace(PURPOSES["job_matching"], **change)
    monkeypatch.setitem(purposes._BY_CODE, "job_matching", changed)

    problems = notices.unbumped(recorded)
    assert len(problems) == 1
    assert problems[0].startswith("job_matching: the notice changed but notice_version is still 1")

    monkeypatch.setitem(purposes._BY_CODE, "job_matching", dataclasses.replace(changed, notice_version=2))
    assert notices.unbumped(recorded) == []
    assert notices.unrecorded(recorded) == [
        "job_matching: version 2 is not recorded (run `mizan notice_hashes --write`)"
    ]


def test_a_version_may_not_go_down(monkeypatch, tmp_path):
    recorded = tmp_path / "hashes.json"
    notices.write(recorded)
    data = json.loads(recorded.read_text())
    data["account"]["version"] = 3
    recorded.write_text(json.dumps(data))
    assert notices.unbumped(recorded) == ["account: notice_version went down from 3 to 1"]


def test_the_command_refuses_to_record_a_changed_notice_without_a_new_version(monkeypatch, tmp_path):
    recorded = tmp_path / "hashes.json"
    notices.write(recorded)
    monkeypatch.setattr(notices, "HASH_FILE", recorded)
    call_command("notice_hashes")  # in step

    changed = dataclasses.replace(PURPOSES["statistics"], why=_("Because."))
    monkeypatch.setitem(purposes._BY_CODE, "statistics", changed)
    before = recorded.read_text()
    with pytest.raises(CommandError, match="statistics: the notice changed"):
        call_command("notice_hashes", "--write")
    assert recorded.read_text() == before

    monkeypatch.setitem(purposes._BY_CODE, "statistics", dataclasses.replace(changed, notice_version=2))
    with pytest.raises(CommandError, match="statistics: version 2 is not recorded"):
        call_command("notice_hashes")
    call_command("notice_hashes", "--write")
    assert json.loads(recorded.read_text())["statistics"]["version"] == 2
    call_command("notice_hashes")
