"""Read-only admin views: licences, certifications and sanctions change only through the services, which
write the ledger (mizan.registry.services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mizan.registry.models import Certification, Licence, Sanction


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Licence)
class LicenceAdmin(ReadOnlyAdmin):
    list_display = ("number", "country", "organisation", "status", "valid_from", "valid_to")
    list_filter = ("country", "status")
    search_fields = ("number", "number_key", "organisation__name")
    list_select_related = ("organisation",)


@admin.register(Certification)
class CertificationAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "standard", "level", "auditor", "valid_from", "valid_to", "is_withdrawn")
    list_filter = ("standard", "is_withdrawn")
    list_select_related = ("organisation", "auditor")


@admin.register(Sanction)
class SanctionAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "kind", "country", "authority_name", "starts_on", "ends_on", "lifted_at")
    list_filter = ("kind", "country")
    list_select_related = ("organisation",)
