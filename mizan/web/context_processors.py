from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from mizan.common.languages import LANGUAGES


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the base template needs on every page: the language list and whether one was chosen."""
    return {
        "mizan_languages": LANGUAGES,
        "language_chosen": settings.LANGUAGE_COOKIE_NAME in request.COOKIES,
    }
