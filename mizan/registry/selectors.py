"""Reads of the registry. ``may_recruit`` is the one answer to "may this organisation recruit today?"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.registry.models import Licence, Sanction

# Sanctions that stop recruiting while they run (a warning is shown but does not stop anyone).
BLOCKING_SANCTIONS = (Sanction.Kind.SUSPENSION, Sanction.Kind.REVOCATION, Sanction.Kind.BLACKLIST)


@dataclass(frozen=True)
class RecruitingStatus:
    may_recruit: bool
    reasons: list[Promise] = field(default_factory=list)  # why not, in plain words
    licence: Licence | None = None


def licence_in_force(organisation: Organisation, on: dt.date) -> Licence | None:
    return (
        Licence.objects.filter(organisation=organisation, status=Licence.Status.ACTIVE, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-valid_from")
        .first()
    )


def sanctions_in_force(organisation: Organisation, on: dt.date) -> list[Sanction]:
    return list(
        Sanction.objects.filter(organisation=organisation, starts_on__lte=on, lifted_at__isnull=True)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .order_by("-starts_on")
    )


def may_recruit(organisation: Organisation, *, on: dt.date) -> RecruitingStatus:
    """An agency needs a licence in force and no blocking sanction; an employer needs no blocking
    sanction (a licence is required only where the registry holds one for it). Others never recruit."""
    reasons: list[Promise] = []
    if organisation.kind not in (Organisation.Kind.AGENCY, Organisation.Kind.EMPLOYER):
        return RecruitingStatus(False, [_("Only recruitment agencies and employers can post jobs.")])
    licence = licence_in_force(organisation, on)
    if organisation.kind == Organisation.Kind.AGENCY and licence is None:
        if Licence.objects.filter(organisation=organisation).exists():
            reasons.append(
                _("The agency's licence is not valid on this date (expired, suspended or revoked).")
            )
        else:
            reasons.append(_("The agency has no licence in the registry."))
    if any(s.kind in BLOCKING_SANCTIONS for s in sanctions_in_force(organisation, on)):
        reasons.append(_("The organisation is under a sanction (suspended, revoked or blacklisted)."))
    return RecruitingStatus(not reasons, reasons, licence)
