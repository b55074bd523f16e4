"""One immutable block of profiles in columns (ranking them for a vacancy: ``search.rank``).

Layout (n workers, rows in ascending worker_key):
- dense per-worker arrays: key int64, opted_in bool, available int32 (day number), min_pay int32,
  certificates uint8, skill_count uint16, "wants any country / any kind of work" bools;
- one bool column per corridor key (eligibility), per wanted country and per wanted kind of work (a
  "wants any" worker is true in every one), one uint8 column per language (level);
- skills as CSC: for skill s, the rows holding it are ``skill_rows[skill_indptr[s]:skill_indptr[s+1]]``,
  ascending; occupations the same way, with years (tenths) beside each row.

A query reads the dense filter columns (a few bytes per worker), the vacancy's skill and occupation
columns, and only for candidates (workers holding at least one of those) the rest.
"""

from __future__ import annotations

import threading

import numpy as np
import numpy.typing as npt

from .columns import Columns, Pairs
from .query import PreparedQuery

Bools = npt.NDArray[np.bool_]
I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
STATIC_MASKS = 16  # corridors whose static checks are kept (one byte per row each)


def _csc(pairs: Pairs, n_columns: int) -> tuple[I64, npt.NDArray[np.int32], npt.NDArray[np.uint16]]:
    """Pairs by column: column pointers, the rows of each column (ascending), their values (uint16)."""
    rows, ids = pairs.rows, pairs.ids
    if len(rows) and bool(np.all(rows[1:] >= rows[:-1])):
        small = ids.astype(np.uint16) if n_columns <= 65536 else ids  # radix sort for 16-bit keys
        order = np.argsort(small, kind="stable")
    else:
        order = np.argsort(ids.astype(np.int64) * (int(rows.max(initial=0)) + 1) + rows)
    counts = np.bincount(ids, minlength=n_columns) if len(ids) else np.zeros(n_columns, dtype=np.int64)
    indptr = np.zeros(n_columns + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    values = pairs.values[order].astype(np.uint16) if pairs.values is not None else np.empty(0, np.uint16)
    return indptr, rows[order].astype(np.int32), values


def _bool_columns(pairs: Pairs, n: int, base: Bools | None = None) -> dict[int, Bools]:
    columns: dict[int, Bools] = {}
    for column_id in np.unique(pairs.ids).tolist():
        column = np.zeros(n, dtype=np.bool_) if base is None else base.copy()
        column[pairs.rows[pairs.ids == column_id]] = True
        columns[int(column_id)] = column
    return columns


class Segment:
    def __init__(self, columns: Columns) -> None:
        cols = columns.sorted_unique()
        n = self.n = len(cols)
        self.keys = cols.keys
        self.opted_in = cols.opted_in
        self.any_destination = cols.any_destination
        self.any_sector = cols.any_sector
        self.available = cols.available
        self.min_pay = cols.min_pay
        self.certificates = cols.certificates
        self.skill_count = cols.skill_count
        self.alive: Bools | None = None  # None = every row alive; else False marks a replaced profile
        self.corridors = _bool_columns(cols.corridors, n)
        self.destinations = _bool_columns(cols.destinations, n, cols.any_destination)
        self.sectors = _bool_columns(cols.sectors, n, cols.any_sector)
        self.languages: dict[int, npt.NDArray[np.uint8]] = {}
        for language_id in np.unique(cols.languages.ids).tolist():
            column = np.zeros(n, dtype=np.uint8)
            chosen = cols.languages.ids == language_id
            # Stored as level + 1, so 0 = does not speak it.
            levels = cols.languages.values
            column[cols.languages.rows[chosen]] = (levels[chosen] if levels is not None else 0) + 1
            self.languages[int(language_id)] = column
        n_skills = int(cols.skills.ids.max(initial=-1)) + 1
        self.skill_indptr, self.skill_rows, _ = _csc(cols.skills, n_skills)
        n_occupations = int(cols.occupations.ids.max(initial=-1)) + 1
        self.occupation_indptr, self.occupation_rows, self.occupation_years = _csc(
            cols.occupations, n_occupations
        )
        # Working memory of a query (guarded by the lock): occupation keys or places (kept at zero
        # between queries) and three masks, so that a query allocates nothing the size of the segment
        # (but the bincount of the slower way).
        self.scratch = np.zeros(n, dtype=np.int32)
        self.mask_buffer = np.zeros(n, dtype=np.bool_)
        self.flags = np.zeros(n, dtype=np.bool_)
        self.marks = np.zeros(n, dtype=np.bool_)  # all False between uses
        self._static: dict[tuple[int, ...], tuple[Bools, int, int, int]] = {}
        self.lock = threading.Lock()

    # --- Reading back ----------------------------------------------------------------------------------

    def row_of(self, key: int) -> int | None:
        row = int(np.searchsorted(self.keys, key))
        if row < self.n and int(self.keys[row]) == key and (self.alive is None or bool(self.alive[row])):
            return row
        return None

    def arrays(self) -> list[npt.NDArray[np.generic]]:
        found: list[npt.NDArray[np.generic]] = [
            self.keys, self.opted_in, self.any_destination, self.any_sector, self.available, self.min_pay,
            self.certificates, self.skill_count, self.skill_indptr, self.skill_rows, self.occupation_indptr,
            self.occupation_rows, self.occupation_years,
            self.scratch, self.mask_buffer, self.flags, self.marks,
        ]  # fmt: skip
        for group in (self.corridors, self.destinations, self.sectors, self.languages):
            found.extend(group.values())
        if self.alive is not None:
            found.append(self.alive)
        found.extend(mask for mask, *_counts in self._static.values())
        return found

    @property
    def nbytes(self) -> int:
        return sum(array.nbytes for array in self.arrays())

    def to_columns(self) -> Columns:
        """Back to columns (for compaction): the inverse of the constructor."""

        def pairs_of(indptr: I64, rows: I32, values: npt.NDArray[np.uint16] | None) -> Pairs:
            ids = np.repeat(np.arange(len(indptr) - 1, dtype=np.int32), np.diff(indptr))
            return Pairs(rows, ids, values.astype(np.int32) if values is not None else None)

        def bool_pairs(columns: dict[int, Bools], any_flag: Bools | None) -> Pairs:
            found = [
                (np.flatnonzero(col & ~any_flag) if any_flag is not None else np.flatnonzero(col), cid)
                for cid, col in columns.items()
            ]
            rows = np.concatenate([r for r, _ in found]) if found else np.empty(0, dtype=np.int64)
            ids = np.concatenate([np.full(len(r), c) for r, c in found]) if found else rows
            return Pairs(rows.astype(np.int32), ids.astype(np.int32))

        lang_rows, lang_ids, lang_values = [], [], []
        for lid, col in self.languages.items():
            rows = np.flatnonzero(col)
            lang_rows.append(rows)
            lang_ids.append(np.full(len(rows), lid))
            lang_values.append(col[rows].astype(np.int32) - 1)
        empty = np.empty(0, dtype=np.int32)
        return Columns(
            keys=self.keys, opted_in=self.opted_in, any_destination=self.any_destination,
            any_sector=self.any_sector, available=self.available, min_pay=self.min_pay,
            certificates=self.certificates, skill_count=self.skill_count,
            skills=pairs_of(self.skill_indptr, self.skill_rows, None),
            occupations=pairs_of(self.occupation_indptr, self.occupation_rows, self.occupation_years),
            corridors=bool_pairs(self.corridors, None),
            destinations=bool_pairs(self.destinations, self.any_destination),
            sectors=bool_pairs(self.sectors, self.any_sector),
            languages=Pairs(
                np.concatenate(lang_rows).astype(np.int32) if lang_rows else empty,
                np.concatenate(lang_ids).astype(np.int32) if lang_ids else empty,
                np.concatenate(lang_values) if lang_values else empty,
            ),
        )  # fmt: skip

    def skill_column(self, skill: int) -> npt.NDArray[np.int32]:
        if skill >= len(self.skill_indptr) - 1:
            return self.skill_rows[:0]
        return self.skill_rows[self.skill_indptr[skill] : self.skill_indptr[skill + 1]]

    def occupation_column(self, oid: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16]]:
        if oid >= len(self.occupation_indptr) - 1:
            return self.occupation_rows[:0], self.occupation_years[:0]
        start, stop = self.occupation_indptr[oid], self.occupation_indptr[oid + 1]
        return self.occupation_rows[start:stop], self.occupation_years[start:stop]

    def bytes_read(self, q: PreparedQuery) -> int:
        """The bytes of this segment's arrays a query must read at least: the filter columns over every
        row, and the vacancy's skill and occupation columns (not counting what candidates need besides)."""
        per_row = self.opted_in.itemsize + self.min_pay.itemsize
        per_row += self.available.itemsize if q.start_day is not None else 0
        per_row += sum(1 for cid in q.corridor_ids if cid in self.corridors)
        per_row += 1 if self.alive is not None else 0
        entries = sum(len(self.skill_column(s)) for s in (*q.essential, *q.optional))
        occupations = sum(len(self.occupation_column(o)[0]) for o in q.occupation_ids.tolist())
        row_bytes, years_bytes = self.skill_rows.itemsize, self.occupation_years.itemsize
        return self.n * per_row + entries * row_bytes + occupations * (row_bytes + years_bytes)

    # --- Ranking ---------------------------------------------------------------------------------------

    def kill(self, row: int) -> None:
        """Mark a row dead (its profile was replaced or removed)."""
        if self.alive is None:
            self.alive = np.ones(self.n, dtype=np.bool_)
        self.alive[row] = False
        self._static.clear()

    def static_mask(self, corridor_ids: tuple[int, ...]) -> tuple[Bools, int, int, int]:
        """Alive, opted in and eligible for the corridor: the part of the checks that does not depend on
        the vacancy's date and pay, kept for the last few corridors asked about. Returns the mask, the
        rows considered, and how many failed the opt-in and the eligibility check."""
        found = self._static.get(corridor_ids)
        if found is None:
            mask = self.opted_in.copy() if self.alive is None else self.opted_in & self.alive
            considered = self.n if self.alive is None else int(np.count_nonzero(self.alive))
            opted = int(np.count_nonzero(mask))
            allowed = [self.corridors[cid] for cid in corridor_ids if cid in self.corridors]
            if not allowed:
                mask[:] = False
            for column in allowed[1:]:
                allowed[0] = allowed[0] | column
            if allowed:
                mask &= allowed[0]
            found = (mask, considered, considered - opted, opted - int(np.count_nonzero(mask)))
            if len(self._static) >= STATIC_MASKS:
                self._static.pop(next(iter(self._static)))
            self._static[corridor_ids] = found
        return found
