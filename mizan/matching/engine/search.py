"""Ranking the workers of one segment for a vacancy (see ``rank``), and what explanations need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .explain import FILTER_REASONS
from .query import COUNT_MASK, ESSENTIAL_WEIGHT, OCCUPATION_WEIGHT, OPTIONAL_WEIGHT, PreparedQuery
from .ranking import top_k
from .segment import I64, Bools, Segment
from .weights import LEVEL_FACTOR, Weights, bound_tables, points


@dataclass
class SegmentTop:
    """A segment's best candidates for one query, with what their scores and explanations are made of."""

    rows: I64
    keys: I64
    scores: npt.NDArray[np.float64]
    table: npt.NDArray[np.float64]  # points per component, 7 x len(rows)
    level: I64
    years: I64
    essential: I64
    optional: I64
    languages_met: I64
    certificates: I64
    destination_wanted: Bools
    sector_wanted: Bools
    considered: int
    eligible: int
    filtered_out: dict[str, int]
    # For the explanations, per row: the vacancy's essential skills it lacks, the occupation that
    # counted (if any), the languages (codes) not spoken well enough.
    missing_skills: list[list[int]]
    matched: list[str | None]
    missing_languages: list[list[str]]


@dataclass
class Touched:
    """The entries of a query's sparse columns: the vacancy's skill columns, then its minor group's
    occupation columns, one after the other."""

    rows: npt.NDArray[np.int32]  # the rows of every column read, column after column
    starts: I64  # where each column's rows begin in ``rows``
    weights: list[float]  # per column: what one entry adds to the packed count
    skills: list[int]  # the skill of each skill column (essential columns first)
    skill_entries: int  # ``rows[:skill_entries]`` are skill entries, the rest occupation entries
    occupation_keys: I64  # per occupation entry: level * LEVEL_FACTOR + years …
    occupation_ids: I64  # … and the occupation

    @property
    def occupation_rows(self) -> npt.NDArray[np.int32]:
        return self.rows[self.skill_entries :]

    def entry_weights(self, columns: int) -> npt.NDArray[np.float64]:
        """What each entry of the first ``columns`` columns adds to the packed count."""
        return np.repeat(np.asarray(self.weights[:columns]), np.diff(self.starts[: columns + 1]))


def check(segment: Segment, q: PreparedQuery) -> tuple[Bools, int, dict[str, int]]:
    """The yes/no checks, in order; each worker left out is counted once, at the first check failed.
    Returns a buffer owned by the segment: call with the lock held and use it before the next call."""
    static, considered, not_opted_in, not_eligible = segment.static_mask(tuple(q.corridor_ids))
    counts = dict.fromkeys(FILTER_REASONS, 0)
    counts["matching.filtered.not_opted_in"] = not_opted_in
    counts["matching.filtered.not_eligible"] = not_eligible
    mask, scratch = segment.mask_buffer, segment.flags
    before = considered - not_opted_in - not_eligible
    if q.start_day is not None:
        np.less_equal(segment.available, q.start_day, out=scratch)
        np.logical_and(static, scratch, out=mask)
        after = int(np.count_nonzero(mask))
        counts["matching.filtered.not_available"], before = before - after, after
    else:
        np.copyto(mask, static)
    np.less_equal(segment.min_pay, q.pay, out=scratch)
    np.logical_and(mask, scratch, out=mask)
    counts["matching.filtered.pay_below_minimum"] = before - int(np.count_nonzero(mask))
    return mask, considered, counts


def read_columns(segment: Segment, q: PreparedQuery) -> Touched:
    """The vacancy's skill columns and its minor group's occupation columns (views, then one copy)."""
    parts: list[npt.NDArray[np.int32]] = []
    weights: list[float] = []
    for skills, weight in ((q.essential, ESSENTIAL_WEIGHT), (q.optional, OPTIONAL_WEIGHT)):
        for skill in skills:
            parts.append(segment.skill_column(skill))
            weights.append(weight)
    skill_entries = sum(len(p) for p in parts)
    occupation_keys: list[I64] = []
    occupation_ids: list[I64] = []
    for oid, level in zip(q.occupation_ids.tolist(), q.occupation_levels.tolist(), strict=True):
        rows, years = segment.occupation_column(oid)
        parts.append(rows)
        weights.append(OCCUPATION_WEIGHT)
        occupation_keys.append(years.astype(np.int64) + level * LEVEL_FACTOR)
        occupation_ids.append(np.full(len(rows), oid, dtype=np.int64))
    starts = np.zeros(len(parts) + 1, dtype=np.int64)
    np.cumsum([len(p) for p in parts], out=starts[1:])
    empty = np.empty(0, dtype=np.int64)
    return Touched(
        rows=np.concatenate(parts) if parts else np.empty(0, dtype=np.int32),
        starts=starts,
        weights=weights,
        skills=[*q.essential, *q.optional],
        skill_entries=skill_entries,
        occupation_keys=np.concatenate(occupation_keys) if occupation_keys else empty,
        occupation_ids=np.concatenate(occupation_ids) if occupation_ids else empty,
    )


def details(
    segment: Segment, q: PreparedQuery, found: Touched, rows: I64, entries: I64 | None = None
) -> tuple[list[list[int]], list[str | None], list[list[str]]]:
    """For a few rows (the top k): the essential skills each lacks, the occupation that counted and
    the languages not spoken well enough. One pass over the skill entries read (or over ``entries``,
    a subset known to hold all of these rows' entries), instead of a search per column; uses the
    segment's ``marks`` buffer (lock held)."""
    marks = segment.marks  # all False between uses
    marks[rows] = True
    order = np.argsort(rows)
    if entries is None:
        hits = np.flatnonzero(marks[found.rows[: found.skill_entries]])
    else:
        hits = entries[marks[found.rows[entries]]]
    columns = np.searchsorted(found.starts, hits, side="right") - 1
    essential = columns < len(q.essential)
    at = order[np.searchsorted(rows[order], found.rows[hits[essential]])]
    present = np.zeros((len(rows), len(q.essential)), dtype=np.bool_)
    present[at, columns[essential]] = True
    lacking_row, lacking_column = np.nonzero(~present)
    skills = np.asarray(q.essential, dtype=np.int64)[lacking_column].tolist()
    bounds = np.searchsorted(lacking_row, np.arange(len(rows) + 1)).tolist()
    missing = [skills[bounds[j] : bounds[j + 1]] for j in range(len(rows))]
    position = {row: j for j, row in enumerate(rows.tolist())}
    matched: list[str | None] = [None] * len(rows)
    best = [-1] * len(rows)
    occupation_hits = np.flatnonzero(marks[found.occupation_rows])
    marks[rows] = False
    for entry, key, oid in zip(
        found.occupation_rows[occupation_hits].tolist(),
        found.occupation_keys[occupation_hits].tolist(),
        found.occupation_ids[occupation_hits].tolist(),
        strict=True,
    ):
        j, name = position[entry], q.occupation_names[oid]
        current = matched[j]
        if key > best[j] or (key == best[j] and (current is None or name < current)):
            best[j], matched[j] = key, name  # ties: the first by name
    languages: list[list[str]] = [[] for _ in range(len(rows))]
    for code, lid, minimum in q.languages:
        column = segment.languages.get(lid) if lid is not None else None
        lacking = np.ones(len(rows), dtype=np.bool_) if column is None else column[rows] <= minimum
        for j in np.flatnonzero(lacking).tolist():
            languages[j].append(code)
    return missing, matched, languages


Scored = tuple[I64, npt.NDArray[np.float64], npt.NDArray[np.float64], dict[str, npt.NDArray[Any]]]


def score_rows(
    segment: Segment, q: PreparedQuery, weights: Weights, rows: I64, codes: I64, occ: I64
) -> Scored:
    """Rows, their points per component, scores, and the counts behind them. ``codes`` are the packed
    skill counts (essential + 1024 * optional) and ``occ`` the best occupation keys of the rows."""
    met = np.zeros(len(rows), dtype=np.int64)
    for _code, lid, minimum in q.languages:
        column = segment.languages.get(lid) if lid is not None else None
        if column is not None:
            met += column[rows] > minimum  # stored as level + 1
    destination = segment.destinations.get(q.destination_id) if q.destination_id is not None else None
    sector = segment.sectors.get(q.sector_id) if q.sector_id is not None else None
    parts: dict[str, npt.NDArray[Any]] = {
        "level": occ // LEVEL_FACTOR,
        "years": occ % LEVEL_FACTOR,
        "essential": codes & COUNT_MASK,
        "optional": (codes >> 10) & COUNT_MASK,
        "languages_met": met,
        "certificates": segment.certificates[rows].astype(np.int64),
        "destination_wanted": (destination if destination is not None else segment.any_destination)[rows],
        "sector_wanted": (
            (sector if sector is not None else segment.any_sector)[rows]
            if q.has_sector
            else np.ones(len(rows), dtype=np.bool_)
        ),
    }
    table, score = points(
        weights,
        level=parts["level"],
        years_tenths=parts["years"],
        essential_covered=parts["essential"],
        essential_total=len(q.essential),
        optional_covered=parts["optional"],
        optional_total=len(q.optional),
        languages_met=met,
        languages_total=len(q.languages),
        certificates=parts["certificates"],
        destination_wanted=parts["destination_wanted"],
        sector_wanted=parts["sector_wanted"],
    )
    return rows, table, score, parts


def _prune(
    q: PreparedQuery, weights: Weights, k: int, rows: I64, codes: I64, occ: I64
) -> npt.NDArray[np.bool_]:
    """Which rows can still be in the top k: the occupation and skill points are a lower bound of the
    score, adding the most experience, languages, certificates and preferences can give an upper bound;
    a row whose upper bound is below the k-th best lower bound cannot be in the top k."""
    occupation, experience, essential, optional = bound_tables(weights, len(q.essential), len(q.optional))
    lower = occupation[occ]
    lower += essential[codes & COUNT_MASK]
    lower += optional[(codes >> 10) & COUNT_MASK]
    threshold = np.partition(lower, len(rows) - k)[len(rows) - k]
    lower += experience[occ]
    return np.asarray(lower >= threshold - weights.base_bound() - 1e-9)


def _score_candidates(
    segment: Segment, q: PreparedQuery, weights: Weights, k: int, rows: I64, codes: I64, occ: I64
) -> Scored:
    if len(rows) > k:
        keep = _prune(q, weights, k, rows, codes, occ)
        rows, codes, occ = rows[keep], codes[keep], occ[keep]
    return score_rows(segment, q, weights, rows, codes, occ)


def _occupation_first(
    segment: Segment, q: PreparedQuery, weights: Weights, k: int, mask: Bools, found: Touched
) -> tuple[Scored, I64] | None:
    """The top k among eligible workers with an occupation in the vacancy's minor group, if they are
    the top k of everyone: a worker without one scores at most the skill points plus the base bound.
    Cheap when it applies (most vacancies): only these workers' skill counts are gathered. Also returns
    which skill entries belong to these workers (for the explanations)."""
    entries = found.occupation_rows
    keep = mask[entries]
    if int(np.count_nonzero(keep)) < k:
        return None
    # The best key per row: sort (row, key) pairs, keep the last of each row.
    pairs = np.sort((entries[keep].astype(np.int64) << 16) | found.occupation_keys[keep])
    owner = pairs >> 16
    last = np.ones(len(pairs), dtype=np.bool_)
    np.not_equal(owner[1:], owner[:-1], out=last[:-1])
    rows, occ = owner[last], pairs[last] & 0xFFFF
    if len(rows) < k:
        return None
    marks = segment.marks  # the skill entries of these rows: a byte gather, then their places
    marks[rows] = True
    skill_rows = found.rows[: found.skill_entries]
    hits = np.flatnonzero(marks[skill_rows])
    marks[rows] = False
    lookup = segment.scratch  # zero between queries; here each row's place among ``rows``
    lookup[rows] = np.arange(len(rows), dtype=np.int32)
    place = lookup[skill_rows[hits]]
    lookup[rows] = 0
    essential_entries = int(found.starts[len(q.essential)])  # essential columns come first
    weight = np.where(hits < essential_entries, ESSENTIAL_WEIGHT, OPTIONAL_WEIGHT)
    codes = np.bincount(place, weights=weight, minlength=len(rows))
    scored = _score_candidates(segment, q, weights, k, rows, codes.astype(np.int64), occ)
    others = weights.base_bound()
    others += weights.essential_skills if q.essential else 0.0
    others += weights.optional_skills if q.optional else 0.0
    if int(np.count_nonzero(scored[2] > others + 1e-9)) < k:
        return None
    return scored, hits


def _everyone(
    segment: Segment, q: PreparedQuery, weights: Weights, k: int, mask: Bools, found: Touched
) -> Scored:
    """The top k of all eligible workers: skill counts for every row (one bincount over all the
    entries read), candidates = eligible rows with an entry; when fewer than k of them beat the base
    bound (what a worker with no entry can score), every eligible row."""
    columns = len(found.starts) - 1
    packed = np.bincount(found.rows, weights=found.entry_weights(columns), minlength=segment.n)
    np.maximum.at(segment.scratch, found.occupation_rows, found.occupation_keys.astype(np.int32))
    try:
        np.greater(packed, 0.0, out=segment.flags)
        rows = np.flatnonzero(np.logical_and(segment.flags, mask, out=segment.flags))
        occ = segment.scratch[rows].astype(np.int64)
        scored = _score_candidates(segment, q, weights, k, rows, packed[rows].astype(np.int64), occ)
        beaten = int(np.count_nonzero(scored[2] > weights.base_bound()))
        if beaten < k and int(np.count_nonzero(mask)) > len(scored[0]):
            rows = np.flatnonzero(mask)
            occ = segment.scratch[rows].astype(np.int64)
            scored = score_rows(segment, q, weights, rows, packed[rows].astype(np.int64), occ)
    finally:
        segment.scratch[found.occupation_rows] = 0
    return scored


def rank(segment: Segment, q: PreparedQuery, weights: Weights, k: int) -> SegmentTop:
    """The k best eligible workers of this segment, exactly (the same as scoring every eligible
    worker and sorting): ``_occupation_first`` when it applies, else ``_everyone``."""
    with segment.lock:  # the buffers used below belong to the segment
        mask, considered, counts = check(segment, q)
        eligible = int(np.count_nonzero(mask))
        found = read_columns(segment, q)
        first = _occupation_first(segment, q, weights, k, mask, found)
        scored, entries = (
            first if first is not None else (_everyone(segment, q, weights, k, mask, found), None)
        )
        rows, table, score, parts = scored
        keys = segment.keys[rows]
        best = top_k(score, keys.view(np.uint64), q.salt, k)
        missing, matched, languages = details(segment, q, found, rows[best], entries)
    return SegmentTop(
        rows=rows[best],
        keys=keys[best],
        scores=score[best],
        table=table[:, best],
        considered=considered,
        eligible=eligible,
        filtered_out=counts,
        missing_skills=missing,
        matched=matched,
        missing_languages=languages,
        **{name: values[best] for name, values in parts.items()},
    )
