"""Fixtures for the Django side of compliance: the engine's offer corpus, authority people, proposals."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from mizan.accounts.models import Membership, Organisation, User
from mizan.compliance.packs import baseline_text
from tests.factories import MembershipFactory, OrganisationFactory, StaffUserFactory
from tests.personas import Personas, confirmed_totp_device

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = ROOT / "tests" / "compliance" / "cases"
EXAMPLES = ROOT / "examples" / "offers"


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    return cases


CASES = load_cases()
CASES_BY_NAME = {case["name"]: case for case in CASES}


def as_json(value: Any) -> Any:
    """A corpus offer as the JSON an API client sends (dates as ISO text)."""
    return json.loads(
        json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v))
    )


def authority_member(organisation: Organisation, role: str = Membership.Role.OFFICER, **fields: Any) -> User:
    user = StaffUserFactory(**fields)
    MembershipFactory(user=user, organisation=organisation, role=role)
    confirmed_totp_device(user)
    return user


@pytest.fixture
def authority(personas: Personas) -> Organisation:
    """The personas' authority (Nepal): the officer persona works there."""
    return personas.organisation(Organisation.Kind.AUTHORITY)


@pytest.fixture
def second_officer(authority: Organisation) -> User:
    return authority_member(authority, Membership.Role.ADMIN, display_name="Second Officer")


@pytest.fixture
def qatar_officers() -> tuple[User, User]:
    qatar = OrganisationFactory(kind=Organisation.Kind.AUTHORITY, country="QA", name="Qatar ministry")
    return authority_member(qatar), authority_member(qatar, Membership.Role.ADMIN)


def np_version(*, version: str, effective_from: str, cap: str, review_by: str = "2028-12-31") -> str:
    """A new version of the Nepal pack with another FVFT cap (the baseline's text, values replaced)."""
    text = baseline_text("NP", "2015.07")
    assert text is not None
    text = text.replace('version: "2015.07"', f'version: "{version}"')
    text = text.replace(
        "effective_from: 2015-07-17", f'effective_from: {effective_from}\nsupersedes: "2015.07"'
    )
    text = text.replace("review_by: 2027-06-30", f"review_by: {review_by}")
    assert 'amount: "10000"' in text
    return text.replace('amount: "10000"', f'amount: "{cap}"')


@pytest.fixture
def make_np_version() -> Callable[..., str]:
    return np_version
