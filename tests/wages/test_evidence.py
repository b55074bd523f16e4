"""Proof of a period: the file's hash is in the ledger; a changed byte is found; anyone can check it."""

from __future__ import annotations

import hashlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from mizan.accounts.models import User
from mizan.privacy.ledger.models import LedgerEntry
from mizan.privacy.ledger.services import checkpoint_create
from mizan.wages.models import Evidence
from mizan.wages.periods import Period, parse_period
from mizan.wages.services import events as services
from mizan.wages.services.events import EntryFields
from mizan.wages.services.evidence import evidence_export, verify_evidence
from tests.personas import Personas
from tests.roles import assert_role_matrix, client_for, everyone
from tests.wages.helpers import at, event, record, terms_for

pytestmark = pytest.mark.django_db


def october() -> Period:
    period = parse_period("2026-10")
    assert period is not None
    return period


def exported(worker: User) -> tuple[Evidence, bytes]:
    terms_for(worker)
    [first] = record(worker, event("work", "2026-10-05 08:00", "2026-10-05 20:00", note="cooking"))
    services.entry_change(
        actor=worker, worker=worker, event_id=first.pk,
        entry=EntryFields(kind="work", starts_at=at("2026-10-05 07:00"), ends_at=at("2026-10-05 20:00")),
    )  # fmt: skip
    record(worker, event("standby", "2026-10-06 20:00", "2026-10-06 23:00"))
    evidence = evidence_export(actor=worker, worker=worker, period=october(), language="en")
    content = (
        client_for(worker).get(reverse("wages:evidence_file", kwargs={"evidence_id": evidence.pk})).content
    )
    return evidence, content


def test_the_file_hash_is_written_to_the_ledger_and_the_file_holds_every_version(worker: User) -> None:
    evidence, content = exported(worker)
    assert hashlib.sha256(content).hexdigest() == evidence.document_hash
    entry = LedgerEntry.objects.get(seq=evidence.ledger_seq)
    assert entry.kind == "wages.evidence"
    assert entry.subject == f"work_evidence:{evidence.document_hash}"
    assert "cooking" not in entry.data_json
    document = json.loads(content)
    assert document["format"] == "mizan-work-evidence/1"
    assert len(document["entries"]) == 2
    assert len(document["events"]) == 3  # the edit's earlier version is in the file
    assert document["statement"]["totals"]["currency"] == "HKD"
    assert document["entries"][0]["note"] == ""  # the edit left no note; the ledger never sees notes


def test_an_unchanged_file_verifies_and_a_changed_byte_does_not(worker: User) -> None:
    evidence, content = exported(worker)
    checkpoint_create()
    result = verify_evidence(content)
    assert result.ok
    assert result.status == "unchanged"
    assert result.entry is not None
    assert result.entry.seq == evidence.ledger_seq
    assert result.reference is not None
    assert result.reference.status == "included"
    tampered = content.replace(b'"work"', b'"rest"', 1)
    assert len(tampered) == len(content)
    assert tampered != content
    assert verify_evidence(tampered).status == "not_found"
    flipped = bytearray(content)
    flipped[len(flipped) // 2] ^= 1
    assert verify_evidence(bytes(flipped)).status in ("not_found", "unreadable")


def test_the_same_content_saved_with_other_spaces_is_recognised(worker: User) -> None:
    _evidence, content = exported(worker)
    pretty = json.dumps(json.loads(content), indent=2, ensure_ascii=False).encode()
    result = verify_evidence(pretty)
    assert result.status == "layout_changed"
    assert result.ok


def test_other_files_are_not_proofs(worker: User) -> None:
    assert verify_evidence(b"hello").status == "unreadable"
    assert verify_evidence(b'{"format": "mizan-work-evidence/1"}').status == "not_found"


def test_anyone_checks_a_file_on_the_public_page(worker: User) -> None:
    _evidence, content = exported(worker)
    client = Client()
    ok = client.post(reverse("wages:verify"), {"file": SimpleUploadedFile("proof.json", content)})
    assert ok.status_code == 200
    assert "The file is unchanged." in ok.content.decode()
    changed = client.post(
        reverse("wages:verify"),
        {"file": SimpleUploadedFile("proof.json", content.replace(b"standby", b"rest", 1))},
    )
    assert "changed, or it was never made by Mizan" in changed.content.decode()
    other = client.post(reverse("wages:verify"), {"file": SimpleUploadedFile("notes.txt", b"just text")})
    assert "not a Mizan proof file" in other.content.decode()
    missing = client.post(reverse("wages:verify"), {})
    assert missing.status_code == 400


def test_the_command_exits_by_what_it_finds(worker: User, tmp_path: Path) -> None:
    _evidence, content = exported(worker)
    good = tmp_path / "proof.json"
    good.write_bytes(content)
    out = StringIO()
    call_command("verify_evidence", str(good), stdout=out)
    assert out.getvalue().startswith("UNCHANGED")
    bad = tmp_path / "changed.json"
    bad.write_bytes(content.replace(b"standby", b"work\x00\x00\x00", 1))
    with pytest.raises(CommandError) as caught:
        call_command("verify_evidence", str(bad))
    assert caught.value.returncode in (1, 2)
    with pytest.raises(CommandError) as missing:
        call_command("verify_evidence", str(tmp_path / "nothing.json"))
    assert missing.value.returncode == 2


def test_a_proof_is_the_workers_own(personas: Personas) -> None:
    evidence, _content = exported(personas.worker)
    for name in ("wages:evidence_detail", "wages:evidence_file"):
        url = reverse(name, kwargs={"evidence_id": evidence.pk})
        assert_role_matrix(personas, url, everyone(403, anonymous=302, worker=200))
    from tests.factories import WorkerFactory

    other = client_for(WorkerFactory())
    assert other.get(reverse("wages:evidence_file", kwargs={"evidence_id": evidence.pk})).status_code == 404


def test_making_a_proof_from_the_page(worker: User) -> None:
    terms_for(worker)
    record(worker, event("work", "2026-10-05 08:00", "2026-10-05 20:00"))
    client = client_for(worker)
    response = client.post(reverse("wages:evidence"), {"period": "2026-10"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    evidence = Evidence.objects.get(worker=worker)
    assert evidence.document_hash in page
    assert f"entry number {evidence.ledger_seq}" in page
    assert client.post(reverse("wages:evidence"), {"period": "2026-13"}).status_code == 400
