"""POST /api/v1/wages/statement: the pay calculator over HTTP. Public, like the offer checker: no account is
needed and nothing sent is stored.

Mounted by one line in mizan/api/router.py ROUTERS: ``("/wages", "mizan.wages.api_statement.router")``.
``build_router()`` makes a fresh Router, for tests that mount it on an API of their own.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Router
from ninja.errors import ValidationError

from mizan.api.problems import problems
from mizan.common.money import Money
from mizan.wages.calculator import present_statement, statement_for
from mizan.wages.engine import (
    AgreedDeduction,
    Allowance,
    ContractTerms,
    DeductionTaken,
    Entry,
    Payment,
    Period,
)
from mizan.wages.schemas_statement import StatementIn, StatementOut


def _engine_inputs(payload: StatementIn) -> dict[str, Any]:
    terms = payload.terms
    return {
        "entries": [Entry(e.id, e.kind, e.start, e.end, e.note) for e in payload.entries],
        "terms": ContractTerms(
            pay=Money(terms.pay.amount, terms.pay.currency),
            pay_period=terms.pay_period,
            normal_hours_per_day=terms.normal_hours_per_day,
            normal_hours_per_week=terms.normal_hours_per_week,
            rest_days_per_week=terms.rest_days_per_week,
            rest_weekdays=tuple(sorted(set(terms.rest_weekdays))),
            overtime_rate=terms.overtime_rate,
            rest_day_rate=terms.rest_day_rate,
            holiday_rate=terms.holiday_rate,
            holidays=tuple(terms.holidays),
            allowances=tuple(Allowance(a.kind, a.amount, a.period, a.provided) for a in terms.allowances),
            deductions=tuple(AgreedDeduction(d.kind, d.amount, d.period) for d in terms.deductions),
            standby_counts_as_work=terms.standby_counts_as_work,
            signed_on=terms.signed_on,
        ),
        "period": Period(payload.period.start, payload.period.end, payload.period.tz),
        "received": [Payment(Money(p.amount, p.currency), p.date, p.note) for p in payload.received],
        "deductions": [
            DeductionTaken(d.kind, Money(d.amount, d.currency), d.note) for d in payload.deductions
        ],
    }


def build_router() -> Router:
    router = Router(tags=["Hours and pay"])

    @router.post("/statement", response={200: StatementOut, **problems(400, 422)}, url_name="wages_statement")
    def statement(request: HttpRequest, response: HttpResponse, payload: StatementIn) -> dict[str, Any]:
        """Work out the pay due for a week or a month and compare it with what was paid (docs/wages.md).

        Send the time entries (with their UTC offsets), the contract's terms, the dates and the workplace
        time zone, what was received and what was kept back. The answer gives, line by line in the
        requested language (``language``, else Accept-Language): pay due under the contract and under the
        law of ``destination`` (the higher of the two for each part of the pay), weekly rest taken against
        the rest required, each deduction judged lawful or not with its source, the shortfall, problems
        with the entries (overlaps, entries in the future, time zones, clock changes) and what could not
        be checked. No account is needed; nothing is stored.

        400 ``malformed_body`` when the body is not JSON. 422 ``validation_failed`` lists every field that
        is not right (``errors``): unknown country, currency or time zone, a period that ends before it
        starts or is longer than 92 days, negative or huge amounts, an entry id used twice, an unknown
        language."""
        try:
            inputs = _engine_inputs(payload)
        except ValueError as error:  # the schema checks all this first; never a 500 for bad input
            raise ValidationError(
                [{"loc": ("body", "payload"), "msg": str(error), "type": "value_error"}]
            ) from error
        language = payload.language or translation.get_language() or "en"
        result = statement_for(
            **inputs,
            destination=payload.destination,
            sector=payload.sector.value if payload.sector else None,
            worker_category=payload.worker_category,
            region=payload.region,
            language=language,
        )
        response["Content-Language"] = language
        return present_statement(result)

    return router


router = build_router()
