"""Managing an organisation's API tokens. People only (session), and only its administrators."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from mizan.api import selectors, services
from mizan.api.auth import request_user, session_auth
from mizan.api.models import ApiToken
from mizan.api.problems import problems
from mizan.api.schemas import TokenCreatedOut, TokenCreateIn, TokenOut

router = Router(tags=["api tokens"], auth=session_auth)


def _out(token: ApiToken) -> TokenOut:
    return TokenOut(
        id=token.id,
        name=token.name,
        display=token.display,
        prefix=token.prefix,
        scopes=list(token.scopes),
        created_at=token.created_at,
        expires_at=token.expires_at,
        revoked_at=token.revoked_at,
        last_used_at=token.last_used_at,
        is_active=token.is_usable(),
    )


@router.get("/{uuid:org_id}/tokens", response={200: list[TokenOut], **problems(401, 403, 404)})
def list_tokens(request: HttpRequest, org_id: UUID) -> list[TokenOut]:
    """The organisation's tokens, newest first, revoked ones included. Secrets are never shown again."""
    actor = request_user(request)
    organisation = selectors.organisation_for_token_management(actor=actor, organisation_id=org_id)
    return [_out(t) for t in selectors.api_tokens_for_organisation(actor=actor, organisation=organisation)]


@router.post("/{uuid:org_id}/tokens", response={201: TokenCreatedOut, **problems(400, 401, 403, 404, 422)})
def create_token(request: HttpRequest, org_id: UUID, payload: TokenCreateIn) -> Status[TokenCreatedOut]:
    """Make a token. The answer holds the secret, once: it is not stored and cannot be shown again."""
    actor = request_user(request)
    organisation = selectors.organisation_for_token_management(actor=actor, organisation_id=org_id)
    token, secret = services.api_token_create(
        actor=actor,
        organisation=organisation,
        name=payload.name,
        scopes=[str(scope) for scope in payload.scopes],
        expires_at=payload.expires_at,
    )
    return Status(201, TokenCreatedOut(token=_out(token), secret=secret))


@router.delete("/{uuid:org_id}/tokens/{uuid:token_id}", response={204: None, **problems(401, 403, 404)})
def revoke_token(request: HttpRequest, org_id: UUID, token_id: UUID) -> Status[None]:
    """Revoke a token. It stops working at once; it stays listed, marked revoked."""
    actor = request_user(request)
    organisation = selectors.organisation_for_token_management(actor=actor, organisation_id=org_id)
    token = selectors.api_token_for_organisation(actor=actor, organisation=organisation, token_id=token_id)
    services.api_token_revoke(actor=actor, token=token)
    return Status(204, None)
