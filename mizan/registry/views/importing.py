"""An authority imports its licence list from a CSV file. Every row is checked first: with any problem,
nothing is saved and the report (row, column, reason) is shown and can be downloaded as CSV."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from mizan.common import errors
from mizan.registry import importing, permissions
from mizan.registry.forms import ImportForm
from mizan.registry.views.manage import actor_of, message_of, staff_only

REPORT_KEY = "registry_import_report"
KEPT = 5000  # problems kept for the download; a file with more has bigger troubles than a list can show
SHOWN = 100  # problems shown on the page, which must stay light


def _csv(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_only
@require_http_methods(["GET", "POST"])
def import_licences(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    authorities = list(permissions.acting_authorities(actor, permissions.MANAGE_LICENCES))
    if not authorities:
        raise DjangoPermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, authorities=authorities)
    report = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                report = importing.licences_import(
                    actor=actor, authority=form.cleaned_data.get("authority"), data=form.cleaned_data["file"]
                )
            except errors.PermissionDenied:
                raise
            except errors.DomainError as error:
                form.add_error("file", message_of(error))
            else:
                if report.ok:
                    status = 200
                    request.session.pop(REPORT_KEY, None)
                else:
                    request.session[REPORT_KEY] = [
                        [problem.row, problem.field, str(problem.reason)]
                        for problem in report.problems[:KEPT]
                    ]
    context = {
        "form": form,
        "report": report,
        "problems": report.problems[:SHOWN] if report else [],
        "more_problems": max(0, len(report.problems) - SHOWN) if report else 0,
        "columns": importing.COLUMNS,
    }
    return render(request, "registry/manage/import.html", context, status=status)


@staff_only
@require_GET
def import_report(request: HttpRequest) -> HttpResponse:
    if not permissions.acting_authorities(actor_of(request), permissions.MANAGE_LICENCES).exists():
        raise DjangoPermissionDenied
    kept = request.session.get(REPORT_KEY)
    if not kept:
        raise Http404
    problems = [importing.RowProblem(int(row), str(column), str(reason)) for row, column, reason in kept]
    return _csv(importing.report_csv(problems), "licence-import-problems.csv")


@staff_only
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    if not permissions.acting_authorities(actor_of(request), permissions.MANAGE_LICENCES).exists():
        raise DjangoPermissionDenied
    return _csv(importing.template_csv(), "licence-list-template.csv")
