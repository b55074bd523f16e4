"""What the matching engine is given: a worker's profile and a vacancy, as plain values.

There is deliberately no field for a name, photo, sex or gender, nationality, religion, age or date of
birth, marital status, ethnicity or contact details (``PROTECTED_ATTRIBUTES``; tests check the field
names). What a corridor's law makes a yes/no condition (a legal minimum age, a deployment ban for a kind
of work) is decided *outside* the engine and arrives only as ``eligible_for``: the engine cannot score
what it is never told.

Units are fixed by the adapter before indexing: pay in one common currency unit (US cents a month),
dates as ``datetime.date``, skills as small non-negative integers (the adapter numbers ESCO skill URIs),
occupations as ESCO codes ("7212.3") with their ISCO-08 unit group ("7212").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

# Never fields of ProfileRecord (checked by tests/matching/test_engine_fairness.py).
PROTECTED_ATTRIBUTES: tuple[str, ...] = (
    "name",
    "photo",
    "sex",
    "gender",
    "nationality",
    "citizenship",
    "religion",
    "caste",
    "ethnicity",
    "race",
    "age",
    "birth",
    "marital",
    "pregnan",
    "disab",
    "phone",
    "email",
    "address",
)

ESCO_CODE = re.compile(r"^\d{4}(\.\d+)+$")
ISCO_UNIT = re.compile(r"^\d{4}$")
MAX_LANGUAGE_LEVEL = 3  # 0 a few words, 1 can talk, 2 speaks well, 3 own language
MAX_QUERY_SKILLS = 1000  # per list; the score packs the counts into 10 bits each
# Pay is kept in 32 bits: a worker's minimum is capped at PAY_LIMIT (over 21 million dollars a month:
# "never") and a vacancy's pay at PAY_LIMIT - 1, so a capped minimum is never met.
PAY_LIMIT = 2**31 - 1


def worker_minimum(pay: int | None) -> int:
    return min(max(int(pay), 0), PAY_LIMIT) if pay is not None else 0


def vacancy_pay(pay: int | None) -> int:
    return min(max(int(pay), 0), PAY_LIMIT - 1) if pay is not None else 0


def corridor_key(destination: str, sector: str | None = None) -> str:
    """The key of ``ProfileRecord.eligible_for``: "QA" (every kind of work) or "QA/domestic_work"."""
    return f"{destination}/{sector}" if sector else destination


@dataclass(frozen=True, slots=True)
class OccupationClaim:
    """One kind of work the worker did: an ESCO occupation (or only its ISCO unit group) and years in it."""

    esco_code: str | None  # "7212.3"; None when only the ISCO unit group is known
    isco_unit: str  # ISCO-08 unit group, 4 digits: "7212"
    years: float = 0.0  # kept to a tenth of a year


@dataclass(frozen=True, slots=True)
class ProfileRecord:
    """A worker as matching sees it. Build one per profile; ``worker_key`` is the adapter's integer id."""

    worker_key: int
    occupations: tuple[OccupationClaim, ...] = ()
    skill_ids: tuple[int, ...] = ()
    verified_certificates: int = 0  # certificates confirmed by their issuer
    languages: Mapping[str, int] = field(default_factory=dict)  # BCP 47 code -> level 0..3
    destinations: frozenset[str] = frozenset()  # countries the worker wants; empty = any
    sectors: frozenset[str] = frozenset()  # kinds of work the worker wants; empty = any
    min_monthly_pay: int | None = None  # the worker's own minimum, in the common unit; None = none
    available_from: dt.date | None = None  # None = now
    opted_in: bool = False  # agreed to automated matching (both directions)
    # Corridors whose legal yes/no checks the worker meets: corridor_key("QA") for every kind of work
    # in Qatar, corridor_key("QA", "domestic_work") for one kind only. Computed outside the engine.
    eligible_for: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class VacancyQuery:
    """A vacancy as matching sees it (also the element of a ``VacancyIndex``)."""

    vacancy_key: int | str
    esco_code: str | None
    isco_unit: str | None
    essential_skill_ids: tuple[int, ...] = ()
    optional_skill_ids: tuple[int, ...] = ()
    destination: str = ""  # ISO 3166-1 alpha-2
    sector: str = ""  # as in a job offer; "" = not given
    monthly_pay: int | None = None  # common unit; None = not given (only workers with no minimum pass)
    start_date: dt.date | None = None  # None = availability is not checked
    languages_needed: Mapping[str, int] = field(default_factory=dict)  # code -> minimum level 0..3
    workers_needed: int = 1


@dataclass(frozen=True, slots=True)
class Note:
    """Something about the input the reader should know: a message key and its parameters."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The known ESCO occupations (code -> ISCO unit group). Optional: without it, any well-formed code
    is accepted; with it, unknown codes are reported and matched by their ISCO unit group only."""

    occupations: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class CleanOccupation:
    """An occupation after checking: ``key`` is the ESCO code, or "isco:7212" when only the group is known."""

    key: str
    unit: int
    years_tenths: int


def clean_occupation(
    esco_code: str | None, isco_unit: str | None, years: float, catalogue: Catalogue | None
) -> tuple[CleanOccupation | None, Note | None]:
    """Check one occupation. Unknown ESCO code with a good unit group -> matched by the group; nothing
    usable -> None. Returns the occupation and a note about what was wrong, if anything."""
    code = (esco_code or "").strip()
    unit = (isco_unit or "").strip()
    note: Note | None = None
    if code and not ESCO_CODE.match(code):
        note = Note("matching.note.invalid_occupation", {"code": code})
        code = ""
    if code and catalogue is not None and code not in catalogue.occupations:
        note = Note("matching.note.unknown_occupation", {"code": code, "group": unit or code[:4]})
        unit = unit or code[:4]
        code = ""
    if code and catalogue is not None:
        unit = catalogue.occupations[code]
    if code and not unit:
        unit = code[:4]
    if code and not code.startswith(unit):
        note = Note("matching.note.inconsistent_occupation", {"code": code, "group": unit})
        unit = code[:4]
    if not ISCO_UNIT.match(unit):
        return None, note or Note("matching.note.invalid_occupation", {"code": code or unit or "-"})
    tenths = round(max(0.0, min(float(years), 999.0)) * 10) if years == years else 0  # NaN -> 0
    return CleanOccupation(code or f"isco:{unit}", int(unit), tenths), note


def clean_skills(
    skill_ids: tuple[int, ...] | frozenset[int], skill_limit: int | None
) -> tuple[list[int], int]:
    """Distinct valid skill ids in ascending order, and how many were left out (negative, too large)."""
    limit = skill_limit or 2**31 - 1
    unique = set(skill_ids)
    try:
        good = sorted(unique)
        if good and (good[0] < 0 or good[-1] >= limit or not all(type(s) is int for s in good)):
            raise TypeError
    except TypeError:  # something that is not a small non-negative integer: keep only those that are
        good = sorted(s for s in unique if isinstance(s, int) and not isinstance(s, bool) and 0 <= s < limit)
    return good, len(unique) - len(good)


def clamp_level(level: int) -> int:
    return max(0, min(MAX_LANGUAGE_LEVEL, int(level)))


def day_number(day: dt.date | None, default: int) -> int:
    return day.toordinal() if day is not None else default


def check_profile(profile: ProfileRecord, catalogue: Catalogue | None = None) -> tuple[Note, ...]:
    """What the engine will ignore or cannot use in a profile, as notes (never an exception)."""
    notes: list[Note] = []
    for claim in profile.occupations:
        _occupation, note = clean_occupation(claim.esco_code, claim.isco_unit, claim.years, catalogue)
        if note is not None:
            notes.append(note)
    _skills, dropped = clean_skills(profile.skill_ids, None)
    if not profile.skill_ids:
        notes.append(Note("matching.note.profile_no_skills"))
    elif dropped:
        notes.append(Note("matching.note.invalid_skills", {"count": str(dropped)}))
    if not profile.occupations:
        notes.append(Note("matching.note.profile_no_occupation"))
    if not profile.opted_in:
        notes.append(Note("matching.note.profile_not_opted_in"))
    return tuple(notes)
