"""Public reference data and the health check. No authentication: anyone may read these."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Router
from ninja.responses import Status

from mizan.api import VERSION
from mizan.api.problems import problems
from mizan.api.schemas import CountryOut, HealthOut, LanguageOut, ScopeOut
from mizan.api.scopes import DESCRIPTIONS
from mizan.common.countries import country_choices
from mizan.common.errors import DomainError
from mizan.common.languages import LANGUAGES, is_supported

router = Router(tags=["reference"])


@router.get("/health", response={200: HealthOut, 503: HealthOut, **problems()}, tags=["service"])
def health(request: HttpRequest) -> Status[HealthOut]:
    """Whether this server can answer and reach its database. 503 when it cannot."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return Status(503, HealthOut(status="error", version=VERSION, database="error"))
    return Status(200, HealthOut(status="ok", version=VERSION, database="ok"))


@router.get("/languages", response={200: list[LanguageOut], **problems()})
def languages(request: HttpRequest) -> list[LanguageOut]:
    """The languages Mizan speaks. Send one as Accept-Language to get answers and problems in it."""
    return [LanguageOut(code=lang.code, endonym=lang.endonym, rtl=lang.rtl) for lang in LANGUAGES]


@router.get("/countries", response={200: list[CountryOut], **problems(400)})
def countries(request: HttpRequest, language: str | None = None) -> list[CountryOut]:
    """Countries (ISO 3166-1 alpha-2) named in ``language``, or in the request's language, sorted by name."""
    if language is not None and not is_supported(language):
        raise DomainError(
            _("Mizan does not speak “%(language)s”. See /api/v1/languages."),
            code="unknown_language",
            language=language,
        )
    return [CountryOut(code=code, name=name) for code, name in country_choices(language)]


@router.get("/scopes", response={200: list[ScopeOut], **problems()})
def scopes(request: HttpRequest) -> list[ScopeOut]:
    """The scopes an API token can be given, with what each allows."""
    return [ScopeOut(name=scope, description=str(text)) for scope, text in DESCRIPTIONS.items()]
