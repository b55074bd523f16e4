"""The score's components and weights: each component's points, the versioned weights, the totals."""

from __future__ import annotations

import pytest

from mizan.matching.engine import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    WEIGHTS_VERSION,
    MatchIndex,
    OccupationClaim,
    Weights,
)
from tests.matching.engine_support import profile, vacancy


def points_of(worker, job=None, weights=DEFAULT_WEIGHTS) -> dict[str, float]:
    result = MatchIndex.build([worker], weights=weights).workers_for(job or vacancy(), 10)
    assert len(result.results) == 1, result
    match = result.results[0]
    table = {c.code: c.points for c in match.explanation.components}
    assert match.score == pytest.approx(sum(table.values()))
    return table


def test_a_worker_who_fits_everything_gets_each_component() -> None:
    table = points_of(profile())
    assert table == {
        "occupation": 30.0,
        "essential_skills": 30.0,  # 4 of 4
        "optional_skills": 5.0,  # 1 of 2
        "experience": 8.0,  # 4 of 5 years
        "languages": 10.0,
        "certificates": 2.5,  # 1 of 2
        "preferences": 5.0,
    }
    assert list(table) == list(COMPONENTS)


def test_default_weights_add_up_to_100_and_are_versioned() -> None:
    assert sum(DEFAULT_WEIGHTS.maximum(c) for c in COMPONENTS) == 100.0
    assert DEFAULT_WEIGHTS.version == WEIGHTS_VERSION
    result = MatchIndex.build([profile()]).workers_for(vacancy(), 1)
    assert result.weights_version == WEIGHTS_VERSION
    assert result.results[0].explanation.weights_version == WEIGHTS_VERSION


@pytest.mark.parametrize(
    ("claim", "points"),
    [
        (OccupationClaim("7212.3", "7212", 4.0), 30.0),  # same ESCO occupation
        (OccupationClaim("7212.1", "7212", 4.0), 18.0),  # same ISCO unit group
        (OccupationClaim(None, "7212", 4.0), 18.0),  # only the unit group known
        (OccupationClaim("7214.2", "7214", 4.0), 9.0),  # same minor group 721
        (OccupationClaim("5120.1", "5120", 4.0), 0.0),  # a cook
    ],
)
def test_occupation_levels(claim: OccupationClaim, points: float) -> None:
    table = points_of(profile(occupations=(claim,)))
    assert table["occupation"] == points
    # Experience counts only in a matching occupation (any level).
    assert table["experience"] == (8.0 if points else 0.0)


def test_the_best_of_several_occupations_counts() -> None:
    claims = (OccupationClaim("5120.1", "5120", 9.0), OccupationClaim("7212.1", "7212", 2.0))
    table = points_of(profile(occupations=claims))
    assert table["occupation"] == 18.0
    assert table["experience"] == 4.0  # the 2 years of the matching one, not the cook's 9


def test_experience_is_capped_at_full_years() -> None:
    assert points_of(profile(occupations=(OccupationClaim("7212.3", "7212", 30.0),)))["experience"] == 10.0
    assert points_of(profile(occupations=(OccupationClaim("7212.3", "7212", 0.0),)))["experience"] == 0.0


def test_skill_shares() -> None:
    table = points_of(profile(skill_ids=(1, 2, 11)))
    assert table["essential_skills"] == 15.0  # 2 of 4
    assert table["optional_skills"] == 5.0  # 1 of 2
    # A skill listed as both essential and optional counts once, as essential.
    table = points_of(profile(skill_ids=(1,)), vacancy(essential_skill_ids=(1,), optional_skill_ids=(1, 2)))
    assert (table["essential_skills"], table["optional_skills"]) == (30.0, 0.0)


def test_languages_need_the_level() -> None:
    job = vacancy(languages_needed={"en": 2, "ar": 0})
    assert points_of(profile(languages={"en": 2, "ar": 0}), job)["languages"] == 10.0
    assert points_of(profile(languages={"en": 1, "ar": 0}), job)["languages"] == 5.0
    assert points_of(profile(languages={"ne": 3}), job)["languages"] == 0.0
    assert points_of(profile(languages={}), vacancy(languages_needed={}))["languages"] == 10.0


def test_certificates_count_up_to_full() -> None:
    assert points_of(profile(verified_certificates=0))["certificates"] == 0.0
    assert points_of(profile(verified_certificates=5))["certificates"] == 5.0


@pytest.mark.parametrize(
    ("destinations", "sectors", "points"),
    [
        ({"QA"}, {"construction"}, 5.0),
        (set(), set(), 5.0),  # "any" wants everything
        ({"SA"}, {"construction"}, 2.5),
        ({"QA"}, {"care"}, 2.5),
        ({"SA"}, {"care"}, 0.0),
    ],
)
def test_preferences(destinations: set[str], sectors: set[str], points: float) -> None:
    worker = profile(destinations=frozenset(destinations), sectors=frozenset(sectors))
    assert points_of(worker)["preferences"] == points


def test_custom_weights_change_the_points_and_the_version() -> None:
    weights = Weights(version="test-1", occupation=50.0, same_unit_group=0.5)
    table = points_of(profile(occupations=(OccupationClaim("7212.1", "7212", 4.0),)), weights=weights)
    assert table["occupation"] == 25.0
    result = MatchIndex.build([profile()], weights=weights).workers_for(vacancy(), 1)
    assert result.weights_version == "test-1"


def test_results_are_ordered_by_score() -> None:
    workers = [
        profile(1, skill_ids=(1,)),
        profile(2, skill_ids=(1, 2, 3, 4)),
        profile(3, skill_ids=(1, 2)),
        profile(4, occupations=(OccupationClaim("5120.1", "5120", 1.0),), skill_ids=()),
    ]
    result = MatchIndex.build(workers).workers_for(vacancy(), 10)
    assert [m.worker_key for m in result.results] == [2, 3, 1, 4]
    assert [m.position for m in result.results] == [1, 2, 3, 4]
    scores = [m.score for m in result.results]
    assert scores == sorted(scores, reverse=True)
    assert MatchIndex.build(workers).workers_for(vacancy(), 2).results[1].worker_key == 3
