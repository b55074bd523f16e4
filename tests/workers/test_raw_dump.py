"""A stolen database (the SQLite file's bytes, or `pg_dump` on PostgreSQL) shows no personal data in clear.

Workers are created with known passport numbers, birth dates, names, bank numbers and a narrative; the
whole database is then read as raw bytes and searched for each value in every common encoding. A marker
kept in clear on purpose (the person's display name) must be found, so the search is known to work.
"""

from __future__ import annotations

import base64
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from mizan.privacy import vault
from mizan.privacy.vault import crypto, keys
from mizan.privacy.vault.models import DataKey
from mizan.workers import services
from tests.factories import WorkerFactory

PG_DUMP = os.environ.get("MIZAN_PG_DUMP", "/usr/lib/postgresql/15/bin/pg_dump")
NARRATIVE = (
    "On 3 March my employer took my passport and locked me in the house in Al Rayyan. "
    "I was not paid for four months and the agent in Kathmandu said I must stay."
)
WORKERS = [
    {
        "marker": "Clear Marker Alpha 5521",
        "full_name": "Sita Kumari Rai",
        "date_of_birth": date(1994, 3, 14),
        "passport_number": "PA1234567",
        "national_id_number": "27-01-75-12345",
        "contact_email": "sita.rai.private@example.org",
        "bank_account_number": "0098123400017",
        "home_address": NARRATIVE,
    },
    {
        "marker": "Clear Marker Beta 8830",
        "full_name": "Mohammad Karim Uddin",
        "date_of_birth": date(1988, 11, 2),
        "passport_number": "BX7654321",
        "national_id_number": "19881126543210987",
        "contact_email": "karim.uddin.private@example.org",
        "bank_account_number": "2201995500442",
        "emergency_contact": "Rahima Begum, mother, lives in Sylhet",
    },
]


def _base64_forms(raw: bytes) -> Iterator[bytes]:
    """The value's base64 as it appears inside a longer base64 text, at each of the 3 alignments."""
    for offset in range(3):
        encoded = base64.b64encode(b"\x00" * offset + raw)
        start = (offset * 4 + 2) // 3 + 1
        middle = encoded[start : len(encoded) - 4]
        if len(middle) >= 8:
            yield middle


def encodings(value: str) -> dict[str, bytes]:
    raw = value.encode("utf-8")
    forms = {
        "utf-8": raw,
        "lower case": value.lower().encode(),
        "upper case": value.upper().encode(),
        "utf-16-le": value.encode("utf-16-le"),
        "utf-16-be": value.encode("utf-16-be"),
        "hex": raw.hex().encode(),
        "HEX": raw.hex().upper().encode(),
    }
    forms.update({f"base64 ({i})": form for i, form in enumerate(_base64_forms(raw))})
    return forms


def secrets_of(worker: dict[str, Any]) -> list[str]:
    values: list[str] = []
    for name, value in worker.items():
        if name == "marker":
            continue
        if isinstance(value, date):
            values += [value.isoformat(), value.strftime("%d/%m/%Y"), value.strftime("%Y%m%d")]
        else:
            values.append(value)
    return [*values, NARRATIVE[40:100]]  # a fragment of the narrative on its own


def find_in(dump: bytes, value: str) -> list[str]:
    return [name for name, form in encodings(value).items() if form in dump]


def sqlite_bytes(tmp_path: Path) -> bytes:
    """The database as bytes: the file (and its WAL) when on disk, and a page-for-page copy either way."""
    connection.ensure_connection()
    name = str(connection.settings_dict["NAME"])
    parts: list[bytes] = []
    if Path(name).is_file():
        for suffix in ("", "-wal"):
            if Path(name + suffix).exists():
                parts.append(Path(name + suffix).read_bytes())
    copy = tmp_path / "copy.sqlite3"
    target = sqlite3.connect(copy)
    connection.connection.backup(target)  # type: ignore[union-attr]
    target.close()
    parts.append(copy.read_bytes())
    parts.append("\n".join(connection.connection.iterdump()).encode())  # type: ignore[union-attr]
    return b"\n".join(parts)


def pg_dump_bytes() -> bytes:
    if not Path(PG_DUMP).exists() and not shutil.which("pg_dump"):
        pytest.fail(f"pg_dump not found at {PG_DUMP}: the PostgreSQL dump test cannot run")
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [PG_DUMP if Path(PG_DUMP).exists() else "pg_dump", "--no-owner", "--format=plain"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [flag, str(db[key])]
    command += ["--dbname", str(db["NAME"])]
    result = subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def make_workers(media_root: Path) -> list[Any]:
    people = []
    for data in WORKERS:
        worker = WorkerFactory(display_name=data["marker"])
        details = {name: value for name, value in data.items() if name != "marker"}
        services.personal_details_update(actor=worker, worker=worker, data=details)
        pdf = f"%PDF-1.4\n% statement: {NARRATIVE}\n%%EOF\n".encode()
        services.identity_document_add(
            actor=worker, worker=worker, file=SimpleUploadedFile("statement.pdf", pdf), kind="other"
        )
        people.append(worker)
    return people


def clear_data_keys() -> list[bytes]:
    ring = keys.keyring()
    return [
        crypto.unwrap_key(ring, bytes(row.wrapped), row.id, row.owner_id)
        for row in DataKey.objects.filter(shredded_at__isnull=True)
    ]


def assert_nothing_in_clear(dump: bytes, media_root: Path) -> None:
    for data in WORKERS:
        assert data["marker"].encode() in dump, "the dump does not hold the clear marker: is it the database?"
        for value in secrets_of(data):
            found = find_in(dump, value)
            assert not found, f"{value!r} is readable in the dump as {', '.join(found)}"
    for data_key in clear_data_keys():
        for form in (data_key, data_key.hex().encode(), *_base64_forms(data_key)):
            assert form not in dump, "a data key is stored unwrapped"
    stored = [path.read_bytes() for path in media_root.rglob("*") if path.is_file()]
    assert len(stored) == len(WORKERS)
    for content in stored:
        assert not find_in(content, NARRATIVE[:60])
        assert b"%PDF" not in content


@pytest.fixture
def workers(transactional_db: None, media_root: Path) -> list[Any]:
    return make_workers(media_root)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="this is the SQLite file test")
def test_the_sqlite_file_holds_no_personal_data_in_clear(
    workers: list[Any], media_root: Path, tmp_path: Path
) -> None:
    assert_nothing_in_clear(sqlite_bytes(tmp_path), media_root)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump runs only on PostgreSQL")
def test_pg_dump_holds_no_personal_data_in_clear(workers: list[Any], media_root: Path) -> None:
    assert_nothing_in_clear(pg_dump_bytes(), media_root)


def test_the_search_would_find_a_value_stored_in_clear(transactional_db: None, tmp_path: Path) -> None:
    """The check above can fail: a value kept in clear (a bytea on PostgreSQL, hex in the dump) is found."""
    DataKey.objects.create(owner=WorkerFactory(), master_key_id="k", wrapped=b"PA1234567 in clear")
    dump = sqlite_bytes(tmp_path) if connection.vendor == "sqlite" else pg_dump_bytes()
    assert find_in(dump, "PA1234567")


def test_after_erasure_the_values_are_gone_even_for_the_master_key_holder(
    workers: list[Any], media_root: Path, tmp_path: Path
) -> None:
    victim = workers[0]
    blob = bytes(victim.personal_details.passport_number_sealed)
    wrapped_before = bytes(DataKey.objects.get(owner=victim).wrapped)
    vault.shred(victim)
    keys.clear_key_cache()

    dump = sqlite_bytes(tmp_path) if connection.vendor == "sqlite" else pg_dump_bytes()
    for form in (wrapped_before, wrapped_before.hex().encode()):
        assert form not in dump, "the destroyed wrapped key is still in the database"
    # Whoever holds the master keys can unwrap every key left, and none opens the victim's data.
    for data_key in clear_data_keys():
        with pytest.raises(vault.VaultError):
            crypto.open_value(data_key, victim.id, "workers.passport_number", blob)
    details = victim.personal_details
    details.refresh_from_db()
    with pytest.raises(vault.ErasedError):
        _ = details.passport_number
    assert settings.MIZAN_VAULT_MASTER_KEYS  # the master keys were there all along
