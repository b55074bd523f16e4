"""Data-rights fixtures: private file storage, a fresh key cache, and a worker with data of every kind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mizan.accounts.models import User
from mizan.privacy.vault import keys
from mizan.workers import services as worker_services
from mizan.workers.models import IdentityDocument

PDF = b"%PDF-1.4\n% a test certificate\n%%EOF\n"
PASSPORT = "N7654321"
BIRTH = date(1991, 7, 23)
BANK_ACCOUNT = "0012-3344-5566"
ADDRESS = "Ward 9, Itahari, Sunsari"


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_key_cache() -> Iterator[None]:
    keys.clear_key_cache()
    yield
    keys.clear_key_cache()


def fill_details(worker: User, **overrides: Any) -> None:
    data = {
        "full_name": "Maya Gurung",
        "date_of_birth": BIRTH,
        "passport_number": PASSPORT,
        "home_address": ADDRESS,
        "bank_name": "Himalayan Bank",
        "bank_account_number": BANK_ACCOUNT,
        **overrides,
    }
    worker_services.personal_details_update(actor=worker, worker=worker, data=data)


def add_document(worker: User, *, data: bytes = PDF, name: str = "contract.pdf") -> IdentityDocument:
    return worker_services.identity_document_add(
        actor=worker, worker=worker, file=SimpleUploadedFile(name, data), kind="certificate"
    )


@pytest.fixture
def worker_with_data(worker: User) -> User:
    fill_details(worker)
    add_document(worker)
    return worker


@pytest.fixture
def hold_on() -> Callable[..., Any]:
    """``hold_on(worker, ["contract_terms"], until=None, reason="records_duty")``: a legal hold by the
    platform admin of the personas."""
    from mizan.privacy.rights.services import legal_hold_place

    def place(worker: User, categories: list[str], *, actor: User | None = None, **kwargs: Any) -> Any:
        kwargs.setdefault("reason", "records_duty")
        kwargs.setdefault("source_reference", "contract:4f1c2a")
        return legal_hold_place(actor=actor, worker=worker, categories=categories, **kwargs)

    return place
