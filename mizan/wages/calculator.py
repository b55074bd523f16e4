"""The pay calculator on the site: the engine (``mizan.wages.engine``, pure) with the site's rule packs.

    statement = statement_for(entries=..., terms=..., period=..., received=..., deductions=...,
                              destination="HK", sector="domestic_work", worker_category=None,
                              language="ne")
    shown = present_statement(statement)      # JSON-ready, every message in statement.language

Nothing is stored: the wages app keeps the entries and payments, this module only computes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext

from mizan.common import formatting
from mizan.common.countries import country_name
from mizan.common.money import Money
from mizan.compliance.engine import PackSet
from mizan.compliance.packs import site_packs
from mizan.wages.engine import (
    ContractTerms,
    DeductionTaken,
    Entry,
    Payment,
    Period,
    Statement,
    calculate,
    law_changes,
    law_rules,
    render,
    unknown_params,
)
from mizan.wages.engine.law import change_days
from mizan.wages.engine.money import Converter

_MONEY = re.compile(r"^([A-Z]{3}) (-?\d+(?:\.\d+)?)$")


def _converter(packs: PackSet) -> Converter:
    def convert(amount: Decimal, source: str, target: str, on: dt.date) -> Decimal | None:
        found = packs.rates.convert(amount, source, target, on)
        return found.amount if found is not None else None

    return convert


def statement_for(
    *,
    entries: Sequence[Entry],
    terms: ContractTerms,
    period: Period,
    received: Iterable[Payment] = (),
    deductions: Iterable[DeductionTaken] = (),
    destination: str,
    sector: str | None,
    worker_category: str | None = None,
    language: str = "en",
    region: str | None = None,
    now: dt.datetime | None = None,
    packs: PackSet | None = None,
) -> Statement:
    """The statement for ``period`` under the site's rules in force on its first day, with a warning naming
    the day they change if they change inside the period. ``now`` defaults to the current time (entries
    after it are left out)."""
    packs = packs or site_packs()
    law = law_rules(
        packs,
        destination=destination,
        sector=sector,
        worker_category=worker_category,
        on=period.start,
        until=period.end,
        region=region,
        contract_signed_on=terms.signed_on,
    )
    law_at_end = None
    for day in change_days(packs, destination, period.start, period.end):
        later = law_rules(
            packs,
            destination=destination,
            sector=sector,
            worker_category=worker_category,
            on=day,
            region=region,
            contract_signed_on=terms.signed_on,
        )
        if law_changes(law, later):
            law_at_end = later  # the first day the figures differ: the statement names it
            break
    return calculate(
        entries=entries,
        terms=terms,
        period=period,
        law=law,
        now=now or timezone.now(),
        received=received,
        deductions=deductions,
        convert=_converter(packs),
        law_at_end=law_at_end,
        language=language,
    )


def _localised(params: Mapping[str, str]) -> dict[str, str]:
    result = {}
    for name, value in params.items():
        match = _MONEY.match(value)
        if match:
            with contextlib.suppress(ValueError):  # not an ISO 4217 code: leave it as written
                value = formatting.money(Money(Decimal(match.group(2)), match.group(1)))
        elif name == "country" and len(value) == 2:
            value = country_name(value)
        result[name] = value
    return result


def message(key: str, params: Mapping[str, str]) -> str:
    """One engine message in the active language."""
    return render(key, _localised(params), translate=gettext)


def _money(amount: Decimal | None, currency: str) -> str | None:
    return None if amount is None else formatting.money(Money(amount, currency))


def present_statement(statement: Statement) -> dict[str, Any]:
    """The statement as JSON-ready data with every message in ``statement.language``."""
    with translation.override(statement.language):
        data = statement.to_dict()
        currency = statement.currency
        country = statement.destination
        for item, line in zip(data["lines"], statement.lines, strict=True):
            item["message"] = message(line.message_key, line.params)
            item["amount_text"] = _money(line.amount, currency)
        for item, deduction in zip(data["deductions"], statement.deductions, strict=True):
            item["message"] = message(deduction.message_key, deduction.params)
        for item, problem in zip(data["problems"], statement.problems, strict=True):
            item["message"] = message(problem.message_key, problem.params)
        unknown = []
        for code in statement.could_not_check:
            key, params = unknown_params(code, country)
            what = message(key, params)
            unknown.append({"code": code, "message": message("wages.could_not_check", {"what": what})})
        data["could_not_check"] = unknown
        data["headline"] = [message(key, params) for key, params in statement.headline()]
        data["totals_text"] = {
            name: _money(getattr(statement.totals, name), currency)
            for name in (
                "due_contract",
                "due_law",
                "due",
                "deductions_owed",
                "received",
                "shortfall",
                "overpayment",
            )
        }
    return data
