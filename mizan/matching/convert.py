"""Database facts -> the engine's plain records: integer keys, skill numbers, pay in US cents a month.

Nothing here reads the database except ``cents`` (through the compliance app's dated exchange rates) and
``SkillVocabulary.labels``. What the engine must never see is not even available: ``ProfileFacts`` holds
no protected attribute (mizan.profiles.facts).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from uuid import UUID

from mizan.compliance.engine.rates import RateTable
from mizan.compliance.packs import site_packs
from mizan.matching.engine.records import OccupationClaim, ProfileRecord, VacancyQuery, corridor_key
from mizan.matching.engine.weights import WEIGHTS_VERSION
from mizan.profiles.facts import ProfileFacts
from mizan.vacancies.selectors import VacancyFacts

COMMON_CURRENCY = "USD"  # the engine's common unit is US cents a month
INT32_MAX = 2**31 - 1
# A job's level of a language -> the lowest level of the profile's scale (0 a few words, 1 can talk,
# 2 speaks well, 3 own language) that meets it. "Very well" asks for 2, never 3: asking for a mother
# tongue would sort workers by where they were born.
LANGUAGE_LEVELS = {"basic": 1, "good": 2, "fluent": 2}


def _engine_version() -> str:
    """A fingerprint of the engine's source: a ranking log names the exact code that ranked."""
    digest = hashlib.sha256()
    folder = Path(__file__).resolve().parent / "engine"
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"engine-{digest.hexdigest()[:12]}"


ENGINE_VERSION = _engine_version()
__all__ = ["ENGINE_VERSION", "WEIGHTS_VERSION"]


def worker_key(worker_id: UUID) -> int:
    """The engine's integer key of a worker: 63 bits of the (random) user id, the same in every process,
    so ties are broken the same way on every server. Derived from no personal fact."""
    return worker_id.int >> 65


class SkillVocabulary:
    """ESCO skill URIs numbered densely in order of first sight (append-only: numbers never change while
    the process lives, so an index built with them stays valid). Shared by the worker and vacancy sides."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._uris: list[str] = []
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._uris)

    def ids(self, uris: Iterable[str]) -> tuple[int, ...]:
        with self._lock:
            found = []
            for uri in uris:
                number = self._ids.get(uri)
                if number is None:
                    number = self._ids[uri] = len(self._uris)
                    self._uris.append(uri)
                found.append(number)
            return tuple(found)

    def uri(self, number: int) -> str | None:
        return self._uris[number] if 0 <= number < len(self._uris) else None


class PayConverter:
    """Monthly amounts in US cents with Mizan's rates of one day; one rate lookup per currency."""

    def __init__(self, on: dt.date) -> None:
        self.on = on
        self._rates: dict[str, Decimal | None] = {COMMON_CURRENCY: Decimal(1)}
        self._table: RateTable | None = None

    def _rate(self, currency: str) -> Decimal | None:
        if currency not in self._rates:
            if self._table is None:
                self._table = site_packs().rates
            found = self._table.rate(currency, COMMON_CURRENCY, self.on)
            self._rates[currency] = found[0] if found is not None else None
        return self._rates[currency]

    def cents(self, amount: Decimal | None, currency: str | None) -> int | None:
        """None when there is no amount or no rate (an unknown currency): the pay check then says "could
        not check", never fails."""
        if amount is None or not currency:
            return None
        try:
            rate = self._rate(currency)
            if rate is None:
                return None
            return max(0, min(int((Decimal(amount) * rate * 100).to_integral_value()), INT32_MAX))
        except (InvalidOperation, ValueError, TypeError, ArithmeticError):
            return None


def cents(amount: Decimal | None, currency: str | None, on: dt.date) -> int | None:
    """A monthly amount in US cents with the rates of ``on`` (see ``PayConverter``)."""
    return PayConverter(on).cents(amount, currency)


@dataclass(frozen=True)
class Converted:
    record: ProfileRecord
    pay_checked: bool  # False: the worker's minimum pay is in a currency without a rate


def profile_record(
    facts: ProfileFacts, vocabulary: SkillVocabulary, corridors: frozenset[str], pay: PayConverter
) -> Converted:
    """A worker's facts as the engine's record. Everyone matching may use has opted in (that is what
    ``matching_records`` yields); ``corridors`` are the corridor keys whose legal yes/no checks the worker
    is taken to meet (see ``adapter.corridors_for``)."""
    minimum = pay.cents(facts.min_monthly_pay, facts.currency)
    pay_checked = facts.min_monthly_pay is None or minimum is not None
    record = ProfileRecord(
        worker_key=worker_key(facts.worker_id),
        occupations=tuple(
            OccupationClaim(o.esco_code or None, o.isco_code, float(o.years_of_experience))
            for o in facts.occupations
        ),
        skill_ids=vocabulary.ids(sorted(facts.skills)),
        verified_certificates=facts.verified_certificates,
        languages=dict(facts.languages),
        destinations=frozenset(facts.destinations),
        sectors=frozenset(facts.sectors),
        min_monthly_pay=minimum,
        available_from=facts.available_from,
        opted_in=True,
        eligible_for=corridors,
    )
    return Converted(record, pay_checked)


@dataclass(frozen=True)
class VacancySkills:
    essential: tuple[str, ...]  # ESCO skill URIs
    optional: tuple[str, ...]


@dataclass(frozen=True)
class ConvertedVacancy:
    query: VacancyQuery
    pay_checked: bool  # False: the job's pay is in a currency without a rate; the pay check is skipped


def vacancy_query(
    facts: VacancyFacts, skills: VacancySkills, vocabulary: SkillVocabulary
) -> ConvertedVacancy:
    """A published vacancy as the engine's query (its key is the vacancy id as text).

    Pay: ``facts.pay_per_month_converted`` must be in US dollars. With no rate for the job's currency the
    pay cannot be compared, so it is set above every minimum (nobody is left out for it) and the page says
    "could not check" instead of "the pay is not below the worker's minimum"."""
    usd = facts.pay_per_month_converted
    pay = cents(usd, COMMON_CURRENCY, facts.start_date) if usd is not None else None
    languages: dict[str, int] = {}
    for code, level in facts.languages_needed:
        if code:
            languages[code] = max(languages.get(code, 0), LANGUAGE_LEVELS.get(level, 1))
    query = VacancyQuery(
        vacancy_key=str(facts.id),
        esco_code=facts.occupation_code or None,
        isco_unit=facts.isco_code or None,
        essential_skill_ids=vocabulary.ids(skills.essential),
        optional_skill_ids=vocabulary.ids(skills.optional),
        destination=facts.destination,
        sector=facts.sector,
        monthly_pay=pay if pay is not None else INT32_MAX,
        start_date=facts.start_date,
        languages_needed=languages,
        workers_needed=facts.number_of_workers,
    )
    return ConvertedVacancy(query, pay is not None)


def corridor_keys(destinations: Iterable[str]) -> frozenset[str]:
    return frozenset(corridor_key(code) for code in destinations if code)
