"""schema.org JobPosting for a published vacancy, as JSON-LD (a data block: CSP does not run it).

Escaped like Django's ``json_script``: ``<``, ``>`` and ``&`` become \\u escapes, so text written by an
employer can never close the script element.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from mizan.vacancies.models import Terms, Vacancy

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
_UNITS = {
    Terms.Period.MONTH: "MONTH",
    Terms.Period.WEEK: "WEEK",
    Terms.Period.DAY: "DAY",
    Terms.Period.HOUR: "HOUR",
}


def _number(value: Decimal) -> int | float:
    """A JSON number, as search engines want it (the amount is exact to the cent either way)."""
    return int(value) if value == value.to_integral_value() else float(value)


def job_posting(vacancy: Vacancy, *, url: str) -> dict[str, Any]:
    terms = vacancy.terms
    location: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": vacancy.destination}
    if vacancy.destination_region:
        location["addressRegion"] = vacancy.destination_region
    if vacancy.place_of_work:
        location["addressLocality"] = vacancy.place_of_work
    published = vacancy.published_at or vacancy.created_at
    valid_through = vacancy.apply_by or vacancy.start_date
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "name": "Mizan", "value": str(vacancy.id)},
        "url": url,
        "title": vacancy.title,
        "description": vacancy.description or vacancy.title,
        "inLanguage": vacancy.text_language,
        "datePosted": published.date().isoformat(),
        "validThrough": dt.datetime.combine(valid_through, dt.time(23, 59)).isoformat(),
        "employmentType": "FULL_TIME",
        "jobStartDate": vacancy.start_date.isoformat(),
        "totalJobOpenings": vacancy.number_of_workers,
        "hiringOrganization": {"@type": "Organization", "name": vacancy.employer.name},
        "jobLocation": {"@type": "Place", "address": location},
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": terms.pay_currency,
            "value": {
                "@type": "QuantitativeValue",
                "value": _number(terms.pay_amount),
                "unitText": _UNITS[Terms.Period(terms.pay_period)],
            },
        },
        "occupationalCategory": vacancy.occupation.isco_group_id,
        "industry": vacancy.sector,
        "applicantLocationRequirements": [
            {"@type": "Country", "name": code} for code in vacancy.origin_codes
        ],
        "workHours": f"{_number(terms.hours_per_week)} hours a week",
    }
    if terms.languages_needed:
        data["qualifications"] = ", ".join(
            f"{need.get('language')} ({need.get('level')})" for need in terms.languages_needed
        )
    return data


def script_tag(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
