"""Currency conversion from an explicit table of dated, sourced rates (rulepacks/rates.yaml).

A rate says: on ``date``, 1 ``base`` = ``rate`` ``quote``. A conversion uses the newest rate dated on or
before the evaluation day, directly, inverted, or through one common currency (e.g. NPR → INR → EUR);
a rate older than ``max_age_days`` (pegs excepted) is not used. No usable rate: no conversion, and the
caller reports "could not convert".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from mizan.compliance.engine.terms import CurrencyCode


class RateSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    base: CurrencyCode
    quote: CurrencyCode
    rate: Annotated[Decimal, Field(gt=0, allow_inf_nan=False)]
    date: dt.date
    source: Annotated[str, Field(min_length=3)]
    url: Annotated[str, Field(pattern=r"^https?://")] | None = None
    pegged: bool = False  # an official fixed rate: valid from its date until replaced, whatever its age


class RatesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_age_days: Annotated[int, Field(ge=1)] = 730
    rates: list[RateSpec]


@dataclass(frozen=True, slots=True)
class Conversion:
    amount: Decimal
    rate: Decimal  # units of the target per unit of the source
    date: dt.date  # the oldest rate used
    source: str


class RateTable:
    def __init__(self, rates: Iterable[RateSpec] = (), max_age_days: int = 730) -> None:
        self.max_age_days = max_age_days
        self._pairs: dict[tuple[str, str], list[RateSpec]] = {}
        for spec in rates:
            self._pairs.setdefault((spec.base, spec.quote), []).append(spec)
        for specs in self._pairs.values():
            specs.sort(key=lambda spec: spec.date)
        self._cache: dict[tuple[str, str, dt.date], tuple[Decimal, dt.date, str] | None] = {}
        self._edge_cache: dict[dt.date, dict[str, dict[str, tuple[Decimal, dt.date, str]]]] = {}

    @classmethod
    def from_file(cls, spec: RatesFile) -> RateTable:
        return cls(spec.rates, spec.max_age_days)

    def currencies(self) -> set[str]:
        return {code for pair in self._pairs for code in pair}

    def _direct(self, source: str, target: str, on: dt.date) -> tuple[Decimal, dt.date, str] | None:
        best: tuple[Decimal, dt.date, str] | None = None
        for base, quote, invert in ((source, target, False), (target, source, True)):
            for spec in reversed(self._pairs.get((base, quote), ())):
                if spec.date > on:
                    continue
                if not spec.pegged and (on - spec.date).days > self.max_age_days:
                    break
                if best is None or spec.date > best[1]:
                    with localcontext() as ctx:
                        ctx.prec = 28
                        value = (Decimal(1) / spec.rate) if invert else spec.rate
                    best = (value, spec.date, spec.source)
                break
        return best

    def _edges(self, on: dt.date) -> dict[str, dict[str, tuple[Decimal, dt.date, str]]]:
        edges = self._edge_cache.get(on)
        if edges is None:
            edges = {}
            for base, quote in self._pairs:
                for source, target in ((base, quote), (quote, base)):
                    found = self._direct(source, target, on)
                    if found is not None:
                        edges.setdefault(source, {})[target] = found
            self._edge_cache[on] = edges
        return edges

    def rate(self, source: str, target: str, on: dt.date) -> tuple[Decimal, dt.date, str] | None:
        """Units of ``target`` per unit of ``source`` on ``on``, the oldest rate's date, and the sources.
        Takes the path with fewest conversions (ties: alphabetical), so the answer is deterministic."""
        if source == target:
            return (Decimal(1), on, "same currency")
        key = (source, target, on)
        if key in self._cache:
            return self._cache[key]
        edges = self._edges(on)
        found: tuple[Decimal, dt.date, str] | None = None
        frontier: list[tuple[str, Decimal, dt.date, tuple[str, ...]]] = [(source, Decimal(1), on, ())]
        seen = {source}
        with localcontext() as ctx:
            ctx.prec = 28
            while frontier and found is None:
                following = []
                for node, value, oldest, sources in frontier:
                    for neighbour in sorted(edges.get(node, {})):
                        if neighbour in seen:
                            continue
                        rate, date, text = edges[node][neighbour]
                        step = (neighbour, value * rate, min(oldest, date), (*sources, text))
                        if neighbour == target:
                            found = (step[1], step[2], "; ".join(dict.fromkeys(step[3])))
                            break
                        following.append(step)
                    if found is not None:
                        break
                seen.update(step[0] for step in following)
                frontier = following
        self._cache[key] = found
        return found

    def convert(self, amount: Decimal, source: str, target: str, on: dt.date) -> Conversion | None:
        found = self.rate(source, target, on)
        if found is None:
            return None
        rate, date, text = found
        with localcontext() as ctx:
            ctx.prec = 28
            return Conversion(amount=amount * rate, rate=rate, date=date, source=text)
