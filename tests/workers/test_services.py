"""Personal details and documents: who may write them, what is accepted, and how it is tidied."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.privacy import vault
from mizan.privacy.vault.models import StoredFile
from mizan.workers import selectors, services
from mizan.workers.catalogue import DETAILS, NAMES
from mizan.workers.models import IdentityDocument, PersonalDetails
from tests.factories import WorkerFactory

pytestmark = pytest.mark.django_db


def update(worker: Any, **data: Any) -> PersonalDetails:
    return services.personal_details_update(actor=worker, worker=worker, data=data)


def errors_of(worker: Any, **data: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        update(worker, **data)
    return caught.value.message_dict


def test_every_detail_is_optional_and_explained() -> None:
    assert len(DETAILS) == 10
    for detail in DETAILS:
        assert str(detail.why).strip()
        assert str(detail.label).strip()


def test_a_worker_saves_and_reads_their_details(worker: Any) -> None:
    update(
        worker,
        full_name="  Sita   Kumari Rai ",
        date_of_birth=date(1994, 3, 14),
        passport_number="n 123-4567",
        national_id_number="27-01-75-12345",
        contact_email="sita@example.org",
        second_phone="+977 981-2345678",
        home_address="Ward 4,  Dharan\r\n\r\nSunsari ",
        bank_name="Nabil Bank",
        bank_account_number="0123 4567 8901",
        emergency_contact="Ram Rai, +9779800000001",
    )
    data = selectors.personal_details_of(actor=worker, worker=worker)
    assert data.values == {
        "full_name": "Sita Kumari Rai",
        "date_of_birth": date(1994, 3, 14),
        "passport_number": "N1234567",
        "national_id_number": "27-01-75-12345",
        "contact_email": "sita@example.org",
        "second_phone": "+9779812345678",
        "home_address": "Ward 4, Dharan\nSunsari",
        "bank_name": "Nabil Bank",
        "bank_account_number": "0123 4567 8901",
        "emergency_contact": "Ram Rai, +9779800000001",
    }
    assert data.unreadable == ()
    assert data.updated_at is not None


def test_nothing_given_reads_as_empty(worker: Any) -> None:
    data = selectors.personal_details_of(actor=worker, worker=worker)
    assert data.is_empty
    assert data.values["date_of_birth"] is None
    assert data.updated_at is None
    assert not PersonalDetails.objects.exists()


def test_details_not_named_stay_and_empty_ones_are_removed(worker: Any) -> None:
    update(worker, full_name="Sita Rai", bank_name="Nabil Bank")
    update(worker, bank_name="")
    update(worker, contact_email=None)
    values = selectors.personal_details_of(actor=worker, worker=worker).values
    assert values["full_name"] == "Sita Rai"
    assert values["bank_name"] == ""
    assert PersonalDetails.objects.count() == 1


def test_the_passport_number_can_be_found_by_its_blind_index(worker: Any) -> None:
    update(worker, passport_number="N1234567")
    index = vault.blind_index("n1234567", context="workers.passport_number")
    assert PersonalDetails.objects.get(passport_number_index=index).worker == worker


def test_a_local_second_phone_is_read_in_the_country_of_the_sign_in_phone(worker: Any) -> None:
    assert worker.phone.startswith("+977")
    update(worker, second_phone="9812345678")
    assert (
        selectors.personal_details_of(actor=worker, worker=worker).values["second_phone"] == "+9779812345678"
    )


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("passport_number", "N12", "5 to 20 letters"),
        ("passport_number", "N1234567!", "5 to 20 letters"),
        ("national_id_number", "<script>", "only letters, numbers"),
        ("bank_account_number", "---", "only letters, numbers"),
        ("contact_email", "not an email", "not an email address"),
        ("second_phone", "12", "phone number"),
        ("full_name", "x" * 201, "under 200"),
        ("home_address", "x" * 501, "under 500"),
        ("full_name", 12, "type text"),
        ("date_of_birth", date.today() + timedelta(days=1), "does not look right"),
        ("date_of_birth", date(1899, 12, 31), "does not look right"),
        ("date_of_birth", "1994-03-14", "day, the month and the year"),
    ],
)
def test_bad_details_are_refused_with_a_message_naming_the_field(
    worker: Any, field: str, value: Any, fragment: str
) -> None:
    update(worker, bank_name="kept")
    errors = errors_of(
        worker, **{field: value, "full_name": "Sita"} if field != "full_name" else {field: value}
    )
    assert list(errors) == [field]
    assert fragment in errors[field][0]
    # Nothing is saved unless everything is right.
    assert selectors.personal_details_of(actor=worker, worker=worker).values["full_name"] == ""


def test_several_bad_details_are_all_named_and_unknown_ones_refused(worker: Any) -> None:
    errors = errors_of(worker, passport_number="x", contact_email="y", religion="z")
    assert set(errors) == {"passport_number", "contact_email", "religion"}
    assert "does not keep" in errors["religion"][0]


def test_only_the_worker_themself_may_write_or_read(personas: Any) -> None:
    worker = personas.worker
    for actor in (WorkerFactory(), personas.recruiter, personas.platform_admin, personas.caseworker):
        with pytest.raises(PermissionDenied):
            services.personal_details_update(actor=actor, worker=worker, data={"full_name": "x"})
        with pytest.raises(PermissionDenied):
            selectors.personal_details_of(actor=actor, worker=worker)
        with pytest.raises(PermissionDenied):
            selectors.identity_documents_of(actor=actor, worker=worker)
    assert not PersonalDetails.objects.exists()


def test_a_staff_account_has_no_personal_details_here(personas: Any) -> None:
    staff = personas.agency_admin
    with pytest.raises(PermissionDenied):
        services.personal_details_update(actor=staff, worker=staff, data={"full_name": "x"})


def test_erased_details_read_as_unreadable_and_can_be_typed_again(worker: Any) -> None:
    update(worker, full_name="Sita Rai", passport_number="N1234567")
    vault.shred(worker)
    data = selectors.personal_details_of(actor=worker, worker=worker)
    assert data.unreadable == ("full_name", "passport_number")
    assert data.values["full_name"] == ""
    update(worker, full_name="Sita Rai")
    data = selectors.personal_details_of(actor=worker, worker=worker)
    assert data.values["full_name"] == "Sita Rai"
    assert data.unreadable == ("passport_number",)


# --- Documents ------------------------------------------------------------------------------------------


def test_a_worker_adds_lists_reads_and_deletes_a_document(
    worker: Any, add_document: Callable[..., IdentityDocument], django_capture_on_commit_callbacks: Any
) -> None:
    document = add_document(worker, kind="passport_page", name="my passport.pdf")
    (info,) = selectors.identity_documents_of(actor=worker, worker=worker)
    assert (info.id, info.kind, info.name, info.content_type) == (
        document.id,
        "passport_page",
        "my passport.pdf",
        "application/pdf",
    )
    content = selectors.identity_document_content(actor=worker, worker=worker, document_id=document.id)
    assert content.data.startswith(b"%PDF-1.4")
    with django_capture_on_commit_callbacks(execute=True):
        services.identity_document_delete(actor=worker, worker=worker, document_id=document.id)
    assert not IdentityDocument.objects.exists()
    assert not StoredFile.objects.exists()
    with pytest.raises(NotFound):
        services.identity_document_delete(actor=worker, worker=worker, document_id=document.id)


def test_a_document_of_someone_else_is_not_found(
    worker: Any, add_document: Callable[..., IdentityDocument]
) -> None:
    other = WorkerFactory()
    document = add_document(other)
    with pytest.raises(NotFound):
        selectors.identity_document_content(actor=worker, worker=worker, document_id=document.id)
    with pytest.raises(NotFound):
        services.identity_document_delete(actor=worker, worker=worker, document_id=document.id)
    with pytest.raises(PermissionDenied):
        selectors.identity_document_content(actor=worker, worker=other, document_id=document.id)
    assert IdentityDocument.objects.count() == 1


def test_an_unknown_kind_or_too_many_documents_are_refused(
    worker: Any, add_document: Callable[..., IdentityDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(DomainError, match="what kind of document"):
        add_document(worker, kind="selfie")
    monkeypatch.setattr(services, "MAX_DOCUMENTS", 2)
    add_document(worker)
    add_document(worker)
    with pytest.raises(DomainError) as caught:
        add_document(worker)
    assert caught.value.code == "too_many_documents"
    assert IdentityDocument.objects.count() == 2


def test_a_refused_file_leaves_nothing_behind(worker: Any, media_root: Any) -> None:
    with pytest.raises(DomainError) as caught:
        services.identity_document_add(
            actor=worker, worker=worker, file=SimpleUploadedFile("x.exe", b"MZ\x90\x00"), kind="other"
        )
    assert caught.value.status == 415
    assert not IdentityDocument.objects.exists()
    assert not list(media_root.rglob("*.*"))


def test_catalogue_and_model_agree() -> None:
    for name in NAMES:
        PersonalDetails._meta.get_field(name)
