"""Sanctions: imposed and lifted by an authority; suspensions and revocations act on the licences."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy.ledger import hash_for, ledger_append
from mizan.registry import permissions
from mizan.registry.models import Licence, Sanction
from mizan.registry.services.common import (
    LICENCE_EFFECTS,
    Kind,
    Status,
    by_id,
    check_dates,
    clean_reason,
    require_recruiter,
    stopping_sanctions,
)
from mizan.registry.services.licences import licence_ledger


def _sanction_ledger(sanction: Sanction, action: str, *, actor: User | None, reason: str) -> None:
    ledger_append(
        kind="sanction.changed",
        subject=f"sanction:{sanction.pk}",
        data={
            "action": action,
            "kind": sanction.kind,
            "organisation": str(sanction.organisation_id),
            "authority": str(sanction.authority_id) if sanction.authority_id else None,
            "country": sanction.country,
            "dates_sha256": hash_for(f"{sanction.starts_on.isoformat()}/{sanction.ends_on or ''}"),
            "reason_sha256": hash_for(reason),
            "by": by_id(actor),
        },
    )


def _sanction_authority(
    actor: User | None, organisation: Organisation, authority: Organisation | None
) -> Organisation | None:
    if authority is None:
        return permissions.authority_for(actor, permissions.MANAGE_SANCTIONS, organisation.country)
    permissions.require_authority(actor, permissions.MANAGE_SANCTIONS, authority)
    if authority.country != organisation.country:
        raise PermissionDenied(permissions.NOT_YOUR_COUNTRY, code="other_country")
    return authority


def _apply_to_licences(sanction: Sanction, *, actor: User | None) -> int:
    """Set the status of the organisation's licences in the sanction's country; returns how many."""
    effect = LICENCE_EFFECTS.get(sanction.kind)
    if effect is None:
        return 0
    status, acts_on = effect
    changed = 0
    today = timezone.localdate()
    for licence in Licence.objects.select_for_update().filter(
        organisation=sanction.organisation, country=sanction.country, status__in=acts_on
    ):
        if licence.valid_to is not None and licence.valid_to < today:
            continue  # an expired licence keeps its history as it was
        licence.status = status
        licence.status_sanction = sanction
        licence.status_reason = sanction.reason
        licence.save()
        licence_ledger(licence, status, actor=actor, reason=sanction.reason)
        changed += 1
    return changed


@transaction.atomic
def sanction_impose(
    *,
    actor: User | None,
    organisation: Organisation,
    kind: str,
    reason: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    authority: Organisation | None = None,
    authority_name: str = "",
) -> Sanction:
    """Impose a warning, suspension, revocation or blacklisting. A suspension or revocation that has
    started also suspends or revokes the organisation's licences of that country, in this transaction;
    one that starts later stops recruiting from its first day (selectors.may_recruit)."""
    authority = _sanction_authority(actor, organisation, authority)
    require_recruiter(organisation)
    if kind not in Kind.values:
        raise DomainError(_("This kind of sanction does not exist."), code="kind")
    reason = clean_reason(reason)
    check_dates(starts_on, ends_on)
    if kind == Kind.REVOCATION and ends_on is not None:
        raise DomainError(
            _("A revocation has no end date. If it is overturned, lift it."), code="revocation_end"
        )
    name = (authority_name.strip() or (authority.name if authority else ""))[:200]
    if not name:
        raise DomainError(_("Write the name of the authority that imposed the sanction."), code="authority")
    sanction = Sanction.objects.create(
        organisation=organisation,
        kind=kind,
        authority=authority,
        authority_name=name,
        country=organisation.country,
        reason=reason,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=actor,
    )
    _sanction_ledger(sanction, "imposed", actor=actor, reason=reason)
    today = timezone.localdate()
    if starts_on <= today and (ends_on is None or ends_on >= today):
        _apply_to_licences(sanction, actor=actor)
    return sanction


def sanction_require(actor: User | None, sanction: Sanction) -> Organisation | None:
    return permissions.authority_for(actor, permissions.MANAGE_SANCTIONS, sanction.country)


@transaction.atomic
def sanction_lift(*, actor: User | None, sanction: Sanction, reason: str) -> Sanction:
    """End a sanction early (the record stays, marked lifted). Licences it suspended or revoked become
    active again, unless another sanction of that country still stops them."""
    locked = Sanction.objects.select_for_update().filter(pk=sanction.pk).first()
    if locked is None:
        raise DomainError(_("This sanction is not in the registry."), code="not_found")
    sanction_require(actor, locked)
    if locked.lifted_at is not None:
        raise DomainError(_("This sanction is already lifted."), code="lifted")
    locked.lifted_at = timezone.now()
    locked.lifted_reason = clean_reason(reason)
    locked.lifted_by = actor
    locked.save()
    _sanction_ledger(locked, "lifted", actor=actor, reason=locked.lifted_reason)
    today = timezone.localdate()
    others = [
        other
        for other in stopping_sanctions(locked.organisation, locked.country, today)
        if other.kind in LICENCE_EFFECTS
    ]
    # A running revocation outweighs a suspension.
    others.sort(key=lambda other: other.kind != Kind.REVOCATION)
    replacement = others[0] if others else None
    for licence in Licence.objects.select_for_update().filter(status_sanction=locked):
        if replacement is not None:
            licence.status = LICENCE_EFFECTS[replacement.kind][0]
            licence.status_sanction = replacement
            licence.status_reason = replacement.reason
            action = licence.status
        else:
            licence.status = Status.ACTIVE
            licence.status_sanction = None
            licence.status_reason = locked.lifted_reason
            action = "reinstated"
        licence.save()
        licence_ledger(licence, action, actor=actor, reason=licence.status_reason)
    return locked
