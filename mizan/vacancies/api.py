"""Vacancies: the JSON API under /api/v1/vacancies (docs/vacancies.md).

Reading the job board is for everyone. Posting, changing, checking and publishing are for the people of
agencies and employers who post jobs (a signed-in session) and for their organisation's API tokens with
the ``write:vacancies`` scope; they call the same services as the pages.
"""

import datetime as dt
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.errors import ValidationError
from ninja.responses import Status
from pydantic import Field

from mizan.accounts.models import Organisation, User
from mizan.api.auth import require_scope, session_or_token
from mizan.api.models import ApiToken
from mizan.api.problems import problems
from mizan.api.scopes import Scope
from mizan.common.errors import PermissionDenied
from mizan.taxonomy.models import Occupation
from mizan.taxonomy.selectors import occupation_titles
from mizan.vacancies import selectors, services
from mizan.vacancies.checking import CheckResult
from mizan.vacancies.inputs import CostInput, LanguageNeed, VacancyInput
from mizan.vacancies.models import Vacancy
from mizan.vacancies.presenting import present_result
from mizan.vacancies.schemas import (
    CheckResultOut,
    PublishIn,
    VacancyIn,
    VacancyOut,
    VacancyPageOut,
)

router = Router(tags=["vacancies"])

TERMS_FIELDS = (
    "pay_amount", "pay_currency", "pay_period", "pay_per_month", "hours_per_day", "hours_per_week",
    "rest_days_per_week", "annual_leave_days", "overtime_rate", "housing_allowance", "food_allowance",
    "transport_allowance", "accommodation_provided", "accommodation_description", "food_provided",
    "languages_needed",
)  # fmt: skip


class BoardQuery(Schema):
    destination: str | None = Field(None, pattern=r"^[A-Z]{2}$", description="Country of work.")
    origin: str | None = Field(None, pattern=r"^[A-Z]{2}$", description="A country workers may come from.")
    occupation: str | None = Field(None, max_length=30, description="ESCO code; includes those under it.")
    min_pay: Decimal | None = Field(None, ge=0, le=Decimal("9999999999"), description="Basic pay a month.")
    currency: str | None = Field(
        None, pattern=r"^[A-Z]{3}$", description="Currency of min_pay; omitted: each job's own currency."
    )
    start_from: dt.date | None = None
    page: int = Field(1, ge=1, le=100000)


def _actor(request: HttpRequest) -> User | ApiToken:
    auth = request.auth  # type: ignore[attr-defined]
    if isinstance(auth, User | ApiToken):
        return auth
    raise PermissionDenied(_("You do not have permission to do this."))


def _language() -> str:
    return translation.get_language() or "en"


def _summary(vacancy: Vacancy, title: str) -> dict[str, Any]:
    terms = vacancy.terms
    return {
        "id": vacancy.id,
        "occupation": {
            "code": vacancy.occupation.code,
            "isco": vacancy.occupation.isco_group_id,
            "title": title,
        },
        "destination": vacancy.destination,
        "employer": {"id": vacancy.employer_id, "name": vacancy.employer.name},
        "pay_amount": terms.pay_amount,
        "pay_currency": terms.pay_currency,
        "pay_period": terms.pay_period,
        "pay_per_month": terms.pay_per_month,
        "start_date": vacancy.start_date,
        "published_at": vacancy.published_at,
    }


def vacancy_dict(vacancy: Vacancy) -> dict[str, Any]:
    title = occupation_titles([vacancy.occupation], _language())[vacancy.occupation.pk]
    terms = vacancy.terms
    check = vacancy.last_check
    return {
        **_summary(vacancy, title),
        "status": vacancy.status,
        "title": vacancy.title,
        "description": vacancy.description,
        "text_language": vacancy.text_language,
        "sector": vacancy.sector,
        "posted_by": {"id": vacancy.posted_by_id, "name": vacancy.posted_by.name},
        "destination_region": vacancy.destination_region,
        "origins": vacancy.origin_codes,
        "place_of_work": vacancy.place_of_work,
        "number_of_workers": vacancy.number_of_workers,
        "apply_by": vacancy.apply_by,
        "contract_months": vacancy.contract_months,
        "terms": {name: getattr(terms, name) for name in TERMS_FIELDS},
        "costs": [
            {
                "category": cost.category,
                "amount": cost.amount,
                "currency": cost.currency,
                "paid_by": cost.paid_by,
                "worker_amount": cost.worker_amount,
                "worker_pays": cost.worker_pays,
            }
            for cost in vacancy.costs.all()
        ],
        "check": (
            {
                "checked_on": check.checked_on,
                "packs": [{"id": p["id"], "version": p["version"]} for p in check.packs],
            }
            if check
            else None
        ),
    }


@router.get("", response={200: VacancyPageOut, **problems(422)}, url_name="vacancies_list")
def list_vacancies(request: HttpRequest, filters: Query[BoardQuery]) -> dict[str, Any]:
    """The job board: published vacancies, newest first, 20 a page. ``min_pay`` compares basic pay a
    month, in each job's own currency, or converted with Mizan's exchange rates when ``currency`` is
    given. Occupation titles are in the request's language."""
    found = selectors.board_page(
        selectors.BoardFilters(
            destination=filters.destination,
            origin=filters.origin,
            occupation=filters.occupation,
            min_pay=filters.min_pay,
            currency=filters.currency,
            start_from=filters.start_from,
        ),
        page=filters.page,
    )
    vacancies = list(found.object_list)
    titles = occupation_titles([v.occupation for v in vacancies], _language())
    return {
        "count": found.paginator.count,
        "page": found.number,
        "pages": found.paginator.num_pages,
        "results": [_summary(v, titles[v.occupation.pk]) for v in vacancies],
    }


@router.get("/{uuid:vacancy_id}", response={200: VacancyOut, **problems(404)}, url_name="vacancies_get")
def get_vacancy(request: HttpRequest, vacancy_id: UUID) -> dict[str, Any]:
    """One published vacancy (404 for any other)."""
    return vacancy_dict(selectors.vacancy_public(vacancy_id=vacancy_id))


def _organisation(organisation_id: UUID | None, field: str) -> Organisation | None:
    if organisation_id is None:
        return None
    found = Organisation.objects.filter(id=organisation_id).first()
    if found is None:
        raise DjangoValidationError({field: [str(_("There is no such organisation."))]})
    return found


def _input(payload: VacancyIn, *, posted_by: Organisation) -> VacancyInput:
    occupation = Occupation.objects.filter(code=payload.occupation).first()
    if occupation is None:
        raise DjangoValidationError({"occupation": [str(_("There is no occupation with this ESCO code."))]})
    employer = _organisation(payload.employer_id, "employer_id")
    if employer is None:
        if posted_by.kind != Organisation.Kind.EMPLOYER:
            raise DjangoValidationError({"employer_id": [str(_("Say which employer the job is for."))]})
        employer = posted_by
    terms = payload.terms
    return VacancyInput(
        employer=employer,
        title=payload.title,
        description=payload.description,
        text_language=payload.text_language,
        occupation=occupation,
        destination=payload.destination,
        destination_region=payload.destination_region,
        origins=list(payload.origins),
        sector=payload.sector,
        place_of_work=payload.place_of_work,
        number_of_workers=payload.number_of_workers,
        start_date=payload.start_date,
        apply_by=payload.apply_by,
        contract_months=payload.contract_months,
        pay_amount=terms.pay_amount,
        pay_currency=terms.pay_currency,
        pay_period=terms.pay_period,
        housing_allowance=terms.housing_allowance,
        food_allowance=terms.food_allowance,
        transport_allowance=terms.transport_allowance,
        overtime_rate=terms.overtime_rate,
        hours_per_day=terms.hours_per_day,
        hours_per_week=terms.hours_per_week,
        rest_days_per_week=terms.rest_days_per_week,
        annual_leave_days=terms.annual_leave_days,
        accommodation_provided=terms.accommodation_provided,
        accommodation_description=terms.accommodation_description,
        food_provided=terms.food_provided,
        languages_needed=[LanguageNeed(need.language, need.level) for need in terms.languages_needed],
        costs=[
            CostInput(cost.category, cost.amount, cost.currency, cost.paid_by, cost.worker_amount, cost.note)
            for cost in payload.costs
        ],
    )


def _poster(actor: User | ApiToken, requested: UUID | None) -> Organisation:
    choices = selectors.posting_organisations(actor=actor)
    if requested is not None:
        for organisation in choices:
            if organisation.id == requested:
                return organisation
        found = _organisation(requested, "posted_by_id")
        if isinstance(actor, User) and actor.is_superuser and found is not None:
            return found
        raise PermissionDenied(_("You cannot post jobs for this organisation."))
    if len(choices) == 1:
        return choices[0]
    if not choices:
        raise PermissionDenied(_("You do not post jobs for any organisation."))
    raise DjangoValidationError({"posted_by_id": [str(_("Say which organisation is posting."))]})


TERMS_INPUTS = {*TERMS_FIELDS, "languages_needed"} - {"pay_per_month"}


def _located(error: DjangoValidationError) -> ValidationError:
    """A service's field errors as the API's: where each field is in the body (terms are nested)."""
    return ValidationError(
        [
            {
                "loc": ("body", "payload", *(("terms", field) if field in TERMS_INPUTS else (field,))),
                "msg": message,
                "type": "invalid",
            }
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    )


def _managed(actor: User | ApiToken, vacancy_id: UUID) -> Vacancy:
    return selectors.vacancy_for_manager(actor=actor, vacancy_id=vacancy_id)


WRITE = problems(400, 401, 403, 404, 409, 422)


@router.post(
    "",
    auth=session_or_token,
    response={201: VacancyOut, **problems(400, 401, 403, 422)},
    url_name="vacancies_create",
)
@require_scope(Scope.WRITE_VACANCIES)
def create_vacancy(request: HttpRequest, payload: VacancyIn) -> Status[dict[str, Any]]:
    """Create a draft vacancy; it is checked at once (see its check with ``POST …/{id}/check``). 422 names
    each field that is not right, including a destination Mizan has no rules for; 403 when the actor may
    not post for the organisation."""
    actor = _actor(request)
    try:
        poster = _poster(actor, payload.posted_by_id)
        vacancy = services.vacancy_create(
            actor=actor, posted_by=poster, data=_input(payload, posted_by=poster)
        )
    except DjangoValidationError as error:
        raise _located(error) from error
    return Status(201, vacancy_dict(_managed(actor, vacancy.id)))


@router.put(
    "/{uuid:vacancy_id}",
    auth=session_or_token,
    response={200: VacancyOut, **WRITE},
    url_name="vacancies_update",
)
@require_scope(Scope.WRITE_VACANCIES)
def update_vacancy(request: HttpRequest, vacancy_id: UUID, payload: VacancyIn) -> dict[str, Any]:
    """Replace a vacancy's details. A published vacancy is checked again and taken off the job board if it
    is now against the rules or has warnings nobody confirmed (its ``status`` says so). 400 ``closed``."""
    actor = _actor(request)
    vacancy = _managed(actor, vacancy_id)
    try:
        services.vacancy_update(
            actor=actor, vacancy=vacancy, data=_input(payload, posted_by=vacancy.posted_by)
        )
    except DjangoValidationError as error:
        raise _located(error) from error
    return vacancy_dict(_managed(actor, vacancy_id))


def check_dict(result: CheckResult) -> dict[str, Any]:
    shown = present_result(result)

    def items(found: list[Any]) -> list[dict[str, Any]]:
        return [
            {
                "severity": item.severity,
                "rule_id": item.finding.rule_id,
                "message": item.message,
                "change": item.change,
                "citation": item.finding.citation.to_dict() if item.finding.citation else None,
                "origins": list(item.origins),
            }
            for item in found
        ]

    return {
        "checked_on": result.on,
        "publishable": not result.blocked,
        "no_rules": result.no_rules,
        "may_recruit": not result.recruiting,
        "recruiting_reasons": shown.recruiting,
        "violations": items(shown.violations),
        "warnings": items(shown.warnings),
        "warning_rule_ids": result.warning_rule_ids,
        "packs": [{"id": use.id, "version": use.version} for use in result.pack_uses],
        "checked": [line.text for line in shown.packs],
    }


@router.post(
    "/{uuid:vacancy_id}/check",
    auth=session_or_token,
    response={200: CheckResultOut, **problems(401, 403, 404)},
    url_name="vacancies_check",
)
@require_scope(Scope.WRITE_VACANCIES)
def check_vacancy(request: HttpRequest, vacancy_id: UUID) -> dict[str, Any]:
    """Check the vacancy against the rules in force today, for each origin; the result is kept as its last
    check. Each finding has its message (in the request's language), source and what to change."""
    actor = _actor(request)
    _check, result = services.vacancy_check(actor=actor, vacancy=_managed(actor, vacancy_id))
    return check_dict(result)


@router.post(
    "/{uuid:vacancy_id}/publish",
    auth=session_or_token,
    response={200: VacancyOut, **WRITE},
    url_name="vacancies_publish",
)
@require_scope(Scope.WRITE_VACANCIES)
def publish_vacancy(request: HttpRequest, vacancy_id: UUID, payload: PublishIn) -> dict[str, Any]:
    """Publish on the job board. 403 ``may_not_recruit`` (the agency's licence is not valid, or it or the
    employer is under a sanction); 409 ``violations``, ``no_rules``, ``warnings_not_acknowledged`` (send
    ``acknowledged_warnings``: the rule ids of every warning of today's check), ``warnings_changed``
    (those sent are not today's warnings), ``start_passed``; 400 ``already_published``, ``closed``."""
    actor = _actor(request)
    services.vacancy_publish(
        actor=actor, vacancy=_managed(actor, vacancy_id), acknowledged_warnings=payload.acknowledged_warnings
    )
    return vacancy_dict(_managed(actor, vacancy_id))
