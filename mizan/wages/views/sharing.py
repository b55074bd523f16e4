"""The worker decides which employer sees their time log, sees what the employer said about it (both
versions), and who at the employer looked."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts.decorators import private
from mizan.accounts.models import Organisation
from mizan.api.problems import formatted
from mizan.common.errors import DomainError
from mizan.privacy.vault.errors import VaultError
from mizan.wages import wording
from mizan.wages.models import EmployerReview, Sharing
from mizan.wages.selectors.shared import reads_of
from mizan.wages.services import sharing as sharing_services
from mizan.wages.views.common import bad_input, worker_of, worker_page


class ShareForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Employer"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.EMPLOYER).order_by("name"),
        empty_label=gettext_lazy("Choose your employer"),
    )


def _version(review: EmployerReview) -> list[dict[str, Any]]:
    try:
        rows = json.loads(review.employer_version or "[]")
    except (ValueError, VaultError):
        return []
    return [
        {**row, "label": wording.kind_label(str(row.get("kind")))} for row in rows if isinstance(row, dict)
    ]


@worker_page
@require_http_methods(["GET", "POST"])
def sharing(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    status = 200
    if request.method == "POST":
        form = ShareForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                sharing_services.sharing_give(
                    actor=worker, worker=worker, organisation=form.cleaned_data["organisation"]
                )
            except DomainError as error:
                form.add_error("organisation", formatted(error.message, error.params))
            else:
                messages.success(
                    request, _("Your employer can now see your time log. You can stop this at any time.")
                )
                return redirect("wages:sharing")
    else:
        form = ShareForm()
    sharings = list(
        Sharing.objects.filter(worker=worker).select_related("organisation").order_by("-given_at")
    )
    reviews = [
        {"review": r, "version": _version(r), "comment": r.comment}
        for r in EmployerReview.objects.filter(worker=worker)
        .select_related("organisation")
        .order_by("-created_at")[:20]
    ]
    context = {
        "form": form,
        "live": [s for s in sharings if s.is_live],
        "stopped": [s for s in sharings if not s.is_live],
        "reviews": reviews,
        "reads": reads_of(actor=worker, worker=worker),
    }
    return private(render(request, "wages/sharing.html", context, status=status))


@worker_page
@require_POST
def sharing_stop(request: HttpRequest, sharing_id: UUID) -> HttpResponse:
    worker = worker_of(request)
    found = Sharing.objects.filter(pk=sharing_id, worker=worker).select_related("worker").first()
    if found is None:
        return bad_input(request, _("This sharing does not exist, or it is not yours."), status=404)
    try:
        sharing_services.sharing_withdraw(actor=worker, sharing=found)
    except DomainError as error:
        return bad_input(request, formatted(error.message, error.params), status=409)
    messages.success(request, _("Stopped. Your employer can no longer see your time log."))
    return redirect("wages:sharing")
