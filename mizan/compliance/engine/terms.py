"""A job offer as a worker or a recruiter states it. Every field is optional: what is missing is reported
as "could not check", never a crash. Money is Decimal; floats are refused where they would lose cents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$", to_upper=True, strip_whitespace=True)]
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$", to_upper=True, strip_whitespace=True)]
RegionCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$", to_upper=True, strip_whitespace=True)
]
# BCP 47 primary language subtag (en, ar, ne, fil …); regions and scripts are dropped when comparing.
LanguageCode = Annotated[
    str, StringConstraints(pattern=r"^[a-zA-Z]{2,3}([-_][A-Za-z0-9]{2,8})*$", strip_whitespace=True)
]
Amount = Annotated[Decimal, Field(ge=0, allow_inf_nan=False, max_digits=18)]
Hours = Annotated[Decimal, Field(ge=0, le=168, allow_inf_nan=False)]


class Sector(StrEnum):
    DOMESTIC_WORK = "domestic_work"
    CONSTRUCTION = "construction"
    MANUFACTURING = "manufacturing"
    AGRICULTURE = "agriculture"
    FISHING = "fishing"
    HOSPITALITY = "hospitality"
    CARE = "care"
    SERVICES = "services"
    OTHER = "other"


class PayPeriod(StrEnum):
    MONTHLY = "monthly"
    DAILY = "daily"
    HOURLY = "hourly"


class AllowanceKind(StrEnum):
    FOOD = "food"
    HOUSING = "housing"
    OTHER = "other"


class CostCategory(StrEnum):
    """The ILO related-cost categories (fact INT.ILO-RFD.CAT), split where national law splits them."""

    RECRUITMENT_FEE = "recruitment_fee"  # service, placement or agency fee, commission
    MEDICAL = "medical"
    INSURANCE = "insurance"
    SKILLS_TEST = "skills_test"
    TRAINING = "training"  # training and orientation
    EQUIPMENT = "equipment"
    TRAVEL = "travel"  # air ticket and other travel
    LODGING = "lodging"
    VISA_PERMIT = "visa_permit"  # visa, work and residence permits
    DOCUMENTS = "documents"  # passport, police clearance, certificates, attestation
    ADMINISTRATIVE = "administrative"  # applications, processing, registration
    GOVERNMENT_LEVY = "government_levy"  # welfare funds, statutory contributions
    DEPOSIT_BOND = "deposit_bond"  # deposits, bonds, collateral (illegitimate)
    ILLEGITIMATE = "illegitimate"  # bribes, tributes, kick-backs
    OTHER = "other"


class Party(StrEnum):
    WORKER = "worker"
    EMPLOYER = "employer"
    RECRUITER = "recruiter"
    GOVERNMENT = "government"
    OTHER = "other"


class FeeStatus(StrEnum):
    PAID = "paid"
    ASKED = "asked"  # asked to pay, not paid yet
    OWED = "owed"  # to be repaid later (a loan, a salary deduction)


class DocumentKind(StrEnum):
    PASSPORT = "passport"
    IDENTITY = "identity"  # identity card, residence card, work permit
    CONTRACT = "contract"


class Buyout(StrEnum):
    """Whether rest days are worked for extra pay instead of taken."""

    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class DeductionKind(StrEnum):
    TAX = "tax"
    SOCIAL_SECURITY = "social_security"
    FOOD = "food"
    HOUSING = "housing"
    RECRUITMENT_COSTS = "recruitment_costs"  # repays costs the employer or agency advanced
    OTHER = "other"


class Particular(StrEnum):
    """The particulars of ILO C189 Art 7, (a) to (k)."""

    PARTIES = "parties"  # (a) names and addresses of employer and worker
    WORKPLACE = "workplace"  # (b)
    START_AND_DURATION = "start_and_duration"  # (c)
    TYPE_OF_WORK = "type_of_work"  # (d)
    REMUNERATION = "remuneration"  # (e) pay, how it is calculated and when it is paid
    NORMAL_HOURS = "normal_hours"  # (f)
    LEAVE_AND_REST = "leave_and_rest"  # (g) paid annual leave, daily and weekly rest
    FOOD_AND_ACCOMMODATION = "food_and_accommodation"  # (h) if applicable
    PROBATION = "probation"  # (i) if applicable
    REPATRIATION = "repatriation"  # (j) if applicable
    TERMINATION = "termination"  # (k) including notice


class Indicator(StrEnum):
    """The 11 ILO indicators of forced labour (fact INT.ILO-FLI.LIST)."""

    ABUSE_OF_VULNERABILITY = "abuse_of_vulnerability"
    DECEPTION = "deception"
    RESTRICTION_OF_MOVEMENT = "restriction_of_movement"
    ISOLATION = "isolation"
    PHYSICAL_SEXUAL_VIOLENCE = "physical_sexual_violence"
    INTIMIDATION_THREATS = "intimidation_threats"
    RETENTION_OF_IDENTITY_DOCUMENTS = "retention_of_identity_documents"
    WITHHOLDING_OF_WAGES = "withholding_of_wages"
    DEBT_BONDAGE = "debt_bondage"
    ABUSIVE_CONDITIONS = "abusive_conditions"
    EXCESSIVE_OVERTIME = "excessive_overtime"


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pay(_Part):
    amount: Amount | None = None
    currency: CurrencyCode | None = None
    period: PayPeriod | None = None


class Allowance(_Part):
    """A cash allowance (amount), or the thing itself provided free (provided=true; amount = its value)."""

    amount: Amount | None = None
    currency: CurrencyCode | None = None
    period: PayPeriod = PayPeriod.MONTHLY
    provided: bool = False


class Allowances(_Part):
    food: Allowance | None = None
    housing: Allowance | None = None
    other: Allowance | None = None

    def get(self, kind: AllowanceKind) -> Allowance | None:
        value: Allowance | None = getattr(self, kind.value)
        return value


class Deduction(_Part):
    kind: DeductionKind
    amount: Amount
    currency: CurrencyCode | None = None  # defaults to the pay currency
    period: PayPeriod = PayPeriod.MONTHLY


class WorkingHours(_Part):
    per_day: Hours | None = None
    per_week: Hours | None = None
    overtime_per_day: Hours | None = None
    overtime_per_week: Hours | None = None


class Rest(_Part):
    days_per_week: Annotated[Decimal, Field(ge=0, le=7)] | None = None
    consecutive_hours: Hours | None = None  # length of the weekly rest
    buyout: Buyout | None = None
    daily_rest_hours: Annotated[Decimal, Field(ge=0, le=24)] | None = None  # consecutive rest each day


class FeeItem(_Part):
    category: CostCategory
    amount: Amount | None = None
    currency: CurrencyCode | None = None
    paid_by: Party | None = None
    paid_to: Party | None = None
    status: FeeStatus = FeeStatus.PAID
    deducted_from_wages: bool = False  # repaid through deductions from pay
    note: Annotated[str, Field(max_length=200)] | None = None

    @property
    def borne_by_worker(self) -> bool:
        return self.paid_by is Party.WORKER or self.deducted_from_wages


class Documents(_Part):
    passport_held_by: Party | None = None
    identity_held_by: Party | None = None
    contract_held_by: Party | None = None

    def holder(self, kind: DocumentKind) -> Party | None:
        value: Party | None = getattr(self, _HOLDER_FIELDS[kind])
        return value


_HOLDER_FIELDS = {kind: f"{kind.value}_held_by" for kind in DocumentKind}


class Contract(_Part):
    written: bool | None = None
    received_before_departure: bool | None = None
    particulars: frozenset[Particular] | None = None  # those the contract states
    languages: frozenset[LanguageCode] | None = None
    duration_months: Annotated[int, Field(ge=1, le=240)] | None = None


class Worker(_Part):
    age: Annotated[int, Field(ge=0, le=120)] | None = None
    languages: frozenset[LanguageCode] | None = None  # languages the worker reads


class Recruiter(_Part):
    direct_hire: bool | None = None  # hired by the employer without an agency
    licensed: bool | None = None
    licence_number: Annotated[str, Field(max_length=80)] | None = None


class OfferTerms(_Part):
    origin: CountryCode | None = None
    destination: CountryCode | None = None
    destination_region: RegionCode | None = None  # ISO 3166-2, e.g. TH-10 (Bangkok)
    sector: Sector | None = None
    worker_category: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,40}$")] | None = None
    date: dt.date | None = None
    pay: Pay | None = None
    allowances: Allowances | None = None
    deductions: tuple[Deduction, ...] | None = None
    hours: WorkingHours | None = None
    overtime_rate: Annotated[Decimal, Field(ge=0, le=10, allow_inf_nan=False)] | None = None
    rest: Rest | None = None
    annual_leave_days: Annotated[Decimal, Field(ge=0, le=366)] | None = None
    fees: tuple[FeeItem, ...] | None = None  # None: not stated; (): nothing to pay
    documents: Documents | None = None
    contract: Contract | None = None
    worker: Worker | None = None
    recruiter: Recruiter | None = None
    indicators: frozenset[Indicator] | None = None  # situations the worker reports; empty: none

    @model_validator(mode="after")
    def _region_in_destination(self) -> OfferTerms:
        if self.destination_region and self.destination and self.destination_region[:2] != self.destination:
            raise ValueError("destination_region must be a region of the destination country")
        return self


def language_base(code: str) -> str:
    """The primary subtag, lower-case: ``fil-PH`` → ``fil``."""
    return code.replace("_", "-").split("-", 1)[0].lower()
