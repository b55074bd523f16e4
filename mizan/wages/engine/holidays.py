"""Public holidays by destination and year, each list with its source.

The fact sheet (shared/reference/legal_facts.md, compiled Nov 2026) holds no public-holiday list and no
holiday pay rule for any destination, so this table is empty and the calculator says "could not check the
public holidays" rather than guessing. Days still count as public holidays when the contract lists them
(``ContractTerms.holidays``) or the worker marks them (an entry of kind ``public_holiday``).

To add a year: ``HOLIDAYS[("HK", 2027)] = Sourced(frozenset({...}), Source(rule_id=..., url=..., facts=...))``
with the official gazette as the source and a fact-sheet entry behind it.
"""

from __future__ import annotations

import datetime as dt

from mizan.wages.engine.sources import Sourced

HOLIDAYS: dict[tuple[str, int], Sourced[frozenset[dt.date]]] = {}


def public_holidays(destination: str, start: dt.date, end: dt.date) -> Sourced[frozenset[dt.date]] | None:
    """The sourced public holidays between ``start`` and ``end``; None when any year is not known."""
    found: set[dt.date] = set()
    source = None
    for year in range(start.year, end.year + 1):
        listed = HOLIDAYS.get((destination, year))
        if listed is None:
            return None
        source = listed.source
        found.update(day for day in listed.value if start <= day <= end)
    assert source is not None
    return Sourced(frozenset(found), source)
