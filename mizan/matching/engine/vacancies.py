"""``VacancyIndex``: the best open vacancies for one worker.

Vacancies are few next to profiles (thousands, not millions), so the index is a set of flat arrays rebuilt
on the first query after a change. Scoring goes through the same ``weights.points`` and explanations
through the same ``explain.explain`` as ``MatchIndex``, so a (worker, vacancy) pair gets the same score and
explanation from both sides.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from .explain import FILTER_REASONS, Match, MatchResult, empty_result, explain
from .query import CleanVacancy, clean_vacancy
from .ranking import salt_for, top_k
from .records import (
    Catalogue,
    Note,
    ProfileRecord,
    VacancyQuery,
    check_profile,
    clamp_level,
    clean_occupation,
    clean_skills,
    worker_minimum,
)
from .weights import (
    DEFAULT_WEIGHTS,
    LEVEL_FACTOR,
    SAME_MINOR_GROUP,
    SAME_OCCUPATION,
    SAME_UNIT_GROUP,
    Weights,
    points,
)

I64 = npt.NDArray[np.int64]
DEFAULT_K = 20
NO_DAY = np.iinfo(np.int64).max


def _flat(lists: list[list[int]]) -> tuple[I64, I64]:
    """(owner row of each item, items) of a list of lists."""
    rows = np.repeat(np.arange(len(lists), dtype=np.int64), [len(x) for x in lists])
    items = np.fromiter((i for x in lists for i in x), dtype=np.int64, count=len(rows))
    return rows, items


class _Words:
    """Strings numbered locally, so vacancies' facts compare as integers."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def id(self, word: str) -> int:
        return self.ids.setdefault(word, len(self.ids))

    def ids_of(self, words: Iterable[str]) -> I64:
        return np.array([self.ids[w] for w in words if w in self.ids], dtype=np.int64)


class _Arrays:
    """The vacancies in columns (strings numbered by ``_Words``; -1 where a vacancy gives none)."""

    def __init__(self, vacancies: list[CleanVacancy]) -> None:
        self.vacancies = vacancies
        self.v = v = len(vacancies)
        self.bits = np.array([salt_for(c.query.vacancy_key) for c in vacancies], dtype=np.uint64)
        self.words = words = _Words()
        self.esco = np.array(
            [
                words.id(c.esco_key) if c.esco_key and not c.esco_key.startswith("isco:") else -1
                for c in vacancies
            ],
            dtype=np.int64,
        )
        self.unit = np.array([c.unit if c.unit is not None else -1000 for c in vacancies], dtype=np.int64)
        self.essential_rows, self.essential = _flat([c.essential for c in vacancies])
        self.optional_rows, self.optional = _flat([c.optional for c in vacancies])
        self.skill_limit = int(max(self.essential.max(initial=-1), self.optional.max(initial=-1))) + 1
        self.essential_total = np.array([len(c.essential) for c in vacancies], dtype=np.int64)
        self.optional_total = np.array([len(c.optional) for c in vacancies], dtype=np.int64)
        self.start_day = np.array([c.start_day if c.start_day is not None else NO_DAY for c in vacancies])
        self.pay = np.array([c.pay for c in vacancies], dtype=np.int64)
        self.language_rows = np.repeat(np.arange(v), [len(c.languages) for c in vacancies])
        self.language = np.array([words.id(f"lang:{code}") for c in vacancies for code, _l in c.languages])
        self.language_minimum = np.array(
            [lvl for c in vacancies for _code, lvl in c.languages], dtype=np.int64
        )
        self.languages_total = np.array([len(c.languages) for c in vacancies], dtype=np.int64)
        corridors = [[words.id(f"corridor:{key}") for key in c.corridors] + [-1, -1] for c in vacancies]
        self.corridor = np.array([pair[:2] for pair in corridors], dtype=np.int64).reshape(v, 2)
        self.destination = np.array(
            [words.id(f"country:{c.destination}") if c.destination else -1 for c in vacancies], dtype=np.int64
        )
        self.sector = np.array(
            [words.id(f"sector:{c.sector}") if c.sector else -1 for c in vacancies], dtype=np.int64
        )
        self.criteria = np.array([c.has_criteria for c in vacancies], dtype=np.bool_)

    def levels(self, profile: ProfileRecord, catalogue: Catalogue | None) -> tuple[I64, list[str | None]]:
        """Per vacancy, the best occupation key (level * LEVEL_FACTOR + years) and which occupation."""
        best = np.zeros(self.v, dtype=np.int64)
        matched: list[str | None] = [None] * self.v
        for claim in profile.occupations:
            clean, _note = clean_occupation(claim.esco_code, claim.isco_unit, claim.years, catalogue)
            if clean is None:
                continue
            level = np.where(self.unit // 10 == clean.unit // 10, SAME_MINOR_GROUP, 0)
            level = np.where(self.unit == clean.unit, SAME_UNIT_GROUP, level)
            same = self.words.ids.get(clean.key, -2)
            level = np.where(self.esco == same, SAME_OCCUPATION, level)
            key = np.where(level > 0, level * LEVEL_FACTOR + clean.years_tenths, 0)
            for row in np.flatnonzero((key >= best) & (key > 0)).tolist():
                current = matched[row]
                if key[row] > best[row] or current is None or clean.key < current:  # ties: the first by name
                    matched[row] = clean.key
            best = np.maximum(best, key)
        return best, matched


class VacancyIndex:
    """Open vacancies for matching: ``upsert``/``remove`` as they open and close, ``vacancies_for``."""

    def __init__(
        self,
        vacancies: Iterable[VacancyQuery] = (),
        *,
        weights: Weights = DEFAULT_WEIGHTS,
        catalogue: Catalogue | None = None,
    ) -> None:
        self.weights = weights
        self.catalogue = catalogue
        self._vacancies: dict[int | str, CleanVacancy] = {}
        self._arrays: _Arrays | None = None
        self._lock = threading.RLock()
        for vacancy in vacancies:
            self.upsert(vacancy)

    def __len__(self) -> int:
        return len(self._vacancies)

    def upsert(self, vacancy: VacancyQuery) -> tuple[Note, ...]:
        clean = clean_vacancy(vacancy, self.catalogue)
        with self._lock:
            self._vacancies[vacancy.vacancy_key] = clean
            self._arrays = None
        return clean.notes

    def remove(self, vacancy_key: int | str) -> bool:
        with self._lock:
            self._arrays = None
            return self._vacancies.pop(vacancy_key, None) is not None

    def _current(self) -> _Arrays:
        if self._arrays is None:
            self._arrays = _Arrays(list(self._vacancies.values()))
        return self._arrays

    def vacancies_for(self, profile: ProfileRecord, k: int | None = None) -> MatchResult:
        """The best ``k`` vacancies for a worker (default 20), with an explanation each."""
        k = DEFAULT_K if k is None else k
        with self._lock:
            a = self._current()
        if k < 1:
            return empty_result("matching.empty.invalid_request", self.weights, (), a.v)
        if a.v == 0:
            return empty_result("matching.empty.no_vacancies", self.weights)
        counts = dict.fromkeys(FILTER_REASONS, 0)
        notes = check_profile(profile, self.catalogue)
        if not profile.opted_in:
            counts["matching.filtered.not_opted_in"] = a.v
            reason = "matching.empty.not_opted_in"
            return MatchResult((), a.v, 0, counts, reason, notes, self.weights.version)
        words = a.words
        allowed = words.ids_of(f"corridor:{key}" for key in profile.eligible_for)
        eligible = np.isin(a.corridor, allowed).any(axis=1)
        counts["matching.filtered.not_eligible"] = int(a.v - np.count_nonzero(eligible))
        available_day = profile.available_from.toordinal() if profile.available_from is not None else 0
        mask = eligible & (a.start_day >= available_day)
        counts["matching.filtered.not_available"] = int(np.count_nonzero(eligible) - np.count_nonzero(mask))
        minimum = worker_minimum(profile.min_monthly_pay)
        passed = mask & (a.pay >= minimum)
        counts["matching.filtered.pay_below_minimum"] = int(np.count_nonzero(mask) - np.count_nonzero(passed))
        # A vacancy with no occupation and no skills cannot be compared with anyone (as in MatchIndex).
        counts["matching.filtered.no_criteria"] = int(np.count_nonzero(passed & ~a.criteria))
        rows = np.flatnonzero(passed & a.criteria)
        if len(rows) == 0:
            reason = "matching.empty.no_eligible_vacancies"
            return MatchResult((), a.v, 0, counts, reason, notes, self.weights.version)
        skills, _dropped = clean_skills(profile.skill_ids, None)
        held = np.zeros(a.skill_limit + 1, dtype=np.bool_)
        held[[s for s in skills if s < a.skill_limit]] = True
        essential_covered = np.bincount(a.essential_rows[held[a.essential]], minlength=a.v)
        optional_covered = np.bincount(a.optional_rows[held[a.optional]], minlength=a.v)
        occupation, matched = a.levels(profile, self.catalogue)
        levels = {code: clamp_level(level) for code, level in profile.languages.items()}
        level_by_id = np.full(len(words.ids) + 1, -1, dtype=np.int64)
        for code, spoken_level in levels.items():
            found = words.ids.get(f"lang:{code}")
            if found is not None:
                level_by_id[found] = spoken_level
        spoken = level_by_id[a.language] >= a.language_minimum if len(a.language) else np.zeros(0, np.bool_)
        languages_met = np.bincount(a.language_rows[spoken], minlength=a.v)
        destination_wanted = np.isin(
            a.destination, words.ids_of(f"country:{c}" for c in profile.destinations)
        )
        destination_wanted |= not profile.destinations
        sector_wanted = np.isin(a.sector, words.ids_of(f"sector:{c}" for c in profile.sectors))
        sector_wanted |= (a.sector == -1) | (not profile.sectors)
        certificates = min(max(int(profile.verified_certificates), 0), 255)
        level, years = occupation[rows] // LEVEL_FACTOR, occupation[rows] % LEVEL_FACTOR
        table, score = points(
            self.weights,
            level=level,
            years_tenths=years,
            essential_covered=essential_covered[rows],
            essential_total=a.essential_total[rows],
            optional_covered=optional_covered[rows],
            optional_total=a.optional_total[rows],
            languages_met=languages_met[rows],
            languages_total=a.languages_total[rows],
            certificates=np.full(len(rows), certificates, dtype=np.int64),
            destination_wanted=destination_wanted[rows],
            sector_wanted=sector_wanted[rows],
        )
        best = top_k(score, a.bits[rows], salt_for(profile.worker_key), k)
        results = []
        for position, i in enumerate(best.tolist(), start=1):
            row = int(rows[i])
            vacancy = a.vacancies[row]
            lacking = [code for code, lvl in vacancy.languages if levels.get(code, -1) < lvl]
            explanation = explain(
                self.weights,
                table[:, i].tolist(),
                level=int(level[i]),
                years_tenths=int(years[i]),
                matched_occupation=matched[row],
                vacancy_unit=vacancy.unit,
                essential_covered=int(essential_covered[row]),
                essential_total=len(vacancy.essential),
                optional_covered=int(optional_covered[row]),
                optional_total=len(vacancy.optional),
                profile_has_skills=bool(skills),
                missing_languages=lacking,
                languages_total=len(vacancy.languages),
                certificates=certificates,
                destination_wanted=bool(destination_wanted[row]),
                sector_wanted=bool(sector_wanted[row]),
                destination=vacancy.destination,
                checked_start=vacancy.start_day is not None,
                missing_skill_ids=[s for s in vacancy.essential if not held[s]],
            )
            results.append(
                Match(profile.worker_key, vacancy.query.vacancy_key, float(score[i]), position, explanation)
            )
        return MatchResult(tuple(results), a.v, len(rows), counts, None, notes, self.weights.version)
