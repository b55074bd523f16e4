"""Workers test fixtures: files go to a private folder per test; documents made on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mizan.accounts.models import User
from mizan.workers import services
from mizan.workers.models import IdentityDocument

PDF = b"%PDF-1.4\n% a small test certificate\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def media_root(_media_root: Path) -> Path:
    return _media_root


@pytest.fixture
def add_document() -> Callable[..., IdentityDocument]:
    def add(
        worker: User, *, kind: str = "certificate", data: bytes = PDF, name: str = "certificate.pdf"
    ) -> IdentityDocument:
        return services.identity_document_add(
            actor=worker, worker=worker, file=SimpleUploadedFile(name, data), kind=kind
        )

    return add
