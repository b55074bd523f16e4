"""Who may change the registry, registered with mizan.accounts.permissions at import time.

Authorities keep licences and sanctions, but only for organisations of their own country: an officer in
Nepal cannot touch a Qatari employer's licence. Auditors record the results of their own audits. Reading
the public record needs no permission at all.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Membership, Organisation, User
from mizan.accounts.permissions import can, organisations_for, register
from mizan.common.errors import PermissionDenied

MANAGE_LICENCES = "registry.licences.manage"
MANAGE_SANCTIONS = "registry.sanctions.manage"
RECORD_CERTIFICATIONS = "registry.certifications.record"

_AUTHORITY_STAFF = {Membership.Role.OFFICER, Membership.Role.ADMIN}
register(MANAGE_LICENCES, {Organisation.Kind.AUTHORITY: _AUTHORITY_STAFF})
register(MANAGE_SANCTIONS, {Organisation.Kind.AUTHORITY: _AUTHORITY_STAFF})
register(RECORD_CERTIFICATIONS, {Organisation.Kind.AUDITOR: {Membership.Role.AUDITOR, Membership.Role.ADMIN}})

NOT_YOUR_COUNTRY = _("You can only manage licences and sanctions of organisations in your own country.")


def may_manage_any(actor: User | None, action: str) -> bool:
    """Does ``actor`` hold ``action`` for some organisation (and so may open the management pages)?"""
    return can(actor, action)


def countries_for(actor: User, action: str) -> set[str] | None:
    """The countries where ``actor`` may do an authority ``action``; None means every country."""
    if actor.is_superuser:
        return None
    return set(
        organisations_for(actor, action)
        .filter(kind=Organisation.Kind.AUTHORITY)
        .values_list("country", flat=True)
    )


def authority_for(actor: User | None, action: str, country: str) -> Organisation | None:
    """The authority on whose behalf ``actor`` acts in ``country``, or PermissionDenied.

    None when no authority organisation is involved: the platform itself (actor None: the demo, the
    command line) or a platform administrator without a membership there."""
    if actor is None:
        return None
    found = (
        organisations_for(actor, action)
        .filter(kind=Organisation.Kind.AUTHORITY, country=country)
        .order_by("name")
        .first()
    )
    if found is not None or actor.is_superuser:
        return found
    if can(actor, action):
        raise PermissionDenied(NOT_YOUR_COUNTRY, code="other_country")
    raise PermissionDenied(_("You do not have permission to do this."))


def require_authority(actor: User | None, action: str, authority: Organisation) -> None:
    """``actor`` may act for ``authority`` (a platform administrator or the platform itself may too)."""
    if actor is None or actor.is_superuser:
        return
    if authority.kind != Organisation.Kind.AUTHORITY or not can(actor, action, authority):
        raise PermissionDenied(_("You do not have permission to do this."))


def auditor_for(actor: User, auditor: Organisation | None = None) -> Organisation:
    """The auditor organisation on whose behalf ``actor`` records a certification, or PermissionDenied."""
    if auditor is not None:
        if auditor.kind != Organisation.Kind.AUDITOR:
            raise PermissionDenied(_("Only an auditing organisation can record a certification."))
        if not can(actor, RECORD_CERTIFICATIONS, auditor):
            raise PermissionDenied(_("You do not have permission to do this."))
        return auditor
    found = organisations_for(actor, RECORD_CERTIFICATIONS).filter(kind=Organisation.Kind.AUDITOR)
    first = found.order_by("name").first()
    if first is None:
        raise PermissionDenied(_("Only auditors can record certifications."))
    return first


def acting_authorities(actor: User, action: str) -> QuerySet[Organisation]:
    """The authorities for which ``actor`` may do ``action`` (every authority for platform administrators)."""
    if actor.is_superuser:
        return Organisation.objects.filter(kind=Organisation.Kind.AUTHORITY).order_by("name")
    return organisations_for(actor, action).filter(kind=Organisation.Kind.AUTHORITY).order_by("name")


def acting_authority(actor: User | None, action: str, authority: Organisation | None = None) -> Organisation:
    """``authority`` if ``actor`` may act for it, else the only authority ``actor`` acts for; PermissionDenied
    when there is none, or several and none was chosen."""
    if authority is not None:
        require_authority(actor, action, authority)
        if authority.kind != Organisation.Kind.AUTHORITY:
            raise PermissionDenied(_("Only a licensing authority can do this."))
        return authority
    if actor is None:
        raise PermissionDenied(_("Choose the authority."), code="authority_needed")
    choices = list(acting_authorities(actor, action)[:2])
    if len(choices) == 1:
        return choices[0]
    if choices:
        raise PermissionDenied(_("Choose the authority you act for."), code="authority_needed")
    raise PermissionDenied(_("Only a licensing authority's staff can do this."))
