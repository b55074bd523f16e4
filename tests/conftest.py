"""The test harness shared by every test: fast, isolated settings and one persona per role.

Settings are read by pytest-django before this file is imported, so the Makefile exports MIZAN_ENV=test;
``pytest`` run by hand without it gets the same test-mode overrides applied here.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("MIZAN_ENV", "test")  # for anything that reads it later (subprocesses, tools)

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))  # so tests import tests.factories, tests.personas …

import pytest  # noqa: E402
from django.test import Client  # noqa: E402

from mizan.accounts.models import User  # noqa: E402
from tests.personas import Personas  # noqa: E402
from tests.roles import client_for  # noqa: E402

pytest_plugins = ["tests.taxonomy_fixtures"]

_TEMP_DIRS: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings
    from django.contrib.auth.hashers import get_hashers, get_hashers_by_algorithm

    if getattr(settings, "MIZAN_ENV", "test") != "test":
        # Run without `make`: bring the settings that depend on MIZAN_ENV in line with test mode.
        settings.MIZAN_ENV = "test"
        settings.DEBUG = False
    # The manifest storage needs collectstatic; tests serve static files as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # WhiteNoise warns when STATIC_ROOT is missing; tests serve static files through the finders.
    static_root = tempfile.mkdtemp(prefix="mizan-static-")
    _TEMP_DIRS.append(static_root)
    settings.STATIC_ROOT = static_root
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_hashers.cache_clear()
    get_hashers_by_algorithm.cache_clear()
    # Each test process (each xdist worker) writes its outgoing messages to its own folder.
    outbox = tempfile.mkdtemp(prefix="mizan-outbox-")
    _TEMP_DIRS.append(outbox)
    settings.MIZAN_MESSAGE_GATEWAY = "file"
    settings.MIZAN_MESSAGE_OUTBOX = Path(outbox)


def pytest_unconfigure(config: pytest.Config) -> None:
    for directory in _TEMP_DIRS:
        shutil.rmtree(directory, ignore_errors=True)


# --- Personas: one person per role ------------------------------------------------------------------


@pytest.fixture
def personas(db: None) -> Personas:
    """The whole cast, made lazily: ``personas.inspector``, ``personas["caseworker"]``, ``personas.all()``."""
    return Personas()


@pytest.fixture
def worker(personas: Personas) -> User:
    return personas.worker


@pytest.fixture
def agency_admin(personas: Personas) -> User:
    return personas.agency_admin


@pytest.fixture
def recruiter(personas: Personas) -> User:
    return personas.recruiter


@pytest.fixture
def employer(personas: Personas) -> User:
    return personas.employer


@pytest.fixture
def inspector(personas: Personas) -> User:
    return personas.inspector


@pytest.fixture
def officer(personas: Personas) -> User:
    return personas.officer


@pytest.fixture
def caseworker(personas: Personas) -> User:
    return personas.caseworker


@pytest.fixture
def auditor(personas: Personas) -> User:
    return personas.auditor


@pytest.fixture
def outsider(personas: Personas) -> User:
    return personas.outsider


@pytest.fixture
def platform_admin(personas: Personas) -> User:
    return personas.platform_admin


@pytest.fixture
def client_as(personas: Personas) -> Callable[..., Client]:
    """``client_as("inspector")`` or ``client_as(user)``: a test client signed in (two-factor passed)."""

    def make(who: str | User | None, *, verified: bool = True) -> Client:
        user = personas[who] if isinstance(who, str) else who
        return client_for(user, verified=verified)

    return make


@pytest.fixture
def outbox() -> Path:
    """The folder the file message gateway writes to in this test process."""
    from django.conf import settings

    return Path(settings.MIZAN_MESSAGE_OUTBOX)
