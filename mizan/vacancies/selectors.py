"""Reads of the vacancies app: the job board (published vacancies, for anyone), a poster's own vacancies,
and plain facts about published vacancies for other apps (matching)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import organisations_for
from mizan.api.models import ApiToken
from mizan.common.errors import NotFound
from mizan.common.money import Money
from mizan.compliance.packs import site_packs
from mizan.vacancies.models import Vacancy, VacancyOrigin
from mizan.vacancies.permissions import POST_VACANCIES
from mizan.vacancies.services import Actor, may_manage

PER_PAGE = 20
CENT = Decimal("0.01")
NOT_FOUND = _("There is no such job offer, or it is not yours.")


def _with_details(found: QuerySet[Vacancy]) -> QuerySet[Vacancy]:
    return found.select_related(
        "terms", "occupation", "occupation__isco_group", "employer", "posted_by", "last_check"
    ).prefetch_related("origins", "costs")


# --- Posters ----------------------------------------------------------------------------------------


def posting_organisations(*, actor: Actor) -> list[Organisation]:
    """The organisations the actor may post jobs for (an API token: its own)."""
    if actor is None:
        return []
    if isinstance(actor, ApiToken):
        return [actor.organisation]
    return list(
        organisations_for(actor, POST_VACANCIES)
        .filter(kind__in=[Organisation.Kind.AGENCY, Organisation.Kind.EMPLOYER])
        .order_by("name")
    )


def employers_for(*, posted_by: Organisation) -> QuerySet[Organisation]:
    """Whom a poster may post for: an employer itself; an agency any employer (it says on whose behalf)."""
    if posted_by.kind == Organisation.Kind.EMPLOYER:
        return Organisation.objects.filter(id=posted_by.id)
    return Organisation.objects.filter(kind=Organisation.Kind.EMPLOYER).order_by("name")


def vacancies_for(*, actor: User | ApiToken) -> QuerySet[Vacancy]:
    """The vacancies of every organisation the actor posts for: posted by it, or for it as the employer."""
    ids = [organisation.id for organisation in posting_organisations(actor=actor)]
    if isinstance(actor, User) and actor.is_superuser:
        return _with_details(Vacancy.objects.all())
    return _with_details(Vacancy.objects.filter(Q(posted_by_id__in=ids) | Q(employer_id__in=ids)))


def vacancy_for_manager(*, actor: Actor, vacancy_id: uuid.UUID) -> Vacancy:
    vacancy = _with_details(Vacancy.objects.filter(id=vacancy_id)).first()
    if vacancy is None or not may_manage(actor, vacancy):
        raise NotFound(NOT_FOUND)
    return vacancy


# --- The job board ----------------------------------------------------------------------------------


def published() -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED)


def vacancy_public(*, vacancy_id: uuid.UUID, actor: Actor = None) -> Vacancy:
    """A published vacancy; its owners may also see it unpublished (a preview)."""
    vacancy = _with_details(Vacancy.objects.filter(id=vacancy_id)).first()
    if vacancy is None or not (vacancy.is_published or (actor is not None and may_manage(actor, vacancy))):
        raise NotFound(_("There is no such job offer, or it is no longer on the job board."))
    return vacancy


@dataclass(frozen=True)
class BoardFilters:
    destination: str | None = None
    occupation: str | None = None  # an ESCO code: the occupation and those under it
    min_pay: Decimal | None = None  # a month
    currency: str | None = None  # the currency of min_pay; None: each job's own currency
    start_from: dt.date | None = None
    origin: str | None = None


def _usd(amount: Decimal, currency: str, on: dt.date) -> Decimal | None:
    conversion = site_packs().rates.convert(amount, currency, "USD", on)
    return conversion.amount if conversion else None


def board_queryset(filters: BoardFilters, *, on: dt.date | None = None) -> QuerySet[Vacancy]:
    """Published vacancies matching the filters, newest first. Minimum pay compares basic pay a month:
    in each job's own currency, or, given a currency, converted through US dollars with Mizan's rates
    (jobs in the same currency compare exactly; jobs with no known rate are left out)."""
    day = on or dt.date.today()
    found = published().filter(Q(apply_by__isnull=True) | Q(apply_by__gte=day))  # still open to apply
    if filters.destination:
        found = found.filter(destination=filters.destination)
    if filters.origin:
        found = found.filter(origins__country=filters.origin)
    if filters.occupation:
        found = found.filter(
            Q(occupation__code=filters.occupation) | Q(occupation__code__startswith=f"{filters.occupation}.")
        )
    if filters.start_from:
        found = found.filter(start_date__gte=filters.start_from)
    if filters.min_pay is not None:
        if filters.currency:
            same = Q(terms__pay_currency=filters.currency, terms__pay_per_month__gte=filters.min_pay)
            usd = _usd(filters.min_pay, filters.currency, day)
            found = found.filter(same | Q(terms__pay_per_month_usd__gte=usd) if usd is not None else same)
        else:
            found = found.filter(terms__pay_per_month__gte=filters.min_pay)
    return found.distinct().order_by("-published_at", "id")


def board_page(filters: BoardFilters, *, page: int = 1, per_page: int = PER_PAGE) -> Page[Vacancy]:
    found = board_queryset(filters).select_related(
        "terms", "occupation", "employer", "posted_by", "last_check"
    )
    paginator = Paginator(found, per_page)
    return paginator.get_page(page)


def board_destinations() -> list[str]:
    """Countries with at least one published vacancy."""
    return sorted(set(published().values_list("destination", flat=True)))


# --- Facts for other apps -----------------------------------------------------------------------------


@dataclass(frozen=True)
class VacancyFacts:
    """What matching needs about one published vacancy: no free text, no personal data."""

    id: uuid.UUID
    employer_id: uuid.UUID
    occupation_code: str  # ESCO
    isco_code: str  # ISCO-08 unit group
    sector: str
    destination: str
    destination_region: str
    origins: tuple[str, ...]
    pay_per_month: Money | None  # basic pay a month, in the job's currency
    pay_per_month_converted: Decimal | None  # in the currency asked for (None: no rate, or not asked)
    start_date: dt.date
    contract_months: int
    number_of_workers: int
    languages_needed: tuple[tuple[str, str], ...]  # (BCP 47 code, level basic / good / fluent)
    published_at: dt.datetime


def published_vacancy_facts(
    *,
    currency: str | None = None,
    on: dt.date | None = None,
    destination: str | None = None,
    origin: str | None = None,
    ids: list[uuid.UUID] | None = None,
) -> list[VacancyFacts]:
    """Facts of every published vacancy (optionally of one destination or origin, or these ids), with pay
    a month converted to ``currency`` with Mizan's dated rates as of ``on`` (default today)."""
    day = on or dt.date.today()
    rates = site_packs().rates
    found = published()
    if destination:
        found = found.filter(destination=destination)
    if origin:
        found = found.filter(origins__country=origin).distinct()
    if ids is not None:
        found = found.filter(id__in=ids)
    # Plain values, not model instances: matching reads every published vacancy at once.
    rows = list(
        found.order_by("published_at", "id").values(
            "id", "employer_id", "occupation__code", "occupation__isco_group_id", "sector", "destination",
            "destination_region", "start_date", "contract_months", "number_of_workers", "published_at",
            "modified_at", "terms__pay_per_month", "terms__pay_currency", "terms__languages_needed",
        )
    )  # fmt: skip
    origins: dict[uuid.UUID, list[str]] = {}
    pairs = VacancyOrigin.objects.filter(vacancy_id__in=[row["id"] for row in rows]).values_list(
        "vacancy_id", "country"
    )
    for vacancy_id, country in pairs.order_by("country"):
        origins.setdefault(vacancy_id, []).append(country)
    facts = []
    for row in rows:
        monthly, pay_currency = row["terms__pay_per_month"], row["terms__pay_currency"]
        converted = None
        if monthly is not None and currency:
            conversion = rates.convert(monthly, pay_currency, currency, day)
            converted = conversion.amount.quantize(CENT) if conversion else None
        facts.append(
            VacancyFacts(
                id=row["id"],
                employer_id=row["employer_id"],
                occupation_code=row["occupation__code"],
                isco_code=row["occupation__isco_group_id"],
                sector=row["sector"],
                destination=row["destination"],
                destination_region=row["destination_region"],
                origins=tuple(origins.get(row["id"], ())),
                pay_per_month=Money(monthly, pay_currency) if monthly is not None else None,
                pay_per_month_converted=converted,
                start_date=row["start_date"],
                contract_months=row["contract_months"],
                number_of_workers=row["number_of_workers"],
                languages_needed=tuple(
                    (str(need.get("language", "")), str(need.get("level", "")))
                    for need in row["terms__languages_needed"] or ()
                ),
                published_at=row["published_at"] or row["modified_at"],
            )
        )
    return facts
