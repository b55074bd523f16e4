"""What the sign-in views share: turning domain errors into form errors, and signing a person in."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme

from mizan.accounts.models import User
from mizan.common.errors import DomainError, Throttled

SESSION_PHONE = "mizan_sign_in_phone"
SESSION_NEXT = "mizan_next"
DEVICE_COOKIE = "mizan_device"


def add_domain_error(form: forms.Form, error: DomainError, field: str | None = None) -> int:
    """Show ``error`` on ``form``; return the HTTP status the page should carry."""
    form.add_error(field, str(error.message))
    return error.status if isinstance(error, Throttled) else 400


def remember_next(request: HttpRequest) -> None:
    candidate = request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        request.session[SESSION_NEXT] = candidate


def pop_next(request: HttpRequest, default: str) -> str:
    return str(request.session.pop(SESSION_NEXT, None) or default)


def sign_in(request: HttpRequest, user: User) -> None:
    next_url = request.session.get(SESSION_NEXT)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if next_url:  # login() cycles the session key but keeps data; keep the destination explicit
        request.session[SESSION_NEXT] = next_url


def with_retry_after(response: HttpResponse, error: DomainError) -> HttpResponse:
    if isinstance(error, Throttled):
        response["Retry-After"] = str(error.retry_after)
    return response


def current_user(request: HttpRequest) -> User:
    """The signed-in person; only for views behind login_required."""
    return cast(User, request.user)
