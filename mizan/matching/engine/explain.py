"""Results and their explanations: each component's points and a sentence (message key + parameters).

Explanations are built only for the top k results, by one function for both directions, so a pair's
explanation is the same whichever side asked. Keys are translated on the Django side (``messages.render``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .records import Note
from .weights import COMPONENTS, SAME_MINOR_GROUP, SAME_OCCUPATION, SAME_UNIT_GROUP, Weights

FILTER_REASONS: tuple[str, ...] = (
    "matching.filtered.not_opted_in",
    "matching.filtered.not_eligible",
    "matching.filtered.not_available",
    "matching.filtered.pay_below_minimum",
)


@dataclass(frozen=True, slots=True)
class Component:
    """One part of the score: ``points`` of at most ``max_points``, and why, in words."""

    code: str  # one of weights.COMPONENTS
    points: float
    max_points: float
    message: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Explanation:
    components: tuple[Component, ...]
    filters_passed: tuple[Note, ...]  # the yes/no checks this pair passed
    missing_skill_ids: tuple[int, ...]  # skills the job needs that the profile does not list
    matched_occupation: str | None  # the worker's occupation that counted (ESCO code or "isco:7212")
    weights_version: str


@dataclass(frozen=True, slots=True)
class Match:
    """A (worker, vacancy) pair, its score in points and its place in the list (1 = first)."""

    worker_key: int
    vacancy_key: int | str
    score: float
    position: int
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The top results and an account of everyone left out. Never raises on bad input: an empty
    ``results`` comes with ``empty_reason`` (a message key) and ``filtered_out`` counts per reason."""

    results: tuple[Match, ...]
    considered: int  # profiles (or vacancies) looked at
    eligible: int  # of those, how many passed every yes/no check
    filtered_out: Mapping[str, int]  # reason code -> count (each counted once, at its first failing check)
    empty_reason: str | None
    notes: tuple[Note, ...]
    weights_version: str


def empty_result(
    reason: str, weights: Weights, notes: Sequence[Note] = (), considered: int = 0
) -> MatchResult:
    return MatchResult(
        (), considered, 0, dict.fromkeys(FILTER_REASONS, 0), reason, tuple(notes), weights.version
    )


_Sentence = tuple[str, tuple[tuple[str, str], ...]]  # a message key and its parameters


@functools.lru_cache(maxsize=1024)
def filters_passed(destination: str, checked_start: bool) -> tuple[Note, ...]:
    passed = [Note("matching.filter.opted_in"), Note("matching.filter.eligible", {"country": destination})]
    if checked_start:
        passed.append(Note("matching.filter.available"))
    passed.append(Note("matching.filter.pay"))
    return tuple(passed)


@functools.lru_cache(maxsize=16)
def maxima_of(weights: Weights) -> tuple[float, ...]:
    """Each component's most points, in COMPONENTS order."""
    return tuple(weights.maximum(code) for code in COMPONENTS)


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def explain(
    weights: Weights,
    table: Sequence[float],
    *,
    level: int,
    years_tenths: int,
    matched_occupation: str | None,
    vacancy_unit: int | None,
    essential_covered: int,
    essential_total: int,
    optional_covered: int,
    optional_total: int,
    profile_has_skills: bool,
    missing_languages: Sequence[str],
    languages_total: int,
    certificates: int,
    destination_wanted: bool,
    sector_wanted: bool,
    destination: str,
    checked_start: bool,
    missing_skill_ids: Sequence[int],
    maxima: tuple[float, ...] | None = None,
) -> Explanation:
    """The explanation of one pair; ``table`` holds its points per component (weights.points)."""
    occupation: _Sentence
    if vacancy_unit is None:
        occupation = ("matching.occupation.not_given", ())
    elif level == SAME_OCCUPATION:
        occupation = ("matching.occupation.same", ())
    elif level == SAME_UNIT_GROUP:
        occupation = ("matching.occupation.unit_group", (("group", f"{vacancy_unit:04d}"),))
    elif level == SAME_MINOR_GROUP:
        occupation = ("matching.occupation.minor_group", (("group", f"{vacancy_unit // 10:03d}"),))
    else:
        occupation = ("matching.occupation.none", ())
    essential: _Sentence
    if essential_total == 0:
        essential = ("matching.skills_essential.none_listed", ())
    elif not profile_has_skills:
        essential = ("matching.skills_essential.worker_none", ())
    else:
        essential = (
            "matching.skills_essential",
            (("covered", str(essential_covered)), ("total", str(essential_total))),
        )
    optional: _Sentence
    if optional_total == 0:
        optional = ("matching.skills_optional.none_listed", ())
    else:
        optional = (
            "matching.skills_optional",
            (("covered", str(optional_covered)), ("total", str(optional_total))),
        )
    experience: _Sentence
    if level > 0 and years_tenths > 0:
        experience = ("matching.experience", (("years", _number(years_tenths / 10)),))
    else:
        experience = ("matching.experience.none", ())
    languages: _Sentence
    if languages_total == 0:
        languages = ("matching.languages.none_needed", ())
    elif missing_languages:
        languages = ("matching.languages.some", (("languages", ",".join(missing_languages)),))
    else:
        languages = ("matching.languages", ())
    if destination_wanted and sector_wanted:
        preference = "matching.preferences.both"
    elif destination_wanted:
        preference = "matching.preferences.destination"
    elif sector_wanted:
        preference = "matching.preferences.sector"
    else:
        preference = "matching.preferences.neither"
    maxima = maxima_of(weights) if maxima is None else maxima
    components = (
        _component(0, float(table[0]), maxima[0], *occupation),
        _component(1, float(table[1]), maxima[1], *essential),
        _component(2, float(table[2]), maxima[2], *optional),
        _component(3, float(table[3]), maxima[3], *experience),
        _component(4, float(table[4]), maxima[4], *languages),
        _component(5, float(table[5]), maxima[5], "matching.certificates", (("count", str(certificates)),)),
        _component(6, float(table[6]), maxima[6], preference, (("country", destination),)),
    )
    return Explanation(
        components=components,
        filters_passed=filters_passed(destination, checked_start),
        missing_skill_ids=tuple(missing_skill_ids),
        matched_occupation=matched_occupation if level > 0 else None,
        weights_version=weights.version,
    )


@functools.lru_cache(maxsize=65_536)
def _component(
    row: int, points: float, maximum: float, message: str, params: tuple[tuple[str, str], ...]
) -> Component:
    """Results share most of their sentences: each distinct one is made once (components are frozen)."""
    return Component(COMPONENTS[row], points, maximum, message, dict(params))
