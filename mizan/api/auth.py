"""Who is calling: a person through their session (pages, the browser) or a machine through a token.

``request.auth`` is the signed-in ``User`` for a session and the ``ApiToken`` for a token.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf, contribute_operation_callback

from mizan.accounts.models import User
from mizan.api import services
from mizan.api.models import ApiToken
from mizan.api.scopes import Scope
from mizan.common.errors import DomainError
from mizan.common.errors import PermissionDenied as DomainPermissionDenied


class NotAuthenticatedError(DomainError):
    """No usable credentials. One message for unknown, revoked and expired tokens, so none is told apart."""

    status = 401
    code = "unauthenticated"


class CsrfFailedError(DomainError):
    status = 403
    code = "csrf_failed"


class MissingScopeError(DomainError):
    status = 403
    code = "missing_scope"


BAD_TOKEN = _("This API token is not valid. It may be wrong, expired or revoked.")


class SessionAuth(APIKeyCookie):
    """The person signed in to the site. Unsafe methods need the CSRF token, as a form would.

    Unlike ninja's SessionAuth, CSRF is checked only once there is a signed-in person, so a request with
    no credentials at all gets 401 rather than a confusing CSRF 403; and the failure is a problem.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        if not user.is_authenticated or not user.is_active:
            return None
        if self.csrf and not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise CsrfFailedError(
                _("The CSRF token is missing or wrong. Send the csrftoken cookie's value in X-CSRFToken.")
            )
        return cast(User, user)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer mzn_…`` — a machine acting for one organisation within its scopes."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        found = services.api_token_authenticate(clear_text=token.strip())
        if found is None:
            # Raised rather than returning None: a wrong token must not fall back to another method.
            raise NotAuthenticatedError(BAD_TOKEN)
        return found


session_auth = SessionAuth()
token_auth = TokenAuth()
# Token first: it answers None without an Authorization header, letting the session try next.
session_or_token = [token_auth, session_auth]


def check_scope(request: HttpRequest, scope: Scope) -> None:
    """403 when a token lacks ``scope``. People are limited by their memberships, not by scopes."""
    auth = getattr(request, "auth", None)
    if isinstance(auth, ApiToken) and not auth.has_scope(scope):
        raise MissingScopeError(_("This API token does not have the “%(scope)s” scope."), scope=str(scope))


F = TypeVar("F", bound=Callable[..., Any])


def require_scope(scope: Scope) -> Callable[[F], F]:
    """Decorate an endpoint (under the router decorator) so a token needs ``scope`` to call it.

    The scope is also written into the operation's OpenAPI description and ``x-scopes``, so the schema
    says what a token needs.
    """

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            check_scope(request, scope)
            return view(request, *args, **kwargs)

        def document(operation: Any) -> None:
            extra = operation.openapi_extra = dict(operation.openapi_extra or {})
            extra["x-scopes"] = [*extra.get("x-scopes", []), str(scope)]
            note = f"Token scope: `{scope}`."
            operation.description = f"{operation.description}\n\n{note}" if operation.description else note

        contribute_operation_callback(wrapper, document)
        return cast(F, wrapper)

    return decorator


def request_user(request: HttpRequest) -> User:
    """The signed-in person of a session-authenticated operation."""
    auth = getattr(request, "auth", None)
    if not isinstance(auth, User):
        raise DomainPermissionDenied(_("Only a signed-in person can do this, not an API token."))
    return auth
