"""Every page of the matching app, for the shared weight, header, accessibility and layout checks."""

from __future__ import annotations

from typing import Any

from tests.pages import Page
from tests.personas import Personas


def _taxonomy() -> dict[str, Any]:
    from mizan.taxonomy.models import Occupation
    from mizan.taxonomy.services import taxonomy_import
    from tests.matching.helpers import reset_matching

    if not Occupation.objects.filter(code="7212.3").exists():
        taxonomy_import(only_common=True)
    reset_matching()  # the index lives in memory: start from this test's database
    return {occupation.code: occupation for occupation in Occupation.objects.filter(is_common=True)}


def _shortlist(personas: Personas) -> dict[str, Any]:
    """A published job of the recruiter's agency, twenty candidates, one of them invited."""
    from mizan.matching import selectors, services
    from tests.matching.helpers import new_worker, published_vacancy

    taxonomy = _taxonomy()
    for n in range(20):
        new_worker(
            taxonomy, years=str(n % 9), essential=1 + n % 12, optional=n % 5, languages={"ne": 3, "en": n % 4}
        )
    vacancy = published_vacancy(
        taxonomy,
        posted_by=personas.organisation("agency"),
        languages=[("en", "basic")],
        title="Steel welder (test)",
    )
    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id, k=5)
    assert len(found.candidates) > 1, (found.empty_reason, found.considered, found.eligible, found.reasons)
    services.invite(
        actor=personas.recruiter,
        vacancy=vacancy.id,
        candidate_handle=found.candidates[1].handle,
        reason="Welds steel and speaks English.",
    )
    return {"vacancy_id": vacancy.id}


def _empty_shortlist(personas: Personas) -> dict[str, Any]:
    from tests.matching.helpers import new_worker, published_vacancy

    taxonomy = _taxonomy()
    new_worker(taxonomy, min_pay="9000")
    return {"vacancy_id": published_vacancy(taxonomy, posted_by=personas.organisation("agency")).id}


def _jobs(personas: Personas) -> dict[str, Any]:
    """The worker has a profile, three jobs fit, and one agency invited them."""
    from mizan.matching import selectors, services
    from tests.matching.helpers import build_profile, published_vacancy

    taxonomy = _taxonomy()
    build_profile(personas.worker, taxonomy, essential=5, languages={"ne": 3})
    agency = personas.organisation("agency")
    vacancies = [
        published_vacancy(taxonomy, posted_by=agency, destination=country, currency="QAR", languages=needs)
        for country, needs in (("QA", [("en", "basic")]), ("SA", []), ("AE", [("ar", "good")]))
    ]
    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancies[0].id)
    services.invite(
        actor=personas.recruiter,
        vacancy=vacancies[0].id,
        candidate_handle=found.candidates[0].handle,
        reason="Your welding skills fit this job.",
    )
    return {}


def _matching_off(personas: Personas) -> dict[str, Any]:
    from tests.matching.helpers import build_profile

    build_profile(personas.worker, _taxonomy(), consent=False)
    return {}


def _logs(personas: Personas) -> dict[str, Any]:
    _shortlist(personas)
    return {}


PAGES: list[Page] = [
    Page("matching:shortlist", kwargs=_shortlist, persona="recruiter", label="candidates"),
    Page("matching:shortlist", kwargs=_empty_shortlist, persona="recruiter", label="nobody fits"),
    Page("matching:for_me", kwargs=_jobs, persona="worker", label="jobs and an invitation"),
    Page("matching:for_me", kwargs=_matching_off, persona="worker", label="matching off"),
    Page("matching:audit", kwargs=_logs, persona="auditor", label="rankings"),
]
