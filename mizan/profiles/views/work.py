"""The worker's job profile pages: overview, kinds of work and skills, languages, the jobs they want.

One step per page, no JavaScript, plain words; every change goes through mizan.profiles.services.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.accounts.decorators import private, worker_only
from mizan.common.errors import DomainError, NotFound
from mizan.common.money import Money
from mizan.profiles import selectors, services
from mizan.profiles.choices import SECTOR_LABELS
from mizan.profiles.forms import LanguageForm, OccupationForm, PreferencesForm, SearchForm
from mizan.profiles.selectors.own import OccupationItem, OwnProfile
from mizan.profiles.validation import UnknownOccupation
from mizan.profiles.views.common import current_user, language, show_error, unknown_work
from mizan.taxonomy import selectors as taxonomy


def _own(request: HttpRequest) -> OwnProfile:
    user = current_user(request)
    return selectors.profile_for_owner(actor=user, worker=user, language=language(request))


def _preferences_context(profile: OwnProfile) -> dict[str, Any]:
    preferences = profile.preferences
    pay = None
    if preferences.min_monthly_pay is not None and preferences.currency:
        pay = Money(preferences.min_monthly_pay, preferences.currency)
    return {
        "pay": pay,
        "sector_labels": [str(SECTOR_LABELS.get(code, code)) for code in preferences.sectors],
    }


@worker_only
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    profile = _own(request)
    context = {"profile": profile, **_preferences_context(profile)}
    return private(render(request, "profiles/overview.html", context))


@worker_only
@require_GET
def work(request: HttpRequest) -> HttpResponse:
    """Choose a kind of work: the common ones in the worker's language, or search all of ESCO."""
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        results = taxonomy.occupation_search(form.cleaned_data["q"], language(request))
    profile = _own(request)
    context = {
        "form": form,
        "results": results,
        "common": taxonomy.common_occupations(language(request)),
        "profile": profile,
        "chosen": {occupation.code for occupation in profile.occupations},
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return private(render(request, "profiles/work.html", context, status=status))


def _in_profile(profile: OwnProfile, code: str) -> OccupationItem | None:
    return next((occupation for occupation in profile.occupations if occupation.code == code), None)


@worker_only
@require_http_methods(["GET", "POST"])
def occupation(request: HttpRequest, code: str) -> HttpResponse:
    """Tick the skills of one kind of work (main ones first, then the others) and say how many years."""
    try:
        found = services.occupation_by_code(code)
    except UnknownOccupation:
        return unknown_work(request)
    user = current_user(request)
    essential, optional = taxonomy.skills_for(found)
    profile = _own(request)
    current = _in_profile(profile, found.code)
    choices = {
        "essential": [(skill.pk, skill.preferred_label) for skill in essential],
        "optional": [(skill.pk, skill.preferred_label) for skill in optional],
    }
    status = 200
    if request.method == "POST":
        form = OccupationForm(request.POST, **choices)
        status = 400
        if form.is_valid():
            try:
                services.occupation_save(
                    actor=user,
                    worker=user,
                    code=found.code,
                    years_of_experience=form.cleaned_data["years_of_experience"],
                    skill_ids=form.skill_ids(),
                    is_main=True if form.cleaned_data["is_main"] else None,
                )
            except DomainError as error:
                show_error(form, error)
                status = error.status
            else:
                if form.skill_ids():
                    messages.success(request, _("Saved. Jobs can now find you by these skills."))
                    return redirect("profiles:overview")
                messages.warning(
                    request,
                    _("Saved, but without skills. Jobs find workers by their skills: please tick some."),
                )
                return redirect("profiles:occupation", code=found.code)
    else:
        ticked = {skill.id for skill in current.skills} if current else set()
        form = OccupationForm(
            initial={
                "years_of_experience": current.years_of_experience if current else 0,
                "essential": [pk for pk, _label in choices["essential"] if pk in ticked],
                "other": [pk for pk, _label in choices["optional"] if pk in ticked],
                "is_main": current.is_main if current else False,
            },
            **choices,
        )
    context = {
        "form": form,
        "occupation": found,
        "title": taxonomy.occupation_title(found, language(request)),
        "current": current,
        "english_only": not language(request).startswith("en"),
        "has_skills": bool(essential or optional),
        "optional_count": len(optional),
        "other_ticked": bool(current and {skill.id for skill in current.skills} & {s.pk for s in optional}),
    }
    return private(render(request, "profiles/occupation.html", context, status=status))


@worker_only
@require_http_methods(["GET", "POST"])
def occupation_remove(request: HttpRequest, code: str) -> HttpResponse:
    try:
        found = services.occupation_by_code(code)
    except UnknownOccupation:
        return unknown_work(request)
    user = current_user(request)
    current = _in_profile(_own(request), found.code)
    if current is None:
        raise Http404
    if request.method == "POST":
        services.profile_occupation_remove(actor=user, worker=user, code=found.code)
        messages.success(request, _("This kind of work is removed from your profile."))
        return redirect("profiles:overview")
    return private(render(request, "profiles/occupation_remove.html", {"occupation": current}))


@worker_only
@require_http_methods(["GET", "POST"])
def languages(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    status = 200
    if request.method == "POST":
        form = LanguageForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.language_set(
                    actor=user, worker=user, code=form.cleaned_data["code"], level=form.cleaned_data["level"]
                )
            except DomainError as error:
                show_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Your language is saved."))
                return redirect("profiles:languages")
    else:
        form = LanguageForm()
    context = {"form": form, "profile": _own(request)}
    return private(render(request, "profiles/languages.html", context, status=status))


@worker_only
@require_POST
def language_remove(request: HttpRequest, code: str) -> HttpResponse:
    user = current_user(request)
    try:
        services.language_remove(actor=user, worker=user, code=code)
    except NotFound as exc:
        raise Http404 from exc
    messages.success(request, _("The language is removed."))
    return redirect("profiles:languages")


@worker_only
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    profile = _own(request)
    chosen = list(profile.preferences.destinations)
    status = 200
    if request.method == "POST":
        form = PreferencesForm(request.POST, chosen=chosen)
        status = 400
        if form.is_valid():
            try:
                services.preferences_set(
                    actor=user,
                    worker=user,
                    destinations=form.chosen_destinations(),
                    sectors=form.cleaned_data["sectors"],
                    min_monthly_pay=form.cleaned_data["min_monthly_pay"],
                    currency=form.cleaned_data["currency"],
                    available_from=form.cleaned_data["available_from"],
                )
            except DomainError as error:
                show_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Saved. Jobs are now chosen for you by what you want."))
                return redirect("profiles:overview")
    else:
        stored = profile.preferences
        form = PreferencesForm(
            initial={
                "destinations": chosen,
                "sectors": list(stored.sectors),
                "min_monthly_pay": stored.min_monthly_pay,
                "currency": stored.currency,
                "available_from": stored.available_from,
            },
            chosen=chosen,
        )
    return private(render(request, "profiles/preferences.html", {"form": form}, status=status))
