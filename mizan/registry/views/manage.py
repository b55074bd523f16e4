"""The staff pages under /recruiters/manage/: authorities keep licences and sanctions of their country and
import their licence list; auditors record certifications. Each view only turns HTTP into a service call."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mizan.accounts.models import User
from mizan.api.problems import formatted
from mizan.common import errors
from mizan.registry import permissions, selectors, services, staff
from mizan.registry.forms import (
    CertificationForm,
    LicenceChangeForm,
    LicenceForm,
    LiftForm,
    ManageFilterForm,
    SanctionForm,
    WithdrawForm,
)

View = Callable[..., HttpResponse]


def staff_only(view: View) -> View:
    """Signed in (else to sign-in), registry staff (else 403); domain errors become 404 or 403."""

    @functools.wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            staff.require_staff(cast(User, request.user))
            return view(request, *args, **kwargs)
        except errors.NotFound as exc:
            raise Http404 from exc
        except errors.PermissionDenied as exc:
            raise DjangoPermissionDenied(str(formatted(exc.message, exc.params))) from exc

    return wrapper


def actor_of(request: HttpRequest) -> User:
    return cast(User, request.user)


def message_of(error: errors.DomainError) -> str:
    return str(formatted(error.message, error.params))


def _submit(form: Any, action: Callable[[], Any]) -> tuple[Any, int]:
    """Run ``action`` for a valid form; (its result or None, the status to answer with)."""
    if not form.is_valid():
        return None, 400
    try:
        return action(), 200
    except errors.PermissionDenied:
        raise
    except errors.DomainError as error:
        form.add_error(None, message_of(error))
        return None, 400


@staff_only
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    form = ManageFilterForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    rows, more = staff.recruiters_for_staff(actor, query=query, on=timezone.localdate(), page=page)
    context = {
        "form": form,
        "rows": rows,
        "rights": staff.rights_of(actor),
        "query": query,
        "page": page,
        "more": more,
        "can_import": permissions.acting_authorities(actor, permissions.MANAGE_LICENCES).exists(),
    }
    return render(request, "registry/manage/index.html", context)


@staff_only
@require_GET
def organisation(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    actor = actor_of(request)
    found = staff.recruiter_for_staff(actor, organisation_id)
    rights = staff.rights_of(actor)
    context = {
        "record": selectors.public_record(found, on=timezone.localdate()),
        "rights": rights,
        "may_change": rights.covers(found.country),
    }
    return render(request, "registry/manage/organisation.html", context)


@staff_only
@require_http_methods(["GET", "POST"])
def licence_new(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if not staff.rights_of(actor).licences:
        raise DjangoPermissionDenied
    initial: dict[str, Any] = {}
    prefill = request.GET.get("organisation")
    if prefill:
        try:
            found = staff.recruiter_for_staff(actor, uuid.UUID(prefill))
        except ValueError:
            found = None
        if found is not None:
            initial = {
                "organisation_name": found.name,
                "registration_number": found.registration_number,
                "kind": found.kind,
            }
    authorities = list(permissions.acting_authorities(actor, permissions.MANAGE_LICENCES))
    form = LicenceForm(request.POST or None, initial=initial, authorities=authorities)
    status = 200
    if request.method == "POST":
        licence, status = _submit(
            form,
            lambda: services.licence_register(
                actor=actor,
                authority=form.cleaned_data.get("authority"),
                organisation_name=form.cleaned_data["organisation_name"],
                registration_number=form.cleaned_data["registration_number"],
                kind=form.cleaned_data["kind"],
                number=form.cleaned_data["number"],
                valid_from=form.cleaned_data["valid_from"],
                valid_to=form.cleaned_data["valid_to"],
                address=form.cleaned_data["address"],
            ),
        )
        if licence is not None:
            messages.success(request, _("The licence is in the registry."))
            return redirect("registry:manage_organisation", organisation_id=licence.organisation_id)
    return render(request, "registry/manage/licence_new.html", {"form": form}, status=status)


@staff_only
@require_http_methods(["GET", "POST"])
def licence_change(request: HttpRequest, licence_id: uuid.UUID) -> HttpResponse:
    actor = actor_of(request)
    licence = staff.licence_for_staff(actor, licence_id)
    form = LicenceChangeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        changed, status = _submit(
            form,
            lambda: services.licence_change_status(
                actor=actor,
                licence=licence,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
                valid_from=form.cleaned_data["valid_from"],
                valid_to=form.cleaned_data["valid_to"],
            ),
        )
        if changed is not None:
            messages.success(request, _("The licence is changed."))
            return redirect("registry:manage_organisation", organisation_id=licence.organisation_id)
    context = {"form": form, "licence": licence, "today": timezone.localdate()}
    return render(request, "registry/manage/licence_change.html", context, status=status)


@staff_only
@require_http_methods(["GET", "POST"])
def sanction_new(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    actor = actor_of(request)
    found = staff.recruiter_for_staff(actor, organisation_id)
    if not staff.rights_of(actor).sanctions:
        raise DjangoPermissionDenied
    form = SanctionForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    status = 200
    if request.method == "POST":
        sanction, status = _submit(
            form,
            lambda: services.sanction_impose(
                actor=actor,
                organisation=found,
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            ),
        )
        if sanction is not None:
            messages.success(request, _("The sanction is recorded and shown on the public record."))
            return redirect("registry:manage_organisation", organisation_id=found.pk)
    context = {"form": form, "organisation": found}
    return render(request, "registry/manage/sanction_new.html", context, status=status)


@staff_only
@require_http_methods(["GET", "POST"])
def sanction_lift(request: HttpRequest, sanction_id: uuid.UUID) -> HttpResponse:
    actor = actor_of(request)
    sanction = staff.sanction_for_staff(actor, sanction_id)
    form = LiftForm(request.POST or None)
    status = 200
    if request.method == "POST":
        lifted, status = _submit(
            form,
            lambda: services.sanction_lift(
                actor=actor, sanction=sanction, reason=form.cleaned_data["reason"]
            ),
        )
        if lifted is not None:
            messages.success(request, _("The sanction is lifted."))
            return redirect("registry:manage_organisation", organisation_id=sanction.organisation_id)
    context = {"form": form, "sanction": sanction}
    return render(request, "registry/manage/sanction_lift.html", context, status=status)


@staff_only
@require_http_methods(["GET", "POST"])
def certification_new(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    actor = actor_of(request)
    found = staff.recruiter_for_staff(actor, organisation_id)
    if not staff.rights_of(actor).certifications:
        raise DjangoPermissionDenied
    today = timezone.localdate()
    form = CertificationForm(
        request.POST or None,
        initial={"valid_from": today, "valid_to": today.replace(year=today.year + 2, day=min(today.day, 28))},
    )
    status = 200
    if request.method == "POST":
        certification, status = _submit(
            form,
            lambda: services.certification_record(
                actor=actor,
                organisation=found,
                standard=form.cleaned_data["standard"],
                level=form.cleaned_data["level"],
                valid_from=form.cleaned_data["valid_from"],
                valid_to=form.cleaned_data["valid_to"],
            ),
        )
        if certification is not None:
            messages.success(request, _("The certification is recorded."))
            return redirect("registry:manage_organisation", organisation_id=found.pk)
    context = {"form": form, "organisation": found}
    return render(request, "registry/manage/certification_new.html", context, status=status)


@staff_only
@require_http_methods(["GET", "POST"])
def certification_withdraw(request: HttpRequest, certification_id: uuid.UUID) -> HttpResponse:
    actor = actor_of(request)
    certification = staff.certification_for_staff(actor, certification_id)
    form = WithdrawForm(request.POST or None)
    status = 200
    if request.method == "POST":
        done, status = _submit(
            form,
            lambda: services.certification_withdraw(
                actor=actor, certification=certification, reason=form.cleaned_data["reason"]
            ),
        )
        if done is not None:
            messages.success(request, _("The certification is withdrawn."))
            return redirect("registry:manage_organisation", organisation_id=certification.organisation_id)
    context = {"form": form, "certification": certification, "today": dt.date.today()}
    return render(request, "registry/manage/certification_withdraw.html", context, status=status)
