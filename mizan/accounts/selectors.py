"""Reads for accounts. Each takes the actor and returns only what that actor may see."""

from __future__ import annotations

from django.db.models import QuerySet

from mizan.accounts.models import Membership, TrustedDevice, User


def memberships_of(*, actor: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=actor, is_active=True).select_related("organisation")


def trusted_devices_of(*, actor: User) -> QuerySet[TrustedDevice]:
    return TrustedDevice.objects.filter(user=actor).order_by("-created_at")
