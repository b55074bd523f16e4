"""Proof of hours and pay: make an export of a period (a printable page and a JSON file whose hash is in
the ledger), and the public page where anyone holding such a file checks that it is unchanged."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mizan.accounts.decorators import private
from mizan.api.problems import formatted
from mizan.common.errors import DomainError, NotFound
from mizan.wages import wording
from mizan.wages.models import Evidence
from mizan.wages.periods import parse_period, period_containing
from mizan.wages.selectors.log import local, terms_of, workplace_zone
from mizan.wages.services import evidence as evidence_services
from mizan.wages.timeline import NOTICES, Problem
from mizan.wages.views.common import bad_input, today_in, worker_of, worker_page


class ExportForm(forms.Form):
    period = forms.CharField(
        label=gettext_lazy("Month or week"),
        max_length=8,
        help_text=gettext_lazy("A month like 2026-10, or a week like 2026-W43."),
    )

    def clean_period(self) -> Any:
        found = parse_period(self.cleaned_data["period"])
        if found is None:
            raise forms.ValidationError(
                gettext_lazy("This is not a period. Months look like 2026-10, weeks like 2026-W43.")
            )
        return found


class VerifyForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("The evidence file (.json)"))


@worker_page
@require_http_methods(["GET", "POST"])
def evidence_list(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    status = 200
    if request.method == "POST":
        form = ExportForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                evidence = evidence_services.evidence_export(
                    actor=worker,
                    worker=worker,
                    period=form.cleaned_data["period"],
                    language=get_language() or "en",
                )
            except DomainError as error:
                form.add_error(None, formatted(error.message, error.params))
            else:
                messages.success(
                    request, _("Your proof is ready. Its fingerprint is written in the Mizan ledger.")
                )
                return redirect("wages:evidence_detail", evidence_id=evidence.pk)
    else:
        terms = terms_of(worker)
        default = (
            request.GET.get("period")
            or period_containing(
                today_in(workplace_zone(worker, terms)), week=terms is not None and terms.pay_period == "week"
            ).key
        )
        form = ExportForm(initial={"period": default})
    exports = Evidence.objects.filter(worker=worker).order_by("-created_at")[:24]
    return private(
        render(request, "wages/evidence_list.html", {"form": form, "exports": exports}, status=status)
    )


def _own_evidence(request: HttpRequest, evidence_id: UUID) -> Evidence:
    evidence = Evidence.objects.filter(pk=evidence_id, worker=worker_of(request)).first()
    if evidence is None:
        raise NotFound(_("This proof does not exist, or it is not yours."))
    return evidence


@worker_page
@require_GET
def evidence_detail(request: HttpRequest, evidence_id: UUID) -> HttpResponse:
    """The printable page: the same content as the file, with its fingerprint and ledger entry."""
    try:
        evidence = _own_evidence(request, evidence_id)
    except NotFound as error:
        return bad_input(request, error.message, status=404)
    document = json.loads(evidence_services.evidence_bytes(actor=worker_of(request), evidence=evidence))
    zone = str(document.get("period", {}).get("time_zone") or "UTC")
    rows = []
    for item in document.get("entries", []):
        starts = dt.datetime.fromisoformat(item["starts_at"])
        ends = dt.datetime.fromisoformat(item["ends_at"]) if item.get("ends_at") else None
        rows.append(
            {
                "label": wording.kind_label(item["kind"]),
                "starts": local(starts, zone),
                "ends": local(ends, zone) if ends else None,
                "duration": wording.duration(int(((ends or starts) - starts).total_seconds() // 60))
                if ends and ends > starts
                else "",
                "counted": item.get("counted", True),
                "problems": wording.problems_of(
                    [Problem(code) for code in item.get("problems", []) if code not in NOTICES]
                ),
            }
        )
    context = {
        "evidence": evidence,
        "document": document,
        "statement": document.get("statement"),
        "rows": rows,
        "zone_place": wording.place(zone),
        "minutes": [
            (wording.kind_label(k), wording.duration(v)) for k, v in document.get("minutes", {}).items()
        ],
    }
    return private(render(request, "wages/evidence_detail.html", context))


@worker_page
@require_GET
def evidence_file(request: HttpRequest, evidence_id: UUID) -> HttpResponse:
    try:
        evidence = _own_evidence(request, evidence_id)
    except NotFound as error:
        return bad_input(request, error.message, status=404)
    content = evidence_services.evidence_bytes(actor=worker_of(request), evidence=evidence)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    name = f"mizan-hours-{evidence.period}-{evidence.document_hash[:8]}.json"
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    response["Cache-Control"] = "no-store, private"
    return response


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Anyone with an evidence file checks it here: no sign-in, nothing stored, only this file's answer."""
    result = None
    status = 200
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size > evidence_services.FILE_MAX:
                    raise DomainError(gettext_lazy("This file is too large to be a Mizan evidence file."))
                result = evidence_services.verify_evidence(upload.read())
            except DomainError as error:
                form.add_error("file", formatted(error.message, error.params))
            else:
                status = 200
    else:
        form = VerifyForm()
    return render(request, "wages/verify.html", {"form": form, "result": result}, status=status)
