from __future__ import annotations

import pytest

from mizan.accounts.models import Organisation
from tests.personas import Personas


@pytest.fixture
def authority(personas: Personas) -> Organisation:
    """The personas' authority (Nepal), where the officer and the inspector work."""
    personas.officer  # noqa: B018 - makes the officer (and so the authority) exist
    return personas.organisation(Organisation.Kind.AUTHORITY)


@pytest.fixture
def auditor_org(personas: Personas) -> Organisation:
    personas.auditor  # noqa: B018
    return personas.organisation(Organisation.Kind.AUDITOR)
