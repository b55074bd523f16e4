"""API tokens in the Django admin: to see and revoke, never to make (the secret is shown only once, by
the service) and never to edit or delete (tokens are revoked, so their use stays attributable)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from mizan.accounts.permissions import organisations_for
from mizan.api.models import ApiToken
from mizan.api.services import MANAGE, api_token_revoke
from mizan.common.errors import DomainError


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "display",
        "organisation",
        "created_at",
        "expires_at",
        "revoked_at",
        "last_used_at",
    )
    list_filter = ("revoked_at",)
    search_fields = ("name", "prefix", "organisation__name")
    fields = (
        "organisation",
        "name",
        "prefix",
        "scopes",
        "created_at",
        "created_by",
        "expires_at",
        "revoked_at",
        "revoked_by",
        "last_used_at",
    )
    readonly_fields = fields
    actions = ("revoke",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[ApiToken]:
        # Staff who are not superusers see only the tokens of organisations they administer.
        queryset = super().get_queryset(request).select_related("organisation")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(organisation__in=organisations_for(request.user, MANAGE))  # type: ignore[arg-type]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Revoke the selected tokens"), permissions=["view"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset.select_related("organisation"):
            try:
                api_token_revoke(actor=request.user, token=token)  # type: ignore[arg-type]
            except DomainError as error:
                self.message_user(request, f"{token}: {error.message}", level=messages.ERROR)
