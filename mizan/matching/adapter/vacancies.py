"""Published vacancies as the engine's queries, and the index that ranks them for one worker."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from uuid import UUID

from mizan.matching import sources
from mizan.matching.adapter.relevance import related_only, wider
from mizan.matching.convert import (
    ConvertedVacancy,
    PayConverter,
    SkillVocabulary,
    corridor_keys,
    profile_record,
    vacancy_query,
)
from mizan.matching.engine.explain import MatchResult
from mizan.matching.engine.records import Note, ProfileRecord, check_profile
from mizan.matching.engine.vacancies import VacancyIndex
from mizan.profiles.facts import ProfileFacts
from mizan.vacancies.selectors import published_vacancy_facts


@dataclass(frozen=True)
class VacancySet:
    """Every published vacancy as the engine's query, built when the vacancies or the taxonomy change."""

    stamp: tuple[object, ...]
    vacancies: tuple[ConvertedVacancy, ...]
    by_id: dict[str, ConvertedVacancy]
    index: VacancyIndex
    corridors: frozenset[str]  # every destination with rules or a published vacancy


class VacancyCatalogue:
    def __init__(self, vocabulary: SkillVocabulary) -> None:
        self.vocabulary = vocabulary
        self._set: VacancySet | None = None
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            self._set = None

    def current(self) -> VacancySet:
        """The published vacancies, rebuilt when any vacancy was saved since (one aggregate query)."""
        stamp = sources.vacancy_stamp()
        found = self._set
        if found is not None and found.stamp == stamp:
            return found
        with self._lock:
            if self._set is not None and self._set.stamp == stamp:
                return self._set
            built = self._build(stamp)
            self._set = built
            return built

    def _build(self, stamp: tuple[object, ...]) -> VacancySet:
        facts = published_vacancy_facts(currency="USD")
        skills = sources.skills_of({f.occupation_code for f in facts})
        converted = tuple(vacancy_query(f, skills[f.occupation_code], self.vocabulary) for f in facts)
        index = VacancyIndex((c.query for c in converted), catalogue=sources.catalogue())
        destinations = sources.rule_destinations(dt.date.today()) | {f.destination for f in facts}
        by_id = {str(c.query.vacancy_key): c for c in converted}
        return VacancySet(stamp, converted, by_id, index, corridor_keys(destinations))

    def vacancies_for(self, record: ProfileRecord, k: int) -> MatchResult:
        """The best ``k`` related published vacancies for a worker's record (scored as ``workers_for``
        scores the same pair)."""
        return related_only(self.current().index.vacancies_for(record, wider(k)), k)

    def record_of(self, facts: ProfileFacts) -> tuple[ProfileRecord, bool, tuple[Note, ...]]:
        """A worker's record for ranking vacancies, whether their minimum pay could be converted, and the
        notes on what in the profile cannot be used."""
        current = self.current()
        converted = profile_record(facts, self.vocabulary, current.corridors, PayConverter(dt.date.today()))
        notes = check_profile(converted.record, current.index.catalogue)
        return converted.record, converted.pay_checked, notes

    def query_for(self, vacancy_id: UUID) -> ConvertedVacancy | None:
        """One published vacancy's query (None: not published)."""
        return self.current().by_id.get(str(vacancy_id))
