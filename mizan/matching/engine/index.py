"""``MatchIndex``: workers for a vacancy, with incremental updates.

The index is a large immutable *main* segment plus a small *delta* segment of profiles changed since the
last compaction; a changed or removed profile's main row is marked dead (a tombstone). A query ranks both
segments and merges their top k by the same total order, so the results equal those of a full rebuild.
``compact()`` folds the delta into a new main segment (done automatically past ``auto_compact`` changes).
Queries and updates may come from several threads: one lock guards the segments.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

import numpy as np

from .columns import Columns, ColumnsBuilder
from .explain import FILTER_REASONS, Match, MatchResult, empty_result, explain, maxima_of
from .query import PreparedQuery, clean_vacancy, prepare
from .ranking import salt_for, top_k
from .records import Catalogue, Note, ProfileRecord, VacancyQuery, check_profile
from .search import SegmentTop, rank
from .segment import Segment
from .vocab import Vocabularies
from .weights import DEFAULT_WEIGHTS, Weights

DEFAULT_K = 100


class IndexBuilder:
    """Add profiles one at a time (e.g. while reading a database cursor), then ``finish()``."""

    def __init__(self, *, weights: Weights = DEFAULT_WEIGHTS, catalogue: Catalogue | None = None) -> None:
        self.weights = weights
        self.catalogue = catalogue
        self.vocabularies = Vocabularies()
        self._columns = ColumnsBuilder(self.vocabularies, catalogue)

    def add(self, profile: ProfileRecord) -> None:
        self._columns.add(profile)

    def extend(self, profiles: Iterable[ProfileRecord]) -> None:
        self._columns.extend(profiles)

    def finish(self, *, auto_compact: int | None = 50_000) -> MatchIndex:
        index = MatchIndex(weights=self.weights, catalogue=self.catalogue, auto_compact=auto_compact)
        index._vocabularies = self.vocabularies
        index._main = Segment(self._columns.finish())
        return index


class MatchIndex:
    """Profiles indexed for matching. Build with ``MatchIndex.build(profiles)`` or an ``IndexBuilder``."""

    def __init__(
        self,
        *,
        weights: Weights = DEFAULT_WEIGHTS,
        catalogue: Catalogue | None = None,
        auto_compact: int | None = 50_000,
    ) -> None:
        self.weights = weights
        self.catalogue = catalogue
        self.auto_compact = auto_compact
        self._vocabularies = Vocabularies()
        self._main = Segment(ColumnsBuilder(self._vocabularies).finish())
        self._pending: dict[int, ProfileRecord] = {}
        self._delta: Segment | None = None
        self._lock = threading.RLock()

    @classmethod
    def build(
        cls,
        profiles: Iterable[ProfileRecord],
        *,
        weights: Weights = DEFAULT_WEIGHTS,
        catalogue: Catalogue | None = None,
        auto_compact: int | None = 50_000,
    ) -> MatchIndex:
        builder = IndexBuilder(weights=weights, catalogue=catalogue)
        builder.extend(profiles)
        return builder.finish(auto_compact=auto_compact)

    # --- Size ------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        with self._lock:
            alive = self._main.n if self._main.alive is None else int(np.count_nonzero(self._main.alive))
            return alive + len(self._pending)

    def __contains__(self, worker_key: object) -> bool:
        if not isinstance(worker_key, int):
            return False
        with self._lock:
            return worker_key in self._pending or self._main.row_of(worker_key) is not None

    @property
    def nbytes(self) -> int:
        """Bytes held in arrays (main and delta segments)."""
        with self._lock:
            return self._main.nbytes + (self._delta.nbytes if self._delta is not None else 0)

    # --- Updates ---------------------------------------------------------------------------------------

    def upsert(self, profile: ProfileRecord) -> tuple[Note, ...]:
        """Add or replace a profile; returns notes on what in it cannot be used (never raises on content)."""
        with self._lock:
            self._tombstone(profile.worker_key)
            self._pending[profile.worker_key] = profile
            self._delta = None
            if self.auto_compact is not None and len(self._pending) > self.auto_compact:
                self.compact()
        return check_profile(profile, self.catalogue)

    def remove(self, worker_key: int) -> bool:
        """Take a profile out (opted out, erased, deleted). True when it was there."""
        with self._lock:
            found = self._tombstone(worker_key)
            if self._pending.pop(worker_key, None) is not None:
                self._delta = None
                found = True
            return found

    def compact(self) -> None:
        """Fold the changes into a new main segment."""
        with self._lock:
            self._main = Segment(self.columns())
            self._pending.clear()
            self._delta = None

    def columns(self) -> Columns:
        """Every live profile as the index holds it, in columns (ids from ``vocabularies``): for
        compaction, and to load the same data elsewhere (the benchmark's SQL comparison)."""
        with self._lock:
            main = self._main.to_columns()
            if self._main.alive is not None:
                main = main.select(np.flatnonzero(self._main.alive))
            builder = ColumnsBuilder(self._vocabularies, self.catalogue)
            builder.extend(self._pending.values())
            return Columns.join([main, builder.finish()]).sorted_unique()

    @property
    def vocabularies(self) -> Vocabularies:
        """The index's numbering of occupations, corridors, countries, kinds of work and languages."""
        return self._vocabularies

    def _tombstone(self, worker_key: int) -> bool:
        row = self._main.row_of(worker_key)
        if row is None:
            return False
        self._main.kill(row)
        return True

    def _segments(self) -> list[Segment]:
        if self._pending and self._delta is None:
            builder = ColumnsBuilder(self._vocabularies, self.catalogue)
            builder.extend(self._pending.values())
            self._delta = Segment(builder.finish())
        return [self._main] if self._delta is None else [self._main, self._delta]

    # --- Queries ---------------------------------------------------------------------------------------

    def workers_for(self, query: VacancyQuery, k: int | None = None) -> MatchResult:
        """The best ``k`` workers for a vacancy (default: 100), with an explanation each."""
        k = DEFAULT_K if k is None else k
        with self._lock:
            segments = self._segments()  # first: building the delta may add words to the vocabularies
            vacancy = clean_vacancy(query, self.catalogue)
            q = prepare(vacancy, self._vocabularies, salt_for(query.vacancy_key))
            considered = len(self)
            if k < 1:
                return empty_result("matching.empty.invalid_request", self.weights, vacancy.notes, considered)
            if considered == 0:
                return empty_result("matching.empty.no_profiles", self.weights, vacancy.notes)
            if not vacancy.has_criteria:
                return empty_result("matching.empty.no_criteria", self.weights, vacancy.notes, considered)
            parts = [(segment, rank(segment, q, self.weights, k)) for segment in segments]
            return self._merge(q, parts, k)

    def bytes_read(self, query: VacancyQuery) -> int:
        """How many bytes of the index ``workers_for(query)`` must read at least (for the benchmark's
        memory-bandwidth floor)."""
        with self._lock:
            segments = self._segments()
            q = prepare(clean_vacancy(query, self.catalogue), self._vocabularies, 0)
            return sum(segment.bytes_read(q) for segment in segments)

    def batch_workers_for(self, queries: Sequence[VacancyQuery], k: int | None = None) -> list[MatchResult]:
        """``workers_for`` for many vacancies (e.g. a nightly run), in order."""
        return [self.workers_for(query, k) for query in queries]

    def _merge(self, q: PreparedQuery, parts: list[tuple[Segment, SegmentTop]], k: int) -> MatchResult:
        filtered = dict.fromkeys(FILTER_REASONS, 0)
        for _segment, top in parts:
            for reason, count in top.filtered_out.items():
                filtered[reason] += count
        considered = sum(top.considered for _s, top in parts)
        eligible = sum(top.eligible for _s, top in parts)
        scores = np.concatenate([top.scores for _s, top in parts])
        keys = np.concatenate([top.keys for _s, top in parts])
        owner = np.concatenate([np.full(len(top.keys), i) for i, (_s, top) in enumerate(parts)])
        local = np.concatenate([np.arange(len(top.keys)) for _s, top in parts])
        if len(parts) == 1:  # a segment's top comes ordered already
            best = list(range(min(k, len(keys))))
        else:
            best = top_k(scores, keys.view(np.uint64), q.salt, k).tolist()
        chosen: list[list[int]] = [[] for _ in parts]
        positions: list[list[int]] = [[] for _ in parts]
        for position, i in enumerate(best, start=1):
            chosen[int(owner[i])].append(int(local[i]))
            positions[int(owner[i])].append(position)
        made: list[Match] = []
        for index, (segment, top) in enumerate(parts):
            made.extend(self._matches(q, segment, top, chosen[index], positions[index]))
        results = tuple(sorted(made, key=lambda match: match.position))
        empty = None if results else "matching.empty.no_eligible"
        return MatchResult(
            results, considered, eligible, filtered, empty, q.vacancy.notes, self.weights.version
        )

    def _matches(
        self, q: PreparedQuery, segment: Segment, top: SegmentTop, chosen: list[int], positions: list[int]
    ) -> list[Match]:
        """Matches with explanations for the chosen entries of one segment's top."""
        if not chosen:
            return []
        rows = top.rows[chosen]
        missing_skills = [top.missing_skills[i] for i in chosen]
        matched = [top.matched[i] for i in chosen]
        missing_languages = [top.missing_languages[i] for i in chosen]
        table = top.table[:, chosen].T.tolist()
        columns = [
            getattr(top, name)[chosen].tolist()
            for name in ("keys", "scores", "level", "years", "essential", "optional", "certificates")
        ]
        wanted = top.destination_wanted[chosen].tolist(), top.sector_wanted[chosen].tolist()
        has_skills = (segment.skill_count[rows] > 0).tolist()
        vacancy = q.vacancy
        maxima = maxima_of(self.weights)
        found = []
        for j, (key, score, level, years, essential, optional, certificates) in enumerate(
            zip(*columns, strict=True)
        ):
            explanation = explain(
                self.weights,
                table[j],
                level=level,
                years_tenths=years,
                matched_occupation=matched[j],
                vacancy_unit=vacancy.unit,
                essential_covered=essential,
                essential_total=len(vacancy.essential),
                optional_covered=optional,
                optional_total=len(vacancy.optional),
                profile_has_skills=has_skills[j],
                missing_languages=missing_languages[j],
                languages_total=len(vacancy.languages),
                certificates=certificates,
                destination_wanted=wanted[0][j],
                sector_wanted=wanted[1][j],
                destination=vacancy.destination,
                checked_start=vacancy.start_day is not None,
                missing_skill_ids=missing_skills[j],
                maxima=maxima,
            )
            found.append(Match(key, vacancy.query.vacancy_key, score, positions[j], explanation))
        return found
