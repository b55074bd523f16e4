"""Read-only admin views: the taxonomy changes only through ``mizan taxonomy import``."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mizan.taxonomy.models import IscoGroup, Occupation, OccupationTitle, Skill, TaxonomyImport


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(IscoGroup)
class IscoGroupAdmin(ReadOnlyAdmin):
    list_display = ("code", "title")
    search_fields = ("code", "title")


@admin.register(Occupation)
class OccupationAdmin(ReadOnlyAdmin):
    list_display = ("code", "preferred_label", "isco_group", "is_common", "common_group")
    list_filter = ("is_common", "common_group")
    search_fields = ("code", "preferred_label", "alt_labels")


@admin.register(OccupationTitle)
class OccupationTitleAdmin(ReadOnlyAdmin):
    list_display = ("occupation", "language", "title")
    list_filter = ("language",)
    search_fields = ("title", "search_text")


@admin.register(Skill)
class SkillAdmin(ReadOnlyAdmin):
    list_display = ("preferred_label", "skill_type", "reuse_level")
    list_filter = ("skill_type", "reuse_level")
    search_fields = ("preferred_label", "alt_labels")


@admin.register(TaxonomyImport)
class TaxonomyImportAdmin(ReadOnlyAdmin):
    list_display = (
        "imported_at",
        "only_common",
        "added",
        "changed",
        "removed",
        "dropped_relations",
        "seconds",
    )
