"""The savings and remittance planner (mizan/wages/planner.py does the sums). Nothing is stored: the
numbers live only in the address of the page, so the worker can bookmark or share their plan."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mizan.accounts.decorators import private
from mizan.wages.pay_forms import PlannerForm
from mizan.wages.planner import PlanInput, plan
from mizan.wages.selectors.log import terms_of
from mizan.wages.views.common import worker_of, worker_page

ZERO = Decimal(0)


@worker_page
@require_GET
def planner(request: HttpRequest) -> HttpResponse:
    worker = worker_of(request)
    result = None
    status = 200
    if "income" in request.GET:
        form = PlannerForm(request.GET)
        if form.is_valid():
            data: dict[str, Any] = form.cleaned_data
            result = plan(
                PlanInput(
                    income=data["income"],
                    living_costs=data.get("living_costs") or ZERO,
                    send_home=data.get("send_home") or ZERO,
                    debt=data.get("debt") or ZERO,
                    debt_payment=data.get("debt_payment") or ZERO,
                    interest_percent=data.get("interest_percent") or ZERO,
                    savings_goal=data.get("savings_goal") or ZERO,
                )
            )
        else:
            status = 400
    else:
        terms = terms_of(worker)
        initial = (
            {"currency": terms.currency, "income": terms.pay_amount}
            if terms and terms.pay_period == "month"
            else {}
        )
        form = PlannerForm(initial=initial)
    currency = (form.cleaned_data.get("currency") if form.is_bound and form.is_valid() else "") or ""
    context = {"form": form, "result": result, "currency": currency.upper()}
    return private(render(request, "wages/planner.html", context, status=status))
