"""The ILO indicators of forced labour, from what the worker reports and from the offer itself."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field

from mizan.compliance.engine.context import RuleContext
from mizan.compliance.engine.findings import Finding, Severity
from mizan.compliance.engine.kinds import Params, rule_kind
from mizan.compliance.engine.terms import FeeStatus, Indicator, OfferTerms, Party

INDICATORS = tuple(Indicator)


class IndicatorParams(Params):
    serious: list[Indicator] = Field(default_factory=list)  # one of these alone is treated as likely
    several: Annotated[int, Field(ge=1, le=11)] = 2  # this many together are treated as likely
    excessive_weekly_hours: Annotated[Decimal, Field(gt=0, le=168)] | None = None  # hours incl. overtime
    from_offer: bool = True  # also read signs from the offer (documents kept, debts repaid from wages)


def signs_in_offer(terms: OfferTerms, params: IndicatorParams) -> set[Indicator]:
    signs: set[Indicator] = set()
    documents = terms.documents
    if documents and (
        documents.passport_held_by in (Party.EMPLOYER, Party.RECRUITER)
        or documents.identity_held_by in (Party.EMPLOYER, Party.RECRUITER)
    ):
        signs.add(Indicator.RETENTION_OF_IDENTITY_DOCUMENTS)
    hours = terms.hours
    limit = params.excessive_weekly_hours
    if (
        limit
        and hours
        and hours.per_week is not None
        and hours.per_week + (hours.overtime_per_week or 0) > limit
    ):
        signs.add(Indicator.EXCESSIVE_OVERTIME)
    if terms.fees and any(
        item.deducted_from_wages and item.status is FeeStatus.OWED and item.paid_to is not Party.GOVERNMENT
        for item in terms.fees
    ):
        signs.add(Indicator.DEBT_BONDAGE)
    return signs


@rule_kind("forced_labour_indicators", IndicatorParams)
def forced_labour_indicators(terms: OfferTerms, params: IndicatorParams, ctx: RuleContext) -> list[Finding]:
    """Each sign of forced labour is a warning; a serious one, or several together, a violation."""
    reported = set(terms.indicators) if terms.indicators is not None else set()
    derived = signs_in_offer(terms, params) - reported if params.from_offer else set()
    if terms.indicators is None and not derived:
        return [ctx.unknown("indicators")]
    signs = reported | derived
    if not signs:
        return [ctx.ok]
    findings = [
        ctx.finding(
            Severity.WARNING,
            f"compliance.forced_labour_indicators.{sign.value}",
            source="offer" if sign in derived else "reported",
        )
        for sign in INDICATORS
        if sign in signs
    ]
    if len(signs) >= params.several or signs & set(params.serious):
        findings.append(ctx.violation("compliance.forced_labour_indicators.likely", count=str(len(signs))))
    return findings
