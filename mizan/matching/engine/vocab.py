"""Small append-only vocabularies (string -> dense integer id), shared by the segments of one index."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


class Vocabulary:
    """Strings numbered in order of first sight; ids never change, so stored arrays stay valid."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self.names: list[str] = []

    def __len__(self) -> int:
        return len(self.names)

    def add(self, name: str) -> int:
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = len(self.names)
            self.names.append(name)
        return found

    def get(self, name: str) -> int | None:
        return self._ids.get(name)


class OccupationVocabulary(Vocabulary):
    """Occupation keys (ESCO code, or "isco:7212" when only the group is known) with their ISCO unit."""

    def __init__(self) -> None:
        super().__init__()
        self._units: list[int] = []
        self._unit_array: npt.NDArray[np.int32] | None = None

    def add_occupation(self, key: str, unit: int) -> int:
        before = len(self.names)
        found = self.add(key)
        if len(self.names) > before:
            self._units.append(unit)
            self._unit_array = None
        return found

    def units(self) -> npt.NDArray[np.int32]:
        if self._unit_array is None:
            self._unit_array = np.asarray(self._units, dtype=np.int32)
        return self._unit_array

    def levels(self, esco_key: str | None, unit: int | None) -> npt.NDArray[np.int64]:
        """Each known occupation's level against a vacancy's: 3 same ESCO occupation, 2 same ISCO unit
        group, 1 same minor group (the unit's first three digits), 0 otherwise."""
        units = self.units().astype(np.int64)
        levels = np.zeros(len(units), dtype=np.int64)
        if unit is None:
            return levels
        levels[units // 10 == unit // 10] = 1
        levels[units == unit] = 2
        if esco_key is not None and not esco_key.startswith("isco:"):
            found = self.get(esco_key)
            if found is not None:
                levels[found] = 3
        return levels


class Vocabularies:
    """Everything an index numbers: occupations, corridors, countries, kinds of work, languages."""

    def __init__(self) -> None:
        self.occupations = OccupationVocabulary()
        self.corridors = Vocabulary()
        self.destinations = Vocabulary()
        self.sectors = Vocabulary()
        self.languages = Vocabulary()
