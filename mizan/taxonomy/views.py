"""The public pages: search and browse the kinds of work, and one occupation with its skills."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from mizan.common.errors import NotFound
from mizan.common.languages import DEFAULT
from mizan.taxonomy import selectors
from mizan.taxonomy.labels import GROUP_LABELS
from mizan.taxonomy.source import GROUPS

MAX_QUERY = 100


def _language() -> str:
    return get_language() or DEFAULT


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Search (``?q=``, any language and script) or, without a query, the common kinds of work by group."""
    language = _language()
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    results = selectors.occupation_search(query, language, limit=30) if query else []
    groups = []
    if not query:
        by_group: dict[str, list[tuple[object, str]]] = {group: [] for group in GROUPS}
        for occupation, title in selectors.common_occupations(language):
            by_group.setdefault(occupation.common_group, []).append((occupation, title))
        groups = [
            {"key": group, "label": GROUP_LABELS.get(group, group), "occupations": items}
            for group, items in by_group.items()
            if items
        ]
    context = {"query": query, "results": results, "groups": groups}
    return render(request, "taxonomy/index.html", context)


@require_GET
def detail(request: HttpRequest, code: str) -> HttpResponse:
    """One occupation: its title, ESCO label and description, ISCO groups and skills."""
    language = _language()
    try:
        occupation = selectors.occupation_by_code(code)
    except NotFound as exc:
        raise Http404 from exc
    essential, optional = selectors.skills_for(occupation)
    context = {
        "occupation": occupation,
        "title": selectors.occupation_title(occupation, language),
        "isco_path": selectors.isco_path(occupation.code),
        "essential": essential,
        "optional": optional,
    }
    return render(request, "taxonomy/detail.html", context)
