"""Countries (ISO 3166-1 alpha-2), currencies (ISO 4217) and their names in the reader's language."""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel import Locale, UnknownLocaleError
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mizan.common.languages import babel_locale


def _locale(language: str | None = None) -> Locale:
    try:
        return Locale.parse(babel_locale(language or get_language() or "en"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@lru_cache(maxsize=1)
def country_codes() -> tuple[str, ...]:
    return tuple(sorted(country.alpha_2 for country in pycountry.countries))


def validate_country(code: str) -> None:
    if code not in country_codes():
        raise ValidationError(_("“%(code)s” is not a country code."), code="country", params={"code": code})


def country_name(code: str, language: str | None = None) -> str:
    return _locale(language).territories.get(code) or code


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    locale = _locale(language)
    return sorted(
        ((code, locale.territories.get(code, code)) for code in country_codes()), key=lambda pair: pair[1]
    )


def currency_name(code: str, language: str | None = None) -> str:
    return _locale(language).currencies.get(code) or code
