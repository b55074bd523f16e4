"""The job board, for everyone: /jobs/ (published vacancies, filters in the address, pages of 20) and
/jobs/<id>/ (one vacancy, with schema.org JobPosting JSON-LD). No JavaScript, no account needed."""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from mizan.accounts.models import User
from mizan.common import errors
from mizan.vacancies import selectors
from mizan.vacancies.display import shown_vacancies
from mizan.vacancies.forms import BoardForm
from mizan.vacancies.jsonld import job_posting, script_tag
from mizan.vacancies.selectors import BoardFilters
from mizan.vacancies.services import may_manage


def _query(data: dict[str, Any], page: int) -> str:
    pairs = [(key, value) for key, value in data.items() if value not in (None, "") and key != "page"]
    return urlencode([*((key, str(value)) for key, value in pairs), ("page", str(page))])


@require_GET
def board(request: HttpRequest) -> HttpResponse:
    language = get_language() or "en"
    form = BoardForm(request.GET or None, language=language, destinations=selectors.board_destinations())
    status = 200
    filters = BoardFilters()
    page_number = 1
    if request.GET:
        if form.is_valid():
            data = form.cleaned_data
            filters = BoardFilters(
                destination=data.get("destination") or None,
                occupation=data.get("occupation") or None,
                min_pay=data.get("min_pay"),
                currency=data.get("currency") or None,
                start_from=data.get("start_from"),
            )
            page_number = data.get("page") or 1
        else:
            status = 400
    page = selectors.board_page(filters, page=page_number)
    cleaned = form.cleaned_data if form.is_bound and form.is_valid() else {}
    context = {
        "form": form,
        "page": page,
        "rows": shown_vacancies(list(page.object_list), full=False),
        "previous_query": _query(cleaned, page.previous_page_number()) if page.has_previous() else "",
        "next_query": _query(cleaned, page.next_page_number()) if page.has_next() else "",
        "filtered": any(value for key, value in cleaned.items() if key != "page"),
    }
    return render(request, "vacancies/board.html", context, status=status)


@require_GET
def detail(request: HttpRequest, vacancy_id: UUID) -> HttpResponse:
    user = request.user
    actor = cast(User, user) if user.is_authenticated else None
    try:
        vacancy = selectors.vacancy_public(vacancy_id=vacancy_id, actor=actor)
    except errors.NotFound as exc:
        raise Http404 from exc
    shown = shown_vacancies([vacancy])[0]
    url = request.build_absolute_uri(reverse("vacancies:detail", kwargs={"vacancy_id": vacancy.id}))
    context = {
        "shown": shown,
        "vacancy": vacancy,
        "json_ld": script_tag(job_posting(vacancy, url=url)) if vacancy.is_published else "",
        "owner": actor is not None and may_manage(actor, vacancy),
    }
    return render(request, "vacancies/detail.html", context)
