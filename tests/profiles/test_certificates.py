"""Certificates: the scan and the number are sealed; the issuer confirms what the worker asked, seeing only
the certificate, and only staff of that organisation may."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.privacy import vault
from mizan.privacy.ledger.models import LedgerEntry
from mizan.profiles import selectors, services
from mizan.profiles.models import Certificate, VerificationRequest
from mizan.profiles.selectors import matching_records
from mizan.profiles.validation import ProfileInputError
from tests.factories import MembershipFactory, OrganisationFactory, StaffUserFactory, WorkerFactory
from tests.profiles.helpers import build_profile, upload_certificate

pytestmark = pytest.mark.django_db

SECRET_NUMBER = "NPL-WELD-778899"


def _issuer(role: str = "officer", kind: str = "authority"):
    organisation = OrganisationFactory(kind=kind, name="Skills Testing Board")
    staff = MembershipFactory(organisation=organisation, role=role).user
    return organisation, staff


def test_the_scan_and_the_number_are_sealed_in_the_database(worker):
    marker = b"%PDF-1.4\n% SEALED-CERTIFICATE-MARKER-4417\n%%EOF\n"
    certificate = upload_certificate(worker, number=SECRET_NUMBER, data=marker)
    stored = certificate.file
    with default_storage.open(stored.storage_name, "rb") as handle:
        assert b"SEALED-CERTIFICATE-MARKER" not in handle.read()
    assert vault.read_file(stored) == marker
    raw = Certificate.objects.filter(pk=certificate.pk).values_list("number_sealed", flat=True).get()
    assert raw
    assert SECRET_NUMBER.encode() not in bytes(raw)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM profiles_certificate")
        assert SECRET_NUMBER not in repr(cursor.fetchall())
    assert Certificate.objects.get().number == SECRET_NUMBER


def test_a_certificate_needs_a_title_an_issuer_and_a_real_file(worker):
    with pytest.raises(ProfileInputError) as caught:
        services.certificate_upload(actor=worker, worker=worker, file=None, title=" ", issuer_name="X")
    assert caught.value.code == "title_needed"
    with pytest.raises(ProfileInputError) as caught:
        services.certificate_upload(actor=worker, worker=worker, file=None, title="Cook", issuer_name="")
    assert caught.value.code == "issuer_needed"
    with pytest.raises(DomainError) as caught:
        services.certificate_upload(
            actor=worker,
            worker=worker,
            file=SimpleUploadedFile("a.exe", b"MZ\x90\x00 not a document"),
            title="Cook",
            issuer_name="School",
        )
    assert caught.value.status == 415
    assert not Certificate.objects.exists()


def test_the_issuer_confirms_seeing_only_the_certificate(worker, common_taxonomy):
    organisation, staff = _issuer()
    build_profile(worker, common_taxonomy)
    certificate = upload_certificate(worker, issuer=organisation, number=SECRET_NUMBER)
    request = services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)

    [item] = selectors.verification_requests_for(actor=staff)
    assert (item.title, item.number, item.organisation) == (
        "Welding, level 2",
        SECRET_NUMBER,
        organisation.name,
    )
    shown = repr(item)
    assert worker.phone not in shown
    assert worker.display_name not in shown
    assert str(worker.pk) not in shown

    services.verification_decide(actor=staff, request_id=request.pk, confirmed=True, note="Checked")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VERIFIED
    assert certificate.verified_at
    request.refresh_from_db()
    assert (request.status, request.decided_by) == ("verified", staff)
    assert LedgerEntry.objects.filter(kind="certificate.verification_decided").count() == 1
    [facts] = list(matching_records())
    assert facts.verified_certificates == 1
    # Once answered, the number is no longer shown to the issuer.
    [answered] = selectors.verification_requests_for(actor=staff)
    assert answered.number == ""
    assert answered.status == "verified"

    with pytest.raises(services.AlreadyDone):
        services.verification_decide(actor=staff, request_id=request.pk, confirmed=False)
    with pytest.raises(services.AlreadyDone):
        services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)


def test_a_rejection_is_shown_and_the_worker_may_ask_again(worker):
    organisation, staff = _issuer()
    certificate = upload_certificate(worker, issuer=organisation)
    first = services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)
    with pytest.raises(services.AlreadyDone):
        services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)
    services.verification_decide(actor=staff, request_id=first.pk, confirmed=False, note="No such number")
    own = selectors.profile_for_owner(actor=worker, worker=worker).certificates[0]
    assert own.status == "rejected"
    assert own.request
    assert own.request.note == "No such number"
    assert own.can_ask
    services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)


def test_only_staff_of_the_organisation_asked_may_answer(worker, recruiter, inspector):
    organisation, _staff = _issuer()
    _other_org, other_staff = _issuer()
    viewer = MembershipFactory(organisation=organisation, role="viewer").user
    certificate = upload_certificate(worker, issuer=organisation)
    request = services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)
    for actor in (other_staff, recruiter):  # they confirm for other organisations: no such request
        with pytest.raises(NotFound):
            services.verification_decide(actor=actor, request_id=request.pk, confirmed=True)
    for actor in (viewer, worker, WorkerFactory()):
        with pytest.raises(PermissionDenied):
            services.verification_decide(actor=actor, request_id=request.pk, confirmed=True)
    assert selectors.verification_requests_for(actor=other_staff) == []
    for actor in (viewer, worker, inspector, StaffUserFactory()):
        with pytest.raises(PermissionDenied):
            selectors.verification_requests_for(actor=actor)
    assert VerificationRequest.objects.get().status == "pending"


def test_a_worker_can_stop_a_request_and_then_it_is_not_shown(worker):
    organisation, staff = _issuer()
    certificate = upload_certificate(worker, issuer=organisation)
    request = services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)
    services.verification_withdraw(actor=worker, worker=worker, certificate_id=certificate.pk)
    assert selectors.verification_requests_for(actor=staff) == []
    with pytest.raises(services.AlreadyDone):
        services.verification_decide(actor=staff, request_id=request.pk, confirmed=True)
    with pytest.raises(NotFound):
        services.verification_withdraw(actor=worker, worker=worker, certificate_id=certificate.pk)


def test_an_issuer_known_only_by_name_cannot_be_asked(worker):
    certificate = upload_certificate(worker, issuer=None)
    with pytest.raises(DomainError) as caught:
        services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)
    assert caught.value.code == "issuer_not_on_mizan"


def test_deleting_removes_the_file_and_the_request(worker, django_capture_on_commit_callbacks):
    organisation, _staff = _issuer()
    certificate = upload_certificate(worker, issuer=organisation)
    services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)
    storage_name = certificate.file.storage_name
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_delete(actor=worker, worker=worker, certificate_id=certificate.pk)
    assert not Certificate.objects.exists()
    assert not VerificationRequest.objects.exists()
    assert not default_storage.exists(storage_name)
    with pytest.raises(NotFound):
        services.certificate_delete(actor=worker, worker=worker, certificate_id=certificate.pk)


def test_someone_elses_certificate_is_not_found(worker):
    certificate = upload_certificate(worker)
    other = WorkerFactory()
    with pytest.raises(NotFound):
        services.certificate_delete(actor=other, worker=other, certificate_id=certificate.pk)
    with pytest.raises(NotFound):
        services.verification_request(actor=other, worker=other, certificate_id=certificate.pk)
