"""Both directions agree: workers for a vacancy and vacancies for a worker give a pair the same score and
the same explanation; ranking workers equals scoring every eligible worker one by one (so the shortcuts
the index takes lose nobody)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mizan.matching.engine import MatchIndex, VacancyIndex, search
from mizan.matching.engine.ranking import salt_for, tie_hash
from mizan.matching.engine.synthetic import Generator, synthetic_taxonomy, taxonomy
from tests.matching.engine_support import profile, vacancy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def world():
    tax = taxonomy([ROOT / "taxonomy" / "esco-v1.1.1"])
    generator = Generator(tax, seed=5)
    profiles = list(generator.profiles(1500))
    return profiles, generator.vacancies(12), MatchIndex.build(profiles)


def brute_force(profiles, job, k):
    """Every worker scored on their own from the vacancy side, sorted by the documented order."""
    single = VacancyIndex([job])
    scored = []
    for worker in profiles:
        result = single.vacancies_for(worker, 1)
        if result.results:
            scored.append((result.results[0].score, worker.worker_key, result.results[0]))
    salt = salt_for(job.vacancy_key)

    def order(item):
        score, key, _match = item
        bits = np.array([key], dtype=np.int64).view(np.uint64)
        return (-score, int(tie_hash(bits, salt)[0]), key)

    return sorted(scored, key=order)[:k], len(scored)


@pytest.mark.parametrize("k", [1, 10, 60])
def test_ranking_workers_equals_scoring_each_pair(world, k: int, monkeypatch) -> None:
    profiles, jobs, index = world
    # Both ways of ranking a segment must be exercised (and agree with the brute force).
    used = {"occupation_first": 0, "everyone": 0}
    first, everyone = search._occupation_first, search._everyone

    def counted_first(*args, **kwargs):
        found = first(*args, **kwargs)
        used["occupation_first"] += found is not None
        return found

    def counted_everyone(*args, **kwargs):
        used["everyone"] += 1
        return everyone(*args, **kwargs)

    monkeypatch.setattr(search, "_occupation_first", counted_first)
    monkeypatch.setattr(search, "_everyone", counted_everyone)
    for job in jobs:
        result = index.workers_for(job, k)
        expected, eligible = brute_force(profiles, job, k)
        assert result.eligible == eligible
        assert [(m.worker_key, m.score) for m in result.results] == [(key, s) for s, key, _m in expected]
        for match, (_s, _key, other) in zip(result.results, expected, strict=True):
            assert match.explanation == other.explanation
    assert used["everyone"] > 0
    if k <= 10:  # with 1,500 workers, enough share an occupation for the short lists
        assert used["occupation_first"] > 0


def test_ranking_vacancies_uses_the_same_pair_scores(world) -> None:
    profiles, jobs, index = world
    vacancies = VacancyIndex(jobs)
    from_jobs = {
        job.vacancy_key: {m.worker_key: m for m in index.workers_for(job, len(profiles)).results}
        for job in jobs
    }
    compared = 0
    for worker in profiles[:300]:
        for match in vacancies.vacancies_for(worker, len(jobs)).results:
            same = from_jobs[match.vacancy_key][worker.worker_key]
            assert same.score == match.score  # exactly, not approximately
            assert same.explanation == match.explanation
            compared += 1
    assert compared > 100


def test_vacancies_for_a_worker_are_ordered_and_explained() -> None:
    jobs = [
        vacancy(1),
        vacancy(2, esco_code="7212.1"),
        vacancy(3, esco_code="5120.1", isco_unit="5120", essential_skill_ids=(50, 51)),
        vacancy(4, destination="KW"),  # the worker is not eligible for Kuwait
    ]
    result = VacancyIndex(jobs).vacancies_for(profile(), 10)
    assert [m.vacancy_key for m in result.results] == [1, 2, 3]
    assert result.filtered_out["matching.filtered.not_eligible"] == 1
    assert result.considered == 4
    assert result.eligible == 3


def test_vacancy_index_updates() -> None:
    index = VacancyIndex([vacancy(1), vacancy(2)])
    assert len(index) == 2
    index.upsert(vacancy(2, destination="KW"))
    assert [m.vacancy_key for m in index.vacancies_for(profile()).results] == [1]
    assert index.remove(1) is True
    assert index.remove(1) is False
    result = index.vacancies_for(profile())
    assert result.results == ()
    assert result.empty_reason == "matching.empty.no_eligible_vacancies"


def test_a_synthetic_taxonomy_works_without_esco_files() -> None:
    tax = synthetic_taxonomy(seed=3, occupations=200, skills=3000)
    generator = Generator(tax, seed=2)
    profiles = list(generator.profiles(300))
    job = generator.vacancies(1)[0]
    result = MatchIndex.build(profiles).workers_for(job, 5)
    expected, _eligible = brute_force(profiles, job, 5)
    assert [m.worker_key for m in result.results] == [key for _s, key, _m in expected]
