"""A vacancy as a page shows it, in the reader's language: fixed labels translated, numbers, money, dates
and names through Babel, the occupation by its curated title. The employer's own words stay as written."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from mizan.common import formatting
from mizan.common.countries import country_name
from mizan.common.languages import BY_CODE
from mizan.compliance.presenting import money_text
from mizan.taxonomy.selectors import occupation_titles
from mizan.vacancies.models import COST_LABELS, SECTOR_LABELS, CostItem, Terms, Vacancy
from mizan.vacancies.presenting import ShownPackLine, pack_lines

LEVELS = {"basic": _("a little"), "good": _("well"), "fluent": _("very well")}
RTL_EXTRA = {"he", "fa", "ps", "yi", "dv"}


def text_direction(language: str) -> str:
    code = language.split("-", 1)[0].lower()
    known = BY_CODE.get(code)
    return "rtl" if (known and known.rtl) or code in RTL_EXTRA else "ltr"


def per_period(amount: Decimal, currency: str, period: str) -> str:
    label = Terms.Period(period).label
    return gettext("%(amount)s %(period)s") % {"amount": money_text(amount, currency), "period": label}


def pay_month_text(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return ""
    return gettext("%(amount)s a month") % {"amount": money_text(amount, currency)}


@dataclass(frozen=True)
class ShownCost:
    label: str
    amount: str
    who: str
    worker_pays: str
    note: str


@dataclass(frozen=True)
class ShownVacancy:
    vacancy: Vacancy
    occupation: str
    country: str
    sector: str
    origins: list[str]
    pay: str
    pay_month: str
    allowances: list[tuple[str, str]]
    housing: str
    food: str
    languages: list[str]
    costs: list[ShownCost]
    worker_pays_nothing: bool
    checked: list[ShownPackLine]
    text_dir: str

    @property
    def terms(self) -> Terms:
        return self.vacancy.terms


def _housing(terms: Terms) -> str:
    if terms.accommodation_provided:
        return gettext("Given free")
    if terms.housing_allowance:
        return gettext("Not given; money instead: %(amount)s a month") % {
            "amount": money_text(terms.housing_allowance, terms.pay_currency)
        }
    return gettext("Not given")


def _food(terms: Terms) -> str:
    if terms.food_provided:
        return gettext("Given free")
    if terms.food_allowance:
        return gettext("Not given; money instead: %(amount)s a month") % {
            "amount": money_text(terms.food_allowance, terms.pay_currency)
        }
    return gettext("Not given")


def _costs(vacancy: Vacancy) -> list[ShownCost]:
    shown = []
    for cost in vacancy.costs.all():
        who = str(CostItem.PaidBy(cost.paid_by).label)
        shown.append(
            ShownCost(
                label=str(COST_LABELS.get(cost.category, cost.category)),  # type: ignore[call-overload]
                amount=money_text(cost.amount, cost.currency),
                who=who,
                worker_pays=money_text(cost.worker_pays, cost.currency),
                note=cost.note,
            )
        )
    return shown


def shown_vacancies(vacancies: list[Vacancy], *, full: bool = True) -> list[ShownVacancy]:
    """Each vacancy for a page; one query for all the occupation titles. A list (``full=False``) skips
    what only a vacancy's own page shows: where workers come from, the costs, what it was checked against."""
    language = get_language() or "en"
    titles = occupation_titles([v.occupation for v in vacancies], language)
    codes = {v.destination for v in vacancies} | (
        {c for v in vacancies for c in v.origin_codes} if full else set()
    )
    names = {code: country_name(code) for code in codes}  # Babel is slow to look names up: once each
    return [_shown(vacancy, titles[vacancy.occupation.pk], names, full) for vacancy in vacancies]


def _shown(vacancy: Vacancy, occupation: str, names: dict[str, str], full: bool) -> ShownVacancy:
    terms = vacancy.terms
    allowances = []
    if terms.transport_allowance:
        allowances.append(
            (
                gettext("Money for transport a month"),
                money_text(terms.transport_allowance, terms.pay_currency),
            )
        )
    check = vacancy.last_check
    return ShownVacancy(
        vacancy=vacancy,
        occupation=occupation,
        country=names[vacancy.destination],
        sector=str(SECTOR_LABELS.get(vacancy.sector, vacancy.sector)),  # type: ignore[call-overload]
        origins=[names[code] for code in vacancy.origin_codes] if full else [],
        pay=per_period(terms.pay_amount, terms.pay_currency, terms.pay_period),
        pay_month=pay_month_text(terms.pay_per_month, terms.pay_currency),
        allowances=allowances,
        housing=_housing(terms),
        food=_food(terms),
        languages=[
            gettext("%(language)s: %(level)s")
            % {
                "language": formatting.language_name(str(need.get("language", ""))),
                "level": LEVELS.get(str(need.get("level")), need.get("level")),
            }
            for need in terms.languages_needed
        ],
        costs=_costs(vacancy) if full else [],
        worker_pays_nothing=full and all(cost.worker_pays == 0 for cost in vacancy.costs.all()),
        checked=pack_lines(check.packs, check.checked_on) if full and check and vacancy.is_published else [],
        text_dir=text_direction(vacancy.text_language),
    )
