"""Checking a job offer: the one entry point the page, the API and the CLI share. Nothing is stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pycountry
from django.utils.translation import gettext_lazy as _

from mizan.common.countries import country_codes
from mizan.compliance.engine import OfferCalculation, OfferTerms, PackSet, Report, evaluate, offer_calculator
from mizan.compliance.packs import site_packs
from mizan.compliance.presenting import Shown, present

EARLIEST = dt.date(1990, 1, 1)  # no pack reaches further back; bounds keep date arithmetic sane
LATEST = dt.date(2100, 12, 31)
DATE_RANGE_MESSAGE = _("Give a date between 1990 and 2100.")

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Outcome:
    terms: OfferTerms
    report: Report
    calculation: OfferCalculation
    packs: PackSet

    def present(self) -> Shown:
        """The result in the active language (wrap in ``translation.override``)."""
        return present(self.report, self.calculation, self.packs)


def check_offer(*, terms: OfferTerms, on: dt.date | None = None, packs: PackSet | None = None) -> Outcome:
    """Evaluate ``terms`` against the rules in force ``on`` (default: the offer's date, else today)."""
    packs = packs or site_packs()
    report = evaluate(terms, packs, on=on or terms.date or dt.date.today())
    return Outcome(terms, report, offer_calculator(terms, report, packs.rates), packs)


def _currency_known(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


def unknown_codes(terms: OfferTerms) -> list[tuple[Loc, str]]:
    """Country and currency codes that have the right shape but name nothing (``XX``, ``ABC``)."""
    found: list[tuple[Loc, str]] = []
    countries = set(country_codes())
    for name in ("origin", "destination"):
        code = getattr(terms, name)
        if code is not None and code not in countries:
            found.append(((name,), f"{code} is not an ISO 3166-1 country code"))
    currencies: list[tuple[Loc, str | None]] = []
    if terms.pay:
        currencies.append((("pay", "currency"), terms.pay.currency))
    if terms.allowances:
        for kind in ("food", "housing", "other"):
            allowance = getattr(terms.allowances, kind)
            if allowance is not None:
                currencies.append((("allowances", kind, "currency"), allowance.currency))
    for index, deduction in enumerate(terms.deductions or ()):
        currencies.append((("deductions", index, "currency"), deduction.currency))
    for index, fee in enumerate(terms.fees or ()):
        currencies.append((("fees", index, "currency"), fee.currency))
    for loc, currency in currencies:
        if currency is not None and not _currency_known(currency):
            found.append((loc, f"{currency} is not an ISO 4217 currency code"))
    return found


def outcome_dict(outcome: Outcome, shown: Shown, language: str) -> dict[str, Any]:
    """The result as JSON-ready data (API answer, ``mizan check-offer --format json``)."""
    report = outcome.report
    return {
        "language": language,
        "on": report.on.isoformat(),
        "corridor": report.corridor.to_dict(),
        "summary": {**report.summary.to_dict(), "passed": len(report.passed)},
        "headline": shown.headline,
        "out_of_date": report.out_of_date,
        "packs": [
            {**use.to_dict(), **pack.to_dict()} for use, pack in zip(report.packs, shown.packs, strict=True)
        ],
        "findings": [item.to_dict() for item in (*shown.violations, *shown.warnings, *shown.unknown)],
        "passed": [item.to_dict() for item in shown.passed],
        "missing": list(report.missing),
        "calculator": {
            **outcome.calculation.to_dict(),
            "figures": [{"key": f.key, "label": f.label, "value": f.value} for f in shown.figures],
            "sdg_10_7_1_explained": shown.ratio_text or None,
            "notes": shown.calculator_notes,
        },
        "contacts": [
            {"country": c.country, "name": c.name, "does": str(c.does), "url": c.url, "fact": c.fact}
            for c in shown.contacts
        ],
        "advice": shown.advice,
    }
