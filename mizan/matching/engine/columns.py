"""Profiles -> columns: the intermediate form a segment is built from (and that compaction re-creates).

Per profile, the fixed-size facts go into one entry of each dense array; the variable-size ones (skills,
occupations, corridors, wanted countries and kinds of work, languages) into coordinate lists
(row, id[, value]). Nothing else of the profile is kept.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .records import (
    Catalogue,
    ProfileRecord,
    clamp_level,
    clean_occupation,
    clean_skills,
    day_number,
    worker_minimum,
)
from .vocab import Vocabularies

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]


@dataclass
class Pairs:
    """A coordinate list: ``rows[i]`` holds ``ids[i]`` (with ``values[i]`` when the pairs carry values).
    32-bit, so that a million profiles' skills stay small while an index is built."""

    rows: I32
    ids: I32
    values: I32 | None = None

    def remap(self, new_row: I64) -> Pairs:
        """Rows renumbered by ``new_row``; pairs of rows mapped to -1 are dropped."""
        rows = new_row[self.rows]
        keep = rows >= 0
        values = self.values[keep] if self.values is not None else None
        return Pairs(rows[keep].astype(np.int32), self.ids[keep], values)

    @staticmethod
    def join(parts: list[Pairs], offsets: list[int]) -> Pairs:
        values = [p.values for p in parts]
        return Pairs(
            np.concatenate([(p.rows + o).astype(np.int32) for p, o in zip(parts, offsets, strict=True)]),
            np.concatenate([p.ids for p in parts]).astype(np.int32),
            None if any(v is None for v in values) else np.concatenate(values).astype(np.int32),  # type: ignore[arg-type]
        )


DENSE = (
    "keys",
    "opted_in",
    "any_destination",
    "any_sector",
    "available",
    "min_pay",
    "certificates",
    "skill_count",
)
SPARSE = ("skills", "occupations", "corridors", "destinations", "sectors", "languages")


@dataclass
class Columns:
    keys: I64
    opted_in: npt.NDArray[np.bool_]
    any_destination: npt.NDArray[np.bool_]
    any_sector: npt.NDArray[np.bool_]
    available: I32  # day number (date.toordinal); 0 = now
    min_pay: I32  # common unit; 0 = no minimum
    certificates: npt.NDArray[np.uint8]
    skill_count: npt.NDArray[np.uint16]
    skills: Pairs
    occupations: Pairs  # values: years in tenths
    corridors: Pairs
    destinations: Pairs
    sectors: Pairs
    languages: Pairs  # values: level 0..3

    def __len__(self) -> int:
        return len(self.keys)

    def select(self, rows: I64) -> Columns:
        """The given rows, in the given order (each at most once)."""
        new_row = np.full(len(self.keys), -1, dtype=np.int64)
        new_row[rows] = np.arange(len(rows))
        dense = {name: getattr(self, name)[rows] for name in DENSE}
        sparse = {name: getattr(self, name).remap(new_row) for name in SPARSE}
        return _columns(dense, sparse)

    @staticmethod
    def join(parts: list[Columns]) -> Columns:
        offsets = [int(x) for x in np.cumsum([0] + [len(p) for p in parts[:-1]])]
        dense = {name: np.concatenate([getattr(p, name) for p in parts]) for name in DENSE}
        sparse = {name: Pairs.join([getattr(p, name) for p in parts], offsets) for name in SPARSE}
        return _columns(dense, sparse)

    def sorted_unique(self) -> Columns:
        """Rows in ascending key order; of rows with the same key, the last one added wins."""
        keys = self.keys
        if len(keys) < 2 or bool(np.all(keys[1:] > keys[:-1])):
            return self
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        last = np.ones(len(keys), dtype=np.bool_)
        last[:-1] = ordered[1:] != ordered[:-1]
        return self.select(order[last])


def _array(values: array[int] | None, dtype: type) -> npt.NDArray[Any]:
    return np.frombuffer(values, dtype=dtype).copy() if values else np.empty(0, dtype=dtype)


def _columns(dense: dict[str, Any], sparse: dict[str, Any]) -> Columns:
    return Columns(**dense, **sparse)


class _PairsBuilder:
    def __init__(self, with_values: bool) -> None:
        self.rows = array("i")
        self.ids = array("i")
        self.values = array("i") if with_values else None

    def add(self, row: int, ids: list[int], values: list[int] | None = None) -> None:
        self.rows.extend([row] * len(ids))
        self.ids.extend(ids)
        if self.values is not None and values is not None:
            self.values.extend(values)

    def finish(self) -> Pairs:
        """The pairs; the buffers are emptied as they are copied, to keep the peak memory low."""
        rows, self.rows = _array(self.rows, np.int32), array("i")
        ids, self.ids = _array(self.ids, np.int32), array("i")
        values = None
        if self.values is not None:
            values, self.values = _array(self.values, np.int32), array("i")
        return Pairs(rows, ids, values)


class ColumnsBuilder:
    """Collects profiles one at a time (streaming from a database is fine) into ``Columns``."""

    def __init__(self, vocabularies: Vocabularies, catalogue: Catalogue | None = None) -> None:
        self.vocabularies = vocabularies
        self.catalogue = catalogue
        self._dense: dict[str, array[int]] = {
            "keys": array("q"),
            "opted_in": array("B"),
            "any_destination": array("B"),
            "any_sector": array("B"),
            "available": array("i"),
            "min_pay": array("i"),
            "certificates": array("B"),
            "skill_count": array("H"),
        }
        self._sparse = {name: _PairsBuilder(name in ("occupations", "languages")) for name in SPARSE}
        # Profiles share a few sets (of countries, kinds of work, corridors): number each set once.
        self._sets: dict[tuple[str, frozenset[str]], list[int]] = {}

    def __len__(self) -> int:
        return len(self._dense["keys"])

    def add(self, profile: ProfileRecord) -> None:
        v = self.vocabularies
        row = len(self)
        skills, _dropped = clean_skills(profile.skill_ids, None)
        d = self._dense
        d["keys"].append(int(profile.worker_key))
        d["opted_in"].append(bool(profile.opted_in))
        d["any_destination"].append(not profile.destinations)
        d["any_sector"].append(not profile.sectors)
        d["available"].append(day_number(profile.available_from, 0))
        d["min_pay"].append(worker_minimum(profile.min_monthly_pay))
        d["certificates"].append(min(max(int(profile.verified_certificates), 0), 255))
        d["skill_count"].append(min(len(skills), 65535))
        s = self._sparse
        s["skills"].add(row, skills)
        occupations: dict[int, int] = {}
        for claim in profile.occupations:
            clean, _note = clean_occupation(claim.esco_code, claim.isco_unit, claim.years, self.catalogue)
            if clean is not None:
                oid = v.occupations.add_occupation(clean.key, clean.unit)
                occupations[oid] = max(occupations.get(oid, 0), clean.years_tenths)
        s["occupations"].add(row, list(occupations), list(occupations.values()))
        s["corridors"].add(row, self._ids("corridors", profile.eligible_for))
        s["destinations"].add(row, self._ids("destinations", profile.destinations))
        s["sectors"].add(row, self._ids("sectors", profile.sectors))
        levels = {v.languages.add(code): clamp_level(level) for code, level in profile.languages.items()}
        s["languages"].add(row, list(levels), list(levels.values()))

    def _ids(self, vocabulary: str, names: frozenset[str]) -> list[int]:
        found = self._sets.get((vocabulary, names))
        if found is None:
            if len(self._sets) > 100_000:
                self._sets.clear()
            words = getattr(self.vocabularies, vocabulary)
            found = self._sets[(vocabulary, names)] = sorted({words.add(name) for name in names})
        return found

    def extend(self, profiles: Iterable[ProfileRecord]) -> None:
        for profile in profiles:
            self.add(profile)

    def finish(self) -> Columns:
        d = self._dense

        def dense(name: str, dtype: type) -> npt.NDArray[Any]:
            return _array(d[name], dtype)

        return Columns(
            keys=dense("keys", np.int64),
            opted_in=dense("opted_in", np.uint8).astype(np.bool_),
            any_destination=dense("any_destination", np.uint8).astype(np.bool_),
            any_sector=dense("any_sector", np.uint8).astype(np.bool_),
            available=dense("available", np.int32),
            min_pay=dense("min_pay", np.int32),
            certificates=dense("certificates", np.uint8),
            skill_count=dense("skill_count", np.uint16),
            **{name: builder.finish() for name, builder in self._sparse.items()},
        )
