"""One error format for every 4xx of the API: RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse
from django.utils.encoding import force_str

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_BASE = (
    "https://mizan.example/problems/"  # a stable namespace for problem types, documented in docs/api.md
)


def problem(status: int, code: str, title: Any, detail: Any = None, **extra: Any) -> JsonResponse:
    body: dict[str, Any] = {"type": TYPE_BASE + code, "title": force_str(title), "status": status}
    if detail is not None:
        body["detail"] = force_str(detail)
    body.update({key: value for key, value in extra.items() if value is not None})
    response = JsonResponse(body, status=status, content_type=PROBLEM_CONTENT_TYPE)
    return response


def wants_problem(path: str) -> bool:
    return path.startswith("/api/")
