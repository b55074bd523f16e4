"""The purpose registry: complete, consistent, and the source of the permission actions."""

from __future__ import annotations

import pytest

from mizan.accounts.permissions import ACTIONS
from mizan.privacy.consent.permissions import ASSIST
from mizan.privacy.consent.purposes import CATEGORIES, PURPOSES, LegalBasis, consent_purposes

EXPECTED = {
    "account", "job_matching", "recruitment", "contract", "case_handling", "legal_obligation",
    "emergency", "statistics", "equality_monitoring",
}  # fmt: skip


def test_the_registry_has_the_purposes_of_the_privacy_notice():
    assert set(PURPOSES) == EXPECTED


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_purpose_is_complete(code):
    purpose = PURPOSES[code]
    assert purpose.notice_version >= 1
    assert purpose.categories <= CATEGORIES.keys()
    for text in (
        purpose.title,
        purpose.what,
        purpose.why,
        purpose.reason,
        purpose.kept_for,
        purpose.can_say_no,
    ):
        assert str(text).strip()
    assert purpose.retention
    assert ACTIONS[purpose.action] == dict(purpose.readers)


def test_only_consent_purposes_need_consent_and_recruitment_and_cases_are_bound_to_one_organisation():
    assert {p.code for p in consent_purposes()} == {
        "job_matching", "recruitment", "case_handling", "equality_monitoring"
    }  # fmt: skip
    assert {p.code for p in consent_purposes(organisation_bound=True)} == {"recruitment", "case_handling"}
    assert PURPOSES["account"].legal_basis == LegalBasis.CONTRACT
    assert PURPOSES["contract"].organisation_bound
    assert not PURPOSES["contract"].needs_consent


def test_nobody_may_read_one_workers_data_for_counts():
    for code in ("statistics", "equality_monitoring"):
        assert not PURPOSES[code].readable
        assert not ACTIONS[PURPOSES[code].action]


def test_job_matching_never_shows_who_the_worker_is():
    assert not PURPOSES["job_matching"].categories & {"identity", "contact", "date_of_birth", "equality_data"}


def test_helpdesk_assistance_is_a_registered_permission():
    assert ASSIST in ACTIONS
