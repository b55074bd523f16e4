"""The yes/no checks: each leaves a worker out with its own reason code, counted once, never scored."""

from __future__ import annotations

import datetime as dt

import pytest

from mizan.matching.engine import FILTER_REASONS, MatchIndex, Note, VacancyIndex, corridor_key
from tests.matching.engine_support import START, profile, vacancy

FAILS = {
    "matching.filtered.not_opted_in": {"opted_in": False},
    "matching.filtered.not_eligible": {"eligible_for": frozenset({"SA"})},
    "matching.filtered.not_available": {"available_from": START + dt.timedelta(days=1)},
    "matching.filtered.pay_below_minimum": {"min_monthly_pay": 60_001},
}


@pytest.mark.parametrize("reason", FAILS)
def test_each_check_leaves_the_worker_out_with_its_reason(reason: str) -> None:
    index = MatchIndex.build([profile(1), profile(2, **FAILS[reason])])
    result = index.workers_for(vacancy(), 10)
    assert [m.worker_key for m in result.results] == [1]
    assert result.considered == 2
    assert result.eligible == 1
    assert result.filtered_out == {r: int(r == reason) for r in FILTER_REASONS}
    # The same pair, seen from the worker's side, fails the same check.
    jobs = VacancyIndex([vacancy()]).vacancies_for(profile(2, **FAILS[reason]))
    assert jobs.results == ()
    assert jobs.filtered_out[reason] == 1


def test_a_worker_is_counted_once_at_the_first_failed_check() -> None:
    index = MatchIndex.build([profile(1, opted_in=False, min_monthly_pay=10**9, eligible_for=frozenset())])
    result = index.workers_for(vacancy(), 10)
    assert result.filtered_out["matching.filtered.not_opted_in"] == 1
    assert sum(result.filtered_out.values()) == 1


def test_the_boundaries_pass() -> None:
    worker = profile(available_from=START, min_monthly_pay=60_000)
    assert len(MatchIndex.build([worker]).workers_for(vacancy(), 1).results) == 1


def test_eligibility_for_one_kind_of_work_only() -> None:
    worker = profile(eligible_for=frozenset({corridor_key("QA", "construction")}))
    index = MatchIndex.build([worker])
    assert len(index.workers_for(vacancy(), 1).results) == 1
    assert index.workers_for(vacancy(sector="domestic_work"), 1).results == ()


def test_no_minimum_pay_passes_any_pay_and_no_pay_passes_only_no_minimum() -> None:
    index = MatchIndex.build([profile(1, min_monthly_pay=None), profile(2, min_monthly_pay=1)])
    result = index.workers_for(vacancy(monthly_pay=None), 10)
    assert [m.worker_key for m in result.results] == [1]
    assert Note("matching.note.no_pay") in result.notes


def test_no_start_date_skips_the_availability_check() -> None:
    index = MatchIndex.build([profile(available_from=dt.date(2099, 1, 1))])
    result = index.workers_for(vacancy(start_date=None), 1)
    assert len(result.results) == 1
    assert Note("matching.note.no_start_date") in result.notes
    passed = [note.code for note in result.results[0].explanation.filters_passed]
    assert "matching.filter.available" not in passed


def test_checks_passed_are_listed_in_every_explanation() -> None:
    result = MatchIndex.build([profile()]).workers_for(vacancy(), 1)
    passed = result.results[0].explanation.filters_passed
    assert [note.code for note in passed] == [
        "matching.filter.opted_in",
        "matching.filter.eligible",
        "matching.filter.available",
        "matching.filter.pay",
    ]
    assert passed[1].params == {"country": "QA"}


def test_nobody_eligible_gives_an_explained_empty_result() -> None:
    index = MatchIndex.build([profile(1, opted_in=False), profile(2, eligible_for=frozenset())])
    result = index.workers_for(vacancy(), 10)
    assert result.results == ()
    assert result.empty_reason == "matching.empty.no_eligible"
    assert result.filtered_out["matching.filtered.not_opted_in"] == 1
    assert result.filtered_out["matching.filtered.not_eligible"] == 1


def test_a_vacancy_without_country_admits_nobody() -> None:
    result = MatchIndex.build([profile()]).workers_for(vacancy(destination=""), 1)
    assert result.empty_reason == "matching.empty.no_eligible"
    assert Note("matching.note.no_destination") in result.notes
