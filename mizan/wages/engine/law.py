"""The law a statement is checked against: ``LawRules``, built from the compliance engine's rule packs.

``law_rules(packs, destination=..., sector=..., worker_category=..., on=...)`` compiles the corridor's
rules in force ``on`` (``PackSet.compile``, the same composition the offer checker uses) and reads the
parameters of the rule kinds that concern pay and time: ``minimum_wage`` (with ``required_allowances`` and
``counts``), ``max_normal_hours``, ``overtime_premium``, ``weekly_rest``, ``daily_rest``,
``worker_fee_cap`` and ``employer_pays_costs``. Only the destination's own rules set pay and hours; the
international baseline pack adds the fee rules and, when the destination has none, the weekly rest of ILO
C189 (domestic work). Figures the packs do not hold come from ``supplements.py`` and ``holidays.py``, each
with its fact-sheet source; anything still unknown is listed in ``unknown`` ("could not check").

When several rules give one figure, the binding ones decide (not low confidence, no documented conflict,
not capped at a warning): the highest minimum wage, the lowest hour limits, the highest overtime rate, the
most rest. The others are kept in ``alternatives`` so the statement can say "another source says …".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from mizan.compliance.engine import Confidence, Corridor, PackSet, Severity
from mizan.compliance.engine.compose import CompiledCorridor, CompiledRule
from mizan.compliance.engine.kinds.fees import EmployerPaysParams, FeeCapParams
from mizan.compliance.engine.kinds.wages import MinimumWageParams, OvertimePremiumParams
from mizan.compliance.engine.kinds.worktime import DailyRestParams, WeeklyRestParams
from mizan.wages.engine import supplements
from mizan.wages.engine.holidays import public_holidays
from mizan.wages.engine.inputs import AllowanceKind, PayPeriod
from mizan.wages.engine.lawtypes import (
    FeeRule,
    LawRules,
    MinimumWage,
    PackRef,
    RequiredAllowance,
    WeeklyRest,
)
from mizan.wages.engine.sources import Source, Sourced

P = TypeVar("P")

_PERIODS = {"monthly": PayPeriod.MONTH, "daily": PayPeriod.DAY, "hourly": PayPeriod.HOUR}


def _params(rule: CompiledRule, kind: type[P]) -> P:
    params = rule.params
    assert isinstance(params, kind), f"{rule.ctx.rule.id}: {type(params).__name__}"
    return params


def _source(rule: CompiledRule) -> Source:
    meta = rule.ctx.rule
    return Source(
        rule_id=meta.id,
        title=meta.citation.title,
        url=meta.citation.url,
        article=meta.citation.article,
        pack_id=meta.pack_id,
        pack_version=meta.pack_version,
        confidence=meta.confidence.value,
        facts=meta.facts,
        conflict=meta.conflict,
    )


def _binding(rule: CompiledRule) -> bool:
    meta = rule.ctx.rule
    capped = meta.max_severity is not None and meta.max_severity is not Severity.VIOLATION
    return meta.confidence is not Confidence.LOW and not meta.conflict and not capped


def _rules(compiled: CompiledCorridor, region: str | None) -> list[CompiledRule]:
    return [rule for rule in compiled.rules if rule.regions is None or (region and region in rule.regions)]


def _minimum(rule: CompiledRule) -> Sourced[MinimumWage]:
    params = _params(rule, MinimumWageParams)
    return Sourced(
        MinimumWage(
            amount=params.amount,
            currency=params.currency,
            period=_PERIODS[params.period.value],
            equivalents=tuple((_PERIODS[p.value], a) for p, a in sorted(params.equivalents.items())),
            counts=tuple(AllowanceKind(kind.value) for kind in params.counts),
        ),
        _source(rule),
    )


def _pick_minimum(rules: Iterable[CompiledRule]) -> tuple[CompiledRule | None, list[CompiledRule]]:
    """The binding minimum wage to use (the highest of those stated alike) and the rules not used."""
    chosen: CompiledRule | None = None
    others: list[CompiledRule] = []
    for rule in rules:
        if not _binding(rule):
            others.append(rule)
            continue
        if chosen is None:
            chosen = rule
            continue
        # Two binding minimums stated alike (a general and a sector or regional one): the higher applies
        # and the lower is simply not needed, so it is no "alternative".
        old, new = _params(chosen, MinimumWageParams), _params(rule, MinimumWageParams)
        if (old.currency, old.period) == (new.currency, new.period):
            if new.amount > old.amount:
                chosen = rule
        else:
            others.append(rule)
    return chosen, others


def _limit(rules: list[CompiledRule], name: str) -> tuple[Sourced[Decimal] | None, list[Sourced[str]]]:
    best: Sourced[Decimal] | None = None
    alternatives: list[Sourced[str]] = []
    for rule in rules:
        value = getattr(rule.params, name)
        if value is None:
            continue
        if not _binding(rule):
            alternatives.append(Sourced(f"{name}:{value}", _source(rule)))
        elif best is None or value < best.value:
            best = Sourced(value, _source(rule))
    return best, alternatives


def _weekly_rest(rules: list[CompiledRule]) -> tuple[Sourced[WeeklyRest] | None, Sourced[int] | None]:
    weekly: Sourced[WeeklyRest] | None = None
    monthly: Sourced[int] | None = None
    for rule in rules:
        params = _params(rule, WeeklyRestParams)
        if params.non_compensable_per_month and (
            monthly is None or params.non_compensable_per_month > monthly.value
        ):
            monthly = Sourced(params.non_compensable_per_month, _source(rule))
        if not params.days_per_week:
            continue
        hours = params.consecutive_hours or Decimal(24)  # a rest day of unstated length is a full day
        found = WeeklyRest(params.days_per_week, hours, params.buyout_allowed)
        if weekly is None:
            weekly = Sourced(found, _source(rule))
            continue
        old = weekly.value
        merged = WeeklyRest(
            max(old.days_per_week, found.days_per_week),
            max(old.consecutive_hours, found.consecutive_hours),
            old.buyout_allowed and found.buyout_allowed,
        )
        # Cite the rule that gives the most (ties: the later, more specific rule).
        stronger = (found.days_per_week, found.consecutive_hours) >= (
            old.days_per_week,
            old.consecutive_hours,
        )
        weekly = Sourced(merged, _source(rule) if stronger else weekly.source)
    return weekly, monthly


def _fee_rule(rule: CompiledRule) -> Sourced[FeeRule]:
    params = rule.params
    if isinstance(params, EmployerPaysParams):
        found = FeeRule(
            limit="employer_pays",
            categories=frozenset(c.value for c in params.categories),
            exclude=frozenset(),
            binding=_binding(rule),
        )
    else:
        assert isinstance(params, FeeCapParams)
        found = FeeRule(
            limit=params.limit.value,
            categories=frozenset(c.value for c in params.categories)
            if params.categories is not None
            else None,
            exclude=frozenset(c.value for c in params.exclude),
            binding=_binding(rule),
            share=params.share,
        )
    return Sourced(found, _source(rule))


_PAY_KINDS = frozenset(
    {
        "pack",  # a whole sector or category pack left out
        "minimum_wage",
        "max_normal_hours",
        "overtime_premium",
        "weekly_rest",
        "daily_rest",
        "worker_fee_cap",
        "employer_pays_costs",
    }
)


def _rule_kinds(packs: PackSet, compiled: CompiledCorridor) -> dict[str, str]:
    """Rule id -> kind for the rules of the destination's packs in force (to judge scope notes)."""
    found: dict[str, str] = {}
    for version in packs.in_force(compiled.on):
        for rule in version.rules:
            found[rule.spec.id] = rule.spec.kind
    return found


def _compile(packs: PackSet, corridor: Corridor, on: dt.date) -> CompiledCorridor:
    return packs.compile(corridor, on)


def law_rules(
    packs: PackSet,
    *,
    destination: str,
    sector: str | None,
    worker_category: str | None = None,
    on: dt.date,
    until: dt.date | None = None,
    region: str | None = None,
    contract_signed_on: dt.date | None = None,
) -> LawRules:
    """The pay and time rules for work in ``destination`` (ISO 3166-1 alpha-2) in force ``on``.
    ``until`` (the period's last day) only bounds the public-holiday lookup."""
    corridor = Corridor(origin=None, destination=destination, sector=sector, worker_category=worker_category)
    compiled = _compile(packs, corridor, on)
    rules = _rules(compiled, region)
    by_kind: dict[str, list[CompiledRule]] = {}
    for rule in rules:
        by_kind.setdefault(rule.ctx.rule.kind, []).append(rule)
    local = {
        kind: [r for r in found if r.ctx.rule.jurisdiction == destination] for kind, found in by_kind.items()
    }
    alternatives: list[Sourced[str]] = []
    notes: list[Sourced[str]] = []
    unknown: list[str] = []

    wage_rules = local.get("minimum_wage", [])
    by_signing = supplements.find(supplements.MINIMUM_BY_SIGNING_DATE, destination, sector, on)
    if by_signing is not None:
        if contract_signed_on is not None:
            signed = _compile(packs, corridor, contract_signed_on)
            wage_rules = [
                r
                for r in _rules(signed, region)
                if r.ctx.rule.kind == "minimum_wage" and r.ctx.rule.jurisdiction == destination
            ]
            notes.append(Sourced("minimum_by_signing_date", by_signing.source))
        else:
            notes.append(Sourced("signing_date_needed", by_signing.source))
    chosen, other_wages = _pick_minimum(wage_rules)
    minimum = _minimum(chosen) if chosen else None
    for rule in other_wages:
        wage = _minimum(rule).value
        alternatives.append(
            Sourced(f"minimum_wage:{wage.currency} {wage.amount:f}:{wage.period.value}", _source(rule))
        )
    allowances: list[Sourced[RequiredAllowance]] = []
    if chosen is not None:
        params = _params(chosen, MinimumWageParams)
        for kind, amount in sorted(params.required_allowances.items()):
            allowances.append(
                Sourced(
                    RequiredAllowance(AllowanceKind(kind.value), amount, params.currency), _source(chosen)
                )
            )

    hour_rules = local.get("max_normal_hours", [])
    limits: dict[str, Sourced[Decimal] | None] = {}
    for name in ("per_day", "per_week", "total_per_day", "total_per_week"):
        limits[name], found = _limit(hour_rules, name)
        alternatives.extend(found)

    overtime: Sourced[Decimal] | None = None
    for rule in local.get("overtime_premium", []):
        premium = _params(rule, OvertimePremiumParams)
        if not _binding(rule):
            alternatives.append(Sourced(f"overtime_rate:{premium.minimum_rate}", _source(rule)))
        elif overtime is None or premium.minimum_rate > overtime.value:
            overtime = Sourced(premium.minimum_rate, _source(rule))

    weekly, monthly = _weekly_rest(local.get("weekly_rest", []))
    if weekly is None:  # the international baseline (ILO C189 Art 10 for domestic work)
        weekly, monthly_int = _weekly_rest(by_kind.get("weekly_rest", []))
        monthly = monthly or monthly_int

    daily: Sourced[Decimal] | None = None
    for rule in local.get("daily_rest", []):
        rest = _params(rule, DailyRestParams)
        if daily is None or rest.hours > daily.value:
            daily = Sourced(rest.hours, _source(rule))

    fee_rules = tuple(
        _fee_rule(rule)
        for kind in ("worker_fee_cap", "employer_pays_costs")
        for rule in by_kind.get(kind, [])
    )

    no_law: list[Sourced[str]] = []
    found_no_hours = supplements.find(supplements.NO_HOURS_LAW, destination, sector, on)
    if found_no_hours is not None and not any(limits.values()):
        no_law.append(Sourced("hours", found_no_hours.source))
    night = supplements.find(supplements.NIGHT_OVERTIME, destination, sector, on)
    rest_pay = supplements.find(supplements.REST_DAY_PAY, destination, sector, on)
    holidays = public_holidays(destination, on, until or on)

    kinds = _rule_kinds(packs, compiled)
    for finding in compiled.static:
        missing = finding.params.get("missing", "")
        if finding.message_key == "compliance.scope.unknown" and missing != "origin":
            if kinds.get(finding.rule_id, "pack") not in _PAY_KINDS:
                continue  # e.g. an age rule for one worker category: nothing to do with pay
            unknown.extend(f"scope:{name}" for name in missing.split(",") if name and name != "origin")
        elif (
            finding.message_key == "compliance.scope.no_rules"
            and finding.params.get("country") == destination
        ):
            unknown.append("destination")
    has_hours_rule = any(limits.values()) or found_no_hours is not None
    known = {
        "minimum_wage": minimum is not None,
        "hours": has_hours_rule,
        "overtime": overtime is not None or found_no_hours is not None,
        "weekly_rest": weekly is not None,
        "rest_day_pay": rest_pay is not None,
        "holidays": holidays is not None,
        "holiday_pay": False,  # no destination's holiday pay is in the fact sheet
    }
    unknown.extend(code for code, found in known.items() if not found)

    packs_used = tuple(
        PackRef(p.id, p.version, p.jurisdiction, p.review_by, p.out_of_date)
        for p in compiled.packs
        if p.jurisdiction in (destination, "INT")
    )
    return LawRules(
        destination=destination,
        sector=sector,
        worker_category=worker_category,
        on=on,
        minimum_wage=minimum,
        allowances=tuple(allowances),
        hours_per_day=limits["per_day"],
        hours_per_week=limits["per_week"],
        total_per_day=limits["total_per_day"],
        total_per_week=limits["total_per_week"],
        overtime_rate=overtime,
        night_overtime=Sourced(night.value, night.source) if night else None,
        weekly_rest=weekly,
        monthly_rest=monthly,
        daily_rest=daily,
        rest_day_pay=Sourced(rest_pay.value, rest_pay.source) if rest_pay else None,
        holidays=holidays,
        holiday_pay=None,
        fee_rules=fee_rules,
        no_law=tuple(no_law),
        alternatives=tuple(alternatives),
        notes=tuple(notes),
        unknown=tuple(dict.fromkeys(unknown)),
        packs=packs_used,
        out_of_date=any(p.out_of_date for p in packs_used),
    )


def law_changes(before: LawRules, after: LawRules) -> bool:
    """Whether the pay and time figures differ between two days (a period that crosses a change)."""

    def key(law: LawRules) -> tuple[object, ...]:
        return (
            law.minimum_wage,
            law.allowances,
            law.hours_per_day,
            law.hours_per_week,
            law.overtime_rate,
            law.weekly_rest,
        )

    return key(before) != key(after)


def change_days(packs: PackSet, destination: str, first: dt.date, last: dt.date) -> list[dt.date]:
    """Days after ``first`` up to ``last`` on which a destination or international pack version, or one of
    its rules, starts or stops applying: the only days the law can change."""
    days: set[dt.date] = set()
    one = dt.timedelta(days=1)
    for version in packs.versions:
        if version.spec.jurisdiction not in (destination, "INT"):
            continue
        bounds = [version.spec.effective_from, version.end + one if version.end else None]
        for rule in version.rules:
            bounds.append(rule.spec.effective_from)
            bounds.append(rule.spec.effective_to + one if rule.spec.effective_to else None)
        days.update(day for day in bounds if day is not None and first < day <= last)
    return sorted(days)
