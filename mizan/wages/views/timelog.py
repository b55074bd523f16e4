"""The worker's time-log pages: today (Start/Stop), an entry written after the fact, a day, a week, an
entry's history, changing and deleting an entry. Every form posts to the server and works without
JavaScript; with it, static/wages/timelog.js keeps entries on the phone while offline (see offline.py)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.accounts.decorators import private
from mizan.api.problems import formatted
from mizan.common.errors import DomainError
from mizan.wages import timeline, wording
from mizan.wages.forms import DayForm, EntryForm, entry_initial
from mizan.wages.models import TIMED_KINDS, WHOLE_DAY_KINDS, EventKind, WorkEvent
from mizan.wages.selectors import log as log_selectors
from mizan.wages.services import events as event_services
from mizan.wages.views.common import bad_input, entry_rows, today_in, worker_of, worker_page


def timelog_data(
    request: HttpRequest, *, zone: str, running: list[WorkEvent] | None, offline_page: bool = False
) -> dict[str, Any]:
    """What timelog.js reads from the page: where to send, the workplace zone, what is running, texts."""
    data: dict[str, Any] = {
        "api": "/api/v1/wages/events",
        "token_url": reverse("wages:sync_token"),
        "sw": reverse("wages:service_worker"),
        "scope": reverse("wages:today"),
        "zone": zone,
        "owner": str(request.user.pk) if request.user.is_authenticated else "",
        "shell": offline_page,
    }
    if running is not None:
        data["running"] = [
            {
                "client_id": str(e.client_id),
                "kind": e.kind,
                "starts_at": e.starts_at.isoformat(),
                "note": e.note,
            }
            for e in running
        ]
    return data


def _texts() -> dict[str, str]:
    return {
        "queued": _("Saved on this phone. It will be sent when you are online."),
        "sending": _("Sending…"),
        "sent": _("Sent. Everything you wrote is now kept by Mizan."),
        "offline": _("You are offline. What you write is kept on this phone and sent when you are online."),
        "sign_in": _("Sign in again to send what is on this phone. It is kept safe until then."),
        "later": _("Could not send now. We will try again soon. Nothing is lost."),
        "held": _("Mizan could not accept this entry. It is kept on this phone. Please write it again:"),
        "waiting": _("Waiting to be sent"),
        "now": _("Now:"),
        "since": _("since"),
        "nothing": _("Nothing is running."),
        "kinds": json.dumps({code: str(label) for code, label in EventKind.choices}),
    }


def page_response(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    context.setdefault("timelog_texts", _texts())
    return private(render(request, template, context, status=status))


@worker_page
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    terms = log_selectors.terms_of(worker)
    zone = log_selectors.workplace_zone(worker, terms)
    day = today_in(zone)
    view = log_selectors.log_view(actor=worker, worker=worker, first=day, last=day, zone=zone)
    running = log_selectors.running_entries(actor=worker, worker=worker)
    context = {
        "view": view,
        "notices": wording.problems_of(view.notices),
        "day": day,
        "zone_place": wording.place(zone),
        "terms": terms,
        "rows": entry_rows(view.entries, zone),
        "running": [(wording.kind_label(e.kind), log_selectors.local(e.starts_at, zone)) for e in running],
        "timed_kinds": [(k.value, k.label) for k in TIMED_KINDS],
        "whole_day_kinds": [(k.value, k.label) for k in WHOLE_DAY_KINDS],
        "timelog": {**timelog_data(request, zone=zone, running=running), "refresh": True},
    }
    return page_response(request, "wages/today.html", context)


@worker_page
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    try:
        event_services.timer_start(actor=worker, worker=worker, kind=request.POST.get("kind", ""))
    except DomainError as error:
        return bad_input(request, formatted(error.message, error.params), status=error.status)
    return redirect("wages:today")


@worker_page
@require_POST
def stop(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    event_services.timer_stop(actor=worker, worker=worker)
    return redirect("wages:today")


@worker_page
@require_POST
def mark_day(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    zone = log_selectors.workplace_zone(worker)
    try:
        event_services.day_mark(
            actor=worker,
            worker=worker,
            kind=request.POST.get("kind", ""),
            day=today_in(zone),
            workplace_zone=zone,
        )
    except DomainError as error:
        return bad_input(request, formatted(error.message, error.params), status=error.status)
    messages.success(request, _("Saved."))
    return redirect("wages:today")


@worker_page
@require_http_methods(["GET", "POST"])
def add(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    zone = log_selectors.workplace_zone(worker)
    status = 200
    if request.method == "POST":
        form = EntryForm(request.POST, zone=zone)
        status = 400
        if form.is_valid():
            try:
                event = event_services.entry_add(actor=worker, worker=worker, entry=form.entry())
            except DomainError as error:
                form.add_error(None, formatted(error.message, error.params))
            else:
                for notice in form.notices:
                    messages.info(request, notice)
                messages.success(request, _("Saved."))
                day = log_selectors.local(event.starts_at, zone).date()
                return redirect(f"{reverse('wages:day')}?date={day.isoformat()}")
    else:
        form = EntryForm(zone=zone, initial={"day": today_in(zone)})
    running = log_selectors.running_entries(actor=worker, worker=worker)
    context = {
        "form": form,
        "zone_place": wording.place(zone),
        "timelog": timelog_data(request, zone=zone, running=running),
    }
    return page_response(request, "wages/add.html", context, status)


def _date_param(request: HttpRequest, zone: str) -> dt.date | None:
    form = DayForm(request.GET)
    if not form.is_valid():
        return None
    return form.cleaned_data["date"] or today_in(zone)


@worker_page
@require_GET
def day_view(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    zone = log_selectors.workplace_zone(worker)
    day = _date_param(request, zone)
    if day is None:
        return bad_input(
            request, _("This is not a date. Write it as year-month-day, for example 2026-10-03.")
        )
    view = log_selectors.log_view(actor=worker, worker=worker, first=day, last=day, zone=zone)
    context = {
        "view": view,
        "notices": wording.problems_of(view.notices),
        "day": day,
        "previous": day - dt.timedelta(days=1),
        "next": day + dt.timedelta(days=1),
        "rows": entry_rows(view.entries, zone),
        "totals": [(wording.kind_label(k), wording.duration(m)) for k, m in sorted(view.totals.items())],
        "zone_place": wording.place(zone),
        "week_of": timeline.week_start(day),
    }
    return page_response(request, "wages/day.html", context)


@worker_page
@require_GET
def week_view(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    zone = log_selectors.workplace_zone(worker)
    day = _date_param(request, zone)
    if day is None:
        return bad_input(
            request, _("This is not a date. Write it as year-month-day, for example 2026-10-03.")
        )
    monday = timeline.week_start(day)
    view = log_selectors.log_view(
        actor=worker, worker=worker, first=monday, last=monday + dt.timedelta(days=6), zone=zone
    )
    rest = view.longest_rest
    context = {
        "view": view,
        "notices": wording.problems_of(view.notices),
        "monday": monday,
        "sunday": monday + dt.timedelta(days=6),
        "previous": monday - dt.timedelta(days=7),
        "next": monday + dt.timedelta(days=7),
        "days": [
            (
                d.day,
                [(wording.kind_label(k), wording.duration(m)) for k, m in sorted(d.minutes.items())],
                wording.duration(d.worked_minutes),
            )
            for d in view.days
        ],
        "totals": [(wording.kind_label(k), wording.duration(m)) for k, m in sorted(view.totals.items())],
        "worked": wording.duration(view.worked_minutes),
        "rest_text": wording.weekly_rest_text(int(rest.total_seconds() // 60) if rest is not None else None),
        "rest_missing": rest is not None and rest < timeline.WEEKLY_REST,
        "problems": entry_rows(view.problems, zone),
        "zone_place": wording.place(zone),
    }
    return page_response(request, "wages/week.html", context)


@worker_page
@require_GET
def entry(request: HttpRequest, event_id: UUID) -> HttpResponse:
    worker = worker_of(request)
    zone = log_selectors.workplace_zone(worker)
    history = log_selectors.entry_history(actor=worker, worker=worker, event_id=event_id)
    versions = [
        {
            "event": v,
            "kind": wording.kind_label(v.kind),
            "starts": log_selectors.local(v.starts_at, zone),
            "ends": log_selectors.local(v.ends_at, zone) if v.ends_at else None,
            "saved": log_selectors.local(v.created_at, zone),
        }
        for v in history.versions
    ]
    context = {"history": history, "versions": versions, "zone_place": wording.place(zone)}
    return page_response(request, "wages/entry.html", context)


@worker_page
@require_http_methods(["GET", "POST"])
def change(request: HttpRequest, event_id: UUID) -> HttpResponse:
    worker = worker_of(request)
    zone = log_selectors.workplace_zone(worker)
    history = log_selectors.entry_history(actor=worker, worker=worker, event_id=event_id)
    current = history.current
    if current is None or current.pk != event_id:
        return bad_input(
            request, _("This entry was changed or deleted since. Open it again from your day."), status=409
        )
    status = 200
    if request.method == "POST":
        form = EntryForm(request.POST, zone=zone)
        status = 400
        if form.is_valid():
            try:
                event = event_services.entry_change(
                    actor=worker, worker=worker, event_id=event_id, entry=form.entry()
                )
            except DomainError as error:
                form.add_error(None, formatted(error.message, error.params))
                status = error.status
            else:
                messages.success(request, _("Changed. The earlier version is kept in the entry's history."))
                day = log_selectors.local(event.starts_at, zone).date()
                return redirect(f"{reverse('wages:day')}?date={day.isoformat()}")
    else:
        form = EntryForm(
            zone=zone,
            initial=entry_initial(
                kind=current.kind,
                starts_at=current.starts_at,
                ends_at=current.ends_at,
                note=current.note,
                zone=zone,
            ),
        )
    return page_response(
        request,
        "wages/change.html",
        {"form": form, "event": current, "zone_place": wording.place(zone)},
        status,
    )


@worker_page
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, event_id: UUID) -> HttpResponse:
    worker = worker_of(request)
    zone = log_selectors.workplace_zone(worker)
    history = log_selectors.entry_history(actor=worker, worker=worker, event_id=event_id)
    current = history.current
    if current is None or current.pk != event_id:
        return bad_input(
            request, _("This entry was changed or deleted since. Open it again from your day."), status=409
        )
    if request.method == "POST":
        try:
            event_services.entry_delete(actor=worker, worker=worker, event_id=event_id)
        except DomainError as error:
            return bad_input(request, formatted(error.message, error.params), status=error.status)
        messages.success(request, _("Deleted. It stays in the entry's history."))
        day = log_selectors.local(current.starts_at, zone).date()
        return redirect(f"{reverse('wages:day')}?date={day.isoformat()}")
    rows = entry_rows([timeline.Entry(event=current)], zone)
    return page_response(request, "wages/delete.html", {"row": rows[0], "event": current})
