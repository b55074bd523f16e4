"""Writes for API tokens. Keyword-only, atomic, and a DomainError whenever a rule says no."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import require
from mizan.api import scopes as scope_registry
from mizan.api import tokens
from mizan.api.models import ApiToken
from mizan.common.errors import DomainError

logger = logging.getLogger(__name__)

MANAGE = "api_tokens.manage"
# Recording every use would write on every request; a minute is precise enough to tell live tokens apart.
LAST_USED_PRECISION = timedelta(minutes=1)


def _clean_scopes(scopes: Iterable[str]) -> list[str]:
    cleaned = sorted(set(scopes))
    for scope in cleaned:
        if not scope_registry.is_known(scope):
            raise DomainError(
                gettext("“%(scope)s” is not a scope Mizan knows.") % {"scope": scope}, code="unknown_scope"
            )
    if not cleaned:
        raise DomainError(_("Choose at least one scope for the token."), code="no_scope")
    return cleaned


@transaction.atomic
def api_token_create(
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    scopes: Iterable[str],
    expires_at: datetime | None,
) -> tuple[ApiToken, str]:
    """Make a token for ``organisation``; return it with its clear text, which is never stored."""
    require(actor, MANAGE, organisation)
    name = name.strip()
    if not name:
        raise DomainError(_("Give the token a name, so you know later where it is used."), code="no_name")
    cleaned = _clean_scopes(scopes)
    if expires_at is not None and expires_at <= timezone.now():
        raise DomainError(_("The expiry date must be in the future."), code="expiry_past")
    new = tokens.generate()
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name,
        prefix=new.prefix,
        token_hash=new.hash,
        scopes=cleaned,
        expires_at=expires_at,
        created_by=actor,
    )
    # Until the privacy ledger exists, the log is the audit trail of who made which token.
    logger.info("api token %s (%s) created for %s by %s", token.id, token.prefix, organisation.id, actor.pk)
    return token, new.clear_text


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    """Revoke ``token`` at once. Revoking a revoked token changes nothing (who and when stay the first)."""
    require(actor, MANAGE, token.organisation)
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = actor
        token.save(update_fields=["revoked_at", "revoked_by", "modified_at"])
        logger.info("api token %s (%s) revoked by %s", token.id, token.prefix, actor.pk)
    return token


def api_token_authenticate(*, clear_text: str) -> ApiToken | None:
    """The usable token matching ``clear_text``, or None: unknown, revoked and expired look the same."""
    prefix = tokens.parse_prefix(clear_text)
    if prefix is None:
        return None
    presented = tokens.token_hash(clear_text)
    now = timezone.now()
    found = None
    # Prefixes are short and could collide, so compare every candidate, in constant time.
    for candidate in ApiToken.objects.filter(prefix=prefix).select_related("organisation"):
        if hmac.compare_digest(candidate.token_hash, presented):
            found = candidate
    if found is None or not found.is_usable(now):
        return None
    if found.last_used_at is None or now - found.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        found.last_used_at = now
    return found
