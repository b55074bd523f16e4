"""The public checker: a form anyone can fill without an account, and its result. Nothing is stored: the
answers travel in the address (GET), so a result can be bookmarked or shared, and no personal data is
asked for."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pycountry
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from mizan.compliance.checking import check_offer
from mizan.compliance.engine import PackSet
from mizan.compliance.forms import CheckForm
from mizan.compliance.packs import site_packs


@lru_cache(maxsize=4)
def _regions(packs: PackSet) -> list[tuple[str, str]]:
    codes = {
        region
        for version in packs.versions
        for rule in version.rules
        if rule.spec.when and rule.spec.when.regions
        for region in rule.spec.when.regions
    }
    named = []
    for code in sorted(codes):
        subdivision = pycountry.subdivisions.get(code=code)
        named.append((code, f"{subdivision.name} ({code})" if subdivision else code))
    return named


def _form(request: HttpRequest, data: Any = None, initial: Any = None) -> CheckForm:
    return CheckForm(data, initial=initial, regions=_regions(site_packs()))


def _initial(request: HttpRequest) -> dict[str, Any]:
    initial: dict[str, Any] = {key: request.GET.get(key) for key in request.GET if key != "indicators"}
    initial["indicators"] = request.GET.getlist("indicators")
    return initial


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True)  # answers about one person's offer: no shared caches
    return response


@require_GET
def check(request: HttpRequest) -> HttpResponse:
    """The form; answers in the address fill it in again ("change your answers")."""
    form = _form(request, initial=_initial(request) if request.GET else None)
    return _private(render(request, "compliance/check.html", {"form": form}))


@require_GET
def result(request: HttpRequest) -> HttpResponse:
    form = _form(request, data=request.GET)
    terms = form.terms() if form.is_valid() else None
    if terms is None:
        return _private(render(request, "compliance/check.html", {"form": form}, status=400))
    outcome = check_offer(terms=terms, on=form.cleaned_data.get("on"))
    query = urlencode([(key, value) for key in request.GET for value in request.GET.getlist(key)])
    context = {"shown": outcome.present(), "query": query}
    return _private(render(request, "compliance/result.html", context))
