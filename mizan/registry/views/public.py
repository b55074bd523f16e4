"""The public "check a recruiter": one search box and each recruiter's public record. No account, no
JavaScript; the question travels in the address (GET), so a result can be shared."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from mizan.common.errors import NotFound
from mizan.registry import selectors
from mizan.registry.forms import SearchForm


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    query = ""
    results = None
    status = 200
    if request.GET:
        if form.is_valid():
            query = form.cleaned_data["q"].strip()
        else:
            status = 400
    if query:
        results = selectors.recruiters_search(query, on=timezone.localdate())
    context = {"form": form, "query": query, "results": results}
    return render(request, "registry/search.html", context, status=status)


@require_GET
def record(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    try:
        organisation = selectors.recruiter_get(organisation_id)
    except NotFound as exc:
        raise Http404 from exc
    public = selectors.public_record(organisation, on=timezone.localdate())
    return render(request, "registry/record.html", {"record": public})
