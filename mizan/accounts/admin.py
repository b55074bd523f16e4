"""Django admin for the platform's operators, limited by role.

Superusers see everything. Other staff with admin access see only the organisations they administer and
their members; workers' accounts are never listed for them (workers' data is read through selectors that
record access, not through the admin).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from mizan.accounts.models import Membership, Organisation, User
from mizan.accounts.permissions import organisations_for


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "email", "is_active", "is_staff", "date_joined")
    list_filter = ("kind", "is_active", "is_staff")
    search_fields = ("email", "display_name")
    fields = (
        "kind",
        "email",
        "phone",
        "display_name",
        "preferred_language",
        "is_active",
        "is_staff",
        "groups",
    )
    readonly_fields = ("phone",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        organisations = organisations_for(request.user, "organisation.manage")  # type: ignore[arg-type]
        return queryset.filter(memberships__organisation__in=organisations, kind=User.Kind.STAFF).distinct()


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)
    fk_name = "organisation"


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "registration_number", "is_demo")
    list_filter = ("kind", "country", "is_demo")
    search_fields = ("name", "registration_number")
    inlines = (MembershipInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        if request.user.is_superuser:
            return super().get_queryset(request)
        return organisations_for(request.user, "organisation.manage")  # type: ignore[arg-type]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)
