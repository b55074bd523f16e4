"""The shell's own pages: home and the language chooser."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mizan.accounts import services as account_services
from mizan.common.languages import is_supported


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return "/"


@require_http_methods(["GET", "POST"])
def choose_language(request: HttpRequest) -> HttpResponse:
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "GET":
        return render(request, "web/language.html", {"next": next_url})
    code = request.POST.get("language", "")
    if not is_supported(code):
        return render(
            request,
            "web/language.html",
            {
                "next": next_url,
                "error": _("We do not have this language yet. Please choose one from the list."),
            },
            status=400,
        )
    translation.activate(code)
    if request.user.is_authenticated:
        account_services.user_set_language(actor=request.user, language=code)
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=True,
    )
    return response
