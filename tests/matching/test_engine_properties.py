"""Properties over random profiles and vacancies: monotone in skills and pay, deterministic, exact top k."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.matching.engine import MatchIndex, OccupationClaim, ProfileRecord, VacancyQuery
from mizan.matching.engine.ranking import salt_for, tie_hash, top_k
from tests.matching.engine_support import pair_score

OCCUPATIONS = [("7212.3", "7212"), ("7212.1", "7212"), ("7214.2", "7214"), ("5120.1", "5120"), (None, "9111")]
COUNTRIES = ["QA", "SA", "KW"]
SECTORS = ["construction", "care", "domestic_work"]
LANGUAGES = ["en", "ar", "ne"]
DAY = dt.date(2027, 1, 1)

occupations = st.lists(
    st.builds(
        lambda pair, years: OccupationClaim(pair[0], pair[1], years),
        st.sampled_from(OCCUPATIONS),
        st.floats(min_value=0, max_value=20, allow_nan=False),
    ),
    max_size=3,
).map(tuple)
skills = st.lists(st.integers(min_value=0, max_value=25), max_size=12).map(tuple)
languages = st.dictionaries(st.sampled_from(LANGUAGES), st.integers(min_value=0, max_value=3), max_size=3)
countries = st.frozensets(st.sampled_from(COUNTRIES))


@st.composite
def profiles(draw: st.DrawFn, key: int = 1) -> ProfileRecord:
    return ProfileRecord(
        worker_key=key,
        occupations=draw(occupations),
        skill_ids=draw(skills),
        verified_certificates=draw(st.integers(min_value=0, max_value=4)),
        languages=draw(languages),
        destinations=draw(countries),
        sectors=draw(st.frozensets(st.sampled_from(SECTORS))),
        min_monthly_pay=draw(st.none() | st.integers(min_value=0, max_value=100_000)),
        available_from=DAY + dt.timedelta(days=draw(st.integers(min_value=0, max_value=60))),
        opted_in=draw(st.booleans()),
        eligible_for=draw(countries | st.just(frozenset(COUNTRIES))),
    )


@st.composite
def vacancies(draw: st.DrawFn) -> VacancyQuery:
    esco, unit = draw(st.sampled_from(OCCUPATIONS))
    return VacancyQuery(
        vacancy_key=draw(st.integers(min_value=1, max_value=10**6)),
        esco_code=esco,
        isco_unit=unit,
        essential_skill_ids=draw(skills),
        optional_skill_ids=draw(skills),
        destination=draw(st.sampled_from(COUNTRIES)),
        sector=draw(st.sampled_from(SECTORS)),
        monthly_pay=draw(st.integers(min_value=0, max_value=100_000)),
        start_date=DAY + dt.timedelta(days=draw(st.integers(min_value=0, max_value=60))),
        languages_needed=draw(st.dictionaries(st.sampled_from(LANGUAGES), st.integers(0, 3), max_size=2)),
    )


def index_score(worker: ProfileRecord, job: VacancyQuery) -> float | None:
    result = MatchIndex.build([worker]).workers_for(job, 1)
    return result.results[0].score if result.results else None


@settings(max_examples=150, deadline=None)
@given(profiles(), vacancies(), st.data())
def test_adding_a_required_skill_never_lowers_the_score(worker, job, data) -> None:
    if not job.essential_skill_ids:
        return
    skill = data.draw(st.sampled_from(job.essential_skill_ids))
    richer = dataclasses.replace(worker, skill_ids=(*worker.skill_ids, skill))
    before, after = index_score(worker, job), index_score(richer, job)
    assert (before is None) == (after is None)
    if before is not None and after is not None:
        assert after >= before
    assert pair_score(worker, job) == before  # and both directions agree


@settings(max_examples=100, deadline=None)
@given(st.lists(profiles(), min_size=1, max_size=8), vacancies(), st.data())
def test_raising_a_minimum_pay_never_adds_the_worker(workers, job, data) -> None:
    workers = [dataclasses.replace(w, worker_key=i + 1) for i, w in enumerate(workers)]
    chosen = data.draw(st.integers(min_value=0, max_value=len(workers) - 1))
    raise_by = data.draw(st.integers(min_value=0, max_value=10**9))
    k = data.draw(st.integers(min_value=1, max_value=8))
    worker = workers[chosen]
    raised = dataclasses.replace(worker, min_monthly_pay=(worker.min_monthly_pay or 0) + raise_by)
    before = {m.worker_key for m in MatchIndex.build(workers).workers_for(job, k).results}
    after_workers = [raised if w.worker_key == worker.worker_key else w for w in workers]
    after = {m.worker_key for m in MatchIndex.build(after_workers).workers_for(job, k).results}
    if worker.worker_key in after:
        assert worker.worker_key in before


@settings(max_examples=60, deadline=None)
@given(st.lists(profiles(), min_size=1, max_size=12), vacancies(), st.integers(min_value=1, max_value=12))
def test_ranking_is_deterministic_and_exact(workers, job, k) -> None:
    workers = [dataclasses.replace(w, worker_key=(i + 1) * 7919) for i, w in enumerate(workers)]
    index = MatchIndex.build(workers)
    first = index.workers_for(job, k)
    assert first == index.workers_for(job, k)
    scored = [(pair_score(w, job), w.worker_key) for w in workers]
    eligible = [(s, key) for s, key in scored if s is not None]
    hashes = dict(
        zip(
            [key for _s, key in eligible],
            tie_hash(
                np.array([key for _s, key in eligible], dtype=np.int64).view(np.uint64),
                salt_for(job.vacancy_key),
            ),
            strict=True,
        )
    )
    expected = sorted(eligible, key=lambda item: (-item[0], int(hashes[item[1]]), item[1]))[:k]
    assert [(m.score, m.worker_key) for m in first.results] == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=6), min_size=0, max_size=40),
    st.integers(min_value=0, max_value=45),
    st.integers(min_value=0, max_value=2**32),
)
def test_top_k_matches_a_full_sort(values, k, salt) -> None:
    scores = np.array(values, dtype=np.float64)
    keys = np.arange(1, len(values) + 1, dtype=np.int64) * 3
    bits = keys.view(np.uint64)
    chosen = top_k(scores, bits, salt, k).tolist()
    hashes = tie_hash(bits, salt)
    full = sorted(range(len(values)), key=lambda i: (-scores[i], int(hashes[i]), int(keys[i])))
    assert chosen == full[:k]
