"""Pages for people at organisations: an employer's view of the logs workers share with it (co-sign or
dispute), a support organisation's or labour office's view of a worker's log for a complaint (with the
worker's consent), and the inspectors' anonymous counts per employer."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mizan.accounts.decorators import private
from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import can
from mizan.api.problems import formatted
from mizan.common.errors import DomainError
from mizan.privacy.consent.access import require_access
from mizan.privacy.consent.models import Consent
from mizan.wages import timeline, wording
from mizan.wages.pay_forms import ReviewForm
from mizan.wages.periods import Period, parse_period, period_containing
from mizan.wages.selectors import shared as shared_selectors
from mizan.wages.selectors.log import build_log_view, workplace_zone
from mizan.wages.selectors.stats import SMALL_CELL, hours_by_employer
from mizan.wages.services.sharing import review_record
from mizan.wages.views.common import bad_input, domain_errors, entry_rows

CASE_PURPOSE = "case_handling"


def _signed_in(request: HttpRequest) -> User | None:
    user = cast(User, request.user)
    return user if user.is_authenticated else None


def _login(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('accounts:sign_in')}?next={request.path}")


def _period(request: HttpRequest, zone: str) -> Period | None:
    key = request.GET.get("period") or request.POST.get("period")
    if key:
        return parse_period(key)
    return period_containing(dt.datetime.now(timeline.zone_or_utc(zone)).date())


def _case_organisations(user: User) -> list[Organisation]:
    return [
        m.organisation
        for m in user.memberships.filter(is_active=True).select_related("organisation")
        if can(user, "personal_data.case_handling", m.organisation)
    ]


@domain_errors
@require_GET
def shared_workers(request: HttpRequest) -> HttpResponse:
    user = _signed_in(request)
    if user is None:
        return _login(request)
    employers = list(shared_selectors.reviewing_organisations(actor=user))
    cases = _case_organisations(user)
    if not employers and not cases:
        return bad_input(
            request,
            _("Only employers and support organisations the worker chose can see shared hours."),
            status=403,
        )
    groups = [(org, shared_selectors.shared_with(actor=user, organisation=org)) for org in employers]
    consents = [
        (
            org,
            list(
                Consent.objects.filter(
                    purpose=CASE_PURPOSE, organisation=org, withdrawn_at__isnull=True
                ).select_related("worker")
            ),
        )
        for org in cases
    ]
    return private(render(request, "wages/employer.html", {"groups": groups, "consents": consents}))


def _log_context(view: Any) -> dict[str, Any]:
    return {
        "view": view,
        "notices": wording.problems_of(view.notices),
        "rows": entry_rows(view.entries, view.zone, notes=False),
        "totals": [(wording.kind_label(k), wording.duration(m)) for k, m in sorted(view.totals.items())],
        "worked": wording.duration(view.worked_minutes),
        "zone_place": wording.place(view.zone),
    }


@domain_errors
@require_GET
def shared_log(request: HttpRequest, org_id: UUID, worker_id: UUID) -> HttpResponse:
    user = _signed_in(request)
    if user is None:
        return _login(request)
    organisation = Organisation.objects.filter(pk=org_id).first()
    worker = User.objects.filter(pk=worker_id, kind=User.Kind.WORKER).first()
    if organisation is None or worker is None:
        return bad_input(request, _("There is no such worker or organisation."), status=404)
    period = _period(request, workplace_zone(worker))
    if period is None:
        return bad_input(request, _("This is not a period. Months look like 2026-10, weeks like 2026-W43."))
    if organisation.kind != Organisation.Kind.EMPLOYER:
        return _case_log(request, user, organisation, worker, period)
    try:
        found = shared_selectors.shared_log(
            actor=user, organisation=organisation, worker=worker, period=period
        )
    except DomainError as error:
        return bad_input(request, formatted(error.message, error.params), status=error.status)
    context = {
        **_log_context(found.view),
        "organisation": organisation,
        "worker": worker,
        "period": period,
        "reviews": found.reviews,
        "form": ReviewForm(),
        "previous": period.previous(),
        "next": period.next(),
    }
    return private(render(request, "wages/employer_log.html", context))


def _case_log(
    request: HttpRequest, user: User, organisation: Organisation, worker: User, period: Period
) -> HttpResponse:
    """A support organisation or labour office reads the log for a complaint, with the worker's consent
    (``case_handling``); the read is on the worker's "Who saw my data"."""
    try:
        require_access(
            actor=user,
            worker=worker,
            purpose=CASE_PURPOSE,
            categories=["work_hours_pay"],
            organisation=organisation,
        )
    except DomainError as error:
        return bad_input(request, formatted(error.message, error.params), status=error.status)
    view = build_log_view(worker=worker, first=period.first, last=period.last, zone=workplace_zone(worker))
    context = {
        **_log_context(view),
        "organisation": organisation,
        "worker": worker,
        "period": period,
        "previous": period.previous(),
        "next": period.next(),
        "case": True,
    }
    return private(render(request, "wages/employer_log.html", context))


def _version(text: str, zone: str) -> list[dict[str, str]]:
    """Lines "kind, 2026-10-03 08:00, 2026-10-03 20:00" (workplace time) -> entries with ISO times."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(",")]
        try:
            kind, starts, ends = parts
            begin = dt.datetime.strptime(starts, "%Y-%m-%d %H:%M")
            finish = dt.datetime.strptime(ends, "%Y-%m-%d %H:%M")
        except ValueError as error:
            raise DomainError(
                _("Line %(number)s is not like: work, 2026-10-03 08:00, 2026-10-03 20:00"), number=number
            ) from error
        start_at = timeline.local_instant(begin.date(), begin.time(), zone)[0]
        end_at = timeline.local_instant(finish.date(), finish.time(), zone)[0]
        rows.append({"kind": kind, "starts_at": start_at.isoformat(), "ends_at": end_at.isoformat()})
    return rows


@domain_errors
@require_http_methods(["POST"])
def review(request: HttpRequest, org_id: UUID, worker_id: UUID) -> HttpResponse:
    user = _signed_in(request)
    if user is None:
        return _login(request)
    organisation = Organisation.objects.filter(pk=org_id, kind=Organisation.Kind.EMPLOYER).first()
    worker = User.objects.filter(pk=worker_id, kind=User.Kind.WORKER).first()
    if organisation is None or worker is None:
        return bad_input(request, _("There is no such worker or organisation."), status=404)
    zone = workplace_zone(worker)
    period = _period(request, zone)
    form = ReviewForm(request.POST)
    if period is None or not form.is_valid():
        return bad_input(
            request, _("Choose to sign or to disagree, for a month like 2026-10 or a week like 2026-W43.")
        )
    try:
        found = shared_selectors.shared_log(
            actor=user, organisation=organisation, worker=worker, period=period
        )
        review_record(
            actor=user,
            organisation=organisation,
            worker=worker,
            period=period,
            entries=found.view.entries,
            outcome=form.cleaned_data["outcome"],
            employer_version=_version(form.cleaned_data["version"], zone),
            comment=form.cleaned_data["comment"],
        )
    except DomainError as error:
        return bad_input(request, formatted(error.message, error.params), status=error.status)
    messages.success(
        request, _("Saved. The worker sees your answer; their own entries stay as they wrote them.")
    )
    log = reverse("wages:employer_log", kwargs={"org_id": org_id, "worker_id": worker_id})
    return redirect(f"{log}?period={period.key}")


class MonthForm(forms.Form):
    month = forms.RegexField(regex=r"^\d{4}-\d{2}$", required=False)


@domain_errors
@require_GET
def inspector(request: HttpRequest) -> HttpResponse:
    user = _signed_in(request)
    if user is None:
        return _login(request)
    form = MonthForm(request.GET)
    key = form.cleaned_data.get("month") if form.is_valid() else None
    month = parse_period(key) if key else period_containing(dt.date.today()).previous()
    if month is None or (request.GET.get("month") and not key):
        return bad_input(request, _("This is not a month. Write it like 2026-10."))
    try:
        rows = hours_by_employer(actor=user, month=month)
    except DomainError as error:
        return bad_input(request, formatted(error.message, error.params), status=error.status)
    context = {
        "month": month,
        "rows": [
            (row, wording.duration(row.average_week_minutes) if row.average_week_minutes is not None else "")
            for row in rows
        ],
        "small": SMALL_CELL,
        "previous": month.previous(),
        "next": month.next(),
    }
    return private(render(request, "wages/inspector.html", context))
