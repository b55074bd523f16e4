"""Small builders for the pure matching engine's tests (no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import numpy as np

from mizan.matching.engine import OccupationClaim, ProfileRecord, VacancyIndex, VacancyQuery
from mizan.matching.engine.ranking import salt_for, tie_hash

START = dt.date(2027, 3, 1)
WELDER = OccupationClaim("7212.3", "7212", 4.0)


def profile(worker_key: int = 1, **changes: Any) -> ProfileRecord:
    """A worker who passes every check of ``vacancy()`` and matches it on everything."""
    base = ProfileRecord(
        worker_key=worker_key,
        occupations=(WELDER,),
        skill_ids=(1, 2, 3, 4, 10),
        verified_certificates=1,
        languages={"ne": 3, "en": 2},
        destinations=frozenset({"QA"}),
        sectors=frozenset({"construction"}),
        min_monthly_pay=40_000,
        available_from=dt.date(2027, 1, 1),
        opted_in=True,
        eligible_for=frozenset({"QA", "SA"}),
    )
    return replace(base, **changes)


def vacancy(vacancy_key: int | str = 100, **changes: Any) -> VacancyQuery:
    base = VacancyQuery(
        vacancy_key=vacancy_key,
        esco_code="7212.3",
        isco_unit="7212",
        essential_skill_ids=(1, 2, 3, 4),
        optional_skill_ids=(10, 11),
        destination="QA",
        sector="construction",
        monthly_pay=60_000,
        start_date=START,
        languages_needed={"en": 1},
        workers_needed=2,
    )
    return replace(base, **changes)


def pair_score(worker: ProfileRecord, job: VacancyQuery) -> float | None:
    """The pair's score, computed from the vacancy side (None when the pair fails a check)."""
    result = VacancyIndex([job]).vacancies_for(worker, 1)
    return result.results[0].score if result.results else None


def tie_order(keys: list[int], vacancy_key: int | str) -> list[int]:
    """Keys in the documented tie order for a vacancy: salted hash, then key."""
    hashes = tie_hash(np.asarray(keys, dtype=np.int64).view(np.uint64), salt_for(vacancy_key))
    return [key for _h, key in sorted(zip(hashes.tolist(), keys, strict=True))]
