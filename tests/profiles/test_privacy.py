"""The job profile in the worker's export, and gone (files crypto-shredded) after erasure."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage

from mizan.privacy import vault
from mizan.privacy.rights.export import export_for, export_json
from mizan.privacy.rights.services import legal_hold_place
from mizan.privacy.rights.services.erasure import worker_erase
from mizan.privacy.vault.errors import ErasedError
from mizan.privacy.vault.models import StoredFile
from mizan.profiles.models import Certificate, Preferences, Profile, ProfileLanguage, ProfileOccupation
from mizan.profiles.selectors import matching_records
from tests.factories import OrganisationFactory
from tests.profiles.helpers import PDF, WELDER, build_profile, upload_certificate

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_whole_profile(worker, common_taxonomy):
    build_profile(worker, common_taxonomy)
    upload_certificate(worker, number="NUM-123", issuer=OrganisationFactory(kind="authority"))
    section = export_json(export_for(actor=worker, worker=worker))["sections"]["profiles"]
    assert section["job_matching_on"] is True
    [work] = section["kinds_of_work"]
    assert (work["esco_code"], work["years_of_experience"], len(work["skills"])) == (WELDER, "4.0", 3)
    assert all(skill["esco_uri"].startswith("http") for skill in work["skills"])
    assert {item["code"] for item in section["languages"]} == {"ne", "en"}
    [certificate] = section["certificates"]
    assert (certificate["number"], certificate["status"]) == ("NUM-123", "unverified")
    assert certificate["download"].endswith("/download/")
    assert section["preferences"]["destinations"] == ["QA", "SA"]
    assert section["preferences"]["min_monthly_pay"] == "1200.00"


def test_erasure_removes_the_profile_and_shreds_certificate_files(worker, common_taxonomy):
    build_profile(worker, common_taxonomy)
    certificate = upload_certificate(worker)
    stored_id = certificate.file_id
    worker_erase(actor=worker, worker=worker)
    assert not Profile.objects.exists()
    assert not ProfileOccupation.objects.exists()
    assert not ProfileLanguage.objects.exists()
    assert not Certificate.objects.exists()
    assert not StoredFile.objects.filter(pk=stored_id).exists()
    assert list(matching_records()) == []


def test_a_legal_hold_on_documents_keeps_the_certificate_under_a_fresh_key(worker, common_taxonomy):
    build_profile(worker, common_taxonomy)
    certificate = upload_certificate(worker, number="HELD-1")
    old_file = certificate.file
    with default_storage.open(old_file.storage_name, "rb") as handle:
        old_blob = handle.read()
    legal_hold_place(
        actor=None, worker=worker, reason="records_duty", categories=["documents"], source_reference="case:1"
    )
    worker_erase(actor=worker, worker=worker)

    kept = Certificate.objects.select_related("file").get()
    assert vault.read_file(kept.file) == PDF
    assert kept.number == "HELD-1"
    assert kept.file_id != old_file.pk
    # The old bytes (say, in a backup) can no longer be opened: their key was destroyed.
    from mizan.privacy.vault import keys

    with pytest.raises(ErasedError):
        keys.unseal_for(worker.pk, old_blob, context=f"{old_file.context}#{old_file.id}")
    assert not ProfileOccupation.objects.exists()
    assert not Preferences.objects.exists()
