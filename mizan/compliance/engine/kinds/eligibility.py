"""Who may go and through whom: age limits, licensed recruiters, deployment bans."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, model_validator

from mizan.compliance.engine.context import RuleContext
from mizan.compliance.engine.findings import Finding, Severity
from mizan.compliance.engine.kinds import Params, rule_kind
from mizan.compliance.engine.terms import CountryCode, OfferTerms, Sector

Age = Annotated[int, Field(ge=0, le=120)]


class AgeParams(Params):
    minimum: Age
    maximum: Age | None = None

    @model_validator(mode="after")
    def _order(self) -> AgeParams:
        if self.maximum is not None and self.maximum < self.minimum:
            raise ValueError("maximum is below minimum")
        return self


@rule_kind("minimum_age", AgeParams)
def minimum_age(terms: OfferTerms, params: AgeParams, ctx: RuleContext) -> list[Finding]:
    """The worker must be at least ``minimum`` (and, where a law sets one, at most ``maximum``) years old."""
    age = terms.worker.age if terms.worker else None
    if age is None:
        return [ctx.unknown("worker.age")]
    if age < params.minimum:
        return [ctx.violation("compliance.minimum_age.below", age=str(age), minimum=str(params.minimum))]
    if params.maximum is not None and age > params.maximum:
        return [ctx.violation("compliance.minimum_age.above", age=str(age), maximum=str(params.maximum))]
    return [ctx.ok]


class LicenceParams(Params):
    licence_number: bool = False  # should the offer state the recruiter's licence number?


@rule_kind("licensed_recruiter_required", LicenceParams)
def licensed_recruiter_required(terms: OfferTerms, params: LicenceParams, ctx: RuleContext) -> list[Finding]:
    """A recruiter must hold a licence (direct hiring by the employer needs none)."""
    recruiter = terms.recruiter
    if recruiter is None:
        return [ctx.unknown("recruiter.licensed")]
    if recruiter.direct_hire:
        return [ctx.ok]
    if recruiter.licensed is False:
        return [ctx.violation("compliance.licensed_recruiter_required.unlicensed")]
    if recruiter.licensed is None and not recruiter.licence_number:
        return [ctx.unknown("recruiter.licensed")]
    if params.licence_number and not recruiter.licence_number:
        return [ctx.finding(Severity.WARNING, "compliance.licensed_recruiter_required.no_number")]
    return [ctx.ok]


class BanParams(Params):
    origins: list[CountryCode] | None = None  # None: any origin
    destinations: list[CountryCode] | None = None  # None: any destination
    sectors: list[Sector] | None = None  # None: every kind of work
    since: dt.date
    until: dt.date | None = None  # last day of the ban

    @model_validator(mode="after")
    def _order(self) -> BanParams:
        if self.until and self.until < self.since:
            raise ValueError("until is before since")
        return self


@rule_kind("deployment_ban", BanParams)
def deployment_ban(terms: OfferTerms, params: BanParams, ctx: RuleContext) -> list[Finding]:
    """No deployment from these origins to these destinations (for these sectors) between the dates."""
    if ctx.on < params.since or (params.until and ctx.on > params.until):
        return [ctx.ok]
    missing = [
        name
        for name, value, wanted in (
            ("origin", terms.origin, params.origins),
            ("destination", terms.destination, params.destinations),
            ("sector", terms.sector, params.sectors),
        )
        if wanted is not None and value is None
    ]
    if missing:
        return [ctx.unknown(*missing)]
    if (
        (params.origins is None or terms.origin in params.origins)
        and (params.destinations is None or terms.destination in params.destinations)
        and (params.sectors is None or terms.sector in params.sectors)
    ):
        found = {
            "origin": terms.origin or "",
            "destination": terms.destination or "",
            "since": params.since.isoformat(),
        }
        if terms.sector and params.sectors is not None:
            found["sector"] = terms.sector.value
            return [ctx.violation("compliance.deployment_ban.banned_sector", **found)]
        return [ctx.violation("compliance.deployment_ban.banned", **found)]
    return [ctx.ok]
