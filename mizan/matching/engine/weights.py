"""The score: a weighted sum of components, each a share in [0, 1]; weights are versioned.

Score = occupation + essential skills + optional skills + experience + languages + certificates +
preferences, in points (100 at most with the default weights). ``points`` is the one function that turns
counts into points, used by both directions, so a (worker, vacancy) pair gets the same score, bit for bit,
whether workers are ranked for the vacancy or vacancies for the worker.

Change a weight -> change ``WEIGHTS_VERSION`` (it is stored with every explanation and ranking log) and
docs/matching.md.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

WEIGHTS_VERSION = "2026-11-1"

COMPONENTS: tuple[str, ...] = (
    "occupation",
    "essential_skills",
    "optional_skills",
    "experience",
    "languages",
    "certificates",
    "preferences",
)

# Occupation levels, best first: same ESCO occupation, same ISCO unit group, same ISCO minor group.
SAME_OCCUPATION, SAME_UNIT_GROUP, SAME_MINOR_GROUP, NO_OCCUPATION = 3, 2, 1, 0
LEVEL_FACTOR = 10_000  # an occupation entry's key = level * LEVEL_FACTOR + years in tenths (< 10,000)

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Weights:
    """Points per component at full share, and the rules for the shares. Documented in docs/matching.md."""

    version: str = WEIGHTS_VERSION
    occupation: float = 30.0
    essential_skills: float = 30.0
    optional_skills: float = 10.0
    experience: float = 10.0
    languages: float = 10.0
    certificates: float = 5.0
    preferences: float = 5.0
    # Share of the occupation points by level.
    same_occupation: float = 1.0
    same_unit_group: float = 0.6
    same_minor_group: float = 0.3
    # Experience in the best-matching occupation counts fully from this many years.
    full_experience_years: float = 5.0
    # Verified certificates count fully from this many.
    full_certificates: int = 2

    def maximum(self, component: str) -> float:
        value: float = getattr(self, component)
        return value

    def base_bound(self) -> float:
        """The most a worker can score with no skill of the vacancy and no occupation in its minor group."""
        return self.languages + self.certificates + self.preferences


DEFAULT_WEIGHTS = Weights()


def level_shares(weights: Weights) -> Floats:
    """Occupation share by level 0..3."""
    return np.array(
        [0.0, weights.same_minor_group, weights.same_unit_group, weights.same_occupation], dtype=np.float64
    )


def _share(part: npt.ArrayLike, whole: npt.ArrayLike, if_none: float) -> Floats:
    """part / whole, or ``if_none`` where whole is 0."""
    total = np.asarray(whole, dtype=np.float64)
    return np.where(total > 0, np.asarray(part, dtype=np.float64) / np.maximum(total, 1.0), if_none)


def _matched(
    weights: Weights,
    level: Ints,
    essential_covered: npt.ArrayLike,
    essential_total: npt.ArrayLike,
    optional_covered: npt.ArrayLike,
    optional_total: npt.ArrayLike,
) -> tuple[Floats, Floats, Floats]:
    """Occupation, essential and optional skill points: the part of the score known from the index's
    sparse columns alone."""
    occupation = level_shares(weights)[level] * weights.occupation
    essential = _share(essential_covered, essential_total, 0.0) * weights.essential_skills
    optional = _share(optional_covered, optional_total, 0.0) * weights.optional_skills
    return occupation, essential, optional


COUNT_LIMIT = 1024  # skill counts per list are below this (records.MAX_QUERY_SKILLS)


@functools.lru_cache(maxsize=512)
def bound_tables(
    weights: Weights, essential_total: int, optional_total: int
) -> tuple[Floats, Floats, Floats, Floats]:
    """Lookup tables of the points the sparse columns alone decide, computed with exactly the operations
    of ``points``: by occupation key (level * LEVEL_FACTOR + years), by essential count, by optional count;
    and by occupation key, the most experience can add. A candidate's lower bound of the score is
    ``occupation[key] + essential[e] + optional[o]`` (in that order, as in ``points``); adding
    ``experience[key]`` and ``weights.base_bound()`` gives an upper bound (floating-point rounding is
    monotone, so both hold; callers allow 1e-9 for the different order of the upper bound's additions)."""
    levels = np.repeat(np.arange(4, dtype=np.int64), LEVEL_FACTOR)
    counts = np.arange(COUNT_LIMIT, dtype=np.float64)
    occupation, essential, optional = _matched(
        weights, levels, counts, essential_total, counts, optional_total
    )
    experience = np.where(levels > 0, weights.experience, 0.0)
    for table in (occupation, essential, optional, experience):
        table.flags.writeable = False
    return occupation, experience, essential, optional


def points(
    weights: Weights,
    *,
    level: npt.ArrayLike,
    years_tenths: npt.ArrayLike,
    essential_covered: npt.ArrayLike,
    essential_total: npt.ArrayLike,
    optional_covered: npt.ArrayLike,
    optional_total: npt.ArrayLike,
    languages_met: npt.ArrayLike,
    languages_total: npt.ArrayLike,
    certificates: npt.ArrayLike,
    destination_wanted: npt.ArrayLike,
    sector_wanted: npt.ArrayLike,
) -> tuple[Floats, Floats]:
    """Points per component (7 x m) and the score (m): every argument is an array of m pairs (or a scalar
    broadcast to them). Pure arithmetic in a fixed order, so both directions agree exactly."""
    lv = np.asarray(level, dtype=np.int64)
    occupation, essential, optional = _matched(
        weights, lv, essential_covered, essential_total, optional_covered, optional_total
    )
    years = np.minimum(
        np.asarray(years_tenths, dtype=np.float64) / (10.0 * weights.full_experience_years), 1.0
    )
    experience = np.where(lv > 0, years, 0.0)
    languages = _share(languages_met, languages_total, 1.0)
    full = max(weights.full_certificates, 1)
    certificates_share = np.minimum(np.asarray(certificates, dtype=np.float64), full) / full
    preferences = (
        np.asarray(destination_wanted, dtype=np.float64) + np.asarray(sector_wanted, dtype=np.float64)
    ) / 2.0
    shape = np.broadcast(occupation, essential, optional, experience, languages, preferences).shape
    table = np.empty((len(COMPONENTS), *shape), dtype=np.float64)
    table[0] = occupation
    table[1] = essential
    table[2] = optional
    table[3] = experience * weights.experience
    table[4] = languages * weights.languages
    table[5] = certificates_share * weights.certificates
    table[6] = preferences * weights.preferences
    score = table[0] + table[1]  # one fixed order of additions
    for row in range(2, len(COMPONENTS)):
        score += table[row]
    return table, score
