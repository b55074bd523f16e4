"""Posters' pages, under /jobs/manage/: their organisation's vacancies, the vacancy form, and each vacancy's
page with its check (what is against the rules and what to change), its warnings to confirm and the
publish button. People of agencies and employers who post jobs (and platform admins)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.accounts.decorators import private
from mizan.accounts.models import Organisation, User
from mizan.api.problems import formatted
from mizan.common import errors
from mizan.compliance.packs import site_packs
from mizan.vacancies import selectors, services
from mizan.vacancies.checking import run_check
from mizan.vacancies.display import shown_vacancies
from mizan.vacancies.forms import CostFormSet, PublishForm, VacancyForm, cost_initial, initial_from
from mizan.vacancies.inputs import validate
from mizan.vacancies.models import Vacancy
from mizan.vacancies.presenting import present_records, present_result
from mizan.vacancies.services import NotPublishable

View = Callable[..., HttpResponse]


def posters_only(view: View) -> View:
    """Signed in (else to sign-in) and posting jobs for an organisation (else 403); a vacancy that is not
    the actor's is a 404."""

    @functools.wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = _actor(request)
        if not (user.is_superuser or selectors.posting_organisations(actor=user)):
            raise DjangoPermissionDenied
        try:
            return private(view(request, *args, **kwargs))
        except errors.NotFound as exc:
            raise Http404 from exc
        except errors.PermissionDenied as exc:
            raise DjangoPermissionDenied from exc

    return wrapper


def _actor(request: HttpRequest) -> User:
    return cast(User, request.user)


def _message(error: errors.DomainError) -> str:
    return str(formatted(error.message, error.params))


@posters_only
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    vacancies = list(selectors.vacancies_for(actor=_actor(request))[:200])
    return render(
        request,
        "vacancies/manage.html",
        {"rows": shown_vacancies(vacancies, full=False), "Status": Vacancy.Status},
    )


def _destinations() -> list[str]:
    """Countries that have rules in force today: only there can a job be published."""
    today = dt.date.today()
    return sorted(
        {
            version.spec.scope.destination
            for version in site_packs().in_force(today)
            if version.spec.scope.destination
        }
    )


def _forms(request: HttpRequest, vacancy: Vacancy | None) -> tuple[VacancyForm, Any]:
    actor = _actor(request)
    language = get_language() or "en"
    posters = selectors.posting_organisations(actor=actor)
    if vacancy is not None:
        posters = [vacancy.posted_by]
    if actor.is_superuser and not posters:
        posters = list(Organisation.objects.filter(kind__in=["agency", "employer"]).order_by("name")[:200])
    employers: dict[Any, Organisation] = {}
    for poster in posters:
        for employer in selectors.employers_for(posted_by=poster)[:500]:
            employers[employer.id] = employer
    if vacancy is not None:
        employers.setdefault(vacancy.employer_id, vacancy.employer)
    destinations = _destinations()
    if vacancy is not None and vacancy.destination not in destinations:
        destinations.append(vacancy.destination)
    options: dict[str, Any] = {
        "language": language,
        "posters": posters,
        "employers": list(employers.values()),
        "destinations": destinations,
    }
    if request.method == "POST":
        form = VacancyForm(request.POST, **options)
        costs = CostFormSet(request.POST, prefix="costs", form_kwargs={"language": language})
    else:
        initial = initial_from(vacancy) if vacancy is not None else {"text_language": language}
        if vacancy is None and len(employers) == 1:
            initial["employer"] = str(next(iter(employers)))
        form = VacancyForm(initial=initial, **options)
        costs = CostFormSet(
            initial=cost_initial(vacancy) if vacancy is not None else None,
            prefix="costs",
            form_kwargs={"language": language},
        )
    return form, costs


def _saved(request: HttpRequest, vacancy: Vacancy) -> HttpResponse:
    messages.success(request, _("The job offer is saved and was checked against the rules."))
    return redirect("vacancies:manage_detail", vacancy_id=vacancy.id)


def _save(request: HttpRequest, vacancy: Vacancy | None) -> HttpResponse:
    form, costs = _forms(request, vacancy)
    status = 200
    if request.method == "POST":
        status = 400
        costs_valid = costs.is_valid()
        if form.is_valid():
            poster = form.poster()
            try:
                if poster is None:
                    raise errors.PermissionDenied(_("You do not have permission to do this."))
                data = form.to_input(costs.costs())
                if not costs_valid:  # say what else is wrong too, then stop: nothing is saved
                    validate(data, today=dt.date.today())
                elif vacancy is None:
                    saved = services.vacancy_create(actor=_actor(request), posted_by=poster, data=data)
                    return _saved(request, saved)
                else:
                    saved = services.vacancy_update(actor=_actor(request), vacancy=vacancy, data=data)
                    return _saved(request, saved)
            except ValidationError as error:
                for field, field_errors in error.message_dict.items():
                    for text in field_errors:
                        form.add_error(field if field in form.fields else None, text)
            except errors.NotFound:
                raise
            except errors.DomainError as error:
                form.add_error(None, _message(error))
                status = error.status
    context = {"form": form, "costs": costs, "vacancy": vacancy}
    return render(request, "vacancies/form.html", context, status=status)


@posters_only
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    return _save(request, None)


@posters_only
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, vacancy_id: UUID) -> HttpResponse:
    vacancy = selectors.vacancy_for_manager(actor=_actor(request), vacancy_id=vacancy_id)
    if vacancy.is_closed:
        messages.error(request, _("A closed job offer cannot be changed."))
        return redirect("vacancies:manage_detail", vacancy_id=vacancy.id)
    return _save(request, vacancy)


def _detail(
    request: HttpRequest, vacancy: Vacancy, *, publish_form: PublishForm | None = None, status: int = 200
) -> HttpResponse:
    result = run_check(vacancy, on=dt.date.today())
    check = present_result(result)
    warnings = [(item.finding.rule_id, item.message) for item in check.warnings]
    context = {
        "vacancy": vacancy,
        "shown": shown_vacancies([vacancy])[0],
        "check": check,
        "publish_form": publish_form or PublishForm(warnings=warnings),
        "reasons": present_records(
            vacancy.unpublished_reasons, vacancy.last_check.packs if vacancy.last_check else []
        ),
        "recruiting_reasons": [
            _(str(reason["recruiting"])) for reason in vacancy.unpublished_reasons if "recruiting" in reason
        ],
        "warnings_changed": any("warnings_changed" in reason for reason in vacancy.unpublished_reasons),
        "many_origins": len(vacancy.origin_codes) > 1,
        "can_publish": vacancy.status != Vacancy.Status.PUBLISHED and not vacancy.is_closed,
    }
    return render(request, "vacancies/manage_detail.html", context, status=status)


@posters_only
@require_GET
def manage_detail(request: HttpRequest, vacancy_id: UUID) -> HttpResponse:
    vacancy = selectors.vacancy_for_manager(actor=_actor(request), vacancy_id=vacancy_id)
    return _detail(request, vacancy)


@posters_only
@require_POST
def publish(request: HttpRequest, vacancy_id: UUID) -> HttpResponse:
    actor = _actor(request)
    vacancy = selectors.vacancy_for_manager(actor=actor, vacancy_id=vacancy_id)
    result = run_check(vacancy, on=dt.date.today())
    warnings = [(item.finding.rule_id, item.message) for item in present_result(result).warnings]
    form = PublishForm(request.POST, warnings=warnings)
    if not form.is_valid():
        return _detail(request, vacancy, publish_form=form, status=400)
    shown = sorted(form.shown_ids())
    ticked = form.acknowledged()
    try:
        if result.blocked:  # the service says why (the registry, no rules, what is against the rules)
            services.vacancy_publish(actor=actor, vacancy=vacancy)
        if shown != result.warning_rule_ids:
            raise NotPublishable(
                _(
                    "The warnings have changed since you opened the page. "
                    "Read them again and confirm each one."
                ),
                code="warnings_changed",
            )
        if result.warning_rule_ids and sorted(ticked) != result.warning_rule_ids:
            raise NotPublishable(
                _("Tick each warning to confirm that you have read it."), code="warnings_not_acknowledged"
            )
        services.vacancy_publish(
            actor=actor, vacancy=vacancy, acknowledged_warnings=ticked if result.warning_rule_ids else None
        )
    except errors.NotFound:
        raise
    except errors.DomainError as error:
        form.add_error(None, _message(error))
        return _detail(request, vacancy, publish_form=form, status=error.status)
    messages.success(request, _("The job offer is published on the job board."))
    return redirect("vacancies:manage_detail", vacancy_id=vacancy.id)


def _simple(action: Callable[..., Vacancy], done: str) -> View:
    @posters_only
    @require_POST
    def view(request: HttpRequest, vacancy_id: UUID) -> HttpResponse:
        actor = _actor(request)
        vacancy = selectors.vacancy_for_manager(actor=actor, vacancy_id=vacancy_id)
        try:
            action(actor=actor, vacancy=vacancy)
        except errors.NotFound:
            raise
        except errors.DomainError as error:
            messages.error(request, _message(error))
            return redirect("vacancies:manage_detail", vacancy_id=vacancy.id)
        messages.success(request, _(done))
        return redirect("vacancies:manage_detail", vacancy_id=vacancy.id)

    return view


unpublish = _simple(services.vacancy_unpublish, gettext_noop("The job offer is no longer on the job board."))
close = _simple(services.vacancy_close, gettext_noop("The job offer is closed."))
