"""The page where an organisation's administrators make and revoke API tokens (same services as the API)."""

from __future__ import annotations

from datetime import timedelta
from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts.models import Organisation, User
from mizan.api import selectors, services
from mizan.api.forms import TokenForm
from mizan.common import errors


def _organisation(request: HttpRequest, org_id: UUID) -> Organisation:
    try:
        return selectors.organisation_for_token_management(
            actor=cast(User, request.user), organisation_id=org_id
        )
    except errors.NotFound as exc:
        raise Http404 from exc
    except errors.PermissionDenied as exc:
        raise PermissionDenied from exc


@login_required
@require_http_methods(["GET", "POST"])
def tokens_page(request: HttpRequest, org_id: UUID) -> HttpResponse:
    actor = cast(User, request.user)
    organisation = _organisation(request, org_id)
    form = TokenForm(request.POST or None)
    secret = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            days = form.cleaned_data["expires_in_days"]
            try:
                _token, secret = services.api_token_create(
                    actor=actor,
                    organisation=organisation,
                    name=form.cleaned_data["name"],
                    scopes=form.cleaned_data["scopes"],
                    expires_at=timezone.now() + timedelta(days=int(days)) if days else None,
                )
                status, form = 201, TokenForm()
            except errors.DomainError as error:
                form.add_error(None, str(error.message))
    context = {
        "organisation": organisation,
        "tokens": selectors.api_tokens_for_organisation(actor=actor, organisation=organisation),
        "form": form,
        "secret": secret,
    }
    return render(request, "api/tokens.html", context, status=status)


@login_required
@require_POST
def revoke_token(request: HttpRequest, org_id: UUID, token_id: UUID) -> HttpResponse:
    actor = cast(User, request.user)
    organisation = _organisation(request, org_id)
    try:
        token = selectors.api_token_for_organisation(
            actor=actor, organisation=organisation, token_id=token_id
        )
    except errors.NotFound as exc:
        raise Http404 from exc
    services.api_token_revoke(actor=actor, token=token)
    messages.success(request, _("The token is revoked. It no longer works."))
    return redirect("api_pages:tokens", org_id=organisation.id)
