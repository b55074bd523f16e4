"""Headers every answer carries, and a body-size limit applied before anything reads the body."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    """Content-Security-Policy (no inline script or style) and a Permissions-Policy.

    Django 5.2 sets HSTS, Referrer-Policy, nosniff and X-Frame-Options itself; CSP is added here.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.MIZAN_CSP)
        response.headers.setdefault("Permissions-Policy", "camera=(), geolocation=(), microphone=()")
        return response


class BodySizeLimitMiddleware:
    """Refuse an oversize body with 413 from its declared length, so it is never read into memory."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MIZAN_MAX_BODY_BYTES:
            from mizan.web.views.errors import payload_too_large

            return payload_too_large(request)
        return self.get_response(request)
