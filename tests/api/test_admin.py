from __future__ import annotations

import pytest

from mizan.api.models import ApiToken

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/api/apitoken/"


def test_operators_see_tokens_by_prefix_never_by_hash(make_token, client_as):
    token, _secret = make_token()
    content = client_as("platform_admin").get(CHANGELIST).content.decode()
    assert token.prefix in content
    assert token.token_hash not in content


def test_operators_can_revoke_from_the_admin(make_token, client_as, platform_admin):
    token, _secret = make_token()
    response = client_as("platform_admin").post(
        CHANGELIST, {"action": "revoke", "_selected_action": [str(token.pk)]}
    )
    assert response.status_code == 302
    token = ApiToken.objects.get(pk=token.pk)
    assert token.revoked_at is not None
    assert token.revoked_by == platform_admin
