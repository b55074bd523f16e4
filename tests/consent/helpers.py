"""What the consent tests share: workers with consents, and reads by the personas."""

from __future__ import annotations

from typing import Any

from mizan.accounts.models import Organisation, User
from mizan.privacy.consent import access, services
from mizan.privacy.consent.models import AccessRecord, Consent, Method
from tests.factories import WorkerFactory
from tests.personas import Personas


def agency(personas: Personas) -> Organisation:
    return personas.organisation(Organisation.Kind.AGENCY)


def give(worker: User, purpose: str = "job_matching", organisation: Organisation | None = None) -> Consent:
    return services.consent_give(worker=worker, purpose=purpose, organisation=organisation, method=Method.WEB)


def read(actor: User, worker: User, **kwargs: Any) -> access.AccessGrant:
    kwargs.setdefault("purpose", "job_matching")
    kwargs.setdefault("categories", ["skills_experience"])
    return access.require_access(actor=actor, worker=worker, **kwargs)


def records_of(worker: User) -> list[AccessRecord]:
    return list(AccessRecord.objects.filter(worker=worker).order_by("at"))


def workers_with_matching(count: int, *, consenting: int) -> list[User]:
    """``count`` workers, the first ``consenting`` of whom turned job matching on."""
    workers = WorkerFactory.create_batch(count)
    for worker in workers[:consenting]:
        give(worker)
    return workers
