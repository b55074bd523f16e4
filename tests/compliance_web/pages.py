"""Every page of the compliance app, for the shared weight, header, accessibility and layout checks."""

from __future__ import annotations

from typing import Any

from tests.pages import Page
from tests.personas import Personas

# A Nepal -> Qatar construction job with a large fee, a kept passport and two reported signs of forced
# labour: a long result with every section (against the rules, to check, fine, could not check, money).
RESULT_QUERY = (
    "origin=NP&destination=QA&sector=construction&pay=900&currency=QAR&period=monthly&food=none"
    "&housing=free&hours=11&days_off=0&fee_agency=150000&fee_medical=5000&fee_currency=NPR&fee_status=owed"
    "&passport=employer&id_card=worker&age=17&contract=yes&contract_readable=no&licensed=no"
    "&indicators=deception&indicators=withholding_of_wages&on=2026-01-10"
)


def _proposal(personas: Personas) -> dict[str, Any]:
    from mizan.compliance import services
    from tests.compliance_web.conftest import np_version

    proposal = services.proposal_create(
        actor=personas.officer,
        yaml_text=np_version(version="2027.01", effective_from="2027-01-01", cap="20000"),
        source_name="NP.yaml",
        note="The cap was raised.",
    )
    return {"proposal_id": proposal.id}


def _invalid_proposal(personas: Personas) -> dict[str, Any]:
    from mizan.compliance import services

    proposal = services.proposal_create(
        actor=personas.officer, yaml_text="id: NP\nversion: [\n", source_name="broken.yaml", pack_id="NP"
    )
    return {"proposal_id": proposal.id}


PAGES: list[Page] = [
    Page("compliance:check"),
    Page("compliance:check", query=RESULT_QUERY, label="answers filled in"),
    Page("compliance:result", query=RESULT_QUERY),
    Page("compliance:result", query="destination=HK", label="almost nothing given"),
    Page("rules:index", persona="officer"),
    Page("rules:index", persona="platform_admin", label="every pack"),
    Page("rules:pack", kwargs={"pack_id": "NP"}, persona="officer"),
    Page("rules:pack", kwargs={"pack_id": "HK-domestic_work"}, persona="platform_admin"),
    Page("rules:version", kwargs={"pack_id": "NP", "version": "2015.07"}, persona="officer"),
    Page("rules:propose", persona="officer"),
    Page("rules:propose", persona="officer", query="pack=NP", label="prefilled"),
    Page("rules:propose_wage", kwargs={"pack_id": "QA"}, persona="platform_admin"),
    Page("rules:proposal", kwargs=_proposal, persona="platform_admin"),
    Page("rules:proposal", kwargs=_proposal, persona="officer", label="own proposal"),
    Page("rules:proposal", kwargs=_invalid_proposal, persona="platform_admin", label="invalid"),
]
