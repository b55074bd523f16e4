"""Checking what a worker puts in their profile. Every "no" is a DomainError with a plain message and the
name of the field it is about, so a form can show it beside the field and the API as a problem."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

import pycountry
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.common.countries import country_codes
from mizan.common.errors import DomainError
from mizan.profiles.choices import SECTORS
from mizan.profiles.models import MAX_YEARS

MAX_OCCUPATIONS = 10
MAX_LANGUAGES = 20
MAX_DESTINATIONS = 15
MAX_CERTIFICATES = 20
MAX_PAY = Decimal("9999999999.99")
EARLIEST_CERTIFICATE = dt.date(1950, 1, 1)
LATEST_START_YEARS = 5

# BCP 47: a 2-3 letter language, then optional script (4 letters), region (2 letters or 3 digits) or
# variants; private-use and extension subtags are not needed to say which language a person speaks.
_BCP47 = re.compile(
    r"^([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|[0-9]{3}))?((?:-[A-Za-z0-9]{5,8})*)$"
)


class ProfileInputError(DomainError):
    """Something the worker gave is not right; ``field`` names it (``""`` for the whole form)."""

    status = 400
    code = "invalid"

    def __init__(self, message: Any, *, field: str = "", code: str | None = None, **params: Any) -> None:
        super().__init__(message, code=code, **params)
        self.field = field


class UnknownOccupation(ProfileInputError):
    """An ESCO code Mizan does not know. Pages with the code in their address answer 404."""

    code = "unknown_occupation"


def clean_years(value: Any) -> Decimal:
    try:
        years = Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except (InvalidOperation, ValueError) as exc:
        raise ProfileInputError(
            _("Please give the number of years as a number, like 3 or 1.5."),
            field="years_of_experience",
            code="years_invalid",
        ) from exc
    if not years.is_finite() or years < 0 or years > MAX_YEARS:
        raise ProfileInputError(
            _("Please give a number of years from 0 to %(most)s."),
            field="years_of_experience",
            code="years_out_of_range",
            most=int(MAX_YEARS),
        )
    return years.quantize(Decimal("0.1"))


def clean_language_code(value: Any) -> str:
    """A BCP 47 tag in its usual case (``ne``, ``zh-Hant``, ``pt-BR``) whose language ISO 639 knows."""
    text = str(value or "").strip().replace("_", "-")
    match = _BCP47.match(text)
    language = match.group(1).lower() if match else ""
    known = bool(language) and (
        pycountry.languages.get(alpha_2=language)
        if len(language) == 2
        else pycountry.languages.get(alpha_3=language)
    )
    if not match or not known:
        raise ProfileInputError(
            _("We do not know this language. Please choose it from the list."),
            field="code",
            code="unknown_language",
        )
    script, region, variants = match.group(2), match.group(3), match.group(4)
    parts = [language]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    if variants:
        parts.extend(variant.lower() for variant in variants.split("-") if variant)
    return "-".join(parts)


def clean_countries(values: Iterable[Any]) -> list[str]:
    known = set(country_codes())
    cleaned: list[str] = []
    for value in values:
        code = str(value or "").strip().upper()
        if code not in known:
            raise ProfileInputError(
                _("“%(country)s” is not a country we know. Please choose from the list."),
                field="destinations",
                code="unknown_country",
                country=code[:10],
            )
        if code not in cleaned:
            cleaned.append(code)
    if len(cleaned) > MAX_DESTINATIONS:
        raise ProfileInputError(
            _("Please choose at most %(most)s countries."),
            field="destinations",
            code="too_many_destinations",
            most=MAX_DESTINATIONS,
        )
    return cleaned


def clean_sectors(values: Iterable[Any]) -> list[str]:
    cleaned: list[str] = []
    for value in values:
        code = str(value or "").strip()
        if code not in SECTORS:
            raise ProfileInputError(
                _("Please choose the kinds of work from the list."), field="sectors", code="unknown_sector"
            )
        if code not in cleaned:
            cleaned.append(code)
    return cleaned


def clean_pay(amount: Any, currency: Any) -> tuple[Decimal | None, str]:
    code = str(currency or "").strip().upper()
    if amount in (None, ""):
        return None, ""
    try:
        pay = Decimal(str(amount))
    except (InvalidOperation, ValueError) as exc:
        raise ProfileInputError(
            _("Please give the pay as a number, like 1200."), field="min_monthly_pay", code="pay_invalid"
        ) from exc
    if not pay.is_finite() or pay < 0 or pay > MAX_PAY:
        raise ProfileInputError(
            _("Please give the pay as a number, like 1200."), field="min_monthly_pay", code="pay_invalid"
        )
    if not code:
        raise ProfileInputError(
            _("Please say which money the pay is in."), field="currency", code="currency_needed"
        )
    if pycountry.currencies.get(alpha_3=code) is None:
        raise ProfileInputError(
            _("We do not know this money. Please choose it from the list."),
            field="currency",
            code="unknown_currency",
        )
    return pay.quantize(Decimal("0.01")), code


def clean_start(value: dt.date | None) -> dt.date | None:
    if value is None:
        return None
    latest = timezone.localdate() + dt.timedelta(days=365 * LATEST_START_YEARS)
    if value > latest:
        raise ProfileInputError(
            _("Please choose a day within the next %(years)s years."),
            field="available_from",
            code="start_too_late",
            years=LATEST_START_YEARS,
        )
    return value


def clean_title(value: Any, *, field: str = "title", limit: int = 200) -> str:
    text = " ".join(str(value or "").split())
    if "\x00" in text:
        text = ""
    if not text:
        raise ProfileInputError(
            _("Please write what the certificate is for."), field=field, code="title_needed"
        )
    if len(text) > limit:
        raise ProfileInputError(
            _("Please keep this under %(limit)s letters."), field=field, code="too_long", limit=limit
        )
    return text


def clean_short_text(value: Any, *, field: str, limit: int) -> str:
    text = " ".join(str(value or "").replace("\x00", "").split())
    if len(text) > limit:
        raise ProfileInputError(
            _("Please keep this under %(limit)s letters."), field=field, code="too_long", limit=limit
        )
    return text


def clean_issued_on(value: dt.date | None) -> dt.date | None:
    if value is None:
        return None
    if value > timezone.localdate() or value < EARLIEST_CERTIFICATE:
        raise ProfileInputError(
            _("This date does not look right. Please check it."), field="issued_on", code="issued_on_invalid"
        )
    return value


def parse_day(value: str | None, *, field: str) -> dt.date | None:
    """A YYYY-MM-DD day from a form field of the API ("" or None: not given)."""
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ProfileInputError(
            _("Please give the date as year-month-day, like 2024-03-31."), field=field, code="date_invalid"
        ) from exc
