"""Schemas of the matching API: explained, blind candidates; jobs for a worker; invitations."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from ninja import Schema
from pydantic import Field


class LineOut(Schema):
    component: str = Field(
        description="occupation, essential_skills, optional_skills, experience, languages, …"
    )
    text: str = Field(description="Why, in the reader's language.")
    points: float
    max_points: float


class ExplanationOut(Schema):
    lines: list[LineOut]
    checks: list[str] = Field(description="The yes/no checks passed, in words.")
    missing_skills: list[str] = Field(description="Skills the job needs that the profile does not list.")
    essential_covered: int
    essential_total: int


class ReasonOut(Schema):
    code: str = Field(description="A stable reason code, e.g. matching.filtered.pay_below_minimum.")
    text: str
    count: int


class OccupationOut(Schema):
    esco_code: str
    isco_code: str
    title: str
    years_of_experience: float
    is_main: bool


class LanguageOut(Schema):
    code: str
    name: str
    level: int = Field(
        description="0 a few words, 1 can talk, 2 speaks well (a mother tongue is shown as 2: it would hint "
        "at where the worker comes from)."
    )


class CandidateOut(Schema):
    handle: str = Field(
        description="This candidate's opaque name on this vacancy's shortlist: invite with it."
    )
    position: int
    score: float = Field(description="Points of 100.")
    strength: str = Field(description="strong, good or partial.")
    strength_label: str
    explanation: ExplanationOut
    occupations: list[OccupationOut]
    languages: list[LanguageOut]
    verified_certificates: list[str]
    available_from: dt.date | None
    invitation: str | None = Field(description="The status of an invitation already sent, in words.")


class ShortlistOut(Schema):
    vacancy: UUID
    organisation: UUID = Field(description="The organisation the reader acts for (recorded on each look).")
    candidates: list[CandidateOut]
    considered: int
    eligible: int
    reasons: list[ReasonOut] = Field(description="Why workers were left out, with how many.")
    empty_reason: str | None = Field(description="A stable code when there are no candidates.")
    empty_text: str
    notes: list[str]
    ranking_log: UUID | None
    engine_version: str
    weights_version: str


class JobOut(Schema):
    vacancy: UUID
    url: str
    title: str
    occupation: str
    employer: str
    destination: str
    pay_per_month: str | None = Field(
        description="Basic pay a month, as money text in the reader's language."
    )
    start_date: dt.date
    position: int
    score: float
    strength: str
    strength_label: str
    explanation: ExplanationOut


class JobsOut(Schema):
    state: str = Field(description="jobs, no_jobs, no_profile (add skills) or off (job matching is off).")
    state_text: str
    jobs: list[JobOut]
    considered: int
    reasons: list[ReasonOut]
    notes: list[str]
    ranking_log: UUID | None


class InviteIn(Schema):
    handle: str = Field(min_length=1, max_length=32, description="The candidate's handle on the shortlist.")
    reason: str = Field(
        min_length=1,
        max_length=300,
        description="Why you invite this worker, in a few words. The worker reads it.",
    )


class InvitationSentOut(Schema):
    id: UUID
    handle: str
    status: str
    status_label: str
    reason: str
    invited_by: str
    created_at: dt.datetime
    answered_at: dt.datetime | None


class InvitationOut(Schema):
    id: UUID
    vacancy: UUID
    title: str
    occupation: str
    employer: str
    organisation: str
    destination: str
    start_date: dt.date
    reason: str
    status: str = Field(description="invited, accepted, declined or withdrawn.")
    status_label: str
    created_at: dt.datetime
    answered_at: dt.datetime | None
    is_open: bool
    job_on_board: bool


class AnswerIn(Schema):
    accept: bool
