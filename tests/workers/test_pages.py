"""The worker's pages: who may open them, and the details and documents flows without JavaScript."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mizan.privacy import vault
from mizan.workers import selectors, services
from mizan.workers.models import IdentityDocument
from tests.roles import assert_role_matrix, everyone
from tests.vault.test_files import photo_with_metadata

pytestmark = pytest.mark.django_db

WORKER_ONLY = everyone(403, anonymous=302, worker=200)


def test_only_the_worker_opens_their_details_pages(personas: Any) -> None:
    for name in ("workers:details", "workers:details_edit", "workers:documents"):
        assert_role_matrix(personas, reverse(name), WORKER_ONLY)


def test_only_the_worker_can_post_their_details(personas: Any) -> None:
    # Every persona posts for themself; only a worker has personal details here.
    assert_role_matrix(
        personas,
        reverse("workers:details_edit"),
        everyone(403, anonymous=302, worker=302),
        method="post",
        data={"full_name": "Someone"},
    )


def test_document_pages_are_for_their_owner_only(
    personas: Any, add_document: Callable[..., IdentityDocument]
) -> None:
    document = add_document(personas.worker)
    download = reverse("workers:document_download", kwargs={"document_id": document.id})
    delete = reverse("workers:document_delete", kwargs={"document_id": document.id})
    assert_role_matrix(personas, download, WORKER_ONLY)
    assert_role_matrix(personas, delete, WORKER_ONLY)
    assert_role_matrix(personas, delete, everyone(403, anonymous=302, worker=302), method="post", data={})
    assert not IdentityDocument.objects.exists()  # the worker's own post deleted it


def test_another_workers_document_is_not_found(
    client_as: Callable[..., Any], worker: Any, add_document: Callable[..., IdentityDocument]
) -> None:
    from tests.factories import WorkerFactory

    document = add_document(WorkerFactory())
    client = client_as(worker)
    for name in ("workers:document_download", "workers:document_delete"):
        assert client.get(reverse(name, kwargs={"document_id": document.id})).status_code == 404
    assert (
        client.post(reverse("workers:document_delete", kwargs={"document_id": document.id})).status_code
        == 404
    )
    assert IdentityDocument.objects.count() == 1


def test_the_details_page_shows_what_was_given_and_why(client_as: Callable[..., Any], worker: Any) -> None:
    services.personal_details_update(
        actor=worker, worker=worker, data={"full_name": "Sita Kumari Rai", "passport_number": "N1234567"}
    )
    response = client_as(worker).get(reverse("workers:details"))
    html = response.content.decode()
    assert "Sita Kumari Rai" in html
    assert "N1234567" in html
    assert "Not given" in html
    assert "no-store" in response["Cache-Control"]
    edit = client_as(worker).get(reverse("workers:details_edit")).content.decode()
    assert "Only needed when you sign a contract" in edit
    assert 'value="N1234567"' in edit


def test_a_worker_fills_in_the_form_and_the_date_in_three_boxes(
    client_as: Callable[..., Any], worker: Any
) -> None:
    client = client_as(worker)
    form = {
        "full_name": "Sita Kumari Rai",
        "date_of_birth_0": "14",
        "date_of_birth_1": "3",
        "date_of_birth_2": "1994",
        "passport_number": "n1234567",
        "home_address": "Ward 4\nDharan",
    }
    response = client.post(reverse("workers:details_edit"), form)
    assert response.status_code == 302
    assert response["Location"] == reverse("workers:details")
    values = selectors.personal_details_of(actor=worker, worker=worker).values
    assert values["date_of_birth"].isoformat() == "1994-03-14"
    assert values["passport_number"] == "N1234567"
    page = client.get(reverse("workers:details")).content.decode()
    assert "Your details are saved." in page


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (
            {"date_of_birth_0": "31", "date_of_birth_1": "2", "date_of_birth_2": "1994"},
            "This date does not exist",
        ),
        ({"date_of_birth_0": "14", "date_of_birth_2": "1994"}, "the day, the month and the year"),
        ({"date_of_birth_0": "x", "date_of_birth_1": "3", "date_of_birth_2": "1994"}, "whole number"),
        ({"passport_number": "12"}, "5 to 20 letters"),
        ({"contact_email": "sita at example"}, "not an email address"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_lost(
    client_as: Callable[..., Any], worker: Any, form: dict[str, str], message: str
) -> None:
    services.personal_details_update(actor=worker, worker=worker, data={"bank_name": "Nabil Bank"})
    response = client_as(worker).post(reverse("workers:details_edit"), {**form, "bank_name": "Changed"})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="errorlist' in html
    assert 'value="Changed"' in html  # what was typed is shown again
    assert selectors.personal_details_of(actor=worker, worker=worker).values["bank_name"] == "Nabil Bank"


def test_erased_details_are_shown_as_unreadable(client_as: Callable[..., Any], worker: Any) -> None:
    services.personal_details_update(actor=worker, worker=worker, data={"full_name": "Sita"})
    vault.shred(worker)
    for name in ("workers:details", "workers:details_edit"):
        response = client_as(worker).get(reverse(name))
        assert response.status_code == 200
        assert "cannot be read" in response.content.decode()


def test_a_worker_uploads_downloads_and_deletes_a_photo(
    client_as: Callable[..., Any], worker: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_as(worker)
    photo = SimpleUploadedFile("passport.jpg", photo_with_metadata(), content_type="image/jpeg")
    response = client.post(reverse("workers:documents"), {"kind": "passport_page", "file": photo})
    assert response.status_code == 302
    document = IdentityDocument.objects.get(worker=worker)
    listing = client.get(reverse("workers:documents")).content.decode()
    assert "passport.jpg" in listing
    assert "Passport page" in listing

    download = client.get(reverse("workers:document_download", kwargs={"document_id": document.id}))
    assert download.status_code == 200
    assert download["Content-Type"] == "image/jpeg"
    assert download["Content-Disposition"] == 'attachment; filename="passport.jpg"'
    assert "no-store" in download["Cache-Control"]
    assert b"PhoneMaker" not in download.content

    confirm = client.get(reverse("workers:document_delete", kwargs={"document_id": document.id}))
    assert "Delete this document?" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        deleted = client.post(reverse("workers:document_delete", kwargs={"document_id": document.id}))
    assert deleted.status_code == 302
    assert not IdentityDocument.objects.exists()


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        (b"GIF89a", 415, "Please send a photo"),
        (b"\xff\xd8\xff\xe0 broken", 400, "cannot be opened"),
    ],
)
def test_a_refused_upload_is_explained(
    client_as: Callable[..., Any], worker: Any, data: bytes, status: int, message: str
) -> None:
    response = client_as(worker).post(
        reverse("workers:documents"), {"kind": "other", "file": SimpleUploadedFile("x", data)}
    )
    assert response.status_code == status
    assert message in response.content.decode()
    assert not IdentityDocument.objects.exists()


def test_an_upload_over_the_limit_is_explained(
    client_as: Callable[..., Any], worker: Any, settings: Any
) -> None:
    settings.MIZAN_VAULT_MAX_FILE_BYTES = 1024
    response = client_as(worker).post(
        reverse("workers:documents"),
        {"kind": "other", "file": SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000)},
    )
    assert response.status_code == 413
    assert "The largest file you can send is 1.0" in response.content.decode()


def test_an_upload_without_a_file_or_kind_is_explained(client_as: Callable[..., Any], worker: Any) -> None:
    response = client_as(worker).post(reverse("workers:documents"), {})
    assert response.status_code == 400
    assert response.content.decode().count('class="errorlist') == 2


def test_an_erased_document_cannot_be_downloaded_but_says_so(
    client_as: Callable[..., Any], worker: Any, add_document: Callable[..., IdentityDocument]
) -> None:
    document = add_document(worker)
    vault.shred(worker)
    client = client_as(worker)
    response = client.get(reverse("workers:document_download", kwargs={"document_id": document.id}))
    assert response.status_code == 302
    assert "was erased" in client.get(reverse("workers:documents")).content.decode()


def test_the_account_page_links_to_the_details(client_as: Callable[..., Any], worker: Any) -> None:
    assert reverse("workers:details") in client_as(worker).get(reverse("accounts:account")).content.decode()
