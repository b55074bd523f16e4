"""Bad input never raises: it gives notes (reason codes) and, when nothing can be matched, an empty
result that says why."""

from __future__ import annotations

import math

import pytest

from mizan.matching.engine import (
    Catalogue,
    MatchIndex,
    Note,
    OccupationClaim,
    VacancyIndex,
    check_profile,
)
from tests.matching.engine_support import profile, vacancy

CATALOGUE = Catalogue({"7212.3": "7212", "7212.1": "7212", "5120.1": "5120"})


def test_a_profile_with_no_skills_is_matched_on_the_rest_and_says_so() -> None:
    worker = profile(skill_ids=())
    assert Note("matching.note.profile_no_skills") in check_profile(worker)
    index = MatchIndex.build([worker])
    result = index.workers_for(vacancy(), 5)
    assert len(result.results) == 1
    essential = result.results[0].explanation.components[1]
    assert essential.message == "matching.skills_essential.worker_none"
    assert essential.points == 0.0
    assert Note("matching.note.profile_no_skills") in index.upsert(worker)


def test_an_unknown_esco_code_in_a_profile_falls_back_to_its_group() -> None:
    worker = profile(occupations=(OccupationClaim("7212.99", "7212", 3.0),))
    notes = check_profile(worker, CATALOGUE)
    assert Note("matching.note.unknown_occupation", {"code": "7212.99", "group": "7212"}) in notes
    result = MatchIndex.build([worker], catalogue=CATALOGUE).workers_for(vacancy(), 1)
    occupation = result.results[0].explanation.components[0]
    assert (occupation.message, occupation.points) == ("matching.occupation.unit_group", 18.0)


def test_an_unknown_esco_code_in_a_vacancy_is_reported_and_its_group_used() -> None:
    index = MatchIndex.build([profile()], catalogue=CATALOGUE)
    result = index.workers_for(vacancy(esco_code="7212.77"), 1)
    assert Note("matching.note.unknown_occupation", {"code": "7212.77", "group": "7212"}) in result.notes
    assert result.results[0].explanation.components[0].points == 18.0


@pytest.mark.parametrize(
    ("esco", "unit", "points", "noted"),
    [
        ("welder", "7212", 18.0, True),  # the code is left out, the group is used
        ("7212.3", "72x2", 30.0, True),  # the group is taken from the code
        ("", "", 0.0, True),
        (None, "12", 0.0, True),
        (None, "7212", 18.0, False),  # only a group: fine
    ],
)
def test_invalid_occupation_codes_are_left_out(
    esco: str | None, unit: str, points: float, noted: bool
) -> None:
    worker = profile(occupations=(OccupationClaim(esco, unit, 1.0),))
    result = MatchIndex.build([worker]).workers_for(vacancy(), 1)
    assert result.results[0].explanation.components[0].points == points
    assert bool(check_profile(worker)) == noted


def test_a_code_outside_its_group_is_corrected_and_noted() -> None:
    worker = profile(occupations=(OccupationClaim("7212.3", "5120", 1.0),))
    assert any(n.code == "matching.note.inconsistent_occupation" for n in check_profile(worker))
    result = MatchIndex.build([worker]).workers_for(vacancy(), 1)
    assert result.results[0].explanation.components[0].points == 30.0


def test_strange_numbers_do_not_break_anything() -> None:
    worker = profile(
        skill_ids=(-5, 1, 2**40, 3),
        occupations=(OccupationClaim("7212.3", "7212", math.nan), OccupationClaim("7212.1", "7212", -3.0)),
        languages={"en": 9, "ar": -2},
        min_monthly_pay=-100,
        verified_certificates=-1,
    )
    assert any(n.code == "matching.note.invalid_skills" for n in check_profile(worker))
    result = MatchIndex.build([worker]).workers_for(vacancy(essential_skill_ids=(1, -1, 3)), 1)
    assert Note("matching.note.invalid_skills", {"count": "1"}) in result.notes
    points = {c.code: c.points for c in result.results[0].explanation.components}
    assert points["essential_skills"] == 30.0  # 2 of the 2 valid ones
    assert points["experience"] == 0.0
    assert points["certificates"] == 0.0
    huge = profile(2, min_monthly_pay=10**15)
    assert MatchIndex.build([huge]).workers_for(vacancy(monthly_pay=10**14), 1).results == ()


def test_an_empty_index_says_so() -> None:
    result = MatchIndex.build([]).workers_for(vacancy(), 10)
    assert (result.results, result.empty_reason, result.considered) == ((), "matching.empty.no_profiles", 0)
    assert VacancyIndex().vacancies_for(profile()).empty_reason == "matching.empty.no_vacancies"


def test_a_vacancy_with_nothing_to_compare_says_so() -> None:
    job = vacancy(esco_code=None, isco_unit=None, essential_skill_ids=(), optional_skill_ids=())
    result = MatchIndex.build([profile()]).workers_for(job, 10)
    assert result.empty_reason == "matching.empty.no_criteria"
    assert Note("matching.note.no_skills") in result.notes
    jobs = VacancyIndex([job]).vacancies_for(profile())
    assert jobs.results == ()
    assert jobs.filtered_out["matching.filtered.no_criteria"] == 1


def test_asking_for_no_results_is_explained() -> None:
    assert (
        MatchIndex.build([profile()]).workers_for(vacancy(), 0).empty_reason
        == "matching.empty.invalid_request"
    )
    assert (
        VacancyIndex([vacancy()]).vacancies_for(profile(), -1).empty_reason
        == "matching.empty.invalid_request"
    )


def test_a_worker_who_did_not_opt_in_sees_no_suggested_jobs() -> None:
    result = VacancyIndex([vacancy()]).vacancies_for(profile(opted_in=False))
    assert result.empty_reason == "matching.empty.not_opted_in"
    assert result.filtered_out["matching.filtered.not_opted_in"] == 1


def test_skills_no_worker_has_are_simply_not_covered() -> None:
    result = MatchIndex.build([profile()]).workers_for(vacancy(essential_skill_ids=(1, 2, 10**6)), 1)
    essential = result.results[0].explanation.components[1]
    assert essential.params == {"covered": "2", "total": "3"}
    assert result.results[0].explanation.missing_skill_ids == (10**6,)
