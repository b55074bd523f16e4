"""Incremental updates: after upserts and removals (before and after compaction) every query answers
exactly as an index rebuilt from scratch on the same profiles."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from mizan.matching.engine import IndexBuilder, MatchIndex, OccupationClaim
from mizan.matching.engine.synthetic import Generator, taxonomy
from tests.matching.engine_support import profile, vacancy

ROOT = Path(__file__).resolve().parents[2]


def answers(index: MatchIndex, jobs, k: int = 30):
    return [
        [(m.worker_key, m.score, m.explanation) for m in index.workers_for(job, k).results]
        + [index.workers_for(job, k).filtered_out]
        for job in jobs
    ]


@pytest.fixture(scope="module")
def world():
    generator = Generator(taxonomy([ROOT / "taxonomy" / "esco-v1.1.1"]), seed=11)
    profiles = list(generator.profiles(800))
    changed = list(generator.profiles(300, first_key=500))  # 300 new versions of keys 500..799
    fresh = list(generator.profiles(100, first_key=10_000))  # 100 new workers
    return profiles, changed, fresh, generator.vacancies(8)


@pytest.mark.parametrize("auto_compact", [None, 50])
def test_upserts_and_removals_equal_a_rebuild(world, auto_compact: int | None) -> None:
    profiles, changed, fresh, jobs = world
    index = MatchIndex.build(profiles, auto_compact=auto_compact)
    current = {p.worker_key: p for p in profiles}
    rng = random.Random(4)
    for record in rng.sample(changed + fresh, len(changed) + len(fresh)):
        index.upsert(record)
        current[record.worker_key] = record
    for key in rng.sample(sorted(current), 120):
        assert index.remove(key) is True
        del current[key]
    assert index.remove(-1) is False
    assert len(index) == len(current)
    rebuilt = MatchIndex.build(current.values())
    assert answers(index, jobs) == answers(rebuilt, jobs)
    index.compact()
    assert len(index) == len(current)
    assert answers(index, jobs) == answers(rebuilt, jobs)


def test_an_upserted_profile_replaces_the_old_one() -> None:
    index = MatchIndex.build([profile(1), profile(2, skill_ids=(1,))])
    index.upsert(profile(2, skill_ids=(1, 2, 3, 4, 10, 11), verified_certificates=2))
    result = index.workers_for(vacancy(), 10)
    assert [m.worker_key for m in result.results] == [2, 1]
    assert result.considered == 2
    index.upsert(profile(2, opted_in=False))
    result = index.workers_for(vacancy(), 10)
    assert [m.worker_key for m in result.results] == [1]
    assert result.filtered_out["matching.filtered.not_opted_in"] == 1
    assert 2 in index
    assert index.remove(2) is True
    assert 2 not in index
    assert index.workers_for(vacancy(), 10).considered == 1


def test_new_words_arrive_with_an_upsert() -> None:
    index = MatchIndex.build([profile(1)])
    newcomer = profile(
        2,
        occupations=(OccupationClaim("9999.1", "9999", 1.0),),
        languages={"sw": 2},
        eligible_for=frozenset({"ZZ"}),
        destinations=frozenset({"ZZ"}),
    )
    index.upsert(newcomer)
    job = vacancy(esco_code="9999.1", isco_unit="9999", destination="ZZ", languages_needed={"sw": 2})
    result = index.workers_for(job, 5)
    assert [m.worker_key for m in result.results] == [2]
    points = {c.code: c.points for c in result.results[0].explanation.components}
    assert points["occupation"] == 30.0
    assert points["languages"] == 10.0
    index.compact()
    assert index.workers_for(job, 5).results == result.results


def test_duplicate_keys_in_a_build_keep_the_last() -> None:
    builder = IndexBuilder()
    builder.add(profile(1, skill_ids=()))
    builder.add(profile(2))
    builder.add(replace(profile(1), skill_ids=(1, 2, 3, 4)))
    index = builder.finish()
    assert len(index) == 2
    result = index.workers_for(vacancy(), 5)
    by_key = {m.worker_key: m for m in result.results}
    assert {c.code: c.points for c in by_key[1].explanation.components}["essential_skills"] == 30.0


def test_index_size_is_reported() -> None:
    index = MatchIndex.build([profile(key) for key in range(1, 101)])
    small = index.nbytes
    assert small > 0
    index.upsert(profile(500))
    index.workers_for(vacancy(), 1)  # builds the delta segment
    assert index.nbytes > small
