"""ISCO-08 groups, ESCO occupations and skills, and the titles workers read in their own language.

Loaded by ``mizan taxonomy import`` from the ESCO v1.1.1 files in ``taxonomy/``; rows are keyed by their
ESCO URI (or ISCO code) so importing twice changes nothing. ESCO is English only: ``OccupationTitle``
holds the project's own translations of the occupations migrant workers commonly do, in all 12 languages.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class IscoGroup(models.Model):
    """One group of ISCO-08: major (1 digit), sub-major (2), minor (3) or unit group (4)."""

    code = models.CharField(max_length=4, primary_key=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{1,4}$"), name="isco_group_code_digits"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def level(self) -> int:
        return len(self.code)


class Occupation(models.Model):
    """An ESCO occupation. ``code`` is its ESCO code (e.g. 7212.3), whose first four digits are the
    ISCO-08 unit group."""

    uri = models.CharField(max_length=200, unique=True)
    code = models.CharField(max_length=30, unique=True)
    isco_group = models.ForeignKey(IscoGroup, on_delete=models.PROTECT, related_name="occupations")
    preferred_label = models.CharField(max_length=300)
    alt_labels = models.TextField(blank=True)  # one per line, as in ESCO
    description = models.TextField(blank=True)
    # One of the occupations migrant workers commonly do: its title is translated into every language.
    is_common = models.BooleanField(default=False)
    # For common occupations, the heading they are browsed under (a key of source.GROUPS).
    common_group = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["is_common", "code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.preferred_label}"


class Skill(models.Model):
    class Type(models.TextChoices):
        SKILL = "skill/competence", _("Skill")
        KNOWLEDGE = "knowledge", _("Knowledge")

    uri = models.CharField(max_length=200, unique=True)
    preferred_label = models.CharField(max_length=300)
    alt_labels = models.TextField(blank=True)
    description = models.TextField(blank=True)
    skill_type = models.CharField(max_length=20, choices=Type.choices, blank=True)
    reuse_level = models.CharField(max_length=30, blank=True)

    class Meta:
        ordering = ["preferred_label"]

    def __str__(self) -> str:
        return self.preferred_label


class OccupationSkill(models.Model):
    class Relation(models.TextChoices):
        ESSENTIAL = "essential", _("Essential")
        OPTIONAL = "optional", _("Optional")

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="occupation_links")
    relation = models.CharField(max_length=10, choices=Relation.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "skill"], name="occupation_skill_once"),
            models.CheckConstraint(
                condition=Q(relation__in=["essential", "optional"]), name="occupation_skill_relation_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.relation} {self.skill_id}"


class OccupationTitle(models.Model):
    """A title of an occupation in one language, as workers say it (curated by the project)."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="titles")
    language = models.CharField(max_length=10)  # BCP 47, one of mizan.common.languages
    title = models.CharField(max_length=200)
    # Folded, transliterated form of the title and its synonyms, for search in any script.
    search_text = models.TextField(blank=True)

    class Meta:
        ordering = ["language", "title"]
        constraints = [
            models.UniqueConstraint(fields=["occupation", "language"], name="occupation_title_once"),
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.title}"


class TaxonomyImport(models.Model):
    """One run of ``mizan taxonomy import``: what it read and what it changed. The latest run also tells
    the search index (kept in memory by each process) when to rebuild."""

    imported_at = models.DateTimeField(auto_now_add=True)
    only_common = models.BooleanField(default=False)
    source = models.CharField(max_length=300)  # the folder and md5 sums of the files read
    added = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    dropped_relations = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.imported_at:%Y-%m-%d %H:%M} {self.source}"
