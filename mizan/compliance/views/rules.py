"""The authorities' pages: their country's rule packs, every version, proposals with their diff and check
results, and the four-eyes approval. Officers and administrators of an authority (and platform admins)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.accounts.models import User
from mizan.accounts.permissions import can
from mizan.api.problems import formatted
from mizan.common import errors
from mizan.compliance import selectors, services
from mizan.compliance.drafting import CitationInput
from mizan.compliance.forms import ProposalForm, RejectForm, WageChangeForm
from mizan.compliance.models import RulePackVersion
from mizan.compliance.packs import site_packs
from mizan.compliance.permissions import MANAGE_PACKS

View = Callable[..., HttpResponse]


def authority_only(view: View) -> View:
    """Signed in (else to sign-in) and allowed to keep rule packs (else 403); domain errors become 4xx."""

    @functools.wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can(cast(User, request.user), MANAGE_PACKS):
            raise DjangoPermissionDenied
        try:
            return view(request, *args, **kwargs)
        except errors.NotFound as exc:
            raise Http404 from exc
        except errors.PermissionDenied as exc:
            raise DjangoPermissionDenied from exc

    return wrapper


def _actor(request: HttpRequest) -> User:
    return cast(User, request.user)


def _message(error: errors.DomainError) -> str:
    return str(formatted(error.message, error.params))


@authority_only
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    today = dt.date.today()
    proposals = selectors.proposals_for(actor=actor)
    context = {
        "today": today,
        "packs": selectors.packs_for(actor=actor, on=today),
        "alerts": selectors.alerts_for(actor=actor),
        "open": list(proposals.filter(status=RulePackVersion.Status.PROPOSED)[:50]),
        "decided": list(
            proposals.exclude(status=RulePackVersion.Status.PROPOSED).order_by("-modified_at")[:10]
        ),
        "everything": selectors.jurisdictions_for(actor) is None,
    }
    return render(request, "compliance/rules/index.html", context)


def _wage_rules(pack_id: str, version: str) -> list[tuple[str, str]]:
    """(rule id, label) of the minimum wages in a version that the structured form can change."""
    choices = []
    for found in site_packs().history(pack_id):
        if found.version != version:
            continue
        for rule in found.rules:
            if rule.spec.kind == "minimum_wage" and rule.spec.effective_to is None:
                params = rule.params.model_dump()
                label = f"{rule.spec.id}: {params['amount']} {params['currency']} ({params['period']})"
                choices.append((rule.spec.id, label))
    return choices


@authority_only
@require_GET
def pack(request: HttpRequest, pack_id: str) -> HttpResponse:
    actor = _actor(request)
    versions = selectors.pack_versions(actor=actor, pack_id=pack_id)
    today = dt.date.today()
    latest = max(versions, key=lambda info: info.effective_from)
    context = {
        "pack_id": pack_id,
        "versions": list(reversed(versions)),
        "current": selectors.current_version(versions, today),
        "today": today,
        "proposals": list(selectors.proposals_for(actor=actor).filter(pack_id=pack_id)[:50]),
        "has_wage": bool(_wage_rules(pack_id, latest.version)),
    }
    return render(request, "compliance/rules/pack.html", context)


@authority_only
@require_GET
def version(request: HttpRequest, pack_id: str, version: str) -> HttpResponse:
    info = selectors.version_get(actor=_actor(request), pack_id=pack_id, version=version)
    return render(request, "compliance/rules/version.html", {"info": info, "today": dt.date.today()})


@authority_only
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    pack_id = request.GET.get("pack") or None
    initial: dict[str, Any] = {}
    if pack_id:
        versions = selectors.pack_versions(actor=actor, pack_id=pack_id)
        initial["yaml_text"] = max(versions, key=lambda info: info.effective_from).yaml_text
    form = ProposalForm(request.POST or None, request.FILES or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                proposal = services.proposal_create(
                    actor=actor,
                    yaml_text=form.cleaned_data["text"],
                    source_name=form.cleaned_data["source_name"],
                    note=form.cleaned_data.get("note") or "",
                    pack_id=pack_id,
                )
            except errors.DomainError as error:
                form.add_error(None, _message(error))
                status = 403 if isinstance(error, errors.PermissionDenied) else 400
            else:
                messages.success(request, _("Your proposal is saved. Another person must now approve it."))
                return redirect("rules:proposal", proposal_id=proposal.id)
    return render(request, "compliance/rules/propose.html", {"form": form, "pack_id": pack_id}, status=status)


@authority_only
@require_http_methods(["GET", "POST"])
def propose_wage(request: HttpRequest, pack_id: str) -> HttpResponse:
    actor = _actor(request)
    versions = selectors.pack_versions(actor=actor, pack_id=pack_id)
    latest = max(versions, key=lambda info: info.effective_from)
    rules = _wage_rules(pack_id, latest.version)
    if not rules:
        raise Http404
    form = WageChangeForm(
        request.POST or None, rules=rules, initial={"review_by": dt.date.today() + dt.timedelta(days=365)}
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                proposal = services.minimum_wage_propose(
                    actor=actor,
                    pack_id=pack_id,
                    rule_id=data["rule"],
                    amount=data["amount"],
                    effective_from=data["effective_from"],
                    review_by=data.get("review_by"),
                    citation=CitationInput(
                        data["citation_title"], data["citation_url"], data.get("citation_article") or ""
                    ),
                    note=data.get("note") or "",
                )
            except errors.DomainError as error:
                form.add_error(None, _message(error))
            else:
                messages.success(request, _("Your proposal is saved. Another person must now approve it."))
                return redirect("rules:proposal", proposal_id=proposal.id)
    context = {"form": form, "pack_id": pack_id, "latest": latest}
    return render(request, "compliance/rules/propose_wage.html", context, status=status)


def _proposal_page(
    request: HttpRequest,
    proposal: RulePackVersion,
    *,
    status: int = 200,
    error: str | None = None,
    reject_form: RejectForm | None = None,
) -> HttpResponse:
    actor = _actor(request)
    review = selectors.proposal_review(actor=actor, proposal=proposal)
    context = {
        "proposal": proposal,
        "review": review,
        "error": error,
        "is_proposer": proposal.proposed_by_id == actor.id,
        "reject_form": reject_form or RejectForm(),
    }
    return render(request, "compliance/rules/proposal.html", context, status=status)


def _get(request: HttpRequest, proposal_id: UUID) -> RulePackVersion:
    return selectors.proposal_get(actor=_actor(request), proposal_id=proposal_id)


@authority_only
@require_GET
def proposal(request: HttpRequest, proposal_id: UUID) -> HttpResponse:
    return _proposal_page(request, _get(request, proposal_id))


def _decide(
    request: HttpRequest, proposal_id: UUID, action: Callable[[RulePackVersion], Any], done: str
) -> HttpResponse:
    row = _get(request, proposal_id)
    try:
        action(row)
    except errors.DomainError as error:
        status = 403 if isinstance(error, errors.PermissionDenied) else 400
        row.refresh_from_db()
        return _proposal_page(request, row, status=status, error=_message(error))
    messages.success(request, done)
    return redirect("rules:proposal", proposal_id=row.id)


@authority_only
@require_POST
def approve(request: HttpRequest, proposal_id: UUID) -> HttpResponse:
    return _decide(
        request,
        proposal_id,
        lambda row: services.proposal_approve(actor=_actor(request), proposal=row),
        _("Published. Checks of job offers use this version from the day it starts."),
    )


@authority_only
@require_POST
def reject(request: HttpRequest, proposal_id: UUID) -> HttpResponse:
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _proposal_page(request, _get(request, proposal_id), status=400, reject_form=form)
    reason = form.cleaned_data["reason"]
    return _decide(
        request,
        proposal_id,
        lambda row: services.proposal_reject(actor=_actor(request), proposal=row, reason=reason),
        _("The proposal is not accepted. The person who proposed it can see why."),
    )


@authority_only
@require_POST
def withdraw(request: HttpRequest, proposal_id: UUID) -> HttpResponse:
    return _decide(
        request,
        proposal_id,
        lambda row: services.proposal_withdraw(actor=_actor(request), proposal=row),
        _("The proposal is withdrawn."),
    )
