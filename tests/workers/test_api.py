"""/api/v1/me/details: the worker's own details and documents through the API."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mizan.api import services as api_services
from mizan.privacy import vault
from mizan.workers import selectors
from mizan.workers.models import IdentityDocument
from tests.api.conftest import assert_problem, bearer
from tests.roles import assert_role_matrix, client_for, everyone
from tests.vault.test_files import photo_with_metadata

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/details"
WORKER_ONLY = everyone(403, anonymous=401, worker=200)


class RewindingFile(SimpleUploadedFile):
    """Sent once per persona by the role matrix: each request reads it from the start."""

    def read(self, *args: Any) -> bytes:
        self.seek(0)
        return super().read(*args)


def put(client: Any, body: Any) -> Any:
    return client.put(URL, json.dumps(body), content_type="application/json")


def test_role_matrix_of_every_endpoint(personas: Any, add_document: Callable[..., IdentityDocument]) -> None:
    document = add_document(personas.worker)
    assert_role_matrix(personas, URL, WORKER_ONLY)
    assert_role_matrix(
        personas, URL, WORKER_ONLY, method="put", data=json.dumps({}), content_type="application/json"
    )
    assert_role_matrix(personas, f"{URL}/documents", WORKER_ONLY)
    assert_role_matrix(personas, f"{URL}/documents/{document.id}", WORKER_ONLY)
    assert_role_matrix(
        personas,
        f"{URL}/documents",
        everyone(403, anonymous=401, worker=201),
        method="post",
        data={"kind": "other", "file": RewindingFile("a.pdf", b"%PDF-1.4 x")},
    )
    assert_role_matrix(
        personas, f"{URL}/documents/{document.id}", everyone(403, anonymous=401, worker=204), method="delete"
    )


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", ""), ("put", ""), ("get", "/documents"), ("post", "/documents")],
)
def test_an_api_token_acts_for_an_organisation_never_for_a_person(
    personas: Any, method: str, path: str
) -> None:
    admin = personas.agency_admin
    _token, secret = api_services.api_token_create(
        actor=admin,
        organisation=admin.memberships.get().organisation,
        name="Integration",
        scopes=["read:organisation"],
        expires_at=None,
    )
    client = client_for(None)
    send = getattr(client, method)
    if method == "put":
        response = send(f"{URL}{path}", "{}", content_type="application/json", **bearer(secret))
    elif method == "post":
        data = {"kind": "other", "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")}
        response = send(f"{URL}{path}", data, **bearer(secret))
    else:
        response = send(f"{URL}{path}", **bearer(secret))
    assert_problem(response, 403, "forbidden")
    assert not IdentityDocument.objects.exists()


def test_get_and_put_round_trip(client_as: Callable[..., Any], worker: Any) -> None:
    client = client_as(worker)
    empty = client.get(URL).json()
    assert empty["full_name"] is None
    assert empty["unreadable"] == []
    assert empty["updated_at"] is None
    response = put(
        client,
        {"full_name": "Sita Kumari Rai", "date_of_birth": "1994-03-14", "passport_number": "n 1234567"},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["full_name"] == "Sita Kumari Rai"
    assert body["date_of_birth"] == "1994-03-14"
    assert body["passport_number"] == "N1234567"
    assert body["bank_name"] is None
    assert client.get(URL).json() == body


def test_put_replaces_the_whole_set(client_as: Callable[..., Any], worker: Any) -> None:
    client = client_as(worker)
    put(client, {"full_name": "Sita", "bank_name": "Nabil Bank"})
    body = put(client, {"full_name": "Sita"}).json()
    assert body["bank_name"] is None


def test_invalid_details_give_a_422_naming_each_field(client_as: Callable[..., Any], worker: Any) -> None:
    client = client_as(worker)
    put(client, {"full_name": "Kept"})
    response = put(client, {"passport_number": "12", "contact_email": "nope", "date_of_birth": "3000-01-01"})
    body = assert_problem(response, 422, "validation_failed")
    assert {tuple(error["loc"]) for error in body["errors"]} == {
        ("body", "passport_number"),
        ("body", "contact_email"),
        ("body", "date_of_birth"),
    }
    assert client.get(URL).json()["full_name"] == "Kept"


def test_malformed_requests_are_problems(client_as: Callable[..., Any], worker: Any) -> None:
    client = client_as(worker)
    put(client, {"full_name": "Kept"})
    assert_problem(client.put(URL, "{not json", content_type="application/json"), 400, "malformed_body")
    assert_problem(put(client, {"date_of_birth": "14/03/1994"}), 422)
    assert_problem(put(client, {"full_name": ["a list"]}), 422)
    assert_problem(put(client, []), 422)
    assert_problem(put(client, 5), 422)
    assert_problem(put(client, {"full_name": "x", "religion": "y"}), 422)  # never collected
    assert client.get(URL).json()["full_name"] == "Kept"  # no bad request cleared anything


def test_erased_details_are_listed_as_unreadable(client_as: Callable[..., Any], worker: Any) -> None:
    client = client_as(worker)
    put(client, {"full_name": "Sita", "passport_number": "N1234567"})
    vault.shred(worker)
    body = client.get(URL).json()
    assert body["unreadable"] == ["full_name", "passport_number"]
    assert body["full_name"] is None


def test_documents_upload_list_download_delete(
    client_as: Callable[..., Any], worker: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_as(worker)
    response = client.post(
        f"{URL}/documents",
        {"kind": "passport_page", "file": SimpleUploadedFile("IMG_1.jpg", photo_with_metadata())},
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["kind"] == "passport_page"
    assert created["name"] == "IMG_1.jpg"
    assert created["content_type"] == "image/jpeg"
    assert client.get(f"{URL}/documents").json() == [created]

    download = client.get(f"{URL}/documents/{created['id']}")
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="IMG_1.jpg"'
    assert "no-store" in download["Cache-Control"]
    assert b"Exif" not in download.content
    assert len(download.content) == created["size"]

    with django_capture_on_commit_callbacks(execute=True):
        assert client.delete(f"{URL}/documents/{created['id']}").status_code == 204
    assert client.get(f"{URL}/documents").json() == []
    assert_problem(client.get(f"{URL}/documents/{created['id']}"), 404)
    assert_problem(client.delete(f"{URL}/documents/{created['id']}"), 404)


@pytest.mark.parametrize(
    ("data", "kind", "status", "code"),
    [
        (b"GIF89a", "other", 415, "file_type_not_allowed"),
        (b"\x89PNG\r\n\x1a\n broken", "other", 400, "file_unreadable"),
        (b"", "other", 400, "file_unreadable"),
        (b"%PDF-1.4 x", "selfie", 400, "document_kind_unknown"),
    ],
)
def test_refused_uploads_are_problems(
    client_as: Callable[..., Any], worker: Any, data: bytes, kind: str, status: int, code: str
) -> None:
    response = client_as(worker).post(
        f"{URL}/documents", {"kind": kind, "file": SimpleUploadedFile("x", data)}
    )
    assert_problem(response, status, code)
    assert not IdentityDocument.objects.exists()


def test_an_upload_over_the_limit_is_a_413(client_as: Callable[..., Any], worker: Any, settings: Any) -> None:
    settings.MIZAN_VAULT_MAX_FILE_BYTES = 1024
    response = client_as(worker).post(
        f"{URL}/documents", {"kind": "other", "file": SimpleUploadedFile("x.pdf", b"%PDF-" + b"0" * 2000)}
    )
    body = assert_problem(response, 413, "file_too_large")
    assert "1.0" in body["detail"]


def test_an_upload_without_its_parts_is_a_422(client_as: Callable[..., Any], worker: Any) -> None:
    assert_problem(client_as(worker).post(f"{URL}/documents", {"kind": "other"}), 422)


def test_an_erased_document_is_a_404_problem_not_a_500(
    client_as: Callable[..., Any], worker: Any, add_document: Callable[..., IdentityDocument]
) -> None:
    document = add_document(worker)
    vault.shred(worker)
    body = assert_problem(client_as(worker).get(f"{URL}/documents/{document.id}"), 404, "erased")
    assert "erased" in body["detail"]
    # The list still works: the name falls back to the kind of document.
    (listed,) = selectors.identity_documents_of(actor=worker, worker=worker)
    assert listed.name == "Certificate (skills, training, health)"


def test_a_damaged_document_is_a_409_problem(
    client_as: Callable[..., Any], worker: Any, add_document: Callable[..., IdentityDocument], media_root: Any
) -> None:
    document = add_document(worker)
    path = media_root / document.file.storage_name
    path.write_bytes(path.read_bytes()[:-1])
    assert_problem(client_as(worker).get(f"{URL}/documents/{document.id}"), 409, "vault_decryption_failed")
