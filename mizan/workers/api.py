"""The worker's own personal details and documents: /api/v1/me/details. Only the worker themself;
staff get 403, API tokens get 403 (a token acts for an organisation, never for a person)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from ninja import File, Form, Router, UploadedFile
from ninja.responses import Status

from mizan.api.auth import request_user, session_or_token
from mizan.api.problems import problems
from mizan.workers import selectors, services
from mizan.workers.catalogue import NAMES
from mizan.workers.schemas import DocumentOut, PersonalDetailsIn, PersonalDetailsOut
from mizan.workers.selectors import DocumentInfo, PersonalDetailsData

router = Router(tags=["workers"])


def _details_out(data: PersonalDetailsData) -> dict[str, Any]:
    values = {name: (data.values[name] or None) for name in NAMES}
    return {**values, "unreadable": list(data.unreadable), "updated_at": data.updated_at}


def _document_out(document: DocumentInfo) -> DocumentOut:
    return DocumentOut(**document.__dict__)


@router.get("", auth=session_or_token, response={200: PersonalDetailsOut, **problems(401, 403)})
def get_details(request: HttpRequest) -> dict[str, Any]:
    """My personal details, in clear. Empty details are null; ``unreadable`` lists any that were erased."""
    user = request_user(request)
    return _details_out(selectors.personal_details_of(actor=user, worker=user))


@router.put("", auth=session_or_token, response={200: PersonalDetailsOut, **problems(400, 401, 403, 422)})
def put_details(request: HttpRequest, payload: PersonalDetailsIn) -> dict[str, Any]:
    """Replace my personal details. Every detail is optional; a detail left out or null is removed.
    A detail that is not right gives 422 with ``errors`` naming it (``loc``: ``["body", name]``)."""
    user = request_user(request)
    services.personal_details_update(actor=user, worker=user, data=payload.model_dump())
    return _details_out(selectors.personal_details_of(actor=user, worker=user))


@router.get("/documents", auth=session_or_token, response={200: list[DocumentOut], **problems(401, 403)})
def list_documents(request: HttpRequest) -> list[DocumentOut]:
    """My documents, newest first."""
    user = request_user(request)
    return [_document_out(d) for d in selectors.identity_documents_of(actor=user, worker=user)]


@router.post(
    "/documents",
    auth=session_or_token,
    response={201: DocumentOut, **problems(400, 401, 403, 413, 415, 422)},
)
def add_document(request: HttpRequest, kind: Form[str], file: File[UploadedFile]) -> Status[DocumentOut]:
    """Keep a document (multipart: ``kind`` and ``file``). JPEG, PNG, WEBP or PDF; pictures are re-encoded
    without metadata (EXIF, GPS, XMP, ICC). Too large: 413 ``file_too_large``; another type: 415
    ``file_type_not_allowed``; a broken picture: 400 ``file_unreadable``; too many: 400
    ``too_many_documents``."""
    user = request_user(request)
    document = services.identity_document_add(actor=user, worker=user, file=file, kind=kind)
    info = next(d for d in selectors.identity_documents_of(actor=user, worker=user) if d.id == document.id)
    return Status(201, _document_out(info))


@router.get(
    "/documents/{uuid:document_id}",
    auth=session_or_token,
    response={200: None, **problems(401, 403, 404, 409)},
)
def download_document(request: HttpRequest, document_id: UUID) -> HttpResponse:
    """The document's bytes, as an attachment, never cached. 404 ``erased`` when it was erased; 409 when
    it is damaged."""
    user = request_user(request)
    content = selectors.identity_document_content(actor=user, worker=user, document_id=document_id)
    response = HttpResponse(content.data, content_type=content.content_type)
    response["Content-Disposition"] = content_disposition_header(True, content.name) or "attachment"
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    return response


@router.delete(
    "/documents/{uuid:document_id}", auth=session_or_token, response={204: None, **problems(401, 403, 404)}
)
def delete_document(request: HttpRequest, document_id: UUID) -> Status[None]:
    """Delete the document and its encrypted file."""
    user = request_user(request)
    services.identity_document_delete(actor=user, worker=user, document_id=document_id)
    return Status(204, None)
