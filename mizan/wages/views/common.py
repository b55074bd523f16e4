"""What the wages pages share: the signed-in worker, today in the workplace's zone, entry rows."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.accounts.decorators import worker_only
from mizan.accounts.models import User
from mizan.api.problems import formatted
from mizan.common.errors import DomainError
from mizan.wages import timeline, wording
from mizan.wages.timeline import Entry


def worker_of(request: HttpRequest) -> User:
    return cast(User, request.user)


def today_in(zone: str) -> dt.date:
    return timezone.now().astimezone(timeline.zone_or_utc(zone)).date()


def bad_input(request: HttpRequest, detail: Any, *, status: int = 400) -> HttpResponse:
    """A page saying what was wrong with what was asked, in plain words, with a 4xx status."""
    title = _("Something in the request was wrong") if status < 500 else _("Something went wrong")
    return render(
        request, "web/error.html", {"status": status, "title": title, "detail": detail}, status=status
    )


def wall(moment: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """What the workplace clock showed: naive, so templates do not convert it to the server's zone."""
    return moment.astimezone(tz).replace(tzinfo=None)


View = Callable[..., HttpResponse]


def domain_errors(view: View) -> View:
    """A rule that says no (not found, not allowed, not valid) becomes a page saying why, with its 4xx."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except DomainError as error:
            return bad_input(request, formatted(error.message, error.params), status=error.status)

    return wrapper


def worker_page(view: View) -> View:
    """Signed in as a worker (else sign-in or 403), with domain errors as pages."""
    return worker_only(domain_errors(view))


def entry_rows(
    entries: list[Entry], zone: str, *, now: dt.datetime | None = None, notes: bool = True
) -> list[dict[str, Any]]:
    """Entries as the pages list them: local times, length, problems in plain words. Notes are the
    worker's own: ``notes=False`` for anyone else."""
    now = now or timezone.now()
    tz = timeline.zone_or_utc(zone)
    rows = []
    for entry in entries:
        end = entry.ends_at
        length = int(((end or now) - entry.starts_at).total_seconds() // 60)
        rows.append(
            {
                "id": entry.id,
                "kind": entry.kind,
                "label": wording.kind_label(entry.kind),
                "starts": wall(entry.starts_at, tz),
                "ends": wall(end, tz) if end else None,
                "same_day": end is not None
                and end.astimezone(tz).date() == entry.starts_at.astimezone(tz).date(),
                "duration": wording.duration(length) if length >= 0 else "",
                "running": entry.is_running,
                "edited": entry.is_edited,
                "counted": entry.counted,
                "note": entry.event.note if notes else "",
                "problems": wording.problems_of(entry.to_correct),
            }
        )
    return rows
