""" "My pay": the contract terms typed once, the pay received per period, and the statement of pay due
(computed by the calculator, line by line with sources)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mizan.accounts.decorators import private
from mizan.api.problems import formatted
from mizan.common.errors import DomainError
from mizan.wages import wording
from mizan.wages.models import PayRecord
from mizan.wages.pay_forms import DeductionRows, PayReceivedForm, TermsForm
from mizan.wages.periods import parse_period, period_containing
from mizan.wages.selectors.log import terms_of, workplace_zone
from mizan.wages.services import pay as pay_services
from mizan.wages.statement import statement_of
from mizan.wages.views.common import bad_input, today_in, worker_of, worker_page


@worker_page
@require_GET
def pay(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    terms = terms_of(worker)
    zone = workplace_zone(worker, terms)
    weekly = terms is not None and terms.pay_period == "week"
    current = period_containing(today_in(zone), week=weekly)
    periods = [current]
    for _i in range(5):
        periods.append(periods[-1].previous())
    records = {
        r.period: r for r in PayRecord.objects.filter(worker=worker, period__in=[p.key for p in periods])
    }
    context = {"terms": terms, "periods": [(p, p.key in records) for p in periods], "weekly": weekly}
    return private(render(request, "wages/pay.html", context))


def _terms_initial(worker: Any) -> dict[str, Any]:
    terms = terms_of(worker)
    if terms is None:
        return {"pay_period": "month", "sector": "domestic_work"}
    names = (
        "destination", "sector", "time_zone", "pay_amount", "currency", "pay_period", "hours_per_day",
        "hours_per_week", "rest_days_per_week", "overtime_rate", "standby_counts_as_work",
        "food_provided", "food_allowance", "housing_provided", "signed_on",
    )  # fmt: skip
    initial = {name: getattr(terms, name) for name in names}
    initial["employer"] = terms.employer_id
    initial["rest_weekday"] = "" if terms.rest_weekday is None else str(terms.rest_weekday)
    return {**initial, **DeductionRows.initial_rows(terms.deductions)}


@worker_page
@require_http_methods(["GET", "POST"])
def terms(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    status = 200
    if request.method == "POST":
        form = TermsForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                pay_services.wage_terms_save(actor=worker, worker=worker, data=form.terms())
            except DomainError as error:
                form.add_error(None, formatted(error.message, error.params))
            else:
                messages.success(request, _("Your contract terms are saved."))
                return redirect("wages:pay")
    else:
        form = TermsForm(initial=_terms_initial(worker))
    return private(render(request, "wages/terms.html", {"form": form}, status=status))


@worker_page
@require_http_methods(["GET", "POST"])
def statement(request: HttpRequest, period: str) -> HttpResponse:
    worker = worker_of(request)
    found = parse_period(period)
    if found is None:
        return bad_input(request, _("This is not a period. Months look like 2026-10, weeks like 2026-W43."))
    terms = terms_of(worker)
    record = PayRecord.objects.filter(worker=worker, period=found.key).first()
    status = 200
    if request.method == "POST":
        form = PayReceivedForm(request.POST)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                pay_services.pay_record_save(
                    actor=worker,
                    worker=worker,
                    period=found,
                    currency=data["currency"],
                    received=data["received"],
                    deductions=data["deductions"],
                    paid_on=data.get("paid_on"),
                )
            except DomainError as error:
                form.add_error(None, formatted(error.message, error.params))
            else:
                messages.success(request, _("Saved. Your statement below uses it."))
                return redirect("wages:statement", period=found.key)
    else:
        initial: dict[str, Any] = {"currency": terms.currency if terms else ""}
        if record is not None:
            received = pay_services.pay_record_read(record)
            initial.update(received=received.received, currency=received.currency, paid_on=received.paid_on)
            initial.update(DeductionRows.initial_rows(received.deductions))
        form = PayReceivedForm(initial=initial)
    result = statement_of(actor=worker, worker=worker, period=found, language=get_language() or "en")
    context = {
        "period": found,
        "result": result,
        "data": result.data,
        "form": form,
        "worked": wording.duration(result.view.worked_minutes),
        "left_out": result.left_out,
        "shortfall": result.statement is not None and result.statement.totals.shortfall > 0,
        "previous": found.previous(),
        "next": found.next(),
        "zone_place": wording.place(result.view.zone),
    }
    return private(render(request, "wages/statement.html", context, status=status))
