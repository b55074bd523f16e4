"""Problem details (RFC 9457) for the API: the schema every 4xx documents, and how each is made.

Every 4xx answer of the API is ``application/problem+json`` with ``type``, ``title``, ``status`` and
usually ``detail``; a 422 adds ``errors``. The ``type`` URI is stable and is what clients branch on; the
``title`` and ``detail`` are in the reader's language and may change.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.encoding import force_str
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import Schema
from pydantic import Field

from mizan.common.problems import problem

# status -> (problem code, title). The title says what kind of problem it is, never the particular case.
TITLES: dict[int, tuple[str, Promise]] = {
    400: ("bad_request", _("The request is not right")),
    401: ("unauthenticated", _("Authentication needed")),
    403: ("forbidden", _("Not allowed")),
    404: ("not_found", _("Not found")),
    405: ("method_not_allowed", _("Method not allowed")),
    409: ("conflict", _("Conflict")),
    413: ("too_large", _("What you sent is too large")),
    415: ("unsupported_media_type", _("Unsupported content type")),
    422: ("validation_failed", _("The request is not valid")),
    429: ("throttled", _("Too many requests")),
}


class ProblemError(Schema):
    """One invalid input: where it is (``["body", "name"]``, ``["query", "language"]``), what is wrong."""

    loc: list[str | int]
    msg: str
    type: str = Field(description="A stable machine-readable error kind, e.g. missing, string_too_long.")


class Problem(Schema):
    """An RFC 9457 problem: the body of every 4xx answer, served as application/problem+json."""

    type: str = Field(description="A URI naming the kind of problem; stable, branch on it.")
    title: str = Field(description="A short summary of the kind of problem, in the reader's language.")
    status: int
    detail: str | None = Field(None, description="What went wrong this time, in the reader's language.")
    errors: list[ProblemError] | None = Field(None, description="Only on 422: each invalid input.")


# The body-size limit applies to every request before routing, so every operation can answer 413.
ALWAYS: tuple[int, ...] = (413,)


def problems(*statuses: int) -> dict[int, type[Problem]]:
    """Response declarations for the 4xx an operation can give: ``response={200: X, **problems(401)}``."""
    unknown = set(statuses) - TITLES.keys()
    if unknown:
        raise ValueError(f"no problem title for status {sorted(unknown)}; add it to TITLES")
    return dict.fromkeys(sorted({*statuses, *ALWAYS}), Problem)


def problem_response(
    status: int,
    detail: Any = None,
    *,
    code: str | None = None,
    title: Any = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    default_code, default_title = TITLES.get(status, ("error", _("Something went wrong")))
    response = problem(status, code or default_code, title or default_title, detail, errors=errors)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def formatted(message: Any, params: dict[str, Any] | None = None) -> str:
    """A (lazy) message in the active language, with its named placeholders filled in."""
    text = force_str(message)
    return text % params if params else text
