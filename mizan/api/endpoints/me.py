"""Who am I: the signed-in person or the calling token."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from mizan.accounts.models import Organisation
from mizan.accounts.selectors import memberships_of
from mizan.api.auth import request_user, session_or_token
from mizan.api.models import ApiToken
from mizan.api.problems import problems
from mizan.api.schemas import Me, MembershipOut, OrganisationRef, TokenMe, UserMe

router = Router(tags=["identity"])


def _organisation(organisation: Organisation) -> OrganisationRef:
    return OrganisationRef(id=organisation.id, name=organisation.name, kind=organisation.kind)


@router.get("/me", auth=session_or_token, response={200: Me, **problems(401, 403)})
def me(request: HttpRequest) -> UserMe | TokenMe:
    """For a person: their id, kind, language and the organisations they act for, with their role.
    For a token: its organisation and scopes. Any valid token may read this; no scope is needed."""
    token = getattr(request, "auth", None)
    if isinstance(token, ApiToken):
        return TokenMe(
            token_id=token.id,
            name=token.name,
            organisation=_organisation(token.organisation),
            scopes=list(token.scopes),
            expires_at=token.expires_at,
        )
    user = request_user(request)
    return UserMe(
        id=user.id,
        kind=user.kind,
        preferred_language=user.preferred_language,
        memberships=[
            MembershipOut(organisation=_organisation(membership.organisation), role=membership.role)
            for membership in memberships_of(actor=user)
        ],
    )
