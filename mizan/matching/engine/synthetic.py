"""Synthetic workers and vacancies for the benchmark, the quality evaluation and tests.

Drawn from the real ESCO occupation-skill relations when the ESCO v1.1.1 exports are found
(``taxonomy/esco-v1.1.1/*.zip``), else from a made-up taxonomy of the same shape. Occupations are drawn
with the weight of the ISCO major groups migrant workers mostly work in (elementary occupations, services,
crafts, machine operators), and within a group with a Zipf law, so a few occupations hold many workers.
A worker keeps each essential skill of their occupation with probability ``1 - drop``, some optional
ones, and ``noise`` extra skills from other occupations.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .records import OccupationClaim, ProfileRecord, VacancyQuery, corridor_key

DESTINATIONS = ("QA", "SA", "AE", "KW", "OM", "BH", "MY", "SG", "HK", "JO", "LB", "KR")
SECTORS = ("domestic_work", "construction", "manufacturing", "agriculture", "hospitality", "care", "services")
HOME_LANGUAGES = ("ne", "bn", "hi", "tl", "id", "my", "si", "ur", "ta", "ml")
MAJOR_GROUP_SHARE = {
    "9": 0.28,
    "5": 0.22,
    "7": 0.20,
    "8": 0.14,
    "6": 0.05,
    "3": 0.05,
    "4": 0.03,
    "2": 0.02,
    "1": 0.01,
}
BASE_DAY = dt.date(2026, 12, 1)


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str  # ESCO code
    isco_unit: str
    label: str
    essential: tuple[int, ...]  # skill ids
    optional: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    occupations: tuple[Occupation, ...]
    skill_count: int
    source: str  # "ESCO v1.1.1 (path)" or "synthetic"


def find_esco(roots: Sequence[Path]) -> Path | None:
    for root in roots:
        if (root / "classification-en-csv.zip").is_file() and (root / "relations-csv.zip").is_file():
            return root
    return None


def _csv(archive: Path, member: str) -> Iterator[dict[str, str]]:
    with zipfile.ZipFile(archive) as zipped, zipped.open(member) as raw:
        yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))


def load_esco(folder: Path) -> Taxonomy:
    """ESCO occupations with their essential and optional skills; skills numbered by first appearance.
    Relations to occupations missing from the occupation list (67 deprecated rows) are dropped."""
    occupations: dict[str, tuple[str, str, str]] = {}
    for row in _csv(folder / "classification-en-csv.zip", "occupations_en.csv"):
        occupations[row["conceptUri"]] = (row["code"], row["iscoGroup"], row["preferredLabel"])
    skill_ids: dict[str, int] = {}
    relations: dict[str, tuple[list[int], list[int]]] = {}
    for row in _csv(folder / "relations-csv.zip", "occupationSkillRelations.csv"):
        if row["occupationUri"] not in occupations:
            continue
        skill = skill_ids.setdefault(row["skillUri"], len(skill_ids))
        essential, optional = relations.setdefault(row["occupationUri"], ([], []))
        (essential if row["relationType"] == "essential" else optional).append(skill)
    found = tuple(
        Occupation(code, unit, label, tuple(relations[uri][0]), tuple(relations[uri][1]))
        for uri, (code, unit, label) in sorted(occupations.items(), key=lambda item: item[1][0])
        if uri in relations
    )
    return Taxonomy(found, len(skill_ids), f"ESCO v1.1.1 ({folder})")


def synthetic_taxonomy(seed: int = 7, occupations: int = 3000, skills: int = 13_000) -> Taxonomy:
    """A made-up taxonomy of ESCO's shape: ~21 essential and ~20 optional skills per occupation, skills
    shared more within a minor group than across."""
    rng = np.random.default_rng(seed)
    found = []
    for number in range(occupations):
        major = rng.choice(list(MAJOR_GROUP_SHARE), p=_normalised(MAJOR_GROUP_SHARE.values()))
        unit = f"{major}{rng.integers(1, 4)}{rng.integers(1, 4)}{rng.integers(1, 5)}"
        local = (int(unit[:3]) * 37) % (skills - 200)  # a minor group's own skill neighbourhood
        essential = {int(local + rng.integers(0, 150)) for _ in range(21)}
        optional = {int(rng.integers(0, skills)) for _ in range(20)} - essential
        found.append(
            Occupation(f"{unit}.{number}", unit, f"occupation {number}", tuple(essential), tuple(optional))
        )
    return Taxonomy(tuple(found), skills, "synthetic")


def _normalised(values: object) -> np.ndarray:
    array = np.asarray(list(values), dtype=np.float64)  # type: ignore[call-overload]
    return array / array.sum()


def taxonomy(roots: Sequence[Path]) -> Taxonomy:
    folder = find_esco(roots)
    return load_esco(folder) if folder is not None else synthetic_taxonomy()


class Generator:
    """Workers and vacancies drawn from a taxonomy, reproducibly from a seed."""

    def __init__(self, tax: Taxonomy, seed: int = 1) -> None:
        self.taxonomy = tax
        self.rng = np.random.default_rng(seed)
        shares = np.zeros(len(tax.occupations))
        for major, share in MAJOR_GROUP_SHARE.items():
            members = [i for i, o in enumerate(tax.occupations) if o.isco_unit.startswith(major)]
            if members:
                ranks = np.arange(1, len(members) + 1, dtype=np.float64)
                zipf = 1.0 / ranks**0.9
                order = np.random.default_rng(seed + 1).permutation(len(members))
                shares[np.asarray(members)[order]] = share * zipf / zipf.sum()
        self.occupation_share = shares / shares.sum()

    def occupations(self, n: int) -> np.ndarray:
        return self.rng.choice(len(self.taxonomy.occupations), size=n, p=self.occupation_share)

    def worker_skills(
        self, occupation: Occupation, drop: float, optional_share: float, noise: float
    ) -> list[int]:
        """A worker's skills for one occupation: essential ones kept with probability 1 - drop, optional
        ones with ``optional_share``, plus about ``noise`` times as many random other skills."""
        rng = self.rng
        essential, optional = occupation.essential, occupation.optional
        draws = rng.random(len(essential) + len(optional)).tolist()
        kept = [s for s, u in zip(essential, draws, strict=False) if u >= drop]
        kept += [s for s, u in zip(optional, draws[len(essential) :], strict=True) if u < optional_share]
        extra = int(rng.binomial(max(len(kept), 1), noise)) if noise > 0 else 0
        if extra:
            kept += rng.integers(0, self.taxonomy.skill_count, size=extra).tolist()
        return kept

    def profiles(
        self, n: int, first_key: int = 1, drop: float = 0.3, noise: float = 0.1
    ) -> Iterator[ProfileRecord]:
        """n workers, keys first_key, first_key + 1, ... (drawn in blocks, the random facts vectorised)."""
        for start in range(0, n, 20_000):
            yield from self._block(min(20_000, n - start), first_key + start, drop, noise)

    def _block(self, n: int, first_key: int, drop: float, noise: float) -> Iterator[ProfileRecord]:
        rng, occupations = self.rng, self.taxonomy.occupations
        primary = self.occupations(n).tolist()
        second = self.occupations(n).tolist()
        has_second = (rng.random(n) < 0.25).tolist()
        years = np.round(rng.exponential(4.0, size=(n, 2)), 1).tolist()
        home = rng.integers(0, len(HOME_LANGUAGES), n).tolist()
        english = np.where(rng.random(n) < 0.5, rng.integers(0, 4, n), -1).tolist()
        arabic = np.where(rng.random(n) < 0.3, rng.integers(0, 3, n), -1).tolist()
        wants_countries = (rng.random(n) < 0.6).tolist()
        country_order = np.argsort(rng.random((n, len(DESTINATIONS))), axis=1)[:, :3].tolist()
        country_count = rng.integers(1, 4, n).tolist()
        wants_sectors = (rng.random(n) < 0.5).tolist()
        sector_order = np.argsort(rng.random((n, len(SECTORS))), axis=1)[:, :2].tolist()
        sector_count = rng.integers(1, 3, n).tolist()
        fully_eligible = (rng.random(n) < 0.9).tolist()
        certificates = rng.poisson(0.4, n).tolist()
        minimum = np.where(
            rng.random(n) < 0.6, rng.lognormal(np.log(45_000), 0.4, n).astype(np.int64), -1
        ).tolist()
        available = rng.integers(0, 240, n).tolist()
        opted_in = (rng.random(n) < 0.95).tolist()
        everywhere = frozenset(DESTINATIONS)
        for i in range(n):
            first = occupations[primary[i]]
            claims = [OccupationClaim(first.code, first.isco_unit, years[i][0])]
            skills = self.worker_skills(first, drop, 0.3, noise)
            if has_second[i]:
                other = occupations[second[i]]
                claims.append(OccupationClaim(other.code, other.isco_unit, years[i][1]))
                skills += self.worker_skills(other, 0.6, 0.1, 0.0)
            languages = {HOME_LANGUAGES[home[i]]: 3}
            if english[i] >= 0:
                languages["en"] = english[i]
            if arabic[i] >= 0:
                languages["ar"] = arabic[i]
            if fully_eligible[i]:
                eligible = everywhere
            else:  # eligible for one kind of work in a few countries
                sector = SECTORS[sector_order[i][0]]
                eligible = frozenset(corridor_key(DESTINATIONS[c], sector) for c in country_order[i])
            yield ProfileRecord(
                worker_key=first_key + i,
                occupations=tuple(claims),
                skill_ids=tuple(skills),
                verified_certificates=certificates[i],
                languages=languages,
                destinations=(
                    frozenset(DESTINATIONS[c] for c in country_order[i][: country_count[i]])
                    if wants_countries[i]
                    else frozenset()
                ),
                sectors=(
                    frozenset(SECTORS[c] for c in sector_order[i][: sector_count[i]])
                    if wants_sectors[i]
                    else frozenset()
                ),
                min_monthly_pay=minimum[i] if minimum[i] >= 0 else None,
                available_from=BASE_DAY + dt.timedelta(days=available[i]),
                opted_in=opted_in[i],
                eligible_for=eligible,
            )

    def vacancies(self, n: int, first_key: int = 1) -> list[VacancyQuery]:
        rng = self.rng
        found = []
        for i, index in enumerate(self.occupations(n).tolist()):
            occupation = self.taxonomy.occupations[index]
            languages = {"en": 1} if rng.random() < 0.4 else ({"ar": 0} if rng.random() < 0.3 else {})
            found.append(
                VacancyQuery(
                    vacancy_key=first_key + i,
                    esco_code=occupation.code,
                    isco_unit=occupation.isco_unit,
                    essential_skill_ids=occupation.essential,
                    optional_skill_ids=occupation.optional,
                    destination=str(rng.choice(DESTINATIONS)),
                    sector=str(rng.choice(SECTORS)),
                    monthly_pay=int(rng.lognormal(np.log(60_000), 0.3)),
                    start_date=BASE_DAY + dt.timedelta(days=int(rng.integers(60, 300))),
                    languages_needed=languages,
                    workers_needed=int(rng.integers(1, 20)),
                )
            )
        return found
