"""Per-request account rules: the signed-in person's language, and two-factor for staff."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from mizan.common.problems import problem, wants_problem


class UserLanguageMiddleware:
    """A signed-in person's saved language wins over the browser's, on every device."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not request.path.startswith("/api/"):
            language = getattr(user, "preferred_language", None)
            if language and language != translation.get_language():
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)


# Paths a staff member may open before completing two-factor sign-in.
_OPEN_TO_UNVERIFIED = ("/accounts/staff/", "/accounts/sign-out/", "/language/", "/static/")


class StaffTwoFactorMiddleware:
    """Anyone who is not a worker must pass a second factor before doing anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and getattr(user, "kind", "worker") != "worker"
            and not user.is_verified()  # type: ignore[attr-defined]  # added by django-otp's middleware
            and not request.path.startswith(_OPEN_TO_UNVERIFIED)
        ):
            if wants_problem(request.path):
                return problem(403, "two_factor_required", _("Two-step sign-in is not finished."))
            return redirect("accounts:staff_verify")
        return self.get_response(request)
