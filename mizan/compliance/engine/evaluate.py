"""``evaluate(terms, packs, on=date) -> Report``: deterministic and free of side effects."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from mizan.compliance.engine.compose import PackSet
from mizan.compliance.engine.findings import Corridor, Finding, Report, Severity, Summary
from mizan.compliance.engine.terms import OfferTerms


def corridor_of(terms: OfferTerms) -> Corridor:
    return Corridor(
        origin=terms.origin,
        destination=terms.destination,
        sector=str(terms.sector) if terms.sector else None,
        worker_category=terms.worker_category,
    )


def evaluate(terms: OfferTerms, packs: PackSet, on: dt.date | None = None) -> Report:
    """Check ``terms`` against the corridor's rules in force ``on`` (default: the offer's date, else
    today; pass ``on`` for a result that depends only on the arguments)."""
    day = on or terms.date or dt.date.today()
    compiled = packs.compile(corridor_of(terms), day)
    problems: list[Finding] = list(compiled.static)
    passed: list[Finding] = []
    add_problem = problems.append
    add_passed = passed.append
    region = terms.destination_region
    for rule in compiled.rules:
        ctx = rule.ctx
        if rule.regions is not None:
            if region is None:
                add_problem(ctx.scope_unknown("destination_region"))
                continue
            if region not in rule.regions:
                continue
        ok = ctx.ok
        for finding in rule.check(terms, rule.params, ctx):
            if finding is ok:
                add_passed(finding)
            else:
                add_problem(finding)
    if len(problems) > 1:
        problems.sort(key=Finding.sort_key)
    violations = warnings = 0
    missing: set[str] = set()
    for finding in problems:
        severity = finding.severity
        if severity is VIOLATION:
            violations += 1
        elif severity is WARNING:
            warnings += 1
        else:
            fields = finding.params.get("missing")
            if fields:
                missing.update(_fields(fields))
    return Report(
        on=day,
        corridor=compiled.corridor,
        findings=tuple(problems),
        passed=tuple(passed),
        summary=Summary(violations, warnings, len(problems) - violations - warnings),
        packs=compiled.packs,
        out_of_date=compiled.out_of_date,
        missing=tuple(sorted(missing)),
    )


VIOLATION = Severity.VIOLATION
WARNING = Severity.WARNING


@lru_cache(maxsize=1024)
def _fields(text: str) -> tuple[str, ...]:
    return tuple(text.split(","))
