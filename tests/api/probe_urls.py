"""A test-only API, mounted with ``@pytest.mark.urls("tests.api.probe_urls")``, whose endpoints raise each
kind of error the real API handles, and one that needs a scope (no real endpoint needs one yet)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import path
from django.utils.translation import gettext_lazy as _
from ninja import Router
from ninja.errors import HttpError
from ninja.responses import Status

from mizan.api.auth import require_scope, session_or_token
from mizan.api.base import create_api
from mizan.api.problems import Problem, problems
from mizan.api.scopes import Scope
from mizan.common.errors import DomainError, Throttled

router = Router()


@router.get("/scoped", auth=session_or_token, response={200: dict, **problems(401, 403)})
@require_scope(Scope.WRITE_VACANCIES)
def scoped(request: HttpRequest) -> dict[str, str]:
    return {"ok": "yes"}


@router.get("/throttled", response={200: dict, **problems(429)})
def throttled(request: HttpRequest) -> None:
    raise Throttled(_("Too many tries."), retry_after=42)


@router.get("/domain", response={200: dict, **problems(400)})
def domain(request: HttpRequest) -> None:
    raise DomainError(_("Nothing is right about “%(thing)s”."), code="wrong_thing", thing="this")


@router.get("/http-error", response={200: dict, **problems(409)})
def http_error(request: HttpRequest) -> None:
    raise HttpError(409, _("It is already there."))  # type: ignore[arg-type]


@router.get("/django-forbidden", response={200: dict, **problems(403)})
def django_forbidden(request: HttpRequest) -> None:
    raise PermissionDenied("internal reason")


@router.get("/django-404", response={200: dict, **problems(404)})
def django_404(request: HttpRequest) -> None:
    raise Http404("internal detail that must not leak")


@router.get("/status-problem", response={200: dict, **problems(409)})
def status_problem(request: HttpRequest) -> Status[Problem]:
    return Status(409, Problem(type="https://mizan.example/problems/conflict", title="Conflict", status=409))


@router.get("/crash")
def crash(request: HttpRequest) -> None:
    raise RuntimeError("a bug")


probe_api = create_api(namespace="api-probe")
probe_api.add_router("", router)

urlpatterns = [path("api/probe/", probe_api.urls)]
handler500 = "mizan.web.views.errors.server_error"
