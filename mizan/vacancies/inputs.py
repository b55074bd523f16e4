"""What a poster sends to create or change a vacancy, and the checks every field gets before anything is
saved. A bad field raises Django's ValidationError keyed by field name: forms show it beside the field and
the API answers 422 naming it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.common.countries import country_codes
from mizan.compliance.engine.terms import CostCategory, Sector
from mizan.taxonomy.models import Occupation
from mizan.vacancies.models import LANGUAGE_CHOICES, CostItem, Terms

LEVELS = ("basic", "good", "fluent")
MAX_ORIGINS = 20
MAX_COSTS = 30
MAX_LANGUAGES = 5
MAX_AMOUNT = Decimal("9999999999")  # fits the columns (12 digits, 2 decimals)
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
TEXT_LANGUAGES = {code for code, _name in LANGUAGE_CHOICES}


@dataclass(frozen=True)
class CostInput:
    category: str
    amount: Decimal
    currency: str
    paid_by: str
    worker_amount: Decimal | None = None
    note: str = ""


@dataclass(frozen=True)
class LanguageNeed:
    language: str  # BCP 47
    level: str  # basic / good / fluent


@dataclass(frozen=True)
class VacancyInput:
    """Everything about a vacancy; ``sector`` None means: from the occupation."""

    employer: Organisation
    title: str
    text_language: str
    occupation: Occupation
    destination: str
    origins: list[str]
    place_of_work: str
    number_of_workers: int
    start_date: dt.date
    contract_months: int
    pay_amount: Decimal
    pay_currency: str
    pay_period: str
    hours_per_day: Decimal
    hours_per_week: Decimal
    rest_days_per_week: Decimal
    annual_leave_days: int
    description: str = ""
    destination_region: str = ""
    sector: str | None = None
    apply_by: dt.date | None = None
    housing_allowance: Decimal | None = None
    food_allowance: Decimal | None = None
    transport_allowance: Decimal | None = None
    overtime_rate: Decimal | None = None
    accommodation_provided: bool = False
    accommodation_description: str = ""
    food_provided: bool = False
    languages_needed: list[LanguageNeed] = field(default_factory=list)
    costs: list[CostInput] = field(default_factory=list)


def currency_known(code: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{3}", code)) and pycountry.currencies.get(alpha_3=code) is not None


def region_known(code: str, country: str) -> bool:
    return code.startswith(f"{country}-") and pycountry.subdivisions.get(code=code) is not None


class _Errors:
    def __init__(self) -> None:
        self.by_field: dict[str, list[str]] = {}

    def add(self, name: str, message: object) -> None:
        self.by_field.setdefault(name, []).append(str(message))

    def raise_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


def _check_money(errors: _Errors, name: str, value: Decimal | None, *, positive: bool) -> None:
    if value is None:
        return
    if not value.is_finite() or value > MAX_AMOUNT or value.as_tuple().exponent < -2:  # type: ignore[operator]
        errors.add(name, _("Give an amount with at most two decimals."))
    elif value < 0 or (positive and value == 0):
        errors.add(
            name, _("The amount must be more than 0.") if positive else _("The amount cannot be negative.")
        )


def _check_job(errors: _Errors, data: VacancyInput, today: dt.date) -> None:
    if not data.title.strip():
        errors.add("title", _("Give the job a title."))
    elif len(data.title.strip()) > 200:
        errors.add("title", _("The title can be at most 200 characters."))
    if len(data.description) > 5000:
        errors.add("description", _("The description can be at most 5000 characters."))
    if data.text_language not in TEXT_LANGUAGES:
        errors.add("text_language", _("Choose the language the title and description are written in."))
    if data.destination not in country_codes():
        errors.add("destination", _("Choose the country of work."))
    elif data.destination_region and not region_known(data.destination_region, data.destination):
        errors.add("destination_region", _("This is not a region of the country of work."))
    origins = data.origins
    if not origins:
        errors.add("origins", _("Choose at least one country the workers come from."))
    elif len(origins) > MAX_ORIGINS:
        errors.add("origins", _("Choose at most 20 countries the workers come from."))
    elif any(code not in country_codes() for code in origins):
        errors.add("origins", _("One of the countries the workers come from is not a country code."))
    elif data.destination in origins:
        errors.add("origins", _("Workers cannot come from the country of work: this is for migrant workers."))
    if data.sector is not None and data.sector not in {sector.value for sector in Sector}:
        errors.add("sector", _("Choose a sector from the list."))
    if not data.place_of_work.strip():
        errors.add("place_of_work", _("Say where the work is (town or site)."))
    elif len(data.place_of_work.strip()) > 200:
        errors.add("place_of_work", _("The place of work can be at most 200 characters."))
    if not 1 <= data.number_of_workers <= 100000:
        errors.add("number_of_workers", _("Give a number of workers between 1 and 100,000."))
    if data.start_date < today:
        errors.add("start_date", _("The start date has passed. Give a date from today on."))
    elif data.start_date > today + dt.timedelta(days=3 * 366):
        errors.add("start_date", _("The start date is more than three years away."))
    if data.apply_by is not None and data.apply_by < today:
        errors.add("apply_by", _("The last day to apply has passed."))
    if not 1 <= data.contract_months <= 240:
        errors.add("contract_months", _("Give a contract length between 1 and 240 months."))


def _check_terms(errors: _Errors, data: VacancyInput) -> None:
    _check_money(errors, "pay_amount", data.pay_amount, positive=True)
    if not currency_known(data.pay_currency):
        errors.add("pay_currency", _("Choose the currency of the pay."))
    if data.pay_period not in Terms.Period.values:
        errors.add("pay_period", _("Choose whether the pay is a month, a week, a day or an hour."))
    for name in ("housing_allowance", "food_allowance", "transport_allowance"):
        _check_money(errors, name, getattr(data, name), positive=False)
    if not Decimal(0) < data.hours_per_day <= 24:
        errors.add("hours_per_day", _("Give the working hours a day: more than 0, at most 24."))
    if not Decimal(0) < data.hours_per_week <= 168:
        errors.add("hours_per_week", _("Give the working hours a week: more than 0, at most 168."))
    if not Decimal(0) <= data.rest_days_per_week <= 7 or data.rest_days_per_week % Decimal("0.5"):
        errors.add("rest_days_per_week", _("Give the days off a week: 0 to 7, in half days."))
    elif (
        "hours_per_day" not in errors.by_field
        and "hours_per_week" not in errors.by_field
        and data.hours_per_week > data.hours_per_day * (7 - data.rest_days_per_week)
    ):
        errors.add(
            "hours_per_week", _("The hours a week are more than the hours a day times the working days.")
        )
    if not 0 <= data.annual_leave_days <= 366:
        errors.add("annual_leave_days", _("Give the paid holidays a year: 0 to 366 days."))
    if data.overtime_rate is not None and not Decimal(1) <= data.overtime_rate <= 10:
        errors.add("overtime_rate", _("Overtime pay is given as times the normal pay: from 1 to 10."))
    if len(data.accommodation_description) > 500:
        errors.add("accommodation_description", _("This can be at most 500 characters."))
    needs = data.languages_needed
    if len(needs) > MAX_LANGUAGES:
        errors.add("languages_needed", _("List at most 5 languages."))
    elif any(not _LANGUAGE.match(need.language) or need.level not in LEVELS for need in needs):
        errors.add(
            "languages_needed", _("Each language needs a language code and a level (basic, good, fluent).")
        )
    elif len({need.language for need in needs}) != len(needs):
        errors.add("languages_needed", _("List each language once."))


def _check_costs(errors: _Errors, costs: list[CostInput]) -> None:
    if len(costs) > MAX_COSTS:
        errors.add("costs", _("List at most 30 costs."))
        return
    categories = {category.value for category in CostCategory}
    for number, cost in enumerate(costs, start=1):
        problems: list[object] = []
        if cost.category not in categories:
            problems.append(_("choose what the cost is for"))
        if not cost.amount.is_finite() or cost.amount <= 0 or cost.amount > MAX_AMOUNT:
            problems.append(_("give an amount more than 0"))
        elif cost.amount.as_tuple().exponent < -2:  # type: ignore[operator]
            problems.append(_("give an amount with at most two decimals"))
        if not currency_known(cost.currency):
            problems.append(_("choose the currency"))
        if cost.paid_by not in CostItem.PaidBy.values:
            problems.append(_("say who pays"))
        elif cost.paid_by == CostItem.PaidBy.SHARED:
            part = cost.worker_amount
            if part is None or not part.is_finite() or not Decimal(0) < part < cost.amount:
                problems.append(
                    _("for a shared cost, give the worker's part: more than 0, less than the amount")
                )
        elif cost.worker_amount is not None:
            problems.append(_("give the worker's part only for a shared cost"))
        if len(cost.note) > 200:
            problems.append(_("the note can be at most 200 characters"))
        for problem in problems:
            errors.add("costs", _("Cost %(number)s: %(problem)s.") % {"number": number, "problem": problem})


def validate(data: VacancyInput, *, today: dt.date) -> None:
    """Raise ValidationError naming every field that is not right."""
    errors = _Errors()
    _check_job(errors, data, today)
    _check_terms(errors, data)
    _check_costs(errors, data.costs)
    errors.raise_any()
