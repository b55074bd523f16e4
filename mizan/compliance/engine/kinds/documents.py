"""Papers: identity documents kept by others, contract particulars, and the contract's language."""

from __future__ import annotations

from pydantic import Field

from mizan.compliance.engine.context import RuleContext
from mizan.compliance.engine.findings import Finding
from mizan.compliance.engine.kinds import Params, rule_kind, settle
from mizan.compliance.engine.terms import (
    DocumentKind,
    LanguageCode,
    OfferTerms,
    Particular,
    Party,
    language_base,
)


class RetentionParams(Params):
    documents: list[DocumentKind] = Field(
        default_factory=lambda: [DocumentKind.PASSPORT, DocumentKind.IDENTITY], min_length=1
    )
    holders: list[Party] = Field(default_factory=lambda: [Party.EMPLOYER, Party.RECRUITER], min_length=1)


@rule_kind("document_retention_prohibited", RetentionParams)
def document_retention_prohibited(
    terms: OfferTerms, params: RetentionParams, ctx: RuleContext
) -> list[Finding]:
    """The listed documents must not be kept by the listed holders."""
    problems: list[Finding] = []
    missing: list[str] = []
    for kind in params.documents:
        holder = terms.documents.holder(kind) if terms.documents else None
        if holder is None:
            missing.append(f"documents.{kind.value}_held_by")
        elif holder in params.holders:
            problems.append(
                ctx.violation(
                    "compliance.document_retention_prohibited.kept", document=kind.value, holder=holder.value
                )
            )
    return settle(ctx, problems, missing)


C189_ART7_REQUIRED = [
    Particular.PARTIES,
    Particular.WORKPLACE,
    Particular.START_AND_DURATION,
    Particular.TYPE_OF_WORK,
    Particular.REMUNERATION,
    Particular.NORMAL_HOURS,
    Particular.LEAVE_AND_REST,
    Particular.TERMINATION,
]


PARTICULARS = tuple(Particular)


class ParticularsParams(Params):
    required: list[Particular] = Field(default_factory=lambda: list(C189_ART7_REQUIRED))
    written: bool = False  # must the contract be in writing?
    before_departure: bool = False  # must the worker receive it before leaving home?


@rule_kind("contract_particulars", ParticularsParams)
def contract_particulars(terms: OfferTerms, params: ParticularsParams, ctx: RuleContext) -> list[Finding]:
    """The contract (or written offer) must state the required particulars, in writing and in time."""
    problems: list[Finding] = []
    missing: list[str] = []
    contract = terms.contract
    if params.written:
        if contract is None or contract.written is None:
            missing.append("contract.written")
        elif not contract.written:
            problems.append(ctx.violation("compliance.contract_particulars.not_written"))
    if params.before_departure:
        if contract is None or contract.received_before_departure is None:
            missing.append("contract.received_before_departure")
        elif not contract.received_before_departure:
            problems.append(ctx.violation("compliance.contract_particulars.late"))
    if params.required:
        if contract is None or contract.particulars is None:
            missing.append("contract.particulars")
        else:
            absent = [
                item.value
                for item in PARTICULARS
                if item in params.required and item not in contract.particulars
            ]
            if absent:
                problems.append(
                    ctx.violation("compliance.contract_particulars.missing", particulars=",".join(absent))
                )
    return settle(ctx, problems, missing)


class LanguageParams(Params):
    worker_language: bool = True  # must the contract be in a language the worker reads?
    required: list[LanguageCode] = Field(default_factory=list)  # languages the law requires as well


@rule_kind("contract_language", LanguageParams)
def contract_language(terms: OfferTerms, params: LanguageParams, ctx: RuleContext) -> list[Finding]:
    """The contract must be in a language the worker reads, and in any language the law requires."""
    problems: list[Finding] = []
    missing: list[str] = []
    contract = terms.contract
    if contract is None or contract.languages is None:
        return [ctx.unknown("contract.languages")]
    written_in = {language_base(code) for code in contract.languages}
    if params.worker_language:
        reads = terms.worker.languages if terms.worker else None
        if reads is None:
            missing.append("worker.languages")
        elif not written_in & {language_base(code) for code in reads}:
            problems.append(
                ctx.violation(
                    "compliance.contract_language.not_understood", languages=",".join(sorted(written_in))
                )
            )
    lacking = sorted({language_base(code) for code in params.required} - written_in)
    if lacking:
        problems.append(
            ctx.violation("compliance.contract_language.required_missing", languages=",".join(lacking))
        )
    return settle(ctx, problems, missing)
