"""Every page of the registry, for the shared weight, header, accessibility and layout checks."""

from __future__ import annotations

from typing import Any

from tests.pages import Page
from tests.personas import Personas


def _rich_record(personas: Personas) -> dict[str, Any]:
    """A recruiter with a licence, an expired one, a certification, a running and a lifted sanction."""
    from mizan.accounts.models import Organisation
    from mizan.registry import services
    from tests.registry.helpers import days, licence, sanction

    agency = personas.organisation(Organisation.Kind.AGENCY)
    licence(agency, "DEMO-NP-1234/079", address="Ward 4, Kathmandu", actor=personas.officer)
    licence(agency, "DEMO-NP-0042/072", valid_from=days(-2000), valid_to=days(-300), actor=personas.officer)
    services.certification_record(
        actor=personas.auditor, organisation=agency, standard="IRIS", level="Certified",
        valid_from=days(-30), valid_to=days(700),
    )  # fmt: skip
    lifted = sanction(agency, "warning", reason="Late reports to the authority.", actor=personas.officer)
    services.sanction_lift(actor=personas.officer, sanction=lifted, reason="The reports arrived.")
    sanction(agency, "suspension", reason="Workers were charged recruitment fees.", actor=personas.officer)
    return {"organisation_id": agency.pk}


def _agency(personas: Personas) -> dict[str, Any]:
    from mizan.accounts.models import Organisation

    personas.officer  # noqa: B018 - the authority exists
    return {"organisation_id": personas.organisation(Organisation.Kind.AGENCY).pk}


def _licence(personas: Personas) -> dict[str, Any]:
    from mizan.accounts.models import Organisation
    from tests.registry.helpers import licence

    found = licence(personas.organisation(Organisation.Kind.AGENCY), "NP-1/080", actor=personas.officer)
    return {"licence_id": found.pk}


def _sanction(personas: Personas) -> dict[str, Any]:
    from mizan.accounts.models import Organisation
    from tests.registry.helpers import sanction

    found = sanction(personas.organisation(Organisation.Kind.AGENCY), "suspension", actor=personas.officer)
    return {"sanction_id": found.pk}


def _certification(personas: Personas) -> dict[str, Any]:
    from mizan.accounts.models import Organisation
    from mizan.registry import services
    from tests.registry.helpers import days

    found = services.certification_record(
        actor=personas.auditor, organisation=personas.organisation(Organisation.Kind.AGENCY),
        standard="IRIS", valid_from=days(-1), valid_to=days(700),
    )  # fmt: skip
    return {"certification_id": found.pk}


def _search_results(personas: Personas) -> dict[str, Any]:
    _rich_record(personas)
    return {}


PAGES: list[Page] = [
    Page("registry:search"),
    Page("registry:search", kwargs=_search_results, query="q=Test+recruitment", label="results"),
    Page("registry:search", query="q=Zygote+Quartz", label="not in the registry"),
    Page("registry:record", kwargs=_rich_record),
    Page("registry:manage", persona="officer"),
    Page("registry:manage", persona="auditor"),
    Page("registry:import", persona="officer"),
    Page("registry:licence_new", persona="officer"),
    Page("registry:licence_change", kwargs=_licence, persona="officer"),
    Page("registry:manage_organisation", kwargs=_rich_record, persona="officer"),
    Page("registry:sanction_new", kwargs=_agency, persona="officer"),
    Page("registry:sanction_lift", kwargs=_sanction, persona="officer"),
    Page("registry:certification_new", kwargs=_agency, persona="auditor"),
    Page("registry:certification_withdraw", kwargs=_certification, persona="auditor"),
]
