"""Composition: a corridor's rules = the international baseline + the destination pack(s) for the
destination (and sector) + the origin pack, each in the version in force on the day. Compiled once per
(corridor, day) and cached, so evaluating an offer only runs the rule functions."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mizan.compliance.engine.context import RuleContext, RuleMeta
from mizan.compliance.engine.findings import Citation, Confidence, Corridor, Finding, PackUse, Severity
from mizan.compliance.engine.kinds import KINDS, Check, Params
from mizan.compliance.engine.loader import PackError, PackVersion, check_versions, validate_files
from mizan.compliance.engine.rates import RateTable
from mizan.compliance.engine.schema import RuleSpec


@dataclass(frozen=True, slots=True)
class CompiledRule:
    check: Check
    params: Params
    ctx: RuleContext
    regions: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class CompiledCorridor:
    on: dt.date
    corridor: Corridor
    rules: tuple[CompiledRule, ...]
    static: tuple[Finding, ...]  # what composition itself says (rules that need a missing field …)
    packs: tuple[PackUse, ...]
    out_of_date: bool


def scope_finding(key: str, country: str, rule_id: str, pack: PackVersion | None, **params: str) -> Finding:
    return Finding(
        severity=Severity.INFO,
        rule_id=rule_id,
        message_key=key,
        params={"country": country, **params},
        citation=None,
        pack_id=pack.id if pack else "",
        pack_version=pack.version if pack else "",
        confidence=Confidence.HIGH,
    )


def _pack_order(version: PackVersion) -> tuple[int, str]:
    scope = version.spec.scope
    rank = 0 if not (scope.origin or scope.destination) else (1 if scope.destination else 2)
    return (rank, version.id)


class PackSet:
    """Every version of every pack, plus the rate table. Immutable once built; safe to share."""

    CACHE_SIZE = 1024

    def __init__(self, versions: Sequence[PackVersion], rates: RateTable | None = None) -> None:
        errors = check_versions(list(versions))  # also computes each version's end date
        if errors:
            raise PackError(errors)
        self.versions = tuple(sorted(versions, key=lambda v: (_pack_order(v), v.spec.effective_from)))
        self.rates = rates or RateTable()
        self._compiled: OrderedDict[tuple[Corridor, dt.date], CompiledCorridor] = OrderedDict()

    def in_force(self, on: dt.date) -> list[PackVersion]:
        return [version for version in self.versions if version.in_force(on)]

    def history(self, pack_id: str) -> list[PackVersion]:
        return [version for version in self.versions if version.id == pack_id]

    def compile(self, corridor: Corridor, on: dt.date) -> CompiledCorridor:
        key = (corridor, on)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compile(corridor, on)
            self._compiled[key] = compiled
            if len(self._compiled) > self.CACHE_SIZE:
                self._compiled.popitem(last=False)
        return compiled

    def _compile(self, corridor: Corridor, on: dt.date) -> CompiledCorridor:
        rules: list[CompiledRule] = []
        static: list[Finding] = []
        used: list[PackVersion] = []
        has_destination = has_origin = False
        for version in self.in_force(on):
            scope = version.spec.scope
            if scope.origin and scope.origin != corridor.origin:
                continue
            if scope.destination and scope.destination != corridor.destination:
                continue
            needs = [
                name
                for name, wanted, value in (
                    ("sector", scope.sector, corridor.sector),
                    ("worker_category", scope.worker_category, corridor.worker_category),
                )
                if wanted is not None and value is None
            ]
            if needs:
                static.append(
                    scope_finding(
                        "compliance.scope.unknown",
                        version.spec.jurisdiction,
                        version.id,
                        version,
                        missing=",".join(needs),
                    )
                )
                continue
            if scope.sector and scope.sector != corridor.sector:
                continue
            if scope.worker_category and scope.worker_category != corridor.worker_category:
                continue
            has_destination |= scope.destination is not None
            has_origin |= scope.origin is not None
            used.append(version)
            for rule in version.rules:
                compiled, finding = self._compile_rule(version, rule.spec, rule.params, corridor, on)
                if compiled is not None:
                    rules.append(compiled)
                if finding is not None:
                    static.append(finding)
        for present, code in ((has_destination, corridor.destination), (has_origin, corridor.origin)):
            if code and not present:
                static.append(scope_finding("compliance.scope.no_rules", code, f"{code}.none", None))
        if corridor.destination is None:
            static.append(
                scope_finding("compliance.scope.unknown", "INT", "scope", None, missing="destination")
            )
        if corridor.origin is None:
            static.append(scope_finding("compliance.scope.unknown", "INT", "scope", None, missing="origin"))
        packs = tuple(
            PackUse(
                id=version.id,
                version=version.version,
                jurisdiction=version.spec.jurisdiction,
                title=version.spec.title,
                effective_from=version.spec.effective_from,
                effective_to=version.end,
                review_by=version.spec.review_by,
                out_of_date=bool(version.spec.review_by and on > version.spec.review_by),
            )
            for version in used
        )
        return CompiledCorridor(
            on=on,
            corridor=corridor,
            rules=tuple(rules),
            static=tuple(static),
            packs=packs,
            out_of_date=any(pack.out_of_date for pack in packs),
        )

    def _compile_rule(
        self, version: PackVersion, spec: RuleSpec, params: Params, corridor: Corridor, on: dt.date
    ) -> tuple[CompiledRule | None, Finding | None]:
        if spec.effective_from and on < spec.effective_from:
            return None, None
        if spec.effective_to and on > spec.effective_to:
            return None, None
        meta = RuleMeta(
            id=spec.id,
            kind=spec.kind,
            jurisdiction=version.spec.jurisdiction,
            citation=Citation(spec.citation.title, spec.citation.url, spec.citation.article),
            confidence=spec.confidence,
            pack_id=version.id,
            pack_version=version.version,
            conflict=spec.conflict,
            max_severity=spec.max_severity,
            facts=tuple(spec.facts),
            regions=frozenset(spec.when.regions) if spec.when and spec.when.regions else None,
        )
        ctx = RuleContext(meta, on, self.rates)
        when = spec.when
        if when is not None:
            needs: list[str] = []
            for name, wanted, value in (
                ("origin", when.origins, corridor.origin),
                ("destination", when.destinations, corridor.destination),
                ("sector", when.sectors, corridor.sector),
                ("worker_category", when.worker_categories, corridor.worker_category),
            ):
                if wanted is None:
                    continue
                if value is None:
                    needs.append(name)
                elif value not in wanted:
                    return None, None
            if needs:
                return None, ctx.scope_unknown(*needs)
        return CompiledRule(KINDS[spec.kind].check, params, ctx, meta.regions), None


def load_packs(paths: Iterable[str | Path]) -> PackSet:
    """A ready PackSet from files or directories (e.g. ``rulepacks/``); raises PackError listing every
    problem (file, line, reason) if any pack or the rate table is malformed or contradictory."""
    versions, rates, errors = validate_files(paths)
    if errors:
        raise PackError(errors)
    return PackSet(versions, rates)
