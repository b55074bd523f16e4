"""What the engine says: findings, the report, and how they become plain data (JSON-ready dicts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    VIOLATION = "violation"
    WARNING = "warning"
    INFO = "info"


SEVERITY_RANK = {Severity.VIOLATION: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class Citation:
    title: str
    url: str
    article: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url, "article": self.article}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the engine says. ``params`` hold strings only (money as "HKD 4800.00", codes as codes)."""

    severity: Severity
    rule_id: str
    message_key: str
    params: dict[str, str]
    citation: Citation | None
    pack_id: str
    pack_version: str
    confidence: Confidence
    conflict: str | None = None
    facts: tuple[str, ...] = ()

    def sort_key(self) -> tuple[int, str, str, tuple[str, ...]]:
        # Kinds build params in a fixed order, so their values are a stable last tie-break.
        return (SEVERITY_RANK[self.severity], self.rule_id, self.message_key, tuple(self.params.values()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "rule_id": self.rule_id,
            "message_key": self.message_key,
            "params": dict(sorted(self.params.items())),
            "citation": self.citation.to_dict() if self.citation else None,
            "pack": {"id": self.pack_id, "version": self.pack_version},
            "confidence": self.confidence.value,
            "conflict": self.conflict,
            "facts": list(self.facts),
        }


@dataclass(frozen=True, slots=True)
class Summary:
    violations: int
    warnings: int
    infos: int

    def to_dict(self) -> dict[str, int]:
        return {"violations": self.violations, "warnings": self.warnings, "infos": self.infos}


@dataclass(frozen=True, slots=True)
class PackUse:
    """A pack version the evaluation used, with the dates that make it apply (or not) on a given day."""

    id: str
    version: str
    jurisdiction: str
    title: str
    effective_from: dt.date
    effective_to: dt.date | None  # last day in force (explicit, or the day before its successor starts)
    review_by: dt.date | None
    out_of_date: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "jurisdiction": self.jurisdiction,
            "title": self.title,
            "effective_from": self.effective_from.isoformat(),
            "effective_to": self.effective_to.isoformat() if self.effective_to else None,
            "review_by": self.review_by.isoformat() if self.review_by else None,
            "out_of_date": self.out_of_date,
        }


@dataclass(frozen=True, slots=True)
class Corridor:
    origin: str | None
    destination: str | None
    sector: str | None
    worker_category: str | None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "origin": self.origin,
            "destination": self.destination,
            "sector": self.sector,
            "worker_category": self.worker_category,
        }


@dataclass(frozen=True, slots=True)
class Report:
    on: dt.date
    corridor: Corridor
    findings: tuple[Finding, ...]  # problems and things that could not be checked, worst first
    passed: tuple[Finding, ...]  # rules the offer meets (severity info, message keys ending ".ok")
    summary: Summary
    packs: tuple[PackUse, ...]
    out_of_date: bool
    missing: tuple[str, ...] = field(default=())  # offer fields that would have allowed more checks

    @property
    def has_violations(self) -> bool:
        return self.summary.violations > 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "corridor": self.corridor.to_dict(),
            "summary": self.summary.to_dict(),
            "out_of_date": self.out_of_date,
            "packs": [pack.to_dict() for pack in self.packs],
            "findings": [finding.to_dict() for finding in self.findings],
            "passed": [finding.to_dict() for finding in self.passed],
            "missing": list(self.missing),
        }
