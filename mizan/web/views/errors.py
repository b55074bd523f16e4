"""Error pages in the reader's language; API paths get problem details instead."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mizan.common.problems import problem, wants_problem

_PAGES: dict[int, tuple[str, Any, Any]] = {
    400: ("bad_request", _("Something in the request was wrong"), _("Please go back and try again.")),
    403: ("forbidden", _("You cannot open this page"), _("You do not have permission to see this page.")),
    404: ("not_found", _("Page not found"), _("We could not find this page. It may have moved.")),
    413: (
        "too_large",
        _("What you sent is too large"),
        _("Please send a smaller file or less text."),
    ),
    500: (
        "server_error",
        _("Something went wrong on our side"),
        _("It is not your fault. Please try again in a few minutes."),
    ),
}


def _render(request: HttpRequest, status: int, detail: Any = None) -> HttpResponse:
    code, title, default_detail = _PAGES[status]
    language = translation.get_language_from_request(request)
    with translation.override(language):
        if wants_problem(request.path):
            return problem(status, code, title, detail or default_detail)
        return render(
            request,
            "web/error.html",
            {"status": status, "title": title, "detail": detail or default_detail},
            status=status,
        )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _render(request, 500)


def payload_too_large(request: HttpRequest) -> HttpResponse:
    return _render(request, 413)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    detail = _(
        "This form was open too long or cookies are blocked. Please go back, reload the page and try again."
    )
    return _render(request, 403, detail)
