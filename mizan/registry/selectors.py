"""Reads of the registry. ``may_recruit`` is the one answer to "may this organisation recruit today?";
``public_record`` is what anyone may see about a recruiter. Licences, certifications and sanctions are
about organisations, not people, and are public; no name of any person is ever part of them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.common.errors import NotFound
from mizan.registry import search
from mizan.registry.models import Certification, Licence, Sanction, active_on
from mizan.registry.standing import LICENCE_STATES, Standing, licence_state, standing_of

# Sanctions that stop recruiting while they run (a warning is shown but does not stop anyone).
BLOCKING_SANCTIONS = (Sanction.Kind.SUSPENSION, Sanction.Kind.REVOCATION, Sanction.Kind.BLACKLIST)
RECRUITER_KINDS = search.RECRUITER_KINDS


@dataclass(frozen=True)
class RecruitingStatus:
    may_recruit: bool
    reasons: list[Promise] = field(default_factory=list)  # why not, in plain words
    licence: Licence | None = None


def in_force(on: dt.date) -> Q:
    """Licences valid on ``on`` by their dates (whatever their status)."""
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def sanction_in_force(on: dt.date) -> Q:
    return Q(starts_on__lte=on, lifted_at__isnull=True) & (Q(ends_on__isnull=True) | Q(ends_on__gte=on))


def licence_in_force(organisation: Organisation, on: dt.date) -> Licence | None:
    return (
        Licence.objects.filter(organisation=organisation)
        .filter(active_on(on), in_force(on))
        .order_by("-valid_from")
        .first()
    )


def sanctions_in_force(organisation: Organisation, on: dt.date) -> list[Sanction]:
    return list(
        Sanction.objects.filter(organisation=organisation)
        .filter(sanction_in_force(on))
        .order_by("-starts_on")
    )


_SANCTION_REASONS: dict[str, Promise] = {
    Sanction.Kind.BLACKLIST: _("The organisation is on an authority's blacklist."),
    Sanction.Kind.REVOCATION: _("An authority revoked the organisation's licence."),
    Sanction.Kind.SUSPENSION: _("An authority suspended the organisation."),
}
_LICENCE_REASONS: dict[str, Promise] = {
    Standing.EXPIRED: _("The licence has expired."),
    Standing.NOT_YET_VALID: _("The licence is not valid yet."),
    Standing.SUSPENDED: _("The licence is suspended."),
    Standing.REVOKED: _("The licence was revoked."),
    Standing.SURRENDERED: _("The licence was given up."),
}


def may_recruit(organisation: Organisation, *, on: dt.date) -> RecruitingStatus:
    """An agency needs a licence in force and no blocking sanction; an employer needs no blocking
    sanction (a licence is required only where the registry holds one for it). Others never recruit.
    A warning never blocks."""
    reasons: list[Promise] = []
    if organisation.kind not in RECRUITER_KINDS:
        return RecruitingStatus(False, [_("Only recruitment agencies and employers can post jobs.")])
    licences = list(Licence.objects.filter(organisation=organisation).select_related("status_sanction"))
    newest = sorted(licences, key=lambda found: found.valid_from, reverse=True)
    licence = next((found for found in newest if found.in_force_on(on)), None)
    if licence is None and licences:
        licence_state = standing_of(licences, [], on)
        reasons.append(_LICENCE_REASONS.get(licence_state.code, _("The licence is not valid on this date.")))
    elif licence is None and organisation.kind == Organisation.Kind.AGENCY:
        reasons.append(_("The agency has no licence in the registry."))
    kinds = {sanction.kind for sanction in sanctions_in_force(organisation, on)}
    reasons.extend(_SANCTION_REASONS[kind] for kind in BLOCKING_SANCTIONS if kind in kinds)
    return RecruitingStatus(not reasons, reasons, licence)


# --- The public record ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LicenceLine:
    licence: Licence
    state: str  # a key of standing.LICENCE_STATES

    @property
    def label(self) -> Promise:
        return LICENCE_STATES[self.state]


@dataclass(frozen=True)
class PublicRecord:
    """Everything public about one recruiter. Review, complaint and alert figures are aggregates only,
    filled by later apps through ``register_public_record_part``; None means "not available yet"."""

    organisation: Organisation
    on: dt.date
    standing: Standing
    recruiting: RecruitingStatus
    licences: list[Licence]
    certifications: list[Certification]
    sanctions: list[Sanction]
    review_summary: Any = None
    complaint_count: int | None = None
    alert_count: int | None = None

    @property
    def licence_lines(self) -> list[LicenceLine]:
        return [LicenceLine(licence, licence_state(licence, self.on)) for licence in self.licences]

    def certification_valid(self, certification: Certification) -> bool:
        return (
            not certification.is_withdrawn and certification.valid_from <= self.on <= certification.valid_to
        )

    def sanction_running(self, sanction: Sanction) -> bool:
        return (
            sanction.lifted_at is None
            and sanction.starts_on <= self.on
            and (sanction.ends_on is None or sanction.ends_on >= self.on)
        )


# Later apps (reviews, cases) add their aggregates: a function (organisation, on) -> {field: value}.
RecordPart = Callable[[Organisation, dt.date], dict[str, Any]]
_RECORD_PARTS: list[RecordPart] = []


def register_public_record_part(part: RecordPart) -> None:
    """Call from an AppConfig.ready(): ``part`` returns fields of PublicRecord to fill (aggregates only)."""
    if part not in _RECORD_PARTS:
        _RECORD_PARTS.append(part)


def recruiter_get(organisation_id: uuid.UUID) -> Organisation:
    """A recruitment agency or employer, for anyone; NotFound for anything else."""
    found = Organisation.objects.filter(pk=organisation_id, kind__in=RECRUITER_KINDS).first()
    if found is None:
        raise NotFound(_("There is no recruiter with this number in the registry."))
    return found


def public_record(organisation: Organisation, *, on: dt.date) -> PublicRecord:
    licences = list(
        Licence.objects.filter(organisation=organisation)
        .select_related("issuing_authority", "status_sanction")
        .order_by("-valid_from", "number")
    )
    sanctions = list(Sanction.objects.filter(organisation=organisation).order_by("-starts_on", "-created_at"))
    certifications = list(
        Certification.objects.filter(organisation=organisation)
        .select_related("auditor")
        .order_by("-valid_to", "standard")
    )
    record = PublicRecord(
        organisation=organisation,
        on=on,
        standing=standing_of(licences, sanctions, on),
        recruiting=may_recruit(organisation, on=on),
        licences=licences,
        certifications=certifications,
        sanctions=sanctions,
    )
    for part in _RECORD_PARTS:
        record = replace(record, **part(organisation, on))
    return record


def _licences_and_sanctions(
    ids: list[uuid.UUID], on: dt.date
) -> tuple[dict[uuid.UUID, list[Licence]], dict[uuid.UUID, list[Sanction]]]:
    licences: dict[uuid.UUID, list[Licence]] = defaultdict(list)
    sanctions: dict[uuid.UUID, list[Sanction]] = defaultdict(list)
    for licence in Licence.objects.filter(organisation_id__in=ids).select_related("status_sanction"):
        licences[licence.organisation_id].append(licence)
    for sanction in Sanction.objects.filter(organisation_id__in=ids).filter(sanction_in_force(on)):
        sanctions[sanction.organisation_id].append(sanction)
    return licences, sanctions


def standings(organisation_ids: Iterable[uuid.UUID], *, on: dt.date) -> dict[uuid.UUID, Standing]:
    """The badge of many organisations at once (two queries)."""
    ids = list(organisation_ids)
    licences, sanctions = _licences_and_sanctions(ids, on)
    return {org_id: standing_of(licences[org_id], sanctions[org_id], on) for org_id in ids}


# --- Search -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchResult:
    organisation: Organisation
    standing: Standing
    licence_numbers: list[str]
    by_number: bool  # found by its licence number rather than by its name


MAX_RESULTS = 20


def recruiters_search(query: str, *, on: dt.date, limit: int = MAX_RESULTS) -> list[SearchResult]:
    """Agencies and employers whose licence number (folded: any punctuation, any digits) equals or starts
    with the query, then those whose name matches it in any script and with typos. For everyone."""
    query = query.strip()[: search.MAX_QUERY]
    if not query:
        return []
    limit = max(1, min(limit, MAX_RESULTS))
    ordered: list[uuid.UUID] = []
    by_number: set[uuid.UUID] = set()
    if search.looks_like_number(query):
        key = search.number_key(query)
        if len(key) >= 3:
            exact = Licence.objects.filter(number_key=key)
            near = Licence.objects.filter(number_key__startswith=key).exclude(number_key=key)
            if len(key) >= 5:
                near = Licence.objects.filter(number_key__contains=key).exclude(number_key=key)
            for queryset in (exact, near.order_by("number_key")[:limit]):
                for org_id in queryset.values_list("organisation_id", flat=True):
                    if org_id not in by_number:
                        by_number.add(org_id)
                        ordered.append(org_id)
    for org_id, _score in search.name_index().search(query, limit=limit):
        if org_id not in by_number:
            ordered.append(org_id)
    ordered = ordered[:limit]
    organisations = Organisation.objects.in_bulk(ordered)
    licences, sanctions = _licences_and_sanctions(ordered, on)
    results = []
    for org_id in ordered:
        if org_id in organisations:
            held = sorted(licences[org_id], key=lambda licence: licence.valid_from, reverse=True)
            standing = standing_of(held, sanctions[org_id], on)
            numbers = [licence.number for licence in held]
            results.append(SearchResult(organisations[org_id], standing, numbers, org_id in by_number))
    return results


# --- Open data --------------------------------------------------------------------------------------


def licences_public(
    *, on: dt.date, country: str | None = None, status: str | None = None, in_force_only: bool | None = None
) -> QuerySet[Licence]:
    """Every licence in the registry (open data), oldest number first; filters optional."""
    licences = Licence.objects.select_related("organisation", "status_sanction").order_by(
        "country", "number_key", "id"
    )
    if country:
        licences = licences.filter(country=country.upper())
    if status == Licence.Status.ACTIVE:
        licences = licences.filter(active_on(on))
    elif status == Licence.Status.SUSPENDED:
        licences = licences.filter(status=status).exclude(active_on(on))
    elif status:
        licences = licences.filter(status=status)
    if in_force_only is True:
        licences = licences.filter(active_on(on), in_force(on))
    elif in_force_only is False:
        licences = licences.exclude(active_on(on) & in_force(on))
    return licences
