"""The worker's own pages: personal details (see, change) and documents (list, add, download, delete)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mizan.accounts.decorators import private, worker_only
from mizan.accounts.models import User
from mizan.api.problems import formatted
from mizan.common import errors
from mizan.privacy.vault.errors import VaultError
from mizan.workers import selectors, services
from mizan.workers.forms import DocumentUploadForm, PersonalDetailsForm

View = Callable[..., HttpResponse]


@worker_only
@require_GET
def details(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    data = selectors.personal_details_of(actor=user, worker=user)
    return private(render(request, "workers/details.html", {"data": data}))


@worker_only
@require_http_methods(["GET", "POST"])
def details_edit(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    data = selectors.personal_details_of(actor=user, worker=user)
    status = 200
    if request.method == "POST":
        form = PersonalDetailsForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.personal_details_update(actor=user, worker=user, data=form.cleaned_data)
            except ValidationError as error:
                for field, field_errors in error.message_dict.items():
                    for message in field_errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                messages.success(request, _("Your details are saved."))
                return redirect("workers:details")
    else:
        form = PersonalDetailsForm(initial=data.values)
    context = {"form": form, "data": data}
    return private(render(request, "workers/details_edit.html", context, status=status))


@worker_only
@require_http_methods(["GET", "POST"])
def documents(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    status = 200
    if request.method == "POST":
        form = DocumentUploadForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            try:
                services.identity_document_add(
                    actor=user, worker=user, file=form.cleaned_data["file"], kind=form.cleaned_data["kind"]
                )
            except errors.DomainError as error:
                form.add_error(
                    "file" if error.code.startswith("file") else None, formatted(error.message, error.params)
                )
                status = error.status
            else:
                messages.success(request, _("Your document is kept safely."))
                return redirect("workers:documents")
    else:
        form = DocumentUploadForm()
    context = {
        "form": form,
        "documents": selectors.identity_documents_of(actor=user, worker=user),
        "max_size": filesizeformat(settings.MIZAN_VAULT_MAX_FILE_BYTES),
    }
    return private(render(request, "workers/documents.html", context, status=status))


@worker_only
@require_GET
def document_download(request: HttpRequest, document_id: UUID) -> HttpResponse:
    user = cast(User, request.user)
    try:
        content = selectors.identity_document_content(actor=user, worker=user, document_id=document_id)
    except errors.NotFound as exc:
        raise Http404 from exc
    except VaultError as error:
        messages.error(request, str(error.message))
        return redirect("workers:documents")
    response = HttpResponse(content.data, content_type=content.content_type)
    response["Content-Disposition"] = content_disposition_header(True, content.name) or "attachment"
    response["Cache-Control"] = "no-store"
    return private(response)


@worker_only
@require_http_methods(["GET", "POST"])
def document_delete(request: HttpRequest, document_id: UUID) -> HttpResponse:
    user = cast(User, request.user)
    found = [d for d in selectors.identity_documents_of(actor=user, worker=user) if d.id == document_id]
    if not found:
        raise Http404
    if request.method == "POST":
        services.identity_document_delete(actor=user, worker=user, document_id=document_id)
        messages.success(request, _("The document is deleted."))
        return redirect("workers:documents")
    return private(render(request, "workers/document_delete.html", {"document": found[0]}))
