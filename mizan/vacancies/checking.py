"""Running the compliance engine on a vacancy: one check per corridor (each origin → the destination), the
findings combined, and whether the poster and the employer may recruit. Reads only; services store it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

from mizan.accounts.models import Organisation
from mizan.compliance.checking import Outcome, check_offer
from mizan.compliance.engine import Citation, Confidence, Finding, PackSet, PackUse, Severity
from mizan.compliance.engine.findings import Corridor
from mizan.compliance.packs import site_packs
from mizan.registry.selectors import RecruitingStatus, may_recruit
from mizan.vacancies.models import CostItem, Terms, Vacancy
from mizan.vacancies.terms import CostLine, RecruiterFacts, VacancyTerms, offer_terms

NO_RULES = "compliance.scope.no_rules"


def vacancy_terms_of(
    terms: Terms, costs: Iterable[CostItem], recruiter: RecruiterFacts | None
) -> VacancyTerms:
    """The stored rows as the plain snapshot ``offer_terms`` reads."""
    return VacancyTerms(
        pay_amount=terms.pay_amount,
        pay_currency=terms.pay_currency,
        pay_period=terms.pay_period,
        hours_per_day=terms.hours_per_day,
        hours_per_week=terms.hours_per_week,
        rest_days_per_week=terms.rest_days_per_week,
        annual_leave_days=terms.annual_leave_days,
        overtime_rate=terms.overtime_rate,
        housing_allowance=terms.housing_allowance,
        food_allowance=terms.food_allowance,
        transport_allowance=terms.transport_allowance,
        accommodation_provided=terms.accommodation_provided,
        food_provided=terms.food_provided,
        contract_months=terms.vacancy.contract_months,
        costs=tuple(
            CostLine(cost.category, cost.amount, cost.currency, cost.paid_by, cost.worker_amount)
            for cost in costs
        ),
        recruiter=recruiter,
    )


Statuses = dict[Any, RecruitingStatus]  # organisation id -> may it recruit (one day's answers)


def _status(organisation: Organisation, on: dt.date, statuses: Statuses | None) -> RecruitingStatus:
    if statuses is not None and organisation.id in statuses:
        return statuses[organisation.id]
    found = may_recruit(organisation, on=on)
    if statuses is not None:
        statuses[organisation.id] = found
    return found


def recruiter_facts(vacancy: Vacancy, on: dt.date, statuses: Statuses | None = None) -> RecruiterFacts:
    if vacancy.posted_by_id == vacancy.employer_id:
        return RecruiterFacts(direct_hire=True)
    licence = _status(vacancy.posted_by, on, statuses).licence
    return RecruiterFacts(
        direct_hire=False, licensed=licence is not None, licence_number=licence.number if licence else None
    )


def recruiting_reasons(
    posted_by: Organisation, employer: Organisation, on: dt.date, statuses: Statuses | None = None
) -> list[Promise]:
    """Why the poster (and, for an agency, the employer it posts for) may not recruit: empty when they may."""
    reasons = list(_status(posted_by, on, statuses).reasons)
    if employer.id != posted_by.id:
        reasons.extend(_status(employer, on, statuses).reasons)
    return reasons


def destination_has_rules(
    destination: str, sector: str | None, on: dt.date, packs: PackSet | None = None
) -> bool:
    """Whether any rules of the destination (its country pack, or its pack for the sector) are in force."""
    compiled = (packs or site_packs()).compile(Corridor(None, destination, sector, None), on)
    return not any(
        finding.message_key == NO_RULES and finding.params.get("country") == destination
        for finding in compiled.static
    )


@dataclass(frozen=True)
class Combined:
    """A finding of one or more corridors (the same rule and words for several origins is shown once)."""

    finding: Finding
    origins: tuple[str, ...]


@dataclass(frozen=True)
class CheckResult:
    on: dt.date
    destination: str
    corridors: tuple[tuple[str, Outcome], ...]  # (origin, outcome)
    packs: PackSet
    recruiting: list[Promise] = field(default_factory=list)

    def _combined(self, severity: Severity) -> list[Combined]:
        seen: dict[tuple[Any, ...], list[str]] = {}
        first: dict[tuple[Any, ...], Finding] = {}
        for origin, outcome in self.corridors:
            for finding in outcome.report.findings:
                if finding.severity is not severity:
                    continue
                key = (finding.rule_id, finding.message_key, tuple(sorted(finding.params.items())))
                first.setdefault(key, finding)
                seen.setdefault(key, []).append(origin)
        return [Combined(first[key], tuple(origins)) for key, origins in seen.items()]

    @property
    def violations(self) -> list[Combined]:
        return self._combined(Severity.VIOLATION)

    @property
    def warnings(self) -> list[Combined]:
        return self._combined(Severity.WARNING)

    @property
    def unknown(self) -> list[Combined]:
        return [
            item
            for item in self._combined(Severity.INFO)
            if not (
                item.finding.message_key == NO_RULES
                and item.finding.params.get("country") == self.destination
            )
        ]

    @property
    def no_rules(self) -> bool:
        return any(
            finding.message_key == NO_RULES and finding.params.get("country") == self.destination
            for _origin, outcome in self.corridors
            for finding in outcome.report.findings
        )

    @property
    def warning_rule_ids(self) -> list[str]:
        return sorted({item.finding.rule_id for item in self.warnings})

    @property
    def pack_uses(self) -> list[PackUse]:
        found: dict[tuple[str, str], PackUse] = {}
        for _origin, outcome in self.corridors:
            for use in outcome.report.packs:
                found.setdefault((use.id, use.version), use)
        return list(found.values())

    @property
    def blocked(self) -> bool:
        """Cannot be published: against the rules, no rules at all, or the poster may not recruit."""
        return bool(self.no_rules or self.violations or self.recruiting)

    @property
    def terms_sha256(self) -> str:
        """Of what was checked (not the day), so a later change of the terms shows the check is stale."""
        offers = [outcome.terms.model_dump(mode="json", exclude={"date"}) for _o, outcome in self.corridors]
        return hashlib.sha256(json.dumps(offers, sort_keys=True).encode()).hexdigest()

    def pack_records(self) -> list[dict[str, Any]]:
        sectors = {version.id: version.spec.scope.sector for version in self.packs.versions}
        return [
            {
                "id": use.id,
                "version": use.version,
                "title": use.title,
                "jurisdiction": use.jurisdiction,
                "sector": sectors.get(use.id),
            }
            for use in self.pack_uses
        ]

    def finding_records(self) -> list[dict[str, Any]]:
        return [
            {**item.finding.to_dict(), "origins": list(item.origins)}
            for item in (*self.violations, *self.warnings)
        ]


def run_check(
    vacancy: Vacancy, *, on: dt.date, packs: PackSet | None = None, statuses: Statuses | None = None
) -> CheckResult:
    """Evaluate the vacancy's stored terms for every origin against the rules in force ``on``. ``statuses``
    keeps the registry's answers across many checks of one day (the daily re-check)."""
    packs = packs or site_packs()
    statuses = {} if statuses is None else statuses
    snapshot = vacancy_terms_of(vacancy.terms, vacancy.costs.all(), recruiter_facts(vacancy, on, statuses))
    corridors = []
    for origin in vacancy.origin_codes:
        terms = offer_terms(
            snapshot,
            origin=origin,
            destination=vacancy.destination,
            sector=vacancy.sector,
            on=on,
            destination_region=vacancy.destination_region or None,
        )
        corridors.append((origin, check_offer(terms=terms, on=on, packs=packs)))
    return CheckResult(
        on=on,
        destination=vacancy.destination,
        corridors=tuple(corridors),
        packs=packs,
        recruiting=recruiting_reasons(vacancy.posted_by, vacancy.employer, on, statuses),
    )


def finding_from_record(record: dict[str, Any]) -> Finding:
    """A stored finding (``Finding.to_dict()``) back as the engine's object, to present it again."""
    citation = record.get("citation")
    pack = record.get("pack") or {}
    return Finding(
        severity=Severity(record["severity"]),
        rule_id=record["rule_id"],
        message_key=record["message_key"],
        params=dict(record.get("params") or {}),
        citation=Citation(citation["title"], citation["url"], citation.get("article")) if citation else None,
        pack_id=pack.get("id", ""),
        pack_version=pack.get("version", ""),
        confidence=Confidence(record.get("confidence", "high")),
        conflict=record.get("conflict"),
        facts=tuple(record.get("facts") or ()),
    )
