"""The wages app's HTML pages, for the shared weight, header, accessibility and layout checks."""

from __future__ import annotations

from typing import Any

from tests.pages import Page
from tests.personas import Personas


def _entry(personas: Personas) -> dict[str, Any]:
    from tests.wages.helpers import event, record, terms_for

    worker = personas.worker
    terms_for(worker)
    record(worker, event("work", "2026-10-05 08:00", "2026-10-05 20:00", note="Cleaning, cooking"))
    stored = record(worker, event("standby", "2026-10-05 19:00", "2026-10-05 23:00", time_zone="Asia/Manila"))
    return {"event_id": stored[0].pk}


def _evidence(personas: Personas) -> dict[str, Any]:
    from mizan.wages.periods import parse_period
    from mizan.wages.services.evidence import evidence_export

    _entry(personas)
    period = parse_period("2026-10")
    assert period is not None
    evidence = evidence_export(actor=personas.worker, worker=personas.worker, period=period, language="en")
    return {"evidence_id": evidence.pk}


def _statement(personas: Personas) -> dict[str, Any]:
    _entry(personas)
    return {"period": "2026-10"}


def _shared(personas: Personas) -> dict[str, Any]:
    from mizan.wages.services.sharing import sharing_give

    _entry(personas)
    organisation = personas.employer.memberships.get().organisation
    sharing_give(actor=personas.worker, worker=personas.worker, organisation=organisation)
    return {"org_id": organisation.pk, "worker_id": personas.worker.pk}


PAGES: list[Page] = [
    Page("wages:today", persona="worker"),
    Page("wages:today", kwargs=lambda p: _entry(p) and {}, persona="worker", label="with entries"),
    Page("wages:add", persona="worker"),
    Page("wages:day", persona="worker", query="date=2026-10-05", kwargs=lambda p: _entry(p) and {}),
    Page("wages:week", persona="worker", query="date=2026-10-05", kwargs=lambda p: _entry(p) and {}),
    Page("wages:entry", kwargs=_entry, persona="worker"),
    Page("wages:change", kwargs=_entry, persona="worker"),
    Page("wages:delete", kwargs=_entry, persona="worker"),
    Page("wages:offline"),
    Page("wages:pay", persona="worker"),
    Page("wages:terms", persona="worker"),
    Page("wages:statement", kwargs=_statement, persona="worker"),
    Page("wages:planner", persona="worker"),
    Page(
        "wages:planner",
        persona="worker",
        query="currency=HKD&income=4990&living_costs=800&send_home=2500&debt=12000&debt_payment=1000&interest_percent=1",
        label="with a plan",
    ),
    Page("wages:evidence", persona="worker"),
    Page("wages:evidence_detail", kwargs=_evidence, persona="worker"),
    Page("wages:verify"),
    Page("wages:sharing", persona="worker"),
    Page("wages:employer", persona="employer"),
    Page("wages:employer_log", kwargs=_shared, persona="employer", query="period=2026-10"),
    Page("wages:inspector", persona="inspector"),
]
