"""Every exception an operation can raise becomes a problem (RFC 9457); bad input is never a 500."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.errors import Throttled as NinjaThrottled
from ninja.parser import Parser

from mizan.api.problems import formatted, problem_response
from mizan.common.errors import DomainError, Throttled

WWW_AUTHENTICATE = 'Bearer realm="mizan"'


class MalformedBodyError(ValueError):
    """The body is not JSON. Raised by JsonParser so its 400 can be told apart from other 400s."""


class JsonParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        try:
            return super().parse_body(request)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            raise MalformedBodyError(str(exc)) from exc


def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {
            "loc": [part if isinstance(part, int) else str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "invalid")),
        }
        for error in exc.errors
    ]
    return problem_response(
        422, _("Some fields are missing or not right. Each is listed in “errors”."), errors=errors
    )


def _django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    # Model validation inside a service; the fields are those of the request body.
    by_field = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    errors = [
        {"loc": ["body"] if field == NON_FIELD_ERRORS else ["body", field], "msg": message, "type": "invalid"}
        for field, messages in by_field.items()
        for message in messages
    ]
    return problem_response(
        422, _("Some fields are missing or not right. Each is listed in “errors”."), errors=errors
    )


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, MalformedBodyError):
        return problem_response(
            400,
            _("The request body is not valid JSON."),
            code="malformed_body",
            title=_("The request body cannot be read"),
        )
    # Ninja's own messages are English; an app raising HttpError should pass a lazy translated message.
    detail = exc.message if isinstance(exc.message, Promise) else None
    headers = {"WWW-Authenticate": WWW_AUTHENTICATE} if exc.status_code == 401 else None
    return problem_response(exc.status_code, detail, headers=headers)


def _authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem_response(
        401,
        _("Sign in, or send an API token as “Authorization: Bearer <token>”."),
        headers={"WWW-Authenticate": WWW_AUTHENTICATE},
    )


def _throttled(request: HttpRequest, exc: NinjaThrottled) -> HttpResponse:
    # Ninja adds Retry-After itself after this handler returns.
    return problem_response(429, _("Please wait a little and try again."))


def _domain(request: HttpRequest, exc: DomainError) -> HttpResponse:
    headers: dict[str, str] = {}
    if isinstance(exc, Throttled):
        headers["Retry-After"] = str(exc.retry_after)
    if exc.status == 401:
        headers["WWW-Authenticate"] = WWW_AUTHENTICATE
    return problem_response(exc.status, formatted(exc.message, exc.params), code=exc.code, headers=headers)


def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    # The exception's text may name a model or an id; the client gets only the generic sentence.
    return problem_response(404, _("There is nothing at this address, or it is not yours to see."))


def _forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(403, _("You do not have permission to do this."))


# Looked up along each exception's MRO, so a subclass (AuthenticationError of HttpError, Throttled of
# DomainError) finds its own handler first.
HANDLERS: tuple[tuple[type[Exception], Callable[..., HttpResponse]], ...] = (
    (ValidationError, _validation),
    (DjangoValidationError, _django_validation),
    (HttpError, _http_error),
    (AuthenticationError, _authentication),
    (NinjaThrottled, _throttled),
    (DomainError, _domain),
    (Http404, _not_found),
    (ObjectDoesNotExist, _not_found),
    (DjangoPermissionDenied, _forbidden),
)


def install(api: NinjaAPI) -> None:
    """Replace ninja's handlers (``{"detail": …}`` bodies) with problems. Unexpected exceptions keep
    ninja's default: re-raised, so Django logs them and handler500 answers with a problem."""
    for exc_class, handler in HANDLERS:
        api.exception_handler(exc_class)(handler)
