"""A vacancy checked once (``clean_vacancy``, shared by both directions) and, for ranking workers, turned
into what every segment needs: column ids and occupation levels (``prepare``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .records import (
    MAX_QUERY_SKILLS,
    Catalogue,
    Note,
    VacancyQuery,
    clamp_level,
    clean_occupation,
    clean_skills,
    corridor_key,
    day_number,
    vacancy_pay,
)
from .vocab import Vocabularies

ESSENTIAL_WEIGHT = 1.0  # a skill hit adds this to the packed count: essential in bits 0-9,
OPTIONAL_WEIGHT = 1024.0  # optional in bits 10-19,
OCCUPATION_WEIGHT = 1048576.0  # an occupation entry in bits 20+ (only "was touched" is used).
COUNT_MASK = 1023


@dataclass(frozen=True)
class CleanVacancy:
    """A vacancy's facts after checking, the same for both directions."""

    query: VacancyQuery
    esco_key: str | None  # the cleaned occupation key (ESCO code or "isco:7212"), if any
    unit: int | None  # the vacancy's ISCO unit group, if known
    essential: list[int]  # distinct, ascending
    optional: list[int]  # distinct, ascending, without those also essential
    destination: str
    sector: str
    corridors: tuple[str, ...]  # corridor keys that admit this vacancy
    start_day: int | None  # None: availability is not checked
    pay: int
    languages: list[tuple[str, int]]  # (code, minimum level), by code
    notes: tuple[Note, ...]

    @property
    def has_criteria(self) -> bool:
        return self.unit is not None or bool(self.essential) or bool(self.optional)


def clean_vacancy(query: VacancyQuery, catalogue: Catalogue | None) -> CleanVacancy:
    notes: list[Note] = []
    esco_key: str | None = None
    unit: int | None = None
    if query.esco_code or query.isco_unit:
        occupation, note = clean_occupation(query.esco_code, query.isco_unit, 0.0, catalogue)
        if note is not None:
            notes.append(note)
        if occupation is not None:
            esco_key, unit = occupation.key, occupation.unit
    essential, bad_essential = clean_skills(query.essential_skill_ids, None)
    optional_all, bad_optional = clean_skills(query.optional_skill_ids, None)
    if bad_essential + bad_optional:
        notes.append(Note("matching.note.invalid_skills", {"count": str(bad_essential + bad_optional)}))
    if len(essential) > MAX_QUERY_SKILLS or len(optional_all) > MAX_QUERY_SKILLS:
        notes.append(Note("matching.note.too_many_skills", {"count": str(MAX_QUERY_SKILLS)}))
        essential = essential[:MAX_QUERY_SKILLS]
    essential_set = set(essential)
    optional = [s for s in optional_all if s not in essential_set][:MAX_QUERY_SKILLS]
    if not essential and not optional:
        notes.append(Note("matching.note.no_skills"))
    destination = (query.destination or "").strip()
    sector = (query.sector or "").strip()
    corridors: tuple[str, ...] = ()
    if not destination:
        notes.append(Note("matching.note.no_destination"))
    else:
        corridors = tuple(dict.fromkeys((corridor_key(destination), corridor_key(destination, sector))))
    if query.start_date is None:
        notes.append(Note("matching.note.no_start_date"))
    if query.monthly_pay is None:
        notes.append(Note("matching.note.no_pay"))
    return CleanVacancy(
        query=query,
        esco_key=esco_key,
        unit=unit,
        essential=essential,
        optional=optional,
        destination=destination,
        sector=sector,
        corridors=corridors,
        start_day=day_number(query.start_date, 0) if query.start_date is not None else None,
        pay=vacancy_pay(query.monthly_pay),
        languages=[(code, clamp_level(level)) for code, level in sorted(query.languages_needed.items())],
        notes=tuple(notes),
    )


@dataclass(frozen=True)
class PreparedQuery:
    """A clean vacancy with the index's ids: what ``Segment.rank`` reads."""

    vacancy: CleanVacancy
    occupation_ids: npt.NDArray[np.int64]  # occupations at level >= 1, and their levels
    occupation_levels: npt.NDArray[np.int64]
    occupation_names: dict[int, str]  # their keys (ESCO code or "isco:7212")
    corridor_ids: list[int]  # eligibility columns that admit this vacancy
    destination_id: int | None
    sector_id: int | None
    languages: list[tuple[str, int | None, int]]  # (code, vocabulary id or None, minimum level)
    salt: int

    # Shorthands for the segment.
    @property
    def essential(self) -> list[int]:
        return self.vacancy.essential

    @property
    def optional(self) -> list[int]:
        return self.vacancy.optional

    @property
    def unit(self) -> int | None:
        return self.vacancy.unit

    @property
    def has_sector(self) -> bool:
        return bool(self.vacancy.sector)

    @property
    def start_day(self) -> int | None:
        return self.vacancy.start_day

    @property
    def pay(self) -> int:
        return self.vacancy.pay


def prepare(vacancy: CleanVacancy, vocabularies: Vocabularies, salt: int) -> PreparedQuery:
    levels = vocabularies.occupations.levels(vacancy.esco_key, vacancy.unit)
    occupation_ids = np.flatnonzero(levels).astype(np.int64)
    corridor_ids = [
        cid for cid in (vocabularies.corridors.get(c) for c in vacancy.corridors) if cid is not None
    ]
    return PreparedQuery(
        vacancy=vacancy,
        occupation_ids=occupation_ids,
        occupation_levels=levels[occupation_ids],
        occupation_names={oid: vocabularies.occupations.names[oid] for oid in occupation_ids.tolist()},
        corridor_ids=corridor_ids,
        destination_id=vocabularies.destinations.get(vacancy.destination) if vacancy.destination else None,
        sector_id=vocabularies.sectors.get(vacancy.sector) if vacancy.sector else None,
        languages=[(code, vocabularies.languages.get(code), level) for code, level in vacancy.languages],
        salt=salt,
    )
