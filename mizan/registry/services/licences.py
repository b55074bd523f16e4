"""Licences: add, register (finding or adding the organisation), change status."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts import services as account_services
from mizan.accounts.models import Organisation, User
from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy.ledger import hash_for, ledger_append
from mizan.registry import permissions
from mizan.registry.models import Licence
from mizan.registry.search import RECRUITER_KINDS, number_key
from mizan.registry.services.common import (
    LICENCE_ACTIONS,
    Status,
    by_id,
    check_dates,
    check_number,
    clean_reason,
    require_recruiter,
    sanctioned_error,
    stopping_sanctions,
)


def licence_ledger(licence: Licence, action: str, *, actor: User | None, reason: str = "") -> None:
    data: dict[str, Any] = {
        "action": action,
        "organisation": str(licence.organisation_id),
        "country": licence.country,
        "status": licence.status,
        "number_sha256": hash_for(licence.number_key),
        "dates_sha256": hash_for(f"{licence.valid_from.isoformat()}/{licence.valid_to or ''}"),
        "sanction": str(licence.status_sanction_id) if licence.status_sanction_id else None,
        "reason_sha256": hash_for(reason) if reason else None,
        "by": by_id(actor),
    }
    ledger_append(kind="licence.changed", subject=f"licence:{licence.pk}", data=data)


def _resolve_authority(
    actor: User | None, organisation: Organisation, authority: Organisation | None
) -> Organisation | None:
    if authority is None:
        return permissions.authority_for(actor, permissions.MANAGE_LICENCES, organisation.country)
    permissions.require_authority(actor, permissions.MANAGE_LICENCES, authority)
    if authority.country != organisation.country:
        raise PermissionDenied(permissions.NOT_YOUR_COUNTRY, code="other_country")
    return authority


def licence_require(actor: User | None, licence: Licence) -> Organisation | None:
    """The authority ``actor`` acts for on ``licence`` (its country), or PermissionDenied."""
    return permissions.authority_for(actor, permissions.MANAGE_LICENCES, licence.country)


@transaction.atomic
def licence_create(
    *,
    actor: User | None,
    organisation: Organisation,
    number: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    authority: Organisation | None = None,
    issuing_authority_name: str = "",
    status: str = Status.ACTIVE,
    address: str = "",
) -> Licence:
    """Record a licence of ``organisation``, issued by ``authority`` (by default the actor's authority in
    the organisation's country). The licence's country is the organisation's country."""
    authority = _resolve_authority(actor, organisation, authority)
    require_recruiter(organisation)
    number = check_number(number)
    check_dates(valid_from, valid_to)
    if status not in Status.values:
        raise DomainError(_("This licence status does not exist."), code="status")
    name = (issuing_authority_name.strip() or (authority.name if authority else ""))[:200]
    if not name:
        raise DomainError(_("Write the name of the authority that issued the licence."), code="authority")
    key = number_key(number)
    country = organisation.country
    if Licence.objects.filter(country=country, number_key=key).exists():
        raise DomainError(
            _("A licence with the number “%(number)s” is already in the registry for this country."),
            code="duplicate_number",
            number=number,
        )
    today = timezone.localdate()
    if status == Status.ACTIVE and stopping_sanctions(organisation, country, today):
        raise sanctioned_error()
    licence = Licence(
        organisation=organisation,
        number=number,
        number_key=key,
        issuing_authority=authority,
        issuing_authority_name=name,
        country=country,
        valid_from=valid_from,
        valid_to=valid_to,
        status=status,
        address=" ".join(address.split())[:300],
        created_by=actor,
    )
    try:
        with transaction.atomic():
            licence.save()
    except IntegrityError as exc:  # a concurrent request took the number between the check and the save
        raise DomainError(
            _("A licence with the number “%(number)s” is already in the registry for this country."),
            code="duplicate_number",
            number=number,
        ) from exc
    licence_ledger(licence, "created", actor=actor)
    return licence


@transaction.atomic
def licence_change_status(
    *,
    actor: User | None,
    licence: Licence,
    action: str,
    reason: str = "",
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Licence:
    """``suspend`` (active → suspended), ``revoke`` (active or suspended → revoked), ``reinstate``
    (suspended or revoked → active, when no sanction stops it), ``renew`` (new dates, for a licence that
    is active), ``surrender`` (the holder gave it up). A reason is required except to renew."""
    locked = Licence.objects.select_for_update().filter(pk=licence.pk).first()
    if locked is None:
        raise DomainError(_("This licence is not in the registry."), code="not_found")
    licence = locked
    licence_require(actor, licence)
    if action not in LICENCE_ACTIONS:
        raise DomainError(_("This change is not possible."), code="action")
    today = timezone.localdate()
    reason = clean_reason(reason, required=action != "renew")
    current = licence.status_on(today)
    allowed: dict[str, tuple[str, ...]] = {
        "suspend": (Status.ACTIVE,),
        "revoke": (Status.ACTIVE, Status.SUSPENDED),
        "reinstate": (Status.SUSPENDED, Status.REVOKED),
        "renew": (Status.ACTIVE,),
        "surrender": (Status.ACTIVE, Status.SUSPENDED),
    }
    if current not in allowed[action]:
        raise DomainError(
            _("This licence is “%(status)s”, so it cannot be changed this way."),
            code="wrong_status",
            status=Status(current).label,
        )
    if action in ("reinstate", "renew") and stopping_sanctions(licence.organisation, licence.country, today):
        raise sanctioned_error()
    if action == "renew":
        new_from = valid_from or licence.valid_from
        if valid_to is None:
            raise DomainError(_("Give the new end date of the licence."), code="valid_to_missing")
        check_dates(new_from, valid_to)
        if valid_to < today:
            raise DomainError(_("The new end date has already passed."), code="valid_to_past")
        licence.valid_from, licence.valid_to = new_from, valid_to
    else:
        licence.status = {
            "suspend": Status.SUSPENDED,
            "revoke": Status.REVOKED,
            "reinstate": Status.ACTIVE,
            "surrender": Status.SURRENDERED,
        }[action]
        licence.status_sanction = None
        licence.status_reason = reason
    licence.save()
    past = {"suspend": "suspended", "revoke": "revoked", "reinstate": "reinstated", "renew": "renewed"}
    licence_ledger(licence, past.get(action, "surrendered"), actor=actor, reason=reason)
    return licence


def recruiter_find_or_create(
    *, actor: User | None, country: str, name: str, registration_number: str, kind: str
) -> tuple[Organisation, bool]:
    """The agency or employer with this registration number in ``country``, or a new one (and whether it
    is new). The caller has checked that ``actor`` keeps the registry of ``country``."""
    registration_number = registration_number.strip()
    name = " ".join(name.split())
    if kind not in RECRUITER_KINDS:
        raise DomainError(_("Choose agency or employer."), code="kind")
    if not registration_number or not name:
        raise DomainError(_("Write the name and the registration number."), code="organisation_missing")
    found = Organisation.objects.filter(country=country, registration_number=registration_number).first()
    if found is not None:
        if found.kind != kind:
            raise DomainError(
                _("The registry has this registration number as “%(kind)s”."),
                code="kind_mismatch",
                kind=Organisation.Kind(found.kind).label,
            )
        return found, False
    created = account_services.organisation_create(
        # accounts lets only operators create organisations; the registry checked the authority's right
        actor=None,
        data=account_services.OrganisationInput(
            name=name, kind=kind, country=country, registration_number=registration_number
        ),
    )
    if actor is not None:
        Organisation.objects.filter(pk=created.pk).update(created_by=actor)
        created.created_by = actor
    return created, True


@transaction.atomic
def licence_register(
    *,
    actor: User | None,
    organisation_name: str,
    registration_number: str,
    kind: str,
    number: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    address: str = "",
    authority: Organisation | None = None,
) -> Licence:
    """A licence for the organisation with this registration number in the authority's country, adding
    the organisation when it is not there yet (what the "add a licence" page does)."""
    authority = permissions.acting_authority(actor, permissions.MANAGE_LICENCES, authority)
    organisation, _new = recruiter_find_or_create(
        actor=actor,
        country=authority.country,
        name=organisation_name,
        registration_number=registration_number,
        kind=kind,
    )
    return licence_create(
        actor=actor,
        organisation=organisation,
        number=number,
        valid_from=valid_from,
        valid_to=valid_to,
        address=address,
        authority=authority,
    )
