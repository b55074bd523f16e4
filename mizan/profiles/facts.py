"""What matching may know about a worker: plain values, no Django, no protected attributes.

``mizan.profiles.selectors.matching_records`` yields these; the pure matching engine may import this
module. There is deliberately no name, photo, sex, nationality, religion, age, date of birth, marital
status or contact here (tests/profiles/test_matching_records.py checks the field names), and nothing
from which one is read off directly: a certificate's issuer (which names a country) is left out too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID


@dataclass(frozen=True, slots=True)
class OccupationFacts:
    esco_code: str  # e.g. "7212.3"
    isco_code: str  # the ISCO-08 unit group, e.g. "7212"
    years_of_experience: Decimal  # 0 to 60, one decimal
    is_main: bool


@dataclass(frozen=True, slots=True)
class ProfileFacts:
    worker_id: UUID
    occupations: tuple[OccupationFacts, ...]  # the main one first
    skills: frozenset[str]  # ESCO skill URIs, from every kind of work
    verified_certificates: int  # confirmed by their issuer
    languages: Mapping[str, int]  # BCP 47 code -> 0 a few words, 1 can talk, 2 speaks well, 3 own language
    destinations: tuple[str, ...]  # ISO 3166-1 alpha-2, in the worker's order
    sectors: tuple[str, ...]  # sector codes as in a job offer (mizan.compliance.engine.terms.Sector)
    min_monthly_pay: Decimal | None  # the lowest monthly pay the worker would accept …
    currency: str | None  # … in this ISO 4217 currency (both None when not given)
    available_from: dt.date | None
    changed_at: dt.datetime  # Profile.changed_at: refresh incrementally from it
