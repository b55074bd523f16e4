"""What makes the time log work offline: the service worker (served under /hours/ so that it may control
the /hours/ pages), the page it shows when there is no network (no personal data in it), and a fresh
CSRF token for a phone that queued entries while its page was cached."""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from mizan.accounts.decorators import private
from mizan.wages.forms import EntryForm
from mizan.wages.models import TIMED_KINDS, WHOLE_DAY_KINDS
from mizan.wages.views.timelog import page_response, timelog_data

# The files the offline page needs, cached by the service worker when it is installed.
ASSETS = ("mizan/mizan.css", "mizan/favicon.svg", "wages/timelog.js")
_CONFIG = re.compile(r"^var CONFIG = \{.*?\};", re.MULTILINE)


@cache
def _worker_source() -> str:
    found = finders.find("wages/sw.js")
    path = found if isinstance(found, str) else found[0] if found else None
    if path is None:
        raise FileNotFoundError("wages/sw.js is missing from the static files")
    return Path(path).read_text(encoding="utf-8")


def service_worker_text() -> str:
    assets = [static(name) for name in ASSETS]
    source = _worker_source()
    # A new version of the script or of any asset name (hashed in production) makes a new cache.
    version = hashlib.sha256(json.dumps([source, assets]).encode()).hexdigest()[:16]
    config = {
        "version": version,
        "shell": reverse("wages:offline"),
        "scope": reverse("wages:today"),
        "assets": assets,
    }
    return _CONFIG.sub(lambda _m: f"var CONFIG = {json.dumps(config)};", source, count=1)


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(service_worker_text(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = reverse("wages:today")
    response["Cache-Control"] = "no-cache"  # the browser checks for a new version on every visit
    return response


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """The page the service worker shows for any /hours/ page when the phone has no network. It holds no
    personal data: timelog.js fills in what is waiting on this phone from its own storage."""
    context = {
        "timed_kinds": [(k.value, k.label) for k in TIMED_KINDS],
        "whole_day_kinds": [(k.value, k.label) for k in WHOLE_DAY_KINDS],
        "timelog": timelog_data(request, zone="", running=None, offline_page=True),
        "form": EntryForm(zone="UTC"),
    }
    response = page_response(request, "wages/offline.html", context)
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def sync_token(request: HttpRequest) -> HttpResponse:
    """A CSRF token for the sync API (the cookie is HttpOnly, so scripts ask here)."""
    response = JsonResponse({"token": get_token(request)})
    add_never_cache_headers(response)
    return private(response)
