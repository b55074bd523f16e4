"""Reads for API tokens. Each takes the actor and returns only what the actor may see, or raises."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import require
from mizan.api.models import ApiToken
from mizan.api.services import MANAGE
from mizan.common.errors import NotFound


def organisation_for_token_management(*, actor: User, organisation_id: UUID) -> Organisation:
    """The organisation whose tokens ``actor`` manages: 404 if it does not exist, 403 if not theirs."""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        raise NotFound(_("There is no organisation with this id."))
    require(actor, MANAGE, organisation)
    return organisation


def api_tokens_for_organisation(*, actor: User, organisation: Organisation) -> QuerySet[ApiToken]:
    require(actor, MANAGE, organisation)
    return ApiToken.objects.filter(organisation=organisation).order_by("-created_at")


def api_token_for_organisation(*, actor: User, organisation: Organisation, token_id: UUID) -> ApiToken:
    token = api_tokens_for_organisation(actor=actor, organisation=organisation).filter(pk=token_id).first()
    if token is None:
        raise NotFound(_("This organisation has no token with this id."))
    return token
