"""Read-only admin views: rule-pack versions change only through the four-eyes services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mizan.compliance.models import ReviewAlert, RulePackVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RulePackVersion)
class RulePackVersionAdmin(ReadOnlyAdmin):
    list_display = ("pack_id", "version", "jurisdiction", "status", "proposed_by", "decided_by", "created_at")
    list_filter = ("status", "jurisdiction")
    search_fields = ("pack_id", "version")


@admin.register(ReviewAlert)
class ReviewAlertAdmin(ReadOnlyAdmin):
    list_display = ("pack_id", "version", "jurisdiction", "review_by", "created_at", "resolved_at")
    list_filter = ("jurisdiction",)
