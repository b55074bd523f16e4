"""Template filters that format for the reader's language: {% load mizan_format %}."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django import template

from mizan.common import countries, formatting
from mizan.common.money import Money

register = template.Library()


@register.filter
def local_number(value: int | Decimal) -> str:
    return formatting.number(value)


@register.filter
def local_money(value: Money) -> str:
    return formatting.money(value)


@register.filter
def local_date(value: date | datetime) -> str:
    return formatting.day(value)


@register.filter
def local_datetime(value: datetime) -> str:
    return formatting.moment(value)


@register.filter
def country_name(code: str) -> str:
    return countries.country_name(code)


@register.filter
def currency_name(code: str) -> str:
    return countries.currency_name(code)


@register.filter
def language_name(code: str) -> str:
    return formatting.language_name(code)
