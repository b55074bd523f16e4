"""The one permission helper. Every selector and service asks here before it reads or writes.

A permission is an action name mapped to the (organisation kind, role) pairs that may do it. Workers act
only on their own data, which selectors check by ownership, not here. Platform superusers may do anything
a role may; that is how the operators of a Mizan instance administer it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Membership, Organisation, User
from mizan.common.errors import PermissionDenied

Kind = Organisation.Kind
Role = Membership.Role

# action -> {organisation kind: roles that may}; later apps register their own actions.
ACTIONS: dict[str, dict[str, frozenset[str]]] = {
    "organisation.manage": {kind: frozenset({Role.ADMIN}) for kind in Kind.values},
    "organisation.view": {kind: frozenset(Role.values) for kind in Kind.values},
    "api_tokens.manage": {kind: frozenset({Role.ADMIN}) for kind in Kind.values},
}


def register(action: str, grants: dict[str, Iterable[str]]) -> None:
    """Add an action; apps call this at import time from their own permissions module."""
    if action in ACTIONS:
        raise ValueError(f"permission {action!r} is registered twice")
    ACTIONS[action] = {kind: frozenset(roles) for kind, roles in grants.items()}


def memberships(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user, is_active=True).select_related("organisation")


def can(user: User | None, action: str, organisation: Organisation | None = None) -> bool:
    """May ``user`` do ``action`` (for ``organisation`` if given, else for any organisation)?"""
    if action not in ACTIONS:
        raise KeyError(f"unknown permission {action!r}")
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    grants = ACTIONS[action]
    found = memberships(user)
    if organisation is not None:
        found = found.filter(organisation=organisation)
    return any(membership.role in grants.get(membership.organisation.kind, ()) for membership in found)


def require(user: User | None, action: str, organisation: Organisation | None = None) -> None:
    if not can(user, action, organisation):
        raise PermissionDenied(_("You do not have permission to do this."))


def organisations_for(user: User, action: str) -> QuerySet[Organisation]:
    """The organisations on whose behalf ``user`` may do ``action``."""
    if user.is_superuser:
        return Organisation.objects.all()
    grants = ACTIONS[action]
    ids = [m.organisation_id for m in memberships(user) if m.role in grants.get(m.organisation.kind, ())]
    return Organisation.objects.filter(id__in=ids)
