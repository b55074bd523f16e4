"""Writes of the taxonomy: importing ESCO and the curated titles.

``taxonomy_import`` upserts by ESCO URI (occupations, skills), ISCO code and (occupation, skill) pair, so
a second run changes nothing. ESCO rows are never deleted (other apps point at them); relations of the
imported occupations and curated titles follow the files exactly. Everything runs in one transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.db import connection, models, transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from mizan.common.errors import DomainError
from mizan.taxonomy.models import (
    IscoGroup,
    Occupation,
    OccupationSkill,
    OccupationTitle,
    Skill,
    TaxonomyImport,
)
from mizan.taxonomy.source import Source, SourceError, checksums, load_source

DEFAULT_SOURCE = Path(settings.BASE_DIR) / "taxonomy" / "esco-v1.1.1"
DEFAULT_COMMON_FILE = Path(settings.BASE_DIR) / "taxonomy" / "common_occupations.yaml"
BATCH = 2000

Progress = Callable[[str, int, int], None]
M = TypeVar("M", bound=models.Model)


class TaxonomyImportError(DomainError):
    code = "taxonomy_source_invalid"


@dataclass
class Counts:
    added: int = 0
    changed: int = 0
    removed: int = 0

    def __str__(self) -> str:
        text = f"{self.added} added, {self.changed} changed"
        return text + (f", {self.removed} removed" if self.removed else "")


@dataclass
class ImportResult:
    isco_groups: Counts = field(default_factory=Counts)
    occupations: Counts = field(default_factory=Counts)
    skills: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    titles: Counts = field(default_factory=Counts)
    dropped_relations: int = 0
    only_common: bool = False
    seconds: float = 0.0

    def _parts(self) -> list[tuple[str, Counts]]:
        return [
            ("ISCO groups", self.isco_groups),
            ("occupations", self.occupations),
            ("skills", self.skills),
            ("occupation-skill relations", self.relations),
            ("titles", self.titles),
        ]

    @property
    def added(self) -> int:
        return sum(counts.added for _name, counts in self._parts())

    @property
    def changed(self) -> int:
        return sum(counts.changed for _name, counts in self._parts())

    @property
    def removed(self) -> int:
        return sum(counts.removed for _name, counts in self._parts())

    def lines(self) -> list[str]:
        """What the command prints: one line per kind, the dropped rows, and the total."""
        lines = [f"{name}: {counts}" for name, counts in self._parts()]
        if self.dropped_relations:
            lines.append(
                f"{self.dropped_relations} relation rows dropped: they name an occupation or skill "
                "missing from the files"
            )
        total = Counts(self.added, self.changed, self.removed)
        lines.append(f"Total: {total} in {self.seconds:.1f} s")
        return lines


def taxonomy_import(
    *,
    source: Path | None = None,
    only_common: bool = False,
    progress: Progress | None = None,
    common_file: Path | None = None,
) -> ImportResult:
    """Import ESCO from the two zips in ``source`` (default ``taxonomy/esco-v1.1.1``) and the curated
    titles; ``only_common`` limits it to the common occupations with their groups and skills.

    Raises ``TaxonomyImportError`` (nothing written) when a file is missing, corrupt or inconsistent.
    """
    started = time.perf_counter()
    folder = Path(source) if source is not None else DEFAULT_SOURCE
    common_path = Path(common_file) if common_file is not None else DEFAULT_COMMON_FILE
    if not folder.is_dir():
        raise TaxonomyImportError(
            format_lazy(_("The taxonomy folder {folder} does not exist."), folder=folder)
        )
    report = progress or _silent
    report("reading files", 0, 1)
    try:
        data = load_source(folder, common_path, only_common=only_common)
        sums = checksums(folder)
    except SourceError as error:
        raise TaxonomyImportError(
            format_lazy(_("The taxonomy files cannot be imported: {reason}"), reason=str(error))
        ) from None
    report("reading files", 1, 1)
    result = ImportResult(dropped_relations=data.dropped_relations, only_common=only_common)
    with transaction.atomic():
        result.isco_groups = _import_isco(data, report)
        occupation_ids, result.occupations = _import_occupations(data, report)
        skill_ids, result.skills = _import_skills(data, report)
        result.relations = _import_relations(data, occupation_ids, skill_ids, report)
        result.titles = _import_titles(data, report)
        result.seconds = time.perf_counter() - started
        TaxonomyImport.objects.create(
            only_common=only_common,
            source=f"{folder.name} {sums}"[:300],
            added=result.added,
            changed=result.changed,
            removed=result.removed,
            dropped_relations=result.dropped_relations,
            seconds=round(result.seconds, 3),
        )
        _analyse()
    return result


def _analyse() -> None:
    """Refresh the planner's statistics after a bulk load: until autovacuum does it, PostgreSQL plans the
    occupation-skill joins for empty tables and each lookup takes seconds instead of milliseconds."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(
        connection.ops.quote_name(model._meta.db_table)
        for model in (IscoGroup, Occupation, Skill, OccupationSkill, OccupationTitle)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def _silent(stage: str, done: int, total: int) -> None:
    return None


def _write(
    model: type[M],
    stage: str,
    new: Sequence[M],
    changed: Sequence[M],
    fields: list[str],
    report: Progress,
) -> None:
    """Create and update in batches, reporting progress over both."""
    total = len(new) + len(changed)
    done = 0
    report(stage, 0, total)
    for start in range(0, len(new), BATCH):
        batch = new[start : start + BATCH]
        model.objects.bulk_create(batch, batch_size=BATCH)  # type: ignore[attr-defined]
        done += len(batch)
        report(stage, done, total)
    for start in range(0, len(changed), BATCH):
        batch = changed[start : start + BATCH]
        model.objects.bulk_update(batch, fields, batch_size=500)  # type: ignore[attr-defined]
        done += len(batch)
        report(stage, done, total)


def _differs(instance: models.Model, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def _import_isco(data: Source, report: Progress) -> Counts:
    existing = {group.code: group for group in IscoGroup.objects.all()}
    new: list[IscoGroup] = []
    changed: list[IscoGroup] = []
    for row in data.isco_groups:
        values = {"title": row.title, "description": row.description, "parent_id": row.parent_code}
        group = existing.get(row.code)
        if group is None:
            new.append(IscoGroup(code=row.code, **values))
        elif _differs(group, values):
            changed.append(group)
    _write(IscoGroup, "ISCO groups", new, changed, ["title", "description", "parent"], report)
    return Counts(len(new), len(changed))


def _import_occupations(data: Source, report: Progress) -> tuple[dict[str, int], Counts]:
    groups = {row.code: row.group for row in data.common}
    existing = {occupation.uri: occupation for occupation in Occupation.objects.all()}
    new: list[Occupation] = []
    changed: list[Occupation] = []
    for row in data.occupations:
        values = {
            "code": row.code,
            "isco_group_id": row.isco_group,
            "preferred_label": row.preferred_label,
            "alt_labels": row.alt_labels,
            "description": row.description,
            "is_common": row.code in groups,
            "common_group": groups.get(row.code, ""),
        }
        occupation = existing.pop(row.uri, None)
        if occupation is None:
            new.append(Occupation(uri=row.uri, **values))
        elif _differs(occupation, values):
            changed.append(occupation)
    # Occupations outside this import keep their data, but stop being common if the list dropped them.
    for occupation in existing.values():
        if (occupation.is_common or occupation.common_group) and occupation.code not in groups:
            occupation.is_common, occupation.common_group = False, ""
            changed.append(occupation)
    fields = [
        "code",
        "isco_group",
        "preferred_label",
        "alt_labels",
        "description",
        "is_common",
        "common_group",
    ]
    _write(Occupation, "occupations", new, changed, fields, report)
    ids = dict(
        Occupation.objects.filter(uri__in=[row.uri for row in data.occupations]).values_list("uri", "id")
    )
    return ids, Counts(len(new), len(changed))


def _import_skills(data: Source, report: Progress) -> tuple[dict[str, int], Counts]:
    uris = [row.uri for row in data.skills]
    query = Skill.objects.all() if not data.only_common else Skill.objects.filter(uri__in=uris)
    existing = {skill.uri: skill for skill in query}
    new: list[Skill] = []
    changed: list[Skill] = []
    for row in data.skills:
        values = {
            "preferred_label": row.preferred_label,
            "alt_labels": row.alt_labels,
            "description": row.description,
            "skill_type": row.skill_type,
            "reuse_level": row.reuse_level,
        }
        skill = existing.get(row.uri)
        if skill is None:
            new.append(Skill(uri=row.uri, **values))
        elif _differs(skill, values):
            changed.append(skill)
    fields = ["preferred_label", "alt_labels", "description", "skill_type", "reuse_level"]
    _write(Skill, "skills", new, changed, fields, report)
    if data.only_common:
        ids = dict(Skill.objects.filter(uri__in=uris).values_list("uri", "id"))
    else:
        ids = dict(Skill.objects.values_list("uri", "id"))
    return ids, Counts(len(new), len(changed))


def _import_relations(
    data: Source, occupation_ids: dict[str, int], skill_ids: dict[str, int], report: Progress
) -> Counts:
    wanted = {
        (occupation_ids[occupation], skill_ids[skill]): relation
        for occupation, skill, relation in data.relations
    }
    query = OccupationSkill.objects.all()
    if data.only_common:
        query = query.filter(occupation_id__in=occupation_ids.values())
    new: list[OccupationSkill] = []
    changed: list[OccupationSkill] = []
    stale: list[int] = []
    for pk, occupation_id, skill_id, relation in query.values_list(
        "id", "occupation_id", "skill_id", "relation"
    ):
        target = wanted.pop((occupation_id, skill_id), None)
        if target is None:
            stale.append(pk)
        elif target != relation:
            changed.append(
                OccupationSkill(id=pk, occupation_id=occupation_id, skill_id=skill_id, relation=target)
            )
    new = [
        OccupationSkill(occupation_id=occupation_id, skill_id=skill_id, relation=relation)
        for (occupation_id, skill_id), relation in wanted.items()
    ]
    for start in range(0, len(stale), BATCH):
        OccupationSkill.objects.filter(id__in=stale[start : start + BATCH]).delete()
    _write(OccupationSkill, "relations", new, changed, ["relation"], report)
    return Counts(len(new), len(changed), len(stale))


def _import_titles(data: Source, report: Progress) -> Counts:
    codes = {row.code for row in data.common}
    occupation_ids = dict(Occupation.objects.filter(code__in=codes).values_list("code", "id"))
    wanted: dict[tuple[int, str], tuple[str, str]] = {}
    for row in data.common:
        for language, names in row.names.items():
            wanted[(occupation_ids[row.code], language)] = (names[0], row.search_texts[language])
    new: list[OccupationTitle] = []
    changed: list[OccupationTitle] = []
    stale: list[int] = []
    for title in OccupationTitle.objects.all():
        target = wanted.pop((title.occupation_id, title.language), None)
        if target is None:
            stale.append(title.pk)
        elif _differs(title, {"title": target[0], "search_text": target[1]}):
            changed.append(title)
    new = [
        OccupationTitle(occupation_id=occupation_id, language=language, title=title, search_text=text)
        for (occupation_id, language), (title, text) in wanted.items()
    ]
    OccupationTitle.objects.filter(id__in=stale).delete()
    _write(OccupationTitle, "titles", new, changed, ["title", "search_text"], report)
    return Counts(len(new), len(changed), len(stale))
