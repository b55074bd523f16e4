"""The worker's certificates (keep, download, delete, ask the issuer to confirm) and the issuer's pages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.accounts.decorators import private, worker_only
from mizan.api.problems import formatted
from mizan.common import errors
from mizan.privacy import vault
from mizan.privacy.vault.errors import VaultError
from mizan.profiles import selectors, services
from mizan.profiles.forms import CertificateForm, DecisionForm
from mizan.profiles.selectors.issuer import issuer_choices
from mizan.profiles.selectors.own import CertificateItem
from mizan.profiles.views.common import current_user, language, show_error

View = Callable[..., HttpResponse]


def _certificates(request: HttpRequest) -> tuple[CertificateItem, ...]:
    user = current_user(request)
    return selectors.profile_for_owner(actor=user, worker=user, language=language(request)).certificates


@worker_only
@require_http_methods(["GET", "POST"])
def certificates(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    issuers = issuer_choices()
    status = 200
    if request.method == "POST":
        form = CertificateForm(request.POST, request.FILES, issuers=issuers)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.certificate_upload(
                    actor=user,
                    worker=user,
                    file=data["file"],
                    title=data["title"],
                    issuer_id=data["issuer"] or None,
                    issuer_name=data["issuer_name"],
                    issued_on=data["issued_on"],
                    number=data["number"],
                )
            except errors.DomainError as error:
                if error.code.startswith("file"):
                    form.add_error("file", formatted(error.message, error.params))
                else:
                    show_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Your certificate is kept safely."))
                return redirect("profiles:certificates")
    else:
        form = CertificateForm(issuers=issuers)
    context = {
        "form": form,
        "certificates": _certificates(request),
        "max_size": filesizeformat(settings.MIZAN_VAULT_MAX_FILE_BYTES),
    }
    return private(render(request, "profiles/certificates.html", context, status=status))


@worker_only
@require_GET
def certificate_download(request: HttpRequest, certificate_id: UUID) -> HttpResponse:
    user = current_user(request)
    try:
        certificate = services.own_certificate(user, certificate_id)
        data = vault.read_file(certificate.file)
        name = str(certificate.file.name)
    except errors.NotFound as exc:
        raise Http404 from exc
    except VaultError as error:
        messages.error(request, str(error.message))
        return redirect("profiles:certificates")
    response = HttpResponse(data, content_type=certificate.file.content_type)
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    response["Cache-Control"] = "no-store"
    return private(response)


def _own_item(request: HttpRequest, certificate_id: UUID) -> CertificateItem:
    found = [item for item in _certificates(request) if item.id == certificate_id]
    if not found:
        raise Http404
    return found[0]


@worker_only
@require_http_methods(["GET", "POST"])
def certificate_delete(request: HttpRequest, certificate_id: UUID) -> HttpResponse:
    item = _own_item(request, certificate_id)
    if request.method == "POST":
        user = current_user(request)
        services.certificate_delete(actor=user, worker=user, certificate_id=item.id)
        messages.success(request, _("The certificate is deleted."))
        return redirect("profiles:certificates")
    return private(render(request, "profiles/certificate_delete.html", {"certificate": item}))


@worker_only
@require_POST
def certificate_ask(request: HttpRequest, certificate_id: UUID) -> HttpResponse:
    user = current_user(request)
    try:
        services.verification_request(actor=user, worker=user, certificate_id=certificate_id)
    except errors.NotFound as exc:
        raise Http404 from exc
    except errors.DomainError as error:
        messages.error(request, formatted(error.message, error.params))
    else:
        messages.success(request, _("We asked the organisation to confirm your certificate."))
    return redirect("profiles:certificates")


@worker_only
@require_POST
def certificate_stop(request: HttpRequest, certificate_id: UUID) -> HttpResponse:
    user = current_user(request)
    try:
        services.verification_withdraw(actor=user, worker=user, certificate_id=certificate_id)
    except errors.NotFound as exc:
        raise Http404 from exc
    messages.success(request, _("The request is stopped. The organisation no longer sees your certificate."))
    return redirect("profiles:certificates")


# --- The issuing organisation's pages ---------------------------------------------------------------


def staff_only(view: View) -> View:
    """Signed in (else to sign-in) and acting for an organisation (a worker gets 403)."""

    @functools.wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if current_user(request).is_worker:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@staff_only
@require_GET
def verification_requests(request: HttpRequest) -> HttpResponse:
    try:
        found = selectors.verification_requests_for(actor=current_user(request))
    except errors.PermissionDenied as exc:
        raise PermissionDenied from exc
    return private(render(request, "profiles/verification_requests.html", {"requests": found}))


@staff_only
@require_http_methods(["GET", "POST"])
def verification_request(request: HttpRequest, request_id: UUID) -> HttpResponse:
    user = current_user(request)
    try:
        found = [item for item in selectors.verification_requests_for(actor=user) if item.id == request_id]
    except errors.PermissionDenied as exc:
        raise PermissionDenied from exc
    if not found:
        raise Http404
    status = 200
    if request.method == "POST" and found[0].is_pending:
        form = DecisionForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.verification_decide(
                    actor=user,
                    request_id=request_id,
                    confirmed=form.cleaned_data["decision"] == "confirm",
                    note=form.cleaned_data["note"],
                )
            except errors.DomainError as error:
                show_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Your answer is saved. The worker can see it."))
                return redirect("profiles:verification_requests")
    else:
        form = DecisionForm()
        if request.method == "POST":
            messages.error(request, _("This request was already answered or stopped."))
            status = 409
    context = {"item": found[0], "form": form}
    return private(render(request, "profiles/verification_request.html", context, status=status))
