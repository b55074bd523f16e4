"""The process-wide index of workers (see the package's docstring for how it is kept fresh)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from uuid import UUID

from django.utils import timezone

from mizan.accounts.models import User
from mizan.matching import sources
from mizan.matching.adapter.relevance import only_known, related_only, wider
from mizan.matching.convert import PayConverter, SkillVocabulary, corridor_keys, profile_record, worker_key
from mizan.matching.engine.explain import Match, MatchResult
from mizan.matching.engine.index import IndexBuilder, MatchIndex
from mizan.matching.engine.records import ProfileRecord, VacancyQuery, corridor_key
from mizan.privacy.consent.selectors import workers_allowed
from mizan.profiles.facts import ProfileFacts
from mizan.profiles.selectors import matching_records
from mizan.profiles.selectors.matching import PURPOSE

POLL_SECONDS = 5.0  # how often other processes' profile changes are looked for
SWEEP_SECONDS = 300.0  # how often membership is reconciled with consents and restrictions
MARGIN = dt.timedelta(minutes=2)  # a change committed late carries the time it was made
AUTO_COMPACT = 20_000
VERIFY_ROUNDS = 3

Progress = Callable[[int], None]


@dataclass
class BuildStats:
    profiles: int
    skills: int
    corridors: int
    nbytes: int
    seconds: float


@dataclass
class _WorkerState:
    index: MatchIndex
    uuids: dict[int, UUID]  # engine key -> worker id
    changed_at: dict[int, dt.datetime]
    pay_unchecked: set[int]
    corridors: frozenset[str]
    built_on: dt.date
    taxonomy_stamp: int | None
    since: dt.datetime  # profiles changed at or after this may not be in yet
    polled: float = field(default_factory=time.monotonic)
    swept: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class Ranked:
    """A ranking of workers with the worker ids of its keys, and who has a minimum pay not comparable."""

    result: MatchResult
    worker_ids: dict[int, UUID]
    pay_unchecked: frozenset[int]

    def worker_id(self, match: Match) -> UUID:
        return self.worker_ids[match.worker_key]


def _active(ids: Collection[UUID]) -> set[UUID]:
    return set(User.objects.filter(pk__in=list(ids), is_active=True).values_list("pk", flat=True))


def allowed_now(ids: Collection[UUID]) -> set[UUID]:
    """Of ``ids``, the workers matching may use right now (consent, restrictions, active account)."""
    if not ids:
        return set()
    return workers_allowed(worker_ids=ids, purpose=PURPOSE) & _active(ids)


class WorkerIndex:
    """The workers matching may use, indexed; thread-safe; one per process (``worker_index()``)."""

    def __init__(self) -> None:
        self.vocabulary = SkillVocabulary()
        self._state: _WorkerState | None = None
        self._dirty: set[UUID] = set()
        self._lock = threading.Lock()  # guards _state and _dirty
        self._build_lock = threading.Lock()  # one build at a time
        self._refresh_lock = threading.Lock()  # one refresh at a time

    # --- Telling it what changed ---------------------------------------------------------------------

    def mark_changed(self, worker_id: UUID) -> None:
        """Re-read this worker before the next query (cheap: no database access here)."""
        with self._lock:
            self._dirty.add(worker_id)

    def reset(self) -> None:
        """Forget everything; the next query builds from scratch (tests, after a bulk change)."""
        with self._lock:
            self._state = None
            self._dirty.clear()

    @property
    def is_built(self) -> bool:
        return self._state is not None

    # --- Building --------------------------------------------------------------------------------------

    def rebuild(self, *, destinations: Iterable[str] = (), progress: Progress | None = None) -> BuildStats:
        """Read every profile matching may use and swap in a new index."""
        with self._build_lock:
            clock = time.perf_counter()
            started = timezone.now()
            today = dt.date.today()
            old = self._state
            wanted = sources.rule_destinations(today) | sources.published_destinations() | set(destinations)
            corridors = corridor_keys(wanted) | (old.corridors if old is not None else frozenset())
            stamp = sources.taxonomy_stamp()
            pay = PayConverter(today)
            builder = IndexBuilder(catalogue=sources.catalogue())
            uuids: dict[int, UUID] = {}
            changed: dict[int, dt.datetime] = {}
            unchecked: set[int] = set()
            for facts in matching_records():
                record = self._record(facts, corridors, pay, unchecked)
                builder.add(record)
                uuids[record.worker_key] = facts.worker_id
                changed[record.worker_key] = facts.changed_at
                if progress is not None:
                    progress(1)
            index = builder.finish(auto_compact=AUTO_COMPACT)
            state = _WorkerState(
                index=index,
                uuids=uuids,
                changed_at=changed,
                pay_unchecked=unchecked,
                corridors=corridors,
                built_on=today,
                taxonomy_stamp=stamp,
                since=started - MARGIN,
            )
            with self._lock:
                self._state = state
            return BuildStats(
                profiles=len(index),
                skills=len(self.vocabulary),
                corridors=len(corridors),
                nbytes=index.nbytes,
                seconds=time.perf_counter() - clock,
            )

    def _record(
        self, facts: ProfileFacts, corridors: frozenset[str], pay: PayConverter, unchecked: set[int]
    ) -> ProfileRecord:
        converted = profile_record(facts, self.vocabulary, corridors, pay)
        key = converted.record.worker_key
        if converted.pay_checked:
            unchecked.discard(key)
        else:
            unchecked.add(key)
        return converted.record

    def _current(self) -> _WorkerState:
        """The state, built if there is none or it is stale (a new day, a new taxonomy)."""
        state = self._state
        if (
            state is None
            or state.built_on != dt.date.today()
            or state.taxonomy_stamp != sources.taxonomy_stamp()
        ):
            self.rebuild()
            state = self._state
        assert state is not None
        return state

    # --- Refreshing ------------------------------------------------------------------------------------

    def refresh(self, *, force: bool = False) -> int:
        """Bring the index up to date; ``force`` polls and sweeps now. Returns how many workers changed."""
        self._current()
        with self._refresh_lock:
            with self._lock:
                dirty, self._dirty = self._dirty, set()
                state = self._state  # the newest, should a rebuild have swapped it in meanwhile
            assert state is not None
            now = time.monotonic()
            found: dict[UUID, ProfileFacts] = {}
            if force or now - state.polled >= POLL_SECONDS:
                started = timezone.now()
                for facts in matching_records(changed_since=state.since):
                    key = worker_key(facts.worker_id)
                    known = state.changed_at.get(key)
                    if known is None or facts.changed_at > known or key not in state.index:
                        found[facts.worker_id] = facts
                state.since, state.polled = started - MARGIN, now
            gone: set[UUID] = set()
            if dirty:
                fresh = {facts.worker_id: facts for facts in matching_records(worker_ids=dirty)}
                found.update(fresh)
                gone = dirty - fresh.keys()
            if force or now - state.swept >= SWEEP_SECONDS:
                added, removed = self._sweep(state)
                found.update(added)
                gone |= removed
                state.swept = now
            return self._apply(state, found.values(), gone)

    def _sweep(self, state: _WorkerState) -> tuple[dict[UUID, ProfileFacts], set[UUID]]:
        """Reconcile membership with who allows job matching now (consent given or stopped elsewhere)."""
        everyone = list(
            User.objects.filter(kind=User.Kind.WORKER, is_active=True).values_list("pk", flat=True)
        )
        allowed = workers_allowed(worker_ids=everyone, purpose=PURPOSE)
        indexed = set(state.uuids.values())
        missing = allowed - indexed
        added = {facts.worker_id: facts for facts in matching_records(worker_ids=missing)} if missing else {}
        return added, indexed - allowed

    def _apply(self, state: _WorkerState, changed: Iterable[ProfileFacts], gone: Collection[UUID]) -> int:
        count = 0
        pay = PayConverter(state.built_on)
        for facts in changed:
            record = self._record(facts, state.corridors, pay, state.pay_unchecked)
            state.index.upsert(record)
            state.uuids[record.worker_key] = facts.worker_id
            state.changed_at[record.worker_key] = facts.changed_at
            count += 1
        for worker_id in gone:
            key = worker_key(worker_id)
            if state.index.remove(key):
                count += 1
            state.uuids.pop(key, None)
            state.changed_at.pop(key, None)
            state.pay_unchecked.discard(key)
        return count

    def drop(self, worker_ids: Collection[UUID]) -> None:
        """Take workers out now (they may not be used any more)."""
        state = self._state
        if state is not None and worker_ids:
            with self._refresh_lock:
                self._apply(state, (), worker_ids)

    # --- Queries ---------------------------------------------------------------------------------------

    def workers_for(self, query: VacancyQuery, k: int) -> Ranked:
        """The best ``k`` workers for a vacancy, every one of them checked to allow job matching now."""
        self.refresh()
        state = self._current()
        if query.destination and corridor_key(query.destination) not in state.corridors:
            self.rebuild(destinations=[query.destination])
            state = self._current()
        asked = wider(k)
        result = state.index.workers_for(query, asked)
        for _round in range(VERIFY_ROUNDS):
            known = {m.worker_key: state.uuids.get(m.worker_key) for m in result.results}
            ids = {worker_id for worker_id in known.values() if worker_id is not None}
            gone = ids - allowed_now(ids)
            unknown = [key for key, worker_id in known.items() if worker_id is None]
            if not gone and not unknown:
                break
            self.drop(gone)
            for key in unknown:
                state.index.remove(key)
            result = state.index.workers_for(query, asked)
        else:
            known = {m.worker_key: state.uuids.get(m.worker_key) for m in result.results}
            allowed = allowed_now({w for w in known.values() if w is not None})
            result = only_known(result, {key for key, worker_id in known.items() if worker_id in allowed})
        result = related_only(result, k)
        ids_of = {m.worker_key: state.uuids[m.worker_key] for m in result.results}
        unchecked = frozenset(key for key in ids_of if key in state.pay_unchecked)
        return Ranked(result, ids_of, unchecked)

    def stats(self) -> dict[str, int]:
        state = self._current()
        return {"profiles": len(state.index), "skills": len(self.vocabulary), "bytes": state.index.nbytes}
