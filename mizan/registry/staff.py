"""Reads for the management pages: what an authority's or an auditor's staff may see and change.

Authority staff work on the agencies and employers of their own country; auditors on any recruiter (they
audit across borders); platform administrators on all. Everything else is PermissionDenied or NotFound.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.common.errors import NotFound, PermissionDenied
from mizan.registry import permissions, search
from mizan.registry.models import Certification, Licence, Sanction
from mizan.registry.selectors import standings
from mizan.registry.standing import Standing

PAGE_SIZE = 50


@dataclass(frozen=True)
class StaffRights:
    licences: bool
    sanctions: bool
    certifications: bool
    countries: set[str] | None  # where licences and sanctions may be managed; None: everywhere

    @property
    def any(self) -> bool:
        return self.licences or self.sanctions or self.certifications

    def covers(self, country: str) -> bool:
        return self.countries is None or country in self.countries


def rights_of(actor: User) -> StaffRights:
    licences = permissions.may_manage_any(actor, permissions.MANAGE_LICENCES)
    sanctions = permissions.may_manage_any(actor, permissions.MANAGE_SANCTIONS)
    countries: set[str] | None = set()
    if actor.is_superuser:
        countries = None
    else:
        for action in (permissions.MANAGE_LICENCES, permissions.MANAGE_SANCTIONS):
            found = permissions.countries_for(actor, action)
            countries = None if found is None or countries is None else countries | found
    return StaffRights(
        licences=licences,
        sanctions=sanctions,
        certifications=permissions.may_manage_any(actor, permissions.RECORD_CERTIFICATIONS),
        countries=countries,
    )


def require_staff(actor: User) -> StaffRights:
    rights = rights_of(actor)
    if not rights.any:
        raise PermissionDenied(_("You do not have permission to do this."))
    return rights


def _visible(actor: User, rights: StaffRights) -> QuerySet[Organisation]:
    recruiters = Organisation.objects.filter(kind__in=search.RECRUITER_KINDS)
    if rights.certifications or rights.countries is None:
        return recruiters
    return recruiters.filter(country__in=rights.countries or [])


@dataclass(frozen=True)
class ManagedRow:
    organisation: Organisation
    standing: Standing


def recruiters_for_staff(
    actor: User, *, query: str = "", on: dt.date, page: int = 1
) -> tuple[list[ManagedRow], bool]:
    """A page of the recruiters the actor works on (filtered by name or licence number), and whether
    more follow."""
    rights = require_staff(actor)
    recruiters = _visible(actor, rights)
    query = query.strip()[: search.MAX_QUERY]
    if query:
        key = search.number_key(query)
        by_number = (
            Licence.objects.filter(number_key__contains=key).values("organisation_id") if key else None
        )
        condition = Q(name__icontains=query) | Q(registration_number__iexact=query)
        if by_number is not None and search.looks_like_number(query):
            condition |= Q(id__in=by_number)
        recruiters = recruiters.filter(condition)
    page = max(1, page)
    found = list(recruiters.order_by("country", "name", "id")[(page - 1) * PAGE_SIZE : page * PAGE_SIZE + 1])
    more = len(found) > PAGE_SIZE
    found = found[:PAGE_SIZE]
    badges = standings([organisation.pk for organisation in found], on=on)
    return [ManagedRow(organisation, badges[organisation.pk]) for organisation in found], more


def recruiter_for_staff(actor: User, organisation_id: uuid.UUID) -> Organisation:
    rights = require_staff(actor)
    found = _visible(actor, rights).filter(pk=organisation_id).first()
    if found is None:
        raise NotFound(_("There is no recruiter with this number that you can work on."))
    return found


def licence_for_staff(actor: User, licence_id: uuid.UUID) -> Licence:
    found = Licence.objects.select_related("organisation", "status_sanction").filter(pk=licence_id).first()
    if found is None:
        raise NotFound(_("This licence is not in the registry."))
    permissions.authority_for(actor, permissions.MANAGE_LICENCES, found.country)
    return found


def sanction_for_staff(actor: User, sanction_id: uuid.UUID) -> Sanction:
    found = Sanction.objects.select_related("organisation").filter(pk=sanction_id).first()
    if found is None:
        raise NotFound(_("This sanction is not in the registry."))
    permissions.authority_for(actor, permissions.MANAGE_SANCTIONS, found.country)
    return found


def certification_for_staff(actor: User, certification_id: uuid.UUID) -> Certification:
    found = (
        Certification.objects.select_related("organisation", "auditor").filter(pk=certification_id).first()
    )
    if found is None:
        raise NotFound(_("This certification is not in the registry."))
    permissions.auditor_for(actor, found.auditor)
    return found


NO_AUTHORITY = _("There is no authority with this number.")
