"""NinjaAPI, adjusted so the problem format holds everywhere, in the answers and in the OpenAPI schema."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from ninja.types import DictStrAny

from mizan.api import VERSION, handlers
from mizan.api.problems import problem_response
from mizan.common.problems import PROBLEM_CONTENT_TYPE


def _is_problem_status(status: int) -> bool:
    return 400 <= status < 500


class ProblemOpenAPISchema(OpenAPISchema):
    """Declares 4xx bodies as application/problem+json, which is what the API sends (ninja would say
    application/json for every response)."""

    def responses(self, operation: Operation) -> dict[int, DictStrAny]:
        result = super().responses(operation)
        for status, details in result.items():
            content = details.get("content")
            if isinstance(status, int) and _is_problem_status(status) and content:
                (schema,) = content.values()  # ninja declares one content type per response
                details["content"] = {PROBLEM_CONTENT_TYPE: schema}
        return result


def _problem_view(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Wrap a URL's view so the answers ninja makes outside any operation are problems too: 405 for a
    method the path does not have (ninja answers plain text) and 404 from the API root."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return problem_response(404, _("There is nothing at this address."))
        content_type = response.get("Content-Type", "")
        if _is_problem_status(response.status_code) and not content_type.startswith(PROBLEM_CONTENT_TYPE):
            detail = None
            if response.status_code == 405:
                detail = _("This address does not accept %(method)s.") % {"method": request.method}
            replacement = problem_response(response.status_code, detail)
            if "Allow" in response:
                replacement["Allow"] = response["Allow"]
            return replacement
        return response

    return wrapper


class MizanAPI(NinjaAPI):
    def create_response(
        self,
        request: HttpRequest,
        data: Any,
        *,
        status: int | None = None,
        temporal_response: HttpResponse | None = None,
    ) -> HttpResponse:
        # An operation returning Status(4xx, Problem(...)) gets the problem content type as well.
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        if _is_problem_status(response.status_code):
            response["Content-Type"] = PROBLEM_CONTENT_TYPE
        return response

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: DictStrAny | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return ProblemOpenAPISchema(self, path_prefix)

    @property
    def urls(self) -> tuple[list[URLResolver | URLPattern], str, str]:
        patterns, app_name, namespace = super().urls
        wrapped: list[URLResolver | URLPattern] = [
            URLPattern(p.pattern, _problem_view(p.callback), p.default_args, p.name)
            if isinstance(p, URLPattern)
            else p
            for p in patterns
        ]
        return wrapped, app_name, namespace


def create_api(*, namespace: str, description: str = "") -> MizanAPI:
    """A MizanAPI with the problem handlers installed. The site has one (mizan.api.router.api); tests
    build their own to mount test-only routers."""
    api = MizanAPI(
        title="Mizan API",
        version=VERSION,
        description=description,
        urls_namespace=namespace,
        openapi_url="/openapi.json",
        # ninja's Swagger page loads its scripts from a CDN, which our CSP forbids and offline use breaks;
        # the schema at /api/v1/openapi.json works with any OpenAPI viewer.
        docs_url=None,
        parser=handlers.JsonParser(),
    )
    handlers.install(api)
    return api
