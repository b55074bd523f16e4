"""The ledger in the Django admin: to read, never to add, change or delete (entries are append-only)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mizan.privacy.ledger.models import Checkpoint, LedgerEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ("seq", "kind", "subject", "recorded_at", "entry_hash")
    list_filter = ("kind",)
    search_fields = ("=subject", "=entry_hash")
    fields = ("seq", "kind", "subject", "data", "recorded_at", "prev_hash", "entry_hash")
    readonly_fields = fields
    show_full_result_count = False  # counting a million rows on every page is slow


@admin.register(Checkpoint)
class CheckpointAdmin(ReadOnlyAdmin):
    list_display = ("tree_size", "created_at", "root_hash", "key_id")
    fields = ("tree_size", "root_hash", "origin", "created_at", "key_id", "signature")
    readonly_fields = fields
