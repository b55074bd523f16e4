"""What a rule kind gets besides the offer: the rule's identity, the day, the rates, and the one place
where the severity policy is applied to what the kind says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext

from mizan.compliance.engine.findings import SEVERITY_RANK, Citation, Confidence, Finding, Severity
from mizan.compliance.engine.rates import RateTable
from mizan.compliance.engine.terms import OfferTerms, PayPeriod

CENT = Decimal("0.01")
WEEKS_PER_MONTH = Decimal(365) / Decimal(7) / Decimal(12)


def money(amount: Decimal, currency: str) -> str:
    """Money as a message parameter: ISO code, a space, the amount with two decimals ("HKD 4800.00")."""
    return f"{currency} {amount.quantize(CENT, rounding=ROUND_HALF_UP)}"


def number(value: Decimal | int) -> str:
    """A plain number parameter without trailing zeros ("48", "10.5")."""
    if isinstance(value, int):
        return str(value)
    normal = value.quantize(CENT, rounding=ROUND_HALF_UP).normalize()
    return f"{normal:f}"


@dataclass(frozen=True, slots=True)
class RuleMeta:
    id: str
    kind: str
    jurisdiction: str
    citation: Citation
    confidence: Confidence
    pack_id: str
    pack_version: str
    conflict: str | None
    max_severity: Severity | None
    facts: tuple[str, ...]
    regions: frozenset[str] | None = None  # checked per offer (the rest of ``when`` is compiled away)


@dataclass(slots=True)
class RuleContext:
    rule: RuleMeta
    on: dt.date
    rates: RateTable
    ceiling: Severity = field(init=False)
    ok: Finding = field(init=False)
    country: str = field(init=False)  # the rule's jurisdiction, the "country" of every message
    _unknown: dict[tuple[str, ...], Finding] = field(init=False, default_factory=dict)
    _ceiling_rank: int = field(init=False)

    def __post_init__(self) -> None:
        ceiling = Severity.VIOLATION
        if self.rule.confidence is Confidence.LOW or self.rule.conflict:
            ceiling = Severity.WARNING
        if self.rule.max_severity and SEVERITY_RANK[self.rule.max_severity] > SEVERITY_RANK[ceiling]:
            ceiling = self.rule.max_severity
        self.ceiling = ceiling
        self._ceiling_rank = SEVERITY_RANK[ceiling]
        self.country = self.rule.jurisdiction
        self.ok = self._make(Severity.INFO, f"compliance.{self.rule.kind}.ok", {"country": self.country})

    def _make(self, severity: Severity, key: str, params: dict[str, str]) -> Finding:
        rule = self.rule
        # Positional: the hot path of every problem found (the order of Finding's fields).
        return Finding(
            severity,
            rule.id,
            key,
            params,
            rule.citation,
            rule.pack_id,
            rule.pack_version,
            rule.confidence,
            rule.conflict,
            rule.facts,
        )

    def finding(self, severity: Severity, key: str, **params: str) -> Finding:
        """A problem; the policy caps its severity (low confidence or a conflict: at most a warning)."""
        if SEVERITY_RANK[severity] < self._ceiling_rank:
            severity = self.ceiling
        params.setdefault("country", self.country)
        return self._make(severity, key, params)

    def violation(self, key: str, **params: str) -> Finding:
        # A violation is the worst severity, so the policy always makes it the ceiling.
        params.setdefault("country", self.country)
        return self._make(self.ceiling, key, params)

    def unknown(self, *missing: str) -> Finding:
        """Info: the rule could not be checked because these offer fields are missing."""
        found = self._unknown.get(missing)
        if found is None:  # findings are immutable, so one per rule and set of missing fields is shared
            found = self._unknown[missing] = self._make(
                Severity.INFO,
                f"compliance.{self.rule.kind}.unknown",
                {"country": self.country, "missing": ",".join(missing)},
            )
        return found

    def scope_unknown(self, *missing: str) -> Finding:
        """Info: whether the rule applies depends on offer fields that are missing."""
        return self._make(
            Severity.INFO, "compliance.scope.unknown", {"country": self.country, "missing": ",".join(missing)}
        )

    def no_rate(self, source: str, target: str) -> Finding:
        return self._make(
            Severity.INFO,
            "compliance.currency.no_rate",
            {"country": self.country, "from_currency": source, "to_currency": target, "date": str(self.on)},
        )

    def convert(self, amount: Decimal, source: str, target: str) -> Decimal | None:
        if source == target:
            return amount
        found = self.rates.rate(source, target, self.on)  # RateTable.convert without its Conversion record
        if found is None:
            return None
        with localcontext() as context:
            context.prec = 28
            return amount * found[0]


def per_period(
    amount: Decimal, source: PayPeriod, target: PayPeriod, terms: OfferTerms
) -> tuple[Decimal | None, str | None]:
    """``amount`` per ``source`` period expressed per ``target`` period, using the offer's own hours and
    rest days; (None, missing field) when the offer does not say enough."""
    if source is target:
        return amount, None
    hours = terms.hours
    per_day = hours.per_day if hours else None
    per_week = hours.per_week if hours else None
    rest_days = terms.rest.days_per_week if terms.rest else None
    days_per_week: Decimal | None = None
    if rest_days is not None and rest_days < 7:
        days_per_week = Decimal(7) - rest_days
    elif per_week is not None and per_day:
        days_per_week = per_week / per_day
    # Everything goes through "per month".
    monthly: Decimal
    if source is PayPeriod.MONTHLY:
        monthly = amount
    elif source is PayPeriod.DAILY:
        if days_per_week is None:
            return None, "rest.days_per_week"
        monthly = amount * days_per_week * WEEKS_PER_MONTH
    else:
        if per_week is None:
            return None, "hours.per_week"
        monthly = amount * per_week * WEEKS_PER_MONTH
    if target is PayPeriod.MONTHLY:
        return monthly, None
    if target is PayPeriod.DAILY:
        if not days_per_week:
            return None, "rest.days_per_week"
        return monthly / (days_per_week * WEEKS_PER_MONTH), None
    if not per_week:
        return None, "hours.per_week"
    return monthly / (per_week * WEEKS_PER_MONTH), None
