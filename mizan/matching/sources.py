"""The few database reads the adapter needs besides profiles and vacancies: the occupation catalogue, the
skills of occupations, the countries with rules, and stamps that tell when something changed.

Taxonomy rows are public reference data (no actor needed); they are read in bulk here because the
taxonomy selectors work one occupation at a time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection

from django.db.models import Count, Max, Q

from mizan.compliance.packs import site_packs
from mizan.matching.convert import VacancySkills
from mizan.matching.engine.records import Catalogue
from mizan.taxonomy.models import Occupation, OccupationSkill, Skill, TaxonomyImport
from mizan.vacancies.models import Vacancy


def catalogue() -> Catalogue:
    """Every known ESCO occupation with its ISCO unit group (a few thousand rows, read once per build)."""
    return Catalogue(dict(Occupation.objects.values_list("code", "isco_group_id")))


def taxonomy_stamp() -> int | None:
    """Changes whenever the taxonomy is imported again."""
    return TaxonomyImport.objects.aggregate(last=Max("id"))["last"]


def skills_of(codes: Collection[str]) -> dict[str, VacancySkills]:
    """The essential and optional skill URIs of each occupation (ESCO's relations), in one query."""
    essential: dict[str, list[str]] = defaultdict(list)
    optional: dict[str, list[str]] = defaultdict(list)
    rows = OccupationSkill.objects.filter(occupation__code__in=list(codes)).values_list(
        "occupation__code", "skill__uri", "relation"
    )
    for code, uri, relation in rows.order_by("occupation__code", "skill__uri"):
        (essential if relation == OccupationSkill.Relation.ESSENTIAL else optional)[code].append(uri)
    return {code: VacancySkills(tuple(essential[code]), tuple(optional[code])) for code in codes}


def skill_labels(uris: Collection[str]) -> dict[str, str]:
    return dict(Skill.objects.filter(uri__in=list(uris)).values_list("uri", "preferred_label"))


def rule_destinations(on: dt.date) -> set[str]:
    """Countries with rules in force: only there can a job be published."""
    return {
        version.spec.scope.destination
        for version in site_packs().in_force(on)
        if version.spec.scope.destination
    }


def vacancy_stamp() -> tuple[object, ...]:
    """Changes whenever a vacancy is saved (published, changed, taken off, closed) or the taxonomy is
    imported: one cheap aggregate per request."""
    found = Vacancy.objects.aggregate(
        last=Max("modified_at"), published=Count("id", filter=Q(status=Vacancy.Status.PUBLISHED))
    )
    return (found["last"], found["published"], taxonomy_stamp())


def published_destinations() -> set[str]:
    return set(
        Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED)
        .values_list("destination", flat=True)
        .distinct()
    )
