"""Erasure: the worker's sealed data are unrecoverable (even with the master keys), the phone is gone, the
ledger still verifies, and legal holds keep exactly their categories and say so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.db import connection

from mizan.accounts import services as account_services
from mizan.accounts.models import OneTimeCode, TrustedDevice, User
from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy import vault
from mizan.privacy.consent import selectors as consent_selectors
from mizan.privacy.consent.models import AccessRecord, Consent
from mizan.privacy.ledger.models import LedgerEntry
from mizan.privacy.ledger.verify import verify_ledger
from mizan.privacy.rights import services
from mizan.privacy.rights.models import CorrectionRequest, Erasure, LegalHold
from mizan.privacy.rights.services.erasure import AlreadyErased, tombstone_email
from mizan.privacy.vault import crypto, keys
from mizan.privacy.vault.errors import ErasedError, VaultError
from mizan.privacy.vault.models import DataKey, StoredFile
from mizan.workers.models import IdentityDocument, PersonalDetails
from tests.consent.helpers import give, read
from tests.factories import WorkerFactory
from tests.rights.conftest import ADDRESS, BANK_ACCOUNT, PASSPORT, fill_details

pytestmark = pytest.mark.django_db

SEALED = {
    "passport_number": "workers.passport_number",
    "date_of_birth": "workers.date_of_birth",
    "home_address": "workers.home_address",
    "bank_account_number": "workers.bank_account_number",
    "full_name": "workers.full_name",
}


def raw_blobs(worker: User) -> dict[str, bytes]:
    """The sealed bytes as a thief with the database would have them."""
    details = PersonalDetails.objects.get(worker=worker)
    blobs = {name: bytes(getattr(details, f"{name}_sealed")) for name in SEALED}
    request = CorrectionRequest.objects.filter(worker=worker).first()
    if request is not None:
        blobs["correction"] = bytes(request.what_is_wrong_sealed)
    return blobs


def context_of(name: str) -> str:
    return SEALED.get(name, "rights.correction_what_is_wrong")


def stored_file_bytes(worker: User) -> list[tuple[StoredFile, bytes]]:
    files = StoredFile.objects.filter(owner=worker)
    return [(f, default_storage.open(f.storage_name, "rb").read()) for f in files]


def assert_unrecoverable(worker: User, blobs: dict[str, bytes]) -> None:
    keys.clear_key_cache()  # as a fresh process would: nothing left in memory
    for name, blob in blobs.items():
        with pytest.raises(ErasedError):
            vault.unseal(worker, blob, context=context_of(name))
    # Even with the master keys: every data key that still exists is tried, and none opens them.
    ring = keys.keyring()
    candidates = [
        crypto.unwrap_key(ring, bytes(row.wrapped), row.id, row.owner_id)
        for row in DataKey.objects.exclude(wrapped=None)
    ]
    for name, blob in blobs.items():
        for data_key in candidates:
            with pytest.raises(VaultError):
                crypto.open_value(data_key, worker.id, context_of(name), blob)


def test_after_erasure_the_sealed_values_cannot_be_read_even_with_the_master_key(
    worker_with_data: User, django_capture_on_commit_callbacks: Any
) -> None:
    worker = worker_with_data
    services.correction_request_create(actor=worker, item="other", what_is_wrong=f"My passport is {PASSPORT}")
    bystander = WorkerFactory()
    fill_details(bystander, passport_number="B1111111")
    blobs = raw_blobs(worker)
    files = stored_file_bytes(worker)
    assert files

    with django_capture_on_commit_callbacks(execute=True):
        services.worker_erase(actor=worker, worker=worker)

    assert_unrecoverable(worker, blobs)
    for stored, blob in files:
        with pytest.raises(ErasedError):
            keys.unseal_for(worker.id, blob, context=f"{stored.context}#{stored.id}")
        assert not default_storage.exists(stored.storage_name)  # the sealed bytes are deleted too
    assert not PersonalDetails.objects.filter(worker=worker).exists()
    assert not IdentityDocument.objects.filter(worker=worker).exists()
    assert not CorrectionRequest.objects.filter(worker=worker).exists()
    assert PersonalDetails.objects.get(worker=bystander).passport_number == "B1111111"  # others untouched


def test_erasure_removes_the_phone_and_signs_the_worker_out_everywhere(worker_with_data: User) -> None:
    worker = worker_with_data
    phone = worker.phone
    account_services.pin_set(actor=worker, pin="4826", pin_again="4826")
    OneTimeCode.objects.create(phone=phone, code_hash="x" * 64, expires_at=worker.date_joined)
    hash_before = worker.get_session_auth_hash()

    services.worker_erase(actor=worker, worker=worker)

    worker.refresh_from_db()
    assert worker.phone is None
    assert worker.display_name == ""
    assert worker.email == tombstone_email(worker)
    assert worker.email.endswith("@erased.invalid")
    assert not worker.is_active
    assert not worker.has_usable_password()
    assert worker.pin_hash == ""
    assert worker.get_session_auth_hash() != hash_before
    assert not User.objects.filter(phone=phone).exists()
    assert not OneTimeCode.objects.filter(phone=phone).exists()
    assert not TrustedDevice.objects.filter(user=worker).exists()


def test_erasure_stops_every_consent_and_keeps_access_records_and_the_ledger_intact(
    worker_with_data: User, personas: Any
) -> None:
    worker = worker_with_data
    give(worker)
    read(personas.recruiter, worker)
    entries_before = LedgerEntry.objects.count()

    erasure = services.worker_erase(actor=worker, worker=worker)

    assert not Consent.objects.filter(worker=worker, withdrawn_at__isnull=True).exists()
    assert AccessRecord.objects.filter(worker=worker).count() == 1  # kept: it records what others did
    entry = LedgerEntry.objects.get(subject=f"erasure:{erasure.id}")
    assert entry.kind == "erasure.done"
    assert entry.data["complete"] is True
    assert entry.data["worker"] == str(worker.id)
    assert worker_with_data.phone is None or worker_with_data.phone not in entry.data_json
    assert LedgerEntry.objects.count() == entries_before + 2  # consent.withdrawn + erasure.done
    assert verify_ledger().intact
    assert not consent_selectors.processing_allowed(worker=worker, purpose="job_matching")


def test_a_legal_hold_keeps_exactly_its_categories_and_the_rest_is_erased(
    worker_with_data: User, hold_on: Any
) -> None:
    worker = worker_with_data
    phone = worker.phone
    hold_on(worker, ["bank", "documents"], reason="legal_claim", source_reference="case:77aa")
    blobs = raw_blobs(worker)

    erasure = services.worker_erase(actor=worker, worker=worker)

    assert erasure.status == Erasure.Status.HELD
    assert erasure.categories_held == ["bank", "documents"]
    keys.clear_key_cache()
    details = PersonalDetails.objects.get(worker=worker)
    assert details.bank_account_number == BANK_ACCOUNT  # held: sealed again under a fresh key
    assert details.bank_name == "Himalayan Bank"
    assert details.passport_number == ""  # not held: gone
    assert details.home_address == ""
    assert details.date_of_birth is None
    assert details.full_name == ""
    document = IdentityDocument.objects.select_related("file").get(worker=worker)
    assert vault.read_file(document.file).startswith(b"%PDF")
    # The old blobs, held ones included, are unreadable: the old key is gone.
    assert_unrecoverable(worker, blobs)
    worker.refresh_from_db()
    assert worker.phone is None  # contact is not held: the sign-in phone is not kept anywhere
    assert erasure.held_account == ""
    assert phone not in LedgerEntry.objects.get(subject=f"erasure:{erasure.id}").data_json


def test_a_hold_on_contact_keeps_the_phone_sealed_but_never_on_the_account(
    worker_with_data: User, hold_on: Any
) -> None:
    worker = worker_with_data
    phone = worker.phone
    hold_on(worker, ["contact"], reason="open_case", source_reference="case:9")
    erasure = services.worker_erase(actor=worker, worker=worker)
    worker.refresh_from_db()
    assert worker.phone is None
    erasure.refresh_from_db()
    assert phone in erasure.held_account
    assert phone.encode() not in bytes(erasure.held_account_sealed)
    assert PersonalDetails.objects.get(worker=worker).home_address == ADDRESS


def test_releasing_the_hold_finishes_the_erasure(worker_with_data: User, hold_on: Any) -> None:
    worker = worker_with_data
    hold = hold_on(worker, ["bank", "documents"])
    services.worker_erase(actor=worker, worker=worker)
    details_blob = bytes(PersonalDetails.objects.get(worker=worker).bank_account_number_sealed)
    file_count = StoredFile.objects.filter(owner=worker).count()
    assert file_count == 1

    services.legal_hold_release(actor=None, hold=hold)

    erasure = Erasure.objects.get(worker=worker)
    assert erasure.status == Erasure.Status.DONE
    assert erasure.done_at is not None
    assert erasure.categories_held == []
    assert not PersonalDetails.objects.filter(worker=worker).exists()
    assert not IdentityDocument.objects.filter(worker=worker).exists()
    keys.clear_key_cache()
    with pytest.raises(ErasedError):
        vault.unseal(worker, details_blob, context="workers.bank_account_number")
    kinds = list(LedgerEntry.objects.filter(subject__startswith="erasure:").values_list("kind", flat=True))
    assert kinds == ["erasure.done", "erasure.updated"]
    assert verify_ledger().intact


def test_the_worker_is_told_what_is_kept_and_why(
    worker_with_data: User, hold_on: Any, client_as: Any
) -> None:
    from datetime import date

    hold_on(worker_with_data, ["contract_terms"], until=date(2099, 5, 3))
    page = client_as(worker_with_data).get("/my-data/erase/")
    text = page.content.decode()
    assert "We must keep your work contract until" in text
    assert "2099" in text
    assert "records of work contracts, hours and pay must be kept" in text


def test_erasing_twice_or_someone_else_is_refused(worker: User, personas: Any) -> None:
    other = WorkerFactory()
    with pytest.raises(PermissionDenied):
        services.worker_erase(actor=worker, worker=other)
    with pytest.raises(PermissionDenied):
        services.worker_erase(actor=personas.agency_admin, worker=worker)
    with pytest.raises(DomainError) as caught:
        services.worker_erase(actor=personas.platform_admin, worker=worker)
    assert caught.value.code == "reference_needed"
    with pytest.raises(DomainError) as caught:
        services.worker_erase(actor=personas.platform_admin, worker=personas.recruiter, reference="REQ-1")
    assert caught.value.code == "not_a_worker"
    services.worker_erase(actor=personas.platform_admin, worker=worker, reference="HELPDESK-2025-117")
    assert Erasure.objects.get(worker=worker).by == Erasure.By.STAFF
    with pytest.raises(AlreadyErased):
        services.worker_erase(actor=personas.platform_admin, worker=worker, reference="HELPDESK-2025-117")


def test_an_erased_account_cannot_get_a_new_hold(worker: User, hold_on: Any) -> None:
    services.worker_erase(actor=worker, worker=worker)
    with pytest.raises(DomainError) as caught:
        hold_on(worker, ["bank"])
    assert caught.value.code == "already_erased"
    assert not LegalHold.objects.exists()


def test_signing_in_again_with_the_same_phone_makes_a_fresh_empty_account(worker_with_data: User) -> None:
    worker = worker_with_data
    phone = worker.phone
    services.worker_erase(actor=worker, worker=worker)
    fresh, _created = User.objects.get_or_create(phone=phone, defaults={"kind": User.Kind.WORKER})
    assert fresh.pk != worker.pk
    assert not PersonalDetails.objects.filter(worker=fresh).exists()


@pytest.mark.django_db(transaction=True)
def test_the_phone_number_is_not_left_in_a_raw_database_dump(tmp_path: Path) -> None:
    from tests.workers.test_raw_dump import find_in, pg_dump_bytes, sqlite_bytes

    worker = WorkerFactory(phone="+9779812399911", display_name="Erase Marker Gamma")
    keeper = WorkerFactory(phone="+9779812399922", display_name="Keep Marker Delta")
    fill_details(worker, passport_number="QZ9988776")
    services.worker_erase(actor=worker, worker=worker)
    dump = sqlite_bytes(tmp_path) if connection.vendor == "sqlite" else pg_dump_bytes()
    assert find_in(dump, keeper.phone), "the search must find a phone kept in clear"
    assert find_in(dump, "Keep Marker Delta")
    assert not find_in(dump, "+9779812399911")
    assert not find_in(dump, "Erase Marker Gamma")
    assert not find_in(dump, "QZ9988776")
