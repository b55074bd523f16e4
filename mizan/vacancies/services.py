"""Writes of the vacancies app: create and change a vacancy, check it, publish it (only when compliant, its
warnings acknowledged and its poster allowed to recruit), take it off the board, close it.

``actor`` is a person (a User), an organisation's API token (an ApiToken: it acts for its organisation
only), or None for the system (the demo loader, the daily re-check). Every service is atomic: a refusal
leaves nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import can
from mizan.api.models import ApiToken
from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.compliance.packs import site_packs
from mizan.privacy.ledger import LedgerDataError, hash_for, ledger_append
from mizan.vacancies.checking import CheckResult, destination_has_rules, run_check, vacancy_terms_of
from mizan.vacancies.inputs import VacancyInput, validate
from mizan.vacancies.models import (
    CostItem,
    Terms,
    Vacancy,
    VacancyCheck,
    VacancyOrigin,
    WarningAcknowledgement,
)
from mizan.vacancies.permissions import POST_VACANCIES
from mizan.vacancies.records import ledger_packs, locked, reasons_of, store_check, take_off
from mizan.vacancies.sectors import sector_for_isco
from mizan.vacancies.terms import CENT, pay_per_month

Actor = User | ApiToken | None
Status = Vacancy.Status
EDITABLE = (Status.DRAFT, Status.PUBLISHED, Status.UNPUBLISHED, Status.UNPUBLISHED_BY_RECHECK)
FORBIDDEN = _("You do not have permission to do this.")


class NotPublishable(DomainError):
    """The vacancy's state does not allow publication (409): violations, no rules, unread warnings."""

    status = 409
    code = "not_publishable"


# --- Who may ---------------------------------------------------------------------------------------


def may_post_for(actor: Actor, organisation: Organisation) -> bool:
    if actor is None:
        return True
    if isinstance(actor, ApiToken):
        return actor.organisation_id == organisation.id and actor.is_usable()
    return can(actor, POST_VACANCIES, organisation)


def may_manage(actor: Actor, vacancy: Vacancy) -> bool:
    """The posting organisation's and the employer's people who post jobs may manage the vacancy."""
    return may_post_for(actor, vacancy.posted_by) or may_post_for(actor, vacancy.employer)


def _require_manage(actor: Actor, vacancy: Vacancy) -> None:
    if not may_manage(actor, vacancy):
        raise NotFound(_("There is no such job offer, or it is not yours."))


def _check_parties(actor: Actor, posted_by: Organisation, employer: Organisation) -> None:
    if posted_by.kind not in (Organisation.Kind.AGENCY, Organisation.Kind.EMPLOYER):
        raise PermissionDenied(_("Only recruitment agencies and employers can post jobs."), code="wrong_kind")
    if not may_post_for(actor, posted_by):
        raise PermissionDenied(FORBIDDEN)
    if employer.kind != Organisation.Kind.EMPLOYER:
        raise DomainError(_("Choose an employer for this job."), code="not_an_employer")
    if posted_by.kind == Organisation.Kind.EMPLOYER and employer.id != posted_by.id:
        raise PermissionDenied(_("An employer can post jobs only for itself."), code="other_employer")


# --- Create and change ------------------------------------------------------------------------------


def _sector(data: VacancyInput) -> str:
    return data.sector or sector_for_isco(data.occupation.code).value


def _check_rules_exist(data: VacancyInput, today: dt.date) -> None:
    if not destination_has_rules(data.destination, _sector(data), today):
        raise ValidationError(
            {
                "destination": [
                    str(_("Mizan has no rules for this country yet, so a job there cannot be published."))
                ]
            }
        )


def _write_details(vacancy: Vacancy, data: VacancyInput, today: dt.date) -> None:
    """Origins, terms and costs replaced by those in ``data`` (the vacancy row itself is saved)."""
    vacancy.origins.all().delete()
    VacancyOrigin.objects.bulk_create(
        [VacancyOrigin(vacancy=vacancy, country=code) for code in sorted(set(data.origins))]
    )
    terms = Terms.objects.filter(vacancy=vacancy).first() or Terms(vacancy=vacancy)
    for name in (
        "pay_amount",
        "pay_currency",
        "pay_period",
        "housing_allowance",
        "food_allowance",
        "transport_allowance",
        "hours_per_day",
        "hours_per_week",
        "rest_days_per_week",
        "annual_leave_days",
        "overtime_rate",
        "accommodation_provided",
        "food_provided",
    ):
        setattr(terms, name, getattr(data, name))
    terms.accommodation_description = data.accommodation_description.strip()
    terms.languages_needed = [
        {"language": need.language, "level": need.level} for need in data.languages_needed
    ]
    _set_pay_per_month(terms, today)
    terms.save()
    vacancy.costs.all().delete()
    CostItem.objects.bulk_create(
        [
            CostItem(
                vacancy=vacancy,
                category=cost.category,
                amount=cost.amount,
                currency=cost.currency,
                paid_by=cost.paid_by,
                worker_amount=cost.worker_amount if cost.paid_by == CostItem.PaidBy.SHARED else None,
                note=cost.note.strip(),
                position=index,
            )
            for index, cost in enumerate(data.costs)
        ]
    )
    # Fresh relations for the check that follows.
    for cache in ("origins", "costs"):
        getattr(vacancy, "_prefetched_objects_cache", {}).pop(cache, None)
    vacancy.terms = terms


def _set_pay_per_month(terms: Terms, today: dt.date) -> None:
    """Basic pay a month, in its currency and in US dollars (today's rates), for the board's pay filter."""
    monthly = pay_per_month(vacancy_terms_of(terms, (), None))
    conversion = (
        site_packs().rates.convert(monthly, terms.pay_currency, "USD", today) if monthly is not None else None
    )
    terms.pay_per_month = monthly
    terms.pay_per_month_usd = conversion.amount.quantize(CENT) if conversion else None


def _apply(vacancy: Vacancy, data: VacancyInput) -> None:
    vacancy.employer = data.employer
    vacancy.title = data.title.strip()
    vacancy.description = data.description.strip()
    vacancy.text_language = data.text_language
    vacancy.occupation = data.occupation
    vacancy.destination = data.destination
    vacancy.destination_region = data.destination_region
    vacancy.sector = _sector(data)
    vacancy.place_of_work = data.place_of_work.strip()
    vacancy.number_of_workers = data.number_of_workers
    vacancy.start_date = data.start_date
    vacancy.apply_by = data.apply_by
    vacancy.contract_months = data.contract_months


@transaction.atomic
def vacancy_create(*, actor: Actor, posted_by: Organisation, data: VacancyInput) -> Vacancy:
    """A draft vacancy, checked at once (the check is stored; publishing is a separate step)."""
    _check_parties(actor, posted_by, data.employer)
    today = dt.date.today()
    validate(data, today=today)
    _check_rules_exist(data, today)
    vacancy = Vacancy(
        posted_by=posted_by,
        created_by=actor if isinstance(actor, User) else None,
        created_by_token=actor if isinstance(actor, ApiToken) else None,
    )
    _apply(vacancy, data)
    vacancy.save()
    _write_details(vacancy, data, today)
    store_check(vacancy, run_check(vacancy, on=today), VacancyCheck.Trigger.EDIT)
    return vacancy


@transaction.atomic
def vacancy_update(*, actor: Actor, vacancy: Vacancy, data: VacancyInput) -> Vacancy:
    """Change a vacancy. A published one is checked again and taken off the board if it is now against
    the rules, or has warnings nobody acknowledged."""
    vacancy = locked(vacancy)
    _require_manage(actor, vacancy)
    if vacancy.status not in EDITABLE:
        raise DomainError(_("A closed job offer cannot be changed."), code="closed")
    if data.employer.id != vacancy.employer_id:
        _check_parties(actor, vacancy.posted_by, data.employer)
    today = dt.date.today()
    validate(data, today=today)
    _check_rules_exist(data, today)
    _apply(vacancy, data)
    vacancy.save()
    _write_details(vacancy, data, today)
    result = run_check(vacancy, on=today)
    store_check(vacancy, result, VacancyCheck.Trigger.EDIT)
    if vacancy.status == Status.PUBLISHED:
        reasons = reasons_of(result)
        if not reasons and not _acknowledged(vacancy, result.warning_rule_ids):
            reasons = [{"warnings_changed": result.warning_rule_ids}]
        if reasons:
            take_off(vacancy, Status.UNPUBLISHED, reasons)
    return vacancy


# --- Checking and publishing ------------------------------------------------------------------------


@transaction.atomic
def vacancy_check(
    *, actor: Actor, vacancy: Vacancy, on: dt.date | None = None
) -> tuple[VacancyCheck, CheckResult]:
    """Run the engine for every corridor of the vacancy and keep the result as its last check."""
    vacancy = locked(vacancy)
    _require_manage(actor, vacancy)
    result = run_check(vacancy, on=on or dt.date.today())
    return store_check(vacancy, result, VacancyCheck.Trigger.CHECK), result


def _acknowledged(vacancy: Vacancy, rule_ids: list[str]) -> bool:
    if not rule_ids:
        return True
    latest = vacancy.acknowledgements.order_by("-acknowledged_at", "-id").first()
    return latest is not None and sorted(latest.rule_ids) == sorted(rule_ids)


def _acknowledge(
    actor: Actor, vacancy: Vacancy, check: VacancyCheck, rule_ids: list[str]
) -> WarningAcknowledgement:
    return WarningAcknowledgement.objects.create(
        vacancy=vacancy,
        check_run=check,
        rule_ids=sorted(rule_ids),
        acknowledged_by=actor if isinstance(actor, User) else None,
        acknowledged_by_token=actor if isinstance(actor, ApiToken) else None,
    )


@transaction.atomic
def vacancy_acknowledge_warnings(
    *, actor: Actor, vacancy: Vacancy, rule_ids: Collection[str]
) -> WarningAcknowledgement:
    """Record that the warnings were read: ``rule_ids`` must be exactly today's warnings."""
    vacancy = locked(vacancy)
    _require_manage(actor, vacancy)
    result = run_check(vacancy, on=dt.date.today())
    if sorted(set(rule_ids)) != result.warning_rule_ids:
        raise NotPublishable(
            _("The warnings have changed. Read them again and confirm each one."), code="warnings_changed"
        )
    check = store_check(vacancy, result, VacancyCheck.Trigger.CHECK)
    return _acknowledge(actor, vacancy, check, result.warning_rule_ids)


def _refuse_if_blocked(result: CheckResult) -> None:
    if result.recruiting:
        raise PermissionDenied(
            _("This job cannot be published: %(reasons)s"),
            code="may_not_recruit",
            reasons=" ".join(str(reason) for reason in result.recruiting),
        )
    if result.no_rules:
        raise NotPublishable(
            _("Mizan has no rules for this country yet, so a job there cannot be published."), code="no_rules"
        )
    if result.violations:
        raise NotPublishable(
            _("This job offer is against the rules. Change what the check says, then publish."),
            code="violations",
            count=len(result.violations),
        )


@transaction.atomic
def vacancy_publish(
    *, actor: Actor, vacancy: Vacancy, acknowledged_warnings: Collection[str] | None = None
) -> Vacancy:
    """Publish on the job board: the poster (and the employer) may recruit today, the check finds nothing
    against the rules, and every warning was acknowledged (now, with ``acknowledged_warnings``, or before
    for exactly the same warnings). A ``vacancy.published`` ledger entry records ids and pack versions."""
    vacancy = locked(vacancy)
    _require_manage(actor, vacancy)
    if vacancy.status == Status.CLOSED:
        raise DomainError(_("A closed job offer cannot be published again."), code="closed")
    if vacancy.status == Status.PUBLISHED:
        raise DomainError(_("This job offer is already published."), code="already_published")
    today = dt.date.today()
    if vacancy.start_date < today or (vacancy.apply_by is not None and vacancy.apply_by < today):
        raise NotPublishable(
            _("The start date or the last day to apply has passed. Change it, then publish."),
            code="start_passed",
        )
    result = run_check(vacancy, on=today)
    _refuse_if_blocked(result)
    warnings = result.warning_rule_ids
    if acknowledged_warnings is not None and sorted(set(acknowledged_warnings)) != warnings:
        raise NotPublishable(
            _("Confirm that you have read every warning. The warnings may have changed: read them again."),
            code="warnings_changed",
        )
    if acknowledged_warnings is None and not _acknowledged(vacancy, warnings):
        raise NotPublishable(
            _("Read the warnings and confirm each one before you publish."), code="warnings_not_acknowledged"
        )
    check = store_check(vacancy, result, VacancyCheck.Trigger.PUBLISH)
    if acknowledged_warnings is not None and warnings:
        _acknowledge(actor, vacancy, check, warnings)
    vacancy.status = Status.PUBLISHED
    vacancy.published_at = timezone.now()
    vacancy.unpublished_at = None
    vacancy.unpublished_reasons = []
    vacancy.last_check = check
    vacancy.save(
        update_fields=[
            "status",
            "published_at",
            "unpublished_at",
            "unpublished_reasons",
            "last_check",
            "modified_at",
        ]
    )
    data: dict[str, str | int | bool | None] = {
        "vacancy_id": str(vacancy.id),
        "employer_id": str(vacancy.employer_id),
        "posted_by_id": str(vacancy.posted_by_id),
        "check_id": check.id,
        **ledger_packs(check),
        "warnings_acknowledged": len(warnings),
    }
    try:
        ledger_append(kind="vacancy.published", subject=f"vacancy:{vacancy.id}", data=data)
    except LedgerDataError:  # a pack version that looks like a long number: recorded by its hash instead
        data.pop("packs", None)
        data["packs_sha256"] = hash_for("+".join(f"{p['id']}:{p['version']}" for p in check.packs))
        ledger_append(kind="vacancy.published", subject=f"vacancy:{vacancy.id}", data=data)
    return vacancy


@transaction.atomic
def vacancy_unpublish(*, actor: Actor, vacancy: Vacancy) -> Vacancy:
    """Take a published vacancy off the job board (it can be published again)."""
    vacancy = locked(vacancy)
    _require_manage(actor, vacancy)
    if vacancy.status != Status.PUBLISHED:
        raise DomainError(
            _("Only a published job offer can be taken off the job board."), code="not_published"
        )
    take_off(vacancy, Status.UNPUBLISHED, [])
    return vacancy


@transaction.atomic
def vacancy_close(*, actor: Actor, vacancy: Vacancy) -> Vacancy:
    """Close for good: the job is filled or cancelled. It leaves the job board and cannot be changed."""
    vacancy = locked(vacancy)
    _require_manage(actor, vacancy)
    if vacancy.status == Status.CLOSED:
        raise DomainError(_("This job offer is already closed."), code="closed")
    vacancy.status = Status.CLOSED
    vacancy.closed_at = timezone.now()
    vacancy.save(update_fields=["status", "closed_at", "modified_at"])
    return vacancy
