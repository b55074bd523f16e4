"""Domain errors. Views turn them into form errors or 4xx answers; none of them is ever a 500."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain refused an action. ``message`` is already translatable (lazy)."""

    status = 400
    code = "invalid"

    def __init__(self, message: Any, *, code: str | None = None, **params: Any) -> None:
        super().__init__(str(message))
        self.message = message
        self.params = params
        if code:
            self.code = code


class PermissionDenied(DomainError):
    status = 403
    code = "forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Throttled(DomainError):
    """Too many attempts; ``retry_after`` is in seconds."""

    status = 429
    code = "throttled"

    def __init__(self, message: Any, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
