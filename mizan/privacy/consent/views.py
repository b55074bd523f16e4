"""Pages: the privacy notice (from the registry), a worker's permissions, and "who saw my data"."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mizan.accounts.models import User
from mizan.common import errors
from mizan.privacy.consent import selectors, services, wording
from mizan.privacy.consent.models import Consent, Method
from mizan.privacy.consent.purposes import CATEGORIES, PURPOSES, consent_purposes

RECORDS_PER_PAGE = 20
STOPPED_SHOWN = 20

View = Callable[..., HttpResponse]


def worker_required(view: View) -> View:
    """Signed in (else to the sign-in page) and a worker (else 403): these pages are about one's own data."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not cast(User, request.user).is_worker:
            raise DjangoPermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


# --- The privacy notice -------------------------------------------------------------------------------


@require_GET
def notice(request: HttpRequest) -> HttpResponse:
    purposes = [
        {
            "purpose": purpose,
            "categories": [CATEGORIES[code].label for code in sorted(purpose.categories)],
            "who": wording.who_can_see(purpose),
            "readers": wording.readers(purpose),
        }
        for purpose in PURPOSES.values()
    ]
    return render(request, "consent/notice.html", {"purposes": purposes})


# --- My permissions -----------------------------------------------------------------------------------


class TurnOnForm(forms.Form):
    purpose = forms.ChoiceField(choices=())
    organisation = forms.UUIDField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["purpose"])
        field.choices = [(p.code, p.title) for p in consent_purposes()]


def _permissions_page(request: HttpRequest, *, status: int = 200) -> HttpResponse:
    actor = cast(User, request.user)
    consents = list(selectors.consents_of(actor=actor))
    live = [c for c in consents if c.withdrawn_at is None]
    stopped = [c for c in consents if c.withdrawn_at is not None and c.replaced_by_id is None]
    live_purposes = {c.purpose for c in live if selectors.is_current(c) and c.organisation_id is None}
    context = {
        "live": [_consent_row(c) for c in live],
        "stopped": [_consent_row(c) for c in stopped[:STOPPED_SHOWN]],
        "can_turn_on": [p for p in consent_purposes(organisation_bound=False) if p.code not in live_purposes],
    }
    return render(request, "consent/permissions.html", context, status=status)


def _consent_row(consent: Consent) -> dict[str, Any]:
    purpose = PURPOSES.get(consent.purpose)
    return {
        "consent": consent,
        "purpose": purpose,
        "title": purpose.title if purpose else consent.purpose,
        "organisation": wording.organisation_name(consent.organisation) if consent.organisation else "",
        "is_current": selectors.is_current(consent),
    }


@worker_required
@require_GET
def permissions(request: HttpRequest) -> HttpResponse:
    return _permissions_page(request)


@worker_required
@require_POST
def turn_on(request: HttpRequest) -> HttpResponse:
    form = TurnOnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("We could not understand which permission you chose. Please try again."))
        return _permissions_page(request, status=400)
    purpose = PURPOSES[form.cleaned_data["purpose"]]
    organisation = None
    if form.cleaned_data["organisation"]:
        try:
            organisation = selectors.organisation_for_consent(
                organisation_id=form.cleaned_data["organisation"]
            )
        except errors.NotFound as error:
            messages.error(request, str(error.message))
            return _permissions_page(request, status=404)
    try:
        services.consent_give(
            worker=cast(User, request.user),
            purpose=purpose.code,
            organisation=organisation,
            method=Method.WEB,
        )
    except errors.DomainError as error:
        messages.error(request, errors_text(error))
        return _permissions_page(request, status=error.status)
    messages.success(request, _("Done. “%(purpose)s” is on.") % {"purpose": purpose.title})
    return redirect("consent:permissions")


@worker_required
@require_POST
def stop(request: HttpRequest, consent_id: UUID) -> HttpResponse:
    actor = cast(User, request.user)
    try:
        consent = selectors.consent_of(actor=actor, consent_id=consent_id)
    except errors.NotFound as exc:
        raise Http404 from exc
    try:
        services.consent_withdraw(actor=actor, consent=consent, method=Method.WEB)
    except errors.DomainError as error:
        messages.error(request, errors_text(error))
        return _permissions_page(request, status=error.status)
    purpose = PURPOSES.get(consent.purpose)
    title = purpose.title if purpose else consent.purpose
    messages.success(
        request, _("Stopped. From now on, nobody can use your data for “%(purpose)s”.") % {"purpose": title}
    )
    return redirect("consent:permissions")


def errors_text(error: errors.DomainError) -> str:
    text = str(error.message)
    return text % error.params if error.params else text


# --- Who saw my data ----------------------------------------------------------------------------------


@worker_required
@require_GET
def who_saw(request: HttpRequest) -> HttpResponse:
    records = selectors.access_records_of(actor=cast(User, request.user))
    page = Paginator(records, RECORDS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [{"record": record, "sentence": wording.describe(record)} for record in page.object_list]
    return render(request, "consent/who_saw.html", {"page": page, "rows": rows})
