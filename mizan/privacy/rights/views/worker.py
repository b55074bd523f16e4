"""The worker's pages: my rights (overview and toggles), my data (readable and as a file), corrections,
closing the account."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.accounts.decorators import private, worker_only
from mizan.accounts.models import User
from mizan.accounts.views.common import DEVICE_COOKIE
from mizan.common import formatting
from mizan.common.errors import DomainError
from mizan.privacy.rights import selectors, services
from mizan.privacy.rights.export import export_for, export_json
from mizan.privacy.rights.forms import CorrectionForm, EraseForm, RestrictionForm
from mizan.privacy.rights.models import CorrectionStatus, RestrictionKind
from mizan.privacy.rights.views.common import error_text
from mizan.privacy.rights.wording import hold_sentence, retention_sentences
from mizan.workers.catalogue import BY_NAME

RECORDS_SHOWN = 50  # the readable page; the file has everything

# What each choice does, for the overview (the labels are the model's).
EXPLAIN = {
    RestrictionKind.RESTRICT: gettext_lazy(
        "We keep your data but nobody uses it: no job matching, no recruiter or employer sees it, and it is "
        "left out of counts. It can still be used for your account, for a complaint you made, for an "
        "inspection the law requires, and to protect your life."
    ),
    RestrictionKind.OBJECT_MATCHING: gettext_lazy(
        "Recruiters and employers cannot find you by your skills. This also stops your “Job matching” "
        "permission. It stays off until you turn this off, even if you turn matching on again."
    ),
    RestrictionKind.OBJECT_STATISTICS: gettext_lazy(
        "Your answers are not counted in Mizan's anonymous counts about fees, hours and pay."
    ),
}


def _readable(name: str, value: str | None) -> str | None:
    """A date detail in the reader's way of writing dates; the rest as it is."""
    detail = BY_NAME.get(name)
    if value and detail is not None and detail.kind == "date":
        try:
            return formatting.day(date.fromisoformat(value))
        except ValueError:
            return value
    return value


def _active_hold_sentences(worker: User) -> list[str]:
    today = timezone.localdate()
    return [
        hold_sentence(h) for h in selectors.holds_of(actor=worker, worker=worker) if h.is_active_on(today)
    ]


def _overview(request: HttpRequest, *, status: int = 200) -> HttpResponse:
    user = cast(User, request.user)
    state = selectors.restriction_state(actor=user, worker=user)
    choices = [
        {"kind": kind.value, "label": kind.label, "explain": EXPLAIN[kind], "live": state[kind.value]}
        for kind in RestrictionKind
    ]
    context = {
        "choices": choices,
        "holds": _active_hold_sentences(user),
        "retention": retention_sentences(),
        "open_corrections": selectors.corrections_of(actor=user, worker=user)
        .filter(status=CorrectionStatus.OPEN)
        .count(),
    }
    return private(render(request, "rights/overview.html", context, status=status))


@worker_only
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    return _overview(request)


@worker_only
@require_POST
def restriction(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    form = RestrictionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("We could not understand your choice. Please try again."))
        return _overview(request, status=400)
    kind, on = form.cleaned_data["kind"], form.cleaned_data["on"]
    services.restriction_set(actor=user, worker=user, kind=kind, on=on)
    label = RestrictionKind(kind).label
    if on:
        messages.success(request, _("Done. “%(choice)s” is on.") % {"choice": label})
    else:
        messages.success(request, _("Done. “%(choice)s” is off.") % {"choice": label})
    return redirect("rights:overview")


@worker_only
@require_GET
def export_page(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    export = export_for(actor=user, worker=user)
    details = [
        (
            BY_NAME[name].label if name in BY_NAME else name,
            _readable(name, value),
            name in export.personal_details.unreadable,
        )
        for name, value in export.personal_details.values.items()
    ]
    sections = {
        name: json.dumps(value, ensure_ascii=False, indent=2, default=str)
        for name, value in export.sections.items()
    }
    context: dict[str, Any] = {
        "export": export,
        "details": details,
        "access_records": export.access_records[:RECORDS_SHOWN],
        "more_access_records": max(0, len(export.access_records) - RECORDS_SHOWN),
        "ledger": export.ledger[:RECORDS_SHOWN],
        "sections": sections,
    }
    return private(render(request, "rights/export.html", context))


@worker_only
@require_GET
def export_download(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    document = export_json(export_for(actor=user, worker=user))
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    filename = f"mizan-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    return private(response)


@worker_only
@require_http_methods(["GET", "POST"])
def corrections(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    status = 200
    if request.method == "POST":
        form = CorrectionForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.correction_request_create(actor=user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("Thank you. We will look at your request and answer here."))
                return redirect("rights:corrections")
    else:
        form = CorrectionForm()
    context = {"form": form, "requests": selectors.corrections_of(actor=user, worker=user)}
    return private(render(request, "rights/corrections.html", context, status=status))


@worker_only
@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    holds = _active_hold_sentences(user)
    form = EraseForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            erasure = services.worker_erase(actor=user, worker=user)
            logout(request)
            context = {"held": erasure.status == erasure.Status.HELD, "holds": holds}
            response = render(request, "rights/erased.html", context)
            response.delete_cookie(DEVICE_COOKIE)
            return private(response)
        return private(render(request, "rights/erase.html", {"form": form, "holds": holds}, status=400))
    return private(render(request, "rights/erase.html", {"form": form, "holds": holds}))
