"""Mizan staff's pages (superusers by default): answer correction requests, place and release legal
holds, erase an account on a worker's checked request."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.accounts.decorators import private
from mizan.accounts.models import User
from mizan.common.errors import DomainError, NotFound
from mizan.privacy.rights import categories, selectors, services
from mizan.privacy.rights.forms import CloseCorrectionForm, PlaceHoldForm, StaffEraseForm
from mizan.privacy.rights.permissions import ERASE_FOR_WORKER, HANDLE_REQUESTS, MANAGE_HOLDS
from mizan.privacy.rights.views.common import error_text, staff_only

ITEMS_SHOWN = 100


def _hold_rows(actor: User) -> list[dict[str, object]]:
    return [
        {"hold": hold, "categories": [categories.label(code) for code in hold.categories]}
        for hold in selectors.holds_for_staff(actor=actor)[:ITEMS_SHOWN]
    ]


@staff_only(HANDLE_REQUESTS)
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    actor = cast(User, request.user)
    context = {
        "requests": selectors.open_corrections_for_staff(actor=actor)[:ITEMS_SHOWN],
        "holds": _hold_rows(actor),
    }
    return private(render(request, "rights/staff_home.html", context))


@staff_only(HANDLE_REQUESTS)
@require_http_methods(["GET", "POST"])
def correction(request: HttpRequest, request_id: UUID) -> HttpResponse:
    actor = cast(User, request.user)
    status = 200
    try:
        if request.method == "POST":
            found = selectors.correction_to_answer(actor=actor, request_id=request_id)
        else:  # opening the texts is a recorded read of the worker's data
            found = selectors.correction_for_staff(actor=actor, request_id=request_id)
    except NotFound as exc:
        raise Http404 from exc
    form = CloseCorrectionForm(request.POST or None)
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.correction_request_close(actor=actor, request=found, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error_text(error))
                status = error.status
            else:
                messages.success(request, _("The answer is saved. The worker can read it."))
                return redirect("rights:staff_home")
        found = selectors.correction_for_staff(actor=actor, request_id=request_id)
    return private(
        render(request, "rights/staff_correction.html", {"correction": found, "form": form}, status=status)
    )


@staff_only(MANAGE_HOLDS)
@require_http_methods(["GET", "POST"])
def holds(request: HttpRequest) -> HttpResponse:
    actor = cast(User, request.user)
    form = PlaceHoldForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                worker = selectors.worker_by_phone(actor=actor, phone=data["phone"], action=MANAGE_HOLDS)
                services.legal_hold_place(
                    actor=actor,
                    worker=worker,
                    reason=data["reason"],
                    categories=data["categories"],
                    source_reference=data["source_reference"],
                    until=data["until"],
                )
            except DomainError as error:
                form.add_error(
                    "phone" if error.code.startswith(("phone", "worker")) else None, error_text(error)
                )
                status = error.status
            else:
                messages.success(request, _("The legal hold is placed."))
                return redirect("rights:staff_holds")
    return private(
        render(request, "rights/staff_holds.html", {"form": form, "holds": _hold_rows(actor)}, status=status)
    )


@staff_only(MANAGE_HOLDS)
@require_POST
def hold_release(request: HttpRequest, hold_id: UUID) -> HttpResponse:
    actor = cast(User, request.user)
    try:
        hold = selectors.hold_for_staff(actor=actor, hold_id=hold_id)
    except NotFound as exc:
        raise Http404 from exc
    try:
        services.legal_hold_release(actor=actor, hold=hold)
    except DomainError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The legal hold is released."))
    return redirect("rights:staff_holds")


@staff_only(ERASE_FOR_WORKER)
@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest) -> HttpResponse:
    actor = cast(User, request.user)
    form = StaffEraseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                worker = selectors.worker_by_phone(actor=actor, phone=data["phone"], action=ERASE_FOR_WORKER)
                erasure = services.worker_erase(actor=actor, worker=worker, reference=data["reference"])
            except DomainError as error:
                field = "phone" if error.code.startswith(("phone", "worker")) else None
                form.add_error("reference" if error.code == "reference_needed" else field, error_text(error))
                status = error.status
            else:
                if erasure.status == erasure.Status.HELD:
                    messages.success(request, _("The account is erased, except what legal holds keep."))
                else:
                    messages.success(request, _("The account is erased."))
                return redirect("rights:staff_home")
    return private(render(request, "rights/staff_erase.html", {"form": form}, status=status))
