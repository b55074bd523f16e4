"""What the profile pages share: who is asking, showing a service's "no" beside the right field."""

from __future__ import annotations

from typing import cast

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from mizan.accounts.models import User
from mizan.api.problems import formatted
from mizan.common.errors import DomainError


def current_user(request: HttpRequest) -> User:
    return cast(User, request.user)


def language(request: HttpRequest) -> str:
    return get_language() or "en"


def show_error(form: forms.Form, error: DomainError) -> None:
    """Put a service's message beside the field it names (else at the top of the form)."""
    field = getattr(error, "field", "") or None
    if field not in form.fields:
        field = None
    form.add_error(field, formatted(error.message, error.params))


def unknown_work(request: HttpRequest) -> HttpResponse:
    """The 404 page for a kind of work Mizan does not know, in plain words, with a way on."""
    return render(request, "profiles/unknown_work.html", status=404)
