from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from mizan.common import countries, formatting
from mizan.common.languages import LANGUAGES
from mizan.common.money import Money


def test_money_is_decimal_with_an_iso_currency():
    assert Money(Decimal("1.10"), "QAR") + Money(Decimal("2.20"), "QAR") == Money(Decimal("3.30"), "QAR")
    with pytest.raises(TypeError):
        Money(1.1, "QAR")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO 4217"):
        Money(Decimal(1), "XYZ")
    with pytest.raises(ValueError, match="cannot combine"):
        Money(Decimal(1), "QAR") + Money(Decimal(1), "NPR")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1,234,567.50"),
        ("hi", "12,34,567.50"),
        ("ne", "12,34,567.50"),
        ("id", "1.234.567,50"),
        ("ar", "1,234,567.50"),
    ],
)
def test_money_follows_the_readers_grouping_and_separators(language, expected):
    text = formatting.money(Money(Decimal("1234567.50"), "QAR"), language)
    assert expected in text


def test_every_language_formats_dates_numbers_and_names():
    for language in LANGUAGES:
        assert formatting.day(date(2026, 11, 22), language.code)
        assert formatting.number(Decimal("12345.6"), language.code)
        assert countries.country_name("QA", language.code)
        assert countries.currency_name("NPR", language.code)


def test_country_names_are_in_the_readers_language():
    assert countries.country_name("NP", "en") == "Nepal"
    assert countries.country_name("NP", "ne") == "नेपाल"
    assert countries.country_name("QA", "ar") == "قطر"


def test_template_filters_follow_the_active_language():
    template = Template(
        "{% load mizan_format %}{{ d|local_date }} · {{ c|country_name }} · {{ l|language_name }}"
    )
    with translation.override("ar"):
        text = template.render(Context({"d": date(2026, 1, 5), "c": "NP", "l": "ne"}))
    assert "نيبال" in text
    assert "يناير" in text  # January, in Arabic


def test_unknown_codes_fall_back_to_the_code():
    assert countries.country_name("XY", "en") == "XY"
    assert formatting.language_name("xx", "en") == "xx"
