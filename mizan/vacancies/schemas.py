"""API schemas of the vacancies app. Money is a decimal string with an ISO 4217 code."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2, allow_inf_nan=False)]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")]


class LanguageNeedIn(Schema):
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47")]
    level: Literal["basic", "good", "fluent"]


class CostIn(Schema):
    category: str = Field(description="An ILO cost category, as the compliance engine names it.")
    amount: Money
    currency: Currency
    paid_by: Literal["employer", "worker", "shared"]
    worker_amount: Money | None = Field(None, description="Only for a shared cost: the worker's part.")
    note: Annotated[str, Field(max_length=200)] = ""


class TermsIn(Schema):
    pay_amount: Money
    pay_currency: Currency
    pay_period: Literal["month", "week", "day", "hour"]
    hours_per_day: Annotated[Decimal, Field(gt=0, le=24, decimal_places=2)]
    hours_per_week: Annotated[Decimal, Field(gt=0, le=168, decimal_places=2)]
    rest_days_per_week: Annotated[Decimal, Field(ge=0, le=7, decimal_places=1)]
    annual_leave_days: Annotated[int, Field(ge=0, le=366)]
    overtime_rate: Annotated[Decimal, Field(ge=1, le=10, decimal_places=2)] | None = None
    housing_allowance: Money | None = None
    food_allowance: Money | None = None
    transport_allowance: Money | None = None
    accommodation_provided: bool = False
    accommodation_description: Annotated[str, Field(max_length=500)] = ""
    food_provided: bool = False
    languages_needed: Annotated[list[LanguageNeedIn], Field(max_length=5)] = []


class VacancyIn(Schema):
    posted_by_id: uuid.UUID | None = Field(
        None, description="The organisation posting (default: the token's, or the person's only one)."
    )
    employer_id: uuid.UUID | None = Field(
        None, description="The employer the job is for (an employer posting: itself, the default)."
    )
    title: Annotated[str, Field(min_length=1, max_length=200)]
    description: Annotated[str, Field(max_length=5000)] = ""
    text_language: str = Field(description="The language of the title and description (one of the 12).")
    occupation: str = Field(description="ESCO code of the occupation, e.g. 7112.1.")
    sector: str | None = Field(
        None, description="The compliance engine's sector; default: from the occupation."
    )
    destination: Country
    destination_region: Annotated[str, Field(pattern=r"^([A-Z]{2}-[A-Z0-9]{1,3})?$")] = ""
    origins: Annotated[list[Country], Field(min_length=1, max_length=20)]
    place_of_work: Annotated[str, Field(min_length=1, max_length=200)]
    number_of_workers: Annotated[int, Field(ge=1, le=100000)]
    start_date: dt.date
    apply_by: dt.date | None = None
    contract_months: Annotated[int, Field(ge=1, le=240)]
    terms: TermsIn
    costs: Annotated[list[CostIn], Field(max_length=30)] = []


class PublishIn(Schema):
    acknowledged_warnings: list[str] | None = Field(
        None,
        description="Rule ids of every warning of today's check: read and confirmed. Omit when there are "
        "none or they were confirmed before.",
    )


class OccupationOut(Schema):
    code: str
    isco: str
    title: str = Field(description="In the request's language (curated for common occupations).")


class OrganisationOut(Schema):
    id: uuid.UUID
    name: str


class PackOut(Schema):
    id: str
    version: str


class CheckOut(Schema):
    checked_on: dt.date
    packs: list[PackOut]


class CostOut(Schema):
    category: str
    amount: Decimal
    currency: str
    paid_by: str
    worker_amount: Decimal | None
    worker_pays: Decimal


class TermsOut(Schema):
    pay_amount: Decimal
    pay_currency: str
    pay_period: str
    pay_per_month: Decimal | None
    hours_per_day: Decimal
    hours_per_week: Decimal
    rest_days_per_week: Decimal
    annual_leave_days: int
    overtime_rate: Decimal | None
    housing_allowance: Decimal | None
    food_allowance: Decimal | None
    transport_allowance: Decimal | None
    accommodation_provided: bool
    accommodation_description: str
    food_provided: bool
    languages_needed: list[LanguageNeedIn]


class VacancyOut(Schema):
    id: uuid.UUID
    status: str
    title: str = Field(description="Written by the employer, in text_language.")
    description: str = Field(description="Written by the employer, in text_language.")
    text_language: str
    occupation: OccupationOut
    sector: str
    employer: OrganisationOut
    posted_by: OrganisationOut
    destination: str
    destination_region: str
    origins: list[str]
    place_of_work: str
    number_of_workers: int
    start_date: dt.date
    apply_by: dt.date | None
    contract_months: int
    published_at: dt.datetime | None
    terms: TermsOut
    costs: list[CostOut]
    check: CheckOut | None = Field(description="The last check: the day and the pack versions used.")


class VacancySummaryOut(Schema):
    id: uuid.UUID
    occupation: OccupationOut
    destination: str
    employer: OrganisationOut
    pay_amount: Decimal
    pay_currency: str
    pay_period: str
    pay_per_month: Decimal | None
    start_date: dt.date
    published_at: dt.datetime | None


class VacancyPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[VacancySummaryOut]


class FindingOut(Schema):
    severity: str
    rule_id: str
    message: str
    change: str = Field(description="What to change in the vacancy, in plain words.")
    citation: dict[str, str | None] | None
    origins: list[str] = Field(description="The origins (corridors) the finding is about.")


class CheckResultOut(Schema):
    checked_on: dt.date
    publishable: bool = Field(description="Nothing against the rules, rules exist, the poster may recruit.")
    no_rules: bool
    may_recruit: bool
    recruiting_reasons: list[str]
    violations: list[FindingOut]
    warnings: list[FindingOut]
    warning_rule_ids: list[str]
    packs: list[PackOut]
    checked: list[str] = Field(description='"Checked against … version … on …" lines, in the language.')
