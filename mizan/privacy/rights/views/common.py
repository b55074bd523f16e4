"""What the data-rights pages share: who may open them, and no caching of personal data."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from mizan.accounts.models import User
from mizan.accounts.permissions import can
from mizan.api.problems import formatted
from mizan.common.errors import DomainError

View = Callable[..., HttpResponse]


def staff_only(action: str) -> Callable[[View], View]:
    """Signed in (else to sign-in) and allowed ``action`` (only Mizan's operators by default; else 403)."""

    def decorator(view: View) -> View:
        @functools.wraps(view)
        @login_required
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not can(cast(User, request.user), action):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def error_text(error: DomainError) -> str:
    return str(formatted(error.message, error.params))
