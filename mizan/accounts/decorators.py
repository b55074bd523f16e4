"""View decorators shared by every app's pages about a worker's own data."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from mizan.accounts.models import User

View = Callable[..., HttpResponse]


def worker_only(view: View) -> View:
    """Signed in (else to sign-in) and a worker (else 403): these pages are about the worker themself."""

    @functools.wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not cast(User, request.user).is_worker:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def private(response: HttpResponse) -> HttpResponse:
    """Personal data: no copies in shared or browser caches."""
    add_never_cache_headers(response)
    return response
