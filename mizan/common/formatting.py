"""Numbers, money, dates and names in the reader's language, through Babel (CLDR).

Numbers keep Latin digits in every language (as in contracts, pay slips and phone keypads) but follow
the locale's grouping and separators: 12,34,567 in Hindi, Nepali and Bengali; 1.234,5 in Indonesian.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal
from django.utils import timezone
from django.utils.translation import get_language

from mizan.common.languages import BY_CODE, babel_locale
from mizan.common.money import Money


def current_locale(language: str | None = None) -> Locale:
    try:
        return Locale.parse(babel_locale(language or get_language() or "en"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def number(value: int | Decimal, language: str | None = None) -> str:
    return format_decimal(value, locale=current_locale(language))


def money(value: Money, language: str | None = None) -> str:
    return format_currency(value.amount, value.currency, locale=current_locale(language))


def day(value: date | datetime, language: str | None = None) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return format_date(value, format="long", locale=current_locale(language))


def moment(value: datetime, language: str | None = None) -> str:
    return format_datetime(
        timezone.localtime(value) if timezone.is_aware(value) else value,
        format="medium",
        locale=current_locale(language),
    )


def language_name(code: str, language: str | None = None) -> str:
    """A language's name in the reader's language (our twelve fall back to their own names)."""
    name = current_locale(language).languages.get(code.replace("-", "_"))
    if name:
        return name
    return BY_CODE[code].endonym if code in BY_CODE else code
