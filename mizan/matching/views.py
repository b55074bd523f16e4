"""Matching pages: a vacancy's blind shortlist (its recruiters), "Jobs for you" (a worker), the ranking logs
(auditors and authorities). Thin: each calls a selector or a service and renders what it returns."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mizan.accounts.decorators import private, worker_only
from mizan.accounts.models import User
from mizan.api.problems import formatted
from mizan.common import errors
from mizan.matching import selectors, services
from mizan.matching.forms import AnswerForm, InviteForm
from mizan.matching.models import Channel
from mizan.matching.selectors.audit import PER_PAGE

View = Callable[..., HttpResponse]
PAGE_K = 20
PAGE_K_MORE = 50


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _message(error: errors.DomainError) -> str:
    return str(formatted(error.message, error.params))


def domain_errors(view: View) -> View:
    """Signed in (else to sign-in); NotFound is a 404 page and PermissionDenied a 403 page; every page
    here shows personal data or decisions, so none is cached."""

    @functools.wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return private(view(request, *args, **kwargs))
        except errors.NotFound as exc:
            raise Http404 from exc
        except errors.PermissionDenied as exc:
            raise DjangoPermissionDenied from exc

    return wrapper


# --- Recruiters: the shortlist -----------------------------------------------------------------------


def _k(request: HttpRequest) -> int:
    return PAGE_K_MORE if request.GET.get("more") == "1" else PAGE_K


def _shortlist_page(
    request: HttpRequest, vacancy_id: UUID, *, form: InviteForm | None = None, status: int = 200
) -> HttpResponse:
    found = selectors.shortlist(actor=_user(request), vacancy=vacancy_id, k=_k(request), channel=Channel.WEB)
    sent = selectors.invitations_of_vacancy(actor=_user(request), vacancy=vacancy_id)
    context = {
        "shortlist": found,
        "sent": sent,
        "form": form,
        "failed_handle": form["handle"].value() if form is not None else None,
        "more": _k(request) == PAGE_K_MORE,
    }
    return render(request, "matching/shortlist.html", context, status=status)


@domain_errors
@require_GET
def shortlist(request: HttpRequest, vacancy_id: UUID) -> HttpResponse:
    if _user(request).is_worker:
        raise DjangoPermissionDenied
    return _shortlist_page(request, vacancy_id)


@domain_errors
@require_POST
def invite(request: HttpRequest, vacancy_id: UUID) -> HttpResponse:
    if _user(request).is_worker:
        raise DjangoPermissionDenied
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.invite(
                actor=_user(request),
                vacancy=vacancy_id,
                candidate_handle=form.cleaned_data["handle"],
                reason=form.cleaned_data["reason"],
            )
        except (errors.NotFound, errors.PermissionDenied):
            raise
        except errors.DomainError as error:
            form.add_error("reason", _message(error))
        else:
            messages.success(request, _("Invitation sent. The worker will see it with your reason."))
            return redirect(reverse("matching:shortlist", kwargs={"vacancy_id": vacancy_id}) + "#sent")
    return _shortlist_page(request, vacancy_id, form=form, status=400)


@domain_errors
@require_POST
def withdraw(request: HttpRequest, vacancy_id: UUID, invitation_id: UUID) -> HttpResponse:
    if _user(request).is_worker:
        raise DjangoPermissionDenied
    try:
        services.invitation_withdraw(actor=_user(request), vacancy=vacancy_id, invitation_id=invitation_id)
    except (errors.NotFound, errors.PermissionDenied):
        raise
    except errors.DomainError as error:
        messages.error(request, _message(error))
    else:
        messages.success(request, _("Invitation withdrawn."))
    return redirect(reverse("matching:shortlist", kwargs={"vacancy_id": vacancy_id}) + "#sent")


# --- Workers: jobs for you ---------------------------------------------------------------------------


@worker_only
@domain_errors
@require_GET
def for_me(request: HttpRequest) -> HttpResponse:
    found = selectors.jobs_for(worker=_user(request), channel=Channel.WEB)
    invitations = selectors.invitations_for(actor=_user(request))
    return render(request, "matching/for_me.html", {"found": found, "invitations": invitations})


@worker_only
@domain_errors
@require_POST
def answer(request: HttpRequest, invitation_id: UUID) -> HttpResponse:
    invitation = selectors.invitation_of_worker(actor=_user(request), invitation_id=invitation_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose yes or no."))
        return redirect(reverse("matching:for_me") + "#invitations")
    accept = form.cleaned_data["answer"] == "accept"
    try:
        services.invitation_answer(worker=_user(request), invitation=invitation, accept=accept)
    except (errors.NotFound, errors.PermissionDenied):
        raise
    except errors.DomainError as error:
        messages.error(request, _message(error))
    else:
        messages.success(
            request,
            _("Thank you. Now apply on the job page.")
            if accept
            else _("Thank you. We told them you said no."),
        )
    return redirect(reverse("matching:for_me") + "#invitations")


# --- Auditors: the ranking logs ----------------------------------------------------------------------


@domain_errors
@require_GET
def audit(request: HttpRequest) -> HttpResponse:
    if _user(request).is_worker:
        raise DjangoPermissionDenied
    logs = selectors.ranking_logs_for(actor=_user(request))
    page = Paginator(logs, PER_PAGE).get_page(request.GET.get("page") or 1)
    return render(request, "matching/audit.html", {"page": page})
